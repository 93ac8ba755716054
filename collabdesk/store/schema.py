"""The schema, as forward migrations numbered by ``PRAGMA user_version``.

Each migration runs in one transaction with the version bump, so a database is always
at exactly one version. Never edit a released migration: add the next one.
"""

from __future__ import annotations

from collections.abc import Callable

TYPE_CHECKING = False  # type checkers read this as True; at run time it spares importing typing
if TYPE_CHECKING:  # annotations only: reading SCHEMA_VERSION must not load sqlite-utils (`collabdesk list`)
    import sqlite_utils

FTS_TOKENIZE = "trigram"  # matches any script, CJK included, by substring
# Which workshops a list or a search covers (schema v7): the facilitator's own, the
# team's (indexed from the team folder), or both (None).
ORIGINS = {
    None: "",
    "own": " AND id NOT IN (SELECT workshop_id FROM team_workshops)",
    "team": " AND id IN (SELECT workshop_id FROM team_workshops)",
}
IS_TEAM = "EXISTS (SELECT 1 FROM team_workshops t WHERE t.workshop_id = w.id)"


def _v1_tables(db: sqlite_utils.Database) -> None:
    db["series"].create({"id": int, "title": str, "created": str}, pk="id", not_null={"title"})
    db["workshops"].create(
        {
            "id": str,
            "title": str,
            "purpose": str,
            "facilitator": str,
            "location": str,
            "date": str,
            "status": str,
            "framework_key": str,
            "created": str,
            "updated": str,
            "started": str,
            "ended": str,
            "reopened": int,
            "series_id": int,
            "deleted": str,
        },
        pk="id",
        not_null={"title", "status"},
        defaults={
            "purpose": "", "facilitator": "", "location": "", "date": "", "status": "draft",
            "framework_key": "five-domains", "started": "", "ended": "", "reopened": 0,
            "deleted": "",
        },
        foreign_keys=[("series_id", "series", "id")],
    )
    db.execute(
        """CREATE TABLE participants (
            id INTEGER PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0)"""
    )
    db.execute(
        """CREATE TABLE exercises (
            id INTEGER PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            domain_key TEXT NOT NULL,
            title TEXT NOT NULL,
            prompt TEXT NOT NULL DEFAULT '',
            planned_seconds REAL NOT NULL,
            timer_accumulated REAL NOT NULL DEFAULT 0,
            timer_running_since REAL,
            state TEXT NOT NULL DEFAULT 'pending')"""
    )
    db.execute(
        """CREATE TABLE themes (
            id INTEGER PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            exercise_id INTEGER NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            deleted INTEGER NOT NULL DEFAULT 0)"""
    )
    db.execute(
        """CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            exercise_id INTEGER NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'note',
            colour TEXT NOT NULL DEFAULT 'yellow',
            author_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
            role TEXT NOT NULL DEFAULT '',
            theme_id INTEGER REFERENCES themes(id) ON DELETE SET NULL,
            x REAL,
            y REAL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0)"""
    )
    db.execute(
        """CREATE TABLE vote_rounds (
            id INTEGER PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            exercise_id INTEGER REFERENCES exercises(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            dots_per_voter INTEGER NOT NULL DEFAULT 3,
            max_per_item INTEGER,
            anonymous INTEGER NOT NULL DEFAULT 1,
            target TEXT NOT NULL DEFAULT 'notes',
            mode TEXT NOT NULL DEFAULT 'ballot',
            state TEXT NOT NULL DEFAULT 'open',
            revealed INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL)"""
    )
    db.execute(
        """CREATE TABLE votes (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES vote_rounds(id) ON DELETE CASCADE,
            note_id INTEGER REFERENCES notes(id) ON DELETE CASCADE,
            theme_id INTEGER REFERENCES themes(id) ON DELETE CASCADE,
            voter_id INTEGER REFERENCES participants(id) ON DELETE CASCADE,
            count INTEGER NOT NULL CHECK (count >= 0))"""
    )
    db.execute(
        """CREATE TABLE ballots (
            round_id INTEGER NOT NULL REFERENCES vote_rounds(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            status TEXT NOT NULL DEFAULT 'pending',
            PRIMARY KEY (round_id, participant_id))"""
    )
    db.execute(
        """CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            owner TEXT NOT NULL DEFAULT '',
            due TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'open',
            note_id INTEGER REFERENCES notes(id) ON DELETE SET NULL,
            theme_id INTEGER REFERENCES themes(id) ON DELETE SET NULL,
            position INTEGER NOT NULL DEFAULT 0,
            deleted INTEGER NOT NULL DEFAULT 0)"""
    )
    db.execute(
        "CREATE TABLE frameworks (key TEXT PRIMARY KEY, name TEXT NOT NULL, body TEXT NOT NULL, updated TEXT NOT NULL)"
    )
    db.execute(
        """CREATE TABLE templates (key TEXT PRIMARY KEY, name TEXT NOT NULL,
            framework_key TEXT NOT NULL, body TEXT NOT NULL, updated TEXT NOT NULL)"""
    )
    for sql in (
        "CREATE INDEX idx_participants_workshop ON participants(workshop_id, position)",
        "CREATE INDEX idx_exercises_workshop ON exercises(workshop_id, position)",
        "CREATE INDEX idx_notes_exercise ON notes(exercise_id, deleted)",
        "CREATE INDEX idx_notes_workshop ON notes(workshop_id)",
        "CREATE INDEX idx_notes_theme ON notes(theme_id)",
        "CREATE INDEX idx_themes_exercise ON themes(exercise_id)",
        "CREATE INDEX idx_votes_round ON votes(round_id)",
        "CREATE INDEX idx_votes_note ON votes(note_id)",
        "CREATE INDEX idx_votes_theme ON votes(theme_id)",
        "CREATE INDEX idx_rounds_workshop ON vote_rounds(workshop_id)",
        "CREATE INDEX idx_actions_workshop ON actions(workshop_id, position)",
        "CREATE INDEX idx_workshops_series ON workshops(series_id)",
    ):
        db.execute(sql)


