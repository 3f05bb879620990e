"""The rule codes: one stable id per kind of problem, declared here once.

A code (``T201``) names what went wrong whatever the words of the message, so
that a test, a CI filter (``twins validate --ignore T213``) or a tool reading
the JSON can rely on it while the prose improves. Codes are grouped: T0xx the
file and its YAML, T1xx the schema, T2xx the rules of a roadmap, T3xx the
programme file. A code is never reused for another problem nor renumbered; the
README's "Rule codes" table is checked against this one.
"""

import re
from collections.abc import Iterable
from typing import Literal

from twins_cli.base.i18n import _
from twins_cli.base.tuples import NamedTuple
from twins_cli.base.words import did_you_mean
from twins_cli.errors import UsageError

Severity = Literal["error", "warning"]


class Code(NamedTuple):
    """One kind of problem: its id, a short name, how serious it is, what it checks and how to fix it."""

    id: str  # T and three digits
    name: str  # kebab-case
    summary: str  # what it checks, one line
    help: str  # what to do about it, one line
    severity: Severity = "error"  # every code is an error today; reporters show it (JSON, GitHub annotations)


CODES: dict[str, Code] = {
    code.id: code
    for code in (
        Code(
            "T001",
            "file-too-large",
            "The file is no larger than 2 MiB.",
            "Split the file, or check it is the right one.",
        ),
        Code(
            "T002",
            "not-utf8",
            "The file is UTF-8 text: not UTF-16, not binary (no NUL byte).",
            "Save the file as UTF-8.",
        ),
        Code("T003", "forbidden-character", "The file holds no character that YAML forbids.", "Remove the character."),
        Code(
            "T010",
            "yaml-syntax",
            "The file is well-formed YAML: quotes, brackets, indentation.",
            "Fix the line the message points at.",
        ),
        Code(
            "T011",
            "too-deep",
            "Values are nested at most 64 levels deep.",
            "Flatten the structure; no roadmap nests that deep.",
        ),
        Code(
            "T012",
            "too-many-values",
            "The file holds at most 100,000 values.",
            "Split the file, or check it is the right one.",
        ),
        Code(
            "T013", "empty-document", "The file holds a YAML document with data in it.", "Write the roadmap's fields."
        ),
        Code("T020", "duplicate-key", "A mapping names each key once.", "Remove or rename one of the two keys."),
        Code("T021", "non-text-key", "Every key is text.", "Write the field name as a word."),
        Code("T022", "tag", "No value carries a YAML tag (!!python/..., !custom).", "Remove the tag."),
        Code("T023", "alias", "No value is an alias (*name) of another.", "Write the value out."),
        Code("T024", "merge-key", "No mapping merges another (<<).", "Write the fields out."),
        Code(
            "T100",
            "schema",
            "The data satisfies the rest of the JSON Schema.",
            "See the field's description in twins schema.",
        ),
        Code("T101", "missing-field", "Every required field is there.", "Add the field."),
        Code(
            "T102", "unknown-field", "Every field is one the schema defines.", "Fix the spelling, or remove the field."
        ),
        Code(
            "T103",
            "wrong-type",
            "Each value is of its field's kind: text, number, list or mapping.",
            "Quote text that YAML reads as a number, true/false or nothing.",
        ),
        Code(
            "T104",
            "invalid-choice",
            "A value with a fixed set of choices is one of them.",
            "Write one of the choices listed.",
        ),
        Code(
            "T105",
            "invalid-format",
            "A value with a set form has it: ids, months, dates, years.",
            "Write the value in the form the message describes.",
        ),
        Code("T106", "repeated-item", "A list names each item once.", "Remove the repeated item."),
        Code(
            "T107",
            "out-of-range",
            "Text, lists and numbers are within their bounds (not empty, not too many).",
            "Fill in the value, or bring it within the bounds.",
        ),
        Code(
            "T201",
            "unknown-reference",
            "Every id a record refers to is declared in the same roadmap.",
            "Fix the id, or declare the record.",
        ),
        Code(
            "T202",
            "duplicate-id",
            "Ids are unique within a roadmap, per kind of record.",
            "Give one of the two records another id.",
        ),
        Code("T203", "pair-id-mismatch", "The pair id is the file's name.", "Rename the file, or fix the id."),
        Code(
            "T204",
            "unknown-programme",
            "The roadmap names the programme of programme.yaml.",
            "Write the programme id that programme.yaml defines.",
        ),
        Code(
            "T205",
            "unknown-term",
            "Themes and types are slugs of the programme's vocabulary.",
            "Write the slug, not a label or alias.",
        ),
        Code(
            "T206",
            "inferred-not-listed",
            "What is marked inferred is also listed.",
            "Add it to the list, or drop the inferred mark.",
        ),
        Code("T207", "invalid-date", "Every date is a real date: no 31 April, no month 13.", "Fix the date."),
        Code(
            "T208",
            "date-order",
            "Things end after they start; agreements expire after they are signed.",
            "Fix one of the two dates.",
        ),
        Code("T209", "malformed-email", "E-mail addresses are well formed.", "Fix the address, or leave it out."),
        Code("T210", "shared-email", "One e-mail address is one person.", "Merge the two people, or fix the address."),
        Code("T211", "unknown-source", "A cited source is listed under sources.", "List the source, or fix its name."),
        Code(
            "T212",
            "happened-on-without-happened",
            "A milestone with happened_on has happened: true.",
            "Set happened: true, or remove happened_on.",
        ),
        Code(
            "T213",
            "unsafe-text",
            "Text holds no control character, direction override, or line break outside prose.",
            "Remove the character.",
        ),
        Code(
            "T214",
            "unexplained-inference",
            "What is marked inferred says why, so every output can show the reason.",
            "Add the reason (inference_reason, or reason under a proposal's inferred), or drop the mark.",
        ),
        Code(
            "T215",
            "publication-marks",
            "A withheld person is withheld in every record of them; email_generic marks an e-mail.",
            "Mark every record of the person publication: withhold, or drop the mark.",
        ),
        Code(
            "T301",
            "ambiguous-term",
            "No two terms of the vocabulary share a name (slug, label or alias).",
            "Remove the name from one of the two terms.",
        ),
    )
}

