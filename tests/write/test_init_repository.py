"""``twins init``: a repository of roadmaps whose CI workflow and pre-commit hook run as written."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import Run
from support import environment_with_dependencies
from twins_cli import __version__
from twins_cli.write.init import install_requirement

FILES = [
    "twins.toml",
    "roadmaps/programme.yaml",
    "roadmaps/cardiff-gwangju.yaml",
    "schema/roadmap.schema.json",
    "schema/programme.schema.json",
    ".pre-commit-config.yaml",
    ".github/workflows/validate.yml",
    "README.md",
]


def written(root: Path) -> list[str]:
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


def test_init_writes_a_repository_that_validates(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("init", "repo", "--install", "twins-cli==9.9")
    assert result.exit_code == 0
    root = tmp_path / "repo"
    assert written(root) == sorted(FILES)
    assert result.stdout.splitlines()[:2] == ["Created repo/twins.toml.", "Created repo/roadmaps/programme.yaml."]
    assert "CI and pre-commit install: twins-cli==9.9" in result.stdout
    monkeypatch.chdir(root)
    monkeypatch.delenv("TWINS_ROADMAPS")
    checked = run("validate")
    assert checked.exit_code == 0
    assert checked.stdout == "1 roadmap in roadmaps, 0 proposals: valid\n"
    assert "twins.toml" in json.loads(run("where", "--format", "json").stdout)["roadmaps"]["why"]


def test_init_files_name_the_package_and_version_with_no_placeholder(run: Run, tmp_path: Path) -> None:
    assert run("init", "--install", f"twins-cli=={__version__}").exit_code == 0
    workflow = yaml.safe_load((tmp_path / ".github/workflows/validate.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["validate"]["steps"]
    assert [step.get("uses") for step in steps[:2]] == ["actions/checkout@v4", "actions/setup-python@v5"]
    assert [step["run"] for step in steps[2:]] == [f"python -m pip install twins-cli=={__version__}", "twins validate"]
    hooks = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks["repos"][0]["hooks"]
    assert hook["additional_dependencies"] == [f"twins-cli=={__version__}"]
    for name in FILES:
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "OWNER" not in text and "REPLACE" not in text.replace("REPLACE-ME.txt", "")


def test_a_requirement_with_spaces_and_quotes_stays_one_word(run: Run, tmp_path: Path) -> None:
    requirement = "twins-cli @ git+https://example.invalid/twins.git@v1 # 'x'"
    assert run("init", "--install", requirement).exit_code == 0
    workflow = yaml.safe_load((tmp_path / ".github/workflows/validate.yml").read_text(encoding="utf-8"))
    line = workflow["jobs"]["validate"]["steps"][2]["run"]
    assert shlex.split(line) == ["python", "-m", "pip", "install", requirement]
    hooks = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["additional_dependencies"] == [requirement]


@pytest.mark.parametrize("existing", ["README.md", "roadmaps/cardiff-gwangju.yaml", ".github/workflows/validate.yml"])
def test_init_writes_nothing_when_any_of_its_files_exists(run: Run, tmp_path: Path, existing: str) -> None:
    (tmp_path / existing).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / existing).write_text("mine\n", encoding="utf-8")
    result = run("init", "--install", "twins-cli")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("twins: twins init writes only new files, and these exist: ")
    assert existing in line
    assert written(tmp_path) == [existing]
    assert (tmp_path / existing).read_text(encoding="utf-8") == "mine\n"


def test_a_file_where_init_needs_a_folder_stops_it_before_it_writes(run: Run, tmp_path: Path) -> None:
    (tmp_path / ".github").write_text("a file\n", encoding="utf-8")
    result = run("init", "--install", "twins-cli")
    assert result.exit_code == 2
    assert ".github" in result.stderr
    assert written(tmp_path) == [".github"]


def test_init_may_add_to_a_folder_with_other_files(run: Run, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("kept\n", encoding="utf-8")
    assert run("init", "--install", "twins-cli").exit_code == 0
    assert written(tmp_path) == sorted([*FILES, "notes.txt"])


@pytest.mark.parametrize("pair", ["Cardiff Gwangju", "cardiff", "liverpool-city-region-busan"])
def test_a_pair_id_that_names_no_two_places_is_refused_before_anything_is_written(
    run: Run, tmp_path: Path, pair: str
) -> None:
    result = run("init", "repo", "--pair", pair, "--install", "twins-cli")
    assert result.exit_code == 2
    assert result.stderr.startswith("twins: ")
    assert not (tmp_path / "repo").exists()


def test_init_refuses_a_file_as_its_folder(run: Run, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = run("init", "file", "--install", "twins-cli")
    assert result.exit_code == 2
    assert result.stderr.startswith("twins: file is not a folder")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
@pytest.mark.parametrize("link", ["repo", "repo/roadmaps", "repo/.github", "repo/.github/workflows", "repo/schema"])
@pytest.mark.parametrize("to", ["elsewhere", "nowhere"], ids=["to a folder", "dangling"])
def test_init_never_writes_through_a_link(run: Run, tmp_path: Path, link: str, to: str) -> None:
    """A linked folder would put the repository's files somewhere else; refused in one line, before any is written."""
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / link).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / link).symlink_to(tmp_path / to)
    result = run("init", "repo", "--install", "twins-cli")
    if link == "repo" and to == "elsewhere":  # the folder given is the user's own choice: written into, as asked
        assert result.exit_code == 0, result.stderr
        return
    assert result.exit_code == 2, result.output
    assert len(result.stderr.splitlines()) == 1
    assert " — " in result.stderr
    assert not (tmp_path / "nowhere").exists()
    assert list((tmp_path / "elsewhere").iterdir()) == []
    assert not (tmp_path / "repo" / "twins.toml").exists()


