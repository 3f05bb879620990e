"""A roadmap file edited as people wrote it: comments, key order, quoting and line breaks kept.

An edit reads the file with ruamel.yaml's round-trip loader, changes the values
it was asked to, and writes the file back. Before any change, the unedited
document is written out again in memory: unless that gives back the very bytes
read, the file holds something the round trip would rewrite (an anchor, a tag,
an odd indentation) and the edit is refused, naming the first such line, so an
edit never changes a byte it was not asked to. The result is validated as
``twins validate`` would before it is written, written in one step, and only
if the file is still what was read.

ruamel.yaml is imported here only, so queries and ``--help`` never load it.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from twins_cli.base.i18n import _
from twins_cli.base.paths import display_name
from twins_cli.errors import InputError, UsageError
from twins_cli.files.locate import MAX_FILE_BYTES, read_bytes

if TYPE_CHECKING:
    from ruamel.yaml import YAML

BOM = "\ufeff"
INDENT = 2  # a mapping's keys, and a list's "- " under its key: the layout of every shipped roadmap


class ChangedOnDiskError(InputError):
    """The file changed between reading it and writing the edit: nothing is written (exit 2)."""


class UnkeepableError(UsageError):
    """The file holds YAML that the round trip would rewrite: an edit would change more than asked (exit 2)."""


def _yaml() -> YAML:
    """The one round-trip configuration, for edits and for ``twins fmt``: YAML 1.2, long lines never re-wrapped."""
    try:
        from ruamel.yaml import YAML
    except ImportError:  # pragma: no cover - a dependency of twins-cli; only a broken installation lacks it
        raise UsageError(_("editing roadmaps needs ruamel.yaml"), _("reinstall twins-cli")) from None
    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=INDENT, sequence=2 * INDENT, offset=INDENT)
    return yaml


@dataclass
class Document:
    """A roadmap file as read: its bytes, and its data as ruamel's commented mappings and lists, to edit in place."""

    path: Path
    raw: bytes
    data: Any
    bom: bool = False
    crlf: bool = False

    @property
    def name(self) -> str:
        """The file as messages name it."""
        return display_name(self.path)

    @property
    def text(self) -> str:
        """What the file says, decoded."""
        return self.raw.decode("utf-8")

    def dump(self) -> bytes:
        """The data as the file would hold it now, with the file's own byte order mark and line endings."""
        import io

        out = io.StringIO()
        _yaml().dump(self.data, out)
        text = out.getvalue()
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return ((BOM if self.bom else "") + text).encode("utf-8")


def read_document(path: Path, *, keepable: bool = True) -> Document:
    """Read ``path`` for an edit; with ``keepable``, refuse a file the round trip would change (``UnkeepableError``)."""
    raw = read_bytes(path)
    name = display_name(path)
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(
            _("{name} is larger than 2 MiB; not edited").format(name=name), _("split it, or edit it by hand")
        )
    _refuse_unreadable(raw, name)
    text = raw.decode("utf-8")
    bom = text.startswith(BOM)
    text = text.removeprefix(BOM)
    first_line = text.split("\n", 1)[0]
    crlf = first_line.endswith("\r")  # as the first line ends, all do; any that does not is refused below
    data = _load(text.replace("\r\n", "\n") if crlf else text, name)
    document = Document(path, raw, data, bom, crlf)
    if keepable:
        _refuse_unkeepable(document)
    return document


def _refuse_unreadable(raw: bytes, name: str) -> None:
    """Refuse what twins's own reader refuses (bad encoding, nesting bombs, aliases…) before ruamel reads it."""
    from twins_cli.parse.yaml_document import parse_document

    document = parse_document(raw, name)
    if not document.readable:
        problem = document.problems[0].format() if document.problems else name
        raise UsageError(
            _("{name} cannot be read as a roadmap; not edited: {problem}").format(name=name, problem=problem),
            _("run `twins validate` on it"),
        )


