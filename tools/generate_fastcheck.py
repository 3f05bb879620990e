"""Generate ``src/twins_cli/check/fastcheck/*.py``: compiled validators for the schemas.

twins checks every roadmap against its schema before any query. jsonschema is
thorough but costs ~40 ms to import and ~10 ms a roadmap; a validator compiled
to plain Python by fastjsonschema answers "valid or not" in ~1 ms, so valid
roadmaps (the everyday case) never load jsonschema. A roadmap the fast check
rejects is checked again by jsonschema, which is authoritative and lists every
error.

The generated modules depend only on ``check/fastcheck/shared.py``: annotations are stripped from the
schema first (they do not affect validity), the ``definition=`` dumps are
removed from the error calls, and the one exception class is defined locally.
Nor do they name where a value is on the way down: fastjsonschema passes each
nested check a description of its place (``data.proposals[3]``, built with
``str.format(**locals())`` for every item), used only in the message of an
error, and twins only asks "valid or not" (jsonschema words the errors). Without
it, a roadmap is checked in less than half the time: a query checks every cache
entry it reads. Nor do they import ``decimal`` (about 1 ms of every query's start): data read
from JSON or YAML never holds a ``Decimal``, so the number checks name ``float``
in its place. They count a list's distinct items (``uniqueItems``) and search their
patterns with ``shared.py``'s functions, written once there (see its docstring), where
fastjsonschema defines a hashing function in every such check and compiles every pattern
on import. ``PARTS`` names the definitions
that are checked on their own (a proposal, for the proposal index).
``tests/check/test_fastcheck.py`` fails when a schema changes without regenerating.

Usage: python tools/generate_fastcheck.py [--check]
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ("roadmap", "programme")
# Definitions checked on their own, as ``PARTS[name]`` of the module: the proposal index (check/proposal_index.py)
# checks one proposal at a time.
PARTS = {"roadmap": ("proposal",)}
ANNOTATIONS = {"title", "description", "$schema", "$id", "examples"}
HEADER = '''"""Compiled validator for schema/{name}.schema.json. GENERATED: do not edit.

Regenerate with ``python tools/generate_fastcheck.py`` after changing the schema.
"""
# ruff: noqa
# mypy: ignore-errors


class JsonSchemaValueException(ValueError):
    """The data breaks the schema (only the first problem is reported)."""

    def __init__(self, message, value=None, name=None, rule=None, **_):
        super().__init__(message)
        self.message, self.value, self.name, self.rule = message, value, name, rule


JsonSchemaValuesException = JsonSchemaValueException
'''


def strip_annotations(node: Any) -> Any:
    """The schema without annotation keywords; property and definition names are kept."""
    if isinstance(node, list):
        return [strip_annotations(item) for item in node]
    if not isinstance(node, dict):
        return node
    stripped: dict[str, Any] = {}
    for key, value in node.items():
        if key in ANNOTATIONS:
            continue
        if key in ("properties", "$defs"):
            stripped[key] = {name: strip_annotations(schema) for name, schema in value.items()}
        else:
            stripped[key] = strip_annotations(value)
    return stripped


class _DropDefinitions(ast.NodeTransformer):
    """Remove ``definition=`` (a dump of the whole sub-schema) from every call."""

    def visit_Call(self, node: ast.Call) -> ast.Call:
        self.generic_visit(node)
        node.keywords = [keyword for keyword in node.keywords if keyword.arg != "definition"]
        return node


class _DropPlaces(ast.NodeTransformer):
    """Call the nested checks without ``name_prefix``, the place of the value (their third argument)."""

    def visit_Call(self, node: ast.Call) -> ast.Call:
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id.startswith("validate") and len(node.args) == 3:
            node.args = node.args[:2]
        return node


class _CountDistinctOnce(ast.NodeTransformer):
    """Count a list's distinct items (``uniqueItems``) with ``shared.distinct``, not a function made per call.

    fastjsonschema defines a hashing function ``fn`` inside the check of every such list, on every call,
    and hashes each item through it: a proposal's lists of themes, types and leads cost more than the rest
    of the proposal. The ``fn`` met is kept to check that ``shared.hashable`` still does what it does.
    """

    def __init__(self) -> None:
        self.hashing: ast.FunctionDef | None = None

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.FunctionDef | None:
        if node.name == "fn":  # dropped where it is defined
            self.hashing = self.hashing or node
            return None
        self.generic_visit(node)
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        # len(set((fn(x) for x in items))) -> _distinct(items)
        counted = node.args[0] if _is_call(node, "len") else None
        if isinstance(counted, ast.Call) and _is_call(counted, "set"):
            items = counted.args[0]
            if isinstance(items, ast.GeneratorExp) and _is_call(items.elt, "fn"):
                return ast.Call(ast.Name("_distinct", ast.Load()), [items.generators[0].iter], [])
        return node


def _is_call(node: ast.AST, name: str) -> bool:
    """Whether ``node`` calls ``name`` with one argument."""
    called = node.func if isinstance(node, ast.Call) else None
    return isinstance(called, ast.Name) and called.id == name and len(getattr(node, "args", ())) == 1


class _CompileLater(ast.NodeTransformer):
    """``REGEX_PATTERNS`` holds the patterns' sources: ``shared.remembered`` compiles each when first used."""

    def visit_Assign(self, node: ast.Assign) -> ast.Assign:
        if getattr(node.targets[0], "id", "") == "REGEX_PATTERNS" and isinstance(node.value, ast.Dict):
            node.value.values = [
                value.args[0] if isinstance(value, ast.Call) and value.args else value for value in node.value.values
            ]
        return node


