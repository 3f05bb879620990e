"""Read a YAML file safely into plain data, remembering where every value stood.

PyYAML's own loaders are not used to build the data: they follow YAML 1.1, so
``no`` becomes ``False``, ``2024-03-01`` a ``date`` and ``012`` the number 10,
and they keep the last of two duplicate keys without a word. Instead the file
is *composed* into nodes (libyaml's C parser where installed) and the nodes
are turned into data here, by YAML 1.2 core rules:

- quoted and block scalars are always text; dates stay text as written;
- plain scalars become int, float, bool or null only when they look like one
  in YAML 1.2 (``true``, ``12``, ``1e3``, ``~``); ``yes``/``no``/``NO`` stay text;
- tags other than ``!!str`` (``!!python/...``) are refused, never executed;
- duplicate keys, non-text keys, merge keys (``<<``) and aliases are problems;
- nesting deeper than ``MAX_DEPTH``, more than ``MAX_NODES`` values and files
  over ``MAX_FILE_BYTES`` are refused, so memory is bounded whatever the shape.

Every content mistake becomes a ``Problem`` at its line and column, a syntax
error in our words (``yamlsyntax``); only a file that cannot be read at all
raises ``InputError``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from twins_cli.base.i18n import N_, _
from twins_cli.base.paths import display_name
from twins_cli.files.locate import MAX_FILE_BYTES, read_bytes
from twins_cli.problems import Path_, Problem

if TYPE_CHECKING:
    from twins_cli.parse.syntax_errors import Before

MAX_DEPTH = 64
MAX_NODES = 100_000  # values (scalars, lists, mappings) in one file; the largest roadmap has about 2,000

_LIBYAML_DEPTH_LIMIT = "maximum nesting depth"  # the problem libyaml 0.2.6 reports at its limit of 1,000 levels
_IMPLICIT = "tag:twins,implicit"  # what a scalar with no tag of its own is given: resolved here, by YAML 1.2

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _Refused(Exception):
    """Composing stopped at a limit: ``message`` says which, ``mark`` is where it was passed.

    With ``after``, ``mark`` is where the node read last ends: the node refused starts at the next token.
    """

    def __init__(self, mark: yaml.Mark, code: str, message: str, *, after: bool = False) -> None:
        super().__init__(mark, message)
        self.mark = mark
        self.code = code
        self.message = message
        self.after = after


_TOO_DEEP = N_("nested more than {depth} levels deep; not read")  # translated where said


def loader_class(base: Any) -> Any:
    """A loader whose resolver tags every untagged scalar ``_IMPLICIT`` and stops at ``MAX_DEPTH`` and ``MAX_NODES``.

    PyYAML's resolver would apply YAML 1.1 (``no`` is false) and costs a
    regex search per scalar; here plain scalars are resolved once, by YAML 1.2
    core rules, and a tag the file writes itself stays visible to be refused.
    Both composers call ``descend_resolver`` once per node, before composing it,
    with its parent: counting levels there stops deep nesting before libyaml's
    composer, which recurses in C, crashes the process (some 50,000 levels of
    ``[`` fit in a small file), and counting nodes stops a file of a million
    tiny values before its nodes take hundreds of megabytes.
    """

    class Loader(base):  # type: ignore[misc]
        depth = 0
        nodes = 0

        def resolve(self, kind: type, value: Any, implicit: Any) -> str:
            if kind is yaml.ScalarNode:
                return _IMPLICIT
            return _SEQ if kind is yaml.SequenceNode else _MAP

        def descend_resolver(self, current_node: yaml.Node | None, current_index: Any) -> None:
            self.depth += 1
            self.nodes += 1
            if current_node is None:  # the document itself, level 0
                return
            if self.depth > MAX_DEPTH + 1:
                raise _Refused(current_node.start_mark, "T011", _(_TOO_DEEP).format(depth=MAX_DEPTH))
            if self.nodes > MAX_NODES:
                message = _("more than {count} values, far more than any roadmap holds; not read").format(
                    count=f"{MAX_NODES:,}"
                )
                raise _Refused(_last_read(current_node, current_index), "T012", message, after=True)

        def ascend_resolver(self) -> None:
            self.depth -= 1

    return Loader


def _last_read(parent: yaml.Node, index: Any) -> yaml.Mark:
    """Where the node read last before the next child of ``parent`` ends: near where that child starts."""
    if isinstance(index, yaml.Node):  # a mapping's value comes next: its key was read last
        return index.end_mark
    if parent.value:
        last = parent.value[-1]
        node: yaml.Node = last[1] if isinstance(last, tuple) else last  # a mapping holds (key, value) pairs
        return node.end_mark
    return parent.start_mark


_Loader: Any = loader_class(getattr(yaml, "CSafeLoader", yaml.SafeLoader))

_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NUMBER_START = frozenset("+-.0123456789")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


@dataclass
class YamlDocument:
    """A YAML file read into data, with positions for reporting problems."""

    file: str
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    value_at: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_at: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    written: dict[Path_, str] = field(default_factory=dict)

    @property
    def readable(self) -> bool:
        """Whether the file was read far enough to check its content."""
        return self.data is not None

    def position(self, path: Path_) -> tuple[int, int]:
        """Line and column of the value at ``path``, or of its nearest known parent."""
        for end in range(len(path), -1, -1):
            found = self.value_at.get(path[:end])
            if found:
                return found
        return (1, 1)

    def key_position(self, path: Path_) -> tuple[int, int]:
        """Line and column of the key naming ``path`` (the value's when it has none)."""
        return self.key_at.get(path) or self.position(path)

    def problem(self, code: str, path: Path_, message: str, *, at_key: bool = False) -> Problem:
        """A problem of ``code`` located at ``path`` in this document."""
        line, column = self.key_position(path) if at_key else self.position(path)
        return Problem(self.file, line, column, code, message, path)


def load_document(path: Path) -> YamlDocument:
    """Read ``path`` into a ``YamlDocument``; content problems are collected, not raised."""
    return parse_document(read_bytes(path), display_name(path))


def parse_document(raw: bytes, name: str) -> YamlDocument:
    """Turn the bytes of a file called ``name`` into a ``YamlDocument``."""
    doc = YamlDocument(name)
    text = _decode(raw, doc)
    if text is None:
        return doc
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        doc.problems.append(_syntax_problem(name, error, text))
        return doc
    except yaml.reader.ReaderError as error:
        line, column = _line_column(text, error.position)
        message = _("the character {code} is not allowed in YAML; remove it").format(code=f"U+{error.character:04X}")
        doc.problems.append(Problem(name, line, column, "T003", message))
        return doc
    except yaml.YAMLError:  # any other libyaml complaint, without a mark
        from twins_cli.parse.syntax_errors import FAMILIES

        doc.problems.append(Problem(name, 1, 1, "T010", _(FAMILIES["unreadable"].message)))
        return doc
    except _Refused as error:
        doc.problems.append(_refused_problem(name, text, error))
        return doc
    if node is None:
        doc.problems.append(Problem(name, 1, 1, "T013", _("the file is empty (no YAML document in it)")))
        return doc
    builder = _Builder(doc)
    data = builder.build(node, ())
    if data is None and not doc.problems:
        message = _("the file holds no data (a null document); it should be a mapping of fields")
        doc.problems.append(Problem(name, 1, 1, "T013", message))
    doc.data = data
    return doc


def _decode(raw: bytes, doc: YamlDocument) -> str | None:
    """UTF-8 text of ``raw`` (a UTF-8 BOM is dropped), or ``None`` with a problem recorded."""
    if len(raw) > MAX_FILE_BYTES:
        doc.problems.append(
            Problem(
                doc.file,
                1,
                1,
                "T001",
                _("file is larger than {size} MiB, far larger than any roadmap; not read").format(
                    size=MAX_FILE_BYTES // (1024 * 1024)
                ),
            )
        )
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        doc.problems.append(Problem(doc.file, 1, 1, "T002", _("file is UTF-16 encoded; save it as UTF-8")))
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = _line_column_bytes(raw, nul)
        said = _("file contains a NUL byte: is it a binary file?")
        doc.problems.append(Problem(doc.file, line, column, "T002", said))
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_column_bytes(raw, error.start)
        said = _("file is not valid UTF-8; save it as UTF-8")
        doc.problems.append(Problem(doc.file, line, column, "T002", said))
        return None


def _line_column_bytes(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _compose(text: str) -> yaml.Node | None:
    loader = _Loader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
    finally:
        loader.dispose()
    return node


# what may stand between two nodes: spaces, comments, commas and the indicators "- ", "? ", ": "
_BETWEEN_NODES = re.compile(r"(?:\s+|[-?:](?=\s)|,|#[^\n]*)*")


def _refused_problem(name: str, text: str, error: _Refused) -> Problem:
    index = error.mark.index  # in characters, from either parser
    between = _BETWEEN_NODES.match(text, index) if error.after else None
    return Problem(name, *_line_column(text, between.end() if between else index), error.code, error.message)


def _syntax_problem(name: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    """The error in our words (see ``yamlsyntax``), or our nesting problem when libyaml's own depth limit stopped it."""
    if _LIBYAML_DEPTH_LIMIT in (error.problem or "") and error.problem_mark:
        return _depth_problem(name, text, error.problem_mark)
    # imported here: its twenty patterns are compiled only when a file does not parse
    from twins_cli.parse.syntax_errors import explain

    explained = explain(error, text, lambda where: _read_before(text, where))
    return Problem(name, explained.line, explained.column, "T010", explained.message)


def _depth_problem(name: str, text: str, mark: yaml.Mark) -> Problem:
    """Our nesting problem, where our own count would have stopped, for an error libyaml raised at its depth limit.

    libyaml 0.2.6 (in newer PyYAML wheels) refuses the 1,000th level of ``[`` while it
    still looks ahead for a key, before its composer has reached ours. Read up to
    the mark again: the same levels are there, so our count stops them first.
    """
    try:
        _compose(_text_before(text, _position(mark)))
    except _Refused as error:
        return _refused_problem(name, text, error)
    except yaml.YAMLError:  # the text cut short fails otherwise: say it at libyaml's mark
        pass
    return _refused_problem(name, text, _Refused(mark, "T011", _(_TOO_DEEP).format(depth=MAX_DEPTH)))


def _text_before(text: str, where: tuple[int, int]) -> str:
    """``text`` up to (not including) the 1-based line and column ``where``."""
    line, column = where
    lines = text.split("\n")
    return "\n".join([*lines[: line - 1], lines[line - 1][: column - 1] if line <= len(lines) else ""])


def _read_before(text: str, where: tuple[int, int]) -> Before:
    """What the text holds just before ``where``: the last quoted value and the brackets left open.

    Only asked once a file has failed, so its cost (scanning the text again, up to
    ``where``) is paid once per broken file.
    """
    last: yaml.Token | None = None
    brackets: list[yaml.Mark] = []
    loader = _Loader(_text_before(text, where))
    try:
        while loader.check_token():
            token = loader.get_token()
            if isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)):
                brackets.append(token.start_mark)
            elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)) and brackets:
                brackets.pop()
            if token.start_mark.index != token.end_mark.index:  # skip the empty markers of where blocks end
                last = token
    except yaml.YAMLError:  # the text cut short may end mid-token: what was read is enough
        pass
    finally:
        loader.dispose()
    from twins_cli.parse.syntax_errors import Before

    quote = None
    if isinstance(last, yaml.ScalarToken) and last.style in ("'", '"'):
        quote = (_position(last.start_mark), _position(last.end_mark))
    return Before(quote, _position(brackets[-1]) if brackets else None)


