"""The README's example output is real: running its command gives exactly what it shows."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


@pytest.mark.model
def test_readme_csv_example_is_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"Output of `extractor extract corpus/ann-014.txt --format csv`.*?```\n(.*?)```", readme, re.S)
    assert block, "README example block not found"
    shown = block.group(1).splitlines()
    done = subprocess.run(
        [sys.executable, "-m", "extractor", "extract", "corpus/ann-014.txt", "--format", "csv"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    assert done.stdout.splitlines() == shown[:-1]
    assert done.stderr.strip().splitlines()[-1] == shown[-1]


def test_readme_install_command_upgrades_pip_first():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --upgrade pip && pip install -e \".[test]\"" in readme
    assert "--upgrade pip" in ci and '-e ".[test]"' in ci
