"""Workshops for the report tests and the benchmark, built through the services and the store.

``realistic_workshop`` is what a facilitator would bring back from a morning with a
partnership; ``adversarial_workshop`` holds every kind of text that breaks writers;
``bulk_workshop`` is large (written in one transaction with ``insert_content``).
"""

from dataclasses import dataclass, replace
from pathlib import Path

from collabdesk.domain.model import Framework, Note, Theme, Vote, VoteRound, WorkshopContent
from collabdesk.domain.timer import TimerState
from collabdesk.services import actions, health, notes, workshops
from collabdesk.services.frameworks import framework_or_default
from collabdesk.store import Store

PEOPLE = ("Amara Okafor", "Benedikt Sørensen", "Chloé Martin", "Dev Raman", "Eun-ji Park",
          "Farah Haddad", "Gideon Levi", "Hannah Brooks", "Ivo Kovač")

# Adversarial texts: markup ReportLab would otherwise obey, every script we promise, emoji.
MARKUP = [
    "<b>bold?</b> & <i>italic?</i> &amp; &lt;escaped&gt;",
    "<para>a paragraph tag</para> and an unbalanced <b>tag",
    '<img src="http://127.0.0.1:9/tracker.png"/> should never be fetched',
    '<font color="red">not red</font> <font name="Courier">not courier</font>',
    "</para></b></font> closing tags first, then < and > alone: a < b > c",
    "=SUM(A1:A9) looks like a formula",
    "- starts like a list; # and a heading; * star _under_ `code` [link](http://x) | pipe ~tilde~",
]
SCRIPTS = [
    "Arabic: التعاون يبدأ بالثقة بين الشركاء",
    "מה שחשוב לנו הוא שיתוף פעולה אמיתי",
    "社区合作需要信任和共同的目标",
    "地域の連携には信頼と共通の目標が必要です",
    "한국어 메모: 협력은 신뢰에서 시작됩니다",
    "Emoji: 👍🏽 🎉 ❤️ 👩‍👩‍👧 ✓ ★ ☺",
    "Ελληνικά και русский текст в одной заметке",
    "Mixed: the budget (الميزانية) is 2024 £700m — 预算",
]


@dataclass(frozen=True)
class Built:
    """A workshop's content as read back from the store, with its framework."""

    content: WorkshopContent
    framework: Framework


def built(folder: Path, build, *args, **kwargs) -> Built:
    """Run ``build(store, ...)`` on a new database in ``folder`` and read the workshop back."""
    store = Store(folder / "collabdesk.sqlite")
    try:
        content = store.content(build(store, *args, **kwargs))
        return Built(content, framework_or_default(store, content.workshop.framework_key))
    finally:
        store.close()


