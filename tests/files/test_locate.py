"""How twins finds the roadmaps (twins.toml, [tool.twins], ./roadmaps, inside roadmaps/, the built-in copy),
``twins where``, ``twins new`` into a repository, queries that skip a broken roadmap, and ``validate -``."""

from __future__ import annotations

import io
import json
import os
import pathlib
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import FIXTURES, VALID_PROGRAMME, VALID_ROADMAP
from twins_cli.check.validate import check_stream
from twins_cli.files import locate
from twins_cli.files.locate import MAX_FILE_BYTES, builtin_dir, find_config, find_project

if TYPE_CHECKING:
    from typer.testing import Result

    from conftest import Run

QUERY = FIXTURES / "query"
FALLBACK = "twins: no roadmaps folder here: showing the built-in roadmaps\n"


def project(root: Path, folder: str = "roadmaps", source: Path = QUERY) -> Path:
    """A copy of the two query roadmaps (alpha-beta, gamma-delta) and their programme in ``root/folder``."""
    shutil.copytree(source, root / folder)
    return root / folder


def summary(result: Result) -> str:
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()[-1]


def pairs_listed(result: Result) -> list[str]:
    assert result.exit_code == 0, result.output
    return sorted({row["pair"] for row in json.loads(result.stdout)})


def one_error(result: Result, code: int) -> str:
    """The one line on stderr of a run that failed with ``code``."""
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    return result.stderr.rstrip("\n")


# --- the search order ------------------------------------------------------------------------------


def test_twins_toml_names_the_folder_relative_to_itself(run_here: Run, tmp_path: Path) -> None:
    project(tmp_path, "data/roadmaps")
    (tmp_path / "twins.toml").write_text('roadmaps = "data/roadmaps"\n', encoding="utf-8")
    assert summary(run_here("validate")) == "2 roadmaps in data/roadmaps, 3 proposals: valid"


