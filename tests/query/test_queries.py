"""The query library (query/) on small fixtures, without the CLI."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import FIXTURES, SAMPLE
from twins_cli.catalog.load import load_catalog
from twins_cli.errors import ExitCode, NotFoundError, UsageError
from twins_cli.files.locate import RoadmapsLocation
from twins_cli.model.records import Catalog, Proposal, Roadmap
from twins_cli.query.contacts import all_contacts, proposal_contacts
from twins_cli.query.days import parse_day, window_end
from twins_cli.query.events import events, upcoming
from twins_cli.query.find import find_pair, find_proposal, find_proposal_or_pair, selected_roadmaps
from twins_cli.query.proposals import (
    SORT_KEYS,
    ProposalQuery,
    is_active,
    organisations_of,
    searchable_text,
    select_proposals,
)

QUERY_FIXTURES = FIXTURES / "query"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    """The sample programme: four pairs, twelve proposals in kingsport-hanbit."""
    return load_catalog(RoadmapsLocation(SAMPLE, "test"))


@pytest.fixture(scope="module")
def two_p1s() -> Catalog:
    """alpha-beta and gamma-delta: both have a P1, and share Ann Smith's e-mail."""
    return load_catalog(RoadmapsLocation(QUERY_FIXTURES, "test"))


def ids(proposals: list) -> list[str]:
    return [proposal.id for proposal in proposals]


def query_ids(catalog: Catalog, **filters: object) -> list[str]:
    return ids(select_proposals(catalog, ProposalQuery(**filters)))  # type: ignore[arg-type]


# --- find_pair ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "pair"),
    [
        ("kingsport-hanbit", "kingsport-hanbit"),
        ("KINGSPORT-HANBIT", "kingsport-hanbit"),
        (" severn-bora ", "severn-bora"),
        ("kingsport", "kingsport-hanbit"),
        ("Hanbit", "kingsport-hanbit"),
        ("Severn City Region", "severn-bora"),
        ("severn-city-region", "severn-bora"),
        ("gaya", "northdale-gaya"),
        ("한빛특별자치시", "kingsport-hanbit"),  # the local (Korean) name
        ("Kingsport–Hanbit", "kingsport-hanbit"),  # the pair's name, with its en dash
        ("kingsport–hanbit", "kingsport-hanbit"),
        ("Kingsport-Hanbit", "kingsport-hanbit"),
        ("KINGSPORT — HANBIT", "kingsport-hanbit"),  # an em dash with spaces
        ("kingsport hanbit", "kingsport-hanbit"),
        ("ｈａｎｂｉｔ", "kingsport-hanbit"),  # full-width letters, NFKC
        ("severn\u2010city\u2010region", "severn-bora"),  # the Unicode hyphen
        ("  Severn   City Region ", "severn-bora"),
    ],
)
def test_find_pair_by_id_or_place_any_case(catalog: Catalog, name: str, pair: str) -> None:
    assert find_pair(catalog, name).id == pair


def test_find_pair_unknown_suggests_and_lists_pairs(catalog: Catalog) -> None:
    with pytest.raises(UsageError) as caught:
        find_pair(catalog, "kingsprt-hanbit")
    assert caught.value.exit_code == ExitCode.USAGE
    assert caught.value.message == "unknown pair 'kingsprt-hanbit' (did you mean 'kingsport-hanbit'?)"
    assert caught.value.hint == "pairs: kingsport-hanbit, lowmoor-dalsan, northdale-gaya, severn-bora"


def test_selected_roadmaps_are_those_named_in_the_catalog_order(catalog: Catalog) -> None:
    # any name find_pair takes; named twice or in another order, each roadmap once and in its place
    assert ids(list(selected_roadmaps(catalog, ["SEVERN", "gaya", "severn-bora"]))) == ["northdale-gaya", "severn-bora"]


def test_selected_roadmaps_are_all_when_none_is_named(catalog: Catalog) -> None:
    assert selected_roadmaps(catalog, []) == catalog.roadmaps


def test_selected_roadmaps_refuse_an_unknown_pair_as_find_pair(catalog: Catalog) -> None:
    with pytest.raises(UsageError, match="unknown pair 'kingsprt-hanbit'"):
        selected_roadmaps(catalog, ["severn-bora", "kingsprt-hanbit"])