@pytest.mark.parametrize("what", ["programme.yaml", "north-south.yaml"])
def test_init_refuses_a_roadmaps_folder_before_it_writes(run: Run, tmp_path: Path, what: str) -> None:
    """From inside roadmaps/, init would nest a repository among the roadmaps: its own folder, README, schema."""
    folder = tmp_path / "roadmaps"
    folder.mkdir()
    (folder / what).write_text("schema_version: 1\npair:\n  id: north-south\n", encoding="utf-8")
    result = run("init", str(folder), "--install", "twins-cli")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "roadmaps folder already" in result.stderr
    assert written(tmp_path) == [f"roadmaps/{what}"]


class _Distribution:
    def __init__(self, text: str | None) -> None:
        self.text = text

    def read_text(self, name: str) -> str | None:
        assert name == "direct_url.json"
        return self.text


@pytest.mark.parametrize(
    ("direct_url", "requirement", "warned"),
    [
        (None, f"twins-cli=={__version__}", False),  # from an index
        (
            {"url": "https://example.invalid/twins.git", "vcs_info": {"vcs": "git", "commit_id": "abc123"}},
            "twins-cli @ git+https://example.invalid/twins.git@abc123",
            False,
        ),
        ({"url": "https://example.invalid/twins_cli-1.whl", "archive_info": {}}, None, False),
        ({"url": "file:///home/me/twins", "dir_info": {"editable": True}}, f"twins-cli=={__version__}", True),
    ],
)
def test_the_default_requirement_is_where_this_twins_came_from(
    monkeypatch: pytest.MonkeyPatch, direct_url: dict[str, object] | None, requirement: str | None, warned: bool
) -> None:
    text = None if direct_url is None else json.dumps(direct_url)
    monkeypatch.setattr("importlib.metadata.distribution", lambda name: _Distribution(text))
    found, warning = install_requirement()
    assert found == (requirement or "twins-cli @ https://example.invalid/twins_cli-1.whl")
    assert (warning is not None) is warned


