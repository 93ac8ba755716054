"""The library: summaries of every workshop, full-text search, saved frameworks and templates."""

import json

from ..domain.frameworks import framework_from_dict, framework_to_dict, template_from_dict, template_to_dict
from ..domain.model import Framework, SearchHit, Template, WorkshopSummary
from .schema import FTS_TOKENIZE

SUMMARY_SQL = """
SELECT w.id, w.title, w.date, w.location, w.facilitator, w.status, w.framework_key, w.updated,
       w.series_id, w.deleted,
       (SELECT COUNT(*) FROM notes n WHERE n.workshop_id = w.id AND n.deleted = 0) AS notes,
       (SELECT COALESCE(SUM(v.count), 0) FROM votes v JOIN vote_rounds r ON r.id = v.round_id
            WHERE r.workshop_id = w.id) AS votes,
       (SELECT COUNT(*) FROM actions a WHERE a.workshop_id = w.id AND a.deleted = 0) AS actions
FROM workshops w
"""

MIN_FTS_QUERY = 3 if FTS_TOKENIZE == "trigram" else 1


class LibraryRows:
    def summaries(self, *, trashed: bool = False) -> list[WorkshopSummary]:
        """Every live (or, with ``trashed``, every trashed) workshop, newest first."""
        where = "WHERE w.deleted != ''" if trashed else "WHERE w.deleted = ''"
        return [WorkshopSummary(**r) for r in self._rows(
            SUMMARY_SQL + where + " ORDER BY w.date DESC, w.updated DESC")]

    def search(self, query: str, *, limit: int = 200) -> list[SearchHit]:
        """Find workshops, notes and actions containing every word of ``query``.

        The index is a trigram index, so any script matches by substring; words shorter
        than three characters (two-character Chinese words, say) fall back to a scan.
        """
        words = [w for w in query.split() if w]
        if not words:
            return []
        hits: list[SearchHit] = []
        for kind, sql in _search_sql(words):
            params = _search_params(words)
            for r in self._rows(sql, {**params, "limit": limit}):
                hits.append(SearchHit(kind=kind, **r))
        return hits[:limit]

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


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _search_params(words: list[str]) -> dict:
    params = {"match": " AND ".join(_fts_phrase(w) for w in words if len(w) >= MIN_FTS_QUERY)}
    for i, word in enumerate(words):
        params[f"like{i}"] = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return params


def _search_sql(words: list[str]) -> list[tuple[str, str]]:
    """One query per kind of record; FTS where the words allow, LIKE for short ones."""
    use_fts = any(len(w) >= MIN_FTS_QUERY for w in words)
    short = [i for i, w in enumerate(words) if len(w) < MIN_FTS_QUERY]

    def likes(column: str) -> str:
        return "".join(f" AND {column} LIKE :like{i} ESCAPE '\\'" for i in short)

    def source(table: str, alias: str, column: str) -> tuple[str, str]:
        if use_fts:
            return (f"JOIN {table}_fts f ON f.rowid = {alias}.rowid AND {table}_fts MATCH :match",
                    f"snippet({table}_fts, -1, '\ue000', '\ue001', '…', 12)")
        return "", f"substr({alias}.{column}, 1, 160)"

    join_w, snip_w = source("workshops", "w", "title")
    join_n, snip_n = source("notes", "n", "text")
    join_a, snip_a = source("actions", "a", "text")
    return [
        ("workshop", f"""SELECT w.id AS workshop_id, w.title AS workshop_title, w.id AS record_id,
                w.title || ' ' || w.purpose AS text, {snip_w} AS snippet, NULL AS exercise_id, '' AS domain_key
            FROM workshops w {join_w} WHERE w.deleted = '' {likes("(w.title || ' ' || w.purpose)")}
            ORDER BY w.updated DESC LIMIT :limit"""),
        ("note", f"""SELECT w.id AS workshop_id, w.title AS workshop_title, CAST(n.id AS TEXT) AS record_id,
                n.text AS text, {snip_n} AS snippet, n.exercise_id AS exercise_id, e.domain_key AS domain_key
            FROM notes n {join_n} JOIN workshops w ON w.id = n.workshop_id JOIN exercises e ON e.id = n.exercise_id
            WHERE n.deleted = 0 AND w.deleted = '' {likes("n.text")} ORDER BY n.id DESC LIMIT :limit"""),
        ("action", f"""SELECT w.id AS workshop_id, w.title AS workshop_title, CAST(a.id AS TEXT) AS record_id,
                a.text AS text, {snip_a} AS snippet, NULL AS exercise_id, '' AS domain_key
            FROM actions a {join_a} JOIN workshops w ON w.id = a.workshop_id
            WHERE a.deleted = 0 AND w.deleted = '' {likes("a.text")} ORDER BY a.id DESC LIMIT :limit"""),
    ]
