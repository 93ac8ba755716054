"""A library of a thousand workshops, with one note to find among them: shared by the store, service and UI tests."""

from collabdesk.domain.model import Exercise, Note, Participant, Workshop, WorkshopContent
from collabdesk.domain.timer import TimerState
from collabdesk.services import actions, notes, workshops
from collabdesk.store import Store


# One note in one of a thousand workshops, in five scripts; every word of it must find it.
NEEDLE = ("Pooling budgets needs stubborn trust <b>&amp; 我们需要更多合作 التعاون بين الشركاء "
          "שיתוף פעולה אמיתי 地域の協力が大切です 🤝")


NEEDLE_WORKSHOP = 637


# Short CJK words (two characters) take the scan path; longer ones the trigram index.
NEEDLE_WORDS = [*NEEDLE.split(), "合作", "更多", "協力", "地域", "大切", "الشرك"]


FILLER = ("The room agreed to meet monthly", "Minutes go out on Friday", "Nobody owns the shared calendar",
          "Parking at the venue was a problem", "Ask the youth panel before the next round")


def build_library(store: Store, count: int = 1000) -> dict:
    """``count`` small closed workshops in one transaction; returns where the needle note is."""
    needle = {}
    with store.db.atomic():
        for i in range(count):
            workshop = Workshop(id="", title=f"Neighbourhood roundtable {i}", purpose="Agree next steps",
                                facilitator=("Amara Okafor", "Lena Fischer", "Kenji Sato")[i % 3],
                                location=("Leeds", "Bradford", "York")[i % 3],
                                date=f"20{20 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}", status="closed")
            texts = [FILLER[(i + k) % len(FILLER)] for k in range(3)]
            if i == NEEDLE_WORKSHOP:
                texts[1] = NEEDLE
            content = WorkshopContent(
                workshop=workshop,
                participants=(Participant(1, "", "Participant 1"),),
                exercises=(Exercise(1, "", 0, "blood", "Blood: what keeps us going", "", TimerState(900)),),
                notes=tuple(Note(k, "", 1, t) for k, t in enumerate(texts)),
            )
            workshop_id = store.insert_content(content)
            if i == NEEDLE_WORKSHOP:
                found = store.db.execute("SELECT id, exercise_id FROM notes WHERE text = ?", (NEEDLE,)).fetchone()
                needle = {"workshop_id": workshop_id, "note_id": found[0], "exercise_id": found[1]}
    return needle


def rich_workshop(store: Store, title: str = "Roundtable <b>&amp;</b>") -> Workshop:
    """A workshop with everything in it: participants, notes, a theme, votes, actions."""
    workshop = workshops.create_workshop(store, title=title, purpose="Pool budgets?", date="2026-03-12",
                                         facilitator="Amara Okafor", location="Leeds",
                                         participants=["Ann", "Bo", "مريم"])
    first, second = store.exercises(workshop.id)[:2]
    people = store.participants(workshop.id)
    a = notes.add_note(store, first.id, "Shared budget 🤝 <img src=x>", author_id=people[0].id)
    b = notes.add_note(store, first.id, "שיתוף פעולה", kind="quote", role="Participant")
    c = notes.add_note(store, second.id, "地域の協力")
    notes.group_notes(store, first.id, "Money", [a.id, b.id])
    vote = store.create_round(workshop.id, title="Priorities", voter_ids=[p.id for p in people])
    store.replace_votes(vote.id, people[0].id, {("note", a.id): 2, ("note", c.id): 1})
    store.replace_votes(vote.id, people[1].id, {("note", a.id): 1})
    actions.add_action(store, workshop.id, "Draft the pooled budget", owner="Bo", note_id=a.id)
    actions.add_action(store, workshop.id, "Book the next room", owner="Ann")
    return workshop
