"""The compiled validators: up to date with the schemas, and never more lenient than jsonschema."""

from __future__ import annotations

import ast
import copy
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from twins_cli.check.schema import fast_valid, load_schema
from twins_cli.parse.yaml_document import load_document

ROOT = Path(__file__).resolve().parents[2]
BUILT_IN = ROOT / "roadmaps" / "belfast-sejong.yaml"


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("generate_fastcheck", ROOT / "tools" / "generate_fastcheck.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["roadmap", "programme"])
def test_compiled_validator_matches_its_schema(name: str) -> None:
    """The committed checks are the code the generator makes of the schema now (compared as code: each
    Python's ``ast.unparse`` spells the same code a little differently)."""
    generator = _generator()
    committed = generator.target(name).read_text(encoding="utf-8")
    made = generator.generate(name)
    assert ast.dump(ast.parse(committed)) == ast.dump(ast.parse(made)), "run: python tools/generate_fastcheck.py"


def _thorough_valid(data: Any, name: str) -> bool:
    return Draft202012Validator(load_schema(name)).is_valid(data)


def _paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in ``data``."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*path, index))
    return found


REPLACEMENTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.lists(st.text(max_size=3), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
BASE = load_document(BUILT_IN).data
PATHS = _paths(BASE)[1:]


def _mutate(data: Any, path: tuple[Any, ...], action: str, value: Any) -> Any:
    mutated = copy.deepcopy(data)
    parent = mutated
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "replace":
        parent[last] = value
    else:  # add an unknown sibling field, or an extra list item
        if isinstance(parent, dict):
            parent[f"{last}x"] = value
        else:
            parent.append(value)
    return mutated


@settings(max_examples=150, deadline=None)
@given(
    path=st.sampled_from(PATHS),
    action=st.sampled_from(["delete", "replace", "add"]),
    value=REPLACEMENTS,
)
def test_fast_check_never_accepts_what_jsonschema_rejects(path: tuple[Any, ...], action: str, value: Any) -> None:
    mutated = _mutate(BASE, path, action, value)
    if fast_valid(mutated, "roadmap"):
        assert _thorough_valid(mutated, "roadmap"), json.dumps(mutated)[:300]


def test_fast_check_accepts_the_built_in_roadmaps() -> None:
    for path in sorted((ROOT / "roadmaps").glob("*.yaml")):
        name = "programme" if path.name == "programme.yaml" else "roadmap"
        assert fast_valid(load_document(path).data, name), path


def test_a_boolean_is_not_schema_version_one() -> None:
    data = {**BASE, "schema_version": True}
    assert not fast_valid(data, "roadmap")
    assert not _thorough_valid(data, "roadmap")


def test_a_pattern_remembers_only_what_it_matched_and_only_so_much() -> None:
    """Ids and slugs repeat, so a pattern keeps the strings it matched: never one it refused, never without end."""
    from twins_cli.check.fastcheck.shared import RememberedPattern

    slug = RememberedPattern(r"^[a-z0-9]+(-[a-z0-9]+)*\Z")
    assert slug.search("invest-ni") and slug.search("invest-ni")
    assert not slug.search("Invest NI") and not slug.search("Invest NI")
    for number in range(70_000):
        slug.search(f"slug-{number}")
    assert len(slug.matched) <= 65_536
    assert not slug.search("slug-") and slug.search("slug-69999")


def test_a_proposal_alone_is_checked_as_in_a_roadmap() -> None:
    data = load_document(BUILT_IN).data
    proposal = data["proposals"][0]
    assert fast_valid(proposal, "roadmap", "proposal")
    assert not fast_valid({**proposal, "stage": "someday"}, "roadmap", "proposal")
    assert not fast_valid({key: value for key, value in proposal.items() if key != "leads"}, "roadmap", "proposal")


SIMPLE_EXAMPLES = {  # a string each simple pattern matches, to mutate into near misses
    r"^[a-z0-9]+(-[a-z0-9]+)*\Z": "belfast-sejong-2",
    r"^[A-Z]{2}\Z": "GB",
    r"^[A-Z]{3}\Z": "KRW",
    r"^P[1-9][0-9]*\Z": "P105",
    r"^[0-9]{4}-[0-9]{2}\Z": "2025-03",
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z": "2025-03-14",
    r"^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|(Early|Mid|Late|Q[1-4]|H[12]) [0-9]{4})\Z": "Early 2025",
    r"^https?://[^\s]+\Z": "https://www.qub.ac.uk/x?y=1",
}
NEAR = [
    "0",
    "5",
    "9",
    "a",
    "z",
    "A",
    "Z",
    "P",
    "-",
    " ",
    "\n",
    "\u3000",
    "\x1c",
    "\u0663",
    "é",
    "Q",
    "H",
    "s",
    "/",
    ":",
]


@pytest.mark.parametrize("source", sorted(SIMPLE_EXAMPLES))
def test_a_simple_pattern_is_checked_as_its_regular_expression_would(source: str) -> None:
    """The patterns checked with string methods say what ``re`` says, for strings near and far from a match."""
    import random
    import re

    from twins_cli.check.fastcheck.shared import SIMPLE_PATTERNS

    rng = random.Random(source)
    seeds = [SIMPLE_EXAMPLES[source], "2025", "2025-03", "2025-03-14", "Q3 2026", "H2 2024", "http://a", "KR", "P1"]
    texts = ["", *seeds]
    for _ in range(4_000):
        text = list(rng.choice(seeds))
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text) + 1)
            action = rng.choice(("insert", "replace", "delete"))
            if action == "insert" or not text[at:]:
                text.insert(at, rng.choice(NEAR))
            elif action == "replace":
                text[at] = rng.choice(NEAR)
            else:
                del text[at]
        texts.append("".join(text))
    check = SIMPLE_PATTERNS[source]
    expected = [re.search(source, text) is not None for text in texts]
    assert [check(text) for text in texts] == expected
    assert set(expected) == {True, False}


def test_a_pattern_not_listed_as_simple_is_compiled_when_first_used() -> None:
    """A pattern the schema adds later still works, remembered as the simple ones are."""
    from twins_cli.check.fastcheck.shared import remembered

    made = remembered({"slug": r"^[a-z0-9]+(-[a-z0-9]+)*\Z", "other": r"^x+\Z"})
    assert made["slug"].check is not None and made["other"].check is None
    assert made["slug"].search("a-b") and not made["slug"].search("a--b")
    assert made["other"].search("xx") and not made["other"].search("xy")
    assert made["other"].check is not None and made["other"].matched == {"xx"}
