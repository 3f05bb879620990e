"""``twins fmt`` on the shipped roadmaps: they are already laid out canonically, and however their fields are
shuffled, formatting gives back the same data, and formatting twice changes nothing more.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twins_cli.parse.yaml_document import parse_document
from twins_cli.write.edits import format_file
from twins_cli.write.roundtrip import read_document, reorder

ROADMAPS = Path(__file__).resolve().parents[2] / "roadmaps"
SHIPPED = sorted(ROADMAPS.glob("*.yaml"))

pytestmark = pytest.mark.data


def data_of(raw: bytes) -> Any:
    document = parse_document(raw, "x.yaml")
    assert document.readable
    return document.data


@pytest.mark.parametrize("path", SHIPPED, ids=[path.name for path in SHIPPED])
def test_every_shipped_roadmap_is_canonical_and_keeps_its_bytes_through_an_edit(path: Path) -> None:
    assert format_file(path, write=False).diff == ""
    document = read_document(path)  # refused if its round trip would change a byte
    assert document.dump() == path.read_bytes()


def shuffle(node: Any, rng: random.Random) -> None:
    """Put the fields of every mapping in a random order (comments go with them)."""
    if isinstance(node, dict):
        keys = list(node)
        rng.shuffle(keys)
        reorder(node, keys)
        for value in node.values():
            shuffle(value, rng)
    elif isinstance(node, list):
        for item in node:
            shuffle(item, rng)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(SHIPPED), seed=st.integers(0, 2**32 - 1))
def test_fmt_of_a_shuffled_roadmap_keeps_its_data_and_is_idempotent(
    path: Path, seed: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("fmt")
    shutil.copy(ROADMAPS / "programme.yaml", folder / "programme.yaml")
    target = folder / path.name
    document = read_document(path)
    shuffle(document.data, random.Random(seed))
    target.write_bytes(document.dump())
    assert data_of(target.read_bytes()) == data_of(path.read_bytes())

    format_file(target, write=True)
    assert data_of(target.read_bytes()) == data_of(path.read_bytes())
    assert format_file(target, write=False).diff == ""