# --- the generated workflow and hook, run for real --------------------------------------------------


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.mark.slow
def test_the_generated_workflow_and_hook_run_as_written(built_wheel: Path, tmp_path: Path) -> None:
    venv = environment_with_dependencies(tmp_path)
    repo = tmp_path / "roadmaps-repo"
    created = subprocess.run(
        [sys.executable, "-m", "twins_cli", "init", str(repo), "--install", str(built_wheel)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert created.returncode == 0, created.stderr
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "init")
    summary = tmp_path / "step-summary.md"
    summary.touch()
    env = {
        "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(tmp_path),
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "PIP_NO_INDEX": "1",  # the dependencies are there: nothing is downloaded
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    workflow = yaml.safe_load((repo / ".github/workflows/validate.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["validate"]["steps"]
    assert [step.get("uses") for step in steps[:2]] == ["actions/checkout@v4", "actions/setup-python@v5"]

    def run_steps() -> subprocess.CompletedProcess[str]:
        result = None
        for step in steps[2:]:  # after checkout and setup-python, which GitHub provides
            result = subprocess.run(
                ["bash", "-e", "-c", step["run"]], capture_output=True, text=True, cwd=repo, env=env
            )
            if result.returncode:
                break
        assert result is not None
        return result

    passed = run_steps()
    assert passed.returncode == 0, passed.stderr
    assert passed.stdout == "1 roadmap in roadmaps, 0 proposals: valid\n"
    assert (venv / "bin" / "twins").is_file()  # the workflow's install put the command there
    assert summary.read_text(encoding="utf-8").startswith("### twins validate: valid\n")

    roadmap = repo / "roadmaps" / "cardiff-gwangju.yaml"
    roadmap.write_text(roadmap.read_text(encoding="utf-8").replace("status: in-development", "status: drafted"))
    failed = run_steps()
    assert failed.returncode == 1
    assert failed.stdout.startswith("::error file=roadmaps/cardiff-gwangju.yaml,line=")
    assert "T104" in summary.read_text(encoding="utf-8")

    # The pre-commit hook as pre-commit runs it: its entry, then the staged files its pattern picks.
    config = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = config["repos"][0]["hooks"]
    _git(repo, "add", ".")
    staged = subprocess.run(
        ["git", "-C", str(repo), "diff", "--cached", "--name-only"], capture_output=True, text=True, check=True
    ).stdout.split()
    picked = [name for name in staged if re.search(hook["files"], name)]
    assert picked == ["roadmaps/cardiff-gwangju.yaml"]
    hook_env = {key: value for key, value in env.items() if not key.startswith("GITHUB_")}
    refused = subprocess.run(
        [*shlex.split(hook["entry"]), *picked], capture_output=True, text=True, cwd=repo, env=hook_env
    )
    assert refused.returncode == 1
    assert refused.stdout.startswith("roadmaps/cardiff-gwangju.yaml:")
    _git(repo, "reset", "-q", "--hard")  # back to the valid commit: every file, as --all-files passes them
    tracked = subprocess.run(["git", "-C", str(repo), "ls-files"], capture_output=True, text=True, check=True)
    every = [name for name in tracked.stdout.split() if re.search(hook["files"], name)]
    assert every == ["roadmaps/cardiff-gwangju.yaml", "roadmaps/programme.yaml"]
    accepted = subprocess.run(
        [*shlex.split(hook["entry"]), *every],
        capture_output=True,
        text=True,
        cwd=repo,
        env=hook_env,
    )
    assert accepted.returncode == 0, accepted.stdout


@pytest.mark.slow
def test_the_generated_hook_runs_under_pre_commit_itself(built_wheel: Path, tmp_path: Path) -> None:
    """pre-commit installs the hook's own environment (twins and its dependencies, from the package index)."""
    tools = tmp_path / "tools"
    subprocess.run([sys.executable, "-m", "venv", str(tools)], check=True)
    installed = subprocess.run(
        [str(tools / "bin" / "python"), "-m", "pip", "install", "--quiet", "pre-commit"], capture_output=True, text=True
    )
    if installed.returncode:
        pytest.skip(f"pre-commit could not be installed here (no package index?): {installed.stderr[-300:]}")
    repo = tmp_path / "repo"
    init = [sys.executable, "-m", "twins_cli", "init", str(repo), "--install", str(built_wheel)]
    assert subprocess.run(init, capture_output=True, cwd=tmp_path).returncode == 0
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "HOME": str(tmp_path)}
    env.pop("GITHUB_ACTIONS", None)
    pre_commit = [str(tools / "bin" / "pre-commit"), "run", "--all-files", "twins-validate"]
    passed = subprocess.run(pre_commit, capture_output=True, text=True, cwd=repo, env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"twins validate\.+Passed", passed.stdout)
    roadmap = repo / "roadmaps" / "cardiff-gwangju.yaml"
    roadmap.write_text(roadmap.read_text(encoding="utf-8").replace("status: in-development", "status: drafted"))
    failed = subprocess.run(pre_commit, capture_output=True, text=True, cwd=repo, env=env)
    assert failed.returncode == 1
    assert re.search(r"twins validate\.+Failed", failed.stdout)
    assert "roadmaps/cardiff-gwangju.yaml:" in failed.stdout and "T104" in failed.stdout


def _readme_block(first_line: str) -> object:
    """The README's yaml block that starts with ``first_line``, parsed."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"```yaml\n{re.escape(first_line)}\n(.*?)```", readme, re.DOTALL)
    assert match, first_line
    return yaml.safe_load(match[1])


def test_the_readme_shows_the_files_init_writes(run: Run, tmp_path: Path) -> None:
    assert run("init", "--install", f"twins-cli=={__version__}").exit_code == 0
    for name in (".github/workflows/validate.yml", ".pre-commit-config.yaml"):
        written = yaml.safe_load((tmp_path / name).read_text(encoding="utf-8"))
        assert _readme_block(f"# {name}") == written, f"update README's {name} (the version?)"
