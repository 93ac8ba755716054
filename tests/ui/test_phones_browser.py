"""End to end with Debian's Chromium: two phones join through a host name mapped to loopback,
so the page is not a secure context (as on a real phone on http://192.168...), and their
notes reach the laptop's board as text."""

import pytest

from tests.report import browser

PHONE_HOST = "phone.test"


@pytest.fixture
def chromium_phone():
    """A headless Chromium resolving ``phone.test`` to loopback (no other traffic)."""
    path = browser.chromium_path()
    if path is None:
        browser._unavailable("Chromium was not found")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        browser._unavailable("Playwright for Python is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=path, args=[*browser.ARGS, f"--host-resolver-rules=MAP {PHONE_HOST} 127.0.0.1"])
        try:
            yield launched
        finally:
            launched.close()


def test_two_phones_join_and_a_note_with_markup_shows_on_the_board_as_text(qtbot, running, fresh_db,
                                                                           chromium_phone):
    window = running
    join_url = window.phones.turn_on(window.workshop_id, "127.0.0.1", name=PHONE_HOST)
    assert join_url.startswith(f"http://{PHONE_HOST}:")
    exercise = window.run_view.exercise
    texts = ["<img src=x onerror=alert(1)>", "Bring the pharmacy in earlier"]
    pages = []
    for name, text in zip(["Amira", "Ben"], texts):
        page = chromium_phone.new_context(viewport={"width": 360, "height": 740}).new_page()
        dialogs = []
        page.on("dialog", lambda dialog, seen=dialogs: (seen.append(dialog.message), dialog.dismiss()))
        page.goto(join_url)
        assert page.evaluate("window.isSecureContext") is False
        assert page.evaluate("typeof crypto.randomUUID") == "undefined"
        page.get_by_role("button", name=name).click()
        page.get_by_role("textbox", name="Your note").fill(text)
        page.get_by_role("button", name="Send").click()
        pages.append((page, dialogs))
        qtbot.waitUntil(lambda t=text: t in [n.text for n in fresh_db.notes(exercise.id)], timeout=20_000)

    scene = window.run_view.board_scene
    shown = {card.note.text for card in scene.cards.values()}
    assert set(texts) <= shown
    for (page, dialogs), text in zip(pages, texts):
        page.get_by_text("Saved").first.wait_for(timeout=20_000)
        assert page.locator("#mine .text").first.text_content() == text
        assert page.locator("#mine img").count() == 0 and dialogs == []
    assert page.locator("#exercise-title").text_content() == exercise.title
    authors = {n.text: n.author_id for n in fresh_db.notes(exercise.id)}
    people = {p.name: p.id for p in fresh_db.participants(window.workshop_id)}
    assert authors == {texts[0]: people["Amira"], texts[1]: people["Ben"]}