def _load(text: str, name: str) -> Any:
    from ruamel.yaml.error import YAMLError

    try:
        data = _yaml().load(text)
    except YAMLError:
        raise UsageError(
            _("{name} is not YAML that twins can edit").format(name=name), _("run `twins validate` on it")
        ) from None
    from ruamel.yaml.comments import CommentedMap

    if not isinstance(data, CommentedMap):
        raise UsageError(
            _("{name} is not a roadmap: it holds no mapping of fields").format(name=name),
            _("run `twins validate` on it"),
        )
    return data


def _refuse_unkeepable(document: Document) -> None:
    """Refuse, at its first line, a file whose unedited round trip is not the bytes read."""
    again = document.dump()
    if again == document.raw:
        return
    old, new = document.raw.split(b"\n"), again.split(b"\n")  # a line's ending is part of it
    line = next(
        (number for number, pair in enumerate(zip(old, new, strict=False), 1) if pair[0] != pair[1]), len(new) + 1
    )
    raise UnkeepableError(
        _("{name}:{line}: twins cannot edit this file without rewriting this line").format(
            name=document.name, line=min(line, len(old))
        ),
        _(
            "it holds YAML that twins would write another way (a trailing space, a list not indented under its key…); "
            "edit it by hand, or see `twins fmt --diff` first"
        ),
    )


def save(document: Document, new: bytes) -> None:
    """Write ``new`` in one step, unless the file is read-only or changed since it was read (``ChangedOnDiskError``)."""
    from twins_cli.files.atomic import write_atomic

    if not os.lstat(document.path).st_mode & 0o222:  # nobody may write it: someone means it to stay as it is
        raise InputError(
            _("{name} is read-only; not written").format(name=document.name),
            _("make it writable (chmod u+w) if it should change"),
        )
    if read_bytes(document.path) != document.raw:
        raise ChangedOnDiskError(
            _("{name} changed on disk since twins read it; not written").format(name=document.name),
            _("run the command again"),
        )
    write_atomic(document.path, new, force=True)


# --- editing the commented data in place, keeping comments where a person put them ----------------------------


def set_field(mapping: Any, key: str, value: Any, order: Sequence[str]) -> None:
    """Set ``mapping[key]``: an existing key keeps its place and comment; a new one goes where ``order`` puts it."""
    if key in mapping:
        mapping[key] = value
        return
    rank = {name: number for number, name in enumerate(order)}
    position = 0
    for index, existing in enumerate(mapping):
        if rank.get(existing, len(order)) < rank.get(key, len(order)):
            position = index + 1
    # the comment lines above the key that follows stay above it, after the new key
    token = _take_trailing(mapping, list(mapping)[position - 1]) if position else None
    mapping.insert(position, key, value)
    if token is not None:
        _put_trailing(mapping, key, token)


def append_item(sequence: Any, value: Any) -> None:
    """Add ``value`` at the end of ``sequence``, after whatever comment closes its last item."""
    _append(sequence, lambda: sequence.append(value))


def remove_field(mapping: Any, key: str) -> None:
    """Remove ``key``; a comment that closed it closes the key before it now."""
    _remove(mapping, key)


def remove_item(sequence: Any, index: int) -> None:
    """Remove the item at ``index``; a comment that closed it closes the item before it now."""
    _remove(sequence, index)


def _remove(container: Any, key: Any) -> None:
    keys = list(container) if isinstance(container, dict) else list(range(len(container)))
    position = keys.index(key)
    token = _take_trailing(container, key)
    del container[key]  # ruamel moves a list's comments up with its items
    if token is None or not len(container):
        return
    if position:
        _put_trailing(container, keys[position - 1], token)
    else:  # above what is now the first entry, after any comment already there
        _indent_by_column(token)
        comment = container.ca.comment
        if comment is None:
            container.ca.comment = comment = [None, None]
        if comment[1] is None:
            comment[1] = []
        comment[1].append(token)


def _append(container: Any, add: Callable[[], None]) -> None:
    """Run ``add`` (which puts a new last entry in ``container``), moving the comment lines after the old last one.

    ruamel keeps the comment lines that follow a value with that value: left there, they would end up
    above the new entry, not after it, where the person wrote them (before the next item or section).
    """
    token = _take_trailing(container, _last_key(container)) if len(container) else None
    add()
    if token is not None:
        _put_trailing(container, _last_key(container), token)


