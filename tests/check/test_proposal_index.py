"""The proposal index answers a warm ``twins list`` without reading whole roadmaps, and never answers wrongly.

No timings: these count what is read, and compare every answer with the whole catalog's.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, SAMPLE
from support import LISTING_DAY, copies, peak_bytes, streamed_listing, whole_listing
from twins_cli.catalog.load import load_catalog, read_roadmaps
from twins_cli.check import cache, proposal_index
from twins_cli.check.proposal_index import SHARDS, ProposalIndex, shard_of
from twins_cli.files.locate import RoadmapsLocation, programme_file_for
from twins_cli.formats.data import to_json
from twins_cli.formats.listing import Listing, proposals_listing, streamed_proposals_listing
from twins_cli.formats.table import plain_table
from twins_cli.query.proposals import ProposalQuery, select_proposals, streamed_selection

QUERIES = (
    ProposalQuery(),
    ProposalQuery(themes=("cybersecurity",)),
    ProposalQuery(themes=("cybersecurity", "net-zero"), stage="priority"),
    ProposalQuery(types=("knowledge-exchange",), sort="title"),
    ProposalQuery(stage="FUTURE", sort="end"),
    ProposalQuery(active_on=date(2024, 6, 1), sort="start"),
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the sample roadmaps, a private cache folder, and files that count as settled at once."""
    copy = tmp_path / "roadmaps"
    shutil.copytree(SAMPLE, copy)
    monkeypatch.setenv("TWINS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "SETTLED_NS", 0)
    return copy


def same(found: Listing, expected: Listing) -> bool:
    return to_json(found.rows) == to_json(expected.rows) and plain_table(found) == plain_table(expected)


def whole_entries_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys of whole roadmaps read from the cache from now on."""
    read: list[str] = []
    original = cache.load

    def counted(key: str, schema: str) -> Any:
        if schema == "roadmap":
            read.append(key)
        return original(key, schema)

    monkeypatch.setattr(cache, "load", counted)
    return read


def proposals_decoded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The proposals decoded from the index from now on, as their JSON text."""
    decoded: list[str] = []
    original = proposal_index._proposal

    def counted(text: str) -> Any:
        decoded.append(text)
        return original(text)

    monkeypatch.setattr(proposal_index, "_proposal", counted)
    return decoded


@pytest.mark.parametrize(
    "folder_of",
    [SAMPLE, *(FIXTURES / name for name in ("query", "inferred", "valid", "status", "model"))],
    ids=lambda f: f.name,
)
@pytest.mark.parametrize("query", QUERIES, ids=str)
def test_the_index_answers_as_the_whole_catalog(
    folder_of: Path, query: ProposalQuery, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cold (the index is written) and warm (it answers), the same rows and table as the whole catalog."""
    copy = tmp_path / "roadmaps"
    shutil.copytree(folder_of, copy)
    monkeypatch.setenv("TWINS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "SETTLED_NS", 0)
    expected = whole_listing(copy, query)
    assert same(streamed_listing(copy, query), expected)
    read = whole_entries_read(monkeypatch)
    assert same(streamed_listing(copy, query), expected)
    assert read == []


def test_a_recorded_start_keeps_a_proposed_proposal_from_being_overdue_in_brief_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Progress in brief keeps what the Status column reads: an actual start says it started, whatever its status."""
    copy = tmp_path / "roadmaps"
    shutil.copytree(FIXTURES / "status", copy)
    path = copy / "north-south.yaml"
    text = path.read_text(encoding="utf-8")
    assert "      status: active\n      as_of: 2024-09-01\n      actual_start: 2024-07" in text
    path.write_text(text.replace("status: active\n", "status: proposed\n", 1), encoding="utf-8")
    monkeypatch.setenv("TWINS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "SETTLED_NS", 0)
    expected = whole_listing(copy, ProposalQuery())
    (p4,) = [row for row in expected.rows if (row["pair"], row["id"]) == ("north-south", "P4")]
    assert p4["status"] == "proposed"
    assert "start passed" not in p4["status_note"]
    streamed_listing(copy, ProposalQuery())
    assert same(streamed_listing(copy, ProposalQuery()), expected)


def test_a_warm_listing_reads_no_whole_roadmap_and_decodes_only_what_may_match(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    query = ProposalQuery(themes=("cybersecurity",))
    streamed_listing(folder, query)  # the index is written
    read, decoded = whole_entries_read(monkeypatch), proposals_decoded(monkeypatch)
    listing = streamed_listing(folder, query)
    assert read == []
    assert 0 < len(decoded) == len(listing.rows) < len(streamed_listing(folder, ProposalQuery()).rows)


def test_search_reads_whole_roadmaps_which_alone_hold_the_words(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    query = ProposalQuery(search="cyber")
    streamed_listing(folder, ProposalQuery())
    read = whole_entries_read(monkeypatch)
    assert same(streamed_listing(folder, query), whole_listing(folder, query))
    assert read != []


def test_an_edited_roadmap_is_read_again_and_its_record_written_again(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same size, same modification time: the change time and the inode still tell."""
    streamed_listing(folder, ProposalQuery())
    path = folder / "kingsport-hanbit.yaml"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "Smart Cities Mission to Hanbit" in text
    path.write_text(text.replace("Smart Cities Mission to Hanbit", "Smart Cities Mission to Hanbix"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    listing = streamed_listing(folder, ProposalQuery())
    assert same(listing, whole_listing(folder, ProposalQuery()))
    assert "Smart Cities Mission to Hanbix" in plain_table(listing)
    read = whole_entries_read(monkeypatch)
    assert same(streamed_listing(folder, ProposalQuery()), listing)
    assert read == []  # recorded again: the next run answers from the index


def test_a_record_taken_before_the_file_settled_is_not_trusted(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "SETTLED_NS", 10**18)  # every file changed "just now"
    streamed_listing(folder, ProposalQuery())
    read = whole_entries_read(monkeypatch)
    streamed_listing(folder, ProposalQuery())
    assert len(read) == len(list(folder.glob("*-*.yaml")))


def governing(folder: Path) -> str:
    return cache.governing_key(programme_file_for(folder))


def tamper(folder: Path, change: Callable[[str], str]) -> int:
    """Rewrite every shard of ``folder``'s index through ``change`` (sealed again, as anyone could); how many."""
    key = governing(folder)
    index = ProposalIndex(key, folder, [])
    numbers = {shard_of(path.name) for path in folder.glob("*-*.yaml")}
    for number in numbers:
        body = cache.load_sealed_text(index._key(number), ".index")
        assert body is not None
        cache.store_text(index._key(number), change(body), ".index")
    return len(numbers)


def rewrite_head(change: Callable[[dict[str, Any]], None]) -> Callable[[str], str]:
    def rewritten(body: str) -> str:
        head, *lines = body.split("\n")
        records = json.loads(head)
        for record in records.values():
            change(record)
        return "\n".join([json.dumps(records), *lines])

    return rewritten


def every_text(change: Callable[[str], str]) -> Callable[[str], str]:
    def rewritten(body: str) -> str:
        head, *lines = body.split("\n")
        return "\n".join([head, *(change(line) for line in lines)])

    return rewritten


FORGERIES: dict[str, Callable[[str], str]] = {
    "not JSON": lambda body: "{" + body,
    "a list, not records": lambda body: "[]\n" + body.partition("\n")[2],
    "a record cut short": rewrite_head(lambda record: record.pop()),
    "a negative size": rewrite_head(lambda record: record.__setitem__(0, -1)),
    "more lines than there are": rewrite_head(lambda record: record.__setitem__(8, 10**6)),
    "a pair that is no slug": rewrite_head(lambda record: record.__setitem__(5, "../../etc")),
    "a lead's name a number": rewrite_head(lambda record: record[6].update({key: 7 for key in record[6]})),
    "facets not a mapping": rewrite_head(lambda record: record.__setitem__(9, {"themes": [1, 2]})),
    "a position past the proposals": rewrite_head(
        lambda record: record[9].update(themes={"cybersecurity": [10**6], "net-zero": ["0"]})
    ),
    "a proposal that is not one": every_text(lambda line: '{"id": "P1"}'),
    "a proposal with no lead known": every_text(lambda line: line.replace('"leads":["', '"leads":["zz-')),
    "a proposal's title not text": every_text(lambda line: line.replace('"title":"', '"title":7,"x":"')),
    "a control character in an escape": every_text(lambda line: line.replace('"title":"', '"title":"\\u001b[2J')),
    "a proposal not JSON": every_text(lambda line: line[:-1]),
    "a month no calendar has": every_text(lambda line: re.sub(r'"start":"[0-9-]+"', '"start":"2024-13"', line)),
    "a proposal deeply nested": every_text(lambda line: "[" * 100_000 + "]" * 100_000),
}


@pytest.mark.parametrize("forgery", FORGERIES.values(), ids=FORGERIES.keys())
def test_a_forged_index_is_a_miss_never_a_wrong_answer(
    forgery: Callable[[str], str], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sealed again as anyone who can write the cache folder could: each record that is not right is read again."""
    query = ProposalQuery(themes=("cybersecurity", "net-zero"))
    streamed_listing(folder, query)
    assert tamper(folder, forgery) > 0
    read = whole_entries_read(monkeypatch)
    assert same(streamed_listing(folder, query), whole_listing(folder, query))
    assert read != []  # the forged records were not used


def test_the_files_of_a_folder_spread_over_the_shards() -> None:
    numbers = {shard_of(f"pair-{number:04d}.yaml") for number in range(1000)}
    assert len(numbers) == SHARDS
    assert all(0 <= number < SHARDS for number in numbers)


def test_a_warm_listing_holds_a_shard_at_a_time_not_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Twenty times the roadmaps, each proposal decoded and none kept: the memory a warm listing takes barely grows."""
    monkeypatch.setenv("TWINS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "SETTLED_NS", 0)
    few, many = copies(tmp_path / "few", 10), copies(tmp_path / "many", 200)
    query = ProposalQuery(active_on=date(1900, 1, 1))
    for roadmaps in (few, many):
        streamed_listing(roadmaps, query)  # the index is written
    growth = peak_bytes(lambda: streamed_listing(many, query)) - peak_bytes(lambda: streamed_listing(few, query))
    index_size = sum(entry.stat().st_size for entry in (tmp_path / "cache").rglob("*.index"))
    # What does grow is each file's bookkeeping (its path, its signs): 0.9 KB a file on 3.11, 1.4 KB on 3.13.
    assert growth < index_size / 2


def test_a_cold_listing_takes_the_briefs_the_checks_send_back(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each roadmap checked now is briefed where it was checked: no whole roadmap is read back from the cache."""
    read = whole_entries_read(monkeypatch)
    cold = streamed_listing(folder, ProposalQuery())
    assert read == []
    assert same(cold, whole_listing(folder, ProposalQuery()))


def test_without_a_cache_a_listing_holds_briefs_not_roadmaps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """TWINS_NO_CACHE: every roadmap is checked on each run, and only its brief is kept while the others are."""
    monkeypatch.setenv("TWINS_NO_CACHE", "1")
    few, many = copies(tmp_path / "few", 5), copies(tmp_path / "many", 50)
    query = ProposalQuery(active_on=date(1900, 1, 1))
    whole_growth = peak_bytes(lambda: whole_listing(many, query)) - peak_bytes(lambda: whole_listing(few, query))
    brief_growth = peak_bytes(lambda: streamed_listing(many, query)) - peak_bytes(lambda: streamed_listing(few, query))
    assert brief_growth < whole_growth / 4


def test_a_broken_roadmap_beside_indexed_ones_is_skipped_not_the_query_refused(folder: Path) -> None:
    """The roadmaps the index answers for count: the query is refused only when none at all answers."""
    from twins_cli.errors import InvalidDataError

    streamed_listing(folder, ProposalQuery())  # every roadmap indexed
    (folder / "aaa-broken.yaml").write_text("pair: [not, a, roadmap\n", encoding="utf-8")
    told: list[InvalidDataError] = []
    roadmaps = read_roadmaps(RoadmapsLocation(folder, "test"), on_invalid=told.append)
    listing = streamed_proposals_listing(streamed_selection(roadmaps, ProposalQuery()), "id", LISTING_DAY)
    assert len(told) == 1
    assert "aaa-broken.yaml" in told[0].message
    catalog = load_catalog(RoadmapsLocation(folder, "test"), on_invalid=lambda error: None)
    assert same(listing, proposals_listing(catalog, select_proposals(catalog, ProposalQuery()), LISTING_DAY))


def test_the_pair_id_check_matches_the_schemas_pattern() -> None:
    """A stored pair's id is checked without a pattern, as the schema's ``[a-z0-9]+(-[a-z0-9]+)*`` would."""
    import random

    from twins_cli.check.fastcheck.shared import is_slug

    rng = random.Random(53)
    texts = ["".join(rng.choices("ab09-Z é\n", k=rng.randint(0, 6))) for _ in range(20_000)]
    assert {is_slug(text) for text in texts} == {True, False}
    assert [is_slug(text) for text in texts] == [bool(re.match(r"[a-z0-9]+(-[a-z0-9]+)*\Z", text)) for text in texts]
    assert not any(is_slug(value) for value in (None, 5, ["a"]))
