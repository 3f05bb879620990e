"""Organisations: the filters of ``twins orgs``, one organisation by any of its names, and what it takes part in.

A roadmap lists every organisation it names: parties, employers, leads, and
those it only mentions (stakeholders, facilities). An organisation is a
roadmap's record, so one named in two roadmaps is two rows, each with its pair.
"""

from collections.abc import Callable, Iterable

from twins_cli.base.i18n import N_, _
from twins_cli.base.tuples import NamedTuple
from twins_cli.base.words import did_you_mean
from twins_cli.errors import NotFoundError, UsageError
from twins_cli.model.records import COUNTRY_SIDES, Agreement, Catalog, Organisation, Person, Proposal, Roadmap
from twins_cli.query.find import find_pair, name_key, selected_roadmaps
from twins_cli.query.proposals import organisations_of


class OrganisationQuery(NamedTuple):
    """Filters of ``twins orgs``: AND across fields, OR within a repeated one."""

    pairs: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # GB or KR, or the side's name: UK, Korea
    stakeholder: bool = False  # only those the roadmap lists among its stakeholders
    search: str | None = None


class Found(NamedTuple):
    """An organisation with the roadmap that names it."""

    roadmap: Roadmap
    organisation: Organisation


class Involvement(NamedTuple):
    """What an organisation takes part in within its roadmap."""

    people: tuple[Person, ...]
    proposals: tuple[Proposal, ...]  # those it leads or has contacts on
    agreements: tuple[Agreement, ...]  # those it is party to


def require_known(values: Iterable[str], known: Iterable[str], what: str) -> set[str]:
    """``values`` folded, each one of ``known`` (any case), else a ``UsageError`` with "did you mean"."""
    known = sorted(set(known))
    wanted = {value.strip().casefold() for value in values}
    for value in sorted(wanted - {k.casefold() for k in known}):
        raise UsageError(
            _("no {what} {value!r} in these roadmaps{suggestion}").format(
                what=_(what), value=value, suggestion=did_you_mean(value, known)
            ),
            _("use {names}").format(names=", ".join(known)),
        )
    return wanted


def _country_codes(catalog: Catalog, names: Iterable[str]) -> set[str]:
    """Country codes of ``--country`` values: a code (GB, KR) or a side's name (UK, Korea)."""
    by_name = {code.casefold(): code for code in COUNTRY_SIDES} | {
        side.casefold(): code for code, side in COUNTRY_SIDES.items()
    }
    by_name |= {o.country.casefold(): o.country for r in catalog.roadmaps for o in r.organisations.values()}
    wanted = require_known(names, by_name, N_("country"))
    return {by_name[name] for name in wanted}


def _searchable(organisation: Organisation) -> str:
    """The words ``--search`` looks in: every name and the description."""
    return "\n".join((*organisation.names(), organisation.description or ""))


def select_organisations(catalog: Catalog, query: OrganisationQuery) -> list[Found]:
    """The organisations matching ``query``, pair by pair in the catalog's order, by name within a pair."""
    roadmaps = selected_roadmaps(catalog, query.pairs)
    every = [Found(roadmap, o) for roadmap in catalog.roadmaps for o in roadmap.organisations.values()]
    kinds = require_known(query.kinds, {f.organisation.kind for f in every}, N_("organisation kind"))
    countries = _country_codes(catalog, query.countries)
    needle = query.search.casefold() if query.search else None

    def keep(organisation: Organisation) -> bool:
        return (
            (not kinds or organisation.kind in kinds)
            and (not countries or organisation.country in countries)
            and (not query.stakeholder or organisation.stakeholder)
            and (needle is None or needle in _searchable(organisation).casefold())
        )

    return [
        Found(roadmap, organisation)
        for roadmap in roadmaps
        for organisation in sorted(roadmap.organisations.values(), key=lambda o: o.name.casefold())
        if keep(organisation)
    ]


def find_organisation(catalog: Catalog, name: str, pairs: Iterable[str] = ()) -> Found:
    """The organisation named by its id, name, short name or an alias, any case; ``pair/id`` picks a roadmap's.

    A whole name comes before a part of one; a name that fits several organisations
    is refused with the candidates, as ``pair/id``, to choose from.
    """
    pair_name, _slash, wanted_name = name.strip().rpartition("/")
    roadmaps = [find_pair(catalog, pair_name)] if pair_name else list(selected_roadmaps(catalog, tuple(pairs)))
    every = [Found(roadmap, o) for roadmap in roadmaps for o in roadmap.organisations.values()]
    wanted = name_key(wanted_name)
    tiers: list[Callable[[Organisation], bool]] = [
        lambda o: wanted in {name_key(known) for known in o.names()},
        lambda o: any(wanted in name_key(known) for known in o.names()),
    ]
    for fits in tiers:
        found = [each for each in every if wanted and fits(each.organisation)]
        if len(found) == 1:
            return found[0]
        if found:
            candidates = ", ".join(f"{f.roadmap.id}/{f.organisation.id} ({f.organisation.name})" for f in found)
            raise UsageError(
                _("{name!r} names several organisations: {names}").format(name=name, names=candidates),
                _("give one as PAIR/ID"),
            )
    known = [known for each in every for known in each.organisation.names()]
    raise NotFoundError(
        _("no organisation {name!r}{suggestion}").format(name=name, suggestion=did_you_mean(wanted_name, known)),
        _("`twins orgs` lists every organisation"),
    )


def involvement(roadmap: Roadmap, organisation: Organisation) -> Involvement:
    """The organisation's people, the proposals it leads or has contacts on, the agreements it is party to."""
    return Involvement(
        people=tuple(p for p in roadmap.people.values() if p.organisation == organisation.id),
        proposals=tuple(p for p in roadmap.proposals if organisation.id in organisations_of(roadmap, p)),
        agreements=tuple(
            a for a in roadmap.agreements if any(party.organisation == organisation.id for party in a.parties)
        ),
    )