def _position(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


class _Builder:
    """Turns composed nodes into plain data, recording positions and problems."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.seen: set[int] = set()

    def _problem(self, node: yaml.Node, path: Path_, code: str, message: str) -> None:
        mark = node.start_mark
        self.doc.problems.append(Problem(self.doc.file, mark.line + 1, mark.column + 1, code, message, path))

    def build(self, node: yaml.Node, path: Path_) -> Any:
        mark = node.start_mark
        self.doc.value_at[path] = (mark.line + 1, mark.column + 1)
        if id(node) in self.seen:
            # the node is the anchored one, so its mark is the anchor's: point at the key, or the list, instead
            where = self.doc.value_at[path] = self.doc.key_at.get(path) or self.doc.position(path[:-1])
            line, column = where
            message = _("aliases (*name) are not supported in roadmaps; write the value out")
            self.doc.problems.append(Problem(self.doc.file, line, column, "T023", message, path))
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        if node.tag not in (_MAP, _SEQ):
            self._problem(node, path, "T022", _("tag {tag!r} is not allowed; remove it").format(tag=node.tag))
            return None
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in _letting_go(node.value)]
        assert isinstance(node, yaml.MappingNode)
        return self._mapping(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for _index, (key_node, value_node) in _letting_go(node.value):
            if key_node.tag == _IMPLICIT and not key_node.style and key_node.value == "<<":
                self._problem(
                    key_node, path, "T024", _("merge keys (<<) are not supported in roadmaps; write the fields out")
                )
                continue
            is_scalar = isinstance(key_node, yaml.ScalarNode)
            key = self._scalar(key_node, path, record=False) if is_scalar else None
            if not isinstance(key, str):
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else _("a collection")
                said = _("key {key!r} is not text; field names are words").format(key=shown)
                self._problem(key_node, path, "T021", said)
                continue
            key_line = key_node.start_mark.line + 1
            child = (*path, key)
            if key in first_line:
                said = _("duplicate key {key!r} (first at line {line})").format(key=key, line=first_line[key])
                self._problem(key_node, child, "T020", said)
                continue
            first_line[key] = key_line
            self.doc.key_at[child] = (key_line, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, child)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: Path_, *, record: bool = True) -> Any:
        value: str = node.value
        if node.tag == _STR or (node.tag == _IMPLICIT and node.style):  # !!str, quoted or block: text
            return value
        if node.tag != _IMPLICIT:
            self._problem(node, path, "T022", _("tag {tag!r} is not allowed; remove it").format(tag=node.tag))
            return None
        converted = _core_value(value)
        if record and not isinstance(converted, str):
            self.doc.written[path] = value
        return converted


def _letting_go(items: list[Any]) -> Iterator[tuple[int, Any]]:
    """Each of ``items`` with its index, dropped from the list once used.

    The nodes of a file take more memory than the data built from them: letting
    each go once built keeps the peak near the larger of the two, not their sum.
    (Aliases are still seen: the alias's parent holds the node too.)
    """
    for index, item in enumerate(items):
        items[index] = None
        yield index, item


def _core_value(text: str) -> Any:
    """A plain scalar by YAML 1.2 core-schema rules; anything else stays the text written."""
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if text[0] not in _NUMBER_START:  # most scalars are words: no pattern to try
        return text
    try:
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text):
            number = float(text)
            return number if math.isfinite(number) else text  # 1e999: JSON has no infinity
    except ValueError:  # a number too long for Python to convert: keep it as written
        pass
    return text
