"""``twins list`` over roadmaps read one at a time: the same answer as over the whole catalog, in bounded memory."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES, SAMPLE, Run
from support import LISTING_DAY, copies, peak_bytes, streamed_listing, whole_listing
from twins_cli.catalog.load import load_catalog, read_roadmaps
from twins_cli.errors import InvalidDataError
from twins_cli.files.locate import RoadmapsLocation
from twins_cli.formats.data import to_csv, to_json
from twins_cli.formats.listing import Listing, proposals_listing, streamed_proposals_listing
from twins_cli.formats.table import plain_table
from twins_cli.query.proposals import ProposalQuery, select_proposals, streamed_selection

QUERIES = (
    ProposalQuery(),
    ProposalQuery(themes=("cybersecurity",)),
    ProposalQuery(stage="future", sort="title"),
    ProposalQuery(sort="start"),
    ProposalQuery(sort="END"),
    ProposalQuery(active_on=date(2024, 6, 1)),
    ProposalQuery(search="zzz-nothing-matches"),
)
RENDERERS: tuple[Callable[[Listing], str], ...] = (plain_table, lambda listing: to_json(listing.rows), to_csv)


@pytest.mark.parametrize("cached", [True, False], ids=["cache", "no-cache"])
@pytest.mark.parametrize("folder", [SAMPLE, FIXTURES / "query", FIXTURES / "inferred"], ids=lambda f: f.name)
@pytest.mark.parametrize("query", QUERIES, ids=str)
def test_streamed_list_is_the_whole_catalogs_byte_for_byte(
    folder: Path, query: ProposalQuery, cached: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not cached:
        monkeypatch.setenv("TWINS_NO_CACHE", "1")
    expected, found = whole_listing(folder, query), streamed_listing(folder, query)
    for render in RENDERERS:
        assert render(found) == render(expected)
    assert found.notes == expected.notes


def test_a_roadmap_checked_now_takes_its_place_in_file_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cached roadmaps come first from the stream; the listing still follows the files' order."""
    monkeypatch.setenv("TWINS_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "roadmaps"
    shutil.copytree(SAMPLE, folder)
    whole_listing(folder, ProposalQuery())  # everything cached
    first = folder / "kingsport-hanbit.yaml"
    first.write_text(first.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")  # checked again
    positions = [position for position, _roadmap in read_roadmaps(RoadmapsLocation(folder, "test")).found()]
    assert positions[-1] == 0  # kingsport-hanbit, the first file, came last
    for render in RENDERERS:
        assert render(streamed_listing(folder, ProposalQuery())) == render(whole_listing(folder, ProposalQuery()))


def test_the_cli_lists_the_same_rows_as_the_whole_catalog(run: Run) -> None:
    result = run("list", "--format", "json", "--as-of", LISTING_DAY.isoformat())
    assert result.exit_code == 0
    assert result.stdout == to_json(whole_listing(SAMPLE, ProposalQuery()).rows)


def test_memory_stays_flat_as_the_portfolio_grows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten times the roadmaps, about the same memory: the stream holds a roadmap at a time, not the portfolio.

    Both paths have the same fixed costs (the programme, reading an entry), so what is compared is how
    much more memory 45 more roadmaps take: the whole catalog holds each of them, the stream none.
    """
    monkeypatch.setenv("TWINS_CACHE_DIR", str(tmp_path / "cache"))
    few, many = copies(tmp_path / "few", 5), copies(tmp_path / "many", 50)
    query = ProposalQuery(search="zzz-nothing-matches")
    for folder in (few, many):
        whole_listing(folder, query)  # checked and cached: the queries below are warm
    whole_growth = peak_bytes(lambda: whole_listing(many, query)) - peak_bytes(lambda: whole_listing(few, query))
    streamed_growth = peak_bytes(lambda: streamed_listing(many, query)) - peak_bytes(
        lambda: streamed_listing(few, query)
    )
    assert whole_growth > 45 * 20_000  # each roadmap held takes tens of kilobytes
    assert streamed_growth < whole_growth / 5  # fewer than nine roadmaps' worth: none is kept


def test_a_roadmap_that_does_not_validate_is_left_out_as_from_the_whole_catalog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Said once the stream is read, or the query refused without ``on_invalid``; cold and warm alike."""
    monkeypatch.setenv("TWINS_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "roadmaps"
    shutil.copytree(SAMPLE, folder)
    (folder / "aaa-broken.yaml").write_text("pair: [not, a, roadmap\n", encoding="utf-8")
    location = RoadmapsLocation(folder, "test")
    for _run in ("cold", "warm"):
        told: list[InvalidDataError] = []
        roadmaps = read_roadmaps(location, on_invalid=told.append)
        listing = streamed_proposals_listing(streamed_selection(roadmaps, ProposalQuery()), "id", LISTING_DAY)
        assert len(told) == 1
        assert "aaa-broken.yaml" in told[0].message
        catalog = load_catalog(location, on_invalid=lambda error: None)
        assert to_json(listing.rows) == to_json(
            proposals_listing(catalog, select_proposals(catalog, ProposalQuery()), LISTING_DAY).rows
        )
        with pytest.raises(InvalidDataError):
            list(read_roadmaps(location).found())
