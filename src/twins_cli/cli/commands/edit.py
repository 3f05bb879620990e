"""Edits that keep the roadmaps as people wrote them: ``twins record``, ``milestone``, ``contact`` and ``fmt``."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from twins_cli.cli.completion import complete_organisation, complete_proposal
from twins_cli.cli.context import settings
from twins_cli.cli.options import PairOption, command_group

if TYPE_CHECKING:
    from twins_cli.files.locate import RoadmapsLocation
    from twins_cli.model.records import Catalog, Roadmap
    from twins_cli.write.edits import Change, Edited

DryRunOption = Annotated[bool, typer.Option("--dry-run", "-n", help="Show the change as a diff and write nothing.")]
EmailOption = Annotated[
    str | None, typer.Option(help="Their e-mail address, as the source gives it.", metavar="EMAIL", show_default=False)
]
RoleOption = Annotated[
    str | None,
    typer.Option(help="Their role or job title, as the source gives it.", metavar="ROLE", show_default=False),
]
TitleOption = Annotated[
    str | None,
    typer.Option(
        help="The title before their name (Dr, Prof), as the source gives it.", metavar="TITLE", show_default=False
    ),
]
NameOption = Annotated[
    str | None,
    typer.Option(help="Their name as the source writes it, without the title.", metavar="NAME", show_default=False),
]
InferredOption = Annotated[
    str | None,
    typer.Option(
        help="The --organisation is inferred, not stated by a source: why and from what (its inference_reason).",
        metavar="REASON",
    ),
]


def _roadmaps(ctx: typer.Context, dry_run: bool) -> "tuple[RoadmapsLocation, Catalog]":
    """The roadmaps folder to edit (never the built-in copy, but for a dry run) and what it holds."""
    from twins_cli.cli.context import read_catalog
    from twins_cli.files.locate import find_roadmaps
    from twins_cli.write.edits import refuse_builtin

    location = find_roadmaps(settings(ctx).roadmaps)
    refuse_builtin(location, dry_run)
    return location, read_catalog(ctx)


def _apply(location: "RoadmapsLocation", roadmap: "Roadmap", change: "Change", dry_run: bool) -> None:
    """Carry out ``change`` on the file of ``roadmap``, and say what it did: the diff on stdout, a line on stderr."""
    from twins_cli.base.i18n import _
    from twins_cli.cli.failures import tell
    from twins_cli.formats.table import wants_plain
    from twins_cli.write.edits import InvalidEditError, edit_file, roadmap_path

    try:
        edited = edit_file(roadmap_path(location, roadmap), change, dry_run=dry_run, colour=not wants_plain())
    except InvalidEditError as error:
        tell("".join(f"{problem.format()}\n" for problem in error.problems))
        raise
    _say(edited, _("{name}: not written (--dry-run)") if dry_run else _("{name}: written"))


def _say(edited: "Edited", done: str) -> None:
    from twins_cli.base.i18n import _
    from twins_cli.base.text import one_line
    from twins_cli.cli.failures import tell
    from twins_cli.formats.terminal import write

    write(edited.diff)
    name = one_line(edited.name)
    tell(f"twins: {done.format(name=name) if edited.diff else _('{name}: nothing to change').format(name=name)}\n")


def record(
    ctx: typer.Context,
    proposal: Annotated[
        str,
        typer.Argument(
            help="The proposal: P5, or belfast-sejong/P5.", metavar="PROPOSAL", autocompletion=complete_proposal
        ),
    ],
    as_of: Annotated[
        str,
        typer.Option(
            "--as-of", help="The day the status was true, and the date of --note (2025-01-10).", metavar="DAY"
        ),
    ],
    status: Annotated[
        str | None,
        typer.Option(help="proposed, active, completed, paused or withdrawn.", metavar="STATUS", show_default=False),
    ] = None,
    actual_start: Annotated[
        str | None,
        typer.Option(help="When work actually started, as precisely as known (2024-02).", metavar="DATE"),
    ] = None,
    actual_end: Annotated[
        str | None,
        typer.Option(help="When work actually finished, as precisely as known.", metavar="DATE"),
    ] = None,
    note: Annotated[str | None, typer.Option(help="A progress note, dated --as-of.", metavar="TEXT")] = None,
    source: Annotated[
        str | None,
        typer.Option(help="Where --note comes from: a file under sources, or a web address.", metavar="SOURCE"),
    ] = None,
    dry_run: DryRunOption = False,
) -> None:
    """Record a proposal's progress: its status as of a day, when it actually started or finished, a note.

    Example: twins record belfast-sejong/P5 --status active --as-of 2025-01-10 --dry-run
    """
    from twins_cli.query.find import find_pair, find_proposal
    from twins_cli.write.edits import ProgressRecord, human_date, human_day, record_progress

    wanted = ProgressRecord(
        as_of=human_day(as_of, "--as-of"),
        status=status,
        actual_start=human_date(actual_start, "--actual-start") if actual_start else None,
        actual_end=human_date(actual_end, "--actual-end") if actual_end else None,
        note=note,
        source=source,
    )
    location, catalog = _roadmaps(ctx, dry_run)
    found = find_proposal(catalog, proposal)
    _apply(location, find_pair(catalog, found.pair), record_progress(found.id, wanted), dry_run)


milestone_app = command_group(
    "Record what became of a roadmap's milestones.",
    "twins milestone happened 'Sejong SME mission to Belfast' --on 'March 2025' --evidence URL --dry-run",
)


@milestone_app.command("happened")
def milestone_happened(
    ctx: typer.Context,
    milestone: Annotated[
        str, typer.Argument(help="Its title, or its number in its roadmap (with --pair).", metavar="TITLE-OR-NUMBER")
    ],
    evidence: Annotated[
        str,
        typer.Option(help="What records it: a file under sources, or a web address.", metavar="SOURCE"),
    ],
    on: Annotated[
        str | None, typer.Option("--on", help="When it happened, as precisely as known (3 March 2025).", metavar="DATE")
    ] = None,
    pair: PairOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Record that a milestone happened: when, as precisely as known, and the evidence.

    Example: twins milestone happened 4 --pair belfast-sejong --on 2024-06-20 --evidence https://example.org --dry-run
    """
    from twins_cli.query.find import find_milestone
    from twins_cli.write.edits import human_date
    from twins_cli.write.edits import milestone_happened as happened

    day = human_date(on, "--on") if on else None
    location, catalog = _roadmaps(ctx, dry_run)
    roadmap, index = find_milestone(catalog, milestone, pair or ())
    _apply(location, roadmap, happened(index, roadmap.milestones[index].title, day, evidence), dry_run)


