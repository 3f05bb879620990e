"""Organisations and agreements (query/organisations.py, query/agreements.py) on the sample programme."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import SAMPLE, WriteRoadmap
from twins_cli.catalog.load import load_catalog
from twins_cli.errors import NotFoundError, UsageError
from twins_cli.files.locate import RoadmapsLocation
from twins_cli.model.records import Catalog
from twins_cli.query.agreements import AgreementQuery, is_in_force, select_agreements
from twins_cli.query.organisations import (
    OrganisationQuery,
    find_organisation,
    involvement,
    select_organisations,
)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(RoadmapsLocation(SAMPLE, "test"))


def _ids(catalog: Catalog, **filters: object) -> list[str]:
    query = OrganisationQuery(**filters)  # type: ignore[arg-type]
    return [f"{found.roadmap.id}/{found.organisation.id}" for found in select_organisations(catalog, query)]


def test_every_organisation_is_listed_even_one_that_is_neither_party_nor_employer(catalog: Catalog) -> None:
    listed = _ids(catalog)
    assert "kingsport-hanbit/kingsport-science-park" in listed
    assert {"kingsport-hanbit/places-agency", "severn-bora/places-agency"} <= set(listed)
    assert len(listed) == sum(len(roadmap.organisations) for roadmap in catalog.roadmaps)


def test_organisations_are_listed_pair_by_pair_then_by_name(catalog: Catalog) -> None:
    listed = select_organisations(catalog, OrganisationQuery())
    pairs = [found.roadmap.id for found in listed]
    assert pairs == sorted(pairs, key=[r.id for r in catalog.roadmaps].index)
    names = [found.organisation.name.casefold() for found in listed if found.roadmap.id == "kingsport-hanbit"]
    assert names == sorted(names)


def test_pair_filter(catalog: Catalog) -> None:
    assert _ids(catalog, pairs=("bora",)) == [
        "severn-bora/bora-city",
        "severn-bora/places-agency",
        "severn-bora/severn-combined-authority",
    ]


def test_kind_filter_any_case_and_repeated_is_or(catalog: Catalog) -> None:
    assert _ids(catalog, kinds=("University",)) == [
        "kingsport-hanbit/hanbit-university",
        "kingsport-hanbit/kingsport-university",
    ]
    assert len(_ids(catalog, kinds=("university", "facility"))) == 3


def test_unknown_kind_is_refused_with_a_suggestion(catalog: Catalog) -> None:
    with pytest.raises(UsageError, match="did you mean 'university'"):
        _ids(catalog, kinds=("universty",))


@pytest.mark.parametrize("country", ["KR", "kr", "Korea"])
def test_country_filter_by_code_or_side(catalog: Catalog, country: str) -> None:
    listed = _ids(catalog, countries=(country,))
    assert listed and all(
        catalog.roadmap(ref.split("/")[0]).organisations[ref.split("/")[1]].country == "KR" for ref in listed
    )
    assert "severn-bora/bora-city" in listed


def test_unknown_country_is_refused(catalog: Catalog) -> None:
    with pytest.raises(UsageError, match="no country 'fr'"):
        _ids(catalog, countries=("FR",))


def test_stakeholder_filter(catalog: Catalog) -> None:
    assert _ids(catalog, stakeholder=True) == [
        "kingsport-hanbit/hanbit-technopark",
        "kingsport-hanbit/kingsport-science-park",
    ]


@pytest.mark.parametrize("text", ["RESEARCH-LED", "science park", "ksip"])
def test_search_looks_in_names_aliases_and_description(catalog: Catalog, text: str) -> None:
    assert _ids(catalog, search=text) == ["kingsport-hanbit/kingsport-science-park"]


def test_filters_combine_with_and(catalog: Catalog) -> None:
    assert _ids(catalog, countries=("GB",), kinds=("agency",), pairs=("severn-bora",)) == ["severn-bora/places-agency"]


@pytest.mark.parametrize(
    "name",
    ["kingsport-university", "University of Kingsport", "uok", "UNIVERSITY-OF-KINGSPORT", "kingsport-hanbit/UoK"],
)
def test_find_organisation_by_id_name_or_short_name_any_case(catalog: Catalog, name: str) -> None:
    assert find_organisation(catalog, name).organisation.id == "kingsport-university"


def test_find_organisation_by_alias_or_a_part_of_a_name(catalog: Catalog) -> None:
    assert find_organisation(catalog, "the science park").organisation.id == "kingsport-science-park"
    assert find_organisation(catalog, "technopark").organisation.id == "hanbit-technopark"


def test_a_whole_name_comes_before_a_part_of_another(write_roadmap: WriteRoadmap) -> None:
    """``Beta`` is the whole short name of one organisation and a part of another's name."""
    path = write_roadmap(("    name: Alpha Council\n", "    name: Alpha Council\n    short_name: Beta\n"))
    catalog = load_catalog(RoadmapsLocation(path.parent, "test"))
    assert find_organisation(catalog, "beta").organisation.id == "alpha-council"
    assert find_organisation(catalog, "beta c").organisation.id == "beta-city"


