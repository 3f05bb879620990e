"""Light commands stay light: structural checks of what they import (no timings here).

Timings are measured by benchmarks/run.py and reported in the README.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from support import modules_loaded_by, top_level


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


# The layers that read and answer: a command imports them inside its body, never at the top of its module.
READING_LAYERS = ("files", "parse", "check", "model", "catalog", "query", "write")


def test_help_imports_the_commands_but_nothing_they_call(tmp_path: Path) -> None:
    loaded = modules_loaded_by(["--help"], tmp_path)
    assert "twins_cli.cli.commands.validate" in loaded
    assert {
        name for name in loaded if name.split(".")[:2] in (["twins_cli", layer] for layer in READING_LAYERS)
    } == set()
    # what turns a failure into its line is imported only when something fails
    assert not {"twins_cli.base.text", "twins_cli.base.paths"} & loaded


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
    """Typer reads the annotations on every run; strings would be evaluated again each time (~18 ms)."""
    import inspect

    from twins_cli.cli.app import app

    assert app.registered_callback is not None
    callbacks = [app.registered_callback.callback, *(command.callback for command in app.registered_commands)]
    for group in app.registered_groups:  # twins cache info, twins cache clear
        assert group.typer_instance is not None
        callbacks += [command.callback for command in group.typer_instance.registered_commands]
    for callback in callbacks:
        assert callback is not None
        for name, parameter in inspect.signature(callback).parameters.items():
            assert not isinstance(parameter.annotation, str), f"{callback.__name__}({name}): {parameter.annotation}"


def test_toml_is_read_only_where_there_is_a_config_file(tmp_path: Path) -> None:
    toml = "tomllib" if sys.version_info >= (3, 11) else "tomli"
    assert toml not in modules_loaded_by(["where"], tmp_path)
    (tmp_path / "twins.toml").write_text("# nothing set\n", encoding="utf-8")
    assert toml in modules_loaded_by(["where"], tmp_path)


def test_the_console_script_makes_the_cycle_collector_rare(tmp_path: Path) -> None:
    """The collector scanned the CLI's objects dozens of times a run; the script raises its threshold first."""
    from twins_cli.cli.console import COLLECTOR_THRESHOLD

    probe = (
        "import atexit, gc, sys; atexit.register(lambda: print('THRESHOLD', gc.get_threshold()[0], file=sys.stderr));"
        " sys.argv = ['twins', '--version']; from twins_cli.cli.console import main; main()"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0
    assert f"THRESHOLD {COLLECTOR_THRESHOLD}" in result.stderr
    assert COLLECTOR_THRESHOLD > 700  # Python's default


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
