"""``twins site``: the roadmaps as a static website, for people without a terminal."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from twins_cli.cli.context import read_catalog, settings
from twins_cli.cli.options import AsOfOption


def site(
    ctx: typer.Context,
    out: Annotated[Path, typer.Argument(help="The folder to build the site in (made if new).", metavar="OUT")],
    include_personal: Annotated[
        bool,
        typer.Option(
            "--include-personal", help="Keep people's e-mail addresses (the site says so): not for a public host."
        ),
    ] = False,
    as_of: AsOfOption = "today",
    force: Annotated[
        bool, typer.Option("--force", help="Write into a folder that is not empty and that twins did not make.")
    ] = False,
) -> None:
    """A static website of the roadmaps: pages, search, calendars and downloads; no server needed.

    Example: twins site public/
    """
    from twins_cli.base.i18n import _
    from twins_cli.files.locate import find_roadmaps
    from twins_cli.formats.site.pages import site_files
    from twins_cli.query.days import parse_day
    from twins_cli.query.publication import publish
    from twins_cli.write.site import write_site

    day = parse_day(as_of)
    publication = publish(read_catalog(ctx), include_personal=include_personal)
    files = site_files(publication, day)
    changed = write_site(out, files, force=force, roadmaps=find_roadmaps(settings(ctx).roadmaps).directory)
    sys.stderr.write(
        _("twins: wrote {out}: {count} files, {changed} new or changed").format(
            out=out, count=len(files), changed=changed
        )
        + "\n"
    )
