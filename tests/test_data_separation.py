"""Code tests do not depend on the shipped transcription: fixing roadmaps/ never breaks them.

The test copies the project, edits the copy's roadmaps as a transcription fix would (a title
changed, a proposal dropped, an e-mail corrected, a date moved, a theme added), and runs the
``not data`` tests of the copy against it, in a subprocess whose ``PYTHONPATH`` puts the copy's
``src`` first. The copy's ``builtin_dir("roadmaps")`` is then the edited folder for every way a
test can reach the shipped roadmaps: in-process, through ``$TWINS_ROADMAPS``, through the
installed ``twins`` script and ``python -m twins_cli`` (both import the copy), and through
``ROOT / "roadmaps"``. No switch in the product or the tests is needed for it.

Only the test files that read the shipped roadmaps are rerun (``RERUN``), not the whole suite:
the others cannot be affected, and rerunning everything would double the suite's time. It still
takes about half a minute, so it is marked ``slow``: deselect it while iterating, keep it in CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
# The test files that read the shipped roadmaps (by builtin_dir, ROOT / "roadmaps", or a twins run
# that falls back to the built-in copy), or read them before their code tests moved to fixtures.
RERUN = [
    "test_benchmarks.py",
    "cli/test_queries_cli.py",
    "query/test_compare.py",
    "formats/test_exports.py",
    "check/test_fastcheck.py",
    "cli/test_installed_script.py",
    "cli/test_integrations.py",
    "cli/test_messages.py",
    "files/test_atomic.py",
    "files/test_locate.py",
    "hostile/test_properties.py",
    "query/test_queries.py",
    "test_readme.py",
    "formats/test_tables.py",
    "formats/test_report.py",
    "query/test_attention.py",
    "formats/test_timeline.py",
    "cli/test_validate_cli.py",
]
LEFT_OUT = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", ".hypothesis", ".mypy_cache", ".ruff_cache", ".pytest_cache", "*.egg-info"
)


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def edit_like_a_transcription_fix(roadmaps: Path) -> int:
    """Change the roadmaps whatever they hold now; return how many proposals are left."""
    files = sorted(path for path in roadmaps.glob("*.yaml") if path.name != "programme.yaml")
    documents = {path: _load(path) for path in files}
    biggest = max(files, key=lambda path: len(documents[path].get("proposals") or []))
    roadmap = documents[biggest]
    proposals = roadmap["proposals"]
    assert len(proposals) >= 2, "the edit needs a roadmap with proposals"
    proposals[0]["title"] += " (revised)"
    dropped = proposals.pop()["id"]
    roadmap["milestones"] = [m for m in roadmap.get("milestones") or [] if m.get("proposal") != dropped]
    if roadmap["milestones"]:
        roadmap["milestones"][0]["date"] = "2030-01"
    person = next(p for p in roadmap.get("people") or [] if p.get("email"))
    person["email"] = "corrected." + person["email"]
    for path, data in documents.items():
        _dump(path, data)
    programme = _load(roadmaps / "programme.yaml")
    programme["vocabulary"]["themes"].append({"slug": "space", "label": "Space and satellites", "aliases": ["space"]})
    _dump(roadmaps / "programme.yaml", programme)
    return sum(len(data.get("proposals") or []) for data in documents.values())


def in_copy(copy: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run python with the copy's package first on the path, from the copy."""
    env = {**os.environ, "PYTHONPATH": str(copy / "src"), "NO_COLOR": "1"}
    env.pop("TWINS_ROADMAPS", None)
    return subprocess.run(
        [sys.executable, *args], cwd=copy, env=env, capture_output=True, text=True, timeout=900, check=False
    )


@pytest.mark.slow
def test_code_tests_pass_on_an_edited_transcription(tmp_path: Path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=LEFT_OUT)
    left = edit_like_a_transcription_fix(copy / "roadmaps")

    found = in_copy(copy, "-c", "from twins_cli.files.locate import builtin_dir; print(builtin_dir('roadmaps'))")
    assert found.stdout.strip() == str(copy / "roadmaps"), found.stderr  # the edited copy is the built-in one
    checked = in_copy(copy, "-m", "twins_cli", "validate", "--builtin")
    assert checked.returncode == 0, checked.stdout + checked.stderr  # still a valid transcription
    assert f", {left} proposals: valid" in checked.stdout

    files = [f"tests/{name}" for name in RERUN]
    assert all((copy / name).is_file() for name in files)
    code = in_copy(copy, "-m", "pytest", "-m", "not data", "-q", "-x", "-p", "no:cacheprovider", *files)
    assert code.returncode == 0, code.stdout[-4000:] + code.stderr[-2000:]
    pinned = in_copy(
        copy, "-m", "pytest", "-m", "data", "-q", "-p", "no:cacheprovider", "tests/data/test_roadmap_data.py"
    )
    assert pinned.returncode == 1, pinned.stdout[-2000:]  # the data tests, which pin the transcription, notice
