"""Light commands stay light: structural checks of what they import (no timings here).

Timings are measured by benchmarks/run.py and reported in the README.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import VALID
from support import PROBE, modules_loaded_by, top_level
from twins_cli import __version__


@pytest.mark.parametrize(
    "args",
    [["--help"], ["list", "--theme", "cybersecurity"], ["contacts", "P5"], ["milestones"], ["validate"]],
    ids=" ".join,
)
def test_valid_roadmaps_never_load_jsonschema_nor_pydantic(args: list[str], tmp_path: Path) -> None:
    loaded = top_level(modules_loaded_by(args, tmp_path))
    assert "jsonschema" not in loaded
    assert "pydantic" not in loaded


@pytest.mark.parametrize("args", [["--help"], ["list"], ["contacts", "P5", "--format", "json"]], ids=" ".join)
def test_piped_output_does_not_load_rich(args: list[str], tmp_path: Path) -> None:
    assert "rich" not in top_level(modules_loaded_by(args, tmp_path))


@pytest.mark.parametrize(
    "args", [["--help"], ["list"], ["contacts", "P5"], ["record", "--help"], ["fmt", "--help"]], ids=" ".join
)
def test_only_an_edit_loads_ruamel(args: list[str], tmp_path: Path) -> None:
    assert "ruamel" not in top_level(modules_loaded_by(args, tmp_path))


def test_help_does_not_load_yaml(tmp_path: Path) -> None:
    assert "yaml" not in top_level(modules_loaded_by(["--help"], tmp_path))


# What `twins --help` imports of twins: the app, and nothing of any command nor of what they call.
HELP_MODULES = {
    *("twins_cli", "twins_cli.errors", "twins_cli.base", "twins_cli.base.i18n"),
    *("twins_cli.cli", "twins_cli.cli.app", "twins_cli.cli.argv", "twins_cli.cli.commands"),
    *("twins_cli.cli.context", "twins_cli.cli.failures", "twins_cli.formats", "twins_cli.formats.terminal"),
}
# What a query answered from the cache imports besides: it reads no YAML and runs no rule.
QUERY_MODULES = HELP_MODULES | {
    *("twins_cli.problems", "twins_cli.base.collector", "twins_cli.base.dates", "twins_cli.base.paths"),
    *("twins_cli.base.text", "twins_cli.base.tuples", "twins_cli.base.vocabulary", "twins_cli.base.words"),
    *("twins_cli.files", "twins_cli.files.locate", "twins_cli.check", "twins_cli.check.cache"),
    "twins_cli.check.proposal_index",
    "twins_cli.check.fastcheck.shared",
    *("twins_cli.check.schema", "twins_cli.check.fastcheck", "twins_cli.check.fastcheck.programme"),
    *("twins_cli.check.fastcheck.roadmap", "twins_cli.model", "twins_cli.model.build", "twins_cli.model.records"),
    *("twins_cli.catalog", "twins_cli.catalog.load", "twins_cli.query", "twins_cli.query.contacts"),
    *("twins_cli.query.days", "twins_cli.query.events", "twins_cli.query.find", "twins_cli.query.progress"),
    "twins_cli.query.proposals",
    *("twins_cli.query.validity", "twins_cli.formats.inference", "twins_cli.formats.listing"),
    *("twins_cli.formats.registry", "twins_cli.formats.table"),
    *("twins_cli.cli.completion", "twins_cli.cli.options", "twins_cli.cli.output"),
}
# Standard modules a query needs beyond those Typer imports anyway (SHA-256 is _sha256 or _sha2 by version).
QUERY_STANDARD = {"__future__", "_sha2", "_sha256", "gc", "unicodedata"}
GROWN = "imports grew: if this is meant, add them here (and see what `python -X importtime` says they cost)"


def _typer_modules() -> set[str]:
    """What importing Typer alone loads, on this Python and this Typer."""
    probe = "import json, sys, typer; print(json.dumps(sorted(sys.modules)))"
    return set(json.loads(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout))


def _beyond_typer(loaded: set[str]) -> set[str]:
    """The modules of ``loaded`` that are neither twins's nor Typer's (nor imported by Typer alone)."""
    return {name for name in loaded - _typer_modules() if top_level({name}).isdisjoint({"twins_cli", "typer", "click"})}


def test_help_imports_no_command_and_nothing_beyond_typer(tmp_path: Path) -> None:
    loaded = modules_loaded_by(["--help"], tmp_path)
    assert {name for name in loaded if name.startswith("twins_cli")} == HELP_MODULES, GROWN
    # Click wraps the help with textwrap, and gettext reads the locale: Typer's import loads both from Python 3.11.
    assert _beyond_typer(loaded) <= {"__future__", "locale", "textwrap"}, GROWN


@pytest.mark.parametrize(
    ("args", "command", "own"),
    [
        (["list", "--theme", "cybersecurity"], "proposals", set()),
        (["contacts", "P5"], "contacts", set()),
        (["show", "P5"], "proposals", {"twins_cli.formats.detail", "twins_cli.formats.pair"}),
        (["milestones"], "dates", set()),
    ],
    ids=["list", "contacts", "show", "milestones"],
)
def test_a_query_from_the_cache_imports_its_command_only(
    args: list[str], command: str, own: set[str], tmp_path: Path
) -> None:
    modules_loaded_by(args, tmp_path)  # fills the cache (the session's private one)
    loaded = modules_loaded_by(args, tmp_path)
    ours = {name for name in loaded if name.startswith("twins_cli")}
    module = f"twins_cli.cli.commands.{command}"
    assert {name for name in ours if name.startswith("twins_cli.cli.commands.")} == {module}
    assert ours - {module} <= QUERY_MODULES | own, GROWN
    assert _beyond_typer(loaded) <= QUERY_STANDARD, GROWN


def test_a_repeated_validate_reads_no_yaml_and_runs_no_rule(tmp_path: Path) -> None:
    """The cache answers for the programme and every roadmap unchanged since they passed."""
    shutil.copytree(VALID, tmp_path / "roadmaps")
    # Files just written are read again until they have settled (cache.SETTLED_NS): here they have at once.
    probe = "from twins_cli.check import cache\ncache.SETTLED_NS = 0\n" + PROBE
    env = {**os.environ, "NO_COLOR": "1"}

    def loaded() -> set[str]:
        result = subprocess.run(
            [sys.executable, "-c", probe, '["validate"]'], capture_output=True, text=True, env=env, cwd=tmp_path
        )
        assert result.stdout.endswith(": valid\n")
        return set(json.loads(result.stderr[result.stderr.rindex("MODULES ") + len("MODULES ") :]))

    assert {"yaml", "twins_cli.check.rules"} <= loaded()
    again = loaded()
    assert "yaml" not in top_level(again)
    assert not {"twins_cli.check.rules", "twins_cli.parse.yaml_document", "twins_cli.cli.commands.proposals"} & again


def test_an_invalid_roadmap_does_load_jsonschema_for_the_full_listing(tmp_path: Path) -> None:
    (tmp_path / "roadmaps").mkdir()
    (tmp_path / "roadmaps" / "x.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    assert "jsonschema" in top_level(modules_loaded_by(["validate"], tmp_path))


def test_a_repeated_query_is_answered_from_the_cache_without_yaml(tmp_path: Path) -> None:
    modules_loaded_by(["list"], tmp_path)  # fills the cache (the session's private one)
    loaded = top_level(modules_loaded_by(["list", "--theme", "cyber"], tmp_path))
    assert "yaml" not in loaded
    assert "hashlib" not in loaded  # it loads OpenSSL: the cache's keys use CPython's own SHA-256
    assert "twins_cli.check.rules" not in modules_loaded_by(["contacts", "P5"], tmp_path)


def test_command_annotations_are_objects_not_strings() -> None:
    """Typer reads the annotations of the command it runs; strings would be evaluated again each time (~18 ms)."""
    import inspect

    import typer

    from twins_cli.cli.app import app
    from twins_cli.cli.commands import COMMANDS, target

    assert app.registered_callback is not None
    callbacks = [app.registered_callback.callback]
    for name, _, _ in COMMANDS:
        found = target(name)
        if isinstance(found, typer.Typer):  # twins cache info, twins cache clear
            callbacks += [command.callback for command in found.registered_commands]
        else:
            callbacks.append(found)
    for callback in callbacks:
        assert callback is not None
        for name, parameter in inspect.signature(callback).parameters.items():
            assert not isinstance(parameter.annotation, str), f"{callback.__name__}({name}): {parameter.annotation}"


def test_toml_is_read_only_where_there_is_a_config_file(tmp_path: Path) -> None:
    toml = "tomllib" if sys.version_info >= (3, 11) else "tomli"
    assert toml not in modules_loaded_by(["where"], tmp_path)
    (tmp_path / "twins.toml").write_text("# nothing set\n", encoding="utf-8")
    assert toml in modules_loaded_by(["where"], tmp_path)


def _console_script_reporting(
    name: str, expression: str, tmp_path: Path
) -> tuple[subprocess.CompletedProcess[str], int]:
    """``twins --version`` through the console script, and what ``expression`` was as it ended (said as ``name``)."""
    probe = (
        f"import atexit, gc, sys; atexit.register(lambda: print({name!r}, {expression}, file=sys.stderr));"
        " sys.argv = ['twins', '--version']; from twins_cli.cli.console import main; main()"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0
    return result, int(result.stderr.split(f"{name} ")[1])


def test_the_console_script_makes_the_cycle_collector_rare(tmp_path: Path) -> None:
    """The collector scanned the CLI's objects dozens of times a run; the script raises its threshold first."""
    from twins_cli.cli.console import COLLECTOR_THRESHOLD

    _, threshold = _console_script_reporting("THRESHOLD", "gc.get_threshold()[0]", tmp_path)
    assert threshold == COLLECTOR_THRESHOLD
    assert COLLECTOR_THRESHOLD > 700  # Python's default


