"""Library benchmark: a realistic library of workshops, how fast it shows and searches.

    python bench/bench_library.py                      # 1,000 workshops x 100 notes, all figures
    python bench/bench_library.py --workshops 300 --notes 40 --screenshots docs/images
    python bench/bench_library.py --db /tmp/library.sqlite --search   # search as you type only

Figures: the library shown from start as a whole process, as a ratio to a process that
shows a bare QWidget: the real main window with the library as its home (menus, status
bar, the library's first page drawn), and the library widget alone; search as you type
(every prefix of a set of queries typed key by key, from the keystroke to the results
shown) median and p95; the series report of 10 workshops. The database is built once
into a temporary folder (or --db PATH, reused if it exists). --screenshots saves the main
window at 1366x768: the library, a search, review mode of a closed workshop, and a page
of a series report.
"""

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collabdesk.domain.model import (  # noqa: E402
    Action, Exercise, Note, Participant, Vote, VoteRound, Workshop, WorkshopContent,
)
from collabdesk.domain.timer import TimerState  # noqa: E402
from collabdesk.store import Store  # noqa: E402

PLACES = ["Leeds Civic Hall", "Bradford City Library", "York Guildhall", "Sheffield Town Hall",
          "Hull Community Hub", "Wakefield One", "Kirklees Council Chamber", "Calderdale Library",
          "Doncaster Civic Office", "Harrogate Pavilion", "Online (video call)", "Halifax Square Chapel"]
FACILITATORS = ["Amara Okafor", "Lena Fischer", "Kenji Sato", "Priya Raman", "Tomás Ortega", "Hannah Cohen",
                "Yusuf Demir", "Chen Wei", "Fatima Al-Sayed", "Oliver Hughes", "Sofia Rossi", "Noa Levi"]
TOPICS = ["Integrated care", "Youth services", "Hospital discharge", "Homelessness prevention", "Adult social care",
          "Early help for families", "Community safety", "Mental health crisis care", "Neighbourhood health",
          "Employment support", "Climate and housing retrofit", "Dementia-friendly town", "Carers' support",
          "Food insecurity", "School readiness", "Digital inclusion"]
FORMATS = ["{topic} roundtable", "{topic}: partnership health check", "{topic} diagnostic, {place}",
           "{topic} — working together across services", "{topic} review with residents",
           "{topic}: what would it take?"]
DOMAINS = ["head", "heart", "bones", "limbs", "blood"]
DOMAIN_TITLES = {"head": "Head: incentives and leadership", "heart": "Heart: values and residents",
                 "bones": "Bones: shared infrastructure", "limbs": "Limbs: delivery",
                 "blood": "Blood: day-to-day relationships"}
