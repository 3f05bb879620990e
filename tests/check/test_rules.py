"""Schema problems and every rule of rules.RULES, on broken copies of the valid fixture.

Each test edits one line of tests/fixtures/valid/alpha-beta.yaml (through the ``write_roadmap``
fixture), runs ``check_files`` and checks where each problem is reported: the line and column
are found in the edited text, never hard-coded.
"""

from __future__ import annotations

import inspect
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from twins_cli.check import rules
from twins_cli.check.validate import check_files

if TYPE_CHECKING:
    from conftest import WriteRoadmap
    from twins_cli.problems import Problem


@dataclass
class Checked:
    """The problems found in an edited roadmap, and its text to locate them in."""

    problems: list[Problem]
    text: str

    def at(self, fragment: str, occurrence: int = 1) -> tuple[int, int]:
        """Line and column (1-based) where ``fragment`` starts, counting occurrences from 1."""
        index = -1
        for _ in range(occurrence):
            index = self.text.index(fragment, index + 1)
        line_start = self.text.rfind("\n", 0, index) + 1
        return self.text.count("\n", 0, index) + 1, index - line_start + 1

    def line(self, fragment: str, occurrence: int = 1) -> int:
        return self.at(fragment, occurrence)[0]

    def only(self) -> Problem:
        assert len(self.problems) == 1, "\n".join(problem.format() for problem in self.problems)
        return self.problems[0]


Check = Callable[..., Checked]


@pytest.fixture
def check(write_roadmap: WriteRoadmap) -> Check:
    """``check((old, new), ...)``: the problems of the valid roadmap with those edits."""

    def run(*edits: tuple[str, str], name: str = "alpha-beta") -> Checked:
        path = write_roadmap(*edits, name=name)
        return Checked(check_files([path]).problems, path.read_text(encoding="utf-8"))

    return run


def assert_one(code: str, checked: Checked, where: str, message: str, path: str) -> None:
    """Exactly one problem, of ``code``: at ``where``'s line and column, at ``path``, saying ``message`` (a hint in it).

    The code and the place are what a problem is; ``message`` is only the part of the sentence
    that the test is about (the name it suggests, the slug to write), never a whole sentence to match.
    """
    problem = checked.only()
    assert (problem.code, problem.line, problem.column) == (code, *checked.at(where))
    assert message in problem.message
    assert problem.dotted_path == path


def test_the_valid_fixture_has_no_problems(check: Check) -> None:
    assert check().problems == []


# --- schema ----------------------------------------------------------------------------------


def test_missing_required_field_is_reported_at_the_record(check: Check) -> None:
    checked = check(("    title: Cyber exchange\n", ""))
    assert_one("T101", checked, "id: P1", "missing required field 'title'", "proposals[0]")


def test_missing_required_field_of_a_mapping_is_reported_at_its_key(check: Check) -> None:
    checked = check(("  name: Alpha–Beta\n", ""))
    assert_one("T101", checked, "pair:", "missing required field 'name'", "pair")


def test_unknown_field_with_did_you_mean(check: Check) -> None:
    checked = check(("    title: Cyber exchange\n", "    titel: Cyber exchange\n"))
    found = {(problem.code, problem.line, problem.column) for problem in checked.problems}
    assert found == {("T101", *checked.at("id: P1")), ("T102", *checked.at("titel"))}
    assert "(did you mean 'title'?)" in next(problem.message for problem in checked.problems if problem.code == "T102")


def test_bad_enum_with_did_you_mean(check: Check) -> None:
    checked = check(("stage: priority", "stage: prority"))
    assert_one(
        "T104",
        checked,
        "prority",
        "(did you mean 'priority'?)",
        "proposals[0].stage",
    )


