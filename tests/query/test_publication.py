"""The publication profile: schema/personal.json against the schema, and publish() on tests/fixtures/privacy.

The fixture has a personal address (Ann Smith), an organisation's generic one (Jo Park,
``email_generic``), and Kim Lee, marked ``publication: withhold`` in alpha-beta and referred to
from every kind of record that holds a person id, and unmarked in gamma-delta under the same
address: withheld in one roadmap is withheld in all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import FIXTURES
from twins_cli.catalog.load import load_catalog
from twins_cli.files.locate import RoadmapsLocation, builtin_dir, schema_file
from twins_cli.model import records
from twins_cli.model.records import Catalog
from twins_cli.query.publication import DECLARATION, declaration, publish

PRIVACY = FIXTURES / "privacy"
PERSONAL = ("ann.smith@alpha.example",)
WITHHELD = ("Kim Lee", "kim-lee", "kim.lee@beta.example", "Deputy Mayor")
GENERIC = "hello@alpha.example"
PERSON_ID = "#/$defs/personId"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(RoadmapsLocation(PRIVACY, "test"))


def _declared() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((builtin_dir("schema") / DECLARATION).read_text(encoding="utf-8"))
    return data


def _people_fields(schema: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every property of the schema that holds a person's data: a person's own, or a person id (alone or listed)."""

    def refers_to_a_person(sub: Any) -> bool:
        return isinstance(sub, dict) and PERSON_ID in (sub.get("$ref"), (sub.get("items") or {}).get("$ref"))

    def walk(node: Any, pointer: str) -> Iterator[tuple[str, str]]:
        if isinstance(node, dict):
            for name, sub in (node.get("properties") or {}).items():
                if pointer == "#/$defs/person" or refers_to_a_person(sub):
                    yield pointer, name
            for key, value in node.items():
                yield from walk(value, f"{pointer}/{key}")

    yield from walk(schema, "#")


def _resolve(schema: dict[str, Any], pointer: str) -> Any:
    node: Any = schema
    for step in pointer.removeprefix("#").strip("/").split("/") if pointer != "#" else ():
        node = node[step]
    return node


def test_the_declaration_names_exactly_the_fields_that_hold_a_persons_data() -> None:
    schema = json.loads(schema_file("roadmap").read_text(encoding="utf-8"))
    declared = {(entry["schema"], field) for entry in _declared()["records"] for field in entry["fields"]}
    found = set(_people_fields(schema))
    assert len(found) > 10
    assert sorted(found - declared) == []  # a field that holds a person's data and is not declared
    assert sorted(declared - found) == []  # a declared field that does not exist, or holds no person's data
    for pointer, field in declared:
        assert field in _resolve(schema, pointer)["properties"]


def test_the_declaration_names_record_fields_and_known_kinds() -> None:
    data = _declared()
    for entry in data["records"]:
        cls = getattr(records, entry["record"])
        assert set(entry["fields"]) <= set(cls._fields), entry["record"]
        assert set(entry["fields"].values()) <= set(data["kinds"])
    person = next(entry["fields"] for entry in data["records"] if entry["record"] == "Person")
    for field, marker in data["generic"].items():
        assert (person[field], person[marker]) == ("personal", "marker")
    assert person[data["withhold"]["field"]] == "marker"
    schema = json.loads(schema_file("roadmap").read_text(encoding="utf-8"))
    assert data["withhold"]["value"] in schema["$defs"]["person"]["properties"][data["withhold"]["field"]]["enum"]


def test_the_declaration_as_applied() -> None:
    assert declaration().personal == ("email",)
    assert declaration().references["Proposal"] == ("contacts",)


def test_public_leaves_out_personal_addresses_and_keeps_generic_ones(catalog: Catalog) -> None:
    published = publish(catalog).catalog.roadmap("alpha-beta")
    assert published.people["ann-smith"].email is None
    assert published.people["ann-smith"].role == "Director"  # who they are in their role stays
    assert published.people["jo-park"].email == GENERIC
    assert catalog.roadmap("alpha-beta").people["ann-smith"].email == PERSONAL[0]  # the input is untouched


