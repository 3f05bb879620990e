"""Every ``twins`` command: one module per family, and here the table that puts them on the app.

A command is a function that only parses options and calls the library; its
docstring is its ``--help``. These modules import only what ``--help`` needs:
anything heavy is imported inside the command that uses it. Unlike the rest of
the package they do not use ``from __future__ import annotations``: Typer reads
every command's annotations on every run, and string annotations make it
evaluate them all again (about 18 ms a run).
"""

import typer

from twins_cli.cli.commands import (
    agreements,
    contacts,
    dates,
    diff,
    edit,
    export,
    organisations,
    programme,
    project,
    proposals,
    publish,
    report,
    status,
    validate,
)


def register(app: typer.Typer) -> None:
    """Put every command on ``app``, in the order ``twins --help`` lists them."""
    app.command()(validate.validate)
    app.command("list")(proposals.list_command)
    app.command()(proposals.show)
    app.command()(contacts.contacts)
    app.command()(dates.milestones)
    app.command()(programme.programme)
    app.command()(programme.pairs)
    app.command()(organisations.orgs)
    app.command()(agreements.agreements)
    app.command()(programme.themes)
    app.command()(report.report)
    app.command()(publish.site)
    app.command()(status.status)
    app.command()(export.export)
    app.command()(dates.timeline)
    app.command("schema")(project.print_schema)
    app.command("new")(project.new_roadmap)
    app.command()(project.init)
    app.command()(project.where)
    app.command()(diff.diff)
    app.command()(edit.record)
    app.add_typer(edit.milestone_app, name="milestone")
    app.add_typer(edit.contact_app, name="contact")
    app.command()(edit.fmt)
    app.add_typer(project.cache_app, name="cache")
