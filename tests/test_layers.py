"""The import contract: arrows point down only, and the UI reaches the services through one door.

Read from the source with ``ast`` (every import, at the top or inside a function), so
the contract holds without importing anything. Run alone it prints each layer's imports.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "collabdesk"
QT = ("PySide6", "shiboken6")


def imports(path: Path) -> set[str]:
    """The absolute names ``path`` imports (relative imports resolved against its package)."""
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)  # `from . import store`
    return found


def modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py")) if (PACKAGE / folder).is_dir() else [PACKAGE / folder]


def ours(names: set[str]) -> set[str]:
    """The layers of ours a set of imports reaches: ``collabdesk.store.voting`` -> ``store``."""
    return {n.split(".")[1] for n in names if n.startswith("collabdesk.") and n.count(".") >= 1}


def breaches(folder: str, allowed: set[str]) -> dict[str, set[str]]:
    found = {}
    for path in modules(folder):
        bad = ours(imports(path)) - allowed - {folder.split("/")[0]}
        if bad:
            found[str(path.relative_to(PACKAGE.parent))] = bad
    return found


@pytest.mark.parametrize("layer, allowed", [
    ("domain", set()),
    ("store", {"domain", "paths"}),
    ("services", {"store", "domain", "paths", "resource_files", "whole_file"}),
    ("report", {"domain", "resource_files"}),
    ("net", {"domain", "resource_files"}),  # the room network never touches the store: the GUI thread writes
])
def test_each_layer_imports_only_the_layers_below_it(layer, allowed):
    assert breaches(layer, allowed) == {}


@pytest.mark.parametrize("layer", ["domain", "store", "services", "report", "cli", "net"])
def test_no_layer_below_the_ui_imports_qt(layer):
    qt = {str(p.relative_to(PACKAGE.parent)): n for p in modules(layer)
          if (n := {i for i in imports(p) if i.startswith(QT)})}
    assert qt == {}


def test_the_cli_reaches_the_ui_only_to_start_the_window():
    reaching = {str(p.relative_to(PACKAGE.parent)): {i for i in imports(p) if i.startswith("collabdesk.ui")}
                for p in modules("cli")}
    assert {path: names for path, names in reaching.items() if names} == {
        "collabdesk/cli/commands.py": {"collabdesk.ui.shell.app", "collabdesk.ui.shell.app.run_gui"}}


def test_the_ui_reaches_the_services_only_through_its_operations():
    through = {}
    for path in modules("ui"):
        relative = path.relative_to(PACKAGE / "ui")
        reached = {i for i in imports(path) if i.startswith(("collabdesk.services", "collabdesk.store"))}
        if reached and relative.parts[0] != "operations":
            through[str(relative)] = reached
    # The window's start-up opens the database (and its backups) before any operation exists.
    assert set(through) == {"shell/app.py"}
    assert all(not name.startswith("collabdesk.services") for name in through["shell/app.py"])


if __name__ == "__main__":  # the contract's report, for the closing note
    for layer in ("domain", "store", "services", "report", "cli", "ui"):
        reached = set().union(*(ours(imports(p)) for p in modules(layer))) - {layer}
        qt = any(i.startswith(QT) for p in modules(layer) for i in imports(p))
        print(f"{layer:9} imports {', '.join(sorted(reached)) or 'nothing of ours'}{'; Qt' if qt else ''}")
    door = sorted(str(p.relative_to(PACKAGE)) for p in modules("ui")
                  if any(i.startswith("collabdesk.services") for i in imports(p)))
    print("ui modules importing services:", ", ".join(door))


def test_no_test_module_imports_another():
    """Shared helpers live in conftest.py and helper modules (desk.py, builders.py, ...), never in a test module."""
    tests = Path(__file__).resolve().parent
    importing = {}
    for path in sorted(tests.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[-1].startswith("test_"):
                importing.setdefault(str(path.relative_to(tests)), []).append(node.module)
    assert importing == {}
