"""The ``twins`` command line: parse options, call the library, print, exit.

Nothing here knows how roadmaps are read or checked. Heavy modules (yaml,
jsonschema, rich) are imported inside the commands that use them, so that
``twins --help`` starts fast.

Unlike the rest of the package, this module does not use ``from __future__
import annotations``: Typer reads every command's annotations on every run,
and string annotations make it evaluate them all again (about 18 ms a run).
"""

import contextlib
import os
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, NoReturn

import typer
from typer._click.exceptions import NoArgsIsHelpError, NoSuchOption
from typer._click.exceptions import UsageError as ClickUsageError
from typer._types import TyperChoice
from typer.core import TyperGroup

from twins_cli import __version__
from twins_cli.base.paths import display_name
from twins_cli.base.text import one_line
from twins_cli.cli.completion import complete_pair, complete_proposal, complete_theme, complete_type
from twins_cli.errors import ExitCode, InputError, InternalError, TwinsError, UsageError
from twins_cli.formats.registry import (
    CHANGES,
    CONTACTS,
    DETAIL,
    LISTING,
    MILESTONES,
    REPORT,
    STATUS,
    TIMELINE,
    VALIDATION,
    WHERE,
    Family,
    Format,
)
from twins_cli.formats.terminal import guard_stdout

if TYPE_CHECKING:
    from twins_cli.model.records import Catalog


class Settings(NamedTuple):
    """Global options, shared by every command through the context.

    A NamedTuple rather than a dataclass: ``--help`` then never imports
    ``dataclasses``, and creating a dataclass costs about a millisecond.
    """

    roadmaps: Path | None = None
    debug: bool = False
    strict: bool = False


def warn(error: TwinsError) -> None:
    """Say what is wrong in one line on stderr, ``twins: message — hint``, and carry on."""
    _report(error)


def fail(error: TwinsError) -> NoReturn:
    """The one exit path for a failure: one line on stderr, escaped, and a documented code."""
    raise typer.Exit(_report(error))


def _report(error: TwinsError) -> int:
    """Say ``twins: message — hint`` on stderr, names from outside escaped; the exit code."""
    hint = f" — {one_line(error.hint)}" if error.hint else ""
    _tell(f"twins: {one_line(error.message)}{hint}\n")
    return int(error.exit_code)


