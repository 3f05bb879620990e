"""Validation results as text, JSON, GitHub Actions annotations, SARIF, JUnit XML, or a job summary.

Each reporter returns the whole output as a string; formats/registry.py names
them for ``--format``. Every one is deterministic (same files, same bytes) and
escapes what it quotes from the data for its own syntax.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from twins_cli import __version__
from twins_cli.base.i18n import _, ngettext
from twins_cli.base.text import md_escape, one_line
from twins_cli.check.validate import CheckedFiles
from twins_cli.problems import Problem, more_problems

if TYPE_CHECKING:
    from collections.abc import Mapping


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
    """``::error file=…,line=…,col=…,title=twins validate T201 (unknown-reference)::FILE:LINE:COL: T201 message``.

    The message repeats ``FILE:LINE:COL``, so that the raw log reads as well as the annotations view.
    """
    title = f"twins validate {problem.code} ({problem.rule.name})"
    return (
        f"::{problem.rule.severity} file={_github_escape(problem.file, property_value=True)},line={problem.line}"
        f",col={problem.column},title={_github_escape(title, property_value=True)}"
        f"::{_github_escape(problem.format())}"
    )


def report_github(checked: CheckedFiles) -> str:
    """``::error file=…,line=…,col=…,title=…::message`` lines that GitHub shows on the diff."""
    lines = _with_more(checked, [_annotation(problem) for problem in checked.problems])
    return "\n".join([*lines, checked.summary()]) + "\n"


def in_github_actions(environ: Mapping[str, str] | None = None) -> bool:
    """True in a GitHub Actions job, which sets ``GITHUB_ACTIONS=true``."""
    return (os.environ if environ is None else environ).get("GITHUB_ACTIONS") == "true"


def report_auto(checked: CheckedFiles) -> str:
    """GitHub annotations in a GitHub Actions job, text anywhere else (decided when run)."""
    return report_github(checked) if in_github_actions() else report_text(checked)


# --- SARIF 2.1.0, for code scanning ----------------------------------------------------------------

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SOURCE_ROOT = "%SRCROOT%"  # SARIF's name for the root the relative paths start from: the folder twins ran in


def artifact_uri(file: str, root: Path | None = None) -> tuple[str, bool]:
    """``file`` as a SARIF artifact URI, and whether it is relative to ``root`` (the current folder).

    A relative path (or an absolute one under ``root``) is a relative URI, percent-encoded;
    any other absolute path is a ``file:`` URI.
    """
    path = PurePath(file)
    if path.is_absolute():
        base = Path.cwd() if root is None else root
        try:
            path = path.relative_to(base)
        except ValueError:
            return Path(file).as_uri(), False
    from urllib.parse import quote

    return quote(path.as_posix(), safe="/"), True


def _sarif_rules() -> list[dict[str, Any]]:
    """Every rule code, in code order, with its description and help (so a result's ``ruleIndex`` is stable)."""
    from twins_cli.codes import CODES

    return [
        {
            "id": code.id,
            "name": code.name,
            "shortDescription": {"text": code.summary},
            "fullDescription": {"text": f"{code.summary} {code.help}"},
            "help": {"text": code.help},
            "defaultConfiguration": {"level": code.severity},
        }
        for code in sorted(CODES.values())
    ]


def _sarif_result(problem: Problem, index: int) -> dict[str, Any]:
    """One problem: its rule, level, message and place (a region only where the line is known)."""
    uri, relative = artifact_uri(problem.file)
    location: dict[str, Any] = {"artifactLocation": {"uri": uri, **({"uriBaseId": SOURCE_ROOT} if relative else {})}}
    if problem.line >= 1:
        location["region"] = {"startLine": problem.line, "startColumn": max(problem.column, 1)}
    where = f" (at {problem.dotted_path})" if problem.path else ""
    return {
        "ruleId": problem.code,
        "ruleIndex": index,
        "level": problem.rule.severity,
        "message": {"text": one_line(problem.message) + where},
        "locations": [{"physicalLocation": location}],
    }


def report_sarif(checked: CheckedFiles) -> str:
    """A SARIF 2.1.0 log of one run: every rule code as a rule, every problem as a result.

    Problems past a file's first hundred are not results: each file's count of them is a
    notification of the run's invocation, so a reader knows the list is not whole.
    """
    rules = _sarif_rules()
    index = {rule["id"]: at for at, rule in enumerate(rules)}
    notes = [
        {"level": "warning", "message": {"text": more_problems(file, count)}}
        for file, count in checked.more_problems.items()
    ]
    run = {
        "tool": {"driver": {"name": "twins", "version": __version__, "rules": rules}},
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notes}],
        "columnKind": "unicodeCodePoints",
        "results": [_sarif_result(problem, index[problem.code]) for problem in checked.problems],
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


