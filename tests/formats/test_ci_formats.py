"""validate's output for CI systems: auto, GitHub annotations, SARIF, JUnit XML and the job summary."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import jsonschema
import pytest

from conftest import FIXTURES, Run
from twins_cli.check.validate import CheckedFiles, check_files
from twins_cli.codes import CODES
from twins_cli.formats.validation import (
    SUMMARY_ROWS,
    artifact_uri,
    job_summary,
    report_auto,
    report_github,
    report_junit,
    report_sarif,
    report_text,
)
from twins_cli.problems import Problem

BROKEN = FIXTURES / "broken" / "alpha-beta.yaml"
# The official SARIF 2.1.0 schema (OASIS, errata 01); see SARIF-SCHEMA.md beside it.
SARIF_SCHEMA = Path(__file__).with_name("sarif-schema-2.1.0.json")
HOSTILE = 'a|b *c* <x> & "q" \x1b[31m\u202e\n'


@pytest.fixture
def broken(monkeypatch: pytest.MonkeyPatch) -> CheckedFiles:
    monkeypatch.chdir(FIXTURES.parent.parent)  # the repository: file names relative, as in CI
    return check_files([Path("tests/fixtures/broken/alpha-beta.yaml")])


def hostile_problems() -> CheckedFiles:
    """Problems whose file names and messages hold markup, quotes, escapes and control characters."""
    checked = CheckedFiles()
    checked.add(f"roadmaps/{HOSTILE}.yaml", [Problem(f"roadmaps/{HOSTILE}.yaml", 3, 1, "T201", HOSTILE, ("a",))], 7)
    checked.add("/elsewhere/x.yaml", [Problem("/elsewhere/x.yaml", 0, 0, "T001", "too large")], 0)
    return checked


# --- auto and GitHub ----------------------------------------------------------------------------


def test_auto_is_github_annotations_in_github_actions_and_text_elsewhere(
    broken: CheckedFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert report_auto(broken) == report_github(broken)
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert report_auto(broken) == report_text(broken)


def test_validate_defaults_to_auto(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("validate", str(BROKEN)).stdout.startswith(f"{BROKEN}:52:12: T209 ")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run("validate", str(BROKEN))
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=")


def test_an_annotation_says_file_line_and_column_in_its_text_too(broken: CheckedFiles) -> None:
    first = report_github(broken).splitlines()[0]
    message = first.split("::", 2)[2]
    assert message.startswith("tests/fixtures/broken/alpha-beta.yaml:52:12: T209 ")
    assert first.startswith("::error file=tests/fixtures/broken/alpha-beta.yaml,line=52,col=12,")


# --- SARIF ------------------------------------------------------------------------------------------


def sarif(checked: CheckedFiles) -> dict[str, object]:
    log = json.loads(report_sarif(checked))
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    assert isinstance(log, dict)
    return log


def test_sarif_is_valid_against_the_sarif_schema_and_says_each_problem(broken: CheckedFiles) -> None:
    log = sarif(broken)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]  # type: ignore[call-overload]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == sorted(CODES)
    by_id = {rule["id"]: rule for rule in rules}
    assert by_id["T201"]["shortDescription"]["text"] == CODES["T201"].summary
    assert by_id["T201"]["help"]["text"] == CODES["T201"].help
    results = run["results"]
    assert [(result["ruleId"], rules[result["ruleIndex"]]["id"]) for result in results] == [
        ("T209", "T209"),
        ("T104", "T104"),
        ("T207", "T207"),
        ("T201", "T201"),
    ]
    first = results[0]
    assert first["level"] == "error"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "tests/fixtures/broken/alpha-beta.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 52, "startColumn": 12}
    assert first["message"]["text"].endswith("(at people[1].email)")


def test_sarif_is_the_same_every_time(broken: CheckedFiles) -> None:
    assert report_sarif(broken) == report_sarif(broken)


def test_sarif_of_hostile_names_and_messages_stays_valid_and_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir("/")
    log = sarif(hostile_problems())
    (run,) = log["runs"]  # type: ignore[call-overload]
    first, second = run["results"]
    assert "\x1b" not in first["message"]["text"] and "\\x1b" in first["message"]["text"]
    uri = first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert " " not in uri and "|" not in uri and uri.startswith("roadmaps/")
    assert "region" not in second["locations"][0]["physicalLocation"]  # line 0: the whole file
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [note["message"]["text"] for note in notes] == [f"… and 7 more problems in roadmaps/{HOSTILE}.yaml"]


def test_an_artifact_outside_the_folder_is_a_file_uri(tmp_path: Path) -> None:
    assert artifact_uri(str(tmp_path / "in" / "a b.yaml"), tmp_path) == ("in/a%20b.yaml", True)
    uri, relative = artifact_uri("/elsewhere/x.yaml", tmp_path)
    assert (uri, relative) == ("file:///elsewhere/x.yaml", False)


# --- JUnit ------------------------------------------------------------------------------------------


def test_junit_has_a_suite_per_file_and_fails_the_file_with_problems(broken: CheckedFiles) -> None:
    root = ElementTree.fromstring(report_junit(broken))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert set(suites) == {"tests/fixtures/broken/programme.yaml", "tests/fixtures/broken/alpha-beta.yaml"}
    passed = suites["tests/fixtures/broken/programme.yaml"].find("testcase")
    assert passed is not None and passed.find("failure") is None
    failed = suites["tests/fixtures/broken/alpha-beta.yaml"]
    assert failed.get("failures") == "1"
    failures = failed.findall("testcase/failure")
    assert len(failures) == 1
    assert failures[0].get("type") == "T104,T201,T207,T209"
    lines = (failures[0].text or "").splitlines()
    assert [line.split(": ")[1].split()[0] for line in lines] == ["T209", "T104", "T207", "T201"]
    assert lines[0].startswith("tests/fixtures/broken/alpha-beta.yaml:52:12: ")


def test_junit_of_hostile_names_and_messages_reads_back() -> None:
    root = ElementTree.fromstring(report_junit(hostile_problems()))
    names = [suite.get("name") for suite in root.iter("testsuite")]
    assert names[0] is not None and names[0].startswith('roadmaps/a|b *c* <x> & "q" \\x1b[31m')
    text = root.find("testsuite/testcase/failure")
    assert text is not None and text.text is not None
    assert 'a|b *c* <x> & "q"' in text.text
    assert "… and 7 more problems in" in text.text
    assert "\x1b" not in report_junit(hostile_problems())


# --- the job summary --------------------------------------------------------------------------------


def test_the_job_summary_counts_rules_and_lists_the_first_problems(broken: CheckedFiles) -> None:
    text = job_summary(broken)
    assert text.startswith("### twins validate: problems found\n")
    assert "2 files checked." in text
    assert "| T201 (unknown-reference) | 1 |" in text
    assert "| tests/fixtures/broken/alpha-beta.yaml | 61 | T201 | unknown organisation 'alpha-councl'" in text


def test_the_job_summary_escapes_markdown_and_bounds_its_rows() -> None:
    checked = CheckedFiles()
    problems = [Problem("x.yaml", line, 1, "T201", HOSTILE) for line in range(1, 31)]
    checked.add("x.yaml", problems, 5)
    text = job_summary(checked)
    rows = [line for line in text.splitlines() if line.startswith("| x.yaml |")]
    assert len(rows) == SUMMARY_ROWS
    assert rows[0].count(" | ") == 3  # the | in the message is escaped, not a new cell
    assert "\\*c\\*" in rows[0] and "\\<x\\>" in rows[0] and "\x1b" not in text
    assert text.rstrip().endswith("… and 15 more problems.")


def test_validate_appends_the_summary_to_github_step_summary(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert run("validate", str(BROKEN)).exit_code == 1
    assert run("validate", str(BROKEN), "--format", "json").exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### twins validate: problems found\n")
    assert text.count("### twins validate") == 2


def test_a_step_summary_that_is_a_link_or_a_pipe_is_refused_and_the_verdict_stands(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "target.md"
    target.write_text("kept\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for name in (link, pipe, tmp_path):
        monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(name))
        result = run("validate", str(BROKEN))
        assert result.exit_code == 1
        assert result.stdout.startswith(f"{BROKEN}:52:12:")
        [line] = result.stderr.splitlines()
        assert re.match(r"twins: .* (is a symbolic link|is a named pipe|is a directory|cannot write)", line), line
    assert target.read_text(encoding="utf-8") == "kept\n"
