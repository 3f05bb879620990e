"""The model: every field the schemas allow lands in a frozen, hashable, typed record.

Built from tests/fixtures/model, a roadmap and a programme file that fill every
field their schemas allow: a new schema field fails here until it has a record
field, and the fixture a value for it.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Iterator
from datetime import date
from typing import Any, NamedTuple, get_args, get_type_hints

import pytest

from conftest import FIXTURES, Run
from twins_cli.base.dates import FuzzyDate
from twins_cli.check.validate import check_files
from twins_cli.files.locate import schema_file
from twins_cli.model import records
from twins_cli.model.build import programme_from_data, roadmap_from_data
from twins_cli.model.records import (
    Catalog,
    Figure,
    FrozenMap,
    Programme,
    Roadmap,
    Stop,
    record,
    split_qualified_id,
)

FIXTURE = FIXTURES / "model"
FLAT = "the properties of this object are fields of the record that holds it"
NOT_MODELLED = "not modelled"
# Where a schema property lands when it is not in a field of its own name. Array items add no step to a path.
LANDINGS = {
    "roadmap": {
        "schema_version": NOT_MODELLED,  # the file format's version, checked by the schema: no content
        "pair": FLAT,
        "pair.roadmap": FLAT,
        "pair.roadmap.source": "document_source",
        "proposals.timeline": FLAT,
        "proposals.inferred": FLAT,
        "proposals.inferred.types": "inferred_types",
        "proposals.inferred.themes": "inferred_themes",
        "proposals.inferred.reason": "inference_reason",
        "visits.from": "from_place",
        "visits.to": "to_place",
    },
    "programme": {"schema_version": NOT_MODELLED, "programme": FLAT},
}
ROOTS = {"roadmap": Roadmap, "programme": Programme}


class Built(NamedTuple):
    data: dict[str, Any]
    value: Roadmap | Programme


@pytest.fixture(scope="module")
def built() -> dict[str, Built]:
    """The fixture's files as checked data and as records."""
    checked = check_files([FIXTURE / "alpha-beta.yaml"], keep_data=True)
    assert checked.problems == []
    programme = next(iter(checked.programmes.values())).data
    roadmap = checked.roadmaps[0].data
    return {
        "roadmap": Built(roadmap, roadmap_from_data("alpha-beta.yaml", roadmap)),
        "programme": Built(programme, programme_from_data(programme)),
    }


@pytest.fixture(scope="module")
def catalog(built: dict[str, Built]) -> Catalog:
    programme, roadmap = built["programme"].value, built["roadmap"].value
    assert isinstance(programme, Programme) and isinstance(roadmap, Roadmap)
    return Catalog(programme, (roadmap,))


# --- every schema field has a record field, and the fixture's values land in them ----------


def _schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_file(name).read_text(encoding="utf-8"))
    return loaded


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].removeprefix("#/$defs/")]
    return node


def _object_of(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any] | None:
    """The object schema of a property, or of its array's items; None for anything else."""
    node = _resolve(schema, node)
    if "items" in node:
        node = _resolve(schema, node["items"])
    return node if "properties" in node else None


def _record_type(hint: Any) -> Any:
    """The record class a field holds: itself, optional, in a tuple or looked up by id."""
    if isinstance(hint, type) and issubclass(hint, tuple) and hasattr(hint, "_fields"):
        hints = get_type_hints(hint)
        return _record_type(hints["terms"]) if "terms" in hints else hint  # a TermSet holds its terms
    return next((found for arg in get_args(hint) if (found := _record_type(arg)) is not None), None)


def _schema_fields(kind: str) -> Iterator[tuple[str, type, str, dict[str, Any]]]:
    """Every property of a schema as (path, record class, field name, its schema), where LANDINGS place it."""
    schema, landings = _schema(kind), LANDINGS[kind]

    def walk(node: dict[str, Any], cls: type, path: str) -> Iterator[tuple[str, type, str, dict[str, Any]]]:
        for name, sub in _resolve(schema, node)["properties"].items():
            where = f"{path}.{name}" if path else name
            field = landings.get(where, name)
            if field == FLAT:
                yield from walk(sub, cls, where)
            elif field != NOT_MODELLED:
                yield where, cls, field, sub
                inner = _object_of(schema, sub)
                held = _record_type(get_type_hints(cls).get(field))
                if inner is not None and held is not None:
                    yield from walk(inner, held, where)

    return walk(schema, ROOTS[kind], "")