NOTES = {
    "head": ["Budgets are set per organisation, so nobody is rewarded for preventing demand elsewhere",
             "We only pooled money when the winter crisis hit; it stopped in spring",
             "Leadership sits with two people; if either leaves the partnership stalls",
             "Targets push the hospital to discharge fast and the council to slow down",
             "Shared leadership would mean the board chair rotating between partners",
             "The regulator inspects each service separately, never the whole pathway",
             "Procurement rules make it hard to commission the voluntary sector jointly",
             "No one owns the outcome for a family known to five services"],
    "heart": ["Residents want one conversation, not six assessments",
              "We say 'person-centred' but our forms are built around our services",
              "Kindness is in the values statement but not in the performance review",
              "Young people asked to be involved before decisions, not after",
              "Carers feel like unpaid staff rather than partners",
              "Trust between frontline teams is high; between senior managers it is low",
              "Outcome that matters most: people staying well at home",
              "Tenants' panel should co-chair the next review"],
    "bones": ["Data sharing agreement has been 'nearly signed' for two years",
              "Three case management systems that cannot talk to each other",
              "A shared budget for prevention would need a section 75 agreement",
              "Governance meetings duplicate each other across three boards",
              "Good local pilots never spread because nobody funds the scaling",
              "We need one referral route, not a different form per service",
              "Estates: co-locating teams in the health centre freed up two buildings",
              "Neighbourhood teams lack a shared view of who is already involved"],
    "limbs": ["Pilot a single key worker for families with complex needs",
              "Test a joint discharge hub for six months before scaling",
              "Evidence from the first pilot was strong but nobody read the evaluation",
              "Volunteers run the food pantry; the council could fund a coordinator",
              "Out-of-hours crisis line answered by the right person first time",
              "Try a 'no wrong door' rule across the front desks",
              "Digital self-referral worked for some, excluded older residents",
              "Reliable basics first: call back within a day"],
    "blood": ["Monthly informal lunch did more for trust than any protocol",
              "Staff turnover means relationships restart every year",
              "People feel safe to disagree in this group, less so in the board",
              "We celebrate our own service's wins, rarely the shared ones",
              "Frontline staff would like to shadow each other for a week",
              "Energy is high at launch and fades by the third meeting",
              "Conflict gets escalated by email instead of talked through",
              "Humour and honesty in the room today; keep that going"],
}
WORLD_NOTES = ["我们需要更多合作，而不是更多会议", "التعاون بين الشركاء يحتاج إلى ثقة وميزانية مشتركة",
               "שיתוף פעולה אמיתי מתחיל בהקשבה לתושבים", "地域の協力が大切です。住民と一緒に決めたい",
               "Les habitants veulent un seul interlocuteur", "Mehr Vertrauen zwischen den Teams an der Basis"]
SUFFIXES = ["", "", "", " — agreed by most of the room", " (raised twice)", "; needs an owner",
            " — see last session", "!", " in the north of the area", " for under-25s"]
ACTIONS = ["Draft a shared budget proposal for the board", "Book a shadowing week for frontline staff",
           "Circulate the data sharing agreement for signature", "Invite the tenants' panel to co-chair",
           "Map every service that touches one family", "Write up the discharge hub pilot plan",
           "Ask the regulator about a joint inspection", "Set up the monthly informal lunch",
           "Find funding for a volunteer coordinator", "Share the evaluation in plain language"]
OWNERS = ["Ann Reid", "Bo Lindqvist", "Carmen Diaz", "Dev Patel", "Eilidh Ross", "Farid Haddad", "Grace Obi"]
QUERIES = ["budget", "trust", "residents", "data sharing", "discharge hub", "volunteer", "governance",
           "合作", "التعاون", "שיתוף", "協力", "young people", "kindness", "section 75"]


def is_draft(index: int) -> bool:
    """One workshop in 25 is still being planned: no notes yet."""
    return index % 25 == 0


def realistic_workshop(rng: random.Random, index: int, note_count: int) -> WorkshopContent:
    """One workshop as a facilitator would have run it: five domains, notes, a vote, actions."""
    place = rng.choice(PLACES)
    topic = rng.choice(TOPICS)
    status = "draft" if is_draft(index) else "running" if index % 97 == 1 else "closed"
    days_ago = -rng.randint(3, 60) if status == "draft" else 0 if status == "running" else rng.randint(1, 4 * 365)
    when = time.strftime("%Y-%m-%d", time.gmtime(time.time() - days_ago * 86400))
    title = rng.choice(FORMATS).format(topic=topic, place=place.split(" ")[0])
    workshop = Workshop(id="", title=title, purpose=f"How could partners in {place.split(' ')[0]} work better "
                        f"together on {topic.lower()}?", facilitator=rng.choice(FACILITATORS), location=place,
                        date="" if status == "draft" and index % 2 == 0 else when, status=status)
    people = tuple(Participant(p, "", f"Participant {p}", p) for p in range(1, rng.randint(6, 14)))
    exercises = tuple(Exercise(k + 1, "", k, d, DOMAIN_TITLES[d], "", TimerState(1200),
                               "pending" if status == "draft" else "done") for k, d in enumerate(DOMAINS))
    notes = []
    for n in range(0 if status == "draft" else note_count):
        domain = n % len(DOMAINS)
        text = rng.choice(WORLD_NOTES) if rng.random() < 0.04 else \
            rng.choice(NOTES[DOMAINS[domain]]) + rng.choice(SUFFIXES)
        notes.append(Note(n + 1, "", domain + 1, text, author_id=rng.choice(people).id))
    votes, rounds, actions = [], [], []
    if notes and status == "closed":
        rounds.append(VoteRound(1, "", "What matters most?", state="closed", revealed=True))
        for v, person in enumerate(people):
            votes.append(Vote(v + 1, 1, rng.randint(1, 3), note_id=rng.choice(notes).id, voter_id=person.id))
        for a in range(rng.randint(2, 6)):
            actions.append(Action(a + 1, "", rng.choice(ACTIONS), owner=rng.choice(OWNERS),
                                  status=rng.choice(["open", "open", "in progress", "done"]), position=a))
    return WorkshopContent(workshop=workshop, participants=people, exercises=exercises, notes=tuple(notes),
                           rounds=tuple(rounds), votes=tuple(votes), actions=tuple(actions))


