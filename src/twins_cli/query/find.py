"""Records named by a person: a pair by id or place, a proposal by id, organisations by any of their names.

Names typed by a person are resolved here, with "did you mean" when they miss;
every query that takes a name goes through these, so each is refused the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from twins_cli.base.i18n import _
from twins_cli.base.words import did_you_mean
from twins_cli.errors import NotFoundError, UsageError
from twins_cli.model.records import Catalog, Person, Place, Proposal, Roadmap, split_qualified_id

# Patterns compiled on first use (``re`` keeps them): a query that names nothing needs neither.
_PROPOSAL_ID = r"[Pp][0-9]+"  # P5: a name of this shape is a proposal's, never a pair's
# Any dash (hyphen, en and em dash, minus...) or run of spaces: "Belfast–Sejong" is "belfast sejong".
_SEPARATORS = r"[\s\-\u2010-\u2015\u2212\ufe58\ufe63]+"


def name_key(name: str) -> str:
    """A name as typed and as written compared alike: NFKC, any case, any dash or spacing."""
    return re.sub(_SEPARATORS, "-", unicodedata.normalize("NFKC", name).casefold()).strip("-")


def _pair_names(roadmap: Roadmap) -> set[str]:
    """Every name of the pair itself: its id and its name (``Belfast–Sejong``)."""
    return {name_key(roadmap.id), name_key(roadmap.name)}


def _place_names(place: Place) -> set[str]:
    """Every name of a place the data holds (id, name, local Korean name), and the initials of a long name."""
    names = {name_key(name) for name in (place.id, place.name, place.local_name) if name}
    words = place.name.split()
    if len(words) > 1:  # its initials, as people write a long name: "LCR" for "Liverpool City Region"
        names.add(name_key("".join(word[0] for word in words)))
    return names


def find_pair(catalog: Catalog, name: str) -> Roadmap:
    """The roadmap named by its id or name, or by one of its places (``belfast``, ``세종특별자치시``).

    Case, Unicode form, dashes and spaces do not matter. The pair's own names come
    first, then a place's names, then a word of a place's name ("liverpool" for
    Liverpool City Region); a name that fits several pairs at once is refused.
    """
    found = _pairs_named(catalog, name)
    if len(found) == 1:
        return found[0]
    if found:
        candidates = ", ".join(roadmap.id for roadmap in found)
        raise UsageError(
            _("{name!r} names a place in several pairs: {pairs}").format(name=name, pairs=candidates),
            _("give the pair id"),
        )
    known = [roadmap.id for roadmap in catalog.roadmaps]
    raise UsageError(
        _("unknown pair {name!r}{suggestion}").format(
            name=name, suggestion=did_you_mean(name, _pair_candidates(catalog))
        ),
        _("pairs: {names}").format(names=", ".join(known)),
    )


def _pairs_named(catalog: Catalog, name: str) -> list[Roadmap]:
    """The roadmaps of the first tier of names that ``name`` fits (several: it is ambiguous; none: unknown)."""
    wanted = name_key(name)
    tiers: list[Callable[[Roadmap], bool]] = [
        lambda roadmap: wanted in _pair_names(roadmap),
        lambda roadmap: any(wanted in _place_names(place) for place in roadmap.places),
        lambda roadmap: any(wanted in name_key(place.name).split("-") for place in roadmap.places),
    ]
    for matches in tiers:
        found = [roadmap for roadmap in catalog.roadmaps if wanted and matches(roadmap)]
        if found:
            return found
    return []


def _pair_candidates(catalog: Catalog) -> list[str]:
    """What "did you mean" offers for a pair: the pair ids and the place ids."""
    return [*(roadmap.id for roadmap in catalog.roadmaps), *(p.id for r in catalog.roadmaps for p in r.places)]


def selected_roadmaps(catalog: Catalog, names: Sequence[str]) -> tuple[Roadmap, ...]:
    """The roadmaps of the pairs ``names`` (any name ``find_pair`` takes), in the catalog's order; all when none.

    Every query that takes ``--pair`` narrows the roadmaps here, so a name is refused the same way everywhere.
    """
    wanted = {find_pair(catalog, name).id for name in names}
    return tuple(roadmap for roadmap in catalog.roadmaps if not wanted or roadmap.id in wanted)


def find_proposal(catalog: Catalog, ref: str) -> Proposal:
    """The proposal ``P5`` (when one roadmap has it) or ``belfast-sejong/P5``, any case."""
    pair_name, proposal_id = split_qualified_id(ref.strip())
    roadmaps = [find_pair(catalog, pair_name)] if pair_name else list(catalog.roadmaps)
    matches = [
        proposal
        for roadmap in roadmaps
        for proposal in roadmap.proposals
        if proposal.id.casefold() == proposal_id.casefold()
    ]
    if len(matches) > 1:
        candidates = ", ".join(proposal.qualified_id for proposal in matches)
        raise UsageError(
            _("proposal id {ref!r} is in several roadmaps: {ids}").format(ref=ref, ids=candidates),
            _("name one of them"),
        )
    if not matches:
        known = [proposal.id for roadmap in roadmaps for proposal in roadmap.proposals]
        qualified = [proposal.qualified_id for roadmap in roadmaps for proposal in roadmap.proposals]
        raise NotFoundError(
            _("no proposal {ref!r}{suggestion}").format(ref=ref, suggestion=did_you_mean(proposal_id, known)),
            _("`twins list` shows every proposal") if qualified else _("these roadmaps have no proposals"),
        )
    return matches[0]


def find_organisations(catalog: Catalog, names: Sequence[str]) -> set[tuple[str, str]]:
    """(pair, organisation id) of every organisation matching any of ``names``.

    A name matches an organisation's id exactly, or any fragment of its names.
    """
    found: set[tuple[str, str]] = set()
    for name in names:
        wanted = name.strip().casefold()
        matched = {
            (roadmap.id, organisation.id)
            for roadmap in catalog.roadmaps
            for organisation in roadmap.organisations.values()
            if wanted == organisation.id or any(wanted in known.casefold() for known in organisation.names())
        }
        if not matched:
            known = sorted(
                {known for roadmap in catalog.roadmaps for o in roadmap.organisations.values() for known in o.names()}
            )
            raise UsageError(
                _("no organisation matches {name!r}{suggestion}").format(
                    name=name, suggestion=did_you_mean(name, known)
                ),
                _("give an organisation id or part of its name; `twins contacts` shows who works where"),
            )
        found |= matched
    return found


def find_proposal_or_pair(catalog: Catalog, name: str) -> Proposal | Roadmap:
    """``twins show``'s subject: a proposal (``P5``, ``belfast-sejong/P5``) first, else a pair by any name.

    A name that fits neither is one "not found" with the closest proposal ids and pair names;
    one that fits several proposals or several pairs is refused as ambiguous.
    """
    try:
        return find_proposal(catalog, name)
    except NotFoundError:
        if "/" in name or re.fullmatch(_PROPOSAL_ID, name.strip()):  # shaped like a proposal id: no pair is meant
            raise
    found = _pairs_named(catalog, name)
    if len(found) > 1:
        return find_pair(catalog, name)  # refused there, as everywhere a pair is named
    if found:
        return found[0]
    proposals = sorted({proposal.id for proposal in catalog.proposals}, key=lambda ref: (len(ref), ref))
    raise NotFoundError(
        _("no proposal or pair {name!r}{suggestion}").format(
            name=name, suggestion=did_you_mean(name, [*proposals, *_pair_candidates(catalog)])
        ),
        _("`twins list` shows every proposal, `twins pairs` every pair"),
    )


def find_person(catalog: Catalog, ref: str, pairs: Sequence[str] = ()) -> tuple[Roadmap, Person]:
    """The person ``ann-smith`` (or ``north-south/ann-smith``, or by name) in the roadmaps of ``pairs`` (all: none).

    A person listed in several roadmaps is refused as ambiguous: the pair says which.
    """
    pair_name, wanted = split_qualified_id(ref.strip())
    roadmaps = selected_roadmaps(catalog, [pair_name] if pair_name else pairs)
    key = name_key(wanted)
    matches = [
        (roadmap, person)
        for roadmap in roadmaps
        for person in roadmap.people.values()
        if key in (person.id, name_key(person.name))
    ]
    if len(matches) > 1:
        candidates = ", ".join(f"{roadmap.id}/{person.id}" for roadmap, person in matches)
        raise UsageError(
            _("{ref!r} names a person in several roadmaps: {candidates}").format(ref=ref, candidates=candidates),
            _("name one of them, or give --pair"),
        )
    if not matches:
        known = [person_id for roadmap in roadmaps for person_id in roadmap.people]
        raise NotFoundError(
            _("no person {ref!r}{suggestion}").format(ref=ref, suggestion=did_you_mean(wanted, known)),
            _("`twins contacts` shows every person"),
        )
    return matches[0]


def find_milestone(catalog: Catalog, ref: str, pairs: Sequence[str] = ()) -> tuple[Roadmap, int]:
    """A milestone by its title (any case) or by its number in its roadmap (1 for the first): its roadmap and index.

    A number needs one roadmap (``pairs``); a title found in several roadmaps is refused as ambiguous.
    """
    roadmaps = selected_roadmaps(catalog, pairs)
    wanted = ref.strip()
    if wanted.isdigit():
        if len(roadmaps) != 1:
            raise UsageError(
                _("milestone {number} of which roadmap?").format(number=wanted),
                _("give --pair with a milestone's number"),
            )
        milestones = roadmaps[0].milestones
        if not 1 <= int(wanted) <= len(milestones):
            raise NotFoundError(
                _("{pair} has no milestone {number}: it has {count}").format(
                    pair=roadmaps[0].id, number=wanted, count=len(milestones)
                ),
                _("`twins milestones --pair PAIR --all` lists them"),
            )
        return roadmaps[0], int(wanted) - 1
    key = name_key(wanted)
    matches = [
        (roadmap, index)
        for roadmap in roadmaps
        for index, milestone in enumerate(roadmap.milestones)
        if name_key(milestone.title) == key
    ]
    if len(matches) > 1:
        candidates = ", ".join(f"{roadmap.id} #{index + 1}" for roadmap, index in matches)
        raise UsageError(
            _("milestone {ref!r} is in several roadmaps: {candidates}").format(ref=ref, candidates=candidates),
            _("give --pair, or its number"),
        )
    if not matches:
        titles = [milestone.title for roadmap in roadmaps for milestone in roadmap.milestones]
        raise NotFoundError(
            _("no milestone {ref!r}{suggestion}").format(ref=ref, suggestion=did_you_mean(wanted, titles)),
            _("`twins milestones --all` lists them by title"),
        )
    return matches[0]
