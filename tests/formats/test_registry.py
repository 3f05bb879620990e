"""The output registry: every format of every family renders, and the command line offers exactly the registry.

A new format is one entry in formats/registry.py; the tests here then render it
(and its family's sample must exist), and check that the command that shows
that family offers it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import typer

from conftest import FIXTURES, Run
from support import browser_installed
from twins_cli.catalog.load import load_catalog
from twins_cli.catalog.where import describe
from twins_cli.check.validate import check_files
from twins_cli.cli.app import app
from twins_cli.files.locate import RoadmapsLocation
from twins_cli.formats.briefing import briefing
from twins_cli.formats.detail import proposal_detail
from twins_cli.formats.listing import proposals_listing
from twins_cli.formats.pair import programme_detail
from twins_cli.formats.registry import (
    CHANGES,
    CONTACTS,
    DETAIL,
    EXPORT,
    FAMILIES,
    LISTING,
    MILESTONES,
    PROGRAMME,
    REPORT,
    STATUS,
    TIMELINE,
    VALIDATION,
    WHERE,
    Dates,
    Family,
    Format,
    Page,
    People,
    Sheets,
    Timeline,
    either,
)
from twins_cli.formats.timeline import build_chart
from twins_cli.formats.workbook import every_listing
from twins_cli.model.records import Catalog
from twins_cli.query.attention import Options, check_status
from twins_cli.query.compare import diff_roadmaps
from twins_cli.query.contacts import all_contacts
from twins_cli.query.events import events
from twins_cli.query.find import find_proposal
from twins_cli.query.proposals import ProposalQuery, select_proposals

QUERY = FIXTURES / "query"
DAY = date(2024, 6, 1)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(RoadmapsLocation(QUERY, "test"))


def _page(catalog: Catalog) -> Page:
    proposal = find_proposal(catalog, "alpha-beta/P1")
    related = [event for event in events(catalog, (proposal.pair,)) if event.proposal == proposal.id]
    contacts = all_contacts(catalog, (), (proposal.pair,))
    return Page(*proposal_detail(catalog.roadmap(proposal.pair), proposal, contacts, related, DAY))


# One small subject per family, from the test fixtures: what that family's command renders.
SAMPLES: dict[str, Callable[[Catalog], Any]] = {
    "listing": lambda catalog: proposals_listing(catalog, select_proposals(catalog, ProposalQuery()), DAY),
    "contacts": lambda catalog: People(all_contacts(catalog, (), ()), "Contacts", sheet=False),
    "milestones": lambda catalog: Dates(catalog, events(catalog, ()), "All dates", "", DAY),
    "detail": _page,
    "programme": lambda catalog: Page(*programme_detail(catalog)),
    "validation": lambda _: check_files([FIXTURES / "broken" / "alpha-beta.yaml"]),
    "changes": lambda _: diff_roadmaps(str(FIXTURES / "diff" / "old"), str(FIXTURES / "diff" / "new"), QUERY),
    "report": lambda catalog: briefing(catalog, list(catalog.roadmaps), DAY),
    "where": lambda _: describe(QUERY),
    "status": lambda catalog: check_status(catalog, Options(DAY, "12m", "90d", 4)),
    "timeline": lambda catalog: Timeline(build_chart(catalog, (), DAY), "Proposal timelines"),
    "export": lambda catalog: Sheets("Roadmaps", every_listing(catalog, DAY)),
}

MAGIC = {"xlsx": b"PK\x03\x04", "pdf": b"%PDF-"}  # how each binary format's files begin
EVERY_FORMAT = [pytest.param(family, each, id=f"{family.name}-{each.name}") for family in FAMILIES for each in family]


def test_every_family_has_a_sample_and_a_unique_name() -> None:
    assert sorted(SAMPLES) == sorted(family.name for family in FAMILIES)


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.name)
def test_format_names_are_unique_in_a_family(family: Family) -> None:
    assert len(set(family.names)) == len(family.names)
    assert family.default is family.formats[0]


@pytest.mark.parametrize(("family", "chosen"), EVERY_FORMAT)
def test_every_format_renders_its_familys_sample(
    family: Family,
    chosen: Format,
    catalog: Catalog,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    if chosen.name == "pdf" and not browser_installed():
        pytest.skip("no Chromium or Chrome to print with")
    subject = SAMPLES[family.name](catalog)
    capsys.readouterr()
    text = chosen.render(subject)
    drawn = capsys.readouterr().out
    if chosen.screen:  # drawn on the terminal (here plain text, as when piped)
        assert text is None
        assert drawn.strip()
        return
    assert drawn == ""  # an export is returned, for stdout or --output, never printed
    if chosen.binary:  # a workbook (a zip archive) or a PDF (printed by a browser)
        assert isinstance(text, bytes)
        assert text.startswith(MAGIC[chosen.name])
        return
    assert isinstance(text, str)
    assert text.strip()
    if chosen.name == "json":
        json.loads(text)
    if chosen.name == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) > 1
        assert {len(row) for row in rows} == {len(rows[0])}


# --- the command line offers what the registry has -------------------------------------------------

# The family each command with --format shows.
COMMANDS = {
    "validate": VALIDATION,
    "list": LISTING,
    "pairs": LISTING,
    "themes": LISTING,
    "orgs": LISTING,  # with an ID, the page: table as text, json as json
    "agreements": LISTING,
    "show": DETAIL,
    "programme": PROGRAMME,
    "contacts": CONTACTS,
    "milestones": MILESTONES,
    "report": REPORT,
    "status": STATUS,
    "timeline": TIMELINE,
    "where": WHERE,
    "diff": CHANGES,
    "export": EXPORT,
}


def _format_options() -> dict[str, Any]:
    """Each command's --format option, as Click has it."""
    group: Any = typer.main.get_command(app)
    found = {}
    for name, command in group.commands.items():
        for param in command.params:
            if "--format" in param.opts:
                found[name] = param
    return found


