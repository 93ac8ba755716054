"""Plain-text output of the command line: tables and summaries for a terminal.

User text is printed as typed; only line breaks inside one-line fields (a note in a
list) are shown as spaces so that each record stays on its line.
"""

from collections.abc import Iterable

from ..domain import health

SHORT_ID = 8
SNIPPET_WIDTH = 100
BOLD, PLAIN = "\033[1m", "\033[0m"


def _one_line(text: str, width: int | None = None) -> str:
    flat = " ".join(text.split())
    if width is not None and len(flat) > width:
        return flat[: width - 1] + "…"
    return flat


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# -- list ------------------------------------------------------------------------------------
def library(rows: list[dict], *, trashed: bool = False, team: bool = False) -> str:
    if not rows:
        if team:
            return "No team workshops. `collabdesk team status` shows the team folder and any problems."
        return "The trash is empty." if trashed else "No workshops yet. Add a sample one with: collabdesk demo"
    header = f"{'ID':<{SHORT_ID}}  {'DATE':<10}  {'STATUS':<7}  {'NOTES':>5}  {'DOTS':>5}  {'ACTIONS':>7}  TITLE"
    lines = [header]
    for r in rows:
        shared_by = f"  ({_one_line(r['facilitator'], 40)})" if team and r["facilitator"] else ""
        lines.append(f"{r['id'][:SHORT_ID]:<{SHORT_ID}}  {r['date'] or '-':<10}  {r['status']:<7}  "
                     f"{r['notes']:>5}  {r['votes']:>5}  {r['actions']:>7}  {_one_line(r['title'])}{shared_by}")
    where = " in the trash" if trashed else " from the team folder" if team else ""
    lines.append(f"({_plural(len(rows), 'workshop')}{where})")
    return "\n".join(lines)


# -- team ------------------------------------------------------------------------------------
def team_status(state) -> str:
    if state.folder is None:
        return "No team folder is set. Choose one with: collabdesk team set FOLDER"
    lines = [f"Team folder  {state.folder}",
             f"Workshops    {state.workshops} from the team",
             f"Sharing      {'anonymised (no names)' if state.anonymise else 'with names'}, "
             "when a workshop closes or is shared by hand"]
    if state.problems:
        lines.append(f"Problems     {len(state.problems)} (files skipped; tried again when they change)")
        lines += [f"  {_one_line(p.path)}: {_one_line(p.reason)}" for p in state.problems]
    else:
        lines.append("Problems     none")
    return "\n".join(lines)


def team_record(state) -> dict:
    return {"folder": str(state.folder) if state.folder else None, "workshops": state.workshops,
            "anonymise": state.anonymise,
            "problems": [{"path": p.path, "reason": p.reason, "seen": p.seen} for p in state.problems]}


# -- show ------------------------------------------------------------------------------------
def workshop(content, framework) -> str:
    """One workshop at a glance: details, agenda with counts, revealed votes, actions."""
    w = content.workshop
    lines = [w.title, "=" * min(len(w.title), 72)]
    details = [
        ("id", w.id),
        ("date", w.date or "not set"),
        ("location", w.location or "-"),
        ("facilitator", w.facilitator or "-"),
        ("status", w.status + (f" (reopened {w.reopened}x)" if w.reopened else "")),
        ("framework", framework.name),
        ("participants", f"{len(content.participants)}: " + ", ".join(p.name for p in content.participants)
         if content.participants else "none named"),
    ]
    if w.purpose:
        details.insert(1, ("purpose", _one_line(w.purpose)))
    lines += [f"  {label:<13}{value}" for label, value in details]

    lines += ["", "Agenda"]
    for number, e in enumerate(content.exercises, 1):
        notes, themes = content.notes_of(e.id), content.themes_of(e.id)
        counts = [f"{round(e.timer.planned / 60)} min", _plural(len(notes), "note")]
        if themes:
            counts.append(_plural(len(themes), "theme") + ": " + ", ".join(_one_line(t.title) for t in themes))
        domain = framework.domain(e.domain_key).name
        title = "" if e.title.strip().casefold() == domain.casefold() else f" — {_one_line(e.title)}"
        lines.append(f"  {number}. {domain}{title}  [{e.state}]  ({'; '.join(counts)})")
    if not content.exercises:
        lines.append("  (no exercises)")

    if content.rounds:
        lines += ["", "Votes"]
        for vote_round in content.rounds:
            lines += _vote_lines(content, vote_round)

    if content.health_rounds:
        lines += ["", "Health checks"]
        for check in content.health_rounds:
            lines += _health_lines(content, framework, check)

    lines += ["", "Actions"]
    for a in content.actions:
        owner = f" — {a.owner}" if a.owner else ""
        due = f", due {a.due}" if a.due else ""
        lines.append(f"  - {_one_line(a.text)}{owner}{due} [{a.status}]")
    if not content.actions:
        lines.append("  (none yet)")
    return "\n".join(lines)


