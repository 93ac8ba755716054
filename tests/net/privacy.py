"""What a phone may receive while a vote's results are hidden, checked message by message
(the API tests and the end-to-end browser test share it)."""

import json

STATE_KEYS = {"type", "api", "workshop", "exercise", "anonymous", "changes", "paused", "participants", "name",
              "claimed", "notes", "vote"}
VOTE_KEYS = {"round", "title", "mode", "target", "dots", "cap", "anonymous", "open", "revealed", "items", "mine"}


def walk(value):
    """Every dict inside a JSON value."""
    if isinstance(value, dict):
        yield value
        for inner in value.values():
            yield from walk(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from walk(inner)


def assert_private(message: dict, own_dots: list[dict], names: list[str]) -> None:
    """What a phone may receive before the reveal: no count, no other ballot, no name in the vote."""
    if "claimed" in message:  # a state document
        assert set(message) <= STATE_KEYS, message.keys()
    vote = message.get("vote")
    if vote:
        assert set(vote) <= VOTE_KEYS and "results" not in vote, vote
        assert not vote["revealed"]
        for item in vote.get("items", []):
            assert set(item) == {"key", "text"}, item
        mine = vote.get("mine", {})
        assert set(mine) <= {"status", "dots"}
        if "dots" in mine:
            assert mine["dots"] in own_dots, (mine, own_dots)
        text = json.dumps(vote, ensure_ascii=False)
        assert not any(name in text for name in names), text
    if "dots" in message and "status" in message:  # the answer to a ballot: this phone's own dots
        assert message["dots"] in own_dots
    assert not any({"results", "totals", "tally", "counts", "voted", "total"} & set(d) for d in walk(message))
