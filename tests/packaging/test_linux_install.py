"""packaging/linux/install.sh on a stand-in for the unpacked app: the menu entry, icons and
command go into the user's own folders, and come out again."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux menu entry")


def unpacked_app(folder: Path) -> Path:
    """install.sh, the entry and the icons where the app's archive has them; a script as the program."""
    for name in ("install.sh", "collabdesk.desktop"):
        shutil.copy2(ROOT / "packaging" / "linux" / name, folder / name)
    shutil.copytree(ROOT / "resources" / "icons", folder / "_internal" / "collabdesk" / "resources" / "icons")
    program = folder / "collabdesk"
    program.write_text("#!/bin/sh\necho collabdesk ran\n")
    program.chmod(0o755)
    return folder


def install(app: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["/bin/sh", str(app / "install.sh"), *args], capture_output=True, text=True,
                          env={"HOME": str(home), "PATH": "/usr/bin:/bin"})


def test_install_adds_the_menu_entry_icon_and_command_and_uninstall_takes_them_away(tmp_path):
    app = tmp_path / "My apps" / "CollabDesk"
    app.mkdir(parents=True)
    unpacked_app(app)
    home = tmp_path / "home"
    (home / ".local" / "bin").mkdir(parents=True)
    share = home / ".local" / "share"

    assert install(app, home).returncode == 0
    entry = (share / "applications" / "collabdesk.desktop").read_text()
    assert f'Exec="{app}/collabdesk"\n' in entry  # quoted: the folder's name has a space
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / "collabdesk.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "collabdesk.svg").is_file()
    ran = subprocess.run([home / ".local" / "bin" / "collabdesk"], capture_output=True, text=True)
    assert ran.stdout == "collabdesk ran\n"
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", share / "applications" / "collabdesk.desktop"], check=True)

    assert install(app, home).returncode == 0  # again, e.g. after moving the folder
    assert install(app, home, "--uninstall").returncode == 0
    assert not (share / "applications" / "collabdesk.desktop").exists()
    assert not list((share / "icons").rglob("collabdesk.*"))
    assert not (home / ".local" / "bin" / "collabdesk").exists()
    assert (app / "collabdesk").exists()  # the app itself stays


def test_a_folder_the_menu_entry_cannot_name_is_refused_with_a_reason_and_nothing_written(tmp_path):
    app = tmp_path / "cost$centre" / "CollabDesk"
    app.mkdir(parents=True)
    unpacked_app(app)
    home = tmp_path / "home"
    done = install(app, home)
    assert done.returncode == 1
    assert "cannot name a folder" in done.stderr and str(app) in done.stderr
    assert not (home / ".local").exists()