def _vote_lines(content, vote_round) -> list[str]:
    ballots = [b for b in content.ballots if b.round_id == vote_round.id]
    voted = sum(1 for b in ballots if b.status == "confirmed")
    scope = "whole workshop"
    for e in content.exercises:
        if e.id == vote_round.exercise_id:
            scope = _one_line(e.title)
    if vote_round.mode == "tally":  # the facilitator counted the room's dots: nobody casts a ballot
        turnout = ", dots counted by the facilitator"
    else:
        turnout = f", {voted} of {len(ballots)} voted" if ballots else ""
    shown = ", results shown" if vote_round.revealed else ""
    lines = [f"  {_one_line(vote_round.title)} ({scope}; {vote_round.state}{shown}{turnout})"]
    if not vote_round.revealed:
        return lines + ["    results not revealed yet"]
    live_notes = {n.id: n.text for n in content.notes if not n.deleted}
    themes = {t.id: t.title for t in content.themes}
    totals: dict[str, int] = {}
    for v in content.votes:
        if v.round_id != vote_round.id:
            continue
        label = live_notes.get(v.note_id) if v.note_id is not None else themes.get(v.theme_id)
        if label is not None:
            totals[label] = totals.get(label, 0) + v.count
    ranked = sorted(((dots, label) for label, dots in totals.items() if dots), key=lambda x: -x[0])
    for dots, label in ranked[:5]:
        lines.append(f"    {dots:>3} {'dot ' if dots == 1 else 'dots'}  {_one_line(label, 70)}")
    if not ranked:
        lines.append("    no dots placed")
    elif len(ranked) > 5:
        lines.append(f"    … and {len(ranked) - 5} more with dots")
    return lines


def _health_lines(content, framework, check) -> list[str]:
    """A health check's line, then per domain its median, spread and raters once revealed."""
    ballots = [b for b in content.health_ballots if b.round_id == check.id]
    how = "show of hands" if check.mode == "tally" else "private ballots, " + (
        "anonymous" if check.anonymous else "named")
    turnout = "" if check.mode == "tally" else \
        f", {sum(1 for b in ballots if b.status == 'confirmed')} of {len(ballots)} rated"
    shown = ", results shown" if check.revealed else ""
    lines = [f"  {_one_line(check.title)} ({how}; {check.state}{shown}{turnout})"]
    if not check.revealed:
        return lines + ["    results not revealed yet"]
    ratings = [r for r in content.ratings if r.round_id == check.id]
    tallies = [t for t in content.tallies if t.round_id == check.id]
    names = {key: _one_line(framework.domain(key).name, 24) for key in check.domain_keys}
    width = max(len(name) for name in names.values())
    for result in health.results(check, ratings, tallies):
        name = names[result.domain_key].ljust(width)
        if result.median is None:
            lines.append(f"    {name}  no ratings")
            continue
        lines.append(f"    {name}  median {health.points(result.median):<4} spread {health.points(result.spread):<4}"
                     f" {_plural(result.raters, 'rating')}, {result.verdict}")
    return lines


# -- search ----------------------------------------------------------------------------------
def _marked(snippet: str, bold: bool) -> str:
    from ..domain.model import HIT_END, HIT_START  # here, not at the top: `list` loads no domain classes

    start, end = (BOLD, PLAIN) if bold else ("", "")
    return _one_line(snippet).replace(HIT_START, start).replace(HIT_END, end)


def search_results(results: Iterable, *, bold: bool = False) -> str:
    results = list(results)
    if not results:
        return "Nothing found."
    lines = []
    for r in results:
        hit = r.hit
        where = _one_line(hit.workshop_title)
        if r.exercise_title:
            domain = f"{r.domain.name}: " if r.domain is not None else ""
            where += f" · {domain}{_one_line(r.exercise_title)}"
        lines.append(f"{hit.kind:<8} {hit.workshop_id[:SHORT_ID]}  {where}")
        lines.append(f"{'':<8} {'':<{SHORT_ID}}  {_marked(hit.snippet, bold)}")
    lines.append(f"({_plural(len(results), 'hit')})")
    return "\n".join(lines)


def search_record(result) -> dict:
    from ..domain.model import HIT_END, HIT_START

    hit = result.hit
    return {
        "kind": hit.kind,
        "workshop_id": hit.workshop_id,
        "workshop_title": hit.workshop_title,
        "record_id": hit.record_id,
        "text": hit.text,
        "snippet": hit.snippet.replace(HIT_START, "").replace(HIT_END, ""),
        "exercise": result.exercise_title,
        "domain": result.domain.name if result.domain is not None else "",
    }


# -- check and backups -----------------------------------------------------------------------
def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.0f} kB"


def backup_record(info) -> dict:
    return {"path": str(info.path), "taken": info.taken.isoformat(), "size": info.size, "ok": info.ok,
            "problem": info.problem}


def aside_record(info) -> dict:
    return {"path": str(info.path), "kind": info.label, "size": info.size}


def check_report(facts: dict, problems: list[str], backups: list, aside: list) -> str:
    if facts["workshops"] is None:
        counts = "cannot be counted (the damage hides them)"
    else:
        counts = f"{facts['workshops']}" + (f" (and {facts['trashed']} in the trash)" if facts["trashed"] else "")
    lines = [
        f"Database   {facts['database']} (schema {facts['schema']})",
        f"Workshops  {counts}",
        "Integrity  " + ("ok (integrity check and foreign keys)" if not problems
                         else f"{_plural(len(problems), 'problem')}:"),
    ]
    lines += [f"  {p}" for p in problems[:20]]
    if len(problems) > 20:
        lines.append(f"  … and {len(problems) - 20} more")
    if not backups:
        lines.append("Backups    none yet (make one with: collabdesk backup)")
    else:
        good = sum(1 for b in backups if b.ok)
        lines.append(f"Backups    {len(backups)} ({good} good), newest first, in {backups[0].path.parent}")
        for b in backups:
            state = "ok" if b.ok else f"BAD: {b.problem}"
            lines.append(f"  {b.taken_text}  {_size(b.size):>8}  {b.path.name}  {state}")
    if aside:
        lines.append(f"Set aside  {len(aside)} earlier database file(s), kept beside it, newest first:")
        lines += [f"  {_size(a.size):>8}  {a.path.name}  "
                  + ("damaged when found" if a.label == "corrupt" else "replaced by a restore") for a in aside]
    return "\n".join(lines)
