"""``twins status``: what needs attention, for a person or a CI job."""

from typing import Annotated

import typer

from twins_cli.cli.context import read_catalog
from twins_cli.cli.options import AsOfOption, ExcelOption, ForceOption, OutputOption, PairOption, format_option
from twins_cli.cli.output import emit
from twins_cli.errors import ExitCode
from twins_cli.formats.registry import STATUS, Format


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
    output_format: Annotated[Format, format_option(STATUS)] = STATUS.default,
    output: OutputOption = None,
    force: ForceOption = False,
    excel: ExcelOption = False,
) -> None:
    """What needs attention: planned dates passed unrecorded, expiring agreements, stale roadmaps, fragile contacts.

    One table per roadmap. Exit 0; with --strict, exit 1 when anything needs attention.

    Example: twins status --as-of 2025-01-01 --strict; twins status --format csv --output status.csv
    """
    from twins_cli.query.attention import Options, check_status
    from twins_cli.query.days import parse_day

    options = Options(parse_day(as_of), stale_after, expiring_within, max_proposals_per_contact)
    report = check_status(read_catalog(ctx, strict), options, tuple(pair or ()))
    emit(STATUS, output_format, report, output, force, excel)
    raise typer.Exit(int(ExitCode.INVALID if strict and report.needs_attention else ExitCode.OK))