def _tell(text: str) -> None:
    """Write to stderr if there is one: a closed or full stderr must not turn into a traceback."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(text)
            sys.stderr.flush()


# The global options that also work after the command (twins list --roadmaps DIR).
_MOVABLE_OPTIONS = ("--roadmaps", "--debug")


class _Group(TyperGroup):
    """Every way a run ends: one line and a documented exit code, never a traceback nor a usage box."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run with Click's own error display off: a usage error is ``twins: …`` and exit 2."""
        argv = self._globals_first(list(sys.argv[1:] if args is None else args))
        try:
            code = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        except NoArgsIsHelpError as error:  # plain `twins`: the help
            error.show()
            code = error.exit_code
        except ClickUsageError as error:
            code = _report(_usage_failure(error))
        code = code if isinstance(code, int) else int(ExitCode.OK)
        if standalone_mode:
            sys.exit(code)
        return code

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        """Parse the global options; ``--help`` or ``--version`` into a closed pipe ends quietly."""
        try:
            return super().make_context(info_name, args, parent, **extra)
        except BrokenPipeError:
            _silence_closed_stdout()
            raise typer.Exit(int(ExitCode.OK)) from None

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """An unknown command is a ``UsageError`` with "did you mean"."""
        name = args[0]
        if self.get_command(ctx, name) is None and not name.startswith("-") and not ctx.resilient_parsing:
            from twins_cli.base.words import did_you_mean

            raise UsageError(
                f"no such command {name!r}{did_you_mean(name, self.list_commands(ctx))}", "see twins --help"
            )
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        """Run the command: a ``TwinsError`` is its line and code, any other exception a bug (exit 70)."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # the reader went away (twins list | head -1): not an error
            _silence_closed_stdout()
            raise typer.Exit(int(ExitCode.OK)) from None
        except ClickUsageError as error:  # in the command's options or arguments
            fail(_usage_failure(error, ctx.invoked_subcommand))
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except Exception as error:
            if _settings(ctx).debug:
                raise
            if isinstance(error, TwinsError):
                fail(error)
            if isinstance(error, OSError):  # the file system said no where no check expected it
                fail(_os_failure(error))
            fail(InternalError.about(error))

    def _globals_first(self, args: list[str]) -> list[str]:
        """``twins list --roadmaps DIR`` read as ``twins --roadmaps DIR list``.

        Only tokens that are options of the command line are moved: a value of the command's
        own options (``--search --debug``) and everything after ``--`` stay where they are.
        """
        start = 0
        while start < len(args) and args[start].startswith("-") and args[start] != "--":
            start += 2 if _takes_value(args[start], self.params) else 1
        command = self.commands.get(args[start]) if start < len(args) else None
        if command is None:
            return args
        own = {name for param in command.params for name in param.opts}
        moved: list[str] = []
        rest: list[str] = []
        index = start + 1
        while index < len(args):
            token = args[index]
            name = token.split("=", 1)[0]
            if token == "--":
                rest += args[index:]
                break
            width = 2 if _takes_value(token, command.params) or _takes_value(token, self.params) else 1
            if name in _MOVABLE_OPTIONS and name not in own and index + width <= len(args):
                moved += args[index : index + width]
            else:
                rest += args[index : index + width]
            index += width
        return [*args[:start], *moved, args[start], *rest]


def _takes_value(token: str, params: Sequence[Any]) -> bool:
    """Whether ``token`` (``--format``, ``-f``, ``-af``) is an option whose value is the next token."""
    valued = {
        name
        for param in params
        if param.param_type_name == "option" and not param.is_flag and not param.count
        for name in param.opts
    }
    if token in valued:
        return True
    if token.startswith("--") or not token.startswith("-") or len(token) < 3:
        return False
    for position, char in enumerate(token[1:], start=1):  # a cluster of short options: -af FORMAT
        if f"-{char}" in valued:
            return position == len(token) - 1
    return False


def _usage_failure(error: ClickUsageError, command: str | None = None) -> UsageError:
    """Click's usage error as twins says it: one line, and where to read about the ``command``."""
    ctx = error.ctx
    if ctx is not None:  # Click knows the command's context (not for an option's missing value)
        command = " ".join(context.info_name for context in _context_chain(ctx)[1:]) or None
    see = f"see twins {command} --help" if command else "see twins --help"
    if isinstance(error, NoSuchOption) and error.option_name in _MOVABLE_OPTIONS:  # left last, without its value
        return UsageError(f"option {error.option_name!r} requires an argument", see)
    if isinstance(error, NoSuchOption):
        from twins_cli.base.words import did_you_mean

        known = [] if ctx is None else [name for param in ctx.command.params for name in param.opts]
        if ctx is not None and ctx.parent is not None:  # a global option, mistyped after the command
            known += _MOVABLE_OPTIONS
        return UsageError(f"no such option: {error.option_name}{did_you_mean(error.option_name, known)}", see)
    text = error.format_message().rstrip(".")
    return UsageError(text[:1].lower() + text[1:], see)


def _context_chain(ctx: Any) -> list[Any]:
    """The contexts from the root's down to ``ctx``."""
    chain = [ctx]
    while chain[0].parent is not None:
        chain.insert(0, chain[0].parent)
    return chain


def _os_failure(error: OSError) -> InputError:
    """An ``OSError`` that no check turned into a ``TwinsError``: what the system said, on what."""
    if error.filename is None:
        try:
            Path.cwd()
        except OSError as cwd_error:
            return InputError(
                f"the current folder cannot be used: {cwd_error.strerror}", "cd to another folder, or give --roadmaps"
            )
    where = f"{display_name(Path(os.fsdecode(error.filename)))}: " if error.filename is not None else ""
    return InputError(f"{where}{error.strerror or error}")


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
            help="Folder of roadmap files. Default: $TWINS_ROADMAPS, else twins.toml's roadmaps, else ./roadmaps, "
            "else this folder if it holds roadmaps (twins where tells which).",
            metavar="DIR",
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Queries refuse (exit 1) when any roadmap does not validate, not skip it."),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    ctx.obj = Settings(roadmaps=roadmaps, debug=debug, strict=strict)


def _settings(ctx: typer.Context) -> Settings:
    settings = ctx.find_root().obj
    return settings if isinstance(settings, Settings) else Settings()


