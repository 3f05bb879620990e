"""twins: the roadmaps of the UK–Republic of Korea Innovation Twins programme, for Python.

The ``twins`` command is one face of this library; notebooks and scripts use it
through the names in ``__all__`` (README: "Using twins from Python")::

    import twins_cli

    catalog = twins_cli.load_roadmaps()  # the roadmaps the `twins` commands would read here
    twins_cli.find_proposal(catalog, "P5").title

``import twins_cli`` imports nothing else: each name is loaded when first used
(PEP 562), so a script that only validates never loads the queries, and nothing
here loads rich or typer. Nothing inside the package imports these names.
"""

__version__ = "0.1.0"

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy reads the name)
if TYPE_CHECKING:
    from typing import Any

# Each public name and where it lives: "module" (same name) or "module:attribute". The one
# place that says where the API comes from: when code moves or is renamed, change its line.
_API = {
    "load_roadmaps": "twins_cli.api",
    "validate_paths": "twins_cli.api",
    "find_pair": "twins_cli.query.find",
    "find_proposal": "twins_cli.query.find",
    "ProposalQuery": "twins_cli.query.proposals",
    "select_proposals": "twins_cli.query.proposals",
    "proposal_contacts": "twins_cli.query.contacts",
    "all_contacts": "twins_cli.query.contacts",
    "events": "twins_cli.query.events",
    "upcoming": "twins_cli.query.events",
    "parse_day": "twins_cli.query.days",
    "Catalog": "twins_cli.model.records",
    "Problem": "twins_cli.problems",
    "TwinsError": "twins_cli.errors",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> "Any":
    """A public name, imported on first use and kept (later uses are plain attribute reads)."""
    where = _API.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module, _, attribute = where.partition(":")
    value = getattr(importlib.import_module(module), attribute or name)
    globals()[name] = value
    return value


def __dir__() -> "list[str]":
    """The module's names with the public ones not loaded yet, for completion in notebooks."""
    return sorted({*globals(), *__all__})