def _v2_full_text(db: sqlite_utils.Database) -> None:
    """Full-text search over workshop titles and purposes, notes and actions."""
    db["workshops"].enable_fts(["title", "purpose"], create_triggers=True, tokenize=FTS_TOKENIZE)
    db["notes"].enable_fts(["text"], create_triggers=True, tokenize=FTS_TOKENIZE)
    db["actions"].enable_fts(["text"], create_triggers=True, tokenize=FTS_TOKENIZE)


def _v3_library_indexes(db: sqlite_utils.Database) -> None:
    """Indexes that keep the library instant with thousands of workshops.

    Covering indexes let the library's per-workshop counts of notes, dots and actions
    read the index alone. The rest index every foreign key that had none, so deleting a
    workshop for good (emptying the trash) does not scan whole tables once per deleted
    note or participant: 10 workshops of 100 notes went from seconds to milliseconds.
    """
    for sql in (
        "DROP INDEX idx_notes_workshop",
        "CREATE INDEX idx_notes_workshop_live ON notes(workshop_id, deleted)",
        "DROP INDEX idx_votes_round",
        "CREATE INDEX idx_votes_round_count ON votes(round_id, count)",
        "CREATE INDEX idx_actions_workshop_live ON actions(workshop_id, deleted)",
        "CREATE INDEX idx_notes_author ON notes(author_id)",
        "CREATE INDEX idx_actions_note ON actions(note_id)",
        "CREATE INDEX idx_actions_theme ON actions(theme_id)",
        "CREATE INDEX idx_votes_voter ON votes(voter_id)",
        "CREATE INDEX idx_ballots_participant ON ballots(participant_id)",
        "CREATE INDEX idx_rounds_exercise ON vote_rounds(exercise_id)",
        "CREATE INDEX idx_themes_workshop ON themes(workshop_id)",
    ):
        db.execute(sql)


