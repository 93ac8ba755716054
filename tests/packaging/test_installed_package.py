"""The wheel carries everything the app reads: installed on its own and run from a
temporary folder, with the source tree out of reach, it passes packaging/smoke.py's checks."""

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("collabdesk_smoke", ROOT / "packaging" / "smoke.py")
smoke = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(smoke)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The project built as a wheel and installed alone (no dependencies) into a folder.

    It is built from a clean copy: setuptools reuses build/lib, where a file left from an
    earlier build would reach the wheel even if the package no longer listed it."""
    source, wheels, target = (tmp_path_factory.mktemp(name) for name in ("source", "wheel", "site"))
    shutil.copytree(ROOT, source, dirs_exist_ok=True, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".hypothesis"))
    pip = [sys.executable, "-m", "pip", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(wheels), str(source)], check=True, capture_output=True)
    (wheel,) = wheels.glob("*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True, capture_output=True)
    return target


def python_with(installed: Path, workdir: Path) -> tuple[list[str], dict[str, str]]:
    """A python that sees the installed package and its dependencies, never the source tree:
    this process's path less the source tree's root, and -S, which skips site-packages' .pth
    files (the editable install's finder is started by one)."""
    env = smoke.machine_without_python(workdir / "home")
    dependencies = [p for p in sys.path if p and Path(p).resolve() != ROOT]
    env["PYTHONPATH"] = os.pathsep.join([str(installed), *dependencies])
    return [sys.executable, "-S", "-m", "collabdesk"], env


@pytest.mark.slow
def test_the_installed_wheel_runs_from_anywhere_with_its_resources(installed, tmp_path):
    command, env = python_with(installed, tmp_path)
    where = subprocess.run(
        [*command[:2], "-c", "import sys, collabdesk.resources as r\n"
         "print(r.__file__, [getattr(f, '__name__', type(f).__name__) for f in sys.meta_path], *sys.path, sep='\\n')"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.splitlines()
    assert Path(where[0]).is_relative_to(installed)
    assert "Editable" not in where[1]  # no finder that maps collabdesk to the source tree
    assert str(ROOT) not in [str(Path(p).resolve()) for p in where[2:] if p]

    smoke.run_checks(command, env, tmp_path, installed / "collabdesk" / "resources")


@pytest.mark.slow
def test_the_smoke_test_fails_when_a_resource_is_missing(installed, tmp_path):
    (installed / "collabdesk" / "resources" / "frameworks" / "blank.json").unlink()
    assert smoke.missing_resources(installed / "collabdesk" / "resources") == ["frameworks/blank.json"]
    command, env = python_with(installed, tmp_path)
    with pytest.raises(smoke.SmokeFailure, match="frameworks/blank.json"):
        smoke.run_checks(command, env, tmp_path, installed / "collabdesk" / "resources")


def test_the_smoke_test_refuses_a_pdf_whose_font_is_not_embedded(tmp_path):
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(tmp_path / "plain.pdf"))
    pdf.setFont("Helvetica", 12)  # one of PDF's standard fonts: named, never embedded
    pdf.drawString(72, 720, "Roundtable")
    pdf.save()
    with pytest.raises(smoke.SmokeFailure, match="Helvetica"):
        smoke.check_pdf(tmp_path / "plain.pdf", "Roundtable")


@pytest.mark.parametrize("helpers", ["_internal/_rl_accel.abi3.so", "_internal/_rl_accel.pyd",
                                     "Contents/Frameworks/_rl_accel.abi3.so"])
def test_the_smoke_test_wants_reportlabs_c_helpers_in_the_bundle(tmp_path, helpers):
    (tmp_path / "_internal").mkdir()
    with pytest.raises(smoke.SmokeFailure, match="_rl_accel"):
        smoke.check_accelerators(tmp_path)
    (tmp_path / helpers).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / helpers).touch()
    smoke.check_accelerators(tmp_path)


@pytest.mark.parametrize(("layout", "executable", "resources"), [
    ("linux", "CollabDesk/collabdesk", "CollabDesk/_internal/collabdesk/resources"),
    ("windows", "CollabDesk/CollabDesk.exe", "CollabDesk/_internal/collabdesk/resources"),
    ("macos", "CollabDesk.app/Contents/MacOS/CollabDesk", "CollabDesk.app/Contents/Resources/collabdesk/resources"),
])
def test_the_smoke_test_finds_the_executable_and_resources_of_each_platforms_bundle(tmp_path, layout, executable,
                                                                                   resources):
    (tmp_path / executable).parent.mkdir(parents=True)
    (tmp_path / executable).touch()
    bundle = tmp_path / Path(executable).parts[0]
    assert smoke.bundle_parts(bundle) == (tmp_path / executable, tmp_path / resources)
