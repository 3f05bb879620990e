# ruff: noqa: E501  (the table of commands: one line each, however long its help)
"""Every ``twins`` command: one module per family, and here the table that puts them on the app.

A command is a function that only parses options and calls the library; its
docstring is its ``--help``. A run imports only the module of the command it
runs: ``twins --help`` lists the commands from this table, with each one's
first sentence kept here (a test keeps it equal to the docstring's), and builds
none of them. The modules import only what their own ``--help`` needs:
anything heavy is imported inside the command that uses it. Unlike the rest of
the package they do not use ``from __future__ import annotations``: Typer reads
a command's annotations when it builds it, and string annotations make it
evaluate them again.
"""

from typing import Any

# fmt: off
# (name, module:function, first sentence of its docstring), in the order `twins --help` lists them.
COMMANDS = (
    ("validate", "validate:validate", "Check roadmaps against the schema and the rules; report every problem at its line, with its rule code."),
    ("list", "proposals:list_command", "List proposals across the roadmaps."),
    ("show", "proposals:show", "Show one proposal in full, or a city pair in full (places, agreements, context, stakeholders, proposals)."),
    ("contacts", "contacts:contacts", "A contact sheet: one row per person, with the proposals they are on."),
    ("milestones", "dates:milestones", "What is coming up: milestones, proposal starts and finishes, agreement expiries."),
    ("programme", "programme:programme", "The programme overview: description, aims, phases, collaboration areas and the pairs."),
    ("pairs", "programme:pairs", "The city pairs: places, roadmap status, agreements and their validity, counts."),
    ("orgs", "organisations:orgs", "The organisations in the roadmaps, or one in full: its people, proposals and agreements."),
    ("agreements", "agreements:agreements", "The agreements: parties (with the names the sources print), signing, validity, themes."),
    ("themes", "programme:themes", "The programme vocabulary: themes and proposal types, their aliases and counts."),
    ("report", "report:report", "A briefing pack for a delegation: agreements, city snapshots, proposals in detail, coming dates, contacts."),
    ("site", "publish:site", "A static website of the roadmaps: pages, search, calendars and downloads; no server needed."),
    ("status", "status:status", "What needs attention: planned dates passed unrecorded, expiring agreements, stale roadmaps, fragile contacts."),
    ("export", "export:export", "Every listing in one file: proposals, pairs, agreements, organisations, contacts, milestones, themes."),
    ("timeline", "dates:timeline", "The proposals' planned timelines as a Gantt chart, month by month, with today marked."),
    ("schema", "project:print_schema", "Print the JSON Schema that roadmaps are checked against, for editors and other tools."),
    ("new", "project:new_roadmap", "Start a city-pair roadmap: PAIR.yaml that validates, with a comment where each part goes."),
    ("init", "project:init", "Start a repository of roadmaps: twins.toml, roadmaps/ with programme.yaml and a first roadmap, schema copies for editors, a pre-commit hook, a GitHub Actions workflow and a README."),
    ("where", "project:where", "Where twins reads from here: the roadmaps folder, programme file, config file and cache, and why each."),
    ("diff", "diff:diff", "What changed: proposals, contacts, milestones, agreements and pairs, field by field."),
    ("record", "edit:record", "Record a proposal's progress: its status as of a day, when it actually started or finished, a note."),
    ("milestone", "edit:milestone_app", "Record what became of a roadmap's milestones."),
    ("contact", "edit:contact_app", "Keep a roadmap's people current: set their details, add or remove them."),
    ("fmt", "edit:fmt", "Lay roadmap files out canonically: fields in the schema's order, two-space indents."),
    ("cache", "project:cache_app", "The cache of checked roadmap data that makes queries fast: where it is, and clearing it."),

)
# fmt: on

SUMMARIES = {name: summary for name, _, summary in COMMANDS}


def target(name: str) -> Any:
    """The function (or, for a group of commands, the ``typer.Typer``) of the command ``name``, its module imported."""
    import importlib

    module, _, attribute = next(where for known, where, _ in COMMANDS if known == name).partition(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
