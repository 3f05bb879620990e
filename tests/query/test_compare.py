"""``twins diff OLD NEW``: each kind of change, each kind of side (file, folder, git revision), each format.

tests/fixtures/diff/old is the valid alpha-beta roadmap; new is the same roadmap a year on (one
change of each kind) beside a pair that only it has. Git revisions are tested in a repository
made in tmp_path.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, SAMPLE, Run, WriteRoadmap
from support import git

DIFF = FIXTURES / "diff"
OLD, NEW = DIFF / "old", DIFF / "new"
CHANGE_FIELDS = ["pair", "kind", "change", "subject", "name", "fields"]

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def changes(run: Run, old: Path | str, new: Path | str, *options: str) -> list[dict[str, Any]]:
    """The JSON changes of ``twins diff OLD NEW``."""
    result = run(*options, "diff", str(old), str(new), "--format", "json")
    assert result.exit_code == 0
    found: list[dict[str, Any]] = json.loads(result.stdout)["changes"]
    return found


def summary(found: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(change, kind, subject) of each change."""
    return [(change["change"], change["kind"], change["subject"]) for change in found]


def fields_of(found: list[dict[str, Any]], subject: str) -> list[tuple[str, Any, Any]]:
    change = next(change for change in found if change["subject"] == subject)
    return [(f["field"], f["old"], f["new"]) for f in change["fields"]]


# --- every kind of change, on the fixture folders ---------------------------------------------


def test_diff_of_the_fixture_folders(run: Run) -> None:
    found = changes(run, OLD, NEW)
    assert summary(found) == [
        ("changed", "roadmap", "alpha-beta"),
        ("changed", "proposal", "P1"),
        ("removed", "proposal", "P2"),
        ("added", "proposal", "P3"),
        ("renewed", "agreement", "alpha-beta-mou"),
        ("added", "organisation", "beta-lab"),
        ("changed", "person", "kim-lee"),
        ("changed", "milestone", "Roadmap launched"),
        ("moved", "milestone", "Exchange visit"),
        ("added", "pair", "east-west"),
    ]
    assert all(list(change) == CHANGE_FIELDS for change in found)


def test_proposal_changed_field_by_field(run: Run) -> None:
    assert fields_of(changes(run, OLD, NEW), "P1") == [
        ("timeline.end", "2025-03", "2025-09"),
        ("progress.status", None, "active"),
        ("progress.as_of", None, "2025-01-15"),
        ("progress.actual_start", None, "2024-03"),
    ]


def test_proposals_added_and_removed(run: Run) -> None:
    found = {change["subject"]: change for change in changes(run, OLD, NEW) if change["kind"] == "proposal"}
    assert (found["P2"]["change"], found["P2"]["name"], found["P2"]["fields"]) == ("removed", "Future idea", [])
    assert (found["P3"]["change"], found["P3"]["name"]) == ("added", "Joint hackathon")


def test_contact_changed_email_and_organisation(run: Run) -> None:
    assert fields_of(changes(run, OLD, NEW), "kim-lee") == [
        ("organisation", "Beta City", "Beta Lab"),
        ("email", "kim.lee@beta.example", "kim.lee@beta-lab.example"),
    ]


def test_contact_matched_by_email_when_the_id_changed(run: Run, write_roadmap: WriteRoadmap, tmp_path: Path) -> None:
    old = write_roadmap(directory=tmp_path / "old")
    renamed = [
        ("  - id: kim-lee\n", "  - id: kim-l\n"),
        ("contacts: [ann-smith, kim-lee]", "contacts: [ann-smith, kim-l]"),
        ("    name: Kim Lee\n", "    name: Lee Kim\n"),
    ]
    found = changes(run, old, write_roadmap(*renamed, directory=tmp_path / "new"))
    assert summary(found) == [("changed", "proposal", "P1"), ("changed", "person", "kim-l")]
    assert fields_of(found, "kim-l") == [("id", "kim-lee", "kim-l"), ("name", "Kim Lee", "Lee Kim")]


def test_milestone_moved_and_recorded(run: Run) -> None:
    found = changes(run, OLD, NEW)
    assert fields_of(found, "Exchange visit") == [("date", "Early 2025", "2025-06")]  # as the file writes it
    assert fields_of(found, "Roadmap launched") == [("happened", None, True), ("evidence", None, "roadmap.txt")]


def test_milestones_added_and_removed_by_title(run: Run, write_roadmap: WriteRoadmap, tmp_path: Path) -> None:
    old = write_roadmap(directory=tmp_path / "old")
    new = write_roadmap(("  - title: Exchange visit\n", "  - title: Exchange week\n"), directory=tmp_path / "new")
    assert summary(changes(run, old, new)) == [
        ("removed", "milestone", "Exchange visit"),
        ("added", "milestone", "Exchange week"),
    ]


def test_agreement_renewed(run: Run) -> None:
    assert fields_of(changes(run, OLD, NEW), "alpha-beta-mou") == [("valid_until", "2025-08-06", "2027-08-06")]