# --- find_proposal -----------------------------------------------------------------------------


@pytest.mark.parametrize("ref", ["P5", "p5", " P5 ", "kingsport-hanbit/P5", "KINGSPORT-HANBIT/p5", "kingsport/P5"])
def test_find_proposal_plain_qualified_and_any_case(catalog: Catalog, ref: str) -> None:
    proposal = find_proposal(catalog, ref)
    assert (proposal.pair, proposal.id, proposal.title) == ("kingsport-hanbit", "P5", "Cyber Lab")
    assert proposal.qualified_id == "kingsport-hanbit/P5"


def test_find_proposal_unknown_is_not_found_with_suggestion(catalog: Catalog) -> None:
    with pytest.raises(NotFoundError) as caught:
        find_proposal(catalog, "P99")
    assert caught.value.exit_code == ExitCode.INVALID
    assert caught.value.message == "no proposal 'P99' (did you mean 'P9'?)"
    assert caught.value.hint == "`twins list` shows every proposal"


def test_find_proposal_in_a_pair_without_proposals(catalog: Catalog) -> None:
    with pytest.raises(NotFoundError) as caught:
        find_proposal(catalog, "lowmoor-dalsan/P1")
    assert caught.value.message == "no proposal 'lowmoor-dalsan/P1'"
    assert caught.value.hint == "these roadmaps have no proposals"


def test_find_proposal_with_unknown_pair_is_a_usage_error(catalog: Catalog) -> None:
    with pytest.raises(UsageError, match="unknown pair 'nowhere'"):
        find_proposal(catalog, "nowhere/P5")


def test_find_proposal_ambiguous_lists_qualified_ids(two_p1s: Catalog) -> None:
    with pytest.raises(UsageError) as caught:
        find_proposal(two_p1s, "P1")
    assert caught.value.exit_code == ExitCode.USAGE
    assert caught.value.message == "proposal id 'P1' is in several roadmaps: alpha-beta/P1, gamma-delta/P1"
    assert caught.value.hint == "name one of them"


def test_find_proposal_qualified_resolves_ambiguity(two_p1s: Catalog) -> None:
    assert find_proposal(two_p1s, "gamma-delta/P1").title == "Net zero [bold]x[/] lab"
    assert find_proposal(two_p1s, "delta/p1").pair == "gamma-delta"
    assert find_proposal(two_p1s, "P2").qualified_id == "alpha-beta/P2"


# --- select_proposals ----------------------------------------------------------------------------


def test_no_filters_lists_every_proposal_by_number(catalog: Catalog) -> None:
    assert query_ids(catalog) == [f"P{number}" for number in range(1, 13)]


@pytest.mark.parametrize("theme", ["cybersecurity", "Cybersecurity", "cyber", "CYBER SECURITY", "cyber-security"])
def test_theme_by_slug_label_or_alias(catalog: Catalog, theme: str) -> None:
    assert query_ids(catalog, themes=(theme,)) == ["P1", "P2", "P5", "P6"]


def test_repeated_theme_is_or(catalog: Catalog) -> None:
    net_zero = query_ids(catalog, themes=("net-zero",))
    assert net_zero == ["P1", "P2", "P4", "P8", "P9", "P12"]
    assert query_ids(catalog, themes=("cybersecurity", "net-zero")) == ["P1", "P2", "P4", "P5", "P6", "P8", "P9", "P12"]


def test_filters_combine_with_and(catalog: Catalog) -> None:
    assert query_ids(catalog, themes=("cybersecurity",), stage="priority", types=("knowledge-exchange",)) == [
        "P1",
        "P2",
        "P5",
        "P6",
    ]
    assert query_ids(catalog, themes=("cybersecurity",), types=("sme-internationalisation",)) == ["P1", "P2"]
    assert query_ids(catalog, themes=("cybersecurity",), stage="future") == []


def test_type_by_alias(catalog: Catalog) -> None:
    assert query_ids(catalog, types=("startup",)) == ["P1", "P2", "P3", "P4", "P10", "P12"]


def test_unknown_theme_and_type_suggest(catalog: Catalog) -> None:
    with pytest.raises(UsageError, match=r"unknown theme 'cyberr' \(did you mean 'cyber'\?\)"):
        select_proposals(catalog, ProposalQuery(themes=("cyberr",)))
    with pytest.raises(UsageError, match="unknown type 'knowledge-exchang'"):
        select_proposals(catalog, ProposalQuery(types=("knowledge-exchang",)))


