"""Selecting proposals: the filters and sort orders of ``twins list``, and a timeline in words.

Which proposals are about cybersecurity, led by Queen's, active in May 2024?
Filters combine with AND across fields and OR within a repeated one.
"""

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from twins_cli.base.dates import month_label
from twins_cli.base.i18n import _
from twins_cli.base.tuples import NamedTuple
from twins_cli.base.words import did_you_mean
from twins_cli.catalog.load import Roadmaps
from twins_cli.check.proposal_index import Facets
from twins_cli.errors import UsageError
from twins_cli.model.records import Catalog, PairProposals, Programme, Proposal, Roadmap
from twins_cli.query.find import find_organisations, selected_roadmaps

SORT_KEYS = ("id", "start", "end", "title")
STAGES = ("priority", "future")
_FAR_FUTURE = date.max


def organisations_of(roadmap: Roadmap, proposal: Proposal) -> set[str]:
    """Ids of a proposal's lead organisations and its contacts' organisations."""
    contact_orgs = {roadmap.people[person].organisation for person in proposal.contacts}
    return set(proposal.leads) | {org for org in contact_orgs if org}


class ProposalQuery(NamedTuple):
    """Filters of ``twins list``: AND across fields, OR within a repeated one."""

    themes: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    pairs: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    stage: str | None = None
    active_on: date | None = None
    search: str | None = None
    sort: str = "id"


def select_proposals(catalog: Catalog, query: ProposalQuery) -> list[Proposal]:
    """The proposals matching ``query``, sorted as it asks."""
    organisations = find_organisations(catalog, query.organisations) if query.organisations else set()
    keep = proposal_filter(catalog.programme, query, organisations)
    found = [p for roadmap in selected_roadmaps(catalog, query.pairs) for p in keep(roadmap)]
    key = sort_key(query.sort)
    return found if key is None else sorted(found, key=key)


def proposal_filter(
    programme: Programme, query: ProposalQuery, organisations: set[tuple[str, str]] | None = None
) -> Callable[[Roadmap], list[Proposal]]:
    """What ``query`` keeps of one roadmap, by number; its names are checked once, before any roadmap is read.

    ``organisations``: the (pair, organisation id) that ``--org`` names, found in every roadmap
    (``find_organisations``); ``query.pairs`` is the caller's to apply (``selected_roadmaps``).
    """
    test = proposal_test(programme, query)

    def kept(roadmap: Roadmap) -> list[Proposal]:
        return by_number(
            p
            for p in roadmap.proposals
            if test(p)
            and (not organisations or bool(organisations & {(roadmap.id, o) for o in organisations_of(roadmap, p)}))
        )

    return kept


def streamed_selection(
    roadmaps: Roadmaps, query: ProposalQuery
) -> Iterator[tuple[int, Roadmap | PairProposals, list[Proposal]]]:
    """What ``query`` keeps of each roadmap, read one at a time: its place, the roadmap or its brief, the proposals.

    In brief, from the proposal index, unless ``--search`` looks in words only a whole roadmap holds.
    ``--pair`` and ``--org`` are not applied: their names are looked up in every roadmap at once.
    """
    facets = query_facets(roadmaps.programme, query)
    test = _facets_test(facets, query)
    found: Iterator[tuple[int, Roadmap | PairProposals]] = roadmaps.found() if query.search else roadmaps.briefs(facets)
    return ((place, source, by_number(p for p in source.proposals if test(p))) for place, source in found)


def query_facets(programme: Programme, query: ProposalQuery) -> Facets:
    """The themes, types and stage that ``query`` asks for, as the data spells them; an unknown name is refused."""
    vocabulary = programme.vocabulary
    stage = query.stage.casefold() if query.stage is not None else None
    if stage is not None and stage not in STAGES:
        raise UsageError(
            _("unknown stage {stage!r}{suggestion}").format(stage=query.stage, suggestion=did_you_mean(stage, STAGES)),
            _("use priority or future"),
        )
    return Facets(
        themes=frozenset(vocabulary.themes.require(name).slug for name in query.themes) or None,
        types=frozenset(vocabulary.types.require(name).slug for name in query.types) or None,
        stage=stage,
    )


def proposal_test(programme: Programme, query: ProposalQuery) -> Callable[[Proposal], bool]:
    """Whether a proposal passes every filter of ``query`` but ``--pair`` and ``--org``; names are checked now."""
    return _facets_test(query_facets(programme, query), query)


def _facets_test(facets: Facets, query: ProposalQuery) -> Callable[[Proposal], bool]:
    """``proposal_test`` of the facets ``query`` asks for, already checked (``query_facets``)."""
    if query.sort.casefold() not in SORT_KEYS:
        raise UsageError(
            _("cannot sort by {key!r}{suggestion}").format(
                key=query.sort, suggestion=did_you_mean(query.sort, SORT_KEYS)
            ),
            _("use one of {names}").format(names=", ".join(SORT_KEYS)),
        )
    needle = query.search.casefold() if query.search else None

    def test(proposal: Proposal) -> bool:
        return (
            (facets.themes is None or not facets.themes.isdisjoint(proposal.themes))
            and (facets.types is None or not facets.types.isdisjoint(proposal.types))
            and (facets.stage is None or proposal.stage == facets.stage)
            and (query.active_on is None or is_active(proposal, query.active_on))
            and (needle is None or needle in searchable_text(proposal).casefold())
        )

    return test


def by_number(proposals: Iterable[Proposal]) -> list[Proposal]:
    """``proposals`` in the order of their numbers: P10 after P9."""
    return sorted(proposals, key=lambda p: p.number)


def sort_key(sort: str) -> Callable[[Proposal], Any] | None:
    """How ``--sort`` orders proposals found in the roadmaps' order (stably); None for ``id``, that order itself."""
    keys: dict[str, Callable[[Proposal], Any]] = {
        "start": lambda p: p.start.first_day if p.start else _FAR_FUTURE,
        "end": lambda p: p.end.last_day if p.end else _FAR_FUTURE,
        "title": lambda p: p.title.casefold(),
    }
    return keys.get(sort.casefold())


def is_active(proposal: Proposal, day: date) -> bool:
    """Whether the proposal's planned timeline covers ``day`` (never, without a timeline)."""
    return bool(proposal.start and proposal.end and proposal.start.first_day <= day <= proposal.end.last_day)


def searchable_text(proposal: Proposal) -> str:
    """The words ``--search`` looks in."""
    parts = (proposal.title, proposal.tagline, proposal.vision, proposal.description, *proposal.outcomes)
    return "\n".join(part for part in parts if part)


def timeline_text(proposal: Proposal) -> str:
    """``Mar 2024 – Mar 2025``, or ``not given``: the one wording of a planned timeline in every output."""
    if not proposal.start and not proposal.end:
        return _("not given")
    return f"{month_label(proposal.start)} – {month_label(proposal.end)}"
