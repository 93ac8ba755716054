"""End to end with Debian's Chromium: two phones join through a host name mapped to loopback,
so the page is not a secure context (as on a real phone on http://192.168...), and their
notes reach the laptop's board as text; they vote beside a laptop ballot and see nothing of
the vote before the reveal, then the results."""

import json

import pytest
from PySide6.QtCore import Qt

from collabdesk.ui.phones.panel import PhonesPanel
from tests.net.privacy import assert_private
from tests.report import browser
from tests.ui.desk import LEFT, add_notes, docks, start_vote

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


def test_a_vote_from_two_phones_and_the_laptop_shows_nothing_before_the_reveal_and_the_results_after(
        qtbot, running, fresh_db, chromium_phone, monkeypatch):
    window = running
    notes = add_notes(window, "More night buses", "Shade in the square", "A library van")
    round_id = start_vote(qtbot, window, monkeypatch, max_per_item=2)
    join_url = window.phones.turn_on(window.workshop_id, "127.0.0.1", name=PHONE_HOST)
    people = [p.name for p in fresh_db.participants(window.workshop_id)]
    received: dict[str, list] = {}  # every message each phone received: API answers and live pushes
    pages = {}
    for name in ("Amira", "Ben"):
        page = chromium_phone.new_context(viewport={"width": 360, "height": 740}).new_page()
        seen = received[name] = []
        page.on("websocket", lambda ws, seen=seen: ws.on("framereceived", lambda frame: seen.append(frame)))
        page.on("response", lambda response, seen=seen: "/api/" in response.url and seen.append(response))
        page.goto(join_url)
        page.get_by_role("button", name=name).click()
        page.get_by_text("You have 3 dots to place on the notes, at most 2 on one card.").wait_for()
        pages[name] = page

    def add(page, note, times=1, key=None):
        button = page.get_by_role("group", name=note.text).get_by_role("button", name="Add a dot")
        for _ in range(times):
            button.press(key) if key else button.click()

    amira, ben = pages["Amira"], pages["Ben"]
    add(amira, notes[0], 2)
    more = amira.get_by_role("group", name=notes[0].text).get_by_role("button", name="Add a dot")
    assert more.get_attribute("aria-disabled") == "true"
    more.click(force=True)  # a tap on the dimmed button: the page holds the card's cap of 2, and says why
    assert amira.get_by_role("group", name=notes[0].text).get_by_text("2 dots").is_visible()
    assert amira.locator("#vote-left").text_content() == "This vote allows at most 2 dots on one card."
    add(amira, notes[1])
    amira.get_by_role("button", name="Save my vote").click()
    add(ben, notes[0], key="Enter")  # a keyboard works the ballot too
    add(ben, notes[2], 2, key="Space")
    assert ben.locator("#vote-left").text_content() == "0 dots left of 3"
    ben.get_by_role("button", name="Save my vote").click()
    qtbot.waitUntil(lambda: fresh_db.ballots(round_id)[1].status == "confirmed", timeout=20_000)
    for page in (amira, ben):
        page.get_by_text("Saved. You can change your vote until the vote closes.").wait_for(timeout=20_000)

    _actions, votes = docks(window)  # Chen Wei has no phone: the laptop comes to them, and only them
    qtbot.mouseClick(votes.panel.collect_button, LEFT)
    screen = window.run_view.screen
    assert screen.hand_over.name_label.text() == "Chen Wei"
    qtbot.mouseClick(screen.hand_over.start_button, LEFT)
    ballot = screen.voting_page
    ballot.setFocus()
    # The first note once, the second twice.
    for key in (Qt.Key.Key_Plus, Qt.Key.Key_Right, Qt.Key.Key_Plus, Qt.Key.Key_Plus):
        qtbot.keyClick(ballot, key)
    qtbot.keyClick(ballot, Qt.Key.Key_Return)
    assert screen.currentWidget() is screen.finished_page
    for page in (amira, ben):  # nothing of anyone else's dots, no count, on the page
        assert page.locator("#vote-results-box").is_hidden()
        assert page.locator("#vote-results li").count() == 0
    qtbot.mouseClick(screen.finished_page.done_button, LEFT)
    qtbot.mouseClick(votes.panel.close_button, LEFT)  # closed, still hidden: the phones keep their own vote
    qtbot.waitUntil(lambda: not window.phones.link.vote_push_pending)
    for page in (amira, ben):
        page.get_by_text("Voting is closed. The results appear here when the facilitator shows them.").wait_for()
        assert page.locator("#vote-state").text_content() == "Your vote is saved."
        assert page.get_by_role("button", name="Add a dot").count() == 0

    qtbot.mouseClick(votes.panel.reveal_button, LEFT)
    qtbot.waitUntil(lambda: not window.phones.link.vote_push_pending)  # pushed with whatever follows it closely
    expected = [("1", "More night buses", "4 dots"), ("2", "Shade in the square", "3 dots"),
                ("3", "A library van", "2 dots")]
    for page in (amira, ben):
        page.locator("#vote-results li").nth(2).wait_for(timeout=20_000)
        rows = page.locator("#vote-results li")
        assert [(rows.nth(i).locator(".rank").text_content(), rows.nth(i).locator(".card-text").text_content(),
                 rows.nth(i).locator(".result-dots").text_content()) for i in range(rows.count())] == expected
        assert page.locator("#vote-items").is_hidden()

    own = {"Amira": [{f"note:{notes[0].id}": 2, f"note:{notes[1].id}": 1}],
           "Ben": [{f"note:{notes[0].id}": 1, f"note:{notes[2].id}": 2}]}
    for name, messages in received.items():
        bodies = [json.loads(m) if isinstance(m, str) else m.json() for m in messages]
        hidden = [b for b in bodies if not (b.get("vote") or {}).get("revealed")]
        assert len(hidden) >= 4 and any(b.get("status") == "voted" for b in hidden)
        for body in hidden:
            assert_private(body, own[name], people)