def test_bad_month_pattern(check: Check) -> None:
    checked = check(("start: 2024-03", "start: 2024-3"))
    assert checked.problems, "a month written 2024-3 must be reported"
    # the schema's explanation comes first; the date rule may add that it is no date at all
    assert [(p.line, p.column) for p in checked.problems] == [checked.at("2024-3")] * len(checked.problems)
    assert checked.problems[0].code == "T105"
    assert "A month as YYYY-MM" in checked.problems[0].message  # the schema's description of the form
    assert checked.problems[0].dotted_path == "proposals[0].timeline.start"


def test_unquoted_number_in_a_text_field_says_to_quote_it(check: Check) -> None:
    checked = check(("tagline: Students meet", "tagline: 012"))
    assert_one(
        "T103", checked, "012", "'012' was read as a number, not text; quote it: \"012\"", "proposals[0].tagline"
    )


@pytest.mark.parametrize(("written", "kind"), [("true", "true/false"), ("1e3", "a number"), ("~", "nothing")])
def test_other_plain_values_in_a_text_field_say_to_quote_them(check: Check, written: str, kind: str) -> None:
    checked = check(("tagline: Students meet", f"tagline: {written}"))
    assert_one("T103", checked, written, f"'{written}' was read as {kind}, not text; quote it", "proposals[0].tagline")


def test_empty_value_in_a_text_field_is_not_told_to_quote_nothing(check: Check) -> None:
    checked = check(("tagline: Students meet", "tagline:"))
    problem = checked.only()
    assert (problem.code, problem.line) == ("T103", checked.line("tagline:"))
    assert "quote" not in problem.message


def test_mapping_with_a_number_key_in_a_text_field(check: Check) -> None:
    checked = check(("  name: Alpha–Beta\n", "  name:\n    1: x\n"))
    found = [(problem.code, problem.line) for problem in checked.problems]
    assert found == [("T021", checked.line("1: x")), ("T103", checked.line("1: x"))]


def test_wrong_type_list_expected(check: Check) -> None:
    checked = check(("leads: [beta-city]", "leads: beta-city"))
    assert_one("T103", checked, "beta-city\nmilestones", "expected a list, got text", "proposals[1].leads")


def test_schema_version_must_be_1(check: Check) -> None:
    checked = check(("schema_version: 1", "schema_version: 2"))
    assert_one("T104", checked, "2\npair:", "must be 1, not 2", "schema_version")


# --- the rules, one by one ---------------------------------------------------------------------


def test_check_pair_id_mismatch(check: Check) -> None:
    checked = check(("  id: alpha-beta\n", "  id: alpha-gamma\n"))
    assert_one(
        "T203",
        checked,
        "alpha-gamma",
        "rename the file to alpha-gamma.yaml",
        "pair.id",
    )


def test_check_pair_id_when_the_file_is_renamed(check: Check) -> None:
    checked = check(name="gamma-delta")
    assert_one("T203", checked, "alpha-beta\n  name:", "pair id 'alpha-beta' does not match the file name", "pair.id")


def test_check_programme_unknown_programme(check: Check) -> None:
    checked = check(("programme: test-programme", "programme: other-programme"))
    assert_one(
        "T204",
        checked,
        "other-programme",
        "programme.yaml defines 'test-programme'",
        "pair.programme",
    )


def test_check_programme_and_check_vocabulary_wait_for_a_valid_programme_file(
    write_roadmap: WriteRoadmap,
) -> None:
    path = write_roadmap(("programme: test-programme", "programme: other"), ("[knowledge-exchange]", "[lecture]"))
    programme = path.parent / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8").replace("schema_version: 1", "schema_version: 3"))
    problems = check_files([path]).problems
    assert [(problem.file.endswith("programme.yaml"), problem.line, problem.code) for problem in problems] == [
        (True, 1, "T104")
    ]


def test_check_unique_ids_duplicate_person(check: Check) -> None:
    checked = check(
        ("    email: kim.lee@beta.example\n", "    email: kim.lee@beta.example\n  - id: ann-smith\n    name: Ann Two\n")
    )
    first = checked.line("id: ann-smith")
    problem = checked.only()
    assert (problem.code, problem.line, problem.column) == ("T202", *checked.at("ann-smith\n    name: Ann Two"))
    assert problem.message.endswith(f"(first at line {first})")
    assert problem.dotted_path == "people[2].id"