@pytest.mark.parametrize("kind", ["roadmap", "programme"])
def test_every_schema_field_has_a_record_field(kind: str) -> None:
    fields = list(_schema_fields(kind))
    assert len(fields) > 20
    assert [f"{where}: no {cls.__name__}.{field}" for where, cls, field, _ in fields if field not in cls._fields] == []  # type: ignore[attr-defined]
    schema = _schema(kind)
    raw = [
        f"{where}: {cls.__name__}.{field} holds no record"
        for where, cls, field, sub in fields
        if _object_of(schema, sub) is not None and _record_type(get_type_hints(cls)[field]) is None
    ]
    assert raw == []


def _as_written(value: Any) -> Any:
    """A record's value as the file writes it, to compare with the data."""
    if isinstance(value, FuzzyDate):
        return value.label if value.qualifier else value.iso
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, tuple):
        return [_as_written(item) for item in value]
    return value


def _items(value: Any) -> tuple[Any, ...]:
    """The records of a list: a tuple's, a FrozenMap's values, a TermSet's terms."""
    if isinstance(value, FrozenMap):
        return tuple(value.values())
    return tuple(value.terms) if hasattr(value, "terms") else tuple(value)


class Landed(NamedTuple):
    path: str  # in the file
    field: tuple[type, str]  # record class and field
    written: Any  # in the file
    held: Any  # in the record, as the file writes it


def _landed(kind: str, data: dict[str, Any], value: Any) -> Iterator[Landed]:
    """Where every scalar and list of scalars of the file lands in the records."""
    landings = LANDINGS[kind]

    def walk(data: dict[str, Any], value: Any, path: str) -> Iterator[Landed]:
        for name, item in data.items():
            where = f"{path}.{name}" if path else name
            field = landings.get(where, name)
            if field == NOT_MODELLED:
                continue
            if field == FLAT:
                yield from walk(item, value, where)
                continue
            held = getattr(value, field)
            if isinstance(item, dict):
                yield Landed(where, (type(value), field), None, None)  # a record: compared field by field
                yield from walk(item, held, where)
            elif isinstance(item, list) and item and isinstance(item[0], dict):
                yield Landed(where, (type(value), field), None, None)
                for one, record_of_one in zip(item, _items(held), strict=True):
                    yield from walk(one, record_of_one, where)
            else:
                written = sorted(item) if isinstance(held, frozenset) else item
                yield Landed(where, (type(value), field), written, _as_written(held))

    return walk(data, value, "")


@pytest.mark.parametrize("kind", ["roadmap", "programme"])
def test_the_fixture_fills_every_record_field_the_schema_has(kind: str, built: dict[str, Built]) -> None:
    """Each record field is built from the fixture at least once (a $def used in several places, once)."""
    wanted = {(cls, field) for _, cls, field, _ in _schema_fields(kind)}
    filled = {landed.field for landed in _landed(kind, built[kind].data, built[kind].value)}
    assert {f"{cls.__name__}.{field}" for cls, field in wanted - filled} == set()


@pytest.mark.parametrize("kind", ["roadmap", "programme"])
def test_every_value_of_the_file_lands_in_its_record(kind: str, built: dict[str, Built]) -> None:
    landed = list(_landed(kind, built[kind].data, built[kind].value))
    assert len(landed) > 20
    assert [(found.path, found.written, found.held) for found in landed if found.written != found.held] == []


# --- frozen, hashable, no mutable contents; records are not tuples to compare -------------------

IMMUTABLE_LEAVES = (str, int, float, bool, type(None), date, FuzzyDate)
RECORD_CLASSES = {
    value
    for value in vars(records).values()
    if isinstance(value, type) and issubclass(value, tuple) and value.__module__ == records.__name__
}


def _everything_in(value: Any) -> Iterator[Any]:
    """The value and everything it holds, down to texts and dates."""
    yield value
    if isinstance(value, FuzzyDate) or not isinstance(value, (tuple, frozenset, FrozenMap)):
        return
    for item in value.values() if isinstance(value, FrozenMap) else value:
        yield from _everything_in(item)


def _records_in(catalog: Catalog) -> list[Any]:
    return [value for value in _everything_in(catalog) if type(value) in RECORD_CLASSES]


def test_the_fixture_makes_every_kind_of_record(catalog: Catalog) -> None:
    """All but proposals in brief, which come from the proposal index (tests/check/test_proposal_index.py)."""
    assert {type(value) for value in _records_in(catalog)} == RECORD_CLASSES - {records.PairProposals}


