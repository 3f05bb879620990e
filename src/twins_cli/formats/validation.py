"""Validation results as text, JSON or GitHub Actions annotations.

Each reporter returns the whole output as a string; formats/registry.py names
them for ``--format``.
"""

from __future__ import annotations

import json

from twins_cli.base.text import one_line
from twins_cli.check.validate import CheckedFiles
from twins_cli.problems import Problem, more_problems


def _with_more(checked: CheckedFiles, lines: list[str]) -> list[str]:
    """``lines`` (one per problem) with ``… and N more problems in FILE`` after the last one of each file with more."""
    problems = checked.problems
    shown = []
    for index, (problem, line) in enumerate(zip(problems, lines, strict=True)):
        shown.append(line)
        last_of_file = index + 1 == len(problems) or problems[index + 1].file != problem.file
        if last_of_file and problem.file in checked.more_problems:
            shown.append(more_problems(problem.file, checked.more_problems[problem.file]))
    return shown


def report_text(checked: CheckedFiles) -> str:
    """``FILE:LINE:COL: T201 message (at path)`` per problem, then the summary."""
    lines = _with_more(checked, [problem.format() for problem in checked.problems])
    return "\n".join([*lines, checked.summary()]) + "\n"


def report_json(checked: CheckedFiles) -> str:
    """A stable JSON object for tools: see the README for its fields."""
    return (
        json.dumps(
            {
                "valid": checked.ok,
                "files": checked.files,
                "roadmaps": len(checked.roadmaps),
                "proposals": checked.proposal_count,
                "problems": [
                    {
                        "file": problem.file,
                        "line": problem.line,
                        "column": problem.column,
                        "code": problem.code,
                        "rule": problem.rule.name,
                        "severity": problem.rule.severity,
                        "message": problem.message,
                        "path": problem.dotted_path or None,
                    }
                    for problem in checked.problems
                ],
                "more_problems": [{"file": file, "count": count} for file, count in checked.more_problems.items()],
                "ignored": checked.ignored,
                "summary": checked.summary(),
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


def _github_escape(text: str, *, property_value: bool = False) -> str:
    """Escape as the GitHub Actions workflow-command syntax requires; control characters shown escaped."""
    text = one_line(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def _annotation(problem: Problem) -> str:
    """``::error file=…,line=…,col=…,title=twins validate T201 (unknown-reference)::message (at path)``."""
    where = problem.where
    title = f"twins validate {problem.code} ({problem.rule.name})"
    return (
        f"::{problem.rule.severity} file={_github_escape(problem.file, property_value=True)},line={problem.line}"
        f",col={problem.column},title={_github_escape(title, property_value=True)}"
        f"::{_github_escape(problem.message + where)}"
    )


def report_github(checked: CheckedFiles) -> str:
    """``::error file=…,line=…,col=…,title=…::message`` lines that GitHub shows on the diff."""
    lines = _with_more(checked, [_annotation(problem) for problem in checked.problems])
    return "\n".join([*lines, checked.summary()]) + "\n"