SHARED = ROOT / "src" / "twins_cli" / "check" / "fastcheck" / "shared.py"
IMPORT_SHARED = ast.parse(
    "from twins_cli.check.fastcheck.shared import distinct as _distinct, remembered as _remembered"
).body[0]


def _same_hashing(hashing: ast.FunctionDef) -> bool:
    """Whether fastjsonschema's ``fn`` is still what ``shared.hashable`` does (names and annotations aside)."""
    tree = ast.parse(SHARED.read_text(encoding="utf-8"))
    (ours,) = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "hashable"]
    ours.body = [statement for statement in ours.body if not isinstance(statement, ast.Expr)]  # the docstring
    ours.returns = None
    for argument in ours.args.args:
        argument.annotation = None
    return ast.unparse(ours).replace("hashable", "fn") == ast.unparse(hashing)


NO_DECIMAL = ast.parse("Decimal = float").body[0]


def _imports_decimal(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.ImportFrom) and statement.module == "decimal"


def generate(name: str) -> str:
    """Source of the compiled validator module for the schema ``name``."""
    import fastjsonschema

    schema = json.loads((ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    code = fastjsonschema.compile_to_code(strip_annotations(schema))
    distinct = _CountDistinctOnce()
    tree = distinct.visit(_DropPlaces().visit(_DropDefinitions().visit(ast.parse(code))))
    tree.body = [
        statement
        for statement in tree.body
        if not (isinstance(statement, ast.ImportFrom) and statement.module == "fastjsonschema")
        and not (isinstance(statement, ast.Assign) and getattr(statement.targets[0], "id", "") == "VERSION")
    ]
    tree.body = [NO_DECIMAL if _imports_decimal(statement) else statement for statement in tree.body]
    if distinct.hashing is not None and not _same_hashing(distinct.hashing):
        raise SystemExit("fastjsonschema hashes uniqueItems otherwise now: make shared.hashable do as it does")
    if "fn(" in ast.unparse(tree):
        raise SystemExit("fastjsonschema no longer checks uniqueItems as expected: a `fn` is left")
    tree.body.insert(0, IMPORT_SHARED)
    names = {getattr(node.targets[0], "id", "") for node in tree.body if isinstance(node, ast.Assign)}
    if "REGEX_PATTERNS" in names:
        tree = _CompileLater().visit(tree)
        tree.body.append(ast.parse("REGEX_PATTERNS = _remembered(REGEX_PATTERNS)").body[0])
    functions = {statement.name for statement in tree.body if isinstance(statement, ast.FunctionDef)}
    parts = {part: f"validate____defs_{part.lower()}" for part in PARTS.get(name, ())}
    missing = [function for function in parts.values() if function not in functions]
    if missing:
        raise SystemExit(f"fastjsonschema no longer names its checks as expected: {missing}")
    table = "PARTS = {" + ", ".join(f"{part!r}: {function}" for part, function in parts.items()) + "}"
    return HEADER.format(name=name) + "\n\n" + ast.unparse(tree) + "\n\n" + table + "\n"


def target(name: str) -> Path:
    """Where the module for ``name`` lives."""
    return ROOT / "src" / "twins_cli" / "check" / "fastcheck" / f"{name}.py"


def main() -> int:
    if "--check" in sys.argv:
        stale = [name for name in SCHEMAS if target(name).read_text(encoding="utf-8") != generate(name)]
        for name in stale:
            print(f"{target(name)} is stale: run python tools/generate_fastcheck.py", file=sys.stderr)
        return 1 if stale else 0
    for name in SCHEMAS:
        target(name).write_text(generate(name), encoding="utf-8")
        print(f"wrote {target(name).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
