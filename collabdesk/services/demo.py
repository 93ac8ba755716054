"""A realistic sample workshop, built through the same services as a real one.

A council and health partnership roundtable about getting older residents home from
hospital sooner and keeping them well there, run on the five domains: notes of every
kind (quotes with who said them), themes, a revealed vote across the whole workshop, a
health check of the five domains at the start of the day and the actions agreed. Everything in it is invented.
"""

from dataclasses import replace
from datetime import datetime, timedelta, UTC

from ..domain.frameworks import default_agenda
from ..domain.model import Workshop
from ..domain.timer import TimerState
from ..store import Store
from . import actions, frameworks, health, notes, timer, voting, workshops

TITLE = "Home from hospital: council and health partnership roundtable"
PURPOSE = ("Agree where the council, the NHS and the voluntary sector should pool effort so that older "
           "residents leave hospital sooner and stay well at home, and what to try first.")
PEOPLE = ("Priya Raman", "Dr Tom Okafor", "Helen Marsh", "Daniel Price", "Grace Liu", "Cllr Mark Evans",
          "Fatima Noor", "Joe Bennett")

# Per domain: the notes as (kind, text, author or None, the quote's attribution), then the
# themes as (title, indexes of the notes they hold).
BOARDS = {
    "head": (
        [("note", "Each budget is judged on its own, so nobody gets credit for a saving that lands in "
                  "someone else's.", None, ""),
         ("quote", "We are paid per appointment, not for keeping people out of hospital.", "Dr Tom Okafor",
          "GP partner"),
         ("idea", "One shared target owned by the whole board: days from 'medically fit' to home.", "Priya Raman",
          ""),
         ("question", "Who chairs this partnership once the pilot money runs out?", "Cllr Mark Evans", ""),
         ("note", "Winter pressure is the only time all of us sit in one room.", "Fatima Noor", ""),
         ("idea", "Rotate the chair between council and NHS every quarter.", None, "")],
        [("Money that does not follow the person", (0, 1)), ("Leading beyond a crisis", (3, 4, 5))],
    ),
    "heart": (
        [("quote", "My mum was asked the same questions by five different people in one week.", "Joe Bennett",
          "Resident representative"),
         ("note", "We all say 'person-centred' and each of us means something different by it.", "Grace Liu", ""),
         ("idea", "Ask residents to help write the outcomes we report on.", "Joe Bennett", ""),
         ("note", "Carers are treated like unpaid staff rather than partners.", "Grace Liu", ""),
         ("question", "How do we hear from people who never come to meetings like this one?", None, ""),
         ("quote", "The day she came home, nobody told me which tablets had changed.", None, "Guest, a carer")],
        [("Telling the story once", (0, 5)), ("Residents as partners", (2, 4))],
    ),
    "bones": (
        [("note", "Three case management systems, and none of them talk to each other.", "Fatima Noor", ""),
         ("idea", "A shared, read-only care record for the discharge team and home care, to start with.",
          "Helen Marsh", ""),
         ("note", "The information sharing agreement has been 'nearly signed' for two years.", None, ""),
         ("question", "Could a pooled budget sit with the neighbourhood teams instead of the centre?",
          "Priya Raman", ""),
         ("note", "Housing adaptations take fourteen weeks; hospital stays are counted in days.", "Daniel Price",
          "")],
        [("Information that follows the person", (0, 1, 2)), ("Money and governance", (3,))],
    ),
    "limbs": (
        [("idea", "Trusted assessor: social care accepts a nurse's assessment without a second visit.",
          "Helen Marsh", ""),
         ("note", "Home care agencies cannot recruit for weekends.", "Priya Raman", ""),
         ("idea", "Pilot a 'home first' team in one ward for twelve weeks.", "Fatima Noor", ""),
         ("quote", "Let us try it with ten patients and we will show you the numbers.", "Helen Marsh",
          "District nurse"),
         ("question", "What evidence would the finance directors accept?", "Dr Tom Okafor", ""),
         ("idea", "The handy-person service could fit grab rails within 48 hours if it were funded.",
          "Daniel Price", ""),
         ("note", "Reablement slots are booked by fax in one hospital.", None, "")],
        [("Home first pilot", (0, 2, 3)), ("People to do the work", (1,))],
    ),
    "blood": (
        [("note", "Meetings are polite; the real conversations happen in the car park.", None, ""),
         ("quote", "Trust is built in small things, like calling people back.", "Cllr Mark Evans",
          "Ward councillor"),
         ("idea", "Shadowing mornings: spend half a day in each other's teams.", "Grace Liu", ""),
         ("note", "Staff turnover means relationships start again from scratch every year.", "Fatima Noor", "")],
        [("Knowing each other", (1, 2, 3))],
    ),
}
TITLES = {
    "head": "What pushes us together, and who leads",
    "heart": "What matters to the people we serve",
    "bones": "What would hold joint work up",
    "limbs": "How we could deliver differently",
    "blood": "How working together feels",
}
COLOURS = {"note": "yellow", "idea": "green", "question": "blue", "quote": "pink"}

# Each voter's three dots, on (domain, note index); the last participant is skipped.
BALLOTS = (
    {("limbs", 0): 2, ("limbs", 2): 1},
    {("head", 2): 1, ("limbs", 0): 1, ("bones", 1): 1},
    {("limbs", 0): 2, ("blood", 2): 1},
    {("limbs", 5): 2, ("bones", 1): 1},
    {("heart", 2): 2, ("blood", 2): 1},
    {("head", 2): 2, ("limbs", 2): 1},
    {("bones", 1): 2, ("limbs", 2): 1},
)