def test_check_unique_ids_duplicate_proposal(check: Check) -> None:
    checked = check(("  - id: P2\n", "  - id: P1\n"))
    problem = checked.only()
    assert (problem.code, problem.line, problem.column) == ("T202", *checked.at("P1", occurrence=2))
    assert problem.message.endswith(f"(first at line {checked.line('id: P1')})")


@pytest.mark.parametrize(
    ("old", "new", "where", "message", "path"),
    [
        (
            "leads: [beta-city]",
            "leads: [beta-cty]",
            "beta-cty",
            "unknown organisation 'beta-cty' (did you mean 'beta-city'?)",
            "proposals[1].leads[0]",
        ),
        (
            "contacts: [ann-smith, kim-lee]",
            "contacts: [ann-smith, nobody]",
            "nobody",
            "unknown person 'nobody'",
            "proposals[0].contacts[1]",
        ),
        ("proposal: P1", "proposal: P9", "P9", "unknown proposal 'P9'", "milestones[1].proposal"),
        (
            "represented_by: ann-smith",
            "represented_by: ann-smyth",
            "ann-smyth",
            "unknown person 'ann-smyth' (did you mean 'ann-smith'?)",
            "agreements[0].parties[0].represented_by",
        ),
        ("    place: beta\n", "    place: gamma\n", "gamma", "unknown place 'gamma'", "organisations[1].place"),
        ("  - place: alpha\n", "  - place: alfa\n", "alfa", "unknown place 'alfa'", "snapshots[0].place"),
        (
            "      - organisation: beta-city\n",
            "      - organisation: gamma-city\n",
            "gamma-city",
            "unknown organisation 'gamma-city'",
            "agreements[0].parties[1].organisation",
        ),
        (
            "    organisation: beta-city\n    email",
            "    organisation: beta-town\n    email",
            "beta-town",
            "unknown organisation 'beta-town'",
            "people[1].organisation",
        ),
        ("contacts: [ann-smith]\n", "contacts: [ann-smit]\n", "ann-smit]", "unknown person 'ann-smit'", "contacts[0]"),
    ],
)
def test_check_references_unknown_ids(check: Check, old: str, new: str, where: str, message: str, path: str) -> None:
    assert_one("T201", check((old, new)), where, message, path)


def test_check_references_names_no_far_fetched_suggestion(check: Check) -> None:
    problem = check(("contacts: [ann-smith, kim-lee]", "contacts: [ann-smith, nobody]")).only()
    assert problem.code == "T201"
    assert "did you mean" not in problem.message


def test_check_vocabulary_unknown_theme(check: Check) -> None:
    checked = check(("themes: [cybersecurity, net-zero]", "themes: [cybersecurity, net-zero, space]"))
    assert_one(
        "T205", checked, "space", "unknown theme 'space'; known: cybersecurity, net-zero", "proposals[0].themes[2]"
    )


def test_check_vocabulary_misspelt_theme(check: Check) -> None:
    checked = check(("themes: [cybersecurity, net-zero]", "themes: [cybersecurty, net-zero]"))
    assert_one(
        "T205",
        checked,
        "cybersecurty",
        "(did you mean 'cybersecurity'?)",
        "proposals[0].themes[0]",
    )


def test_check_vocabulary_alias_asks_for_the_slug(check: Check) -> None:
    checked = check(("themes: [cybersecurity, net-zero]", "themes: [cyber, net-zero]"))
    assert_one(
        "T205", checked, "cyber,", "unknown theme 'cyber'; write its slug 'cybersecurity'", "proposals[0].themes[0]"
    )


