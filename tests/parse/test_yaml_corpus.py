"""The official YAML test suite thrown at ``twins validate``: every case answered, none crashes or hangs.

The cases live in ``../shared/corpus/yaml-test-suite/`` beside the repository
(CI has it; see its README): ``invalid/`` holds the 94 cases the suite marks as
errors, ``valid/`` 308 valid YAML streams, none of them a roadmap. They are read
where they are, never copied into the project.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import Run
from support import family_of
from twins_cli.codes import CODES
from twins_cli.parse import yaml_document as yamlload
from twins_cli.parse.syntax_errors import PREFIX

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "yaml-test-suite"
INVALID = sorted((CORPUS / "invalid").glob("*.yaml")) if CORPUS.is_dir() else []
VALID = sorted((CORPUS / "valid").glob("*.yaml")) if CORPUS.is_dir() else []
SCRIPT = Path(sys.executable).parent / "twins"
PROBLEM_LINE = re.compile(r"(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<code>T\d{3}) .+")
LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(),
    reason=f"the YAML test suite corpus is not at {CORPUS} (CI puts the shared/ folder beside the repository)",
)


def test_the_corpus_is_complete() -> None:
    """The README counts 94 invalid and 308 valid cases; fewer would make the tests below prove less."""
    assert (len(INVALID), len(VALID)) == (94, 308)


def run_installed(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed script, in its own process; a hang fails the test instead of stopping the suite."""
    if not SCRIPT.is_file():
        pytest.skip(f"no installed twins console script beside the interpreter ({SCRIPT}); run `pip install -e .`")
    env = {key: value for key, value in os.environ.items() if key != "TWINS_ROADMAPS"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [str(SCRIPT), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,  # a hang guard, far above the few seconds the whole corpus takes
        check=False,
    )


def assert_every_file_answered(done: subprocess.CompletedProcess[str], cases: list[Path]) -> None:
    """Exit 1, no traceback, each line ``FILE:LINE:COL: CODE message`` and each case named at least once."""
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    *lines, summary = done.stdout.splitlines()
    assert summary.endswith(f"in {len(cases)} files"), summary
    named = set()
    for line in lines:
        match = PROBLEM_LINE.fullmatch(line)
        assert match, line
        assert match["code"] in CODES, line
        named.add(match["file"])
    assert named == {str(case) for case in cases}


@pytest.mark.parametrize("kind", ["invalid", "valid"])
def test_the_whole_corpus_in_one_run_of_the_installed_script(kind: str, tmp_path: Path) -> None:
    cases = INVALID if kind == "invalid" else VALID
    assert_every_file_answered(run_installed("validate", *map(str, cases), cwd=tmp_path), cases)


@pytest.mark.parametrize("case", INVALID[:: len(INVALID) // 5 or 1][:5], ids=lambda case: case.stem)
def test_a_handful_of_invalid_cases_one_at_a_time_through_the_installed_script(case: Path, tmp_path: Path) -> None:
    done = run_installed("validate", str(case), cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stderr == ""
    *lines, summary = done.stdout.splitlines()
    assert lines
    assert summary.endswith("in 1 file")
    for line in lines:
        assert line.startswith(f"{case}:")
        assert PROBLEM_LINE.fullmatch(line), line


@pytest.fixture(params=LOADERS, ids=lambda loader: loader.__name__)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml's parser and the pure-Python one PyYAML falls back to without it."""
    monkeypatch.setattr(yamlload, "_Loader", yamlload.loader_class(request.param))


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize("case", INVALID, ids=lambda case: case.stem)
def test_invalid_case(run: Run, case: Path) -> None:
    result = run("validate", str(case))
    assert result.exit_code in (1, 2)
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    if result.exit_code == 2:  # cannot be read: one line on stderr
        assert result.stderr.startswith("twins: ")
        return
    *lines, summary = result.stdout.splitlines()
    assert summary.endswith("in 1 file")
    assert lines
    for line in lines:
        assert line.startswith(f"{case}:")
        assert PROBLEM_LINE.fullmatch(line), line


@pytest.mark.usefixtures("loader")
def test_valid_cases_load_without_raising() -> None:
    """A valid stream is read or refused with problems (PyYAML is a YAML 1.1 parser), never an exception."""
    for case in VALID:
        doc = yamlload.load_document(case)
        assert doc.readable or doc.problems, case


@pytest.mark.usefixtures("loader")
def test_every_syntax_error_is_told_in_our_words() -> None:
    """Each YAML syntax problem on the corpus is a sentence from our table, never the parser's own wording.

    An invalid case is always one of the mistakes the table knows; valid cases that
    PyYAML (a YAML 1.1 parser) refuses may also fall to the sentence for the rest.
    """
    families: dict[str, set[str]] = {"invalid": set(), "valid": set()}
    for kind, cases in (("invalid", INVALID), ("valid", VALID)):
        for case in cases:
            for problem in yamlload.load_document(case).problems:
                assert problem.code in CODES, (case.name, problem)
                if problem.message.startswith(PREFIX):
                    assert problem.code == "T010", (case.name, problem)
                    family = family_of(problem.message)
                    assert family is not None, (case.name, problem.message)
                    families[kind].add(family)
    assert "unreadable" not in families["invalid"]
    assert len(families["invalid"]) >= 10  # the corpus tries many kinds of mistake, and each is named
