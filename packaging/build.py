"""Build CollabDesk's one-folder app for this OS into dist/, and the archive to download.

    pip install -e ".[packaging]" && python packaging/build.py

runs PyInstaller on packaging/collabdesk.spec (work files in build/pyinstaller/), then packs
dist/CollabDesk/ (dist/CollabDesk.app on macOS) into dist/CollabDesk-VERSION-PLATFORM.tar.gz
on Linux, or .zip on Windows and macOS, and prints the sizes. Check the app before shipping
it: python packaging/smoke.py dist/CollabDesk

``build.py app`` and ``build.py archive`` do one half each, so that a release can sign the
app in between (.github/workflows/release.yml).
"""

import argparse
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

from collabdesk import __version__

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
NAME = "CollabDesk"


def platform_tag() -> str:
    """``linux-x86_64``, ``macos-arm64``, ``windows-x86_64``...: what the archive runs on."""
    system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform.rstrip("0123456789"))
    machine = {"amd64": "x86_64", "aarch64": "arm64"}.get(platform.machine().lower(), platform.machine().lower())
    return f"{system}-{machine}"


def build() -> None:
    """Run PyInstaller: the folder (or .app) a person unpacks and runs."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
                    str(HERE / "collabdesk.spec")], check=True)
    if sys.platform.startswith("linux"):  # install.sh puts the unpacked app in the applications menu
        for name in ("install.sh", "collabdesk.desktop"):
            shutil.copy2(HERE / "linux" / name, DIST / NAME / name)


def archive(app: Path) -> Path:
    """Pack ``app`` with its folder name at the top, keeping symbolic links and permissions."""
    stem = DIST / f"{NAME}-{__version__}-{platform_tag()}"
    if sys.platform == "darwin":  # ditto keeps the frameworks' links and the code signature intact
        target = stem.with_suffix(".zip")
        subprocess.run(["ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", str(app), str(target)], check=True)
    elif sys.platform == "win32":
        target = Path(shutil.make_archive(str(stem), "zip", root_dir=DIST, base_dir=app.name))
    else:
        target = stem.with_name(stem.name + ".tar.gz")
        with tarfile.open(target, "w:gz", compresslevel=6) as tar:
            tar.add(app, arcname=app.name)
    return target


def size(path: Path) -> str:
    total = path.stat().st_size if path.is_file() else sum(
        p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return f"{total / 1e6:.0f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", nargs="?", choices=("app", "archive"), help="only build the app, or only pack it")
    step = parser.parse_args(argv).step
    app = DIST / (f"{NAME}.app" if sys.platform == "darwin" else NAME)
    started = time.perf_counter()
    if step != "archive":
        build()
        print(f"{app.relative_to(ROOT)}: {size(app)}, built in {time.perf_counter() - started:.0f} s")
    if step != "app":
        started = time.perf_counter()
        packed = archive(app)
        print(f"{packed.relative_to(ROOT)}: {size(packed)}, packed in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
