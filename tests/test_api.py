"""``import twins_cli``: the library for notebooks and scripts, as README's "Using twins from Python" shows it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import twins_cli
from conftest import FIXTURES
from twins_cli.errors import InputError, InvalidDataError, UsageError

ROOT = Path(__file__).resolve().parents[1]
QUERY = FIXTURES / "query"
BROKEN = FIXTURES / "broken" / "alpha-beta.yaml"
EXAMPLE = re.compile(r"## Using twins from Python\n.*?```python\n(.*?)```\n\nprints\n\n```text\n(.*?)```", re.DOTALL)


def run_python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter, as a script would run it: no $TWINS_ROADMAPS, nothing loaded before."""
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("TWINS_ROADMAPS", None)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=cwd)


def modules_after(code: str, cwd: Path) -> set[str]:
    """The modules loaded once ``code`` has run."""
    result = run_python(f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))", cwd)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_the_readme_example_prints_what_the_readme_shows() -> None:
    found = EXAMPLE.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert found, "README's 'Using twins from Python' needs a python block, then 'prints' and a text block"
    code, shown = found[1], found[2]
    result = run_python(code, ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout == shown


def test_importing_the_package_loads_nothing_else(tmp_path: Path) -> None:
    loaded = modules_after("import twins_cli", tmp_path)
    assert {module for module in loaded if module.startswith("twins_cli")} == {"twins_cli"}
    assert not {"rich", "typer", "click", "yaml"} & loaded


@pytest.mark.parametrize(
    "code",
    [
        f"import twins_cli; assert twins_cli.validate_paths([{str(BROKEN)!r}])",
        f"import twins_cli; c = twins_cli.load_roadmaps({str(QUERY)!r}); "
        "twins_cli.select_proposals(c, twins_cli.ProposalQuery()); twins_cli.events(c)",
    ],
    ids=["validate", "load and query"],
)
def test_validating_and_querying_load_neither_rich_nor_typer(code: str, tmp_path: Path) -> None:
    loaded = {module.split(".")[0] for module in modules_after(code, tmp_path)}
    assert not {"rich", "typer", "click"} & loaded


def test_every_public_name_is_there_and_listed() -> None:
    for name in twins_cli.__all__:
        value = getattr(twins_cli, name)  # a name whose module or attribute moved fails here
        assert name == "__version__" or value.__module__.startswith("twins_cli."), name
        assert name in dir(twins_cli)
    namespace: dict[str, object] = {}
    exec("from twins_cli import *", namespace)
    assert set(twins_cli.__all__) <= set(namespace)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        twins_cli.no_such_name  # noqa: B018
    assert not hasattr(twins_cli, "check_files")  # only what __all__ offers


def test_load_roadmaps_reads_a_folder_given_or_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert [roadmap.id for roadmap in twins_cli.load_roadmaps(QUERY).roadmaps] == ["alpha-beta", "gamma-delta"]
    shutil.copytree(QUERY, tmp_path / "roadmaps")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TWINS_ROADMAPS", raising=False)
    catalog = twins_cli.load_roadmaps()  # ./roadmaps, as `twins` finds it
    assert [roadmap.id for roadmap in catalog.roadmaps] == ["alpha-beta", "gamma-delta"]
    monkeypatch.setenv("TWINS_ROADMAPS", str(QUERY))
    assert twins_cli.find_pair(twins_cli.load_roadmaps(), "gamma").id == "gamma-delta"


def test_load_roadmaps_refuses_an_invalid_roadmap_unless_told_what_to_do(tmp_path: Path) -> None:
    folder = tmp_path / "roadmaps"
    shutil.copytree(QUERY, folder)
    (folder / "gamma-delta.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    with pytest.raises(InvalidDataError):
        twins_cli.load_roadmaps(folder)
    skipped: list[InvalidDataError] = []
    catalog = twins_cli.load_roadmaps(folder, on_invalid=skipped.append)
    assert [roadmap.id for roadmap in catalog.roadmaps] == ["alpha-beta"]
    assert len(skipped) == 1
    assert "gamma-delta.yaml" in skipped[0].message


def test_the_queries_answer_from_the_loaded_roadmaps() -> None:
    catalog = twins_cli.load_roadmaps(QUERY)
    found = twins_cli.select_proposals(catalog, twins_cli.ProposalQuery(pairs=("gamma-delta",)))
    assert [proposal.qualified_id for proposal in found] == ["gamma-delta/P1"]
    proposal = twins_cli.find_proposal(catalog, "alpha-beta/P1")
    assert [contact.person.id for contact in twins_cli.proposal_contacts(catalog, proposal)] == list(proposal.contacts)
    assert twins_cli.all_contacts(catalog)
    everything = twins_cli.events(catalog)
    day = twins_cli.parse_day("2024-06-01")
    assert all(event.date.last_day >= day for event in twins_cli.upcoming(everything, day))


def test_validate_paths_reports_each_problem_at_its_line() -> None:
    problems = twins_cli.validate_paths([BROKEN])
    assert all(isinstance(problem, twins_cli.Problem) for problem in problems)
    assert [(problem.line, problem.dotted_path) for problem in problems] == [
        (52, "people[1].email"),
        (57, "proposals[0].stage"),
        (60, "proposals[0].timeline.end"),
        (61, "proposals[0].leads[0]"),
    ]
    assert twins_cli.validate_paths([str(BROKEN.parent)]) == problems  # a folder: the roadmaps in it
    assert twins_cli.validate_paths([QUERY]) == []
    assert twins_cli.validate_paths([]) == []


def test_validate_paths_without_paths_checks_the_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TWINS_ROADMAPS", raising=False)
    with pytest.raises(InputError):  # no project here: never the built-in roadmaps, as `twins validate`
        twins_cli.validate_paths()
    shutil.copytree(FIXTURES / "broken", tmp_path / "roadmaps")
    assert len(twins_cli.validate_paths()) == 4


@pytest.mark.parametrize(("name", "error"), [("missing.yaml", InputError), ("a\0b.yaml", UsageError)])
def test_validate_paths_fails_as_a_twins_error(name: str, error: type[Exception], tmp_path: Path) -> None:
    with pytest.raises(error):
        twins_cli.validate_paths([tmp_path / name])
