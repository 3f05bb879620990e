"""Selecting agreements: the filters of ``twins agreements``.

Which MOUs of Belfast–Sejong were in force on 1 May 2024, and which are about net zero?
Filters combine with AND across fields and OR within a repeated one.
"""

from datetime import date

from twins_cli.base.i18n import N_
from twins_cli.base.tuples import NamedTuple
from twins_cli.model.records import Agreement, Catalog
from twins_cli.query.find import selected_roadmaps
from twins_cli.query.organisations import require_known
from twins_cli.query.validity import expiry


class AgreementQuery(NamedTuple):
    """Filters of ``twins agreements``: AND across fields, OR within a repeated one."""

    pairs: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    active_on: date | None = None
    themes: tuple[str, ...] = ()


def is_in_force(agreement: Agreement, day: date) -> bool:
    """Whether the agreement was signed by ``day`` and has not expired on it.

    An agreement with no signing date is never counted in force: nothing says when it
    began. One with no known end (no ``valid_until`` nor ``duration_years``) holds from its signing.
    """
    end = expiry(agreement)
    signed = agreement.signed
    return signed is not None and signed.first_day <= day and (end is None or day <= end.last_day)


def select_agreements(catalog: Catalog, query: AgreementQuery) -> list[Agreement]:
    """The agreements matching ``query``, roadmap by roadmap, in file order."""
    vocabulary = catalog.programme.vocabulary
    themes = {vocabulary.themes.require(name).slug for name in query.themes}
    every = [agreement for roadmap in catalog.roadmaps for agreement in roadmap.agreements]
    kinds = require_known(query.kinds, {agreement.kind for agreement in every}, N_("agreement kind"))

    def keep(agreement: Agreement) -> bool:
        return (
            (not kinds or agreement.kind in kinds)
            and (query.active_on is None or is_in_force(agreement, query.active_on))
            and (not themes or bool(themes & set(agreement.themes)))
        )

    return [
        agreement
        for roadmap in selected_roadmaps(catalog, query.pairs)
        for agreement in roadmap.agreements
        if keep(agreement)
    ]
