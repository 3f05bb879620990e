"""``twins validate``: exit codes, the three output formats, and where roadmaps are found."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import FIXTURES, VALID
from twins_cli.cli import app as cli
from twins_cli.files.locate import builtin_dir
from twins_cli.formats.validation import REPORTERS

if TYPE_CHECKING:
    from typer.testing import Result

    from conftest import Run, WriteRoadmap

INVALID = FIXTURES / "invalid"
SAMPLE = FIXTURES / "sample"
SAMPLE_SUMMARY = f"4 roadmaps in {SAMPLE}, 12 proposals: valid"
TEXT_LINE = re.compile(
    r"(?P<file>[^:]+):(?P<line>[0-9]+):(?P<column>[0-9]+): (?P<message>.+?)(?: \(at (?P<path>\S+)\))?"
)


def last_line(text: str) -> str:
    return text.rstrip("\n").splitlines()[-1]


def broken_edits() -> tuple[tuple[str, str], ...]:
    """Two mistakes in alpha-beta.yaml: a misspelt stage (line 58) and an unknown lead (line 71)."""
    return (("stage: priority", "stage: prority"), ("leads: [beta-city]", "leads: [beta-cty]"))


def where(path: Path, fragment: str) -> tuple[int, int]:
    """Line and column where ``fragment`` first appears in the file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((number, line.index(fragment) + 1) for number, line in enumerate(lines, 1) if fragment in line)


# --- the folder checked, and the built-in roadmaps ------------------------------------------------


def test_validate_names_the_folder_it_checked(run: Run) -> None:
    result = run("validate")  # $TWINS_ROADMAPS names the sample fixture (see conftest)
    assert result.exit_code == 0
    assert result.stdout == SAMPLE_SUMMARY + "\n"


def test_validate_with_no_roadmaps_folder_is_a_usage_error_not_valid(run_here: Run) -> None:
    result = run_here("validate")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("twins: no roadmaps folder here")
    assert "--builtin" in result.stderr and "twins.toml" in result.stderr


def test_validate_builtin_checks_the_built_in_roadmaps_only_when_asked(run_here: Run) -> None:
    result = run_here("validate", "--builtin")
    assert result.exit_code != 2  # checked, valid or not: that the shipped roadmaps are valid is a data test
    shipped = [path for path in builtin_dir("roadmaps").glob("*.yaml") if path.name != "programme.yaml"]
    assert result.stdout.startswith(f"{len(shipped)} roadmaps in the built-in roadmaps, ")
    for args in (("--roadmaps", "x", "validate", "--builtin"), ("validate", "--builtin", "a.yaml")):
        refused = run_here(*args)
        assert refused.exit_code == 2
        assert refused.stderr.startswith("twins: --builtin checks the built-in roadmaps")


def test_validate_a_valid_file(run: Run) -> None:
    result = run("validate", str(VALID / "alpha-beta.yaml"))
    assert result.exit_code == 0
    assert result.stdout == f"1 roadmap in {VALID / 'alpha-beta.yaml'}, 2 proposals: valid\n"


# --- a broken file, in each format ---------------------------------------------------------------


def test_broken_file_text_output(run: Run, write_roadmap: WriteRoadmap) -> None:
    path = write_roadmap(*broken_edits())
    result = run("validate", "data/alpha-beta.yaml")  # relative to the cwd, which is tmp_path
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines == [
        "data/alpha-beta.yaml:{}:{}: 'prority' is not one of: priority, future"
        " (did you mean 'priority'?) (at proposals[0].stage)".format(*where(path, "prority")),
        "data/alpha-beta.yaml:{}:{}: unknown organisation 'beta-cty'"
        " (did you mean 'beta-city'?) (at proposals[1].leads[0])".format(*where(path, "beta-cty")),
        "1 roadmap in data/alpha-beta.yaml, 2 proposals: 2 errors in 1 file",
    ]
    for line in lines[:-1]:
        assert TEXT_LINE.fullmatch(line), line