def test_a_phone_edits_and_withdraws_its_notes_and_sees_the_one_the_facilitator_hid(qtbot, running, fresh_db,
                                                                                   chromium_phone, tmp_path):
    window = running
    join_url = window.phones.turn_on(window.workshop_id, "127.0.0.1", name=PHONE_HOST)
    exercise = window.run_view.exercise
    page = chromium_phone.new_context(viewport={"width": 360, "height": 740}).new_page()
    page.goto(join_url)
    page.get_by_role("button", name="Amira").click()
    for text in ("Tpyo here", "Rather not", "Off topic"):
        page.get_by_role("textbox", name="Your note").fill(text)
        page.get_by_role("button", name="Send").click()
        qtbot.waitUntil(lambda t=text: t in [n.text for n in fresh_db.notes(exercise.id)], timeout=20_000)
    notes = {n.text: n for n in fresh_db.notes(exercise.id)}
    mine = page.locator("#mine li")
    mine.filter(has_text="Tpyo here").get_by_role("button", name="Edit").click()
    page.get_by_role("textbox", name="Change your note").fill("Typo fixed")
    page.get_by_role("button", name="Save change").click()
    qtbot.waitUntil(lambda: fresh_db.note(notes["Tpyo here"].id).text == "Typo fixed", timeout=20_000)
    page.wait_for_function("document.activeElement.textContent === 'Edit'", timeout=20_000)  # the keyboard stays
    assert window.run_view.board_scene.cards[notes["Tpyo here"].id].note.text == "Typo fixed"

    mine.filter(has_text="Rather not").get_by_role("button", name="Withdraw").click()
    assert page.evaluate("document.activeElement.textContent") == "Keep it"  # the safe answer has the focus
    page.screenshot(path=str(tmp_path / "withdraw.png"))
    page.get_by_role("button", name="Withdraw note").click()
    qtbot.waitUntil(lambda: fresh_db.note(notes["Rather not"].id).deleted, timeout=20_000)
    assert notes["Rather not"].id not in window.run_view.board_scene.cards

    page.evaluate("tick()")  # the page's once-a-second tick keeps a paused timer's time
    assert page.locator("#time-left").text_content() == "Time left 20:00 (paused)"
    assert page.locator("#mine-hint").text_content() == "You can edit or withdraw your notes while this exercise is on."
    window.phones.link.set_allow_changes(False)  # the facilitator closes changes, from the Phones tab
    page.get_by_text("The facilitator has closed changes: your notes stay as they are.").wait_for(timeout=20_000)
    assert mine.filter(has_text="Typo fixed").get_by_role("button").count() == 0
    window.phones.link.set_allow_changes(True)
    mine.filter(has_text="Typo fixed").get_by_role("button", name="Edit").wait_for(timeout=20_000)
    window.ops.delete_notes([notes["Off topic"].id])  # the facilitator hides it
    hidden = mine.filter(has_text="Off topic")
    hidden.get_by_text("Hidden by the facilitator").wait_for(timeout=20_000)
    assert hidden.get_by_role("button").count() == 0  # no Edit or Withdraw on a hidden note
    assert [t.strip() for t in page.locator("#mine .text").all_text_contents()] == ["Off topic", "Typo fixed"]
    page.screenshot(path=str(tmp_path / "mine.png"), full_page=True)

    panel = next(p for p in window.side_panels if isinstance(p, PhonesPanel))
    panel.pause.setChecked(True)  # the facilitator pauses submissions: the phone says so, and keeps the note
    page.get_by_text("The facilitator has paused new notes.", exact=False).wait_for(timeout=20_000)
    page.get_by_role("textbox", name="Your note").fill("Kept for later")
    page.get_by_role("button", name="Send").click()
    mine.filter(has_text="Kept for later").get_by_text("Sending…").wait_for(timeout=20_000)
    assert "Kept for later" not in [n.text for n in fresh_db.notes(exercise.id)]
    panel.pause.setChecked(False)  # carrying on: the phone sends what it kept
    qtbot.waitUntil(lambda: "Kept for later" in [n.text for n in fresh_db.notes(exercise.id)], timeout=20_000)
    assert page.locator("#paused").is_hidden()