@pytest.mark.parametrize(("pair", "expected"), [("kingsport", 12), ("kingsport-hanbit", 12), ("severn-bora", 0)])
def test_pair_filter(catalog: Catalog, pair: str, expected: int) -> None:
    assert len(query_ids(catalog, pairs=(pair,))) == expected


@pytest.mark.parametrize(
    ("org", "expected"),
    [
        ("railbus", ["P8", "P12"]),
        ("Invest King", ["P1", "P2", "P11"]),
        ("invest-kingsport", ["P1", "P2", "P11"]),
        ("UoK", ["P5", "P6"]),
        # P6's contact Prof Máire O'Quinn works at CSC, which leads nothing: contacts count too.
        ("CSC", ["P6"]),
    ],
)
def test_org_filter_by_id_name_fragment_or_short_name(catalog: Catalog, org: str, expected: list[str]) -> None:
    assert query_ids(catalog, organisations=(org,)) == expected


def test_repeated_org_is_or(catalog: Catalog) -> None:
    assert query_ids(catalog, organisations=("railbus", "invest-kingsport")) == ["P1", "P2", "P8", "P11", "P12"]


def test_unknown_org_is_a_usage_error(catalog: Catalog) -> None:
    with pytest.raises(UsageError, match="no organisation matches 'nonexistent'") as caught:
        select_proposals(catalog, ProposalQuery(organisations=("nonexistent",)))
    assert caught.value.exit_code == ExitCode.USAGE


def test_organisations_of_counts_leads_and_contacts(catalog: Catalog) -> None:
    roadmap = find_pair(catalog, "kingsport-hanbit")
    found = organisations_of(roadmap, find_proposal(catalog, "P6"))
    assert found == {"kingsport-university", "hanbit-university", "csc"}


def test_stage_filter(catalog: Catalog) -> None:
    assert query_ids(catalog, stage="future") == ["P9", "P10", "P11", "P12"]
    assert query_ids(catalog, stage="priority") == [f"P{number}" for number in range(1, 9)]


def test_unknown_stage_suggests(catalog: Catalog) -> None:
    with pytest.raises(UsageError) as caught:
        select_proposals(catalog, ProposalQuery(stage="later"))
    assert caught.value.message == "unknown stage 'later'"
    assert caught.value.hint == "use priority or future"
    with pytest.raises(UsageError, match=r"did you mean 'future'\?"):
        select_proposals(catalog, ProposalQuery(stage="futur"))


def test_active_on(catalog: Catalog) -> None:
    assert query_ids(catalog, active_on=date(2025, 5, 1)) == ["P5", "P6"]
    assert query_ids(catalog, active_on=date(2024, 3, 15)) == ["P1", "P3", "P4", "P5", "P6", "P7", "P8"]
    assert query_ids(catalog, active_on=date(2026, 1, 1)) == []


def test_search_looks_in_every_text_field_any_case(catalog: Catalog) -> None:
    assert query_ids(catalog, search="hydrogen") == ["P8", "P12"]  # a description, a vision
    assert query_ids(catalog, search="HYDROGEN") == ["P8", "P12"]
    assert query_ids(catalog, search="HackTheon") == ["P5"]  # tagline, vision and description
    assert query_ids(catalog, search="thriving ecosystem") == ["P11"]  # only in an outcome
    assert query_ids(catalog, search="no such words anywhere") == []


def test_searchable_text_has_title_tagline_vision_description_outcomes(catalog: Catalog) -> None:
    proposal = find_proposal(catalog, "P5")
    text = searchable_text(proposal)
    for part in (proposal.title, proposal.tagline, proposal.vision, proposal.description, *proposal.outcomes):
        assert part is not None
        assert part in text


