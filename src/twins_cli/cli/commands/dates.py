"""``twins milestones`` and ``twins timeline``: the dates in the roadmaps, as a list and as a chart."""

import sys
from typing import Annotated

import typer

from twins_cli.cli.context import read_catalog
from twins_cli.cli.options import AsOfOption, ForceOption, OutputOption, PairOption, format_option
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
    pair: PairOption = None,
    output_format: Annotated[Format, format_option(MILESTONES)] = MILESTONES.default,
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
    refuse_screen_output(MILESTONES, output_format, output, force)
    catalog = read_catalog(ctx)
    everything = events(catalog, tuple(pair or ()))

    def export(found: list[Event], title: str, empty: str) -> None:
        emit(MILESTONES, output_format, Dates(catalog, found, title, empty, day), output, force)

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
            "--as-of marks a day on the terminal chart; a Mermaid chart marks today itself when it is shown",
            "drop --as-of",
        )
    refuse_screen_output(TIMELINE, output_format, output, force)
    day = parse_day("today" if as_of is None else as_of)
    catalog = read_catalog(ctx)
    chart = build_chart(catalog, tuple(pair or ()), day)
    emit(TIMELINE, output_format, Timeline(chart, f"{catalog.programme.name} proposal timelines"), output, force)
