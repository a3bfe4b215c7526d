"""The README is true: its example output, its install line and its library snippet."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.model
def test_readme_csv_example_is_current():
    block = re.search(r"Output of `extractor extract corpus/ann-014.txt --format csv`.*?```\n(.*?)```", README, re.S)
    assert block, "README example block not found"
    shown = block.group(1).splitlines()
    done = subprocess.run(
        [sys.executable, "-m", "extractor", "extract", "corpus/ann-014.txt", "--format", "csv"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    assert done.stdout.splitlines() == shown[:-1]
    assert done.stderr.strip().splitlines()[-1] == shown[-1]


def test_readme_install_command_upgrades_pip_first():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --upgrade pip && pip install -e \".[test]\"" in README
    assert "--upgrade pip" in ci and '-e ".[test]"' in ci
    assert "extractor extract corpus/ann-014.txt --format csv" in ci


@pytest.mark.model
def test_readme_library_snippet_runs():
    block = re.search(r"## Library\n\n```python\n(.*?)```", README, re.S)
    assert block, "README library block not found"
    code = block.group(1).replace("    ...", "    records.append(rec)")
    text = (ROOT / "corpus" / "ann-014.txt").read_text(encoding="utf-8")
    scope = {"text": text, "texts": [text, text], "records": []}
    exec(compile(code, "README.md", "exec"), scope)  # noqa: S102 - our own README
    assert len(scope["records"]) == 2
    assert scope["record"].appointments


def test_readme_component_claim_holds():
    # no import of ours: spaCy finds the factory through the package's entry point
    code = (
        "import spacy; nlp = spacy.blank('en'); nlp.add_pipe('appointment_titles'); "
        "doc = nlp('She was named chief executive officer.'); print([s.text for s in doc.spans['titles']])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "chief executive officer" in done.stdout