def test_twins_toml_in_a_parent_folder_is_found(run_here: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = project(tmp_path, "data")
    (tmp_path / "twins.toml").write_text('roadmaps = "data"  # relative to this file\n', encoding="utf-8")
    deep = tmp_path / "docs" / "notes"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert summary(run_here("validate")) == f"2 roadmaps in {folder}, 3 proposals: valid"  # outside the cwd: in full
    assert pairs_listed(run_here("list", "--format", "json")) == ["alpha-beta", "gamma-delta"]


def test_twins_toml_wins_over_roadmaps_here_and_defaults_to_roadmaps_beside_it(
    run_here: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project(tmp_path, "roadmaps")
    sub = tmp_path / "sub"
    project(sub, "other")
    (sub / "roadmaps").mkdir()  # ./roadmaps from sub/, empty: the config beside it wins
    (sub / "twins.toml").write_text('roadmaps = "other"\n', encoding="utf-8")
    monkeypatch.chdir(sub)
    assert summary(run_here("validate")) == "2 roadmaps in other, 3 proposals: valid"
    (sub / "twins.toml").write_text("# no settings: the roadmaps are in roadmaps/ beside me\n", encoding="utf-8")
    result = run_here("validate")
    assert "no roadmaps (*.yaml) in roadmaps" in one_error(result, 2)  # sub/roadmaps, not tmp_path/roadmaps


def test_pyproject_with_tool_twins_is_a_config_and_without_it_is_not(
    run_here: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project(tmp_path, "data")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.twins]\nroadmaps = "data"\n', "utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "unrelated"\n', encoding="utf-8")
    monkeypatch.chdir(sub)
    found = find_config()
    assert found is not None and found.file == tmp_path / "pyproject.toml"
    assert summary(run_here("validate")).startswith(f"2 roadmaps in {tmp_path / 'data'},")


def test_roadmaps_option_and_env_var_win_over_the_config(
    run_here: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project(tmp_path, "configured")
    project(tmp_path, "named")
    (tmp_path / "twins.toml").write_text('roadmaps = "configured"\n', encoding="utf-8")
    assert summary(run_here("--roadmaps", "named", "validate")).startswith("2 roadmaps in named,")
    monkeypatch.setenv("TWINS_ROADMAPS", "named")
    assert summary(run_here("validate")).startswith("2 roadmaps in named,")


def test_roadmaps_folder_here_without_a_config(run_here: Run, tmp_path: Path) -> None:
    project(tmp_path)
    assert summary(run_here("validate")) == "2 roadmaps in roadmaps, 3 proposals: valid"


@pytest.mark.parametrize("keep_programme", [True, False], ids=["programme-yaml", "roadmap-files"])
def test_inside_the_roadmaps_folder(
    run_here: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keep_programme: bool
) -> None:
    folder = project(tmp_path)
    if not keep_programme:  # roadmap files alone are recognised too (the built-in programme then governs them)
        (folder / "programme.yaml").unlink()
        for path in folder.glob("*.yaml"):
            assert path.read_bytes().count(b"\npair:") == 1
    monkeypatch.chdir(folder)
    location = find_project()
    assert location is not None and location.directory == folder
    assert location.origin == "the current folder holds roadmaps"
    if keep_programme:  # the cwd itself is named in full, not as "."
        assert summary(run_here("validate")) == f"2 roadmaps in {folder}, 3 proposals: valid"


def test_a_folder_of_other_yaml_is_not_mistaken_for_roadmaps(run_here: Run, tmp_path: Path) -> None:
    (tmp_path / "docker-compose.yaml").write_text("services:\n  web:\n    image: nginx\n", encoding="utf-8")
    (tmp_path / "pair.yaml").write_text("# a comment\nnot_a_pair: 1\n", encoding="utf-8")
    assert find_project() is None
    assert one_error(run_here("validate"), 2).startswith("twins: no roadmaps folder here")


def test_nothing_found_validate_refuses_and_a_query_says_it_reads_the_built_in_copy(run_here: Run) -> None:
    result = run_here("validate")
    line = one_error(result, 2)
    assert line.startswith("twins: no roadmaps folder here, so nothing to validate — ")
    assert "--roadmaps DIR" in line and "--builtin" in line
    query = run_here("list", "--format", "json")
    assert query.exit_code == 0
    assert query.stderr == FALLBACK
    named = run_here("--roadmaps", str(builtin_dir("roadmaps")), "list", "--format", "json")
    assert json.loads(query.stdout) == json.loads(named.stdout)  # the same roadmaps, whatever they hold
    assert named.stderr == ""  # named: no notice


def test_search_stops_quietly_at_a_folder_it_may_not_look_into(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "twins.toml").write_text("roadmaps = 'data'\n", encoding="utf-8")
    blocked = tmp_path / "blocked"
    here = blocked / "here"
    here.mkdir(parents=True)
    original = pathlib.Path.is_file

    def is_file(path: Path) -> bool:
        if path.parent == blocked:  # as stat() answers in a folder without search permission
            raise PermissionError(13, "Permission denied", str(path))
        return original(path)

    monkeypatch.setattr(pathlib.Path, "is_file", is_file)
    assert find_config(here) is None
    assert find_config(tmp_path) is not None


# --- a broken configuration file -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "fragment"),
    [
        ('roadmaps = "data\n', "twins: twins.toml:1:", "not valid TOML"),
        ("# ok\n\nroadmaps = data\n", "twins: twins.toml:3:", "not valid TOML"),
        ('roadmap = "data"\n', "twins: twins.toml:1: unknown setting 'roadmap'", "(did you mean 'roadmaps'?)"),
        ("# x\nroadmaps = 3\n", "twins: twins.toml:2: roadmaps must be a folder name", 'roadmaps = "DIR"'),
        ('roadmaps = ""\n', "twins: twins.toml:1: roadmaps must be a folder name", "relative to the file"),
        (b"roadmaps = '\xff'\n", "twins: twins.toml:1: not UTF-8", "UTF-8"),
    ],
    ids=["unclosed-string", "bare-word", "unknown-setting", "not-text", "empty", "not-utf8"],
)
def test_a_broken_twins_toml_is_one_line_with_its_line(
    run_here: Run, tmp_path: Path, text: str | bytes, start: str, fragment: str
) -> None:
    config = tmp_path / "twins.toml"
    config.write_bytes(text if isinstance(text, bytes) else text.encode())
    project(tmp_path)  # ./roadmaps does not rescue a broken config
    for args in (("validate",), ("list",), ("where",)):
        line = one_error(run_here(*args), 2)
        assert line.startswith(start), line
        assert fragment in line


def test_a_broken_tool_twins_table_is_reported_at_its_line(run_here: Run, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.twins]\nroadmapz = "d"\n', "utf-8")
    line = one_error(run_here("validate"), 2)
    assert line.startswith("twins: pyproject.toml:5: unknown setting 'roadmapz' in [tool.twins] in pyproject.toml")
    assert "(did you mean 'roadmaps'?)" in line
    (tmp_path / "pyproject.toml").write_text('[tool]\ntwins = "data"\n', encoding="utf-8")
    assert "[tool.twins] in pyproject.toml is not a table" in one_error(run_here("validate"), 2)


# --- twins where ------------------------------------------------------------------------------------------


def test_where_names_each_place_and_why(run_here: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project(tmp_path, "data/roadmaps")
    (tmp_path / "twins.toml").write_text('roadmaps = "data/roadmaps"\n', encoding="utf-8")
    monkeypatch.setenv("TWINS_CACHE_DIR", str(tmp_path / "cache"))
    result = run_here("where")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        'roadmaps   data/roadmaps  (roadmaps = "data/roadmaps" in twins.toml)',
        "programme  data/roadmaps/programme.yaml  (beside the roadmaps)",
        "config     twins.toml  (the nearest, from this folder up)",
        result.stdout.splitlines()[3],
    ]
    assert result.stdout.splitlines()[3].startswith("cache      cache")  # the folder, or one inside it
    assert result.stdout.splitlines()[3].endswith("  (from $TWINS_CACHE_DIR)")
    project(tmp_path, "named")
    named = json.loads(run_here("--roadmaps", "named", "where", "--format", "json").stdout)
    assert named["roadmaps"] == {"path": str(tmp_path / "named"), "why": "from --roadmaps"}
    assert named["config"]["why"].endswith("its roadmaps setting is not used (from --roadmaps)")
    data = json.loads(run_here("where", "--format", "json").stdout)
    assert data == {
        "roadmaps": {"path": str(tmp_path / "data/roadmaps"), "why": 'roadmaps = "data/roadmaps" in twins.toml'},
        "programme": {"path": str(tmp_path / "data/roadmaps/programme.yaml"), "why": "beside the roadmaps"},
        "config": {"path": str(tmp_path / "twins.toml"), "why": "the nearest, from this folder up"},
        "cache": {"path": data["cache"]["path"], "why": "from $TWINS_CACHE_DIR"},
    }
    assert Path(data["cache"]["path"]).is_relative_to(tmp_path / "cache")


def test_where_with_nothing_found_and_the_cache_off(run_here: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWINS_NO_CACHE", "1")
    data = json.loads(run_here("where", "-f", "json").stdout)
    assert data["roadmaps"]["path"] == str(builtin_dir("roadmaps").resolve())
    assert "for queries only" in data["roadmaps"]["why"]
    assert data["programme"]["path"] == str((builtin_dir("roadmaps") / "programme.yaml").resolve())
    assert data["config"]["path"] is None
    assert data["cache"] == {"path": None, "why": "off ($TWINS_NO_CACHE is set)"}
    lines = run_here("where").stdout.splitlines()
    assert lines[2].startswith("config     none  (") and lines[3].startswith("cache      off  (")


# --- twins new in a repository ---------------------------------------------------------------------------


def test_new_in_a_new_repository_starts_its_roadmaps_folder(run_here: Run, tmp_path: Path) -> None:
    result = run_here("new", "cardiff-gwangju")
    assert result.exit_code == 0, result.output
    path = tmp_path / "roadmaps" / "cardiff-gwangju.yaml"
    assert path.is_file()
    assert result.stdout.startswith("Created roadmaps.\nCreated roadmaps/cardiff-gwangju.yaml.")
    assert "built-in programme" in result.stdout and "roadmaps/programme.yaml" in result.stdout
    assert str(builtin_dir("roadmaps")) not in result.stdout  # never points at the built-in copy
    assert summary(run_here("validate")) == "1 roadmap in roadmaps, 0 proposals: valid"  # found from now on


def test_new_writes_where_the_config_says_creating_the_folder(run_here: Run, tmp_path: Path) -> None:
    (tmp_path / "twins.toml").write_text('roadmaps = "data/roadmaps"\n', encoding="utf-8")
    assert run_here("new", "cardiff-gwangju").exit_code == 0
    assert (tmp_path / "data" / "roadmaps" / "cardiff-gwangju.yaml").is_file()


def test_new_init_config_writes_twins_toml_once(run_here: Run, tmp_path: Path) -> None:
    result = run_here("new", "cardiff-gwangju", "--dir", "data", "--init-config")
    assert result.exit_code == 2  # --dir names a folder that must exist
    assert not (tmp_path / "twins.toml").exists()
    (tmp_path / "data").mkdir()
    result = run_here("new", "cardiff-gwangju", "--dir", "data", "--init-config")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Created twins.toml.\n")
    assert (tmp_path / "twins.toml").read_text(encoding="utf-8").endswith('\nroadmaps = "data"\n')
    assert summary(run_here("validate")) == "1 roadmap in data, 0 proposals: valid"
    again = run_here("new", "glasgow-daegu", "--init-config")
    assert "twins.toml already configures this folder" in one_error(again, 2)
    assert not (tmp_path / "data" / "glasgow-daegu.yaml").exists()


def test_new_refuses_a_missing_folder_named_by_the_option(run_here: Run, tmp_path: Path) -> None:
    assert "there is no folder nowhere" in one_error(run_here("--roadmaps", "nowhere", "new", "cardiff-gwangju"), 2)
    assert not (tmp_path / "nowhere").exists()


def test_new_never_writes_into_nor_points_at_the_installed_package(
    run_here: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "twins_cli"  # an installed twins, its data inside the package
    builtin = sorted(path.name for path in builtin_dir("roadmaps").iterdir())
    shutil.copytree(builtin_dir("roadmaps"), package / "data" / "roadmaps")
    shutil.copytree(locate.schema_file("roadmap").parent, package / "data" / "schema")
    monkeypatch.setattr(locate, "_PACKAGE_DIR", package.resolve())
    for args in (("--dir", str(package / "data")), ("--dir", str(package / "data" / "roadmaps"))):
        assert "is inside the twins package" in one_error(run_here("new", "cardiff-gwangju", *args), 2)
    monkeypatch.setenv("TWINS_ROADMAPS", str(package / "data" / "roadmaps"))
    assert "built-in copy" in one_error(run_here("new", "cardiff-gwangju"), 2)
    assert sorted(path.name for path in (package / "data" / "roadmaps").iterdir()) == builtin  # nothing added
    monkeypatch.delenv("TWINS_ROADMAPS")
    result = run_here("new", "cardiff-gwangju")  # the schema line names the copy beside the roadmaps instead
    assert result.exit_code == 0, result.output
    text = (tmp_path / "roadmaps" / "cardiff-gwangju.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/roadmap.schema.json\n")
    assert "mkdir -p schema && twins schema > schema/roadmap.schema.json" in result.stdout
    assert "site-packages" not in text + result.stdout


# --- a broken roadmap does not block the others ------------------------------------------------------------


def broken_project(root: Path) -> Path:
    """./roadmaps with alpha-beta valid and gamma-delta broken (a misspelt stage)."""
    folder = project(root)
    path = folder / "gamma-delta.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("stage: priority") >= 1
    path.write_text(text.replace("stage: priority", "stage: prority", 1), encoding="utf-8")
    return folder


def test_a_query_skips_a_broken_roadmap_with_one_line(run_here: Run, tmp_path: Path) -> None:
    broken_project(tmp_path)
    for _ in range(2):  # the second time, alpha-beta comes from the cache; gamma-delta is checked again
        result = run_here("list", "--format", "json")
        assert pairs_listed(result) == ["alpha-beta"]
        (line,) = result.stderr.splitlines()
        assert line.startswith("twins: skipped roadmaps/gamma-delta.yaml: it has 1 problem; first: roadmaps/gamma")
        assert "'prority'" in line
        assert line.endswith(" — run `twins validate` to see them all")


def test_strict_refuses_a_query_when_any_roadmap_is_broken(run_here: Run, tmp_path: Path) -> None:
    broken_project(tmp_path)
    line = one_error(run_here("--strict", "list"), 1)
    assert line.startswith("twins: the roadmaps have 1 problem; first: roadmaps/gamma-delta.yaml:")
    status = run_here("status", "--strict", "--as-of", "2024-01-01")
    assert status.exit_code == 1 and status.stdout == ""
    assert run_here("status", "--as-of", "2024-01-01").stderr.startswith("twins: skipped roadmaps/gamma-delta")


def test_validate_still_reports_every_problem(run_here: Run, tmp_path: Path) -> None:
    broken_project(tmp_path)
    result = run_here("validate")
    assert result.exit_code == 1
    assert result.stdout.startswith("roadmaps/gamma-delta.yaml:")
    assert result.stdout.splitlines()[-1] == "2 roadmaps in roadmaps, 3 proposals: 1 error in 1 file"


def test_an_invalid_programme_blocks_every_query(run_here: Run, tmp_path: Path) -> None:
    folder = project(tmp_path)
    programme = folder / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8").replace("schema_version: 1", "schema_version: 9"))
    line = one_error(run_here("list"), 1)
    assert line.startswith(
        "twins: the programme file roadmaps/programme.yaml does not validate, so no roadmap can be read: 1 problem"
    )


def test_a_query_with_no_valid_roadmap_is_refused(run_here: Run, tmp_path: Path) -> None:
    folder = broken_project(tmp_path)
    (folder / "alpha-beta.yaml").unlink()
    assert one_error(run_here("pairs"), 1).startswith("twins: the roadmaps have 1 problem; first: ")


# --- validate - ------------------------------------------------------------------------------------------


def test_validate_stdin(run_here: Run, tmp_path: Path) -> None:
    project(tmp_path, "roadmaps", FIXTURES / "valid")  # its programme governs stdin without a name
    text = VALID_ROADMAP.read_text(encoding="utf-8")
    assert run_here("validate", "-", input=text).stdout == "1 roadmap in <stdin>, 2 proposals: valid\n"
    named = run_here("validate", "-", "--stdin-filename", "roadmaps/alpha-beta.yaml", input=text)
    assert named.stdout == "1 roadmap in roadmaps/alpha-beta.yaml, 2 proposals: valid\n"
    broken = run_here("validate", "-", "--stdin-filename", "x/other.yaml", input=text.replace("priority", "prio", 1))
    assert broken.exit_code == 1
    lines = broken.stdout.splitlines()
    assert lines[-1] == "1 roadmap in x/other.yaml, 2 proposals: 2 errors in 1 file"
    assert all(line.startswith("x/other.yaml:") for line in lines[:-1])
    assert any("does not match the file name" in line for line in lines)  # the pair id is matched to NAME
    json_report = json.loads(run_here("validate", "-", "-f", "json", input="pair: [").stdout)
    assert json_report["valid"] is False and json_report["problems"][0]["file"] == "<stdin>"


def test_validate_stdin_uses_the_programme_beside_its_name(run_here: Run, tmp_path: Path) -> None:
    project(tmp_path, "elsewhere", FIXTURES / "valid")  # no ./roadmaps: only NAME's folder has the programme
    text = VALID_ROADMAP.read_text(encoding="utf-8")
    result = run_here("validate", "-", "--stdin-filename", "elsewhere/alpha-beta.yaml", input=text)
    assert result.exit_code == 0, result.output
    assert run_here("validate", "-", input=text).exit_code == 1  # the built-in programme is another programme


def test_validate_stdin_reads_no_more_than_the_limit() -> None:
    sizes: list[int | None] = []

    class Recording(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            sizes.append(size)
            return super().read(size)

    checked = check_stream(Recording(b"#" * (MAX_FILE_BYTES * 2)), None, VALID_PROGRAMME)
    assert sizes == [MAX_FILE_BYTES + 1]
    assert not checked.ok
    assert (checked.problems[0].file, checked.problems[0].line) == ("<stdin>", 1)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("validate", "-", "a.yaml"), "- reads one roadmap from stdin"),
        (("validate", "-", "--builtin"), "- reads one roadmap from stdin"),
        (("validate", "--stdin-filename", "a.yaml"), "--stdin-filename names the roadmap read from stdin"),
        (("validate", "-", "--stdin-filename", "a\0.yaml"), "cannot hold a NUL"),
    ],
)
def test_validate_stdin_usage_errors(run: Run, args: tuple[str, ...], fragment: str) -> None:
    assert fragment in one_error(run(*args, input=""), 2)


# --- names as shown ---------------------------------------------------------------------------------------


def test_a_folder_name_with_a_control_character_is_shown_escaped(run: Run, tmp_path: Path) -> None:
    project(tmp_path, "road\x1b[31mmaps")
    result = run("--roadmaps", "road\x1b[31mmaps", "validate")
    assert summary(result) == "2 roadmaps in road\\x1b[31mmaps, 3 proposals: valid"
    assert "\x1b" not in result.stdout


@pytest.mark.parametrize("kind", ["device", "named-pipe", "folder", "too-big"])
def test_a_config_file_that_is_not_a_small_regular_file_is_refused_not_skipped(
    run_here: Run, tmp_path: Path, kind: str
) -> None:
    """A twins.toml is the user's own: anything in its place is one line and exit 2, never silently ignored."""
    project(tmp_path)
    config = tmp_path / "twins.toml"
    if kind == "device":
        config.symlink_to("/dev/zero")
    elif kind == "named-pipe":
        os.mkfifo(config)
    elif kind == "folder":
        config.mkdir()
    else:
        config.write_text(f'roadmaps = "{"a" * (MAX_FILE_BYTES + 1)}"\n', encoding="utf-8")
    line = one_error(run_here("list"), 2)
    assert line.startswith("twins: ")
    assert "twins.toml" in line.split(" — ")[0]