def test_a_withheld_person_is_left_out_with_every_reference_to_them(catalog: Catalog) -> None:
    for include_personal in (False, True):
        published = publish(catalog, include_personal=include_personal).catalog
        alpha = published.roadmap("alpha-beta")
        assert list(alpha.people) == ["ann-smith", "jo-park"]
        assert alpha.contacts == ("ann-smith",)
        assert alpha.proposals[0].contacts == ("ann-smith", "jo-park")
        assert [party.represented_by for party in alpha.agreements[0].parties] == ["ann-smith", None]
        assert alpha.snapshots[0].ambition is not None and alpha.snapshots[0].ambition.by is None
        assert alpha.visits[0].led_by is None
        assert [foreword.by for foreword in alpha.forewords] == ["ann-smith"]  # a foreword without its signer goes
        # unmarked in gamma-delta, the same address: withheld there too
        assert list(published.roadmap("gamma-delta").people) == ["park-min"]
        assert published.roadmap("gamma-delta").proposals[0].contacts == ("park-min",)
        text = repr(published)
        assert [word for word in WITHHELD if word.casefold() in text.casefold()] == []


def test_public_text_keeps_only_generic_addresses(catalog: Catalog) -> None:
    note = publish(catalog).catalog.roadmap("alpha-beta").notes[0]
    assert GENERIC in note
    assert "@beta.example" not in note and "Kim Lee" not in note
    assert "[e-mail withheld]" in note and "[name withheld]" in note
    included = publish(catalog, include_personal=True).catalog.roadmap("alpha-beta").notes[0]
    assert "press@beta.example" in included and "kim.lee@beta.example" not in included


def test_no_personal_address_is_left_anywhere(catalog: Catalog) -> None:
    text = repr(publish(catalog).catalog)
    assert [address for address in (*PERSONAL, "park.min@delta.example") if address in text] == []
    assert GENERIC in text


def test_include_personal_puts_personal_addresses_back(catalog: Catalog) -> None:
    publication = publish(catalog, include_personal=True)
    assert publication.include_personal
    assert publication.catalog.roadmap("alpha-beta").people["ann-smith"].email == PERSONAL[0]
    assert publication.catalog.roadmap("gamma-delta").people["park-min"].email == "park.min@delta.example"
    assert len(publication.withheld) == 1  # only the withheld person is left out now


def test_withheld_says_what_was_left_out(catalog: Catalog) -> None:
    withheld = publish(catalog).withheld
    assert len(withheld) == 3  # personal addresses, a withheld person, addresses in the text
    assert withheld[0].startswith("2 ")  # Ann Smith's and Park Min's addresses
    assert withheld[1].startswith("1 ")  # Kim Lee, once, though in two roadmaps
    assert withheld[2].startswith("1 ")  # press@ in the note (kim.lee@ goes with Kim Lee)
    assert publish(catalog, pairs=("gamma-delta",)).withheld[0].startswith("1 ")  # what the page shows


def test_publish_only_the_pairs_asked_for(catalog: Catalog) -> None:
    published = publish(catalog, pairs=("gamma-delta",)).catalog
    assert [roadmap.id for roadmap in published.roadmaps] == ["gamma-delta"]
    assert list(published.roadmap("gamma-delta").people) == ["park-min"]  # still withheld from alpha-beta's mark


def test_nothing_personal_nothing_said() -> None:
    catalog = load_catalog(RoadmapsLocation(FIXTURES / "query", "test"))

    def without_addresses(roadmap: records.Roadmap) -> records.Roadmap:
        people = ((key, person._replace(email=None)) for key, person in roadmap.people.items())
        return roadmap._replace(people=records.FrozenMap(people))

    bare = catalog._replace(roadmaps=tuple(map(without_addresses, catalog.roadmaps)))
    publication = publish(bare)
    assert publication.withheld == ()
    assert publication.catalog == bare


def _with_note(catalog: Catalog, note: str) -> Catalog:
    alpha = catalog.roadmap("alpha-beta")._replace(notes=(note,))
    return catalog._replace(roadmaps=(alpha, catalog.roadmap("gamma-delta")))


def _published_note(catalog: Catalog, note: str) -> str:
    return publish(_with_note(catalog, note)).catalog.roadmap("alpha-beta").notes[0]


def test_a_withheld_name_is_found_in_any_case_and_spacing_never_inside_a_word(catalog: Catalog) -> None:
    note = _published_note(catalog, "KIM\n  lee met Kimberly Leeds, Kim (of Lee Street) and kim-lee.")
    assert note == "[name withheld] met Kimberly Leeds, Kim (of Lee Street) and [name withheld]."


def test_an_address_in_text_is_left_out_however_long(catalog: Catalog) -> None:
    note = _published_note(catalog, f"Write to {'x' * 200}@beta.example or {'y.' * 5000}z@{'d.' * 300}example.")
    assert "@" not in note
    assert "[e-mail withheld]" in note