def test_broken_file_json_output(run: Run, write_roadmap: WriteRoadmap) -> None:
    path = write_roadmap(*broken_edits())
    result = run("validate", str(path), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert set(report) == {"valid", "files", "roadmaps", "proposals", "problems", "more_problems", "summary"}
    assert report["valid"] is False
    assert report["files"] == ["data/programme.yaml", "data/alpha-beta.yaml"]  # relative to the cwd
    assert (report["roadmaps"], report["proposals"]) == (1, 2)
    assert report["summary"] == "1 roadmap in data/alpha-beta.yaml, 2 proposals: 2 errors in 1 file"
    assert report["problems"] == [
        {
            "file": "data/alpha-beta.yaml",
            "line": where(path, "prority")[0],
            "column": where(path, "prority")[1],
            "message": "'prority' is not one of: priority, future (did you mean 'priority'?)",
            "path": "proposals[0].stage",
        },
        {
            "file": "data/alpha-beta.yaml",
            "line": where(path, "beta-cty")[0],
            "column": where(path, "beta-cty")[1],
            "message": "unknown organisation 'beta-cty' (did you mean 'beta-city'?)",
            "path": "proposals[1].leads[0]",
        },
    ]


def test_valid_json_output(run: Run) -> None:
    result = run("validate", "-f", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["valid"] is True
    assert (report["roadmaps"], report["proposals"], report["problems"]) == (4, 12, [])
    assert report["summary"] == SAMPLE_SUMMARY
    assert {Path(name).name for name in report["files"]} == {
        "programme.yaml",
        "kingsport-hanbit.yaml",
        "lowmoor-dalsan.yaml",
        "northdale-gaya.yaml",
        "severn-bora.yaml",
    }


def test_problem_without_a_path_has_null_path_in_json(run: Run) -> None:
    result = run("validate", str(INVALID / "syntax-error.yaml"), "--format", "json")
    report = json.loads(result.stdout)
    assert [problem["path"] for problem in report["problems"]] == [None]


def test_broken_file_github_output(run: Run, write_roadmap: WriteRoadmap) -> None:
    path = write_roadmap(*broken_edits())
    result = run("validate", "data/alpha-beta.yaml", "--format", "github")
    assert result.exit_code == 1
    *annotations, summary = result.stdout.splitlines()
    assert summary == "1 roadmap in data/alpha-beta.yaml, 2 proposals: 2 errors in 1 file"
    assert len(annotations) == 2
    for annotation, fragment in zip(annotations, ["prority", "beta-cty"], strict=True):
        line, column = where(path, fragment)
        assert annotation.startswith("::error file=data/alpha-beta.yaml,")
        assert f",line={line}," in annotation
        assert f",col={column}," in annotation
        assert f"'{fragment}'" in annotation.split("::", 2)[2]


def test_github_output_escapes_the_file_property(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "a,b:c"
    folder.mkdir()
    shutil.copyfile(INVALID / "syntax-error.yaml", folder / "syntax-error.yaml")
    result = run("validate", "a,b:c/syntax-error.yaml", "--format", "github")
    assert result.stdout.startswith("::error file=a%2Cb%3Ac/syntax-error.yaml,line=")


def test_every_format_has_a_reporter() -> None:
    assert set(REPORTERS) == {choice.value for choice in cli.ValidateFormat}


# --- the invalid fixture files ---------------------------------------------------------------------

# file name: (line, column, message fragment); each file has exactly this one problem
INVALID_FILES = {
    "syntax-error.yaml": (5, 11, "YAML syntax error: the list that opens here"),  # where the "[" opens
    "tab-indent.yaml": (4, 1, "tabs"),
    "several-documents.yaml": (3, 1, "several YAML documents"),
    "duplicate-key.yaml": (14, 3, "duplicate key 'name' (first at line 5)"),
    "unknown-lead.yaml": (28, 13, "unknown organisation 'alpha-counsil' (did you mean 'alpha-council'?)"),
    "invalid-utf8.yaml": (4, 8, "not valid UTF-8"),
    "utf16.yaml": (1, 1, "UTF-16"),
}


@pytest.mark.parametrize(("name", "expected"), INVALID_FILES.items(), ids=list(INVALID_FILES))
def test_invalid_fixture(run: Run, name: str, expected: tuple[int, int, str]) -> None:
    path = INVALID / name
    line, column, fragment = expected
    result = run("validate", str(path))
    assert result.exit_code == 1
    problem, summary = result.stdout.splitlines()
    assert problem.startswith(f"{path}:{line}:{column}: ")
    assert fragment in problem
    assert summary.endswith(": 1 error in 1 file")


def test_python_tag_fixture_is_refused_and_not_run(run: Run, tmp_path: Path) -> None:
    path = INVALID / "python-tag.yaml"
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:20:5: tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed" in result.stdout
    assert not (tmp_path / "python-tag-ran").exists()
    assert not list(tmp_path.iterdir())


def test_every_invalid_fixture_is_tested() -> None:
    assert {path.name for path in INVALID.iterdir()} == {*INVALID_FILES, "python-tag.yaml"}


# --- files that cannot be checked -------------------------------------------------------------------


def assert_usage_error(result: Result, fragment: str) -> None:
    """Exit 2 with one line on stderr, ``twins: …``, and nothing on stdout."""
    assert result.exit_code == 2
    assert result.stdout == ""
    stderr = result.stderr
    assert len(stderr.splitlines()) == 1, stderr
    assert stderr.startswith("twins: ")
    assert fragment in stderr
    assert "Traceback" not in stderr


def test_missing_file(run: Run) -> None:
    assert_usage_error(run("validate", "nope.yaml"), "nope.yaml: no such file")


def test_directory_instead_of_a_file(run: Run, tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    assert_usage_error(run("validate", "folder"), "is a directory")


def test_missing_file_among_good_ones(run: Run) -> None:
    assert_usage_error(run("validate", str(VALID / "alpha-beta.yaml"), "nope.yaml"), "no such file")


# --- where the roadmaps are found ---------------------------------------------------------------------


@pytest.fixture
def folders(write_roadmap: WriteRoadmap, tmp_path: Path) -> dict[str, Path]:
    """Three folders of valid roadmaps inside the cwd: for --roadmaps, for $TWINS_ROADMAPS and ./roadmaps."""
    return {name: write_roadmap(directory=tmp_path / name).parent for name in ("from-option", "from-env", "roadmaps")}


def files_checked(run: Run, *args: str) -> list[str]:
    result = run(*args, "validate", "--format", "json")
    assert result.exit_code == 0
    files: list[str] = json.loads(result.stdout)["files"]
    return files


def test_roadmaps_option_wins(run: Run, folders: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWINS_ROADMAPS", str(folders["from-env"]))
    assert files_checked(run, "--roadmaps", "from-option") == [
        "from-option/programme.yaml",
        "from-option/alpha-beta.yaml",
    ]


def test_env_var_comes_next(run: Run, folders: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWINS_ROADMAPS", str(folders["from-env"]))
    assert files_checked(run) == ["from-env/programme.yaml", "from-env/alpha-beta.yaml"]


def test_local_roadmaps_folder_comes_next(run_here: Run, folders: dict[str, Path]) -> None:
    assert files_checked(run_here) == ["roadmaps/programme.yaml", "roadmaps/alpha-beta.yaml"]


def test_empty_env_var_is_ignored(run: Run, folders: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWINS_ROADMAPS", "")
    assert files_checked(run) == ["roadmaps/programme.yaml", "roadmaps/alpha-beta.yaml"]


def test_roadmaps_option_with_a_broken_roadmap(run: Run, write_roadmap: WriteRoadmap, tmp_path: Path) -> None:
    write_roadmap(*broken_edits(), directory=tmp_path / "broken")
    result = run("--roadmaps", "broken", "validate")
    assert result.exit_code == 1
    assert last_line(result.stdout) == "1 roadmap in broken, 2 proposals: 2 errors in 1 file"
    assert result.stdout.startswith("broken/alpha-beta.yaml:")


def test_roadmaps_option_missing_folder(run: Run) -> None:
    assert_usage_error(run("--roadmaps", "nowhere", "validate"), "does not exist")


def test_env_var_missing_folder(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWINS_ROADMAPS", "nowhere")
    assert_usage_error(run("validate"), "$TWINS_ROADMAPS")


def test_roadmaps_option_empty_folder(run: Run, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert_usage_error(run("--roadmaps", "empty", "validate"), "no roadmaps")


def test_roadmaps_option_folder_with_only_a_programme(run: Run, tmp_path: Path) -> None:
    (tmp_path / "only-programme").mkdir()
    shutil.copyfile(VALID / "programme.yaml", tmp_path / "only-programme" / "programme.yaml")
    assert_usage_error(run("--roadmaps", "only-programme", "validate"), "no roadmaps")


def test_roadmaps_option_is_a_file(run: Run) -> None:
    assert_usage_error(run("--roadmaps", str(VALID / "alpha-beta.yaml"), "validate"), "is not a directory")
