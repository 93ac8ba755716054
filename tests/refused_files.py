"""Workshop files that must be refused, each kind with the reason the refusal gives: shared by the
command line's import tests and the team folder's."""

import json

from collabdesk.domain.workshop_file import MAX_FILE_BYTES


def write_refused(kind: str, path, document: dict) -> None:
    body = json.dumps(document, ensure_ascii=False, indent=2)
    if kind == "malformed":
        path.write_text('{"format": "collabdesk.workshop", "version": 1, workshop: {}}', encoding="utf-8")
    elif kind == "truncated":
        path.write_text(body[: len(body) // 2], encoding="utf-8")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "wrong version":
        path.write_text(json.dumps({**document, "version": 3}), encoding="utf-8")
    elif kind == "wrong format":
        path.write_text(json.dumps({**document, "format": "collabdesk.framework"}), encoding="utf-8")
    elif kind == "oversized":
        with path.open("wb") as stream:  # sparse: larger than the cap without writing 50 MB
            stream.truncate(MAX_FILE_BYTES + 1)
    elif kind == "broken reference":
        document["workshop"]["exercises"][3]["notes"][2]["author"] = 999
        path.write_text(json.dumps(document), encoding="utf-8")
    elif kind == "not UTF-8":
        path.write_bytes(body.encode("utf-16"))
    elif kind == "NaN":
        path.write_text(body.replace('"planned_seconds": 1200.0', '"planned_seconds": NaN', 1), encoding="utf-8")
    elif kind == "repeated key":
        path.write_text(body.replace('"title": ', '"title": "first", "title": ', 1), encoding="utf-8")
    elif kind == "nested too deeply":
        path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    elif kind == "not an object":
        path.write_text("[1, 2, 3]", encoding="utf-8")


REFUSED = {
    "malformed": "is not valid JSON: Expecting property name enclosed in double quotes at line 1, column 49",
    "truncated": "is not valid JSON",
    "empty": "is not valid JSON: Expecting value at line 1, column 1",
    "wrong version": "this workshop file is format version 3, written by a newer CollabDesk",
    "wrong format": "this is not a CollabDesk workshop file",
    "oversized": "it is larger than 50 MB",
    "broken reference": "workshop.exercises[3].notes[2].author: refers to participant 999, which is not in the file",
    "not UTF-8": "it is not UTF-8 text",
    "NaN": "it holds NaN, which is not a number JSON allows",
    "repeated key": "the field 'title' appears twice in one object",
    "nested too deeply": "its JSON is nested too deeply",
    "not an object": "the file must hold a JSON object, not a list",
}
