"""The composite action (action.yml) and the pre-commit hook this repository offers other repositories."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support import environment_with_dependencies

ROOT = Path(__file__).resolve().parents[1]
EXPRESSION = re.compile(r"\$\{\{\s*([a-z_.-]+)\s*\}\}")


def action() -> dict[str, object]:
    found = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert isinstance(found, dict)
    return found


def test_the_action_is_composite_and_installs_twins_from_its_own_files() -> None:
    declared = action()
    assert declared["runs"]["using"] == "composite"  # type: ignore[index]
    assert set(declared["inputs"]) == {"roadmaps", "format", "output", "python-version"}  # type: ignore[arg-type]
    assert declared["inputs"]["format"]["default"] == "auto"  # type: ignore[index]
    steps = declared["runs"]["steps"]  # type: ignore[index]
    install = next(step for step in steps if step.get("name") == "Install twins")
    assert install["env"]["ACTION_PATH"] == "${{ github.action_path }}"
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert "OWNER" not in text and "v0.1.0" not in text
    for step in steps:  # inputs reach the shell only through the environment, never pasted into a script
        assert "${{" not in step.get("run", ""), step


def _expand(text: str, values: dict[str, str]) -> str:
    return EXPRESSION.sub(lambda match: values[match[1]], text)


@pytest.mark.slow
def test_the_actions_steps_run_as_github_runs_them(tmp_path: Path) -> None:
    venv = environment_with_dependencies(tmp_path)
    repo = tmp_path / "repo"
    init = [sys.executable, "-m", "twins_cli", "init", str(repo), "--install", "twins-cli"]
    assert subprocess.run(init, capture_output=True, cwd=tmp_path).returncode == 0
    roadmap = repo / "roadmaps" / "cardiff-gwangju.yaml"
    roadmap.write_text(roadmap.read_text(encoding="utf-8").replace("status: in-development", "status: drafted"))

    def run_action(inputs: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], str]:
        values = {"github.action_path": str(ROOT), **{f"inputs.{key}": value for key, value in inputs.items()}}
        outputs = tmp_path / "github-output"
        outputs.write_text("", encoding="utf-8")
        env = {
            "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
            "HOME": str(tmp_path),
            "GITHUB_ACTIONS": "true",
            "GITHUB_OUTPUT": str(outputs),
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        }
        result = None
        for step in action()["runs"]["steps"]:  # type: ignore[index]
            if "run" not in step:  # actions/setup-python: GitHub's
                continue
            step_env = {**env, **{key: _expand(value, values) for key, value in step.get("env", {}).items()}}
            result = subprocess.run(
                ["bash", "-e", "-c", step["run"]], capture_output=True, text=True, cwd=repo, env=step_env
            )
            if result.returncode:
                break
        assert result is not None
        return result, outputs.read_text(encoding="utf-8")

    defaults = {key: str(value["default"]) for key, value in action()["inputs"].items()}  # type: ignore[union-attr]
    annotated, outputs = run_action(defaults)
    assert annotated.returncode == 1, annotated.stderr
    assert annotated.stdout.startswith("::error file=roadmaps/cardiff-gwangju.yaml,line=")
    assert outputs == "exit-code=1\n"
    assert (venv / "bin" / "twins").is_file()

    report, outputs = run_action({**defaults, "format": "sarif", "output": "twins.sarif", "roadmaps": "roadmaps"})
    assert report.returncode == 1
    log = json.loads((repo / "twins.sarif").read_text(encoding="utf-8"))
    assert [result["ruleId"] for result in log["runs"][0]["results"]] == ["T104"]
    assert outputs == "exit-code=1\n"