def test_agreement_cut_short_is_changed_not_renewed(run: Run, write_roadmap: WriteRoadmap, tmp_path: Path) -> None:
    old = write_roadmap(directory=tmp_path / "old")
    new = write_roadmap(("valid_until: 2025-08-06", "valid_until: 2024-12-31"), directory=tmp_path / "new")
    assert summary(changes(run, old, new)) == [("changed", "agreement", "alpha-beta-mou")]


def test_pairs_added_and_removed(run: Run) -> None:
    assert summary(changes(run, OLD, NEW))[-1] == ("added", "pair", "east-west")
    backwards = changes(run, NEW, OLD)
    assert summary(backwards)[-1] == ("removed", "pair", "east-west")
    assert backwards[-1]["name"] == "East–West"


def test_no_differences(run: Run) -> None:
    result = run("diff", str(OLD), str(OLD / "alpha-beta.yaml"))
    assert result.exit_code == 0
    assert result.stdout.endswith(f"\n\nNo differences between {OLD} and {OLD / 'alpha-beta.yaml'}.\n")
    assert changes(run, OLD, OLD) == []


# --- formats -----------------------------------------------------------------------------------


def test_text_format(run: Run) -> None:
    out = run("diff", str(OLD / "alpha-beta.yaml"), str(NEW / "alpha-beta.yaml")).stdout
    assert out.startswith(
        f"OLD {OLD / 'alpha-beta.yaml'}  →  NEW {NEW / 'alpha-beta.yaml'}\n\nalpha-beta (Alpha–Beta)\n"
    )
    renewed = "  renewed agreement alpha-beta-mou (Memorandum of understanding)\n"
    assert renewed + "      valid_until: 6 August 2025 → 6 August 2027\n" in out
    assert "  moved milestone Exchange visit\n      date: Early 2025 → June 2025\n" in out
    assert "  removed proposal P2 (Future idea)\n" in out
    assert out.endswith("\n\n9 changes in 1 roadmap.\n")


def test_markdown_format_escapes_the_data(run: Run, write_roadmap: WriteRoadmap, tmp_path: Path) -> None:
    old = write_roadmap(directory=tmp_path / "old")
    new = write_roadmap(
        ("    title: Cyber exchange\n", "    title: Cyber *exchange* | <b>\n"), directory=tmp_path / "new"
    )
    out = run("diff", str(old), str(new), "--format", "markdown").stdout
    assert out.splitlines()[2:6] == [
        "#### alpha-beta (Alpha–Beta)",
        "",
        "- **changed** proposal P1 (Cyber \\*exchange\\* \\| \\<b\\>)",
        "  - `title`: Cyber exchange → Cyber \\*exchange\\* \\| \\<b\\>",
    ]
    assert out.endswith("\n\n1 change in 1 roadmap.\n")


def test_json_format(run: Run) -> None:
    data = json.loads(run("diff", str(OLD), str(NEW), "-f", "json").stdout)
    assert list(data) == ["old", "new", "changes"]
    assert (data["old"], data["new"]) == (str(OLD), str(NEW))
    assert data["changes"][4] == {
        "pair": "alpha-beta",
        "kind": "agreement",
        "change": "renewed",
        "subject": "alpha-beta-mou",
        "name": "Memorandum of understanding",
        "fields": [{"field": "valid_until", "old": "2025-08-06", "new": "2027-08-06"}],
    }


# --- a full set of roadmaps against an edited copy ----------------------------------------------


def test_roadmaps_against_an_edited_copy(run: Run, tmp_path: Path) -> None:
    copy = tmp_path / "edited"
    shutil.copytree(SAMPLE, copy)
    path = copy / "kingsport-hanbit.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in [
        ('valid_until: "2025-08-06"', 'valid_until: "2027-08-06"'),
        ('date: "Early 2025"', 'date: "2025-06"'),
        ("    email: lena.ross@investkingsport.example\n", "    email: l.ross@investkingsport.example\n"),
    ]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    found = changes(run, SAMPLE, copy)
    assert summary(found) == [
        ("renewed", "agreement", "kingsport-hanbit-mou"),
        ("changed", "person", "lena-ross"),
        ("moved", "milestone", "Hanbit SME mission to Kingsport"),
    ]
    assert fields_of(found, "lena-ross") == [
        ("email", "lena.ross@investkingsport.example", "l.ross@investkingsport.example")
    ]


# --- sides that cannot be compared -------------------------------------------------------------


def test_a_side_that_does_not_validate_is_named(run: Run, write_roadmap: WriteRoadmap, tmp_path: Path) -> None:
    broken = write_roadmap(("stage: priority", "stage: prority"), directory=tmp_path / "broken")
    result = run("diff", str(OLD), str(broken))
    assert result.exit_code == 1
    first = "first: broken/alpha-beta.yaml:"  # relative to the current folder, as validate shows it
    assert result.stderr.startswith(f"twins: NEW ({broken}) does not validate: 1 problem; {first}")
    assert "'prority' is not one of: priority, future" in result.stderr
    assert result.stderr.rstrip().endswith(f"run `twins validate {broken}`")
    assert result.stdout == ""
    as_folder = run("diff", str(broken.parent), str(OLD))
    assert as_folder.exit_code == 1
    assert as_folder.stderr.startswith(f"twins: OLD ({broken.parent}) does not validate")
    assert as_folder.stderr.rstrip().endswith(f"run `twins --roadmaps {broken.parent} validate`")


