"""Vote rounds, the dots placed in them, and where each voter stands in a ballot."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from ..domain.errors import NotFoundError
from ..domain.model import Ballot, Vote, VoteRound
from . import rows

if TYPE_CHECKING:  # loaded with the first vote, not at start
    from ..domain.voting import Item, VoteItem

ROUND_FIELDS = ("title", "dots_per_voter", "max_per_item", "anonymous", "target", "mode",
                "state", "revealed", "exercise_id")


_NOTE_ITEMS = (
    "SELECT n.id, n.text, n.exercise_id, n.colour FROM notes n JOIN exercises e ON e.id = n.exercise_id "
    "WHERE {where} AND n.deleted = 0 ORDER BY e.position, n.id")
_THEME_ITEMS = (
    "SELECT t.id, t.title, t.exercise_id, "
    "(SELECT COUNT(*) FROM notes n WHERE n.theme_id = t.id AND n.deleted = 0) "
    "FROM themes t JOIN exercises e ON e.id = t.exercise_id "
    "WHERE {where} AND t.deleted = 0 ORDER BY e.position, t.position, t.id")


class VotingRows:
    @contextlib.contextmanager
    def voting_change(self, what: str = "save the vote") -> Iterator[None]:
        """Group one voting action's reads, rule checks and writes in a single transaction.

        The writes inside (``replace_votes``, ``update_round`` ...) join it, so the rules
        are checked against exactly what gets written, and a failed check writes nothing.
        """
        with self._write(what):
            yield

    def create_round(self, workshop_id: str, *, title: str, voter_ids: Iterable[int] = (), **fields) -> VoteRound:
        unknown = set(fields) - set(ROUND_FIELDS)
        if unknown:
            raise ValueError(f"unknown round fields: {sorted(unknown)}")
        with self._write("start the vote") as db:
            round_id = db["vote_rounds"].insert(
                {"workshop_id": workshop_id, "title": title, "created": self.now(), **fields}).last_pk
            for voter_id in voter_ids:
                db.execute("INSERT INTO ballots (round_id, participant_id) VALUES (?, ?)", (round_id, voter_id))
        return self.vote_round(round_id)

    def vote_round(self, round_id: int) -> VoteRound:
        found = self._rows("SELECT * FROM vote_rounds WHERE id = ?", (round_id,))
        if not found:
            raise NotFoundError(f"No vote has the id {round_id}.")
        return rows.vote_round(found[0])

    def vote_rounds(self, workshop_id: str) -> list[VoteRound]:
        return [rows.vote_round(r) for r in self._rows(
            "SELECT * FROM vote_rounds WHERE workshop_id = ? ORDER BY id", (workshop_id,))]

    def update_round(self, round_id: int, **fields) -> VoteRound:
        unknown = set(fields) - set(ROUND_FIELDS)
        if unknown:
            raise ValueError(f"unknown round fields: {sorted(unknown)}")
        with self._write("save the vote") as db:
            db["vote_rounds"].update(round_id, fields)
        return self.vote_round(round_id)

    def votes(self, round_id: int) -> list[Vote]:
        return [rows.vote(r) for r in self._rows("SELECT * FROM votes WHERE round_id = ? ORDER BY id", (round_id,))]

    def ballots(self, round_id: int) -> list[Ballot]:
        return [rows.ballot(r) for r in self._rows(
            "SELECT b.* FROM ballots b JOIN participants p ON p.id = b.participant_id "
            "WHERE b.round_id = ? ORDER BY p.position, p.id", (round_id,))]

    def replace_votes(self, round_id: int, voter_id: int | None, allocation: Mapping[tuple[str, int], int],
                      *, ballot_status: str | None = None) -> None:
        """Replace all of one voter's dots in a round (``voter_id`` None: the facilitator's tally).

        ``allocation`` maps ``("note", id)`` or ``("theme", id)`` to a dot count. Confirming
        a ballot and recording its dots is one transaction, so a crash never leaves half a ballot.
        """
        with self._write("record the votes"):
            if voter_id is None:
                self.db.execute("DELETE FROM votes WHERE round_id = ? AND voter_id IS NULL", (round_id,))
            else:
                self.db.execute("DELETE FROM votes WHERE round_id = ? AND voter_id = ?", (round_id, voter_id))
            for (kind, item_id), count in allocation.items():
                if count:
                    self.db.execute(
                        "INSERT INTO votes (round_id, note_id, theme_id, voter_id, count) VALUES (?, ?, ?, ?, ?)",
                        (round_id, item_id if kind == "note" else None,
                         item_id if kind == "theme" else None, voter_id, count))
            if ballot_status is not None and voter_id is not None:
                self._set_ballot(round_id, voter_id, ballot_status)

    def set_ballot_status(self, round_id: int, participant_id: int, status: str) -> None:
        with self._write("save the ballot"):
            self._set_ballot(round_id, participant_id, status)

    def _set_ballot(self, round_id: int, participant_id: int, status: str) -> None:
        self.db.execute(
            "INSERT INTO ballots (round_id, participant_id, status) VALUES (?, ?, ?) "
            "ON CONFLICT (round_id, participant_id) DO UPDATE SET status = excluded.status",
            (round_id, participant_id, status))

    def vote_totals(self, round_id: int) -> dict[tuple[str, int], int]:
        """Dots per live note or theme; votes on deleted notes or ungrouped themes do not count."""
        totals: dict[tuple[str, int], int] = {}
        for note_id, dots in self.db.execute(
            "SELECT v.note_id, SUM(v.count) FROM votes v JOIN notes n ON n.id = v.note_id "
            "WHERE v.round_id = ? AND n.deleted = 0 GROUP BY v.note_id", (round_id,)):
            totals[("note", note_id)] = dots
        for theme_id, dots in self.db.execute(
            "SELECT v.theme_id, SUM(v.count) FROM votes v JOIN themes t ON t.id = v.theme_id "
            "WHERE v.round_id = ? AND t.deleted = 0 GROUP BY v.theme_id", (round_id,)):
            totals[("theme", theme_id)] = dots
        return totals

    def voter_allocation(self, round_id: int, voter_id: int | None) -> dict[tuple[str, int], int]:
        clause = "voter_id IS NULL" if voter_id is None else "voter_id = ?"
        params = (round_id,) if voter_id is None else (round_id, voter_id)
        allocation = {}
        for note_id, theme_id, count in self.db.execute(
            f"SELECT note_id, theme_id, count FROM votes WHERE round_id = ? AND {clause}", params):
            allocation[("note", note_id) if note_id is not None else ("theme", theme_id)] = count
        return allocation

    def scope_items(self, round_: VoteRound) -> list[VoteItem]:
        """The live notes or themes a round's dots may land on, in board order."""
        if round_.exercise_id is None:
            where, params = "{t}.workshop_id = ?", (round_.workshop_id,)
        else:
            where, params = "{t}.workshop_id = ? AND {t}.exercise_id = ?", (round_.workshop_id, round_.exercise_id)
        return self._vote_items(round_.target, where, params)

    def voted_items(self, round_id: int) -> list[VoteItem]:
        """The live notes or themes holding dots in a round, wherever they are now, in board order."""
        round_ = self.vote_round(round_id)
        column = "theme_id" if round_.target == "themes" else "note_id"
        where = f"{{t}}.id IN (SELECT {column} FROM votes WHERE round_id = ?)"
        return self._vote_items(round_.target, where, (round_id,))

    def _vote_items(self, target: str, where: str, params: tuple) -> list[VoteItem]:
        from ..domain.voting import VoteItem

        if target == "themes":
            return [VoteItem(key=("theme", tid), text=title, exercise_id=eid, notes=count)
                    for tid, title, eid, count in self.db.execute(
                        _THEME_ITEMS.format(where=where.format(t="t")), params)]
        return [VoteItem(key=("note", nid), text=text, exercise_id=eid, colour=colour)
                for nid, text, eid, colour in self.db.execute(
                    _NOTE_ITEMS.format(where=where.format(t="n")), params)]

    def named_allocations(self, round_id: int) -> dict[int, dict[Item, int]]:
        """Each named voter's dots in a round (the facilitator's tally left out)."""
        allocations: dict[int, dict[Item, int]] = {}
        for voter_id, note_id, theme_id, count in self.db.execute(
                "SELECT voter_id, note_id, theme_id, count FROM votes "
                "WHERE round_id = ? AND voter_id IS NOT NULL ORDER BY id", (round_id,)):
            item = ("note", note_id) if note_id is not None else ("theme", theme_id)
            allocations.setdefault(voter_id, {})[item] = count
        return allocations
