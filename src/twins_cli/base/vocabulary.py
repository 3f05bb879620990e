"""The programme's shared words for themes and proposal types, and the schema's kinds of agreement.

``cybersecurity``, ``Cybersecurity`` and ``cyber`` must all mean one theme,
whether a person types them on the command line or a roadmap names them.
"""

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from twins_cli.base.i18n import N_, _
from twins_cli.base.words import did_you_mean
from twins_cli.errors import UsageError


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
                f"unknown {self.kind} {name!r}{did_you_mean(name, names)}",
                f"`twins themes` lists them: {', '.join(self.slugs)}",
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