@pytest.mark.parametrize("name", ["Cybersecurity", "cyber security"])
def test_check_vocabulary_label_or_spaced_alias_asks_for_the_slug(check: Check, name: str) -> None:
    # not slug-shaped either, so the schema complains too; the vocabulary names the slug to write
    checked = check(("themes: [cybersecurity, net-zero]", f"themes: ['{name}', net-zero]"))
    assert {(problem.line, problem.column) for problem in checked.problems} == {checked.at(f"'{name}'")}
    [unknown] = [problem for problem in checked.problems if problem.code == "T205"]
    assert unknown.message.endswith("; write its slug 'cybersecurity'")


def test_check_vocabulary_unknown_type(check: Check) -> None:
    checked = check(("types: [knowledge-exchange]", "types: [lecture]"))
    assert_one("T205", checked, "lecture", "unknown type 'lecture'", "proposals[0].types[0]")


def test_check_inferred_subsets_proposal(check: Check) -> None:
    checked = check(("themes: [cybersecurity, net-zero]", "themes: [cybersecurity]"))
    assert_one(
        "T206",
        checked,
        "net-zero]",
        "not in themes",
        "proposals[0].inferred.themes[0]",
    )


def test_check_inferred_subsets_agreement(check: Check) -> None:
    checked = check(
        (
            "    valid_until: 2025-08-06\n",
            "    valid_until: 2025-08-06\n    themes_inferred: [net-zero]\n    inference_reason: Mapped.\n",
        )
    )
    assert_one(
        "T206",
        checked,
        "net-zero]\n    inference_reason",
        "not in themes",
        "agreements[0].themes_inferred[0]",
    )


@pytest.mark.parametrize(
    ("old", "new", "where", "message", "path"),
    [
        (
            "      reason: Read from the proposal's text.\n",
            "",
            "themes: [net-zero]\n  - id: P2",
            "themes is marked without its reason",
            "proposals[0].inferred.themes",
        ),
        (
            "    proposal: P1\n",
            "    proposal: P1\n    proposal_inferred: true\n",
            "proposal_inferred",
            "proposal_inferred is marked without its inference_reason",
            "milestones[1].proposal_inferred",
        ),
        (
            "      - organisation: beta-city\n",
            "      - organisation: beta-city\n        inferred: true\n",
            "inferred: true",
            "inferred is marked without its inference_reason",
            "agreements[0].parties[1].inferred",
        ),
        (
            "    valid_until: 2025-08-06\n",
            "    valid_until: 2025-08-06\n    themes: [net-zero]\n    themes_inferred: [net-zero]\n",
            "themes_inferred",
            "themes_inferred is marked without its inference_reason",
            "agreements[0].themes_inferred",
        ),
        (
            "      value: 1000\n",
            "      value: 1000\n    gdp_per_head: {value: 5, currency: USD, currency_inferred: true}\n",
            "currency_inferred",
            "currency_inferred is marked without its inference_reason",
            "snapshots[0].gdp_per_head.currency_inferred",
        ),
        (
            "    role: Director\n    organisation: alpha-council\n",
            "    role: Director\n    organisation: alpha-council\n    organisation_inferred: true\n",
            "organisation_inferred",
            "organisation_inferred is marked without its inference_reason",
            "people[0].organisation_inferred",
        ),
    ],
)
def test_check_inference_reasons_a_mark_needs_its_reason(
    check: Check, old: str, new: str, where: str, message: str, path: str
) -> None:
    assert_one("T214", check((old, new)), where, message, path)


@pytest.mark.parametrize(
    "marks",
    ["    proposal_inferred: false\n", "    proposal_inferred: true\n    inference_reason: Matched by its title.\n"],
)
def test_check_inference_reasons_accepts_a_false_mark_or_a_reason(check: Check, marks: str) -> None:
    assert check(("    proposal: P1\n", f"    proposal: P1\n{marks}")).problems == []


