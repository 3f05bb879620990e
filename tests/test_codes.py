"""Rule codes: the table is sound, every code is raised by a case of its own, and the README lists them all.

Each case below is the smallest input that has a problem of its code, and says where
that problem is; a code added to ``codes.CODES`` without a case here fails
``test_every_code_has_a_case``, and one no longer raised anywhere fails the source check.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pytest

from conftest import FIXTURES
from twins_cli.check.schema import _explain
from twins_cli.check.validate import check_files
from twins_cli.codes import CODES, CodeFilter, code_prefixes
from twins_cli.errors import UsageError
from twins_cli.files.locate import MAX_FILE_BYTES
from twins_cli.parse import yaml_document as yamlload
from twins_cli.parse.yaml_document import MAX_DEPTH, parse_document

if TYPE_CHECKING:
    from conftest import WriteRoadmap
    from twins_cli.problems import Problem

SOURCE = Path(__file__).parents[1] / "src" / "twins_cli"
README = Path(__file__).parents[1] / "README.md"


# --- the table ---------------------------------------------------------------------------------


def test_codes_are_well_formed_and_grouped() -> None:
    for key, code in CODES.items():
        assert key == code.id
        assert re.fullmatch(r"T[0-3][0-9]{2}", code.id), code
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code.name), code
        assert code.severity in ("error", "warning")
        for text in (code.summary, code.help):
            assert text and text.isprintable() and text.endswith("."), code
    assert len({code.name for code in CODES.values()}) == len(CODES)
    assert list(CODES) == sorted(CODES)


def test_every_code_in_the_source_is_in_the_table_and_every_code_is_raised_somewhere() -> None:
    used: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        if path.name != "codes.py":
            used |= set(re.findall(r"""["'](T[0-9]{3})["']""", path.read_text(encoding="utf-8")))
    assert used - set(CODES) == set()  # a typo in a code
    assert set(CODES) - used == set()  # a code nothing raises


@pytest.mark.parametrize("folder", ["invalid", "hostile", "broken", "valid", "query", "status"])
def test_every_problem_of_every_fixture_has_a_code_from_the_table(folder: str) -> None:
    paths = sorted(path for path in (FIXTURES / folder).glob("*.yaml") if path.name != "programme.yaml")
    checked = check_files(paths)
    assert all(problem.code in CODES for problem in checked.problems)


# --- one case per code ---------------------------------------------------------------------------


class Case(NamedTuple):
    """A file with a problem of the code, and where in its text the problem is."""

    source: str | bytes  # a whole file (parsed alone), or edits of the valid roadmap
    where: str | tuple[int, int]  # the text the problem points at (its first occurrence), or (line, column)
    edits: tuple[tuple[str, str], ...] = ()  # with edits: the valid roadmap with them, checked as a whole
    programme: tuple[str, str] | None = None  # an edit of the programme file beside it


def roadmap(*edits: tuple[str, str], where: str, programme: tuple[str, str] | None = None) -> Case:
    return Case("", where, edits, programme)


YAML_CASES: dict[str, Case] = {
    "T001": Case(b"a: 1\n" + b"#" * MAX_FILE_BYTES, (1, 1)),
    "T002": Case(b"a: 1\nb: caf\xe9\n", (2, 7)),
    "T003": Case("a: x\x07\n", (1, 5)),
    "T010": Case("a: [\n", (1, 4)),
    "T011": Case("[" * 100 + "]" * 100, (1, MAX_DEPTH + 1)),
    "T012": Case("- 1\n" * 60, (50, 3)),  # with the limit at 50 values, see the test
    "T013": Case(b"# nothing\n", (1, 1)),
    "T020": Case("a: 1\nb: 2\na: 3\n", (3, 1)),
    "T021": Case("a: 1\n2024: x\n", (2, 1)),
    "T022": Case("a: !!python/name:os.system\n", (1, 4)),
    "T023": Case("a: &x 1\nb: *x\n", (2, 1)),
    "T024": Case("a: &x {b: 1}\nc:\n  <<: *x\n", (3, 3)),
}
ROADMAP_CASES: dict[str, Case] = {
    "T101": roadmap(("    title: Cyber exchange\n", ""), where="id: P1"),
    "T102": roadmap(("    title: Cyber exchange\n", "    title: Cyber exchange\n    titel: x\n"), where="titel"),
    "T103": roadmap(("leads: [beta-city]", "leads: beta-city"), where="beta-city\nmilestones"),
    "T104": roadmap(("stage: priority", "stage: prority"), where="prority"),
    "T105": roadmap(("start: 2024-03", "start: 2024-3"), where="2024-3"),
    "T106": roadmap(("themes: [cybersecurity, net-zero]", "themes: [net-zero, net-zero]"), where="[net-zero, net"),
    "T107": roadmap(("email: kim.lee@beta.example", "email: '@b'"), where="'@b'"),
    "T201": roadmap(("leads: [beta-city]", "leads: [beta-cty]"), where="beta-cty"),
    "T202": roadmap(("  - id: P2\n", "  - id: P1\n"), where="P1\n    title: Future"),
    "T203": roadmap(("  id: alpha-beta\n", "  id: alpha-gamma\n"), where="alpha-gamma"),
    "T204": roadmap(("programme: test-programme", "programme: other-programme"), where="other-programme"),
    "T205": roadmap(("types: [knowledge-exchange]", "types: [lecture]"), where="lecture"),
    "T206": roadmap(("themes: [cybersecurity, net-zero]", "themes: [cybersecurity]"), where="net-zero]"),
    "T207": roadmap(("signed: 2023-08-07", "signed: 2023-02-30"), where="2023-02-30"),
    "T208": roadmap(("end: 2025-03", "end: 2023-03"), where="2023-03"),
    "T209": roadmap(("email: kim.lee@beta.example", "email: kim.lee@beta"), where="kim.lee@beta\n"),
    "T210": roadmap(("email: kim.lee@beta.example", "email: Ann.Smith@alpha.example"), where="Ann.Smith@"),
    "T211": roadmap(
        ("    date: 2024-04\n    source: roadmap.txt\n", "    date: 2024-04\n    source: m.txt\n"), where="m.txt"
    ),
    "T212": roadmap(("    proposal: P1\n", "    proposal: P1\n    happened_on: 2025-02\n"), where="2025-02\n"),
    "T213": roadmap(("    title: Cyber exchange\n", '    title: "Cyber \\e[31mexchange"\n'), where='"Cyber'),
    "T214": roadmap(
        ("    proposal: P1\n", "    proposal: P1\n    proposal_inferred: true\n"), where="proposal_inferred"
    ),
    "T215": roadmap(("    email: kim.lee@beta.example\n", "    email_generic: true\n"), where="email_generic"),
    "T301": roadmap(programme=("aliases: [net zero]", "aliases: [net zero, cyber]"), where="themes:"),
}


def problems_of(case: Case, write_roadmap: WriteRoadmap) -> tuple[list[Problem], tuple[int, int]]:
    """The problems of ``case``'s file, and the line and column where the one of its code must be."""
    if not case.edits and case.programme is None:
        assert isinstance(case.where, tuple)
        raw = case.source if isinstance(case.source, bytes) else case.source.encode("utf-8")
        return parse_document(raw, "t.yaml").problems, case.where
    path = write_roadmap(*case.edits)
    located = path
    if case.programme is not None:
        located = path.parent / "programme.yaml"
        old, new = case.programme
        located.write_text(located.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    text = located.read_text(encoding="utf-8")
    assert isinstance(case.where, str)
    index = text.index(case.where)
    where = text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)
    return [problem for problem in check_files([path]).problems if problem.file.endswith(located.name)], where


@pytest.mark.parametrize("code", [*YAML_CASES, *ROADMAP_CASES])
def test_a_problem_of_each_code_where_it_is(
    code: str, write_roadmap: WriteRoadmap, monkeypatch: pytest.MonkeyPatch
) -> None:
    if code == "T012":
        monkeypatch.setattr(yamlload, "MAX_NODES", 50)  # in a small file
    problems, where = problems_of({**YAML_CASES, **ROADMAP_CASES}[code], write_roadmap)
    assert (code, *where) in [(problem.code, problem.line, problem.column) for problem in problems], problems


def test_anything_else_the_schema_refuses_is_t100() -> None:
    """No keyword of the packaged schemas is left to the fallback: it is tried with one they do not use."""
    from jsonschema import Draft202012Validator

    doc = parse_document(b"3\n", "t.yaml")
    [error] = Draft202012Validator({"multipleOf": 2}).iter_errors(doc.data)
    assert [(problem.code, problem.line, problem.column) for problem in _explain(doc, error)] == [("T100", 1, 1)]


def test_every_code_has_a_case() -> None:
    assert sorted([*YAML_CASES, *ROADMAP_CASES, "T100"]) == sorted(CODES)


# --- --select and --ignore ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["T201"], ("T201",)),
        (["t2", "T1"], ("T2", "T1")),
        (["T201,T013", " T1 "], ("T201", "T013", "T1")),
        (["T201,"], ("T201",)),
        (["unknown-reference"], ("T201",)),
        (["T"], ("T",)),
    ],
)
def test_code_prefixes(values: list[str], expected: tuple[str, ...]) -> None:
    assert code_prefixes(values, "--ignore") == expected


