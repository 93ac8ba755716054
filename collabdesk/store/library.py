"""The library: summaries of every workshop, full-text search, the trash, series,
saved frameworks and templates."""

import json
from collections.abc import Iterable
from dataclasses import dataclass

from ..domain.errors import NotFoundError, ValidationError
from ..domain.frameworks import framework_from_dict, framework_to_dict, template_from_dict, template_to_dict
from ..domain.model import Framework, SearchHit, Template, WorkshopSummary
from .schema import FTS_TOKENIZE, IS_TEAM, ORIGINS

# Counts come from ``workshop_counts`` (schema v4), kept by triggers; the workshops are
# chosen, ordered and paged first, so a page of 200 rows reads 200 rows of counts.
SUMMARY_SQL = """
SELECT w.id, w.title, w.date, w.location, w.facilitator, w.status, w.framework_key, w.updated,
       w.series_id, w.deleted, c.notes, c.votes, c.actions,
       """ + IS_TEAM + """ AS team
FROM (SELECT * FROM workshops {where} ORDER BY {order} LIMIT :limit OFFSET :offset) w
JOIN workshop_counts c ON c.workshop_id = w.id
ORDER BY {order}
"""
# Unscheduled workshops (new drafts) first, then the most recent session first.
LIBRARY_ORDER = "(date = '') DESC, date DESC, updated DESC, id"

MIN_FTS_QUERY = 3 if FTS_TOKENIZE == "trigram" else 1
MAX_SEARCH_WORDS = 32  # each word is one condition of the query; SQLite's expressions nest 1,000 deep at most
MAX_SEARCH_LIMIT = 10_000  # hits of each kind: far more than a list can show, far less than SQLite's integers


@dataclass(frozen=True)
class Series:
    """A named group of workshops (three roundtables over four months, say)."""

    id: int
    title: str
    created: str = ""
    workshop_count: int = 0  # live workshops in it; trashed ones are not counted