@pytest.mark.parametrize(
    ("old", "new", "where", "message", "path"),
    [
        (
            "signed: 2023-08-07",
            "signed: 2023-02-30",
            "2023-02-30",
            "'2023-02-30' is not a real date: February 2023 has no day 30",
            "agreements[0].signed",
        ),
        (
            "published: 2024-04",
            "published: 2024-13",
            "2024-13",
            "'2024-13' is not a real date: there is no month 13",
            "pair.roadmap.published",
        ),
        (
            "date: Early 2025",
            "date: '0000'",
            "'0000'",
            "'0000' is not a real date: there is no year 0",
            "milestones[1].date",
        ),
    ],
)
def test_check_dates_impossible_dates(check: Check, old: str, new: str, where: str, message: str, path: str) -> None:
    assert_one("T207", check((old, new)), where, message, path)


def test_check_dates_year_zero_beside_another_date_does_not_crash(check: Check) -> None:
    checked = check(("signed: 2023-08-07", "signed: '0000'"))
    assert_one("T207", checked, "'0000'", "there is no year 0", "agreements[0].signed")


def test_check_date_order_end_before_start(check: Check) -> None:
    checked = check(("end: 2025-03", "end: 2023-03"))
    assert_one(
        "T208",
        checked,
        "2023-03",
        "finishes (March 2023) before it starts (March 2024)",
        "proposals[0].timeline.end",
    )


def test_check_date_order_allows_a_one_month_timeline(check: Check) -> None:
    assert check(("end: 2025-03", "end: 2024-03")).problems == []


def test_check_date_order_valid_until_before_signed(check: Check) -> None:
    checked = check(("valid_until: 2025-08-06", "valid_until: 2023-08-06"))
    assert_one(
        "T208",
        checked,
        "2023-08-06",
        "is valid until 6 August 2023, before it was signed (7 August 2023)",
        "agreements[0].valid_until",
    )


@pytest.mark.parametrize("email", ["kim.lee@beta", "kim.lee.beta.example", "kim lee@beta.example", "@beta.example"])
def test_check_emails_malformed(check: Check, email: str) -> None:
    checked = check(("email: kim.lee@beta.example", f"email: '{email}'"))
    assert_one("T209", checked, f"'{email}'", f"'{email}' is not a well-formed e-mail address", "people[1].email")


def test_check_emails_same_address_twice_ignoring_case(check: Check) -> None:
    checked = check(("email: kim.lee@beta.example", "email: Ann.Smith@ALPHA.example"))
    assert_one(
        "T210",
        checked,
        "Ann.Smith@ALPHA.example",
        f"(line {checked.line('ann.smith@')})",
        "people[1].email",
    )


def test_check_publication_generic_mark_without_an_address(check: Check) -> None:
    checked = check(("    email: kim.lee@beta.example\n", "    email_generic: true\n"))
    assert_one("T215", checked, "email_generic", "has no email", "people[1].email_generic")


def test_check_publication_same_name_withheld_in_one_record_only(check: Check) -> None:
    checked = check(
        ("    email: ann.smith@alpha.example\n", "    email: ann.smith@alpha.example\n    publication: withhold\n"),
        ("    name: Kim Lee\n", "    name: ann  SMITH\n"),
    )
    assert_one("T215", checked, "ann  SMITH", f"at line {checked.line('- id: ann-smith')}", "people[1].name")


def test_check_publication_consistent_marks_are_valid(check: Check) -> None:
    checked = check(
        ("    email: ann.smith@alpha.example\n", "    email: ann.smith@alpha.example\n    publication: withhold\n"),
        ("    name: Kim Lee\n", "    name: Ann Smith\n    publication: withhold\n"),
        ("    email: kim.lee@beta.example\n", "    email: kim.lee@beta.example\n    email_generic: true\n"),
    )
    assert checked.problems == []


def test_check_sources_unlisted_source(check: Check) -> None:
    checked = check(
        ("    published: 2024-04\n    source: roadmap.txt\n", "    published: 2024-04\n    source: roadmap.text\n")
    )
    assert_one(
        "T211",
        checked,
        "roadmap.text",
        "(did you mean 'roadmap.txt'?)",
        "pair.roadmap.source",
    )