def test_sort_by_end_start_and_title(catalog: Catalog) -> None:
    by_end = query_ids(catalog, sort="end")
    # P1 ends in March 2024; proposals without a timeline come last, in id order.
    assert by_end == ["P1", "P7", "P2", "P3", "P4", "P8", "P5", "P6", "P9", "P10", "P11", "P12"]
    by_start = query_ids(catalog, sort="start")  # equal months keep id order
    assert by_start == ["P5", "P1", "P3", "P4", "P6", "P7", "P8", "P2", "P9", "P10", "P11", "P12"]
    titles = [p.title for p in select_proposals(catalog, ProposalQuery(sort="title"))]
    assert titles == sorted(titles, key=str.casefold)
    assert titles[:3] == ["5G Testbeds", "Accelerating Digital Twins", "Business Bridge"]


def test_sort_keys_and_unknown_sort(catalog: Catalog) -> None:
    assert SORT_KEYS == ("id", "start", "end", "title")
    with pytest.raises(UsageError) as caught:
        select_proposals(catalog, ProposalQuery(sort="colour"))
    assert caught.value.message == "cannot sort by 'colour'"
    assert caught.value.hint == "use one of id, start, end, title"


def test_list_across_two_roadmaps_keeps_roadmap_order(two_p1s: Catalog) -> None:
    found = select_proposals(two_p1s, ProposalQuery())
    assert [p.qualified_id for p in found] == ["alpha-beta/P1", "alpha-beta/P2", "gamma-delta/P1"]
    assert [p.qualified_id for p in select_proposals(two_p1s, ProposalQuery(themes=("net zero",)))] == [
        "alpha-beta/P1",
        "gamma-delta/P1",
    ]


# --- is_active ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "active"),
    [
        (date(2024, 1, 31), False),
        (date(2024, 2, 1), True),  # P5 starts in February 2024: from its first day
        (date(2025, 6, 30), True),  # and finishes in June 2025: to its last day
        (date(2025, 7, 1), False),
    ],
)
def test_is_active_covers_whole_months(catalog: Catalog, day: date, active: bool) -> None:
    assert is_active(find_proposal(catalog, "P5"), day) is active


def test_is_active_is_false_without_a_timeline(catalog: Catalog) -> None:
    assert is_active(find_proposal(catalog, "P9"), date(2025, 1, 1)) is False


# --- contacts ----------------------------------------------------------------------------------


def test_proposal_contacts_in_roadmap_order(catalog: Catalog) -> None:
    found = proposal_contacts(catalog, find_proposal(catalog, "P5"))
    assert [c.person.email for c in found] == [
        "a.hart@uok.example",
        "b.okoro@uok.example",
        "cdoyle07@uok.example",
        "minsu.park@hanbit-univ.example",
        "jiwoo.kang@hanbit.example",
    ]
    assert [c.side for c in found] == ["Kingsport", "Kingsport", "Kingsport", "Hanbit", "Hanbit"]
    assert found[0].person.full_name == "Dr Ann Hart"
    assert found[0].organisation == "University of Kingsport"
    assert found[3].proposals == ("kingsport-hanbit/P5", "kingsport-hanbit/P6")


def test_all_contacts_sorted_by_pair_then_name(catalog: Catalog) -> None:
    found = all_contacts(catalog)
    keys = [(c.roadmap.id, c.person.name.casefold()) for c in found]
    assert keys == sorted(keys)
    assert len(found) == 17  # 15 people in kingsport-hanbit, 3 in severn-bora, one of them in both
    assert found[0].person.name == "Adam Hale"


def test_all_contacts_merges_one_email_across_pairs(catalog: Catalog) -> None:
    gareth = [c for c in all_contacts(catalog) if c.person.email == "gareth.davies@places.example"]
    assert len(gareth) == 1
    assert gareth[0].pairs == ("kingsport-hanbit", "severn-bora")
    assert gareth[0].person.name == "Gareth Davies"  # as the first roadmap names him


def test_all_contacts_filtered_by_pair_and_org(catalog: Catalog) -> None:
    severn = all_contacts(catalog, pairs=("severn-bora",))
    assert [c.person.name for c in severn] == ["Gareth Rhys Davies", "Han Seo-yeon", "Tom Severs"]
    assert all(c.pairs == ("severn-bora",) for c in severn)
    railbus = all_contacts(catalog, organisations=("railbus",))
    assert [c.person.name for c in railbus] == ["Adam Hale", "Duncan Moss"]
    assert railbus[0].proposals == ("kingsport-hanbit/P8", "kingsport-hanbit/P12")
    with pytest.raises(UsageError, match="no organisation matches"):
        all_contacts(catalog, organisations=("nonexistent",))