def test_records_hold_nothing_mutable(catalog: Catalog) -> None:
    held = {type(value) for value in _everything_in(catalog)}
    mutable = {kind for kind in held if not issubclass(kind, (*IMMUTABLE_LEAVES, tuple, frozenset, FrozenMap))}
    assert mutable == set()
    assert {tuple, FrozenMap, frozenset, FuzzyDate, date} <= held  # the walk reached what the lists became


def test_every_record_is_hashable_and_equal_builds_are_equal(catalog: Catalog, built: dict[str, Built]) -> None:
    for value in _records_in(catalog):
        assert isinstance(hash(value), int)
    again = roadmap_from_data("alpha-beta.yaml", built["roadmap"].data)
    assert again == built["roadmap"].value
    assert hash(again) == hash(built["roadmap"].value)
    assert len({again, built["roadmap"].value}) == 1


def test_no_field_of_any_record_can_be_assigned(catalog: Catalog) -> None:
    for value in _records_in(catalog):
        with pytest.raises(AttributeError):
            setattr(value, value._fields[0], "changed")


def test_looked_up_records_cannot_be_changed(catalog: Catalog) -> None:
    roadmap = catalog.roadmaps[0]
    with pytest.raises(TypeError):
        roadmap.organisations["intruder"] = roadmap.organisations["alpha-council"]  # type: ignore[index]
    with pytest.raises(TypeError):
        del roadmap.people["ann-smith"]  # type: ignore[attr-defined]
    assert not hasattr(roadmap.organisations, "pop") and not hasattr(roadmap.organisations, "update")
    assert dict(roadmap.organisations) == {item.id: item for item in roadmap.organisations.values()}


def test_a_record_equals_only_a_record_of_its_own_kind() -> None:
    figure = Figure("Jobs", "236,476")
    assert figure == Figure("Jobs", "236,476")
    assert figure != ("Jobs", "236,476")
    assert figure != Stop("Jobs", "236,476")
    assert len({figure, Stop("Jobs", "236,476"), Figure("Jobs", "236,476")}) == 2


def test_every_record_is_unordered(catalog: Catalog) -> None:
    """As a frozen dataclass: ``<`` raises at once, rather than comparing fields until a None meets a text."""
    for value in _records_in(catalog):
        for compare in (operator.lt, operator.le, operator.gt, operator.ge):
            for left, right in ((value, value), (value, tuple(value)), (tuple(value), value)):
                with pytest.raises(TypeError):
                    compare(left, right)


def test_record_makes_a_namedtuple_a_record() -> None:
    @record
    class Pairing(NamedTuple):
        left: str
        right: str | None = None

    assert Pairing("a") != ("a", None)
    with pytest.raises(TypeError):
        assert Pairing("a") < Pairing("b")
    assert {Pairing("a"): 1}[Pairing("a")] == 1


def test_split_qualified_id_undoes_qualified_id(catalog: Catalog) -> None:
    assert catalog.proposals
    for proposal in catalog.proposals:
        assert split_qualified_id(proposal.qualified_id) == (proposal.pair, proposal.id)


@pytest.mark.parametrize(
    ("ref", "parts"), [("belfast-sejong/P5", ("belfast-sejong", "P5")), ("P5", ("", "P5")), ("/P5", ("", "P5"))]
)
def test_split_qualified_id_of_a_bare_id_has_no_pair(ref: str, parts: tuple[str, str]) -> None:
    assert split_qualified_id(ref) == parts


def test_the_briefing_shows_every_part_of_a_snapshot_record(run: Run) -> None:
    result = run("--roadmaps", str(FIXTURE), "report", "--as-of", "2025-01-01")
    assert result.exit_code == 0
    snapshot = result.stdout[result.stdout.index("### City snapshot: Alpha") : result.stdout.index("### Proposals")]
    lines = [line for line in snapshot.splitlines() if line]
    assert lines[1:4] == [
        "- **Population:** 1,000 (Greater Alpha)",
        "- **GDP per head:** $56,811.5 (USD\\*, 2021)",
        "- **Number of jobs:** 236,476",
    ]
    headings = [line for line in lines if line.startswith("#### ")]
    assert headings == [
        "#### Key sectors",
        *(f"#### Innovation ecosystem: {name}" for name in ("strengths", "research", "academia")),
        *(f"#### Innovation ecosystem: {name}" for name in ("civic and policy", "business", "facilities")),
        "#### Ambition",
    ]
    assert lines[-2:] == ["Be the safest city.", "— Dr Ann Smith, Director"]