def _v4_workshop_counts(db: sqlite_utils.Database) -> None:
    """Each workshop's count of live notes, dots and live actions, kept up to date by triggers.

    Listing the library needs these counts for every workshop; counting index entries
    took about 15 ms for 1,000 workshops of 100 notes, most of `collabdesk list`'s time.
    Triggers keep one row per workshop right within every write's own transaction,
    whichever code writes (plain SQL in a later migration included). The counts live in
    their own table so that bumping one does not re-index the workshop's title and
    purpose in the search index, as an update of ``workshops`` would.
    """
    db.execute(
        """CREATE TABLE workshop_counts (
            workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
            notes INTEGER NOT NULL DEFAULT 0,
            votes INTEGER NOT NULL DEFAULT 0,
            actions INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"""
    )
    db.execute(
        """INSERT INTO workshop_counts (workshop_id, notes, votes, actions)
        SELECT w.id,
               (SELECT COUNT(*) FROM notes n WHERE n.workshop_id = w.id AND n.deleted = 0),
               (SELECT COALESCE(SUM(v.count), 0) FROM votes v JOIN vote_rounds r ON r.id = v.round_id
                    WHERE r.workshop_id = w.id),
               (SELECT COUNT(*) FROM actions a WHERE a.workshop_id = w.id AND a.deleted = 0)
        FROM workshops w"""
    )
    round_of = "(SELECT workshop_id FROM vote_rounds WHERE id = {row}.round_id)"
    triggers = {
        "workshop_counts_start": "AFTER INSERT ON workshops BEGIN "
        "INSERT INTO workshop_counts (workshop_id) VALUES (NEW.id); END",
        # A round's dots leave with it; the cascaded deletes of its votes then find no round.
        "workshop_counts_round_gone": "BEFORE DELETE ON vote_rounds BEGIN "
        "UPDATE workshop_counts SET votes = votes - (SELECT COALESCE(SUM(count), 0) FROM votes "
        "WHERE round_id = OLD.id) WHERE workshop_id = OLD.workshop_id; END",
        "workshop_counts_vote_in": "AFTER INSERT ON votes BEGIN UPDATE workshop_counts SET votes = votes + NEW.count "
        f"WHERE workshop_id = {round_of.format(row='NEW')}; END",
        "workshop_counts_vote_out": "AFTER DELETE ON votes BEGIN UPDATE workshop_counts SET votes = votes - OLD.count "
        f"WHERE workshop_id = {round_of.format(row='OLD')}; END",
        "workshop_counts_vote_change": "AFTER UPDATE OF count, round_id ON votes BEGIN "
        f"UPDATE workshop_counts SET votes = votes - OLD.count WHERE workshop_id = {round_of.format(row='OLD')}; "
        f"UPDATE workshop_counts SET votes = votes + NEW.count WHERE workshop_id = {round_of.format(row='NEW')}; END",
    }
    for table in ("notes", "actions"):
        triggers |= {
            f"workshop_counts_{table}_in": f"AFTER INSERT ON {table} WHEN NEW.deleted = 0 BEGIN "
            f"UPDATE workshop_counts SET {table} = {table} + 1 WHERE workshop_id = NEW.workshop_id; END",
            f"workshop_counts_{table}_out": f"AFTER DELETE ON {table} WHEN OLD.deleted = 0 BEGIN "
            f"UPDATE workshop_counts SET {table} = {table} - 1 WHERE workshop_id = OLD.workshop_id; END",
            f"workshop_counts_{table}_change": f"AFTER UPDATE OF deleted, workshop_id ON {table} BEGIN "
            f"UPDATE workshop_counts SET {table} = {table} - (OLD.deleted = 0) WHERE workshop_id = OLD.workshop_id; "
            f"UPDATE workshop_counts SET {table} = {table} + (NEW.deleted = 0) WHERE workshop_id = NEW.workshop_id; "
            "END",
        }
    for name, body in triggers.items():
        db.execute(f"CREATE TRIGGER {name} {body}")


def _v5_reindex_only_on_text_change(db: sqlite_utils.Database) -> None:
    """Re-index a row for search only when its indexed text changes.

    The triggers sqlite-utils made fire on any update, so every note written (which
    touches its workshop's ``updated``) and every card dragged re-indexed text that had
    not changed.
    """
    for table, columns in (("workshops", ("title", "purpose")), ("notes", ("text",)), ("actions", ("text",))):
        quoted = ", ".join(f'"{c}"' for c in columns)
        old = ", ".join(f'old."{c}"' for c in columns)
        new = ", ".join(f'new."{c}"' for c in columns)
        db.execute(f'DROP TRIGGER "{table}_au"')
        db.execute(
            f'CREATE TRIGGER "{table}_au" AFTER UPDATE OF {quoted} ON "{table}" BEGIN\n'
            f'  INSERT INTO "{table}_fts" ("{table}_fts", rowid, {quoted}) VALUES(\'delete\', old.rowid, {old});\n'
            f'  INSERT INTO "{table}_fts" (rowid, {quoted}) VALUES (new.rowid, {new});\nEND'
        )


def _v6_health_checks(db: sqlite_utils.Database) -> None:
    """Health checks: rounds rating the framework's domains, each voter's ballot, their
    ratings (one per domain per voter, the key says so), and hand counts from a tally.

    A round keeps the domain keys it asks about as a JSON list, in the framework's order
    when it started, so editing the framework later does not change what was rated.
    """
    db.execute(
        """CREATE TABLE health_rounds (
            id INTEGER PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            domain_keys TEXT NOT NULL,
            mode TEXT NOT NULL DEFAULT 'ballot',
            anonymous INTEGER NOT NULL DEFAULT 1,
            state TEXT NOT NULL DEFAULT 'open',
            revealed INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL)"""
    )
    db.execute(
        """CREATE TABLE health_ballots (
            round_id INTEGER NOT NULL REFERENCES health_rounds(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            status TEXT NOT NULL DEFAULT 'pending',
            PRIMARY KEY (round_id, participant_id))"""
    )
    db.execute(
        """CREATE TABLE health_ratings (
            round_id INTEGER NOT NULL REFERENCES health_rounds(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            domain_key TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
            comment TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (round_id, participant_id, domain_key))"""
    )
    db.execute(
        """CREATE TABLE health_tallies (
            round_id INTEGER NOT NULL REFERENCES health_rounds(id) ON DELETE CASCADE,
            domain_key TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
            count INTEGER NOT NULL CHECK (count >= 0),
            PRIMARY KEY (round_id, domain_key, score))"""
    )
    for sql in (
        "CREATE INDEX idx_health_rounds_workshop ON health_rounds(workshop_id)",
        "CREATE INDEX idx_health_ballots_participant ON health_ballots(participant_id)",
        "CREATE INDEX idx_health_ratings_participant ON health_ratings(participant_id)",
    ):
        db.execute(sql)


