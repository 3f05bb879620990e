"""The programme's shared words for themes and proposal types, and the schema's kinds of agreement.

``cybersecurity``, ``Cybersecurity`` and ``cyber`` must all mean one theme,
whether a person types them on the command line or a roadmap names them.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from twins_cli.base.i18n import LANGUAGES, N_, _, language
from twins_cli.base.tuples import NamedTuple
from twins_cli.base.words import did_you_mean
from twins_cli.errors import UsageError

# The schema's codes that people read (a stage, a status, a kind): the msgid is the code itself, so that
# English shows it as written in the file and another language shows its word for it.
CODE_WORDS = frozenset(
    (
        N_("priority"),  # proposal stages
        N_("future"),
        N_("proposed"),  # progress
        N_("active"),
        N_("completed"),
        N_("paused"),
        N_("withdrawn"),
        N_("published"),  # a roadmap's status
        N_("in-development"),
        N_("mou"),  # agreement kinds
        N_("cooperation-agreement"),
        N_("milestone"),  # dated events
        N_("proposal-start"),
        N_("proposal-end"),
        N_("agreement-expiry"),
        N_("theme"),  # the vocabulary's two kinds
        N_("type"),
        N_("city"),  # places
        N_("city-region"),
        N_("metropolitan-city"),
        N_("special-self-governing-city"),
        N_("city-government"),  # organisations
        N_("regional-government"),
        N_("national-government"),
        N_("university"),
        N_("research-centre"),
        N_("agency"),
        N_("company"),
        N_("public-corporation"),
        N_("non-profit"),
        N_("partnership"),
        N_("programme"),
        N_("facility"),
        N_("added"),  # what twins diff found
        N_("removed"),
        N_("changed"),
        N_("renewed"),
        N_("roadmap"),  # the records twins diff compares
        N_("pair"),
        N_("proposal"),
        N_("agreement"),
        N_("organisation"),
        N_("person"),
    )
)


def word(code: str | None) -> str:
    """A schema code (``in-development``, ``mou``…) in the reader's language; unknown codes as written, None as ''."""
    if code is None:
        return ""
    return _(code) if code in CODE_WORDS else code


class Term(NamedTuple):
    """One thematic area or proposal type."""

    slug: str
    label: str
    aliases: tuple[str, ...] = ()
    description: str | None = None

    def names(self) -> tuple[str, ...]:
        """Every way of writing this term: slug, label and aliases."""
        return (self.slug, self.label, *self.aliases)


class TermSet(NamedTuple):
    """The terms of one kind (themes, or types), looked up by any of their names."""

    kind: str
    terms: tuple[Term, ...]

    @classmethod
    def from_data(cls, kind: str, items: Iterable[Mapping[str, Any]]) -> "TermSet":
        """Build from the programme file's list of terms."""
        return cls(
            kind,
            tuple(
                Term(item["slug"], item["label"], tuple(item.get("aliases", ())), item.get("description"))
                for item in items
            ),
        )

    @property
    def slugs(self) -> tuple[str, ...]:
        """The slugs, in the programme's order."""
        return tuple(term.slug for term in self.terms)

    def get(self, slug: str) -> Term | None:
        """The term with exactly this slug."""
        return next((term for term in self.terms if term.slug == slug), None)

    def label_of(self, slug: str) -> str:
        """The label of the term with this slug; an unknown slug as written."""
        term = self.get(slug)
        return term.label if term else slug

    def find(self, name: str) -> Term | None:
        """The term any of whose names is ``name``, ignoring case and surrounding space."""
        wanted = name.strip().casefold()
        return next(
            (term for term in self.terms if wanted in (known.casefold() for known in term.names())),
            None,
        )

    def require(self, name: str) -> Term:
        """The term called ``name``, or a ``UsageError`` suggesting the nearest one."""
        term = self.find(name)
        if term is None:
            names = [known for term in self.terms for known in term.names()]
            raise UsageError(
                _("unknown {kind} {name!r}{suggestion}").format(
                    kind=word(self.kind), name=name, suggestion=did_you_mean(name, names)
                ),
                _("`twins themes` lists them: {names}").format(names=", ".join(self.slugs)),
            )
        return term


class Vocabulary(NamedTuple):
    """Themes and proposal types of the programme."""

    themes: TermSet
    types: TermSet

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> "Vocabulary":
        """Build from the ``vocabulary`` mapping of the programme file."""
        return cls(TermSet.from_data("theme", data["themes"]), TermSet.from_data("type", data["types"]))


# The kinds of agreement the roadmap schema allows, in the words a reader expects.
AGREEMENT_KINDS = {
    "mou": N_("Memorandum of understanding"),
    "cooperation-agreement": N_("Cooperation agreement"),
}


def agreement_kind(slug: str) -> str:
    """An agreement's kind in words (``Memorandum of understanding`` for ``mou``); an unknown kind as written."""
    words = AGREEMENT_KINDS.get(slug)
    return _(words) if words else slug


# The schema's codes as a page for readers outside the programme says them in English (a table shows the code
# itself, which a programme manager types in filters); another language says the code's own word (``word``).
_SPELLED_OUT = {
    "priority": "Priority",
    "future": "Future",
    "published": "Published",
    "in-development": "In development",
    "proposed": "Proposed",
    "active": "Active",
    "completed": "Completed",
    "paused": "Paused",
    "withdrawn": "Withdrawn",
    "city-government": "City government",
    "regional-government": "Regional government",
    "national-government": "National government",
    "university": "University",
    "research-centre": "Research centre",
    "agency": "Agency",
    "company": "Company",
    "public-corporation": "Public corporation",
    "non-profit": "Non-profit",
    "partnership": "Partnership",
    "programme": "Programme",
    "facility": "Facility",
}


def spelled_out(code: str | None) -> str:
    """A schema code in words for a page (``In development``, ``Memorandum of understanding``); unknown as written."""
    if code is None:
        return ""
    if code in AGREEMENT_KINDS:
        return agreement_kind(code)
    return _SPELLED_OUT.get(code, code) if language() == LANGUAGES[0] else word(code)
