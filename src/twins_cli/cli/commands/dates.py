"""``twins milestones`` and ``twins timeline``: the dates in the roadmaps, as a list and as a chart."""

import sys
from datetime import date
from typing import Annotated

import typer

from twins_cli.base.i18n import _
from twins_cli.cli.completion import complete_proposal
from twins_cli.cli.context import read_catalog
from twins_cli.cli.options import AsOfOption, ExcelOption, ForceOption, OutputOption, PairOption, format_option
from twins_cli.cli.output import emit, refuse_screen_output
from twins_cli.errors import UsageError
from twins_cli.formats.registry import MILESTONES, TIMELINE, Format


def milestones(
    ctx: typer.Context,
    as_of: AsOfOption = "today",
    within: Annotated[
        str | None,
        typer.Option("--within", "-w", help="Only the next period: 90d, 6w, 6m, 1y.", metavar="PERIOD"),
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", "-a", help="Past dates too.")] = False,
    since: Annotated[
        str | None, typer.Option("--from", help="Only dates from this day on, past or not.", metavar="DATE")
    ] = None,
    until: Annotated[str | None, typer.Option("--to", help="Only dates up to this day.", metavar="DATE")] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            help="milestone, proposal-start, proposal-end or agreement-expiry; repeat for several.",
            metavar="KIND",
        ),
    ] = None,
    pair: PairOption = None,
    proposal: Annotated[
        list[str] | None,
        typer.Option(
            "--proposal",
            help="Only this proposal's dates; repeat for several.",
            metavar="ID",
            autocompletion=complete_proposal,
        ),
    ] = None,
    overdue: Annotated[
        bool, typer.Option("--overdue", help="Only planned dates passed by --as-of with nothing recorded.")
    ] = False,
    output_format: Annotated[Format, format_option(MILESTONES)] = MILESTONES.default,
    output: OutputOption = None,
    force: ForceOption = False,
    excel: ExcelOption = False,
) -> None:
    """What is coming up: milestones, proposal starts and finishes, agreement expiries.

    Example: twins milestones --as-of 2024-05-01 --within 1y
    """
    from twins_cli.formats.registry import Dates
    from twins_cli.query.days import parse_day, window_end
    from twins_cli.query.events import (
        Event,
        bounded,
        events,
        nothing_upcoming_notice,
        of_kinds,
        of_proposals,
        upcoming,
    )
    from twins_cli.query.find import find_proposal

    day = parse_day(as_of)
    first = parse_day(since) if since is not None else None
    last = parse_day(until) if until is not None else None
    if show_all and within is not None:
        raise UsageError(_("--all shows every date and --within only the coming ones"), _("use one of them"))
    if show_all and first is not None:
        raise UsageError(_("--all shows every date and --from only those from a day"), _("use one of them"))
    if within is not None and (last is not None or overdue):
        raise UsageError(
            _("--within and {option} both end the dates shown").format(option="--to" if last else "--overdue"),
            _("use one of them"),
        )
    if first is not None and last is not None and last < first:
        raise UsageError(
            _("--to {last} is before --from {first}").format(last=last.isoformat(), first=first.isoformat()),
            _("swap them"),
        )
    if first is not None and within is not None:
        last = window_end(first, within)  # the window runs from --from instead of --as-of
    refuse_screen_output(MILESTONES, output_format, output, force)
    catalog = read_catalog(ctx)
    everything = of_kinds(events(catalog, tuple(pair or ())), tuple(kind or ()))
    narrowed = bool(kind or proposal or first or last or overdue)
    if proposal:
        everything = of_proposals(everything, [find_proposal(catalog, ref) for ref in proposal])

    def export(found: list[Event], title: str, empty: str) -> None:
        emit(MILESTONES, output_format, Dates(catalog, found, title, empty, day), output, force, excel)

    if overdue or show_all or first is not None or last is not None:
        found = bounded(everything, day, first, last, overdue=overdue, every=show_all)
        empty = _("No dates match these filters.") if narrowed else _("These roadmaps have no dates.")
        export(found, _dates_title(overdue, show_all, day, first, last), empty)
        return
    coming = upcoming(everything, day, window_end(day, within) if within is not None else None)
    if within:
        heading = _("Upcoming after {date} within {period}").format(date=day.isoformat(), period=within)
        nothing = _("nothing upcoming after {date} within {period}").format(date=day.isoformat(), period=within)
    else:
        heading = _("Upcoming after {date}").format(date=day.isoformat())
        nothing = _("nothing upcoming after {date}").format(date=day.isoformat())
    if coming or not output_format.screen:
        export(coming, heading, "")
        if not coming:
            sys.stderr.write(f"twins: {nothing}\n")
        return
    if not everything and narrowed:
        sys.stdout.write(_("No dates match these filters.") + "\n")
        return
    message, nearest, hint = nothing_upcoming_notice(everything, day, within)
    sys.stdout.write(message + "\n")
    if nearest:
        export(nearest, message, "")
        sys.stdout.write(hint + "\n")


def _dates_title(overdue: bool, show_all: bool, day: date, first: date | None, last: date | None) -> str:
    """``Overdue on 2024-05-01, from 2024-01-01 to 2024-12-31``: what a bounded listing holds."""
    bounds = [_("from {date}").format(date=first.isoformat())] if first else []
    bounds += [_("to {date}").format(date=last.isoformat())] if last else []
    if overdue:
        head = _("Overdue on {date}").format(date=day.isoformat())
    else:
        head = _("Dates") if show_all or first else _("Upcoming after {date}").format(date=day.isoformat())
    return ", ".join([head, " ".join(bounds)]) if bounds else head


def timeline(
    ctx: typer.Context,
    pair: PairOption = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Mark this day (YYYY-MM-DD) instead of today (not with mermaid).", metavar="DATE"),
    ] = None,
    output_format: Annotated[Format, format_option(TIMELINE)] = TIMELINE.default,
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
            _("--as-of marks a day on the terminal chart; a Mermaid chart marks today itself when it is shown"),
            _("drop --as-of"),
        )
    refuse_screen_output(TIMELINE, output_format, output, force)
    day = parse_day("today" if as_of is None else as_of)
    catalog = read_catalog(ctx)
    chart = build_chart(catalog, tuple(pair or ()), day)
    emit(TIMELINE, output_format, Timeline(chart, f"{catalog.programme.name} proposal timelines"), output, force)