def realistic_workshop(store, clock=None, *, reveal: bool = True) -> str:
    """A closed five-domain workshop with themes, votes, quotes, questions and actions;
    ``reveal=False`` leaves its whole-workshop ballot unrevealed (the theme tally is revealed)."""
    workshop = workshops.create_workshop(
        store,
        title="Joining up care in Northfield",
        purpose=("A half-day diagnostic with the council, the health trust, two housing associations and "
                 "residents, to agree where working together would change most for people who need care at home."),
        facilitator="Rosa Lindqvist",
        location="Northfield Community Hall",
        date="2025-03-14",
        participants=PEOPLE,
    )
    wid = workshop.id
    people = {p.name: p.id for p in store.participants(wid)}
    exercises = store.exercises(wid)
    used = [23, 18, 21, 25, 14]
    for exercise, minutes in zip(exercises, used):
        store.save_timer(exercise.id, TimerState(planned=exercise.timer.planned, accumulated=minutes * 60.0))
    head, heart, bones, limbs, blood = exercises

    def add(exercise, text, kind="note", author=None, role=""):
        return notes.add_note(store, exercise.id, text, kind=kind, author_id=people.get(author), role=role).id

    board = {}
    board["budgets"] = [
        add(head, "Each partner's budget rewards keeping people out of its own service, not out of crisis",
            author="Amara Okafor"),
        add(head, "Year-end underspends are clawed back, so nobody risks a pooled pilot", author="Dev Raman"),
        add(head, "Inspection judges us one organisation at a time"),
    ]
    board["leaders"] = [
        add(head, "Leadership here means the ward team leader as much as the chief executive",
            author="Chloé Martin"),
        add(head, "We rotate who chairs the partnership board", author="Farah Haddad"),
    ]
    add(head, "If the crisis ended tomorrow, would we still meet?", kind="question")
    add(head, "People turn up when they can see the money follows the agreement.", kind="quote",
        author="Dev Raman", role="Finance lead")
    notes.group_notes(store, head.id, "Money that pulls apart", board["budgets"])
    notes.group_notes(store, head.id, "Leadership at every level", board["leaders"])

    heart_ids = [
        add(heart, "Residents want one conversation, not five assessments", author="Eun-ji Park"),
        add(heart, "Kindness is in our values statement but not in our contracts", author="Hannah Brooks"),
        add(heart, "Co-design the discharge letter with people who have received one"),
        add(heart, "Outcome that matters most: staying safely at home after hospital"),
    ]
    notes.group_notes(store, heart.id, "One conversation", heart_ids[:1] + heart_ids[2:3])
    add(heart, "I told my story four times in one week and nobody wrote it down.", kind="quote",
        author="Gideon Levi", role="Resident")
    add(heart, "We say partnership, but residents still get the letter last.", kind="quote", role="Participant")
    add(heart, "Who speaks for carers who could not come today?", kind="question")

    bones_ids = [
        add(bones, "No shared record: the district nurse cannot see the housing officer's notes",
            author="Ivo Kovač"),
        add(bones, "A joint budget for the neighbourhood team, held by the board"),
        add(bones, "Data-sharing agreement stuck in legal review since autumn", author="Benedikt Sørensen"),
    ]
    notes.group_notes(store, bones.id, "Shared infrastructure", bones_ids)
    add(bones, "What is the smallest shared structure that would make a difference by summer?", kind="question")

    limbs_ids = [
        add(limbs, "Test a single front door in one ward for twelve weeks", author="Farah Haddad"),
        add(limbs, "Agree three measures before the test starts, not after"),
        add(limbs, "Frontline staff need permission to say yes without three sign-offs", author="Amara Okafor"),
    ]
    add(limbs, "Pilots die when the person who started them moves on.", kind="quote", role="Speaker")

    # Blood: an exercise where nothing was written, to show an empty section

    everyone = list(people.values())
    whole = store.create_round(wid, title="What matters most", voter_ids=everyone, dots_per_voter=3,
                               max_per_item=2, anonymous=True)
    allocation = [
        {("note", board["budgets"][0]): 2, ("note", heart_ids[0]): 1},
        {("note", board["budgets"][0]): 1, ("note", bones_ids[0]): 2},
        {("note", heart_ids[0]): 2, ("note", limbs_ids[0]): 1},
        {("note", bones_ids[0]): 1, ("note", limbs_ids[0]): 2},
        {("note", heart_ids[1]): 1, ("note", board["budgets"][1]): 2},
        {("note", limbs_ids[2]): 2, ("note", heart_ids[0]): 1},
        {("note", board["leaders"][0]): 1, ("note", bones_ids[2]): 2},
    ]
    for voter, dots in zip(everyone, allocation):
        store.replace_votes(whole.id, voter, dots, ballot_status="confirmed")
    store.update_round(whole.id, state="closed", revealed=reveal)
    themes = store.themes(head.id)
    tally = store.create_round(wid, title="Head: which theme first?", exercise_id=head.id, mode="tally",
                               target="themes", dots_per_voter=2)
    store.replace_votes(tally.id, None, {("theme", themes[0].id): 6, ("theme", themes[1].id): 3})
    store.update_round(tally.id, state="closed", revealed=True)

    actions.add_action(store, wid, "Draft a pooled-budget proposal for the neighbourhood team",
                       owner="Dev Raman", due="2025-04-30", status="in progress", note_id=board["budgets"][0])
    actions.add_action(store, wid, "Design the single front door test with two residents",
                       owner="Farah Haddad", due="2025-05-15", note_id=limbs_ids[0])
    actions.add_action(store, wid, "Unblock the data-sharing agreement with both legal teams",
                       owner="Ivo Kovač", due="2025-04-11")
    actions.add_action(store, wid, "Share this summary with everyone who took part", owner="Rosa Lindqvist",
                       status="done")
    workshops.close_workshop(store, wid)
    return wid