# (text, owner, days after the workshop, status, the note it came from or None)
ACTIONS = (
    ("Draft a trusted assessor agreement between district nursing and reablement.", "Helen Marsh", 21, "open",
     ("limbs", 0)),
    ("Scope a twelve-week 'home first' pilot on one ward, with the measures agreed up front.", "Fatima Noor", 30,
     "open", ("limbs", 2)),
    ("Take the information sharing agreement to the next partnership board for sign-off.", "Priya Raman", 14,
     "in progress", ("bones", 2)),
    ("Cost a 48-hour grab rail service with the handy-person scheme.", "Daniel Price", 28, "open", ("limbs", 5)),
    ("Set up shadowing mornings between the discharge team and home care.", "Grace Liu", 45, "open",
     ("blood", 2)),
    ("Invite three residents to co-write the outcomes the partnership reports.", "Joe Bennett", 60, "open",
     ("heart", 2)),
)


# The health check at the start of the day: each person's ratings per domain, in PEOPLE's
# order, and a few comments as (person, domain, comment). Agreement on head, heart and
# bones; a split room on limbs and blood.
HEALTH = {
    "head": (2, 2, 3, 2, 1, 2, 3, 2),
    "heart": (4, 4, 3, 4, 5, 4, 4, 3),
    "bones": (1, 2, 1, 2, 1, 1, 2, 2),
    "limbs": (2, 4, 1, 5, 3, 2, 5, 4),
    "blood": (3, 1, 4, 2, 5, 3, 1, 4),
}
HEALTH_COMMENTS = (
    (0, "head", "We only all turn up when the winter figures are bad."),
    (1, "limbs", "The virtual ward shows we can deliver together."),
    (2, "limbs", "Every pilot ends when its funding does."),
    (3, "bones", "No two of us can see the same record."),
    (6, "blood", "Front-line staff already work as one team; managers do not."),
)


def _health_check(store: Store, workshop_id: str) -> None:
    check = health.start_check(store, workshop_id, title="Where do we stand? (start of the day)")
    comments = {(person, domain): text for person, domain, text in HEALTH_COMMENTS}
    for index, participant in enumerate(store.participants(workshop_id)):
        health.cast_ballot(store, check.id, participant.id, {d: scores[index] for d, scores in HEALTH.items()},
                           {d: text for (person, d), text in comments.items() if person == index})
    health.close(store, check.id)
    health.reveal(store, check.id)


def create_demo_workshop(store: Store) -> Workshop:
    """Add the sample workshop (closed, with its vote revealed) and return it.

    One transaction: a full disk half-way leaves no half-made workshop behind.
    """
    with store.transaction("add the sample workshop"):
        return _build(store)


def _build(store: Store) -> Workshop:
    today = datetime.fromtimestamp(store.clock(), UTC).date()
    agenda = [replace(item, title=TITLES.get(item.domain_key, item.title))
              for item in default_agenda(frameworks.framework(store, frameworks.DEFAULT_FRAMEWORK))]
    workshop = workshops.create_workshop(
        store, title=TITLE, purpose=PURPOSE, facilitator="Sam Whitfield", agenda=agenda,
        location="Riverside Community Centre, Room 2", date=today.isoformat(), participants=PEOPLE)
    people = {p.name: p.id for p in store.participants(workshop.id)}
    workshops.start_workshop(store, workshop.id)
    _health_check(store, workshop.id)

    placed: dict[tuple[str, int], int] = {}
    for exercise in store.exercises(workshop.id):
        board, themes = BOARDS.get(exercise.domain_key, ([], []))
        for index, (kind, text, author, role) in enumerate(board):
            note = notes.add_note(store, exercise.id, text, kind=kind, colour=COLOURS[kind],
                                  author_id=people.get(author), role=role)  # the board lays them out
            placed[(exercise.domain_key, index)] = note.id
        for title, held in themes:
            notes.group_notes(store, exercise.id, title, [placed[(exercise.domain_key, i)] for i in held])
        planned = exercise.timer.planned  # as if each ran for its planned time, give or take
        store.save_timer(exercise.id, TimerState(planned=planned, accumulated=planned - 60 + 30 * (index % 4)))
    timer.go_to_exercise(store, workshop.id, None)

    vote = voting.start_round(store, workshop.id, title="What should we try first?", dots_per_voter=3,
                              max_per_item=2)
    voters = [p.id for p in store.participants(workshop.id)]
    for voter_id, ballot in zip(voters, BALLOTS):
        voting.cast_ballot(store, vote.id, voter_id, {("note", placed[key]): dots for key, dots in ballot.items()})
    for voter_id in voters[len(BALLOTS):]:
        voting.skip_voter(store, vote.id, voter_id)
    voting.close_round(store, vote.id)
    voting.reveal_round(store, vote.id)

    for text, owner, days, status, source in ACTIONS:
        actions.add_action(store, workshop.id, text, owner=owner, due=(today + timedelta(days=days)).isoformat(),
                           status=status, note_id=placed[source])
    return workshops.close_workshop(store, workshop.id, backup=False)  # a backup cannot be taken mid-transaction
