"""The project around the roadmaps: ``twins where``, ``new``, ``init``, ``schema`` and ``cache``."""

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from twins_cli.cli.context import settings
from twins_cli.cli.options import command_group, format_option
from twins_cli.cli.output import emit
from twins_cli.formats.registry import WHERE, Format


def where(
    ctx: typer.Context,
    output_format: Annotated[Format, format_option(WHERE)] = WHERE.default,
) -> None:
    """Where twins reads from here: the roadmaps folder, programme file, config file and cache, and why each.

    Example: twins where
    """
    from twins_cli.catalog.where import describe

    emit(WHERE, output_format, describe(settings(ctx).roadmaps))


class SchemaName(str, Enum):
    """The packaged JSON Schemas."""

    roadmap = "roadmap"
    programme = "programme"


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

    folder, create = (directory, False) if directory else default_folder(settings(ctx).roadmaps)
    created = create_roadmap(folder, pair, uk, kr, force=force, create_folder=create, init_config=init_config)
    sys.stdout.write(created.next_steps())


def init(
    directory: Annotated[
        Path, typer.Argument(help="The repository's folder (created if need be). Default: this folder.")
    ] = Path(),
    pair: Annotated[
        str,
        typer.Option("--pair", help="The first roadmap's pair id, UK place first.", metavar="PAIR"),
    ] = "cardiff-gwangju",
    install: Annotated[
        str | None,
        typer.Option(
            "--install",
            help="The pip requirement CI and pre-commit install twins with. "
            "Default: where this twins came from (a git commit, else twins-cli==VERSION).",
            metavar="REQUIREMENT",
        ),
    ] = None,
) -> None:
    """Start a repository of roadmaps: twins.toml, roadmaps/ with programme.yaml and a first roadmap,
    schema copies for editors, a pre-commit hook, a GitHub Actions workflow and a README.

    Never replaces a file: if any of these exists, nothing is written.

    Example: twins init my-roadmaps
    """
    from twins_cli.write.init import init_repository

    created = init_repository(directory, pair, install)
    if created.warning:
        sys.stderr.write(f"twins: {created.warning}\n")
    sys.stdout.write(created.next_steps())


cache_app = command_group(
    "The cache of checked roadmap data that makes queries fast: where it is, and clearing it.", "twins cache info"
)


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
