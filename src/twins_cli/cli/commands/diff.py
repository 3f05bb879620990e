"""``twins diff``: what changed between two versions of the roadmaps."""

from typing import Annotated

import typer

from twins_cli.cli.context import settings
from twins_cli.cli.options import format_option
from twins_cli.cli.output import emit
from twins_cli.formats.registry import CHANGES, Format


def diff(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(help="A roadmap file, a folder of roadmaps, or a git revision.", metavar="OLD")],
    new: Annotated[str, typer.Argument(help="The same, for the newer side.", metavar="NEW")],
    output_format: Annotated[Format, format_option(CHANGES)] = CHANGES.default,
) -> None:
    """What changed: proposals, contacts, milestones, agreements and pairs, field by field.

    OLD and NEW are each a roadmap file, a folder of roadmaps, or a git revision (HEAD~1, main):
    a revision reads the roadmaps folder (found as usual: twins where tells which) as it
    was at that revision. A path that exists wins over a revision of the same name.

    Example: twins diff main roadmaps --format markdown
    """
    from twins_cli.files.locate import find_roadmaps
    from twins_cli.query.compare import diff_roadmaps

    emit(CHANGES, output_format, diff_roadmaps(old, new, find_roadmaps(settings(ctx).roadmaps).directory))
