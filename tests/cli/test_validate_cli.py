"""``twins validate``: exit codes, the three output formats, and where roadmaps are found."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import FIXTURES, VALID
from twins_cli.files.locate import builtin_dir

if TYPE_CHECKING:
    from typer.testing import Result

    from conftest import Run, WriteRoadmap

INVALID = FIXTURES / "invalid"
SAMPLE = FIXTURES / "sample"
SAMPLE_SUMMARY = f"4 roadmaps in {SAMPLE}, 12 proposals: valid"
TEXT_LINE = re.compile(
    r"(?P<file>[^:]+):(?P<line>[0-9]+):(?P<column>[0-9]+): (?P<code>T[0-9]{3}) (?P<message>.+?)"
    r"(?: \(at (?P<path>\S+)\))?"
)


def last_line(text: str) -> str:
    return text.rstrip("\n").splitlines()[-1]


def broken_edits() -> tuple[tuple[str, str], ...]:
    """Two mistakes in alpha-beta.yaml: a misspelt stage (line 58) and an unknown lead (line 71)."""
    return (("stage: priority", "stage: prority"), ("leads: [beta-city]", "leads: [beta-cty]"))


def located(text: str) -> list[tuple[str, int, int, str, str | None]]:
    """``(file, line, column, code, path)`` of each problem line of a text report (the summary left out)."""
    found = [TEXT_LINE.fullmatch(line) for line in text.splitlines()[:-1]]
    assert all(found), text
    return [(m["file"], int(m["line"]), int(m["column"]), m["code"], m["path"]) for m in found if m]


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
    assert located(result.stdout) == [
        ("data/alpha-beta.yaml", *where(path, "prority"), "T104", "proposals[0].stage"),
        ("data/alpha-beta.yaml", *where(path, "beta-cty"), "T201", "proposals[1].leads[0]"),
    ]
    assert last_line(result.stdout) == "1 roadmap in data/alpha-beta.yaml, 2 proposals: 2 errors in 1 file"


def test_broken_file_json_output(run: Run, write_roadmap: WriteRoadmap) -> None:
    path = write_roadmap(*broken_edits())
    result = run("validate", str(path), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert set(report) == {
        "valid",
        "files",
        "roadmaps",
        "proposals",
        "problems",
        "more_problems",
        "ignored",
        "summary",
    }
    assert report["valid"] is False
    assert report["files"] == ["data/programme.yaml", "data/alpha-beta.yaml"]  # relative to the cwd
    assert (report["roadmaps"], report["proposals"]) == (1, 2)
    assert report["summary"] == "1 roadmap in data/alpha-beta.yaml, 2 proposals: 2 errors in 1 file"
    assert report["ignored"] == 0
    problems = report["problems"]
    assert all(set(problem) == {*JSON_PROBLEM_FIELDS, "message"} for problem in problems)
    assert all(isinstance(problem["message"], str) and problem["message"] for problem in problems)
    assert [[problem[field] for field in JSON_PROBLEM_FIELDS] for problem in problems] == [
        ["data/alpha-beta.yaml", *where(path, "prority"), "T104", "invalid-choice", "error", "proposals[0].stage"],
        [
            "data/alpha-beta.yaml",
            *where(path, "beta-cty"),
            "T201",
            "unknown-reference",
            "error",
            "proposals[1].leads[0]",
        ],
    ]


JSON_PROBLEM_FIELDS = ("file", "line", "column", "code", "rule", "severity", "path")


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
    expected = [("prority", "T104 (invalid-choice)"), ("beta-cty", "T201 (unknown-reference)")]
    for annotation, (fragment, code) in zip(annotations, expected, strict=True):
        line, column = where(path, fragment)
        assert annotation.startswith("::error file=data/alpha-beta.yaml,")
        assert f",line={line}," in annotation
        assert f",col={column}," in annotation
        assert f",title=twins validate {code}::" in annotation
        assert f"'{fragment}'" in annotation.split("::", 2)[2]


def test_github_output_escapes_the_file_property(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "a,b:c"
    folder.mkdir()
    shutil.copyfile(INVALID / "syntax-error.yaml", folder / "syntax-error.yaml")
    result = run("validate", "a,b:c/syntax-error.yaml", "--format", "github")
    assert result.stdout.startswith("::error file=a%2Cb%3Ac/syntax-error.yaml,line=")


# --- the invalid fixture files ---------------------------------------------------------------------

# file name: (line, column, code); each file has exactly this one problem
INVALID_FILES = {
    "syntax-error.yaml": (5, 11, "T010"),  # where the "[" opens
    "tab-indent.yaml": (4, 1, "T010"),
    "several-documents.yaml": (3, 1, "T010"),
    "duplicate-key.yaml": (14, 3, "T020"),
    "unknown-lead.yaml": (28, 13, "T201"),
    "invalid-utf8.yaml": (4, 8, "T002"),
    "utf16.yaml": (1, 1, "T002"),
}


@pytest.mark.parametrize(("name", "expected"), INVALID_FILES.items(), ids=list(INVALID_FILES))
def test_invalid_fixture(run: Run, name: str, expected: tuple[int, int, str]) -> None:
    path = INVALID / name
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert [problem[1:4] for problem in located(result.stdout)] == [expected]
    assert last_line(result.stdout).endswith(": 1 error in 1 file")


def test_python_tag_fixture_is_refused_and_not_run(run: Run, tmp_path: Path) -> None:
    path = INVALID / "python-tag.yaml"
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert (20, 5, "T022") in [problem[1:4] for problem in located(result.stdout)]
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


# --- --select and --ignore ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "codes"),
    [
        ((), ["T104", "T201"]),
        (("--ignore", "T201"), ["T104"]),
        (("--ignore", "T2"), ["T104"]),
        (("--select", "T2"), ["T201"]),
        (("--select", "T1,T2", "--ignore", "t104"), ["T201"]),
        (("--select", "T1", "--select", "unknown-reference"), ["T104", "T201"]),
    ],
    ids=["all", "ignore-code", "ignore-prefix", "select-prefix", "comma-and-lower-case", "repeated-and-name"],
)
def test_select_and_ignore_report_only_the_codes_asked_for(
    run: Run, write_roadmap: WriteRoadmap, options: tuple[str, ...], codes: list[str]
) -> None:
    write_roadmap(*broken_edits())
    result = run("validate", "data/alpha-beta.yaml", *options)
    assert result.exit_code == 1
    assert [problem[3] for problem in located(result.stdout)] == codes
    ignored = f", {2 - len(codes)} ignored" if len(codes) < 2 else ""
    assert last_line(result.stdout).endswith(f": {len(codes)} error{'s' * (len(codes) != 1)} in 1 file{ignored}")


def test_ignored_problems_do_not_fail_the_run_and_are_counted(run: Run, write_roadmap: WriteRoadmap) -> None:
    write_roadmap(*broken_edits())
    result = run("validate", "data/alpha-beta.yaml", "--ignore", "T104,T201")
    assert result.exit_code == 0
    assert result.stdout == "1 roadmap in data/alpha-beta.yaml, 2 proposals: no problems shown, 2 ignored\n"
    report = json.loads(run("validate", "data/alpha-beta.yaml", "--select", "T0", "-f", "json").stdout)
    assert (report["valid"], report["problems"], report["ignored"]) == (True, [], 2)
    github = run("validate", "data/alpha-beta.yaml", "--select", "T201", "-f", "github")
    assert github.exit_code == 1
    assert [line.startswith("::error ") for line in github.stdout.splitlines()] == [True, False]


def test_ignore_applies_to_the_programme_file_and_to_stdin(run: Run, write_roadmap: WriteRoadmap) -> None:
    path = write_roadmap(*broken_edits())
    programme = path.parent / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8") + "extra: 1\n", encoding="utf-8")
    shown = run(
        "validate", "-", "--stdin-filename", "data/alpha-beta.yaml", "--ignore", "T104,T2", input=path.read_text()
    )
    assert [problem[:4] for problem in located(shown.stdout)] == [
        ("data/programme.yaml", *where(programme, "extra"), "T102")
    ]
    # the programme is still invalid: its vocabulary is not trusted, so no roadmap is checked against it
    assert last_line(shown.stdout).endswith(": 1 error in 1 file, 2 ignored")


def test_a_roadmap_with_ignored_problems_is_still_skipped_by_queries(run: Run, write_roadmap: WriteRoadmap) -> None:
    path = write_roadmap(*broken_edits())
    assert run("validate", "data/alpha-beta.yaml", "--ignore", "T").exit_code == 0
    result = run("--roadmaps", str(path.parent), "list")  # not taken from the cache as valid
    assert result.exit_code == 1
    assert result.stderr.startswith("twins: the roadmaps have 2 problems; first: data/alpha-beta.yaml:")


@pytest.mark.parametrize(
    ("option", "value", "hint"),
    [
        ("--ignore", "T2O1", ""),
        ("--select", "T9", ""),
        ("--ignore", "unknown-refrence", "(did you mean 'unknown-reference'?)"),
    ],
)
def test_a_code_that_is_no_code_is_a_usage_error(run: Run, option: str, value: str, hint: str) -> None:
    result = run("validate", str(VALID / "alpha-beta.yaml"), option, f"T201,{value}")
    assert_usage_error(result, f"twins: {option} {value!r} is no rule code{' ' * bool(hint)}{hint} — ")
