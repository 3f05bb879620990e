"""The ``twins`` command line: parse options, call the library, print, exit.

Nothing here knows how roadmaps are read or checked. Heavy modules (yaml,
jsonschema, rich) are imported inside the commands that use them, so that
``twins --help`` starts fast.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from twins_cli import __version__
from twins_cli.errors import ExitCode, TwinsError, UsageError

if TYPE_CHECKING:
    from twins_cli.model import Catalog
    from twins_cli.views import Listing


@dataclass
class Settings:
    """Global options, shared by every command through the context."""

    roadmaps: Path | None = None
    debug: bool = False


def fail(error: TwinsError) -> NoReturn:
    """The one exit path for a user's mistake: one line on stderr, a documented code."""
    hint = f" — {error.hint}" if error.hint else ""
    sys.stderr.write(f"twins: {error.message}{hint}\n")
    raise typer.Exit(int(error.exit_code))


class _Group(TyperGroup):
    """Turns every ``TwinsError`` raised by a command into ``fail`` (``--debug`` re-raises)."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # the reader went away (twins list | head -1): not an error
            _silence_closed_stdout()
            raise typer.Exit(int(ExitCode.OK)) from None
        except TwinsError as error:
            settings = ctx.obj if isinstance(ctx.obj, Settings) else Settings()
            if settings.debug:
                raise
            fail(error)


app = typer.Typer(
    cls=_Group,
    help="Roadmaps of the UK–Republic of Korea Innovation Twins programme: validate and query them.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"twins {__version__}\n")
        raise typer.Exit()


@app.callback()
def _global_options(
    ctx: typer.Context,
    roadmaps: Annotated[
        Path | None,
        typer.Option(
            "--roadmaps",
            help="Folder of roadmap files. Default: $TWINS_ROADMAPS, else ./roadmaps, else the built-in roadmaps.",
            metavar="DIR",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    ctx.obj = Settings(roadmaps=roadmaps, debug=debug)


def _settings(ctx: typer.Context) -> Settings:
    settings = ctx.find_root().obj
    return settings if isinstance(settings, Settings) else Settings()


class ValidateFormat(str, Enum):
    """Output formats of ``twins validate``."""

    text = "text"
    json = "json"
    github = "github"


@app.command()
def validate(
    ctx: typer.Context,
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Roadmap files to check. Default: every roadmap in the roadmaps folder.", show_default=False
        ),
    ] = None,
    output_format: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="text, json, or github (Actions annotations).")
    ] = ValidateFormat.text,
) -> None:
    """Check roadmaps against the schema and the rules; report every problem at its line.

    Exit 0 when valid, 1 when any roadmap has a problem, 2 when a file cannot be read.

    Example: twins validate roadmaps/belfast-sejong.yaml --format github
    """
    from twins_cli.locate import find_roadmaps
    from twins_cli.reporting import REPORTERS
    from twins_cli.validate import check_files

    paths = files or find_roadmaps(_settings(ctx).roadmaps).roadmap_files()
    checked = check_files(paths)
    sys.stdout.write(REPORTERS[output_format.value](checked))
    raise typer.Exit(int(ExitCode.OK if checked.ok else ExitCode.INVALID))


class ListFormat(str, Enum):
    """Output formats of the listing commands."""

    table = "table"
    json = "json"
    csv = "csv"


FormatOption = Annotated[
    ListFormat,
    typer.Option("--format", "-f", help="table (plain text when piped or with NO_COLOR), json or csv."),
]
PairOption = Annotated[
    list[str] | None,
    typer.Option("--pair", "-p", help="Only this city pair (id or place name); repeat for several.", metavar="PAIR"),
]
OrgOption = Annotated[
    list[str] | None,
    typer.Option("--org", help="Only this organisation (id or part of its name); repeat for several.", metavar="ORG"),
]
AsOfOption = Annotated[str, typer.Option("--as-of", help="Take this day (YYYY-MM-DD) as today.", metavar="DATE")]


def _catalog(ctx: typer.Context) -> Catalog:
    from twins_cli.catalog import load_catalog
    from twins_cli.locate import find_roadmaps

    return load_catalog(find_roadmaps(_settings(ctx).roadmaps))


def _emit(listing: Listing, output_format: ListFormat) -> None:
    from twins_cli.render import LISTING_FORMATS

    LISTING_FORMATS[output_format.value](listing)


@app.command("list")
def list_proposals(
    ctx: typer.Context,
    theme: Annotated[
        list[str] | None,
        typer.Option(
            "--theme",
            "-t",
            help="Thematic area: slug, label or alias, any case (cyber, net zero).",
            metavar="THEME",
        ),
    ] = None,
    proposal_type: Annotated[
        list[str] | None, typer.Option("--type", help="Proposal type: slug, label or alias.", metavar="TYPE")
    ] = None,
    pair: PairOption = None,
    org: OrgOption = None,
    stage: Annotated[str | None, typer.Option("--stage", help="priority or future.", metavar="STAGE")] = None,
    active_on: Annotated[
        str | None,
        typer.Option("--active-on", help="Only proposals whose timeline covers this day.", metavar="DATE"),
    ] = None,
    search: Annotated[
        str | None,
        typer.Option("--search", "-s", help="Text in title, tagline, vision, description or outcomes."),
    ] = None,
    sort: Annotated[str, typer.Option("--sort", help="id, start, end or title.")] = "id",
    output_format: FormatOption = ListFormat.table,
) -> None:
    """List proposals across the roadmaps. Filters combine with AND; a repeated one is OR.

    Example: twins list --theme cybersecurity --stage priority
    """
    from twins_cli.query import ProposalQuery, list_proposals, parse_day
    from twins_cli.views import proposals_listing

    catalog = _catalog(ctx)
    query = ProposalQuery(
        themes=tuple(theme or ()),
        types=tuple(proposal_type or ()),
        pairs=tuple(pair or ()),
        organisations=tuple(org or ()),
        stage=stage,
        active_on=parse_day(active_on) if active_on else None,
        search=search,
        sort=sort,
    )
    _emit(proposals_listing(catalog, list_proposals(catalog, query)), output_format)


class ShowFormat(str, Enum):
    """Output formats of ``twins show``."""

    text = "text"
    json = "json"


@app.command()
def show(
    ctx: typer.Context,
    proposal_id: Annotated[
        str, typer.Argument(help="P5, or belfast-sejong/P5 when several roadmaps have a P5.", metavar="ID")
    ],
    output_format: Annotated[ShowFormat, typer.Option("--format", "-f", help="text or json.")] = ShowFormat.text,
) -> None:
    """Show one proposal in full: vision, outcomes, timeline, leads, contacts, milestones.

    Example: twins show P5
    """
    from twins_cli.query import events, find_proposal, proposal_contacts
    from twins_cli.render import emit_detail, to_json, write
    from twins_cli.views import proposal_detail

    catalog = _catalog(ctx)
    proposal = find_proposal(catalog, proposal_id)
    related = [event for event in events(catalog, (proposal.pair,)) if event.proposal == proposal.id]
    title, sections, data = proposal_detail(
        catalog.roadmap(proposal.pair), proposal, proposal_contacts(catalog, proposal), related
    )
    if output_format is ShowFormat.json:
        write(to_json(data))
    else:
        emit_detail(title, sections)


@app.command()
def contacts(
    ctx: typer.Context,
    proposal_id: Annotated[
        str | None,
        typer.Argument(help="A proposal id; without it, everyone in the roadmaps.", metavar="[ID]"),
    ] = None,
    pair: PairOption = None,
    org: OrgOption = None,
    output_format: FormatOption = ListFormat.table,
) -> None:
    """A contact sheet: a proposal's owners and points of contact, or everyone.

    Example: twins contacts P5
    """
    from twins_cli.query import all_contacts, find_proposal, proposal_contacts
    from twins_cli.views import contacts_listing

    catalog = _catalog(ctx)
    if proposal_id is None:
        listing = contacts_listing(all_contacts(catalog, tuple(org or ()), tuple(pair or ())))
    else:
        if pair or org:
            raise UsageError(
                "--pair and --org filter the full contact list, not one proposal's",
                "drop the ID, or drop --pair/--org",
            )
        proposal = find_proposal(catalog, proposal_id)
        listing = contacts_listing(
            proposal_contacts(catalog, proposal),
            f"Contacts for {proposal.qualified_id}: {proposal.title}",
            sheet=True,
        )
    _emit(listing, output_format)


@app.command()
def milestones(
    ctx: typer.Context,
    as_of: AsOfOption = "today",
    within: Annotated[
        str | None,
        typer.Option("--within", "-w", help="Only the next period: 90d, 6w, 6m, 1y.", metavar="PERIOD"),
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", "-a", help="Past dates too.")] = False,
    pair: PairOption = None,
    output_format: FormatOption = ListFormat.table,
) -> None:
    """What is coming up: milestones, proposal starts and finishes, agreement expiries.

    Example: twins milestones --as-of 2024-05-01 --within 1y
    """
    from twins_cli.query import events, parse_day, upcoming, window_end
    from twins_cli.views import events_listing, nothing_upcoming

    day = parse_day(as_of)
    if show_all and within:
        raise UsageError("--all shows every date and --within only the coming ones", "use one of them")
    catalog = _catalog(ctx)
    everything = events(catalog, tuple(pair or ()))
    if show_all:
        _emit(events_listing(everything, "All dates", "These roadmaps have no dates."), output_format)
        return
    coming = upcoming(everything, day, window_end(day, within) if within else None)
    period = f" within {within}" if within else ""
    if coming or output_format is not ListFormat.table:
        _emit(events_listing(coming, f"Upcoming after {day.isoformat()}{period}", ""), output_format)
        if not coming:
            sys.stderr.write(f"twins: nothing upcoming after {day.isoformat()}{period}\n")
        return
    message, nearest, hint = nothing_upcoming(everything, day, within)
    sys.stdout.write(message + "\n")
    if nearest:
        _emit(events_listing(nearest, message, ""), output_format)
        sys.stdout.write(hint + "\n")


@app.command()
def pairs(ctx: typer.Context, as_of: AsOfOption = "today", output_format: FormatOption = ListFormat.table) -> None:
    """The city pairs: places, roadmap status, agreements and their validity, counts.

    Example: twins pairs
    """
    from twins_cli.query import parse_day
    from twins_cli.views import pairs_listing

    _emit(pairs_listing(_catalog(ctx), parse_day(as_of)), output_format)


@app.command()
def themes(ctx: typer.Context, output_format: FormatOption = ListFormat.table) -> None:
    """The programme vocabulary: themes and proposal types, their aliases and counts.

    Example: twins themes --format json
    """
    from twins_cli.views import themes_listing

    _emit(themes_listing(_catalog(ctx)), output_format)


def main() -> None:
    """Console-script entry point: Ctrl-C exits 130 and a closed pipe ends quietly, both without a traceback."""
    try:
        app(prog_name="twins")
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(int(ExitCode.INTERRUPTED))
    except BrokenPipeError:
        _silence_closed_stdout()
        sys.exit(int(ExitCode.OK))


def _silence_closed_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush does not complain of the closed pipe."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