def build_library(store: Store, workshops: int, notes_per_workshop: int, seed: int = 7) -> None:
    """``workshops`` workshops holding ``workshops * notes_per_workshop`` notes in all (drafts hold
    none, so the others hold a few more), in one transaction."""
    rng = random.Random(seed)
    held = [i for i in range(workshops) if not is_draft(i)]
    each, extra = divmod(workshops * notes_per_workshop, len(held) or 1)
    with store.db.atomic():
        for index in range(workshops):
            store.insert_content(realistic_workshop(rng, index, each + (1 if index in held[:extra] else 0)))


def database(path: Path, workshops: int, notes: int) -> Path:
    if not path.exists():
        started = time.perf_counter()
        with Store(path) as store:
            build_library(store, workshops, notes)
        print(f"built {workshops:,} workshops x {notes} notes in {time.perf_counter() - started:.1f} s -> {path}")
    return path


# -- measurements -----------------------------------------------------------------------
def main_window(store: Store):
    """The app's main window on ``store``, with settings of its own (not the user's)."""
    from PySide6.QtCore import QSettings

    from collabdesk.ui.common.events import EventHub
    from collabdesk.ui.shell.main_window import MainWindow
    from collabdesk.ui.operations import Operations

    settings = QSettings(str(Path(tempfile.gettempdir()) / "collabdesk-bench-settings.ini"),
                         QSettings.Format.IniFormat)
    settings.clear()
    window = MainWindow(Operations(store, EventHub()), settings)
    window.ticker.stop()
    return window


def child(kind: str, db: str) -> None:
    """Run as a separate process: show a window, draw it once, quit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    store = Store(db)
    if kind == "window":
        window = main_window(store)
        library = window.home
    else:
        from collabdesk.ui.common.events import EventHub
        from collabdesk.ui.library import LibraryView
        from collabdesk.ui.operations import Operations

        window = library = LibraryView(Operations(store, EventHub()))
    window.resize(1366, 768)
    window.show()
    QTimer.singleShot(0, lambda: (window.grab(), app.quit()))
    app.exec()
    from collabdesk.ui.library.model import PAGE_SIZE

    assert library.model.rowCount() == min(store.workshop_count(), PAGE_SIZE), "the library is not populated"


# The bare process imports nothing of ours: this module's own imports (the store, and with
# it sqlite-utils) would otherwise be counted in the baseline and flatter the ratio.
BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.resize(1366, 768)
window.show()
QTimer.singleShot(0, lambda: (window.grab(), app.quit()))
app.exec()
"""


