"""Fitting the tools people use: pre-commit, editors (schema lines, ``twins schema``), completion, ``twins new``."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import typer
import yaml
from typer.testing import CliRunner, Result

from conftest import FIXTURES, SAMPLE, VALID_PROGRAMME, Run
from twins_cli.cli.app import app
from twins_cli.cli.completion import complete_pair, complete_proposal, complete_shown, complete_theme, complete_type
from twins_cli.files.locate import builtin_dir, schema_file

ROOT = Path(__file__).resolve().parents[2]
QUERY_FIXTURES = FIXTURES / "query"
SCHEMA_LINE = re.compile(r"# yaml-language-server: \$schema=(?P<path>\S+)\n")


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.stderr
    return result


# --- pre-commit ---------------------------------------------------------------------------------


def hook(name: str = "twins-validate") -> dict[str, object]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (found,) = [item for item in hooks if item["id"] == name]
    assert isinstance(found, dict)
    return found


def test_pre_commit_hook_is_declared() -> None:
    found = hook()
    assert found["entry"] == "twins validate"
    assert found["language"] == "python"
    assert found["pass_filenames"] is True
    assert {"id", "name", "entry", "language", "files"} <= set(found)


def test_pre_commit_hook_picks_the_roadmap_files() -> None:
    files = re.compile(str(hook()["files"]))
    for path in ("roadmaps/belfast-sejong.yaml", "roadmaps/programme.yaml", "data/roadmaps/new-pair.yml"):
        assert files.search(path), path
    for path in (".pre-commit-config.yaml", "schema/roadmap.schema.json", ".github/workflows/ci.yaml", "README.md"):
        assert not files.search(path), path


def test_pre_commit_entry_is_the_installed_command_and_runs(run: Run) -> None:
    command, *args = shlex.split(str(hook()["entry"]))
    (script,) = entry_points(group="console_scripts", name=command)
    assert script.value == "twins_cli.cli.console:main"
    # What pre-commit runs when a roadmap and programme.yaml are staged: the entry, then the file names.
    staged = [str(SAMPLE / "kingsport-hanbit.yaml"), str(SAMPLE / "programme.yaml")]
    assert ok(run(*args, *staged)).stdout == f"1 roadmap in {SAMPLE}, 12 proposals: valid\n"
    programme = SAMPLE / "programme.yaml"
    assert ok(run(*args, str(programme))).stdout == f"0 roadmaps in {programme}, 0 proposals: valid\n"
    broken = run(*args, str(FIXTURES / "broken" / "alpha-beta.yaml"))
    assert broken.exit_code == 1
    assert "4 errors in 1 file" in broken.stdout


def test_pre_commit_fmt_hook_checks_the_staged_roadmaps(run: Run, tmp_path: Path) -> None:
    found = hook("twins-fmt")
    assert found["files"] == hook()["files"]
    command, *args = shlex.split(str(found["entry"]))
    assert command == "twins"
    canonical = [str(FIXTURES / "edit" / "north-south.yaml"), str(FIXTURES / "edit" / "programme.yaml")]
    assert ok(run(*args, *canonical)).stdout == ""
    moved = tmp_path / "north-south.yaml"
    moved.write_text("pair: {}\nschema_version: 1\n", encoding="utf-8")
    result = run(*args, str(moved))
    assert result.exit_code == 1
    assert result.stdout.strip().endswith("north-south.yaml")


# --- editors: schema lines and `twins schema` ------------------------------------------------------


@pytest.mark.data
@pytest.mark.parametrize("path", sorted((ROOT / "roadmaps").glob("*.yaml")), ids=lambda path: path.name)
def test_every_data_file_points_editors_at_its_schema(path: Path) -> None:
    match = SCHEMA_LINE.match(path.read_text(encoding="utf-8"))
    assert match, f"{path.name} should start with a yaml-language-server $schema line"
    target = path.parent / match["path"]
    name = "programme" if path.name == "programme.yaml" else "roadmap"
    assert not Path(match["path"]).is_absolute()
    assert target.is_file()
    assert target.samefile(schema_file(name))


@pytest.mark.parametrize("name", ["roadmap", "programme"])
def test_schema_prints_the_packaged_schema(run: Run, name: str) -> None:
    printed = json.loads(ok(run("schema", name)).stdout)
    assert printed == json.loads(schema_file(name).read_text(encoding="utf-8"))
    path = ok(run("schema", name, "--path")).stdout
    assert path.endswith("\n") and Path(path.strip()).samefile(schema_file(name))


def test_schema_defaults_to_the_roadmap_and_refuses_unknown_names(run: Run) -> None:
    assert ok(run("schema")).stdout == ok(run("schema", "roadmap")).stdout
    assert json.loads(ok(run("schema")).stdout)["properties"]["pair"]
    assert run("schema", "milestone").exit_code == 2


# --- shell completion ----------------------------------------------------------------------------


def context(roadmaps: Path | None = None) -> typer.Context:
    """A context as the completion machinery builds it: the root holds the parsed global options."""
    ctx = typer.Context(typer.main.get_command(app))
    ctx.params["roadmaps"] = roadmaps
    return ctx


def values(completions: list[tuple[str, str]]) -> list[str]:
    return [value for value, _ in completions]


def test_complete_proposal_ids_qualified_only_when_ambiguous() -> None:
    ctx = context(QUERY_FIXTURES)
    assert complete_proposal(ctx, "") == [
        ("alpha-beta/P1", "Cyber exchange"),
        ("P2", "Future idea"),
        ("gamma-delta/P1", "Net zero [bold]x[/] lab"),
    ]
    assert values(complete_proposal(ctx, "P")) == ["P2"]
    assert values(complete_proposal(ctx, "p")) == ["p2"]  # as typed: Typer keeps what starts with it
    assert values(complete_proposal(ctx, "alpha")) == ["alpha-beta/P1", "alpha-beta/P2"]
    assert values(complete_proposal(ctx, "gamma-delta/")) == ["gamma-delta/P1"]
    assert complete_proposal(ctx, "zzz") == []


def test_complete_show_offers_proposals_then_pairs() -> None:
    ctx = context(SAMPLE)
    assert values(complete_shown(ctx, "k")) == [f"kingsport-hanbit/P{n}" for n in range(1, 13)] + ["kingsport-hanbit"]
    assert values(complete_shown(ctx, "P1")) == ["P1", "P10", "P11", "P12"]
    assert complete_shown(ctx, "sev") == [("severn-bora", "Severn City Region–Bora")]


def test_complete_proposals_pairs_themes_and_types() -> None:
    ctx = context(SAMPLE)
    assert values(complete_proposal(ctx, "P1")) == ["P1", "P10", "P11", "P12"]
    assert ("P5", "Cyber Lab") in complete_proposal(ctx, "")
    assert values(complete_proposal(ctx, "kingsport-hanbit/P1")) == [f"kingsport-hanbit/P{n}" for n in (1, 10, 11, 12)]
    assert values(complete_pair(ctx, "")) == ["kingsport-hanbit", "lowmoor-dalsan", "northdale-gaya", "severn-bora"]
    assert values(complete_pair(ctx, "n")) == ["northdale-gaya"]
    assert complete_theme(ctx, "cy") == [("cybersecurity", "Cybersecurity")]
    assert "health-innovation" in values(complete_theme(ctx, ""))
    assert values(complete_type(ctx, "")) == ["knowledge-exchange", "rdi-commercialisation", "sme-internationalisation"]


def test_complete_from_the_built_in_copy_when_there_is_no_project(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TWINS_ROADMAPS", raising=False)
    shipped = sorted(path.stem for path in builtin_dir("roadmaps").glob("*.yaml") if path.name != "programme.yaml")
    assert values(complete_pair(context(), "")) == shipped  # what the queries read here, whatever it holds


@pytest.mark.parametrize("folder", [FIXTURES / "broken", FIXTURES / "no-such-folder", FIXTURES / "invalid"])
def test_completion_offers_nothing_rather_than_fail(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ctx = context(folder)
    for complete in (complete_proposal, complete_pair, complete_theme, complete_type):
        assert complete(ctx, "") == []
    assert capsys.readouterr() == ("", "")


def complete(line: str, monkeypatch: pytest.MonkeyPatch, shell: str = "bash") -> Result:
    """Ask twins for completions as the installed bash or zsh script does on Tab."""
    monkeypatch.delenv("TWINS_ROADMAPS", raising=False)
    words = shlex.split(line) + ([""] if line.endswith(" ") else [])
    env = {"_TWINS_COMPLETE": f"complete_{shell}", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    if shell == "zsh":
        env = {"_TWINS_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line}
    result = CliRunner().invoke(app, [], env=env, prog_name="twins")
    assert result.exit_code == 0, result.output
    return result


def test_completion_through_the_shell_machinery(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SAMPLE, tmp_path / "roadmaps")  # the project twins finds from here
    assert complete("twins show P1", monkeypatch).stdout.split() == ["P1", "P10", "P11", "P12"]
    assert complete("twins contacts P", monkeypatch).stdout.split()[:3] == ["P1", "P2", "P3"]
    assert complete("twins list --theme cy", monkeypatch).stdout.split() == ["cybersecurity"]
    assert complete("twins list --type rd", monkeypatch).stdout.split() == ["rdi-commercialisation"]
    assert complete("twins milestones --pair n", monkeypatch).stdout.split() == ["northdale-gaya"]
    assert complete("twins timeline --pair s", monkeypatch).stdout.split() == ["severn-bora"]
    query = complete(f"twins --roadmaps {QUERY_FIXTURES} show ", monkeypatch).stdout.split()
    assert query == ["alpha-beta/P1", "P2", "gamma-delta/P1", "alpha-beta", "gamma-delta"]  # proposals, then pairs
    zsh = complete("twins list --theme cy", monkeypatch, shell="zsh").stdout
    assert "cybersecurity" in zsh and "Cybersecurity" in zsh  # zsh shows the label beside the slug


# --- twins new -----------------------------------------------------------------------------------


def test_new_roadmap_validates_and_shows_where_each_part_goes(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(VALID_PROGRAMME, folder / "programme.yaml")
    result = ok(run("new", "cardiff-gwangju", "--dir", str(folder)))
    path = folder / "cardiff-gwangju.yaml"
    assert f"Created {path}" in result.stdout
    assert "Add cardiff-gwangju to `pairs`" in result.stdout
    assert ok(run("validate", str(path))).stdout == "1 roadmap in data/cardiff-gwangju.yaml, 0 proposals: valid\n"
    text = path.read_text(encoding="utf-8")
    match = SCHEMA_LINE.match(text)
    assert match and (folder / match["path"]).samefile(schema_file("roadmap"))
    data = yaml.safe_load(text)
    assert data["pair"]["id"] == "cardiff-gwangju"
    assert data["pair"]["programme"] == "test-programme"  # the programme beside it
    assert [(p["id"], p["name"], p["country"]) for p in data["pair"]["places"]] == [
        ("cardiff", "Cardiff", "GB"),
        ("gwangju", "Gwangju", "KR"),
    ]
    assert data["pair"]["roadmap"]["status"] == "in-development"
    assert "PLACEHOLDER" in data["sources"][0]["title"]
    for part in ("agreements", "organisations", "people", "proposals", "milestones", "snapshots", "contacts"):
        assert re.search(rf"^# {part}:", text, re.MULTILINE), part
    assert "notes" in data and "sources" in data and "pair" in data
    assert not {"people", "proposals", "milestones"} & set(data)  # nothing invented


def test_new_roadmap_with_the_built_in_programme_and_named_places(run: Run, tmp_path: Path) -> None:
    result = ok(
        run("new", "liverpool-busan", "--dir", str(tmp_path), "--uk", "Liverpool City Region", "--kr", 'Busan: "Port"')
    )
    assert "Add " not in result.stdout  # the built-in programme already lists liverpool-busan
    path = tmp_path / "liverpool-busan.yaml"
    assert ok(run("validate", str(path))).exit_code == 0
    pair = yaml.safe_load(path.read_text(encoding="utf-8"))["pair"]
    assert pair["name"] == 'Liverpool City Region–Busan: "Port"'
    assert [place["id"] for place in pair["places"]] == ["liverpool-city-region", "busan-port"]
    assert pair["programme"] == "uk-kr-innovation-twins"


def test_new_roadmap_goes_to_the_roadmaps_folder_in_use(run_here: Run, tmp_path: Path) -> None:
    (tmp_path / "roadmaps").mkdir()
    ok(run_here("new", "cardiff-gwangju"))
    assert (tmp_path / "roadmaps" / "cardiff-gwangju.yaml").is_file()
    other = tmp_path / "elsewhere"
    other.mkdir()
    ok(run_here("--roadmaps", str(other), "new", "cardiff-gwangju"))
    assert ok(run_here("--roadmaps", str(other), "validate")).stdout == "1 roadmap in elsewhere, 0 proposals: valid\n"


def test_new_roadmap_is_not_written_into_the_built_in_roadmaps(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWINS_ROADMAPS", str(builtin_dir("roadmaps")))
    result = run("new", "cardiff-gwangju")
    assert result.exit_code == 2
    assert "built-in copy" in result.stderr and "--dir" in result.stderr


def test_new_roadmap_refuses_to_overwrite_unless_forced(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "cardiff-gwangju.yaml"
    path.write_text("mine\n", encoding="utf-8")
    refused = run("new", "cardiff-gwangju", "--dir", str(tmp_path))
    assert refused.exit_code == 2
    assert refused.stderr == f"twins: {path} already exists — add --force to replace it\n"
    assert path.read_text(encoding="utf-8") == "mine\n"
    ok(run("new", "cardiff-gwangju", "--dir", str(tmp_path), "--force"))
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert ok(run("validate", str(path))).exit_code == 0
    assert [item.name for item in tmp_path.iterdir()] == ["cardiff-gwangju.yaml"]  # no temporary file left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Cardiff-Gwangju",), "'Cardiff-Gwangju' is not a pair id"),
        (("cardiff_gwangju",), "'cardiff_gwangju' is not a pair id"),
        (("north-east-daejeon",), "cannot tell the two places from 'north-east-daejeon'"),
        (("cardiff-gwangju", "--uk", "카디프"), "cannot make a place id from '카디프'"),
        (("cardiff-gwangju", "--uk", "Gwangju"), "both places would have the id 'gwangju'"),
        (("cardiff-gwangju", "--dir", "no-such-folder"), "there is no folder no-such-folder"),
    ],
)
def test_new_roadmap_usage_errors(run: Run, tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    folder = ("--dir", str(tmp_path)) if "--dir" not in args else ()
    result = run("new", *args, *folder)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not list(tmp_path.glob("*.yaml"))


def test_new_roadmap_needs_a_valid_programme(run: Run, tmp_path: Path) -> None:
    (tmp_path / "programme.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    result = run("new", "cardiff-gwangju", "--dir", str(tmp_path))
    assert result.exit_code == 1
    # the one wording of every refusal: which file, how many problems, and the first with its place
    file = r"(\S*)programme\.yaml"
    refusal = rf"twins: the programme file {file} does not validate: \d+ problems?; first: \1programme\.yaml:1:1: "
    assert re.match(refusal, result.stderr)
    assert not (tmp_path / "cardiff-gwangju.yaml").exists()
