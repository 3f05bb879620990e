"""select_contacts, the event filters (between, of_kinds, is_overdue) and recorded progress, without the CLI."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import FIXTURES
from twins_cli.catalog.load import load_catalog
from twins_cli.errors import ExitCode, UsageError
from twins_cli.files.locate import RoadmapsLocation
from twins_cli.model.records import Catalog
from twins_cli.query.contacts import all_contacts, select_contacts
from twins_cli.query.events import KINDS, between, bounded, events, is_overdue, of_kinds, of_proposals
from twins_cli.query.find import find_proposal
from twins_cli.query.proposals import ProposalQuery


@pytest.fixture(scope="module")
def sample() -> Catalog:
    return load_catalog(RoadmapsLocation(FIXTURES / "sample", "test"))


@pytest.fixture(scope="module")
def status() -> Catalog:
    return load_catalog(RoadmapsLocation(FIXTURES / "status", "test"))


def test_no_proposal_filter_is_everyone(sample: Catalog) -> None:
    assert select_contacts(sample, ProposalQuery()) == all_contacts(sample)
    severn = ("severn-bora",)
    assert select_contacts(sample, ProposalQuery(pairs=severn)) == all_contacts(sample, pairs=severn)
    # the sort order of list does not make a filter
    assert select_contacts(sample, ProposalQuery(sort="title")) == all_contacts(sample)


def test_ids_and_query_intersect(sample: Catalog) -> None:
    found = select_contacts(sample, ProposalQuery(stage="future"), ids=("P5", "P12"))
    assert {proposal for contact in found for proposal in contact.proposals} == {"kingsport-hanbit/P12"}


def test_between_is_unbounded_on_none(sample: Catalog) -> None:
    everything = events(sample)
    assert between(everything, None, None) == everything
    early = between(everything, None, date(2024, 2, 29))
    assert [event.title for event in early] == ["P5 Cyber Lab starts"]


def test_of_kinds(sample: Catalog) -> None:
    everything = events(sample)
    assert of_kinds(everything, ()) == everything
    assert {event.kind for event in of_kinds(everything, (" Milestone ",))} == {"milestone"}
    assert {event.kind for event in of_kinds(everything, KINDS)} == set(KINDS)
    with pytest.raises(UsageError) as caught:
        of_kinds(everything, ("deadline",))
    assert caught.value.exit_code == ExitCode.USAGE


def test_recorded_and_overdue(status: Catalog) -> None:
    by_title = {event.title: event for event in events(status)}
    assert by_title["Kick-off"].recorded  # happened: true
    assert not by_title["Site visit"].recorded
    assert by_title["P3 Done and recorded finishes"].recorded  # completed
    assert by_title["P4 Still going starts"].recorded  # active: it started
    assert not by_title["P4 Still going finishes"].recorded
    on = date(2026, 1, 1)
    assert is_overdue(by_title["Site visit"], on)
    assert not is_overdue(by_title["Kick-off"], on)
    assert not is_overdue(by_title["Site visit"], date(2024, 9, 30))  # September 2024 is not yet over
    expiries = [event for event in events(status) if event.kind == "agreement-expiry"]
    assert expiries and not any(is_overdue(event, date(9999, 1, 1)) for event in expiries)


def test_bounded_starts_at_as_of_unless_told(sample: Catalog) -> None:
    everything = events(sample)
    on = date(2025, 5, 1)
    assert bounded(everything, on, None, None, overdue=False, every=False) == between(everything, on, None)
    assert bounded(everything, on, None, None, overdue=False, every=True) == everything
    from_start = bounded(everything, on, date(2024, 6, 1), date(2024, 6, 30), overdue=False, every=False)
    assert [event.title for event in from_start] == ["Hanbit Cyber Security HackTheon"]
    late = bounded(everything, on, None, None, overdue=True, every=False)
    assert late and all(event.date.last_day < on and not event.recorded for event in late)


def test_of_proposals(sample: Catalog) -> None:
    p5 = find_proposal(sample, "P5")
    assert {event.proposal for event in of_proposals(events(sample), [p5])} == {"P5"}
    assert of_proposals(events(sample), []) == []