def process_seconds(starts: dict[str, tuple[str, Path]], runs: int) -> dict[str, float]:
    """Median wall time of each kind of process start; the kinds take turns, so a busy
    machine slows them all alike."""
    times: dict[str, list[float]] = {name: [] for name in starts}
    for _ in range(runs):
        for name, (kind, db) in starts.items():
            started = time.perf_counter()
            command = (["-c", BARE_WINDOW] if kind == "bare" else [__file__, "--child", kind, "--db", str(db)])
            subprocess.run([sys.executable, *command], check=True)
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(found) for name, found in times.items()}


def search_as_you_type(db: Path) -> tuple[list[float], list[float], list[float]]:
    """Milliseconds from each keystroke in the library's search box to its results shown, the
    process's CPU time in that span, and the store's search (the SQL and its rows): every prefix of a set of
    queries, typed key by key (a key event each, as a keyboard sends it), until the events
    it caused (the search, the results list, the window's repaint) have all been processed."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from collabdesk.ui.common.events import EventHub
    from collabdesk.ui.library import LibraryView
    from collabdesk.ui.operations import Operations

    app = QApplication.instance() or QApplication([])
    store = Store(db)
    searched = [0.0]
    search = store.search

    def timed_search(*args, **kwargs):
        started = time.perf_counter()
        try:
            return search(*args, **kwargs)
        finally:
            searched[0] = time.perf_counter() - started

    store.search = timed_search
    view = LibraryView(Operations(store, EventHub()))
    view.resize(1366, 768)
    view.show()
    app.processEvents()
    timings, cpu, in_store = [], [], []
    for query in QUERIES:
        view.search_box.clear()
        app.processEvents()
        for char in query:
            started, cpu_started = time.perf_counter(), time.process_time()
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(view.search_box, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
            app.processEvents()
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
            in_store.append(searched[0] * 1000)
        assert view.search_box.text() == query and view.results_model.rowCount(), query
    view.close()
    store.close()
    return timings, cpu, in_store


def save_screenshots(db: Path, folder: Path) -> None:
    """The main window at 1366x768: the library, a search with hits, review mode of a closed
    workshop (the demo workshop, which has themes, timings, a vote and actions), a series report page."""
    from PySide6.QtWidgets import QApplication

    from collabdesk.services import demo
    from collabdesk.services import library as library_services

    app = QApplication.instance() or QApplication([])
    folder.mkdir(parents=True, exist_ok=True)
    store = Store(db)
    if not store.series_list():  # a library in use has series and a few workshops in the trash
        closed = [s for s in store.summaries() if s.status == "closed"]
        for title, topic in (("Integrated care roundtables", "Integrated care"),
                             ("Youth services review", "Youth services")):
            members = [m.id for m in closed if m.title.startswith(topic)][:4]
            library_services.add_to_series(store, members, library_services.create_series(store, title).id)
        library_services.trash_workshops(store, [s.id for s in closed[20:23]])
        demo.create_demo_workshop(store)
    window = main_window(store)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    library = window.home
    library.table.selectRow(2)
    app.processEvents()
    window.grab().save(str(folder / "library-list.png"))
    library.search_for("budget")
    app.processEvents()
    window.grab().save(str(folder / "library-search.png"))
    reviewed = next(s for s in store.summaries() if s.title == demo.TITLE)
    hit = next(r.hit for r in library_services.search(store, "case management")
               if r.hit.kind == "note" and r.hit.workshop_id == reviewed.id)
    window.open_note(reviewed.id, hit.exercise_id, int(hit.record_id))
    window.review.tabs.setCurrentIndex(1)  # the vote's results
    app.processEvents()
    window.grab().save(str(folder / "library-review.png"))
    save_series_page(store, folder / "library-series-report.png")
    print(f"saved screenshots to {folder}")
    window.close()
    store.close()


def save_series_page(store: Store, png: Path, page: int = 3) -> None:
    """One page of the first series' report as an image (needs poppler's ``pdftoppm``)."""
    from collabdesk.report.series import write_series_pdf
    from collabdesk.services import frameworks
    from collabdesk.services import library as library_services

    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: no picture of the series report")
        return
    series = store.series_list()[0]
    contents = library_services.series_contents(store, series.id)
    framework = frameworks.framework_or_default(store, contents[0].workshop.framework_key)
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "series.pdf"
        write_series_pdf(contents, framework, series.title, pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                        str(png.with_suffix(""))], check=True)


def series_report_seconds(db: Path, count: int = 10) -> tuple[float, float, int]:
    """Seconds to read a series of ``count`` closed workshops and write its PDF, then its Markdown."""
    from collabdesk.report.series import render_series_markdown, write_series_pdf
    from collabdesk.services import frameworks
    from collabdesk.services import library as library_services

    with Store(db) as store:
        series = next((s for s in store.series_list() if s.title == "Benchmark series"), None)
        if series is None:
            series = library_services.create_series(store, "Benchmark series")
            chosen = [s.id for s in store.summaries() if s.status == "closed"][:count]
            library_services.add_to_series(store, chosen, series.id)
        started = time.perf_counter()
        contents = library_services.series_contents(store, series.id)
        framework = frameworks.framework_or_default(store, contents[0].workshop.framework_key)
        with tempfile.TemporaryDirectory() as folder:
            write_series_pdf(contents, framework, series.title, Path(folder) / "series.pdf")
            pdf = time.perf_counter() - started
            started = time.perf_counter()
            render_series_markdown(contents, framework, series.title)
            markdown = time.perf_counter() - started
    return pdf, markdown, sum(len(c.notes) for c in contents)


def report_search(db: Path) -> None:
    timings, cpu, in_store = search_as_you_type(db)
    print(f"search as you type, keystroke to results shown, over {len(timings)} keystrokes: median "
          f"{statistics.median(timings):.1f} ms, p95 {p95(timings):.1f} ms, worst {max(timings):.1f} ms "
          f"(aim: p95 <= 20 ms); the process's CPU time median {statistics.median(cpu):.1f} ms, p95 {p95(cpu):.1f} "
          f"ms; the store's search alone median {statistics.median(in_store):.1f} ms, p95 {p95(in_store):.1f} ms; "
          f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workshops", type=int, default=1000)
    parser.add_argument("--notes", type=int, default=100, help="notes per workshop")
    parser.add_argument("--db", help="database to use (built if missing)")
    parser.add_argument("--runs", type=int, default=5, help="process starts to time, median kept")
    parser.add_argument("--screenshots", help="save the library's screenshots to this folder instead")
    parser.add_argument("--search", action="store_true", help="only search as you type")
    parser.add_argument("--child", choices=["window", "library"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.db)
        return
    folder = Path(tempfile.mkdtemp(prefix="collabdesk-bench-"))
    db = database(Path(args.db) if args.db else folder / "library.sqlite", args.workshops, args.notes)
    if args.screenshots:
        save_screenshots(db, Path(args.screenshots))
        return
    with Store(db) as store:
        live, notes = store.workshop_count(), store.db.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
    print(f"library: {live:,} workshops, {notes:,} notes")
    if args.search:
        report_search(db)
        return
    empty = folder / "empty.sqlite"
    Store(empty).close()
    seconds = process_seconds({"bare": ("bare", db), "window": ("window", db), "library": ("library", db),
                               "empty": ("window", empty)}, args.runs)
    bare = seconds["bare"]
    print(f"start to the main window showing the library: {seconds['window']:.2f} s, ratio "
          f"{seconds['window'] / bare:.2f} to a bare QWidget window ({bare:.2f} s); the library widget alone "
          f"{seconds['library']:.2f} s, ratio {seconds['library'] / bare:.2f}; the main window on an empty "
          f"library {seconds['empty']:.2f} s")
    report_search(db)
    pdf, markdown, notes_in_series = series_report_seconds(db)
    print(f"series report of 10 workshops ({notes_in_series:,} notes): PDF {pdf:.2f} s (reading them included), "
          f"Markdown {markdown:.2f} s")


if __name__ == "__main__":
    main()
