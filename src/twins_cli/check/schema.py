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

from twins_cli.base.i18n import N_, _, ngettext
from twins_cli.base.words import did_you_mean
from twins_cli.files.locate import schema_file

if TYPE_CHECKING:
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator

    from twins_cli.parse.yaml_document import YamlDocument
    from twins_cli.problems import Problem

_TYPE_NAMES = {
    "object": N_("a mapping of fields"),
    "array": N_("a list"),
    "string": N_("text"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "boolean": N_("true or false"),
    "null": N_("nothing"),
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


def fast_valid(data: Any, name: str, part: str | None = None) -> bool:
    """True when the compiled validator accepts ``data``: then jsonschema would too.

    The compiled validators (``fastcheck``) are about ten times faster and spare
    importing jsonschema; they stop at the first error, so a rejection is
    checked again in full. Anything unexpected from them counts as a rejection.
    ``part``: check ``data`` against one of the schema's definitions (``proposal``), as the generator lists them.
    """
    return fast_check(name, part)(data)


@cache
def fast_check(name: str, part: str | None = None) -> Callable[[Any], bool]:
    """``fast_valid`` for one schema (or one of its definitions), found once: a query may check thousands of briefs."""
    module = importlib.import_module(f"twins_cli.check.fastcheck.{name}")
    validate = module.validate if part is None else module.PARTS[part]

    def valid(data: Any) -> bool:
        try:
            validate(data)
        except Exception:  # any failure only sends the file down the thorough path
            return False
        return True

    return valid


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
        return _("nothing")
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, (int, float)):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, list):
        return _("a list")
    return _("a mapping")


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
        return [doc.problem("T101", path, _("missing required field {name!r}").format(name=named), at_key=True)]
    if rule == "additionalProperties":
        known = list(schema.get("properties", {}))
        return [
            doc.problem(
                "T102",
                (*path, key),
                _("unknown field {name!r}{suggestion}").format(name=key, suggestion=did_you_mean(key, known)),
                at_key=True,
            )
            for key in value
            if key not in known
        ]
    if rule == "type":
        wanted = (
            _(_TYPE_NAMES.get(expected, str(expected)))
            if isinstance(expected, str)
            else _("one of {names}").format(names=", ".join(expected))
        )
        written = doc.written.get(path)
        if expected == "string" and written:  # not for an empty value: quoting "" is no fix
            message = _('{written!r} was read as {kind}, not text; quote it: "{written}"').format(
                written=written, kind=_kind_of(value)
            )
        elif path == ():
            message = _("the file must hold {wanted}, not {kind}").format(wanted=wanted, kind=_kind_of(value))
        else:
            message = _("expected {wanted}, got {kind}").format(wanted=wanted, kind=_kind_of(value))
        return [doc.problem("T103", path, message)]
    if rule == "enum":
        choices = [str(choice) for choice in expected]
        message = _("{value!r} is not one of: {choices}{suggestion}").format(
            value=value, choices=", ".join(choices), suggestion=did_you_mean(str(value), choices)
        )
        return [doc.problem("T104", path, message)]
    if rule == "const":
        said = _("must be {expected!r}, not {value!r}").format(expected=expected, value=value)
        return [doc.problem("T104", path, said)]
    if rule == "pattern":
        title = str(schema.get("title", "value")).lower()
        hint = schema.get("description", "")
        said = _("{value!r} is not a valid {title}: {hint}").format(value=value, title=title, hint=hint)
        return [doc.problem("T105", path, said.rstrip(": "))]
    if rule == "uniqueItems":
        return [doc.problem("T106", path, _("the list names the same item twice"))]
    if rule in _BOUNDS:
        return [doc.problem("T107", path, _BOUNDS[rule](expected))]
    return [doc.problem("T100", path, error.message)]


# What a bound says, in words: jsonschema's own ("[] should be non-empty") differ between its versions.
_BOUNDS: dict[str, Callable[[Any], str]] = {
    "minLength": lambda bound: (
        _("must not be empty") if bound == 1 else _("must be at least {count} characters long").format(count=bound)
    ),
    "minItems": lambda bound: ngettext(
        "must list at least {count} item", "must list at least {count} items", bound
    ).format(count=bound),
    "maxItems": lambda bound: ngettext(
        "must list at most {count} item", "must list at most {count} items", bound
    ).format(count=bound),
    "minimum": lambda bound: _("must be at least {bound}").format(bound=bound),
    "maximum": lambda bound: _("must be at most {bound}").format(bound=bound),
}