def test_person_without_organisation_has_empty_side(two_p1s: Catalog) -> None:
    merged = [c for c in all_contacts(two_p1s) if c.person.email == "ann.smith@alpha.example"]
    assert len(merged) == 1
    assert merged[0].pairs == ("alpha-beta", "gamma-delta")
    assert merged[0].proposals == ("alpha-beta/P1", "gamma-delta/P1")
    assert merged[0].side == "Alpha"
    sheet = proposal_contacts(two_p1s, find_proposal(two_p1s, "gamma-delta/P1"))
    assert [(c.person.name, c.organisation, c.side) for c in sheet] == [
        ("Park Min", "Delta City", "Delta"),
        ("Ann Smith", "Gamma Lab", "Gamma"),
    ]


# --- events, upcoming --------------------------------------------------------------------------


def test_events_are_sorted_by_date(catalog: Catalog) -> None:
    found = events(catalog)
    assert [e.date.sort_key for e in found] == sorted(e.date.sort_key for e in found)
    assert len(found) == 22  # 5 milestones, 8 starts, 8 finishes, 1 agreement expiry
    assert {e.kind for e in found} == {"milestone", "proposal-start", "proposal-end", "agreement-expiry"}
    assert found[0].title == "P5 Cyber Lab starts"
    assert found[-1].title == "Memorandum of cooperation and friendship expires"
    assert found[-1].kind == "agreement-expiry"
    assert found[-1].date.iso == "2025-08-06"


def test_event_of_a_milestone_carries_its_proposal_and_themes(catalog: Catalog) -> None:
    hackatheon = next(e for e in events(catalog) if e.title == "Hanbit Cyber Security HackTheon")
    assert (hackatheon.pair, hackatheon.kind, hackatheon.proposal, hackatheon.themes) == (
        "kingsport-hanbit",
        "milestone",
        "P5",
        ("cybersecurity",),
    )
    assert hackatheon.date.label == "June 2024"


def test_events_of_a_pair(catalog: Catalog) -> None:
    assert events(catalog, ("severn-bora",)) == []  # no proposals, milestones or expiries
    assert len(events(catalog, ("hanbit",))) == 22
    with pytest.raises(UsageError):
        events(catalog, ("atlantis",))


def test_upcoming_keeps_periods_not_yet_over(catalog: Catalog) -> None:
    found = events(catalog)
    coming = upcoming(found, date(2024, 5, 1))
    assert coming[0].title == "Hanbit Cyber Security HackTheon"
    assert "Roadmap adopted by both cities" not in {e.title for e in coming}
    # A period under way counts: on 15 April 2024 the April 2024 milestones are not over.
    assert "Roadmap adopted by both cities" in {e.title for e in upcoming(found, date(2024, 4, 15))}
    # "Early 2025" runs January to April: still upcoming on 30 April 2025, over on 1 May.
    assert "Hanbit SME mission to Kingsport" in {e.title for e in upcoming(found, date(2025, 4, 30))}
    assert "Hanbit SME mission to Kingsport" not in {e.title for e in upcoming(found, date(2025, 5, 1))}


def test_upcoming_until_a_day(catalog: Catalog) -> None:
    found = events(catalog)
    within = upcoming(found, date(2024, 5, 1), date(2024, 7, 30))
    assert [e.title for e in within] == ["Hanbit Cyber Security HackTheon"]
    assert upcoming(found, date(2024, 5, 1), date(2024, 5, 31)) == []
    # A window that reaches the first day of a period includes it.
    assert [e.title for e in upcoming(found, date(2024, 5, 1), date(2024, 6, 1))] == ["Hanbit Cyber Security HackTheon"]


def test_nothing_upcoming_after_the_last_date(catalog: Catalog) -> None:
    assert upcoming(events(catalog), date(2025, 8, 6))[-1].kind == "agreement-expiry"
    assert upcoming(events(catalog), date(2025, 8, 7)) == []


# --- parse_day, window_end ---------------------------------------------------------------------


def test_parse_day() -> None:
    assert parse_day("2024-05-01") == date(2024, 5, 1)
    assert parse_day(" 2024-05-01 ") == date(2024, 5, 1)
    assert parse_day("today") == date.today()
    assert parse_day("TODAY") == date.today()