def test_an_organisation_in_two_roadmaps_is_ambiguous_until_its_pair_is_given(catalog: Catalog) -> None:
    with pytest.raises(UsageError) as caught:
        find_organisation(catalog, "places-agency")
    assert "kingsport-hanbit/places-agency" in caught.value.message
    assert "severn-bora/places-agency" in caught.value.message
    assert find_organisation(catalog, "severn-bora/places-agency").roadmap.id == "severn-bora"
    assert find_organisation(catalog, "places-agency", ("bora",)).roadmap.id == "severn-bora"


def test_a_part_fitting_several_names_lists_them(catalog: Catalog) -> None:
    with pytest.raises(UsageError, match="names several organisations") as caught:
        find_organisation(catalog, "kingsport")
    assert "kingsport-hanbit/invest-kingsport (Invest Kingsport)" in caught.value.message


def test_an_unknown_organisation_gets_did_you_mean(catalog: Catalog) -> None:
    with pytest.raises(NotFoundError, match=r"(?i)did you mean 'railbus'"):
        find_organisation(catalog, "railbsu")


def test_involvement_people_proposals_led_or_with_contacts_and_agreements(catalog: Catalog) -> None:
    university = involvement(*find_organisation(catalog, "uok"))
    assert [p.id for p in university.people] == ["ian-grey", "ann-hart", "ben-okoro", "cara-doyle"]
    assert [p.id for p in university.proposals] == ["P5", "P6"]
    assert [a.id for a in university.agreements] == ["cyber-agreement"]
    centre = involvement(*find_organisation(catalog, "csc"))
    assert [p.id for p in centre.proposals] == ["P6"]  # a contact on it, not a lead
    park = involvement(*find_organisation(catalog, "ksip"))
    assert park == ((), (), ())


def _agreements(catalog: Catalog, **filters: object) -> list[str]:
    query = AgreementQuery(**filters)  # type: ignore[arg-type]
    return [agreement.id for agreement in select_agreements(catalog, query)]


def test_agreements_all_in_file_order(catalog: Catalog) -> None:
    assert _agreements(catalog) == [
        "kingsport-hanbit-mou",
        "cyber-agreement",
        "technopark-mou",
        "severn-bora-mou",
        "tidal-power-deal",
    ]


def test_agreement_filters_pair_kind_theme(catalog: Catalog) -> None:
    assert _agreements(catalog, pairs=("severn-bora",)) == ["severn-bora-mou", "tidal-power-deal"]
    assert _agreements(catalog, kinds=("cooperation-agreement",)) == ["cyber-agreement", "tidal-power-deal"]
    assert _agreements(catalog, themes=("net zero",)) == ["severn-bora-mou"]
    assert _agreements(catalog, kinds=("MOU",), pairs=("kingsport-hanbit",), themes=("cyber",)) == [
        "kingsport-hanbit-mou"
    ]


def test_agreement_unknown_kind_and_theme_are_refused(catalog: Catalog) -> None:
    with pytest.raises(UsageError, match="did you mean 'mou'"):
        _agreements(catalog, kinds=("mou2",))
    with pytest.raises(UsageError):
        _agreements(catalog, themes=("no-such-theme",))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2023, 5, 31), []),
        (date(2023, 6, 1), ["cyber-agreement"]),  # signed in June 2023: from the month's first day
        (date(2024, 5, 1), ["kingsport-hanbit-mou", "cyber-agreement"]),
        (date(2025, 8, 6), ["kingsport-hanbit-mou", "cyber-agreement"]),  # its last day
        (date(2025, 8, 7), ["cyber-agreement"]),  # expired; the other has no known end
    ],
)
def test_agreements_active_on_a_day(catalog: Catalog, day: date, expected: list[str]) -> None:
    assert _agreements(catalog, active_on=day) == expected


def test_an_agreement_without_a_signing_date_is_never_in_force(catalog: Catalog) -> None:
    severn = catalog.roadmap("severn-bora").agreements[0]
    assert severn.duration_years == 5 and severn.signed is None
    assert not is_in_force(severn, date(2024, 1, 1))