def test_the_console_script_leaves_its_objects_out_of_the_shutdown_collections(tmp_path: Path) -> None:
    """Scanning every object of the run for cycles just before the process ends cost ~10 ms a run."""
    result, frozen = _console_script_reporting("FROZEN", "gc.get_freeze_count()", tmp_path)
    assert result.stdout == f"twins {__version__}\n"  # the run ended as before: its output flushed
    assert frozen > 10_000  # Typer's objects and the app's, at least


def test_named_tuples_have_no_annotations_as_text() -> None:
    """typing compiles a ForwardRef for each field annotated by text (``from __future__ import annotations``)."""
    import importlib
    import pkgutil
    from typing import ForwardRef

    import twins_cli

    named_tuples = []
    for found in pkgutil.walk_packages(twins_cli.__path__, "twins_cli."):
        if found.name.endswith("__main__"):
            continue
        module = importlib.import_module(found.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, tuple) and value.__module__ == found.name:
                named_tuples.append(value)
    assert len(named_tuples) > 30  # the records, and the others
    for cls in named_tuples:
        annotations = getattr(cls, "__annotations__", {}).items()
        texts = {name: hint for name, hint in annotations if isinstance(hint, (str, ForwardRef))}
        assert not texts, f"{cls.__module__}.{cls.__name__}: {texts}"
