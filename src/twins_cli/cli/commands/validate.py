"""``twins validate``: check roadmaps against the schema and the rules."""

import os
from pathlib import Path
from typing import Annotated

import typer

from twins_cli.base.i18n import _
from twins_cli.cli.context import settings
from twins_cli.cli.options import format_option
from twins_cli.cli.output import emit
from twins_cli.errors import ExitCode, UsageError
from twins_cli.formats.registry import VALIDATION, Format


def validate(
    ctx: typer.Context,
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Roadmap files to check, or - for one from stdin. Default: every roadmap in the roadmaps folder.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[Format, format_option(VALIDATION)] = VALIDATION.default,
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
    With $GITHUB_STEP_SUMMARY set (in GitHub Actions), a Markdown summary is appended to that file.

    Example: twins validate roadmaps/belfast-sejong.yaml --format github
    """
    from twins_cli.codes import CodeFilter, code_prefixes

    codes = CodeFilter(code_prefixes(select or [], "--select"), code_prefixes(ignore or [], "--ignore"))
    option = settings(ctx).roadmaps
    if files and Path("-") in files:
        from twins_cli.check.validate import check_stream
        from twins_cli.files.locate import programme_for_stdin

        if len(files) > 1 or builtin:
            raise UsageError(_("- reads one roadmap from stdin, and nothing else"), _("check the files in another run"))
        programme = programme_for_stdin(stdin_filename, option)
        checked = check_stream(typer.get_binary_stream("stdin"), stdin_filename, programme, codes)
    else:
        from twins_cli.check.validate import check_files
        from twins_cli.files.locate import roadmaps_to_check

        if stdin_filename is not None:
            raise UsageError(
                _("--stdin-filename names the roadmap read from stdin"), _("give - as the file to read it")
            )
        paths, source = roadmaps_to_check(files or [], option, builtin=builtin)
        checked = check_files(paths, codes=codes)
        checked.source = source
    emit(VALIDATION, output_format, checked)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        from twins_cli.cli.failures import warn
        from twins_cli.errors import TwinsError
        from twins_cli.files.atomic import append_to
        from twins_cli.formats.validation import job_summary

        try:
            append_to(Path(summary_file), job_summary(checked).encode("utf-8"))
        except TwinsError as error:  # the verdict stands: the summary is extra
            warn(error)
    raise typer.Exit(int(ExitCode.OK if checked.ok else ExitCode.INVALID))