@pytest.mark.parametrize("text", ["2024-13-01", "2024-02-30", "yesterday", "", "1 May 2024"])
def test_parse_day_rejects_what_is_not_a_day(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_day(text)
    assert caught.value.exit_code == ExitCode.USAGE
    assert caught.value.message == f"{text!r} is not a date"
    assert caught.value.hint == "write it as YYYY-MM-DD, e.g. 2024-05-01"


@pytest.mark.parametrize(
    ("start", "period", "end"),
    [
        (date(2024, 5, 1), "90d", date(2024, 7, 30)),
        (date(2024, 5, 1), "6w", date(2024, 6, 12)),
        (date(2024, 5, 1), "6m", date(2024, 11, 1)),
        (date(2024, 5, 1), "1y", date(2025, 5, 1)),
        (date(2024, 5, 1), "12m", date(2025, 5, 1)),
        (date(2024, 11, 15), "3m", date(2025, 2, 15)),
        (date(2024, 1, 31), "1m", date(2024, 2, 29)),  # clamped to the month's last day
        (date(2024, 2, 29), "1y", date(2025, 2, 28)),
        (date(2024, 5, 1), " 2W ", date(2024, 5, 15)),
    ],
)
def test_window_end(start: date, period: str, end: date) -> None:
    assert window_end(start, period) == end


@pytest.mark.parametrize("period", ["3x", "0d", "d", "90", "1.5y", "-1m", "10000d", "90 d", "90dd"])
def test_window_end_rejects_what_is_not_a_period(period: str) -> None:
    with pytest.raises(UsageError) as caught:
        window_end(date(2024, 5, 1), period)
    assert caught.value.exit_code == ExitCode.USAGE
    assert caught.value.message == f"{period!r} is not a period"
    assert caught.value.hint == "write a number and d, w, m or y: 90d, 6w, 6m, 1y"


@pytest.mark.parametrize(("start", "period"), [(date(2024, 5, 1), "9999y"), (date(9999, 12, 31), "1d")])
def test_window_end_beyond_the_calendar_is_a_usage_error(start: date, period: str) -> None:
    with pytest.raises(UsageError) as caught:
        window_end(start, period)
    assert caught.value.exit_code == ExitCode.USAGE
    assert caught.value.message.startswith(repr(period))


# --- names people type ------------------------------------------------------------------------


def test_find_pair_by_a_word_of_a_place_name(catalog: Catalog) -> None:
    assert find_pair(catalog, "severn").id == "severn-bora"
    assert find_pair(catalog, "Bora").id == "severn-bora"


@pytest.mark.parametrize("initials", ["SCR", "scr"])
def test_find_pair_by_the_initials_of_a_place_of_several_words(catalog: Catalog, initials: str) -> None:
    """People write "LCR" for Liverpool City Region: the initials of a place's name of two words or more."""
    assert find_pair(catalog, initials).id == "severn-bora"


def test_a_one_word_place_has_no_initials(catalog: Catalog) -> None:
    with pytest.raises(UsageError):
        find_pair(catalog, "B")  # not Bora's initial


def test_find_pair_by_a_place_in_several_pairs_is_ambiguous(catalog: Catalog) -> None:
    twin = catalog.roadmap("kingsport-hanbit")._replace(id="kingsport-x")
    doubled = Catalog(catalog.programme, (*catalog.roadmaps, twin))
    with pytest.raises(UsageError, match="'kingsport' names a place in several pairs: kingsport-hanbit, kingsport-x"):
        find_pair(doubled, "kingsport")


def test_find_pair_by_a_local_name_in_several_pairs_is_ambiguous(catalog: Catalog) -> None:
    twin = catalog.roadmap("kingsport-hanbit")._replace(id="x-hanbit", name="X–Hanbit")
    doubled = Catalog(catalog.programme, (*catalog.roadmaps, twin))
    with pytest.raises(UsageError, match="names a place in several pairs: kingsport-hanbit, x-hanbit") as caught:
        find_pair(doubled, "한빛특별자치시")
    assert caught.value.exit_code == ExitCode.USAGE
    assert find_pair(doubled, "X–Hanbit").id == "x-hanbit"  # the pair's own name is not ambiguous


def test_find_pair_own_name_comes_before_a_place_of_another_pair(catalog: Catalog) -> None:
    """A pair named like a place of another pair is that pair, not an ambiguity."""
    lookalike = catalog.roadmap("northdale-gaya")._replace(id="hanbit")
    catalog = Catalog(catalog.programme, (*catalog.roadmaps, lookalike))
    assert find_pair(catalog, "Hanbit").id == "hanbit"


def test_find_pair_unknown_suggests_a_place(catalog: Catalog) -> None:
    with pytest.raises(UsageError) as caught:
        find_pair(catalog, "hanbt")
    assert caught.value.message == "unknown pair 'hanbt' (did you mean 'hanbit'?)"


@pytest.mark.parametrize("name", ["", "  ", "–", "kingsport gaya"])
def test_find_pair_refuses_what_names_no_pair(catalog: Catalog, name: str) -> None:
    with pytest.raises(UsageError, match="unknown pair"):
        find_pair(catalog, name)


def test_stage_and_sort_ignore_case(catalog: Catalog) -> None:
    assert query_ids(catalog, stage="Future", sort="ID") == ["P9", "P10", "P11", "P12"]


@pytest.mark.parametrize("text", ["20250501", "2025-5-1", "2025-05-01T00:00"])
def test_parse_day_takes_only_the_documented_form(text: str) -> None:
    with pytest.raises(UsageError, match="is not a date"):
        parse_day(text)


def test_a_national_body_is_on_its_country_side_not_a_city(catalog: Catalog) -> None:
    gareth = next(c for c in all_contacts(catalog) if c.person.email == "gareth.davies@places.example")
    assert gareth.side == "UK"
    assert gareth.pairs == ("kingsport-hanbit", "severn-bora")


# --- twins show's subject: a proposal first, then a pair ------------------------------------------


@pytest.mark.parametrize(
    ("name", "pair"),
    [("kingsport-hanbit", "kingsport-hanbit"), ("한빛특별자치시", "kingsport-hanbit"), ("Bora", "severn-bora")],
)
def test_show_subject_is_a_pair_by_any_name(catalog: Catalog, name: str, pair: str) -> None:
    found = find_proposal_or_pair(catalog, name)
    assert isinstance(found, Roadmap)
    assert found.id == pair


@pytest.mark.parametrize("name", ["P5", "p5", "kingsport-hanbit/P5", "hanbit/p5"])
def test_show_subject_is_a_proposal_first(catalog: Catalog, name: str) -> None:
    found = find_proposal_or_pair(catalog, name)
    assert isinstance(found, Proposal)
    assert found.qualified_id == "kingsport-hanbit/P5"


def test_show_subject_a_pair_named_like_a_proposal_is_the_proposal(catalog: Catalog) -> None:
    lookalike = catalog.roadmap("northdale-gaya")._replace(id="p5")
    found = find_proposal_or_pair(Catalog(catalog.programme, (*catalog.roadmaps, lookalike)), "p5")
    assert isinstance(found, Proposal)


def test_show_subject_unknown_suggests_proposals_and_pairs(catalog: Catalog) -> None:
    with pytest.raises(NotFoundError) as caught:
        find_proposal_or_pair(catalog, "kingsport-hanbt")
    assert caught.value.exit_code == ExitCode.INVALID
    assert caught.value.message == "no proposal or pair 'kingsport-hanbt' (did you mean 'kingsport-hanbit'?)"
    with pytest.raises(NotFoundError, match=r"^no proposal 'P99' \(did you mean 'P9'\?\)$"):
        find_proposal_or_pair(catalog, "P99")  # shaped like a proposal id: told as a missing proposal
    with pytest.raises(NotFoundError, match=r"^no proposal 'kingsport-hanbit/P99'"):
        find_proposal_or_pair(catalog, "kingsport-hanbit/P99")


def test_show_subject_ambiguous_place_is_refused(catalog: Catalog) -> None:
    twin = catalog.roadmap("kingsport-hanbit")._replace(id="x-hanbit", name="X–Hanbit")
    doubled = Catalog(catalog.programme, (*catalog.roadmaps, twin))
    with pytest.raises(UsageError, match="names a place in several pairs: kingsport-hanbit, x-hanbit") as caught:
        find_proposal_or_pair(doubled, "hanbit")
    assert caught.value.exit_code == ExitCode.USAGE
