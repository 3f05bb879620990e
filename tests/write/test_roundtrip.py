"""The round trip under every edit: a document written back byte for byte, and entries added, removed
and reordered with the comment lines around them staying where a person wrote them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from twins_cli.write.roundtrip import append_item, read_document, remove_item, reorder, set_field

LISTS = """\
a:
  - x: 1  # one
    # about y
  - y: 2
  - z: 3
    # closing a
b:
  # above p
  - p: >-
      folded
      text
  # about q, after a block

  - q: 2
# the end
"""


def edited(tmp_path: Path, text: str, change: Any) -> str:
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    assert document.dump() == text.encode()
    change(document.data)
    return document.dump().decode()


@pytest.mark.parametrize(
    ("where", "index", "expected"),
    [
        ("a", 0, LISTS.replace("  - x: 1  # one\n", "")),  # what was above y is above it still
        ("a", 1, LISTS.replace("  - y: 2\n", "")),
        ("a", 2, LISTS.replace("  - z: 3\n", "")),  # what closed the list still closes it
        ("b", 0, LISTS.replace("  - p: >-\n      folded\n      text\n", "")),
        ("b", 1, LISTS.replace("  - q: 2\n", "")),
    ],
    ids=["first", "middle", "last", "first after a comment, a block", "last after a blank line"],
)
def test_removing_an_item_keeps_the_comments_around_it(tmp_path: Path, where: str, index: int, expected: str) -> None:
    assert edited(tmp_path, LISTS, lambda data: remove_item(data[where], index)) == expected


def test_appending_goes_after_the_lines_that_close_the_last_item(tmp_path: Path) -> None:
    from ruamel.yaml.comments import CommentedMap

    result = edited(tmp_path, LISTS, lambda data: append_item(data["a"], CommentedMap(w=4)))
    assert result == LISTS.replace("  - z: 3\n    # closing a\n", "  - z: 3\n  - w: 4\n    # closing a\n")


def test_a_new_field_goes_in_schema_order_below_the_comment_above_the_next(tmp_path: Path) -> None:
    text = "id: P1\n# the title\ntitle: One  # as printed\nstage: future\n"
    result = edited(
        tmp_path, text, lambda data: set_field(data, "tagline", "Short", ("id", "title", "tagline", "stage"))
    )
    assert result == "id: P1\n# the title\ntitle: One  # as printed\ntagline: Short\nstage: future\n"


def test_reorder_moves_each_field_with_the_lines_above_it(tmp_path: Path) -> None:
    text = "a: 1\n\n# about b\nb: 2\n# about c\nc: 3\n# the end\n"
    result = edited(tmp_path, text, lambda data: reorder(data, ["a", "c", "b"]))
    assert result == "a: 1\n# about c\nc: 3\n\n# about b\nb: 2\n# the end\n"