def test_check_sources_milestone_source(check: Check) -> None:
    checked = check(("    date: 2024-04\n    source: roadmap.txt\n", "    date: 2024-04\n    source: minutes.txt\n"))
    assert_one(
        "T211", checked, "minutes.txt", "source 'minutes.txt' is not listed under sources", "milestones[0].source"
    )


def test_check_text_escape_in_a_title(check: Check) -> None:
    checked = check(("    title: Cyber exchange\n", '    title: "Cyber \\e[31mexchange"\n'))
    assert_one(
        "T213",
        checked,
        '"Cyber',
        "U+001B ESCAPE",
        "proposals[0].title",
    )


def test_check_text_direction_override_and_a_line_break_outside_prose(check: Check) -> None:
    checked = check(("    name: Kim Lee\n", '    name: "Kim \\u202eeeL"\n'))
    assert_one(
        "T213",
        checked,
        '"Kim',
        "U+202E RIGHT-TO-LEFT OVERRIDE",
        "people[1].name",
    )
    checked = check(("    tagline: Students meet\n", '    tagline: "Students\\nmeet"\n'))
    assert_one(
        "T213",
        checked,
        '"Students',
        "U+000A LINE FEED",
        "proposals[0].tagline",
    )
    assert checked.only().message.endswith(
        "(only roadmap.summary, description, vision and ambition.text may hold line breaks)"
    )
    assert check(("    stage: priority\n", '    description: "Two\\nlines"\n    stage: priority\n')).problems == []


# --- progress records (issue 7) -----------------------------------------------------------------

AFTER_P1 = "      themes: [net-zero]\n  - id: P2"
PROGRESS = """      themes: [net-zero]
    progress:
      status: active
      as_of: 2024-09-30
      actual_start: 2024-04
      notes:
        - date: 2024-09-30
          text: First exchange held
          source: roadmap.txt
        - date: 2024-10-01
          text: Reported online
          source: https://alpha.example/news
  - id: P2"""
HAPPENED = "    proposal: P1\n    happened: true\n    happened_on: 2025-02\n    evidence: roadmap.txt\n"


def test_progress_records_that_are_right_have_no_problems(check: Check) -> None:
    checked = check(
        (AFTER_P1, PROGRESS),
        ("    proposal: P1\n", HAPPENED),
        ("schema_version: 1\n", "schema_version: 1\nupdated: 2025-01-31\n"),
    )
    assert checked.problems == []


def test_progress_status_must_be_known(check: Check) -> None:
    checked = check((AFTER_P1, PROGRESS.replace("status: active", "status: activ")))
    assert_one(
        "T104",
        checked,
        "activ\n",
        "proposed, active, completed, paused, withdrawn",
        "proposals[0].progress.status",
    )


@pytest.mark.parametrize(
    ("old", "new", "where", "path"),
    [
        ("as_of: 2024-09-30", "as_of: 2024-09-31", "2024-09-31", "proposals[0].progress.as_of"),
        ("actual_start: 2024-04", "actual_start: 2024-13", "2024-13", "proposals[0].progress.actual_start"),
        ("- date: 2024-10-01", "- date: 2024-02-30", "2024-02-30", "proposals[0].progress.notes[1].date"),
    ],
)
def test_check_dates_in_progress_records(check: Check, old: str, new: str, where: str, path: str) -> None:
    checked = check((AFTER_P1, PROGRESS.replace(old, new)))
    assert_one("T207", checked, where, "is not a real date", path)


def test_check_dates_updated_and_happened_on(check: Check) -> None:
    checked = check(
        ("schema_version: 1\n", "schema_version: 1\nupdated: 2025-02-29\n"),
        ("    proposal: P1\n", HAPPENED.replace("2025-02", "2025-00")),
    )
    assert [(p.code, p.dotted_path) for p in checked.problems] == [
        ("T207", "updated"),
        ("T207", "milestones[1].happened_on"),
    ]
    assert [p.message.split(": ")[1] for p in checked.problems] == [
        "February 2025 has no day 29",
        "there is no month 0",
    ]


