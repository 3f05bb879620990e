"""Shell completion from the data: proposal ids, pairs, themes and types.

The shell calls twins on every Tab, so these never print and never fail: when
the roadmaps cannot be read or do not validate there is simply nothing to
offer. They read the roadmaps that the command line being completed would read
(its ``--roadmaps``, else the usual order). Typer keeps only completions that
start with what was typed, so a candidate is given in the case the person typed.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from twins_cli.errors import TwinsError

if TYPE_CHECKING:
    from twins_cli.model.records import Catalog

Completion = tuple[str, str]  # (value, help shown beside it by zsh, fish and PowerShell)


def _catalog(ctx: typer.Context) -> "Catalog | None":
    """The roadmaps the command line reads, or None when they cannot be read or do not validate."""
    from twins_cli.catalog.load import load_catalog
    from twins_cli.files.locate import find_roadmaps

    option = ctx.find_root().params.get("roadmaps")
    try:
        return load_catalog(find_roadmaps(Path(option) if option else None))
    except TwinsError:
        return None


def _matching(candidates: Iterable[Completion], incomplete: str) -> list[Completion]:
    """Candidates that start with ``incomplete`` in any case, spelt with the case as typed."""
    typed = incomplete.casefold()
    return [
        (incomplete + value[len(incomplete) :], help_text)
        for value, help_text in candidates
        if value.casefold().startswith(typed)
    ]


def _offer(
    ctx: typer.Context, incomplete: str, candidates: Callable[["Catalog"], Iterable[Completion]]
) -> list[Completion]:
    catalog = _catalog(ctx)
    return [] if catalog is None else _matching(candidates(catalog), incomplete)


def _proposals(catalog: "Catalog", incomplete: str) -> Iterable[Completion]:
    """``P5`` where one roadmap has a P5, else ``belfast-sejong/P5``; once anything is typed, all qualified ids too."""
    count = Counter(p.id for p in catalog.proposals)
    preferred = {(p.id if count[p.id] == 1 else p.qualified_id): p.title for p in catalog.proposals}
    if incomplete:
        preferred |= {p.qualified_id: p.title for p in catalog.proposals}
    return preferred.items()


def complete_proposal(ctx: typer.Context, incomplete: str) -> list[Completion]:
    """Proposal ids, with their titles (typing a pair's first letters lists its proposals)."""
    return _offer(ctx, incomplete, lambda catalog: _proposals(catalog, incomplete))


def complete_pair(ctx: typer.Context, incomplete: str) -> list[Completion]:
    """Pair ids, with the pair's name."""
    return _offer(ctx, incomplete, lambda catalog: ((r.id, r.name) for r in catalog.roadmaps))


def complete_shown(ctx: typer.Context, incomplete: str) -> list[Completion]:
    """What ``twins show`` takes: proposal ids first, then pair ids, each with its title or name."""
    return _offer(
        ctx,
        incomplete,
        lambda catalog: [*_proposals(catalog, incomplete), *((r.id, r.name) for r in catalog.roadmaps)],
    )


def complete_theme(ctx: typer.Context, incomplete: str) -> list[Completion]:
    """Theme slugs, with their labels."""
    return _offer(
        ctx, incomplete, lambda catalog: ((t.slug, t.label) for t in catalog.programme.vocabulary.themes.terms)
    )


def complete_type(ctx: typer.Context, incomplete: str) -> list[Completion]:
    """Proposal type slugs, with their labels."""
    return _offer(
        ctx, incomplete, lambda catalog: ((t.slug, t.label) for t in catalog.programme.vocabulary.types.terms)
    )


def _organisations(catalog: "Catalog") -> Iterable[Completion]:
    """An organisation's id where one roadmap names it, else ``pair/id``; with its name."""
    every = [(roadmap.id, o) for roadmap in catalog.roadmaps for o in roadmap.organisations.values()]
    count = Counter(o.id for _, o in every)
    return [(o.id if count[o.id] == 1 else f"{pair}/{o.id}", o.name) for pair, o in every]


def complete_organisation(ctx: typer.Context, incomplete: str) -> list[Completion]:
    """Organisation ids, with their names (``PAIR/ID`` for one that several roadmaps name)."""
    return _offer(ctx, incomplete, _organisations)