class _FormatChoice(TyperChoice[Format]):
    """``--format``'s values, from the registry (a format shows as its name); a typo gets "did you mean"."""

    def get_invalid_choice_message(self, value: Any, ctx: Any) -> str:
        from twins_cli.base.words import did_you_mean

        names = [str(choice) for choice in self.choices]
        return f"{value!r} is not one of: {', '.join(names)}{did_you_mean(str(value), names)}"


def _format_option(family: Family) -> Any:
    """``--format``/``-f`` of a command whose output is ``family``: its choices and help from the registry."""
    return typer.Option("--format", "-f", help=family.help(), click_type=_FormatChoice(family.formats))


@app.command()
def validate(
    ctx: typer.Context,
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Roadmap files to check, or - for one from stdin. Default: every roadmap in the roadmaps folder.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[Format, _format_option(VALIDATION)] = VALIDATION.default,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename", help="With -: the file name to report (and match the pair id to).", metavar="NAME"
        ),
    ] = None,
    builtin: Annotated[
        bool, typer.Option("--builtin", help="Check the roadmaps built into twins instead of a folder of yours.")
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            help="Report only problems of these rule codes or prefixes (T1: the schema's); repeat, or use commas.",
            metavar="CODE",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            help="Do not report problems of these rule codes or prefixes (T213); repeat, or use commas.",
            metavar="CODE",
        ),
    ] = None,
) -> None:
    """Check roadmaps against the schema and the rules; report every problem at its line, with its rule code.

    Exit 0 when valid, 1 when any roadmap has a problem (not counting those ignored), 2 when a file
    cannot be read or there is no roadmaps folder here (the built-in roadmaps are checked only with --builtin).

    Example: twins validate roadmaps/belfast-sejong.yaml --format github
    """
    from twins_cli.codes import CodeFilter, code_prefixes

    codes = CodeFilter(code_prefixes(select or [], "--select"), code_prefixes(ignore or [], "--ignore"))
    option = _settings(ctx).roadmaps
    if files and Path("-") in files:
        from twins_cli.check.validate import check_stream
        from twins_cli.files.locate import programme_for_stdin

        if len(files) > 1 or builtin:
            raise UsageError("- reads one roadmap from stdin, and nothing else", "check the files in another run")
        programme = programme_for_stdin(stdin_filename, option)
        checked = check_stream(typer.get_binary_stream("stdin"), stdin_filename, programme, codes)
    else:
        from twins_cli.check.validate import check_files
        from twins_cli.files.locate import roadmaps_to_check

        if stdin_filename is not None:
            raise UsageError("--stdin-filename names the roadmap read from stdin", "give - as the file to read it")
        paths, source = roadmaps_to_check(files or [], option, builtin=builtin)
        checked = check_files(paths, codes=codes)
        checked.source = source
    _emit(VALIDATION, output_format, checked)
    raise typer.Exit(int(ExitCode.OK if checked.ok else ExitCode.INVALID))


FormatOption = Annotated[Format, _format_option(LISTING)]
PairOption = Annotated[
    list[str] | None,
    typer.Option(
        "--pair",
        "-p",
        help="Only this city pair (id or place name); repeat for several.",
        metavar="PAIR",
        autocompletion=complete_pair,
    ),
]
OrgOption = Annotated[
    list[str] | None,
    typer.Option("--org", help="Only this organisation (id or part of its name); repeat for several.", metavar="ORG"),
]
AsOfOption = Annotated[str, typer.Option("--as-of", help="Take this day (YYYY-MM-DD) as today.", metavar="DATE")]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Save the export (not a table) to FILE, whole or not at all; an existing FILE needs --force.",
        metavar="FILE",
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="With --output: replace FILE if it exists.")]


def _catalog(ctx: typer.Context, strict: bool = False) -> "Catalog":
    """The roadmaps a query reads: a roadmap that does not validate is left out with a warning (--strict: exit 1)."""
    from twins_cli.catalog.load import load_catalog
    from twins_cli.files.locate import find_roadmaps

    settings = _settings(ctx)
    location = find_roadmaps(settings.roadmaps)
    if location.builtin:
        sys.stderr.write("twins: no roadmaps folder here: showing the built-in roadmaps\n")
    return load_catalog(location, on_invalid=None if strict or settings.strict else warn)