def test_the_command_line_offers_exactly_the_registrys_formats() -> None:
    options = _format_options()
    assert sorted(options) == sorted(COMMANDS)
    for name, option in options.items():
        family = COMMANDS[name]
        assert [str(choice) for choice in option.type.choices] == family.names, name
        assert option.help == family.help(), name
        assert option.default is family.default, name


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_format_is_accepted_and_reaches_the_command(name: str) -> None:
    option = _format_options()[name]
    for each in COMMANDS[name]:
        assert option.type.convert(each.name, option, None) is each


def test_help_says_the_formats() -> None:
    assert LISTING.help() == (
        "table (plain text when piped or with NO_COLOR), json, csv "
        "or xlsx (a spreadsheet workbook, for --output or a pipe)."
    )
    assert CONTACTS.exports() == "json, csv, xlsx or vcard"
    assert TIMELINE.exports() == "mermaid"
    assert [either(["a"]), either(["a", "b"]), either(["a", "b", "c"])] == ["a", "a or b", "a, b or c"]


def test_an_unknown_format_is_one_line_with_did_you_mean(run: Run) -> None:
    result = run("contacts", "--format", "vcrd")
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("twins: ")
    assert "'vcrd' is not one of: table, json, csv, xlsx, vcard (did you mean 'vcard'?)" in line
    assert line.endswith(" — see twins contacts --help")


def test_a_format_far_from_any_gets_no_guess(run: Run) -> None:
    result = run("diff", "a", "b", "--format", "xml")
    assert result.exit_code == 2
    assert "'xml' is not one of: text, markdown, json — see twins diff --help" in result.stderr


# Commands with --output whose family has a screen format, with the arguments they need.
OUTPUT_COMMANDS = {
    "list": (),
    "pairs": (),
    "themes": (),
    "show": ("alpha-beta/P1",),
    "contacts": (),
    "milestones": ("--all",),
    "timeline": (),
}


@pytest.mark.parametrize("name", sorted(OUTPUT_COMMANDS))
def test_output_refuses_a_screen_format_and_names_the_exports(run: Run, tmp_path: Path, name: str) -> None:
    family = COMMANDS[name]
    result = run("--roadmaps", str(QUERY), name, *OUTPUT_COMMANDS[name], "--output", "out")
    assert result.exit_code == 2
    assert f"--output saves an export, not a {family.default.name} — add --format {family.exports()}" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", [*sorted(OUTPUT_COMMANDS), "report"])
def test_output_saves_each_export(run: Run, tmp_path: Path, name: str) -> None:
    for each in COMMANDS[name]:
        if each.screen or (each.name == "pdf" and not browser_installed()):
            continue
        target = tmp_path / f"out.{each.name}"
        result = run("--roadmaps", str(QUERY), name, *OUTPUT_COMMANDS.get(name, ()), "-f", each.name, "-o", str(target))
        assert result.exit_code == 0, result.stderr
        assert result.stdout == ""
        if each.binary:
            assert target.read_bytes().startswith(MAGIC[each.name])
        else:
            assert target.read_text(encoding="utf-8").strip()
