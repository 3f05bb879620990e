"""Inferred values shown as inferred: one mark (``*``), one legend line per kind, the reasons kept.

The roadmaps mark what they infer (a theme read from a proposal's text, a
milestone's link to a proposal, a party no source names, a currency read from
a bare sign, a person's organisation read from their e-mail address). Every
output that shows such a value marks it the same way: tables, text, Markdown,
HTML and iCalendar put ``*`` after it and say once, below, what the mark
means; JSON and CSV carry the flags and the reason as fields. ``Marks`` is the
one place that decides how a value is marked, so no output can show one
inference marked and another bare.
"""

from __future__ import annotations

from collections.abc import Iterable

from twins_cli.base.i18n import N_, _

MARK = "*"

# What the mark means, one line per kind of inference, as the legends say it.
# Marked with ``N_``: ``Marks.legend`` gives them in the reader's language.
THEMES_LEGEND = N_("inferred from the proposal's text: the source's tick marks are not legible")
LINK_LEGEND = N_("link to the proposal inferred: the source does not state it")
PARTY_LEGEND = N_("party inferred: no source names it")
CURRENCY_LEGEND = N_("currency read from the figure as printed: the source gives no code")
AGREEMENT_THEMES_LEGEND = N_("theme mapped from the agreement's focus areas, not printed as such")
ABOUT_LEGEND = N_("country the figure is about inferred: the source does not say")
DATE_LEGEND = N_("date inferred: the source does not print it")
ORGANISATION_LEGEND = N_("organisation inferred: no source names the person's employer")


class Marks:
    """Marks inferred values, and remembers the legend lines and the reasons of what it marked.

    One ``Marks`` per rendering: the legend then lists only the kinds of
    inference that rendering shows, each once, in the order first met.
    """

    __slots__ = ("_legend", "_reasons")

    def __init__(self) -> None:
        self._legend: dict[str, None] = {}
        self._reasons: dict[str, None] = {}

    def mark(self, text: str, inferred: bool, legend: str, reason: str | None = None) -> str:
        """``text``, with the mark if it is inferred (its legend line and reason are then kept)."""
        if not inferred:
            return text
        self._legend[legend] = None
        if reason:
            self._reasons[reason] = None
        return f"{text}{MARK}"

    def each(
        self, values: Iterable[str], inferred: frozenset[str], legend: str, reason: str | None = None
    ) -> list[str]:
        """Each value, marked where it is one of ``inferred``."""
        return [self.mark(value, value in inferred, legend, reason) for value in values]

    @property
    def legend(self) -> tuple[str, ...]:
        """``* inferred …``: one line per kind of inference marked so far, in the reader's language."""
        return tuple(f"{MARK} {_(line)}" for line in self._legend)

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why the marked values were inferred, each reason once, as the roadmaps give them."""
        return tuple(self._reasons)
