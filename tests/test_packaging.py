"""The built wheel: what a release ships (roadmaps, schemas, catalogs, licence) and that it installs and runs."""

from __future__ import annotations

import os
import subprocess
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from support import environment_with_dependencies

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow  # builds the wheel (seconds, and a package index for hatchling)


def names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_holds_the_roadmaps_and_schemas(built_wheel: Path) -> None:
    shipped = names(built_wheel)
    for folder, pattern in (("roadmaps", "*.yaml"), ("schema", "*.json")):
        expected = {f"twins_cli/data/{folder}/{path.name}" for path in (ROOT / folder).glob(pattern)}
        assert expected, folder
        assert expected <= shipped
    assert "twins_cli/cli/app.py" in shipped


def test_the_wheel_holds_the_message_catalogs(built_wheel: Path) -> None:
    source = ROOT / "src" / "twins_cli" / "locale"
    if not source.is_dir():
        pytest.skip("no message catalogs in this source tree yet")
    expected = {path.relative_to(ROOT / "src").as_posix() for path in source.rglob("*.mo")}
    assert expected <= names(built_wheel)


def test_the_wheel_says_its_licence(built_wheel: Path) -> None:
    with zipfile.ZipFile(built_wheel) as archive:
        (metadata,) = [name for name in archive.namelist() if name.endswith(".dist-info/METADATA")]
        headers = Parser().parsestr(archive.read(metadata).decode("utf-8"))
        licences = [name for name in archive.namelist() if name.endswith(".dist-info/licenses/LICENSE")]
        assert len(licences) == 1
        assert archive.read(licences[0]).decode("utf-8").startswith("MIT License")
    assert headers["Name"] == "twins-cli"
    assert headers["License-Expression"] == "MIT"
    assert "pre-commit" in headers["Keywords"]


def test_the_wheel_installs_in_a_fresh_environment_and_validates_the_builtin_roadmaps(
    built_wheel: Path, tmp_path: Path
) -> None:
    venv = environment_with_dependencies(tmp_path)
    env = {"PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "HOME": str(tmp_path), "PIP_NO_INDEX": "1"}
    python = str(venv / "bin" / "python")
    subprocess.run([python, "-m", "pip", "install", "--quiet", str(built_wheel)], check=True, env=env, cwd=tmp_path)
    result = subprocess.run(
        [str(venv / "bin" / "twins"), "validate", "--builtin"], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(": valid\n")