def adversarial_workshop(store, *, votes: bool = True) -> str:
    """Markup, long notes, every script, emoji, an empty exercise; with or without votes."""
    workshop = workshops.create_workshop(
        store, title="<b>Tags</b> & العربية & 中文 & 日本語 👍", purpose="Purpose with <i>markup</i> & עברית",
        facilitator="Zoë <Facilitator> Ångström", location="Room <1> & 2", date="2025-01-02",
        participants=PEOPLE[:4])
    wid = workshop.id
    people = [p.id for p in store.participants(wid)]
    first, second, third, *_ = store.exercises(wid)
    store.update_exercise(third.id, title="An empty domain: nothing was said <here>")
    ids = []
    for i, text in enumerate(MARKUP + SCRIPTS):
        ids.append(notes.add_note(store, first.id if i % 2 else second.id, text,
                                  author_id=people[i % len(people)]).id)
    long_text = " ".join(f"word{i} <b>&" for i in range(1, 1700))[:10_000]
    ids.append(notes.add_note(store, first.id, long_text, author_id=people[0]).id)
    unbroken = "long" * 2500  # 10,000 characters with no space to break at
    ids.append(notes.add_note(store, second.id, unbroken).id)
    long_arabic = ("التعاون يبدأ بالثقة بين الشركاء " * 150).strip()  # right to left over many lines
    ids.append(notes.add_note(store, first.id, long_arabic, author_id=people[2]).id)
    notes.add_note(store, first.id, "<i>A quote</i> with & in it — مرحبا بكم", kind="quote",
                   author_id=people[1], role="Guest <speaker>")
    notes.add_note(store, second.id, "A quote nobody is named for: 引用です", kind="quote", role="")
    notes.add_note(store, second.id, "Question with <markup> & שאלה?", kind="question")
    notes.group_notes(store, first.id, "Theme <with> & markup", ids[1:4:2])
    actions.add_action(store, wid, "Action with <b>markup</b> & 漢字 and עברית", owner=PEOPLE[1],
                       due="2025-02-01")
    actions.add_action(store, wid, "=HYPERLINK(\"http://x\") as an action", owner="+owner")
    if votes:
        round_ = store.create_round(wid, title="Vote <round> & co", voter_ids=people, dots_per_voter=3)
        store.replace_votes(round_.id, people[0], {("note", ids[0]): 2, ("note", ids[-1]): 1},
                            ballot_status="confirmed")
        store.replace_votes(round_.id, people[1], {("note", ids[8]): 3}, ballot_status="confirmed")
        deleted = notes.add_note(store, first.id, "deleted note that had votes").id
        store.replace_votes(round_.id, people[2], {("note", deleted): 3}, ballot_status="confirmed")
        notes.delete_notes(store, [deleted])
        store.update_round(round_.id, revealed=True)
    return wid


def bulk_workshop(store, count: int) -> str:
    """A workshop with ``count`` notes spread over five domains, themed and voted on,
    written in one transaction through ``insert_content``."""
    template = store.content(workshops.create_workshop(
        store, title=f"A large workshop ({count} notes)", facilitator="Rosa Lindqvist",
        date="2025-06-01", participants=PEOPLE).id)
    exercises = template.exercises
    people = [p.id for p in template.participants]
    themes = tuple(Theme(id=e.id * 100 + t, workshop_id="", exercise_id=e.id, title=f"Theme {t + 1} of {e.title}",
                         position=t) for e in exercises for t in range(4))
    phrases = ["shared budgets", "trust between teams", "residents as partners", "one front door",
               "data that follows the person", "permission to try", "habits under pressure"]
    note_list = []
    for i in range(count):
        exercise = exercises[i % len(exercises)]
        theme = (i // 5) % 5  # four themes per exercise; every fifth run of notes stays ungrouped
        note_list.append(Note(
            id=i + 1, workshop_id="", exercise_id=exercise.id,
            text=f"Note {i + 1}: we keep coming back to {phrases[i % len(phrases)]}, "
                 f"and what it would take to make it stick in {exercise.title.lower()}.",
            author_id=people[i % len(people)], theme_id=exercise.id * 100 + theme if theme < 4 else None))
    round_ = VoteRound(id=1, workshop_id="", title="Priorities", dots_per_voter=50, revealed=True)
    votes = tuple(Vote(id=i + 1, round_id=1, count=1 + i % 3, note_id=1 + (i * 37) % count,
                       voter_id=people[i % len(people)]) for i in range(min(count, 400)))
    content = WorkshopContent(
        workshop=template.workshop, participants=template.participants, exercises=tuple(
            replace(e, timer=TimerState(planned=e.timer.planned, accumulated=e.timer.planned * 0.9))
            for e in exercises),
        notes=tuple(note_list), themes=themes, rounds=(round_,), votes=votes)
    return store.insert_content(content)


SERIES_TITLE = "Northfield care roundtables <2025> & co"


def open_actions(contents):
    return [a for c in contents for a in c.actions if a.status in ("open", "in progress")]


# Per domain, the room's ratings: ties, a split, one rater, nobody.
SCORES = {"head": (2, 2, 3, 3), "heart": (1, 5, 1, 5), "bones": (4,), "limbs": (), "blood": (3, 4, 4, 5)}


COMMENT = MARKUP[0]


def checked_workshop(store, *, reveal: bool, anonymous: bool = True) -> str:
    w = workshops.create_workshop(store, title="Partnership health", participants=PEOPLE[:4])
    check = health.start_check(store, w.id, title="Start of the day", anonymous=anonymous)
    for index, participant in enumerate(store.participants(w.id)):
        scores = {d: s[index] for d, s in SCORES.items() if index < len(s)}
        health.cast_ballot(store, check.id, participant.id, scores, {"head": COMMENT} if index == 0 else {})
    if reveal:
        health.reveal(store, check.id)
    return w.id