def _refuse_screen_output(family: Family, chosen: Format, output: Path | None, force: bool) -> None:
    """``--output`` saves an export; a table or text page is for the screen (redirect it if need be)."""
    if (output is not None or force) and chosen.screen:
        raise UsageError(f"--output saves an export, not a {chosen.name}", f"add --format {family.exports()}")


def _emit(family: Family, chosen: Format, subject: Any, output: Path | None = None, force: bool = False) -> None:
    """``subject`` in the chosen format: drawn on the screen, or its text to stdout or ``--output`` (atomically).

    Text for stdout is written here, not by ``write.exports``, so that a run without
    ``--output`` (twins validate) imports nothing it does not use.
    """
    _refuse_screen_output(family, chosen, output, force)
    text = chosen.render(subject)
    if text is None:  # a screen format: drawn already
        return
    if output is None and not force:
        sys.stdout.write(text)
    else:
        from twins_cli.write.exports import emit

        emit(text, output, force=force)


@app.command("list")
def list_command(
    ctx: typer.Context,
    theme: Annotated[
        list[str] | None,
        typer.Option(
            "--theme",
            "-t",
            help="Thematic area: slug, label or alias, any case (cyber, net zero).",
            metavar="THEME",
            autocompletion=complete_theme,
        ),
    ] = None,
    proposal_type: Annotated[
        list[str] | None,
        typer.Option(
            "--type", help="Proposal type: slug, label or alias.", metavar="TYPE", autocompletion=complete_type
        ),
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
        typer.Option("--search", "-s", help="Text in title, tagline, vision, description or outcomes.", metavar="TEXT"),
    ] = None,
    sort: Annotated[str, typer.Option("--sort", help="id, start, end or title.", metavar="KEY")] = "id",
    as_of: Annotated[
        str, typer.Option("--as-of", help="Tell each proposal's status as of this day (YYYY-MM-DD).", metavar="DATE")
    ] = "today",
    output_format: FormatOption = LISTING.default,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """List proposals across the roadmaps. Filters combine with AND; a repeated one is OR.

    Example: twins list --theme cybersecurity --stage priority
    """
    from twins_cli.formats.listing import proposals_listing
    from twins_cli.query.days import parse_day
    from twins_cli.query.proposals import ProposalQuery, select_proposals

    catalog = _catalog(ctx)
    query = ProposalQuery(
        themes=tuple(theme or ()),
        types=tuple(proposal_type or ()),
        pairs=tuple(pair or ()),
        organisations=tuple(org or ()),
        stage=stage,
        active_on=parse_day(active_on) if active_on is not None else None,
        search=search,
        sort=sort,
    )
    listing = proposals_listing(catalog, select_proposals(catalog, query), parse_day(as_of))
    _emit(LISTING, output_format, listing, output, force)


@app.command()
def show(
    ctx: typer.Context,
    proposal_id: Annotated[
        str,
        typer.Argument(
            help="P5, or belfast-sejong/P5 when several roadmaps have a P5.",
            metavar="ID",
            autocompletion=complete_proposal,
        ),
    ],
    output_format: Annotated[Format, _format_option(DETAIL)] = DETAIL.default,
    as_of: Annotated[
        str, typer.Option("--as-of", help="Tell the proposal's status as of this day (YYYY-MM-DD).", metavar="DATE")
    ] = "today",
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Show one proposal in full: vision, outcomes, timeline, status, leads, contacts, milestones.

    Example: twins show P5
    """
    from twins_cli.formats.detail import proposal_detail
    from twins_cli.formats.registry import Page
    from twins_cli.query.contacts import proposal_contacts
    from twins_cli.query.days import parse_day
    from twins_cli.query.events import events
    from twins_cli.query.find import find_proposal

    _refuse_screen_output(DETAIL, output_format, output, force)
    day = parse_day(as_of)
    catalog = _catalog(ctx)
    proposal = find_proposal(catalog, proposal_id)
    related = [event for event in events(catalog, (proposal.pair,)) if event.proposal == proposal.id]
    page = Page(
        *proposal_detail(catalog.roadmap(proposal.pair), proposal, proposal_contacts(catalog, proposal), related, day)
    )
    _emit(DETAIL, output_format, page, output, force)


@app.command()
def contacts(
    ctx: typer.Context,
    proposal_id: Annotated[
        str | None,
        typer.Argument(
            help="A proposal id; without it, everyone in the roadmaps.",
            metavar="[ID]",
            autocompletion=complete_proposal,
        ),
    ] = None,
    pair: PairOption = None,
    org: OrgOption = None,
    output_format: Annotated[Format, _format_option(CONTACTS)] = CONTACTS.default,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """A contact sheet: a proposal's owners and points of contact, or everyone.

    Example: twins contacts P5 --format vcard --output p5.vcf
    """
    from twins_cli.formats.registry import People
    from twins_cli.query.contacts import all_contacts, proposal_contacts
    from twins_cli.query.find import find_proposal

    catalog = _catalog(ctx)
    if proposal_id is None:
        found, title = all_contacts(catalog, tuple(org or ()), tuple(pair or ())), "Contacts"
    else:
        if pair or org:
            raise UsageError(
                "--pair and --org filter the full contact list, not one proposal's",
                "drop the ID, or drop --pair/--org",
            )
        proposal = find_proposal(catalog, proposal_id)
        found, title = proposal_contacts(catalog, proposal), f"Contacts for {proposal.qualified_id}: {proposal.title}"
    _emit(CONTACTS, output_format, People(found, title, sheet=proposal_id is not None), output, force)


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
    output_format: Annotated[Format, _format_option(MILESTONES)] = MILESTONES.default,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """What is coming up: milestones, proposal starts and finishes, agreement expiries.

    Example: twins milestones --as-of 2024-05-01 --within 1y
    """
    from twins_cli.formats.registry import Dates
    from twins_cli.query.days import parse_day, window_end
    from twins_cli.query.events import Event, events, nothing_upcoming_notice, upcoming

    day = parse_day(as_of)
    if show_all and within is not None:
        raise UsageError("--all shows every date and --within only the coming ones", "use one of them")
    _refuse_screen_output(MILESTONES, output_format, output, force)
    catalog = _catalog(ctx)
    everything = events(catalog, tuple(pair or ()))

    def export(found: list[Event], title: str, empty: str) -> None:
        _emit(MILESTONES, output_format, Dates(catalog, found, title, empty, day), output, force)

    if show_all:
        export(everything, "All dates", "These roadmaps have no dates.")
        return
    coming = upcoming(everything, day, window_end(day, within) if within is not None else None)
    period = f" within {within}" if within else ""
    if coming or not output_format.screen:
        export(coming, f"Upcoming after {day.isoformat()}{period}", "")
        if not coming:
            sys.stderr.write(f"twins: nothing upcoming after {day.isoformat()}{period}\n")
        return
    message, nearest, hint = nothing_upcoming_notice(everything, day, within)
    sys.stdout.write(message + "\n")
    if nearest:
        export(nearest, message, "")
        sys.stdout.write(hint + "\n")


@app.command()
def pairs(
    ctx: typer.Context,
    as_of: AsOfOption = "today",
    output_format: FormatOption = LISTING.default,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """The city pairs: places, roadmap status, agreements and their validity, counts.

    Example: twins pairs
    """
    from twins_cli.formats.listing import pairs_listing
    from twins_cli.query.days import parse_day

    _emit(LISTING, output_format, pairs_listing(_catalog(ctx), parse_day(as_of)), output, force)


@app.command()
def themes(
    ctx: typer.Context,
    output_format: FormatOption = LISTING.default,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """The programme vocabulary: themes and proposal types, their aliases and counts.

    Example: twins themes --format json
    """
    from twins_cli.formats.listing import themes_listing

    _emit(LISTING, output_format, themes_listing(_catalog(ctx)), output, force)


@app.command()
def report(
    ctx: typer.Context,
    pair: Annotated[
        str | None,
        typer.Argument(
            help="A city pair (id or place name); without it, every pair.",
            metavar="[PAIR]",
            autocompletion=complete_pair,
        ),
    ] = None,
    output_format: Annotated[Format, _format_option(REPORT)] = REPORT.default,
    as_of: AsOfOption = "today",
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """A briefing pack for a delegation: agreements, city snapshots, proposals, coming dates, contacts.

    Example: twins report belfast-sejong --format html --output briefing.html
    """
    from twins_cli.formats.briefing import briefing
    from twins_cli.query.days import parse_day
    from twins_cli.query.find import find_pair

    day = parse_day(as_of)
    catalog = _catalog(ctx)
    roadmaps = [find_pair(catalog, pair)] if pair else list(catalog.roadmaps)
    _emit(REPORT, output_format, briefing(catalog, roadmaps, day), output, force)


@app.command()
def status(
    ctx: typer.Context,
    as_of: AsOfOption = "today",
    pair: PairOption = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Exit 1 when anything needs attention or a roadmap does not validate (for a CI job)."
        ),
    ] = False,
    stale_after: Annotated[
        str,
        typer.Option(
            "--stale-after", help="A roadmap not reviewed for longer is stale: 6m, 1y, 90d.", metavar="PERIOD"
        ),
    ] = "12m",
    expiring_within: Annotated[
        str,
        typer.Option("--expiring-within", help="Report agreements that expire this soon: 90d, 6m.", metavar="PERIOD"),
    ] = "90d",
    max_proposals_per_contact: Annotated[
        int,
        typer.Option(
            "--max-proposals-per-contact",
            help="Report a person who is the contact for this many proposals or more.",
            metavar="N",
        ),
    ] = 4,
    output_format: Annotated[Format, _format_option(STATUS)] = STATUS.default,
) -> None:
    """What needs attention: planned dates passed unrecorded, expiring agreements, stale roadmaps, fragile contacts.

    One table per roadmap. Exit 0; with --strict, exit 1 when anything needs attention.

    Example: twins status --as-of 2025-01-01 --strict
    """
    from twins_cli.query.attention import Options, check_status
    from twins_cli.query.days import parse_day

    options = Options(parse_day(as_of), stale_after, expiring_within, max_proposals_per_contact)
    report = check_status(_catalog(ctx, strict), options, tuple(pair or ()))
    _emit(STATUS, output_format, report)
    raise typer.Exit(int(ExitCode.INVALID if strict and report.needs_attention else ExitCode.OK))


@app.command()
def timeline(
    ctx: typer.Context,
    pair: PairOption = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Mark this day (YYYY-MM-DD) instead of today (not with mermaid).", metavar="DATE"),
    ] = None,
    output_format: Annotated[Format, _format_option(TIMELINE)] = TIMELINE.default,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """The proposals' planned timelines as a Gantt chart, month by month, with today marked.

    Example: twins timeline --pair belfast-sejong --as-of 2024-06-01
    """
    from twins_cli.formats.registry import Timeline
    from twins_cli.formats.timeline import build_chart
    from twins_cli.query.days import parse_day

    if as_of is not None and not output_format.screen:
        raise UsageError(
            "--as-of marks a day on the terminal chart; a Mermaid chart marks today itself when it is shown",
            "drop --as-of",
        )
    _refuse_screen_output(TIMELINE, output_format, output, force)
    day = parse_day("today" if as_of is None else as_of)
    catalog = _catalog(ctx)
    chart = build_chart(catalog, tuple(pair or ()), day)
    _emit(TIMELINE, output_format, Timeline(chart, f"{catalog.programme.name} proposal timelines"), output, force)


class SchemaName(str, Enum):
    """The packaged JSON Schemas."""

    roadmap = "roadmap"
    programme = "programme"


@app.command("schema")
def print_schema(
    name: Annotated[
        SchemaName, typer.Argument(help="roadmap (a city pair's file) or programme (programme.yaml).")
    ] = SchemaName.roadmap,
    path_only: Annotated[bool, typer.Option("--path", help="Print the schema file's path instead.")] = False,
) -> None:
    """Print the JSON Schema that roadmaps are checked against, for editors and other tools.

    Example: twins schema --path
    """
    from twins_cli.check.schema import load_schema
    from twins_cli.files.locate import schema_file
    from twins_cli.formats.data import to_json
    from twins_cli.formats.terminal import write

    write(f"{schema_file(name.value)}\n" if path_only else to_json(load_schema(name.value)))


@app.command("new")
def new_roadmap(
    ctx: typer.Context,
    pair: Annotated[
        str,
        typer.Argument(
            help="The new pair's id: lower case and hyphens, UK place first (cardiff-gwangju).", metavar="PAIR"
        ),
    ],
    uk: Annotated[
        str | None,
        typer.Option("--uk", help="The UK place's English name. Default: PAIR's first word (Cardiff).", metavar="NAME"),
    ] = None,
    kr: Annotated[
        str | None,
        typer.Option("--kr", help="The Korean place's English name. Default: PAIR's second word.", metavar="NAME"),
    ] = None,
    directory: Annotated[
        Path | None,
        typer.Option(
            "--dir",
            help="Folder to write PAIR.yaml in. Default: the project's roadmaps folder, else ./roadmaps (created).",
            metavar="DIR",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace PAIR.yaml if it exists.")] = False,
    init_config: Annotated[
        bool, typer.Option("--init-config", help="Also write twins.toml here, naming the roadmaps folder.")
    ] = False,
) -> None:
    """Start a city-pair roadmap: PAIR.yaml that validates, with a comment where each part goes.

    Example: twins new cardiff-gwangju
    """
    from twins_cli.write.scaffold import create_roadmap, default_folder

    folder, create = (directory, False) if directory else default_folder(_settings(ctx).roadmaps)
    created = create_roadmap(folder, pair, uk, kr, force=force, create_folder=create, init_config=init_config)
    sys.stdout.write(created.next_steps())


@app.command()
def where(
    ctx: typer.Context,
    output_format: Annotated[Format, _format_option(WHERE)] = WHERE.default,
) -> None:
    """Where twins reads from here: the roadmaps folder, programme file, config file and cache, and why each.

    Example: twins where
    """
    from twins_cli.catalog.where import describe

    _emit(WHERE, output_format, describe(_settings(ctx).roadmaps))


@app.command()
def diff(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(help="A roadmap file, a folder of roadmaps, or a git revision.", metavar="OLD")],
    new: Annotated[str, typer.Argument(help="The same, for the newer side.", metavar="NEW")],
    output_format: Annotated[Format, _format_option(CHANGES)] = CHANGES.default,
) -> None:
    """What changed: proposals, contacts, milestones, agreements and pairs, field by field.

    OLD and NEW are each a roadmap file, a folder of roadmaps, or a git revision (HEAD~1, main):
    a revision reads the roadmaps folder (found as usual: twins where tells which) as it
    was at that revision. A path that exists wins over a revision of the same name.

    Example: twins diff main roadmaps --format markdown
    """
    from twins_cli.files.locate import find_roadmaps
    from twins_cli.query.compare import diff_roadmaps

    _emit(CHANGES, output_format, diff_roadmaps(old, new, find_roadmaps(_settings(ctx).roadmaps).directory))


cache_app = typer.Typer(
    help="The cache of checked roadmap data that makes queries fast: where it is, and clearing it.\n\n"
    "Example: twins cache info",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info() -> None:
    """Show where the cache is and how much it holds.

    Example: twins cache info
    """
    from twins_cli.check import cache

    sys.stdout.write(cache.info().summary())


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete the cache's entries (only those twins wrote); queries fill it again as they go.

    Example: twins cache clear
    """
    from twins_cli.check import cache

    sys.stdout.write(cache.clear().summary(cleared=True))


def main() -> None:
    """Console-script entry point: every way a run ends is a documented exit code, and at most one line.

    Ctrl-C is 130, and a reader that closes the pipe (twins list | head -1) ends quietly with 0.
    Output that cannot be written (a full disk, a closed stdout) is one line and exit 2: stdout is
    flushed here, inside the handlers, so the interpreter's last flush has nothing left to fail on.
    With --debug an error propagates to here: its traceback, then its own exit code.
    """
    if sys.stdout is None:  # started with stdout closed (twins list >&-)
        _tell("twins: cannot write output: standard output is closed\n")
        sys.exit(int(ExitCode.USAGE))
    sys.stdout = guard_stdout(sys.stdout)
    code: Any = int(ExitCode.OK)
    try:
        app(prog_name="twins")
    except SystemExit as done:
        code = done.code
    except KeyboardInterrupt:
        _tell("\n")
        code = int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        _silence_closed_stdout()
    except Exception as error:  # with --debug; or a bug before any command ran
        failure = error if isinstance(error, TwinsError) else InternalError.about(error)
        if "--debug" in sys.argv[1:]:
            import traceback

            traceback.print_exc()
            code = int(failure.exit_code)
        else:
            code = _report(failure)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_closed_stdout()
    except TwinsError as error:  # output that could not be written
        code = _report(error)
    if code == int(ExitCode.INTERRUPTED):
        # Leave without the interpreter's shutdown: after a second Ctrl-C has stopped the workers, the
        # pool's own thread may still be writing to their closed pipes, and would print its traceback.
        os._exit(code)
    sys.exit(code)


def _silence_closed_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush does not complain of the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
