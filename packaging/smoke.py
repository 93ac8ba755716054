"""Smoke test of an installed CollabDesk, run as a facilitator's machine would run it.

    python packaging/smoke.py dist/CollabDesk          # the one-folder app (or CollabDesk.app)

Checks that every file of ``resources/`` is in the bundle, then runs its executable with no
virtual environment and no Python on ``PATH``, from a folder of its own, on a new database:
``--version``, ``demo``, ``list --json``, ``export ID -o summary.pdf`` (every font embedded),
and the window coming up offscreen on the library and quitting with exit code 0; ReportLab's
C helpers are in the bundle. On Linux also: every library Qt's window-system plugins load is
in the bundle, and ``install.sh`` adds and removes the menu entry. Stops at the first failure
with exit code 1. Needs the ``packaging`` extra (pypdf to look into the PDF, PyInstaller's rule
for system libraries).

tests/packaging/test_installed_package.py runs the same checks on an installed wheel.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdf

from collabdesk import __version__  # the source's, installed (editable) where this runs

ROOT = Path(__file__).resolve().parent.parent
SOURCE_RESOURCES = ROOT / "resources"
_PYTHON_NAMES = ("python", "python3", "python.exe", "python3.exe")
_ENVIRONMENT_OF_PYTHON = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "CONDA_PREFIX")


class SmokeFailure(Exception):
    """One check failed; the message says which and what was seen."""


def missing_resources(installed: Path) -> list[str]:
    """The files of the source tree's ``resources/`` that ``installed`` (the package's copy) lacks."""
    wanted = (p.relative_to(SOURCE_RESOURCES) for p in SOURCE_RESOURCES.rglob("*")
              if p.is_file() and "__pycache__" not in p.parts)
    return sorted(str(p) for p in wanted if not (installed / p).is_file())


def bundle_parts(bundle: Path) -> tuple[Path, Path]:
    """The executable and the copy of ``resources/`` inside a one-folder app or a macOS .app."""
    if bundle.suffix == ".app":
        executable = bundle / "Contents" / "MacOS" / "CollabDesk"
        return executable, bundle / "Contents" / "Resources" / "collabdesk" / "resources"
    for name in ("collabdesk", "CollabDesk", "CollabDesk.exe"):
        if (bundle / name).is_file():
            return bundle / name, bundle / "_internal" / "collabdesk" / "resources"
    raise SmokeFailure(f"No CollabDesk executable in {bundle}.")


def machine_without_python(home: Path) -> dict[str, str]:
    """This process's environment without Python: no venv, no PYTHON* variables, no folder on
    PATH that holds a python; a home, data and settings folders and a database of its own;
    Qt offscreen."""
    path = [folder for folder in os.environ.get("PATH", "").split(os.pathsep)
            if folder and not any((Path(folder) / name).exists() for name in _PYTHON_NAMES)]
    env = {key: value for key, value in os.environ.items()
           if key not in _ENVIRONMENT_OF_PYTHON and not key.startswith("COLLABDESK_")}
    folders = {"HOME": home, "USERPROFILE": home, "APPDATA": home / "AppData" / "Roaming",
               "LOCALAPPDATA": home / "AppData" / "Local", "XDG_DATA_HOME": home / ".local" / "share",
               "XDG_CONFIG_HOME": home / ".config", "XDG_CACHE_HOME": home / ".cache"}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    env.update({key: str(folder) for key, folder in folders.items()})
    env.update(PATH=os.pathsep.join(path), QT_QPA_PLATFORM="offscreen",
               COLLABDESK_DB=str(home / "collabdesk.sqlite"))  # never the real library of whoever runs this
    return env


def run_checks(command: list[str], env: dict[str, str], workdir: Path, resources: Path) -> None:
    """Every check, in order, printing each as it passes; SmokeFailure at the first that fails."""
    def step(what: str, *args: str, extra_env: dict[str, str] | None = None) -> str:
        started = time.perf_counter()
        try:
            done = subprocess.run([*command, *args], cwd=workdir, env={**env, **(extra_env or {})},
                                  capture_output=True, text=True, encoding="utf-8", timeout=120)
        except subprocess.TimeoutExpired:
            raise SmokeFailure(f"{what}: still running after 120 s") from None
        if done.returncode != 0:
            raise SmokeFailure(f"{what}: exit code {done.returncode}\n{done.stdout}{done.stderr}")
        print(f"ok  {what}  ({time.perf_counter() - started:.2f} s)", flush=True)
        return done.stdout

    missing = missing_resources(resources)
    if missing:
        raise SmokeFailure(f"resources missing from {resources}: {', '.join(missing)}")
    print(f"ok  every file of resources/ is in {resources}", flush=True)

    version = step("--version", "--version").strip()
    if version != f"collabdesk {__version__}":
        raise SmokeFailure(f"--version printed {version!r}, not 'collabdesk {__version__}'")
    demo = json.loads(step("demo", "demo", "--json"))
    listed = json.loads(step("list --json", "list", "--json"))
    if [w["id"] for w in listed] != [demo["id"]]:
        raise SmokeFailure(f"list --json shows {listed!r}, not the demo workshop {demo['id']}")
    step("export … -o summary.pdf", "export", demo["id"][:8], "-o", "summary.pdf")
    check_pdf(workdir / "summary.pdf", demo["title"])
    print("ok  summary.pdf: every font embedded, the title in its text", flush=True)

    screenshot = workdir / "first-screen.png"
    step("the window, offscreen, on the library, closed", extra_env={"COLLABDESK_SCREENSHOT_AND_QUIT": str(screenshot)})
    width, height = png_size(screenshot)
    if width < 640 or height < 400:
        raise SmokeFailure(f"the first screen is only {width}×{height}: {screenshot}")


def check_menu_entry(bundle: Path, executable: Path, env: dict[str, str]) -> None:
    """Linux: install.sh adds the app to this (temporary) user's applications menu and
    ~/.local/bin, the command there runs the bundle, and --uninstall takes both away."""
    home = Path(env["HOME"])
    entry = Path(env["XDG_DATA_HOME"]) / "applications" / "collabdesk.desktop"
    command = home / ".local" / "bin" / "collabdesk"
    command.parent.mkdir(parents=True, exist_ok=True)

    def install(*args: str) -> None:  # with the shell's usual tools on PATH, as a person runs it
        done = subprocess.run(["/bin/sh", str(bundle / "install.sh"), *args], env={**env, "PATH": os.environ["PATH"]},
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SmokeFailure(f"install.sh {' '.join(args)}: exit code {done.returncode}\n{done.stderr}")

    install()
    if f'Exec="{executable}"' not in entry.read_text(encoding="utf-8"):
        raise SmokeFailure(f"install.sh wrote a menu entry that does not run {executable}:\n{entry.read_text()}")
    linked = subprocess.run([str(command), "--version"], env=env, capture_output=True, text=True)
    if linked.stdout.strip() != f"collabdesk {__version__}":
        raise SmokeFailure(f"~/.local/bin/collabdesk --version: {linked.stdout}{linked.stderr}")
    install("--uninstall")
    if entry.exists() or command.exists():
        raise SmokeFailure("install.sh --uninstall left the menu entry or the command behind")
    print("ok  install.sh: menu entry, icon and command added, the command runs; --uninstall removes them")


def check_window_system_libraries(internal: Path) -> None:
    """Linux: every library Qt's window-system plugins load is in the bundle, except those
    PyInstaller leaves to every system (the C library, OpenGL, Wayland's client...). A build
    machine without Qt's xcb libraries would otherwise make an app that needs them installed."""
    from PyInstaller.depend.dylib import include_library  # the rule PyInstaller bundles by

    bundled = {path.name for path in internal.rglob("*.so*")}
    missing = set()
    for plugin in (internal / "PySide6" / "Qt" / "plugins" / "platforms").glob("*.so"):
        listing = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
        for name, _, found in (line.strip().partition(" => ") for line in listing.splitlines()):
            if found and (found.startswith("not found") or (include_library(name) and name not in bundled)):
                missing.add(name)
    if missing:
        raise SmokeFailure(f"Qt's window-system plugins need libraries the bundle lacks: {', '.join(sorted(missing))} "
                           "(install them on the build machine, as .ci/run does, and build again)")
    print("ok  every library of the window-system plugins is bundled or on every system", flush=True)


def check_accelerators(bundle: Path) -> None:
    """ReportLab's C helpers (rl_accel's ``_rl_accel``, imported by name at run time) are in
    the bundle: without them every summary still prints, a fifth slower, so nothing else
    would show they were left behind."""
    if not any(bundle.rglob("_rl_accel*")):
        raise SmokeFailure(f"{bundle} lacks ReportLab's C helpers (_rl_accel): is rl_accel installed where it was "
                           "built, and named in the spec's hiddenimports?")
    print("ok  ReportLab's C helpers (_rl_accel) are bundled", flush=True)


def check_pdf(path: Path, title: str) -> None:
    reader = pypdf.PdfReader(path)
    fonts = {}
    for page in reader.pages:
        resources = page["/Resources"] if "/Resources" in page else {}
        for font in (resources["/Font"] if "/Font" in resources else {}).values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts[str(font["/BaseFont"])] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    not_embedded = [name for name, embedded in fonts.items() if not embedded]
    if not fonts or not_embedded:
        raise SmokeFailure(f"{path}: fonts not embedded: {not_embedded or 'no fonts at all'}")
    text = "".join(reader.pages[0].extract_text().split())
    if "".join(title.split()) not in text:
        raise SmokeFailure(f"{path}: the first page does not show {title!r}")


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header (no image library needed)."""
    try:
        header = path.read_bytes()[:24]
    except OSError:
        raise SmokeFailure(f"the window saved no screenshot at {path}") from None
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        raise SmokeFailure(f"{path} is not a PNG")
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path, help="the one-folder app (dist/CollabDesk) or CollabDesk.app")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep what was made (PDF, screenshot)")
    args = parser.parse_args(argv)
    try:
        executable, resources = bundle_parts(args.bundle.resolve())
        with tempfile.TemporaryDirectory(prefix="collabdesk-smoke-") as scratch:
            workdir = args.keep.resolve() if args.keep else Path(scratch)
            workdir.mkdir(parents=True, exist_ok=True)
            env = machine_without_python(workdir / "home")
            run_checks([str(executable)], env, workdir, resources)
            check_accelerators(args.bundle.resolve())
            if sys.platform.startswith("linux"):
                check_window_system_libraries(executable.parent / "_internal")
                check_menu_entry(args.bundle.resolve(), executable, env)
    except SmokeFailure as failure:
        print(f"FAILED  {failure}", file=sys.stderr)
        return 1
    print(f"The bundle at {args.bundle} passed its smoke test.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