def _v7_team_library(db: sqlite_utils.Database) -> None:
    """The team library: settings, the team folder's files and the workshops indexed from them.

    ``team_files`` remembers every workshop file seen in the team folder (by its path
    relative to the folder) with the size, modification time and digest it had when it
    was read, so a scan reads only what changed. ``team_workshops`` marks the workshops
    that are read-only copies of a team file (the winning file for that UUID); a team
    workshop whose every file left the folder stays, hidden (``workshops.deleted``), so a
    file restored by the sync engine brings it back with its series. ``team_problems``
    is the "team folder problems" list: one row per file that could not be used.
    """
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
    db.execute(
        """CREATE TABLE team_files (
            path TEXT PRIMARY KEY,
            workshop_id TEXT NOT NULL,
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            digest TEXT NOT NULL,
            updated TEXT NOT NULL) WITHOUT ROWID"""
    )
    db.execute(
        """CREATE TABLE team_workshops (
            workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            updated TEXT NOT NULL,
            indexed TEXT NOT NULL) WITHOUT ROWID"""
    )
    db.execute(
        "CREATE TABLE team_problems (path TEXT PRIMARY KEY, reason TEXT NOT NULL, seen TEXT NOT NULL) WITHOUT ROWID")
    db.execute("CREATE INDEX idx_team_files_workshop ON team_files(workshop_id)")


def _v8_unnamed_ratings(db: sqlite_utils.Database) -> None:
    """Ratings may name no participant: those of an anonymous health check imported from a
    workshop file, which never says whose a rating is. The key becomes a unique index, which
    still allows one rating per domain per named voter and any number of unnamed ones."""
    db.execute(
        """CREATE TABLE health_ratings_v8 (
            round_id INTEGER NOT NULL REFERENCES health_rounds(id) ON DELETE CASCADE,
            participant_id INTEGER REFERENCES participants(id) ON DELETE CASCADE,
            domain_key TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
            comment TEXT NOT NULL DEFAULT '',
            UNIQUE (round_id, participant_id, domain_key))"""
    )
    db.execute("INSERT INTO health_ratings_v8 (round_id, participant_id, domain_key, score, comment) "
               "SELECT round_id, participant_id, domain_key, score, comment FROM health_ratings ORDER BY rowid")
    db.execute("DROP TABLE health_ratings")
    db.execute("ALTER TABLE health_ratings_v8 RENAME TO health_ratings")
    db.execute("CREATE INDEX idx_health_ratings_participant ON health_ratings(participant_id)")


def _v9_phone_notes(db: sqlite_utils.Database) -> None:
    """Notes sent from phones: each keeps the key its phone gave it, so a re-send (after Wi-Fi
    drops or the laptop restarts) finds the note already saved instead of adding it twice.

    The row is written in the note's own transaction; its presence also marks the note as
    from a phone, with the name of the device that sent it.
    """
    db.execute(
        """CREATE TABLE phone_notes (
            note_id INTEGER PRIMARY KEY REFERENCES notes(id) ON DELETE CASCADE,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            client_key TEXT NOT NULL,
            device TEXT NOT NULL DEFAULT '',
            UNIQUE (workshop_id, client_key))"""
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_tables, _v2_full_text, _v3_library_indexes, _v4_workshop_counts,
    _v5_reindex_only_on_text_change, _v6_health_checks, _v7_team_library,
    _v8_unnamed_ratings, _v9_phone_notes,
]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite_utils.Database, target: int = SCHEMA_VERSION) -> int:
    """Bring ``db`` forward to ``target``; returns the version it started at."""
    start = db.execute("PRAGMA user_version").fetchone()[0]
    for version in range(start + 1, target + 1):
        with db.atomic():
            MIGRATIONS[version - 1](db)
            db.execute(f"PRAGMA user_version = {version}")
    return start