class LibraryRows:
    # -- the list of workshops ------------------------------------------------------
    def summaries(self, *, trashed: bool = False, series_id: int | None = None, origin: str | None = None,
                  offset: int = 0, limit: int | None = None) -> list[WorkshopSummary]:
        """Live (or, with ``trashed``, trashed) workshops: undated drafts, then newest first.

        ``origin`` picks the facilitator's own (``"own"``) or the team's (``"team"``);
        None gives both. The trash holds only the facilitator's own: a team workshop whose
        file left the team folder is hidden, not trashed. ``offset`` and ``limit`` page
        through them in that order, for a list that loads lazily.
        """
        where = "WHERE deleted = ''" + ORIGINS[origin]
        if trashed:
            where = "WHERE deleted != ''" + ORIGINS["own"]
        params = {"limit": -1 if limit is None else limit, "offset": offset}
        if series_id is not None:
            where += " AND series_id = :series_id"
            params["series_id"] = series_id
        sql = SUMMARY_SQL.format(where=where, order=LIBRARY_ORDER)
        return [WorkshopSummary(**r) for r in self._rows(sql, params)]

    def workshop_count(self, *, trashed: bool = False) -> int:
        """The facilitator's own workshops, live or trashed (team workshops are counted apart)."""
        where = ("deleted != ''" if trashed else "deleted = ''") + ORIGINS["own"]
        return self.db.execute(f"SELECT COUNT(*) FROM workshops WHERE {where}").fetchone()[0]

    def facilitators(self) -> list[str]:
        """Every facilitator named on a live workshop, alphabetically (for the library's filter)."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT facilitator FROM workshops WHERE deleted = '' AND facilitator != '' "
            "ORDER BY facilitator COLLATE NOCASE")]

    # -- search ---------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 200, origin: str | None = None) -> list[SearchHit]:
        """Find workshops, notes and actions containing every word of ``query``.

        At most ``limit`` hits of each kind: workshops (most recently changed first), then
        notes and actions (newest first). The index is a trigram index, so any script
        matches by substring; words shorter than three characters (two-character Chinese
        words, say) fall back to a scan. Each hit's snippet (made when first read) is the
        text around the first match, on one line, with every match between HIT_START and
        HIT_END. ``origin`` narrows the search to the facilitator's own or the team's
        workshops, as in ``summaries``.
        """
        words = list(dict.fromkeys(query.split()))  # a word given twice narrows nothing
        if not words:
            return []
        if len(words) > MAX_SEARCH_WORDS:
            raise ValidationError(f"Search for at most {MAX_SEARCH_WORDS} different words at a time "
                                  f"({len(words):,} were given).")
        params = _search_params(words, max(1, min(limit, MAX_SEARCH_LIMIT)))
        looked_for = tuple(words)
        return [SearchHit(workshop_id, title, kind, record_id, text, looked_for, exercise_id, domain_key)
                for kind, sql in _search_sql(words, ORIGINS[origin].replace(" id ", " w.id "))
                for workshop_id, title, record_id, text, exercise_id, domain_key in self.db.execute(sql, params)]

    def exercise_context(self, exercise_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
        """For each exercise id: its title and its workshop's framework key (to label hits)."""
        ids = sorted(set(exercise_ids))
        if not ids:
            return {}
        found = self.db.execute(
            f"SELECT e.id, e.title, w.framework_key FROM exercises e JOIN workshops w ON w.id = e.workshop_id "
            f"WHERE e.id IN ({_marks(ids)})", ids)
        return {r[0]: (r[1], r[2]) for r in found}

    # -- the trash ------------------------------------------------------------------
    def trash_workshops(self, workshop_ids: Iterable[str]) -> None:
        """Move workshops to the trash. Nothing else about them changes, so restoring is exact."""
        ids = self._existing_workshops(workshop_ids)
        with self._write("move the workshop to the trash"):
            self.db.execute(f"UPDATE workshops SET deleted = ? WHERE deleted = '' AND id IN ({_marks(ids)})",
                            (self.now(), *ids))

    def restore_workshops(self, workshop_ids: Iterable[str]) -> None:
        ids = self._existing_workshops(workshop_ids)
        with self._write("restore the workshop"):
            self.db.execute(f"UPDATE workshops SET deleted = '' WHERE id IN ({_marks(ids)})", ids)

    def purge_workshops(self, workshop_ids: Iterable[str] | None = None) -> int:
        """Delete trashed workshops for good (all of them when ``workshop_ids`` is None).

        Everything in them goes too (foreign keys cascade; the search index follows by
        trigger). Live workshops are never touched. Returns how many were deleted.
        """
        with self._write("empty the trash"):
            trashed = "deleted != ''" + ORIGINS["own"]  # a hidden team workshop is not in the trash
            if workshop_ids is None:
                return self.db.execute(f"DELETE FROM workshops WHERE {trashed}").rowcount
            ids = list(workshop_ids)
            return self.db.execute(
                f"DELETE FROM workshops WHERE {trashed} AND id IN ({_marks(ids)})", ids).rowcount

    def _existing_workshops(self, workshop_ids: Iterable[str]) -> list[str]:
        ids = list(dict.fromkeys(workshop_ids))
        found = {r[0] for r in self.db.execute(f"SELECT id FROM workshops WHERE id IN ({_marks(ids)})", ids)}
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFoundError(f"No workshop has the id {missing[0]!r}.")
        return ids

    # -- series ---------------------------------------------------------------------
    def series_list(self) -> list[Series]:
        """Every series, alphabetically, with how many live workshops it holds."""
        return [Series(**r) for r in self._rows(
            "SELECT s.id, s.title, COALESCE(s.created, '') AS created, "
            "(SELECT COUNT(*) FROM workshops w WHERE w.series_id = s.id AND w.deleted = '') AS workshop_count "
            "FROM series s ORDER BY s.title COLLATE NOCASE, s.id")]

    def series(self, series_id: int) -> Series:
        for found in self.series_list():
            if found.id == series_id:
                return found
        raise NotFoundError(f"No series has the id {series_id}.")

    def create_series(self, title: str) -> Series:
        with self._write("create the series"):
            series_id = self.db.execute("INSERT INTO series (title, created) VALUES (?, ?)",
                                        (title, self.now())).lastrowid
        return self.series(series_id)

    def rename_series(self, series_id: int, title: str) -> Series:
        with self._write("rename the series"):
            if self.db.execute("UPDATE series SET title = ? WHERE id = ?", (title, series_id)).rowcount == 0:
                raise NotFoundError(f"No series has the id {series_id}.")
        return self.series(series_id)

    def delete_series(self, series_id: int) -> None:
        """Delete a series; its workshops stay, in no series."""
        with self._write("delete the series"):
            self.db.execute("UPDATE workshops SET series_id = NULL WHERE series_id = ?", (series_id,))
            self.db.execute("DELETE FROM series WHERE id = ?", (series_id,))

    def set_workshops_series(self, workshop_ids: Iterable[str], series_id: int | None) -> None:
        """Put workshops in a series (or, with None, take them out of theirs)."""
        ids = self._existing_workshops(workshop_ids)
        if series_id is not None:
            self.series(series_id)
        with self._write("move the workshop to the series"):
            self.db.execute(f"UPDATE workshops SET series_id = ?, updated = ? WHERE id IN ({_marks(ids)})",
                            (series_id, self.now(), *ids))

    # -- frameworks and templates -----------------------------------------------
    def saved_frameworks(self) -> list[Framework]:
        return [framework_from_dict(json.loads(r["body"])) for r in self._rows(
            "SELECT body FROM frameworks ORDER BY name")]

    def save_framework(self, framework: Framework) -> None:
        with self._write("save the framework") as db:
            db["frameworks"].upsert({"key": framework.key, "name": framework.name,
                                     "body": json.dumps(framework_to_dict(framework), ensure_ascii=False),
                                     "updated": self.now()}, pk="key")

    def delete_framework(self, key: str) -> None:
        with self._write("delete the framework"):
            self.db.execute("DELETE FROM frameworks WHERE key = ?", (key,))

    def saved_templates(self) -> list[Template]:
        return [template_from_dict(json.loads(r["body"])) for r in self._rows(
            "SELECT body FROM templates ORDER BY name")]

    def save_template(self, template: Template) -> None:
        with self._write("save the template") as db:
            db["templates"].upsert({"key": template.key, "name": template.name,
                                    "framework_key": template.framework_key,
                                    "body": json.dumps(template_to_dict(template), ensure_ascii=False),
                                    "updated": self.now()}, pk="key")

    def delete_template(self, key: str) -> None:
        with self._write("delete the template"):
            self.db.execute("DELETE FROM templates WHERE key = ?", (key,))


