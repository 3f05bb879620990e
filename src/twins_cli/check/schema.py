"""JSON Schema checks, reported as problems a person can act on.

jsonschema's own messages ("'2024-3' does not match '^[0-9]{4}-[0-9]{2}$'")
speak regex; these speak roadmap, using the title and description that the
schema gives every field, and point at the line of the offending value.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from twins_cli.base.words import did_you_mean, plural
from twins_cli.files.locate import schema_file

if TYPE_CHECKING:
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator

    from twins_cli.parse.yaml_document import YamlDocument
    from twins_cli.problems import Problem

_TYPE_NAMES = {
    "object": "a mapping of fields",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing",
}


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The packaged schema called ``name`` (``roadmap`` or ``programme``) as data."""
    with schema_file(name).open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


@cache
def _validator(name: str) -> Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(name))


def fast_valid(data: Any, name: str) -> bool:
    """True when the compiled validator accepts ``data``: then jsonschema would too.

    The compiled validators (``fastcheck``) are about ten times faster and spare
    importing jsonschema; they stop at the first error, so a rejection is
    checked again in full. Anything unexpected from them counts as a rejection.
    """
    module = importlib.import_module(f"twins_cli.check.fastcheck.{name}")
    try:
        module.validate(data)
    except Exception:  # any failure only sends the file down the thorough path
        return False
    return True


def schema_problems(doc: YamlDocument, name: str) -> list[Problem]:
    """Every place where ``doc`` breaks the schema ``name``, one problem each."""
    if fast_valid(doc.data, name):
        return []
    problems: list[Problem] = []
    for error in _validator(name).iter_errors(doc.data):
        problems.extend(_explain(doc, error))
    return problems


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _explain(doc: YamlDocument, error: ValidationError) -> list[Problem]:
    path = tuple(error.absolute_path)
    value: Any = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    rule = error.validator
    expected: Any = error.validator_value
    if rule == "required":
        missing = [name for name in expected if name not in value]
        # jsonschema reports each missing field in its own error; report the one it names
        named = next((name for name in missing if repr(name) in error.message), missing[0])
        return [doc.problem("T101", path, f"missing required field {named!r}", at_key=True)]
    if rule == "additionalProperties":
        known = list(schema.get("properties", {}))
        return [
            doc.problem("T102", (*path, key), f"unknown field {key!r}{did_you_mean(key, known)}", at_key=True)
            for key in value
            if key not in known
        ]
    if rule == "type":
        wanted = (
            _TYPE_NAMES.get(expected, str(expected)) if isinstance(expected, str) else "one of " + ", ".join(expected)
        )
        written = doc.written.get(path)
        if expected == "string" and written:  # not for an empty value: quoting "" is no fix
            message = f'{written!r} was read as {_kind_of(value)}, not text; quote it: "{written}"'
        elif path == ():
            message = f"the file must hold {wanted}, not {_kind_of(value)}"
        else:
            message = f"expected {wanted}, got {_kind_of(value)}"
        return [doc.problem("T103", path, message)]
    if rule == "enum":
        choices = [str(choice) for choice in expected]
        message = f"{value!r} is not one of: {', '.join(choices)}{did_you_mean(str(value), choices)}"
        return [doc.problem("T104", path, message)]
    if rule == "const":
        return [doc.problem("T104", path, f"must be {expected!r}, not {value!r}")]
    if rule == "pattern":
        title = str(schema.get("title", "value")).lower()
        hint = schema.get("description", "")
        return [doc.problem("T105", path, f"{value!r} is not a valid {title}: {hint}".rstrip(": "))]
    if rule == "uniqueItems":
        return [doc.problem("T106", path, "the list names the same item twice")]
    if rule in _BOUNDS:
        return [doc.problem("T107", path, _BOUNDS[rule](expected))]
    return [doc.problem("T100", path, error.message)]


# What a bound says, in words: jsonschema's own ("[] should be non-empty") differ between its versions.
_BOUNDS: dict[str, Callable[[Any], str]] = {
    "minLength": lambda bound: "must not be empty" if bound == 1 else f"must be at least {bound} characters long",
    "minItems": lambda bound: f"must list at least {plural(bound, 'item')}",
    "maxItems": lambda bound: f"must list at most {plural(bound, 'item')}",
    "minimum": lambda bound: f"must be at least {bound}",
    "maximum": lambda bound: f"must be at most {bound}",
}