def test_not_a_path_and_not_in_git(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    shutil.copytree(OLD, folder)
    result = run("--roadmaps", str(folder), "diff", "HEAD~1", str(folder))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"twins: 'HEAD~1' is not a file or folder, and the roadmaps folder {folder} is not in a git repository — "
    )


# --- git revisions -----------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path, run_here: Run) -> Path:
    """A git repository in tmp_path (the cwd of ``run_here``, which finds its roadmaps/): old, then new."""
    git(tmp_path, "init", "-q")
    shutil.copytree(OLD, tmp_path / "roadmaps")
    git(tmp_path, "add", "roadmaps")
    git(tmp_path, "commit", "-q", "-m", "old")
    shutil.copyfile(NEW / "alpha-beta.yaml", tmp_path / "roadmaps" / "alpha-beta.yaml")
    git(tmp_path, "commit", "-q", "-a", "-m", "new")
    return tmp_path


@needs_git
def test_git_revisions_of_the_roadmaps_folder(run: Run, repo: Path) -> None:
    by_folder = changes(run, OLD, NEW / "alpha-beta.yaml")
    assert changes(run, "HEAD~1", "HEAD") == by_folder
    result = run("diff", "HEAD~1", "HEAD")
    assert result.stdout.startswith("OLD HEAD~1:roadmaps  →  NEW HEAD:roadmaps\n")


@needs_git
def test_git_revision_against_the_working_tree(run: Run, repo: Path) -> None:
    (repo / "roadmaps" / "alpha-beta.yaml").write_text(
        (repo / "roadmaps" / "alpha-beta.yaml").read_text(encoding="utf-8").replace("end: 2025-09", "end: 2025-12"),
        encoding="utf-8",
    )
    found = changes(run, "HEAD", "roadmaps")
    assert fields_of(found, "P1") == [("timeline.end", "2025-09", "2025-12")]


@needs_git
def test_git_revisions_of_a_folder_deeper_in_the_repository(run: Run, tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    deep = tmp_path / "data" / "roadmaps"
    shutil.copytree(OLD, deep)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "old")
    shutil.copyfile(NEW / "alpha-beta.yaml", deep / "alpha-beta.yaml")
    git(tmp_path, "commit", "-q", "-a", "-m", "new")
    found = changes(run, "HEAD~1", "HEAD", "--roadmaps", "data/roadmaps")
    assert summary(found)[:2] == [("changed", "roadmap", "alpha-beta"), ("changed", "proposal", "P1")]


@needs_git
@pytest.mark.parametrize(
    ("revision", "message"),
    [
        ("no-such-branch", "twins: 'no-such-branch' is not a file, a folder, nor a git revision in "),
        ("HEAD~5", "twins: 'HEAD~5' is not a file, a folder, nor a git revision in "),
    ],
)
def test_unknown_git_revision(run: Run, repo: Path, revision: str, message: str) -> None:
    result = run("diff", revision, "HEAD")
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert result.stderr.rstrip().endswith("give a path, or a revision such as HEAD~1 or main")


@needs_git
def test_git_revision_without_the_roadmaps_folder(run: Run, repo: Path) -> None:
    (repo / "other").mkdir()
    (repo / "other" / "README").write_text("x\n", encoding="utf-8")
    git(repo, "add", "other")
    git(repo, "commit", "-q", "-m", "other")
    shutil.copytree(OLD, repo / "other" / "roadmaps")  # in the working tree only
    result = run("--roadmaps", "other/roadmaps", "diff", "HEAD", "other/roadmaps")
    assert result.exit_code == 2
    assert result.stderr.startswith("twins: no roadmaps (*.yaml) in HEAD:other/roadmaps — ")


@needs_git
def test_git_revision_that_does_not_validate_names_the_side_and_file(run: Run, repo: Path) -> None:
    path = repo / "roadmaps" / "alpha-beta.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("stage: priority", "stage: prority", 1), encoding="utf-8")
    git(repo, "commit", "-q", "-a", "-m", "broken")
    result = run("diff", "HEAD", "HEAD~1")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "twins: OLD (HEAD:roadmaps) does not validate: 1 problem; first: HEAD:roadmaps/alpha-beta.yaml:"
    )
    assert result.stderr.rstrip().endswith("check out HEAD and run `twins validate`")


def test_diff_piped_loads_neither_rich_nor_jsonschema(tmp_path: Path) -> None:
    from support import modules_loaded_by, top_level

    loaded = top_level(modules_loaded_by(["diff", str(OLD), str(NEW)], tmp_path))
    assert {"rich", "jsonschema"} & loaded == set()