def test_check_date_order_actual_end_before_actual_start(check: Check) -> None:
    checked = check(
        (
            AFTER_P1,
            PROGRESS.replace(
                "      actual_start: 2024-04\n", "      actual_start: 2024-04\n      actual_end: 2024-02\n"
            ),
        )
    )
    assert_one(
        "T208",
        checked,
        "2024-02\n",
        "finished (February 2024) before it started (April 2024)",
        "proposals[0].progress.actual_end",
    )


def test_check_sources_progress_note_and_evidence(check: Check) -> None:
    checked = check(
        (AFTER_P1, PROGRESS.replace("source: roadmap.txt", "source: minutes.txt")),
        ("    proposal: P1\n", HAPPENED.replace("evidence: roadmap.txt", "evidence: roadmap.text")),
    )
    assert [(p.code, p.dotted_path) for p in checked.problems] == [
        ("T211", "proposals[0].progress.notes[0].source"),
        ("T211", "milestones[1].evidence"),
    ]
    assert checked.problems[1].message.endswith("(did you mean 'roadmap.txt'?)")


@pytest.mark.parametrize(
    ("happened", "said"), [("    happened: false\n", "happened: false"), ("", "no happened: true")]
)
def test_check_happened_on_needs_happened_true(check: Check, happened: str, said: str) -> None:
    checked = check(("    proposal: P1\n", f"    proposal: P1\n{happened}    happened_on: 2025-02\n"))
    assert_one(
        "T212",
        checked,
        "2025-02\n",
        f"happened_on is given but the milestone has {said}; set happened: true",
        "milestones[1].happened_on",
    )


# --- several problems ----------------------------------------------------------------------------


def test_three_independent_mistakes_are_all_reported_in_line_order(check: Check) -> None:
    checked = check(
        ("leads: [beta-city]", "leads: [beta-cty]"),  # last in the file
        ("signed: 2023-08-07", "signed: 2023-02-30"),  # first
        ("stage: priority", "stage: prority"),  # in between
    )
    found = [(problem.line, problem.column) for problem in checked.problems]
    assert found == [checked.at("2023-02-30"), checked.at("prority"), checked.at("beta-cty")]
    assert found == sorted(found)
    assert [problem.code for problem in checked.problems] == ["T207", "T104", "T201"]


def test_programme_problems_come_before_roadmap_problems(write_roadmap: WriteRoadmap) -> None:
    path = write_roadmap(("stage: priority", "stage: prority"))
    programme = path.parent / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8") + "extra: 1\n", encoding="utf-8")
    problems = check_files([path]).problems
    assert [(Path(problem.file).name, problem.code) for problem in problems] == [
        ("programme.yaml", "T102"),
        ("alpha-beta.yaml", "T104"),
    ]
    assert problems[0].path == ("extra",)


def test_the_programme_file_beside_the_roadmap_governs_it(write_roadmap: WriteRoadmap, tmp_path: Path) -> None:
    path = write_roadmap(directory=tmp_path / "first")
    elsewhere = tmp_path / "second"
    elsewhere.mkdir()
    shutil.copyfile(path, elsewhere / "alpha-beta.yaml")  # no programme.yaml here: the built-in one applies
    problems = check_files([elsewhere / "alpha-beta.yaml"]).problems
    [unknown] = [problem for problem in problems if problem.code == "T204"]
    assert unknown.message.endswith("programme.yaml defines 'uk-kr-innovation-twins'")


# --- every rule has a test ---------------------------------------------------------------------


def test_every_rule_is_tested_in_this_file() -> None:
    own_text = Path(__file__).read_text(encoding="utf-8")
    untested = [rule.__name__ for rule in rules.RULES if f"def test_{rule.__name__}" not in own_text]
    assert untested == []


def test_every_check_function_is_a_rule() -> None:
    defined = {
        name
        for name, function in inspect.getmembers(rules, inspect.isfunction)
        if name.startswith("check_") and function.__module__ == rules.__name__
    }
    assert defined - {"check_roadmap"} == {rule.__name__ for rule in rules.RULES}
