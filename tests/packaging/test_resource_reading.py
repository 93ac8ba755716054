"""Bundled files are read through collabdesk.resource_files only: a path worked out from a
module's own file would point beside the source tree, which a wheel or the one-folder app
lays out differently."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "collabdesk"


def test_no_module_finds_files_from_its_own_location():
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Name) and node.id == "__file__"
    ]
    assert not offenders, f"read bundled files with collabdesk.resource_files.resource(), not __file__: {offenders}"
