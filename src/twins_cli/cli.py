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
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from twins_cli import __version__
from twins_cli.errors import ExitCode, TwinsError


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

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
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
        typer.Argument(help="Roadmap files to check. Default: every roadmap in the roadmaps folder.", show_default=False),
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


def main() -> None:
    """Console-script entry point."""
    app(prog_name="twins")