# --- JUnit XML, for the test reports of GitLab, Jenkins, Azure... -----------------------------------


def _by_file(checked: CheckedFiles) -> dict[str, list[Problem]]:
    """Every file read or reported on, in order, with its problems."""
    files: dict[str, list[Problem]] = {file: [] for file in checked.files}
    for problem in checked.problems:
        files.setdefault(problem.file, []).append(problem)
    for file in checked.more_problems:
        files.setdefault(file, [])
    return files


def _xml_text(text: str) -> str:
    """Text that XML 1.0 can hold: control characters (which it forbids) shown escaped; ``<&>"`` are escaped later."""
    return "\n".join(one_line(line) for line in text.split("\n"))


def report_junit(checked: CheckedFiles) -> str:
    """JUnit XML: one test suite per file, holding one test case, the file; a file with problems fails it.

    The failure's text lists every problem as ``FILE:LINE:COL: CODE message``. One failure per test
    case, listing them all, since JUnit readers show only the first failure of a case.
    """
    from xml.sax.saxutils import quoteattr

    def escape(text: str) -> str:
        from xml.sax.saxutils import escape as xml_escape

        return xml_escape(_xml_text(text))

    suites = []
    files = _by_file(checked)
    failed = 0
    for file, problems in files.items():
        lines = [problem.format() for problem in problems]
        more = checked.more_problems.get(file, 0)
        if more:
            lines.append(more_problems(file, more))
        case = f"    <testcase classname={quoteattr('twins validate')} name={quoteattr(_xml_text(file))}"
        if lines:
            failed += 1
            count = len(problems) + more
            message = ngettext("{count} problem", "{count} problems", count).format(count=count)
            codes = ",".join(sorted({problem.code for problem in problems}))
            case += (
                f">\n      <failure message={quoteattr(message)} type={quoteattr(codes)}>"
                f"{escape(chr(10).join(lines))}</failure>\n    </testcase>"
            )
        else:
            case += "/>"
        suites.append(
            f'  <testsuite name={quoteattr(_xml_text(file))} tests="1" failures="{int(bool(lines))}"'
            f' errors="0" skipped="0">\n{case}\n  </testsuite>'
        )
    head = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="twins validate" tests="{len(files)}"'
        f' failures="{failed}" errors="0">'
    )
    return "\n".join([head, *suites, "</testsuites>"]) + "\n"


# --- the Markdown job summary of a GitHub Actions run ------------------------------------------------

SUMMARY_ROWS = 20  # problems listed in the job summary; the rest are counted
_CELL = 300  # characters of a message shown in a summary cell: a summary is small (GitHub takes 1 MiB a step)


def _cell(text: str) -> str:
    """A table cell: one line, at most ``_CELL`` characters, shown literally by Markdown."""
    text = one_line(text)
    return md_escape(text if len(text) <= _CELL else text[: _CELL - 1] + "…")


def job_summary(checked: CheckedFiles) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: the verdict, the files checked, problems by rule, the first problems."""
    count = checked.problem_count
    lines = [
        f"### twins validate: {_('valid') if checked.ok else _('problems found')}",
        "",
        md_escape(one_line(checked.summary())),
        "",
        ngettext("{count} file checked.", "{count} files checked.", len(checked.files)).format(
            count=len(checked.files)
        ),
    ]
    if checked.problems:
        by_rule = Counter(problem.code for problem in checked.problems)
        lines += ["", f"| {_('Rule')} | {_('Problems')} |", "| --- | ---: |"]
        lines += [f"| {code} ({_rule_name(code)}) | {by_rule[code]} |" for code in sorted(by_rule)]
        shown = checked.problems[:SUMMARY_ROWS]
        lines += [
            "",
            f"| {_('File')} | {_('Line')} | {_('Rule')} | {_('Problem')} |",
            "| --- | ---: | --- | --- |",
        ]
        lines += [
            f"| {_cell(problem.file)} | {problem.line} | {problem.code} | {_cell(problem.message)} |"
            for problem in shown
        ]
        if count > len(shown):
            rest = count - len(shown)
            lines += [
                "",
                ngettext("… and {count} more problem.", "… and {count} more problems.", rest).format(count=rest),
            ]
    return "\n".join(lines) + "\n\n"


def _rule_name(code: str) -> str:
    from twins_cli.codes import CODES

    return CODES[code].name
