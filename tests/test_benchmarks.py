"""The benchmark generator writes realistic roadmaps that validate, the same ones every time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from twins_cli.check.validate import check_files
from twins_cli.files.locate import builtin_dir
from twins_cli.parse.yaml_document import load_document

GENERATE = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"


def generate(folder: Path, count: int) -> list[Path]:
    subprocess.run([sys.executable, str(GENERATE), str(folder), str(count)], check=True, capture_output=True)
    return sorted(folder.glob("pair-*.yaml"))


def test_generated_roadmaps_validate_and_are_deterministic(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", 3)
    second = generate(tmp_path / "b", 3)
    assert [path.name for path in first] == ["pair-0000.yaml", "pair-0001.yaml", "pair-0002.yaml"]
    checked = check_files(first)
    assert checked.ok, checked.problems[:3]
    template = load_document(builtin_dir("roadmaps") / "belfast-sejong.yaml").data  # what generate.py copies
    assert checked.proposal_count == 3 * len(template["proposals"])
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second]