def test_a_phone_without_a_name_chooses_one_to_vote_and_a_ballot_saved_offline_is_sent_when_the_laptop_is_back(
        qtbot, running, fresh_db, chromium_phone, monkeypatch):
    window = running
    notes = add_notes(window, "More night buses", "Shade in the square")
    round_id = start_vote(qtbot, window, monkeypatch)
    join_url = window.phones.turn_on(window.workshop_id, "127.0.0.1", name=PHONE_HOST)
    window.phones.link.set_allow_anonymous(True)
    context = chromium_phone.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(join_url)
    page.get_by_role("button", name="Join without a name").click()  # then, to vote, a name
    page.get_by_text("Each person votes once, under their own name. Choose your name to vote.").wait_for()
    page.get_by_role("list", name="Choose your name to vote").get_by_role("button", name="Amira").click()
    add = page.get_by_role("group", name=notes[1].text).get_by_role("button", name="Add a dot")
    add.click()
    context.set_offline(True)  # the Wi-Fi drops
    add.click()
    page.get_by_role("button", name="Save my vote").click()
    page.get_by_text("Sending… (kept on this phone until the laptop answers)").wait_for(timeout=20_000)
    assert page.evaluate("JSON.parse(localStorage.getItem('collabdesk.ballot')).dots") == {
        f"note:{notes[1].id}": 2}
    assert fresh_db.votes(round_id) == []
    context.set_offline(False)
    amira = fresh_db.participants(window.workshop_id)[0].id
    qtbot.waitUntil(lambda: fresh_db.voter_allocation(round_id, amira) == {("note", notes[1].id): 2},
                    timeout=20_000)
    page.get_by_text("Saved. You can change your vote until the vote closes.").wait_for(timeout=20_000)
    assert page.evaluate("localStorage.getItem('collabdesk.ballot')") is None