def _marks(ids) -> str:
    return ", ".join("?" * len(ids))


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _search_params(words: list[str], limit: int) -> dict:
    params = {"match": " AND ".join(_fts_phrase(w) for w in words if len(w) >= MIN_FTS_QUERY), "limit": limit}
    for i, word in enumerate(words):
        params[f"like{i}"] = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        params[f"word{i}"] = word
    return params


def _has_ascii_letter(word: str) -> bool:
    return any(c.isascii() and c.isalpha() for c in word)


def _search_sql(words: list[str], origin: str = "") -> list[tuple[str, str]]:
    """One query per kind of record; FTS where the words allow, LIKE for short ones.

    Notes and actions walk the index newest first (``ORDER BY f.rowid DESC`` on the FTS
    table, joined with CROSS JOIN so SQLite keeps that order) and stop at the limit:
    a word in 30,000 notes costs as little as a word in three.
    """
    use_fts = any(len(w) >= MIN_FTS_QUERY for w in words)
    short = [i for i, w in enumerate(words) if len(w) < MIN_FTS_QUERY]

    def likes(column: str) -> str:
        """The scan's test for each short word: SQLite's LIKE folds only ASCII letters, so a word
        without any (合作, שי, 75) is found the same by ``instr``, which is twice as quick."""
        return "".join(f" AND {column} LIKE :like{i} ESCAPE '\\'" if _has_ascii_letter(words[i])
                       else f" AND instr({column}, :word{i}) > 0" for i in short)

    def records(table: str, alias: str) -> tuple[str, str, str]:
        """The FROM clause, the extra condition and the order for one kind of record."""
        if use_fts:
            return (f"{table}_fts f CROSS JOIN {table} {alias} ON {alias}.id = f.rowid",
                    f"{table}_fts MATCH :match AND ", "f.rowid DESC")
        return f"{table} {alias}", "", f"{alias}.id DESC"

    notes_from, notes_match, notes_order = records("notes", "n")
    actions_from, actions_match, actions_order = records("actions", "a")
    workshops_join = "JOIN workshops_fts f ON f.rowid = w.rowid AND workshops_fts MATCH :match" if use_fts else ""
    return [
        ("workshop", f"""SELECT w.id AS workshop_id, w.title AS workshop_title, w.id AS record_id,
                w.title || ' ' || w.purpose AS text, NULL AS exercise_id, '' AS domain_key
            FROM workshops w {workshops_join} WHERE w.deleted = ''{origin} {likes("(w.title || ' ' || w.purpose)")}
            ORDER BY w.updated DESC LIMIT :limit"""),
        ("note", f"""SELECT w.id AS workshop_id, w.title AS workshop_title, CAST(n.id AS TEXT) AS record_id,
                n.text AS text, n.exercise_id AS exercise_id, e.domain_key AS domain_key
            FROM {notes_from} CROSS JOIN workshops w ON w.id = n.workshop_id
                CROSS JOIN exercises e ON e.id = n.exercise_id
            WHERE {notes_match}n.deleted = 0 AND w.deleted = ''{origin} {likes("n.text")}
            ORDER BY {notes_order} LIMIT :limit"""),
        ("action", f"""SELECT w.id AS workshop_id, w.title AS workshop_title, CAST(a.id AS TEXT) AS record_id,
                a.text AS text, NULL AS exercise_id, '' AS domain_key
            FROM {actions_from} CROSS JOIN workshops w ON w.id = a.workshop_id
            WHERE {actions_match}a.deleted = 0 AND w.deleted = ''{origin} {likes("a.text")}
            ORDER BY {actions_order} LIMIT :limit"""),
    ]