@pytest.mark.parametrize(
    ("value", "suggested"),
    [
        ("T999", None),
        ("T4", None),
        ("X201", None),
        ("unknown-refrence", "unknown-reference"),
        ("T2O1", None),
        ("unsafe", None),
    ],
)
def test_a_code_that_is_no_code_is_a_usage_error(value: str, suggested: str | None) -> None:
    with pytest.raises(UsageError) as raised:
        code_prefixes(["T201", value], "--select")
    assert raised.value.message.startswith(f"--select {value!r} is no rule code")
    if suggested:
        assert raised.value.message.endswith(f"(did you mean {suggested!r}?)")


@pytest.mark.parametrize(
    ("select", "ignore", "shown"),
    [
        ((), (), {"T010", "T101", "T201", "T213", "T301"}),
        (("T2",), (), {"T201", "T213"}),
        (("T2", "T010"), ("T213",), {"T010", "T201"}),
        ((), ("T2", "T3"), {"T010", "T101"}),
        (("T201",), ("T2",), set()),  # an ignored prefix wins
    ],
)
def test_code_filter(select: tuple[str, ...], ignore: tuple[str, ...], shown: set[str]) -> None:
    codes = CodeFilter(select, ignore)
    assert {code for code in ("T010", "T101", "T201", "T213", "T301") if codes.shows(code)} == shown


# --- the README ---------------------------------------------------------------------------------


def readme_table() -> list[str]:
    """The rows of the README's table of rule codes, as the table in ``codes.py`` makes them."""
    return [f"| `{code.id}` | `{code.name}` | {code.severity} | {code.summary} |" for code in CODES.values()]


def test_the_readme_lists_every_code_as_the_table_says() -> None:
    """On failure, the rows to paste into the README are printed."""
    _, heading, section = README.read_text(encoding="utf-8").partition("\n## Rule codes\n")
    rows = [line for line in section.split("\n## ", 1)[0].splitlines() if line.startswith("| `T")]
    expected = readme_table()
    print("The README's rule codes should read:\n" + "\n".join(expected))
    assert heading
    assert rows == expected
