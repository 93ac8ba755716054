"""The linter is part of the test run, so a landing that breaks it fails where it is made.

`.ci/run` runs the README's test command; with ruff inside it, a long line or an unused
import cannot pass a developer's full run and then turn CI red.
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is in the test extra: pip install -e '.[test]'"
    result = subprocess.run([ruff, "check", "--no-cache", "--output-format", "concise", str(ROOT)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
