"""Health checks: their rounds, where each voter stands, their ratings and hand counts."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from ..domain.errors import NotFoundError
from ..domain.model import Ballot

if TYPE_CHECKING:  # loaded with the first health check, not at start
    from ..domain.health import HealthRound, Rating, TallyCount

HEALTH_ROUND_FIELDS = ("title", "mode", "anonymous", "state", "revealed")


class HealthRows:
    @contextlib.contextmanager
    def health_change(self, what: str) -> Iterator[None]:
        """One health-check action's reads, rule checks and writes in a single transaction."""
        with self._write(what):
            yield

    def create_health_round(self, workshop_id: str, *, title: str, domain_keys: Iterable[str],
                            voter_ids: Iterable[int] = (), **fields) -> HealthRound:
        _check_fields(fields)
        with self._write("start the health check") as db:
            round_id = db.execute(
                "INSERT INTO health_rounds (workshop_id, title, domain_keys, mode, anonymous, created) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (workshop_id, title, json.dumps(list(domain_keys)), fields.get("mode", "ballot"),
                 int(fields.get("anonymous", True)), self.now())).lastrowid
            db.executemany("INSERT INTO health_ballots (round_id, participant_id) VALUES (?, ?)",
                           [(round_id, voter_id) for voter_id in voter_ids])
        return self.health_round(round_id)

    def health_round(self, round_id: int) -> HealthRound:
        found = self._rows("SELECT * FROM health_rounds WHERE id = ?", (round_id,))
        if not found:
            raise NotFoundError(f"No health check has the id {round_id}.")
        return _round(found[0])

    def health_rounds(self, workshop_id: str) -> list[HealthRound]:
        return [_round(r) for r in self._rows(
            "SELECT * FROM health_rounds WHERE workshop_id = ? ORDER BY id", (workshop_id,))]

    def update_health_round(self, round_id: int, **fields) -> HealthRound:
        _check_fields(fields)
        with self._write("save the health check") as db:
            assignments = ", ".join(f"{name} = ?" for name in fields)
            db.execute(f"UPDATE health_rounds SET {assignments} WHERE id = ?",
                       (*(int(v) if isinstance(v, bool) else v for v in fields.values()), round_id))
        return self.health_round(round_id)

    def delete_health_round(self, round_id: int) -> None:
        with self._write("delete the health check") as db:
            db.execute("DELETE FROM health_rounds WHERE id = ?", (round_id,))

    def health_ballots(self, round_id: int) -> list[Ballot]:
        return [Ballot(round_id=r, participant_id=p, status=s) for r, p, s in self.db.execute(
            "SELECT b.round_id, b.participant_id, b.status FROM health_ballots b "
            "JOIN participants p ON p.id = b.participant_id WHERE b.round_id = ? ORDER BY p.position, p.id",
            (round_id,))]

    def replace_ratings(self, round_id: int, participant_id: int, ballot: Mapping[str, tuple[int, str]],
                        *, status: str) -> None:
        """Replace one voter's ratings (``{domain: (score, comment)}``) and set their ballot's status, at once."""
        with self._write("save the ratings") as db:
            db.execute("DELETE FROM health_ratings WHERE round_id = ? AND participant_id = ?",
                       (round_id, participant_id))
            db.executemany(
                "INSERT INTO health_ratings (round_id, participant_id, domain_key, score, comment) "
                "VALUES (?, ?, ?, ?, ?)",
                [(round_id, participant_id, key, score, comment) for key, (score, comment) in ballot.items()])
            self._set_health_ballot(round_id, participant_id, status)

    def set_health_ballot_status(self, round_id: int, participant_id: int, status: str) -> None:
        with self._write("save the ballot"):
            self._set_health_ballot(round_id, participant_id, status)

    def _set_health_ballot(self, round_id: int, participant_id: int, status: str) -> None:
        self.db.execute(
            "INSERT INTO health_ballots (round_id, participant_id, status) VALUES (?, ?, ?) "
            "ON CONFLICT (round_id, participant_id) DO UPDATE SET status = excluded.status",
            (round_id, participant_id, status))

    def ratings(self, round_id: int) -> list[Rating]:
        from ..domain.health import Rating

        return [Rating(*row) for row in self.db.execute(
            "SELECT round_id, participant_id, domain_key, score, comment FROM health_ratings "
            "WHERE round_id = ? ORDER BY rowid", (round_id,))]

    def tallies(self, round_id: int) -> list[TallyCount]:
        from ..domain.health import TallyCount

        return [TallyCount(*row) for row in self.db.execute(
            "SELECT round_id, domain_key, score, count FROM health_tallies WHERE round_id = ? AND count > 0 "
            "ORDER BY rowid", (round_id,))]

    def set_tally_count(self, round_id: int, domain_key: str, score: int, count: int) -> None:
        with self._write("count the hands") as db:
            db.execute(
                "INSERT INTO health_tallies (round_id, domain_key, score, count) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (round_id, domain_key, score) DO UPDATE SET count = excluded.count",
                (round_id, domain_key, score, count))

    def insert_health_content(self, workshop_id: str, content, people: Mapping[int, int]) -> None:
        """Write a workshop's health checks (inside ``insert_content``'s transaction), remapping ids."""
        rounds = {}
        for r in content.health_rounds:
            rounds[r.id] = self.db.execute(
                "INSERT INTO health_rounds (workshop_id, title, domain_keys, mode, anonymous, state, revealed, "
                "created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (workshop_id, r.title, json.dumps(list(r.domain_keys)), r.mode, int(r.anonymous), r.state,
                 int(r.revealed), r.created or self.now())).lastrowid
        self.db.executemany("INSERT INTO health_ballots (round_id, participant_id, status) VALUES (?, ?, ?)",
                            [(rounds[b.round_id], people[b.participant_id], b.status) for b in content.health_ballots])
        self.db.executemany(
            "INSERT INTO health_ratings (round_id, participant_id, domain_key, score, comment) VALUES (?, ?, ?, ?, ?)",
            [(rounds[r.round_id], people.get(r.participant_id), r.domain_key, r.score, r.comment)
             for r in content.ratings])
        self.db.executemany(
            "INSERT INTO health_tallies (round_id, domain_key, score, count) VALUES (?, ?, ?, ?)",
            [(rounds[t.round_id], t.domain_key, t.score, t.count) for t in content.tallies])


def _check_fields(fields: dict) -> None:
    unknown = set(fields) - set(HEALTH_ROUND_FIELDS)
    if unknown:
        raise ValueError(f"unknown health check fields: {sorted(unknown)}")


def _round(row: dict) -> HealthRound:
    from ..domain.health import HealthRound

    return HealthRound(
        id=row["id"], workshop_id=row["workshop_id"], title=row["title"],
        domain_keys=tuple(json.loads(row["domain_keys"])), mode=row["mode"], anonymous=bool(row["anonymous"]),
        state=row["state"], revealed=bool(row["revealed"]), created=row["created"])