PersonArgument = Annotated[
    str, typer.Argument(help="Their id (or name); pair/id where several pairs have it.", metavar="PERSON")
]
contact_app = command_group(
    "Keep a roadmap's people current: set their details, add or remove them.",
    "twins contact set ann-smith --role 'Head of Innovation' --dry-run",
)


@contact_app.command("set")
def contact_set(
    ctx: typer.Context,
    person: PersonArgument,
    email: EmailOption = None,
    role: RoleOption = None,
    organisation: Annotated[
        str | None,
        typer.Option(
            help="Their organisation's id; no longer marked inferred.",
            metavar="ORG",
            show_default=False,
            autocompletion=complete_organisation,
        ),
    ] = None,
    title: TitleOption = None,
    name: NameOption = None,
    inferred: InferredOption = None,
    pair: PairOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Set a person's e-mail, role, organisation, title or name.

    Example: twins contact set belfast-sejong/ryan-murphy --role 'Lord Mayor of Belfast (2023-24)' --dry-run
    """
    from twins_cli.query.find import find_person
    from twins_cli.write.edits import set_person

    location, catalog = _roadmaps(ctx, dry_run)
    roadmap, found = find_person(catalog, person, pair or ())
    values = {"email": email, "role": role, "organisation": organisation, "title": title, "name": name}
    _apply(location, roadmap, set_person(found.id, values, inferred), dry_run)


@contact_app.command("add")
def contact_add(
    ctx: typer.Context,
    person: Annotated[
        str, typer.Argument(help="The new person's id: their name in lower case with hyphens.", metavar="ID")
    ],
    name: Annotated[str, typer.Option(help="Their name as the source writes it, without the title.", metavar="NAME")],
    email: EmailOption = None,
    role: RoleOption = None,
    organisation: Annotated[
        str | None, typer.Option(help="Their organisation's id.", metavar="ORG", show_default=False)
    ] = None,
    title: TitleOption = None,
    inferred: InferredOption = None,
    pair: PairOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Add a person to a roadmap's people.

    Example: twins contact add jane-doe --name 'Jane Doe' --pair belfast-sejong --dry-run
    """
    from twins_cli.base.i18n import _
    from twins_cli.errors import UsageError
    from twins_cli.query.find import selected_roadmaps
    from twins_cli.write.edits import add_person

    location, catalog = _roadmaps(ctx, dry_run)
    roadmaps = selected_roadmaps(catalog, pair or ())
    if len(roadmaps) != 1:
        raise UsageError(_("which roadmap is the new person in?"), _("give --pair"))
    values = {"name": name, "title": title, "role": role, "organisation": organisation, "email": email}
    _apply(location, roadmaps[0], add_person(person, values, inferred), dry_run)


@contact_app.command("remove")
def contact_remove(
    ctx: typer.Context,
    person: PersonArgument,
    pair: PairOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Remove a person from a roadmap's people (refused while a proposal or anything else still names them).

    Example: twins contact remove belfast-sejong/ryan-murphy --dry-run
    """
    from twins_cli.query.find import find_person
    from twins_cli.write.edits import remove_person

    location, catalog = _roadmaps(ctx, dry_run)
    roadmap, found = find_person(catalog, person, pair or ())
    _apply(location, roadmap, remove_person(found.id), dry_run)


def fmt(
    ctx: typer.Context,
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Roadmap files. Default: every roadmap and programme.yaml of the roadmaps folder."),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; list the files that would change, and exit 1 if any.")
    ] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Write nothing; show each change as a diff.")] = False,
) -> None:
    """Lay roadmap files out canonically: fields in the schema's order, two-space indents. Never changes data.

    Example: twins fmt --check
    """
    from twins_cli.base.i18n import _
    from twins_cli.base.text import one_line
    from twins_cli.cli.failures import tell
    from twins_cli.errors import ExitCode
    from twins_cli.files.locate import find_roadmaps, programme_file_for
    from twins_cli.formats.table import wants_plain
    from twins_cli.formats.terminal import write
    from twins_cli.write.edits import format_file, refuse_builtin

    if not files:
        location = find_roadmaps(settings(ctx).roadmaps)
        refuse_builtin(location, check or diff)
        programme = programme_file_for(location.directory)
        files = [*([programme] if programme.parent == location.directory else []), *location.roadmap_files()]
    changed = 0
    for path in files:
        edited = format_file(path, write=not (check or diff), colour=not wants_plain())
        if not edited.diff:
            continue
        changed += 1
        if diff:
            write(edited.diff)
        elif check:
            write(f"{one_line(edited.name)}\n")
        else:
            tell(_("twins: reformatted {name}\n").format(name=one_line(edited.name)))
    if check and changed:
        raise typer.Exit(int(ExitCode.INVALID))
