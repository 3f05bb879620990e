"""Shared fixtures: a CLI runner that shows output on failure, and fixture paths.

Code tests read small fixtures (``run`` reads tests/fixtures/sample), so a fix to the shipped
transcription in roadmaps/ never breaks them. Tests of the shipped roadmaps themselves carry the
``data`` marker and use ``run_builtin``; ``pytest -m "not data"`` leaves them out.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from twins_cli.base.i18n import use_language
from twins_cli.cli.app import app
from twins_cli.files.locate import builtin_dir

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"
SAMPLE = FIXTURES / "sample"  # a small programme shaped like the shipped one: what code tests query

Run = Callable[..., Result]
CI_VARIABLES = ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "FORCE_COLOR")  # change validate's format, colour


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the tests' query cache out of the user's ~/.cache (subprocesses inherit it too)."""
    os.environ["TWINS_CACHE_DIR"] = str(tmp_path_factory.mktemp("twins-cache"))
    os.environ.pop("TWINS_NO_CACHE", None)
    os.environ["TWINS_LANG"] = "en"  # English whatever the tester's locale; tests of the choice unset it


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    """A test that ran twins in Korean leaves the next one in English, as every run starts."""
    yield
    use_language("en")


@pytest.fixture(autouse=True)
def _not_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same answers in a CI job as on a desk: no CI variable changes validate's format or the colour."""
    for name in CI_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("twins_cli.formats.terminal._colour", "auto")  # --color of an earlier run


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Run:
    """Invoke ``twins`` in-process from an empty directory, reading the sample fixture (by
    ``$TWINS_ROADMAPS``, as a project would name its own); print its output if a test fails."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TWINS_ROADMAPS", str(SAMPLE))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("COLUMNS", raising=False)  # piped: tables one line per row
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        result = runner.invoke(app, list(args), input=input)
        print(f"$ twins {' '.join(args)}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}")
        return result

    return invoke


@pytest.fixture
def run_builtin(run: Run, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Run:
    """``run`` reading the shipped roadmaps: only for tests of the transcription (marker ``data``)."""
    assert request.node.get_closest_marker("data"), "a test that reads the shipped roadmaps is a data test"
    monkeypatch.setenv("TWINS_ROADMAPS", str(builtin_dir("roadmaps")))
    return run


@pytest.fixture
def run_here(run: Run, monkeypatch: pytest.MonkeyPatch) -> Run:
    """``run`` with no ``$TWINS_ROADMAPS``: twins searches from the current folder, as for a user."""
    monkeypatch.delenv("TWINS_ROADMAPS", raising=False)
    return run


VALID_ROADMAP = VALID / "alpha-beta.yaml"
VALID_PROGRAMME = VALID / "programme.yaml"

WriteRoadmap = Callable[..., Path]


@pytest.fixture
def write_roadmap(tmp_path: Path) -> WriteRoadmap:
    """Write a copy of the valid alpha-beta.yaml, with edits, beside a copy of its programme.yaml.

    Each edit is an ``(old, new)`` pair; ``old`` must occur exactly once in the text so far, so
    a change to the valid fixture cannot silently make an edit do nothing. Files go to
    ``tmp_path/data`` unless ``directory`` is given; ``name`` is the file's stem.
    """

    def write(*edits: tuple[str, str], directory: Path | None = None, name: str = "alpha-beta") -> Path:
        text = VALID_ROADMAP.read_text(encoding="utf-8")
        for old, new in edits:
            assert text.count(old) == 1, f"{old!r} should occur once in the roadmap being edited"
            text = text.replace(old, new)
        folder = directory or tmp_path / "data"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(VALID_PROGRAMME, folder / "programme.yaml")
        path = folder / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of this checkout, built once per run as a release is (pip's isolated build, hatchling)."""
    import subprocess
    import sys

    folder = tmp_path_factory.mktemp("wheel")
    root = Path(__file__).resolve().parents[1]
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(folder), str(root)],
        capture_output=True,
        text=True,
    )
    if built.returncode and "No matching distribution found for hatchling" in built.stderr:
        pytest.skip("no package index to install the build backend (hatchling) from")
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = folder.glob("twins_cli-*.whl")
    return wheel