def _last_key(container: Any) -> Any:
    return next(reversed(container)) if isinstance(container, dict) else len(container) - 1


def _slots(holder: Any, key: Any) -> list[tuple[Any, Any, int]]:
    """(container, key, index in its comment list) of ``holder[key]`` and of its last values, down to the deepest.

    ruamel keeps what follows a value at the deepest of them: a key's comments at index 2, a list item's at 0.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    found = []
    while True:
        found.append((holder, key, 2 if isinstance(holder, CommentedMap) else 0))
        value = holder[key]
        if not isinstance(value, (CommentedMap, CommentedSeq)) or not len(value):
            return found
        holder, key = value, _last_key(value)


def _take_trailing(holder: Any, key: Any) -> Any:
    """Cut the whole comment and blank lines after ``holder[key]`` from where ruamel keeps them; None if none.

    A comment on the value's own line stays with it. The token returned holds the lines alone.
    """
    for container, name, index in reversed(_slots(holder, key)):
        comments = container.ca.items.get(name)
        token = comments[index] if comments and len(comments) > index else None
        if token is None or not isinstance(token.value, str):
            continue
        if _is_block(container[name]):  # it ends with its own line break: the token holds whole lines only
            indent = 0 if token.value.startswith("\n") else token.start_mark.column
            kept, moved = "", " " * indent + token.value  # its first line is indented by the token's column
        else:
            end_of_line = token.value.find("\n")
            if end_of_line < 0:
                return None
            kept, moved = token.value[: end_of_line + 1], token.value[end_of_line + 1 :]
        if not moved:
            return None
        if kept in ("", "\n"):
            comments[index] = None
        else:
            token.value = kept
        taken = copy.copy(token)
        taken.value = moved
        return taken
    return None


def _put_trailing(holder: Any, key: Any, token: Any) -> None:
    """Put the lines taken by ``_take_trailing`` after ``holder[key]``."""
    container, name, index = _slots(holder, key)[-1]
    comments = container.ca.items.setdefault(name, [None, None, None, None])
    existing = comments[index]
    if existing is not None and isinstance(existing.value, str):  # it keeps its column, for its first line
        existing.value += token.value
        return
    if _is_block(container[name]):
        _indent_by_column(token)
    else:
        token.value = "\n" + token.value  # the end of the value's own line
    comments[index] = token


def _indent_by_column(token: Any) -> None:
    """Where a comment starts a line, ruamel indents its first line by the token's column, not by its text."""
    lines = token.value.lstrip(" ")
    token.start_mark = copy.copy(token.start_mark)
    token.start_mark.column = len(token.value) - len(lines)
    token.value = lines


def _is_block(value: Any) -> bool:
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    return isinstance(value, (FoldedScalarString, LiteralScalarString))


def reorder(mapping: Any, keys: Sequence[Any]) -> None:
    """Put the fields of ``mapping`` in the order of ``keys``, each with its comments and the lines above it.

    ruamel keeps the lines between two fields (a blank line, a heading comment) with the field before;
    they belong to the field after, and go with it. Those that closed the mapping still close it.
    """
    old = list(mapping)
    if old == list(keys):
        return
    closing = _take_trailing(mapping, old[-1])
    above = {key: _take_trailing(mapping, before) for before, key in pairwise(old)}
    for key in keys:
        mapping.move_to_end(key)
    # what was above the field now first cannot go above the mapping: it goes just after that field
    for before, key in [(keys[0], keys[0]), *pairwise(keys)]:
        if above.get(key) is not None:
            _put_trailing(mapping, before, above[key])
    if closing is not None:
        _put_trailing(mapping, keys[-1], closing)


@cache
def schema_data(name: str) -> dict[str, Any]:
    from twins_cli.check.schema import load_schema

    return load_schema(name)


def field_order(definition: str | None = None, schema: str = "roadmap") -> tuple[str, ...]:
    """The canonical order: the schema's, of the fields of ``$defs/definition`` (None: the top level)."""
    found = schema_data(schema)
    return tuple((found["$defs"][definition] if definition else found)["properties"])