_PREFIX = re.compile(r"T[0-9]{0,3}\Z")


def code_prefixes(values: Iterable[str], option: str) -> tuple[str, ...]:
    """The codes, code prefixes or rule names in ``values`` (each may list several, comma-separated), as codes.

    A prefix must start at least one code (``T2`` is every rule of a roadmap), so
    that a typo is refused (a name with the nearest name) instead of silently filtering nothing.
    """
    by_name = {code.name: code.id for code in CODES.values()}
    prefixes: list[str] = []
    for value in values:
        for word in filter(None, (word.strip() for word in value.split(","))):
            prefix = by_name.get(word.lower(), word.upper())
            if not _PREFIX.match(prefix) or not any(code.startswith(prefix) for code in CODES):
                raise UsageError(  # names are spelt wrong, codes mistyped: no code is suggested for a code
                    _("{option} {word!r} is no rule code{suggestion}").format(
                        option=option, word=word, suggestion=did_you_mean(word, by_name) if "-" in word else ""
                    ),
                    _(
                        "a code is T and three digits (or its first characters: T2 is every roadmap rule),"
                        " or its name; see 'Rule codes' in the README"
                    ),
                )
            prefixes.append(prefix)
    return tuple(prefixes)


class CodeFilter(NamedTuple):
    """Which problems to report: codes starting with a selected prefix (all without one) and no ignored one."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def shows(self, code: str) -> bool:
        """True when a problem of ``code`` is reported."""
        selected = not self.select or code.startswith(self.select)
        return selected and not code.startswith(self.ignore)


SHOW_ALL = CodeFilter()
