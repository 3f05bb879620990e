"""``twins export``: every listing in one file, a workbook of sheets or one JSON object."""

from pathlib import Path
from typing import Annotated

import typer

from twins_cli.cli.context import read_catalog
from twins_cli.cli.options import PairOption, PublicOption, format_option
from twins_cli.cli.output import emit
from twins_cli.formats.registry import EXPORT, Format

# File name suffixes that say another kind of file than either export writes.
_OTHER_KINDS = frozenset(
    {"csv", "tsv", "ics", "vcf", "vcard", "md", "markdown", "html", "htm", "pdf", "txt", "yaml", "yml"}
)


def export(
    ctx: typer.Context,
    target: Annotated[
        Path,
        typer.Argument(help="The file to write, whole or not at all (.xlsx or .json); - for stdout.", metavar="FILE"),
    ],
    output_format: Annotated[Format, format_option(EXPORT)] = EXPORT.default,
    pair: PairOption = None,
    as_of: Annotated[
        str,
        typer.Option("--as-of", help="Tell statuses and validity as of this day (YYYY-MM-DD).", metavar="DATE"),
    ] = "today",
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    public: PublicOption = False,
) -> None:
    """Every listing in one file: proposals, pairs, agreements, organisations, contacts, milestones, themes.

    Example: twins export innovation-twins.xlsx --pair belfast-sejong
    """
    from twins_cli.base.i18n import _
    from twins_cli.errors import UsageError
    from twins_cli.formats.registry import Sheets
    from twins_cli.formats.workbook import every_listing
    from twins_cli.query.days import parse_day

    suffix = target.suffix.lower().lstrip(".")
    if suffix in EXPORT.names and suffix != output_format.name:
        raise UsageError(
            _("{file} is named as {suffix}, and --format is {format}").format(
                file=target.name, suffix=suffix, format=output_format.name
            ),
            _("add --format {suffix}").format(suffix=suffix),
        )
    if suffix in _OTHER_KINDS - set(EXPORT.names):  # a workbook in contacts.csv, JSON in a roadmap's .yaml
        raise UsageError(
            _("twins export writes xlsx or json, not {suffix}: {file}").format(suffix=suffix, file=target.name),
            _("name the file .xlsx or .json; other formats come from each listing's --format"),
        )
    day = parse_day(as_of)
    catalog = read_catalog(ctx, public=public)
    title = _("{programme} roadmaps").format(programme=catalog.programme.name)
    sheets = Sheets(title, every_listing(catalog, day, tuple(pair or ())))
    emit(EXPORT, output_format, sheets, target, force)
