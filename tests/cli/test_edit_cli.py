"""``twins record``, ``milestone happened``, ``contact set/add/remove`` and ``fmt``: edits that change only what
they were asked to, on a copy of tests/fixtures/edit (a roadmap full of comments, quotes and folded text).

Each edit's result is checked as the whole file: the fixture with exactly the expected lines changed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import FIXTURES, Run

EDIT = FIXTURES / "edit"
ORIGINAL = (EDIT / "north-south.yaml").read_text(encoding="utf-8")


@pytest.fixture
def roadmap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the commented fixture, which ``run`` edits."""
    folder = tmp_path / "roadmaps"
    shutil.copytree(EDIT, folder)
    monkeypatch.setenv("TWINS_ROADMAPS", str(folder))
    return folder / "north-south.yaml"


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.output
    return result


def refused(result: Result, code: int) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""
    return result.stderr


def expect(path: Path, *changes: tuple[str, str]) -> None:
    """The file is the fixture with each ``old`` (found once) made ``new``, and nothing else."""
    text = ORIGINAL
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    assert path.read_text(encoding="utf-8") == text


# --- twins record ------------------------------------------------------------------------------------------


def test_record_adds_progress_where_the_schema_puts_it_and_keeps_every_comment(run: Run, roadmap: Path) -> None:
    result = ok(
        run(
            "record",
            "P1",
            "--status",
            "active",
            "--as-of",
            "10 January 2025",
            "--note",
            "Started",
            "--source",
            "roadmap.txt",
        )
    )
    added = (
        '    progress:\n      status: active\n      as_of: "2025-01-10"\n      notes:\n'
        '        - date: "2025-01-10"\n          text: Started\n          source: roadmap.txt\n'
    )
    expect(roadmap, ("    # P2 has no progress yet\n", added + "    # P2 has no progress yet\n"))
    assert "+      status: active\n" in result.stdout
    assert result.stdout.startswith("--- a/")
    assert "written" in result.stderr


def test_record_changes_a_status_in_place_and_stores_dates_as_precisely_as_typed(run: Run, roadmap: Path) -> None:
    ok(
        run(
            "record",
            "north-south/P2",
            "--status",
            "active",
            "--as-of",
            "2025-01-10",
            "--actual-start",
            "March 2025",
            "--actual-end",
            "early 2026",
        )
    )
    expect(
        roadmap,
        (
            "      status: proposed    # agreed, not started\n      as_of: 2024-03-01\n",
            '      status: active      # agreed, not started\n      as_of: "2025-01-10"\n'
            '      actual_start: "2025-03"\n      actual_end: "Early 2026"\n',
        ),
    )


def test_record_a_note_goes_after_the_last_note_before_the_comment_that_closes_them(run: Run, roadmap: Path) -> None:
    ok(run("record", "P2", "--as-of", "2025-01-10", "--note", "Steering group met"))
    expect(
        roadmap,
        (
            "      # notes end here\n",
            '        - date: "2025-01-10"\n          text: Steering group met\n      # notes end here\n',
        ),
    )


def test_dry_run_shows_the_diff_and_writes_nothing(run: Run, roadmap: Path) -> None:
    result = ok(run("record", "P1", "--status", "active", "--as-of", "2025-01-10", "--dry-run"))
    assert '+      as_of: "2025-01-10"\n' in result.stdout
    assert "not written" in result.stderr
    expect(roadmap)


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["P9", "--status", "active", "--as-of", "2025-01-10"], 1, "no proposal 'P9'"),
        (["P1", "--status", "actve", "--as-of", "2025-01-10"], 2, "did you mean 'active'"),
        (["P1", "--status", "active", "--as-of", "2025-01"], 2, "--as-of needs a day"),
        (["P1", "--status", "active", "--as-of", "2999-01-10"], 2, "--as-of: '2999-01-10' is after today"),
        (["P1", "--status", "active", "--as-of", "2025-01-10", "--actual-start", "Q1 2999"], 2, "is after today"),
        (["P1", "--status", "completed", "--as-of", "2025-01-10", "--actual-end", "2999"], 2, "is after today"),
        (["P1", "--status", "active", "--as-of", "2025-01-10", "--actual-start", "Foo 2025"], 2, "Foo"),
        (["P1", "--as-of", "2025-01-10", "--note", "x"], 2, "no progress recorded yet"),
        (["P1", "--status", "active", "--as-of", "2025-01-10", "--source", "roadmap.txt"], 2, "--source"),
        (["P1", "--as-of", "2025-01-10"], 2, "nothing to record"),
    ],
    ids=[
        "unknown id",
        "unknown status",
        "as-of not a day",
        "as-of after today",
        "started after today",
        "finished after today",
        "bad date",
        "note without progress",
        "source alone",
        "nothing",
    ],
)
def test_record_refuses_and_leaves_the_file_as_it_was(
    run: Run, roadmap: Path, args: list[str], code: int, said: str
) -> None:
    assert said in refused(run("record", *args), code)
    expect(roadmap)


def test_an_edit_that_would_not_validate_is_refused_with_its_problems(run: Run, roadmap: Path) -> None:
    stderr = refused(run("contact", "set", "ann-smith", "--organisation", "nowhere"), 1)
    assert "T201" in stderr.splitlines()[0]  # the problems first, each on its line
    assert "not written" in stderr.splitlines()[-1]
    expect(roadmap)


# --- twins milestone happened --------------------------------------------------------------------------------


@pytest.mark.parametrize("which", [["KICK-OFF"], ["1", "--pair", "north-south"]], ids=["title", "number"])
def test_milestone_happened_by_title_or_number(run: Run, roadmap: Path, which: list[str]) -> None:
    ok(run("milestone", "happened", *which, "--on", "14 February 2024", "--evidence", "https://north.example/k"))
    expect(
        roadmap,
        (
            '    date: "2024-02"\n',
            '    date: "2024-02"\n    happened: true\n    happened_on: "2024-02-14"\n'
            "    evidence: https://north.example/k\n",
        ),
    )


def test_milestone_that_happened_after_today_is_refused(run: Run, roadmap: Path) -> None:
    stderr = refused(run("milestone", "happened", "1", "--on", "March 2999", "--evidence", "roadmap.txt"), 2)
    assert "--on: 'March 2999' is after today" in stderr
    expect(roadmap)


def test_milestone_unknown_title_suggests_one(run: Run, roadmap: Path) -> None:
    assert "did you mean 'Summit'" in refused(run("milestone", "happened", "Sumit", "--evidence", "x.txt"), 1)
    assert "has no milestone 3" in refused(
        run("milestone", "happened", "3", "--pair", "north-south", "--evidence", "x.txt"), 1
    )


# --- twins contact -----------------------------------------------------------------------------------------------


def test_contact_set_replaces_a_value_and_keeps_its_comment(run: Run, roadmap: Path) -> None:
    ok(run("contact", "set", "ann-smith", "--email", "ann@north.example", "--role", "Head of Innovation"))
    expect(
        roadmap,
        ("    title: Dr\n", "    title: Dr\n    role: Head of Innovation\n"),
        ("    email: ann.smith@north.example\n", "    email: ann@north.example\n"),
    )


def test_contact_set_organisation_is_no_longer_inferred(run: Run, roadmap: Path) -> None:
    ok(run("contact", "set", "Kim Lee", "--organisation", "north-council"))
    expect(
        roadmap,
        (
            "    organisation: south-city\n    organisation_inferred: true\n"
            "    inference_reason: Read from the domain of the e-mail address.\n",
            "    organisation: north-council\n",
        ),
    )


def test_contact_set_an_inferred_organisation_is_marked_with_its_reason(run: Run, roadmap: Path) -> None:
    ok(run("contact", "set", "ann-smith", "--organisation", "south-city", "--inferred", "Read from a letterhead."))
    expect(
        roadmap,
        (
            "    organisation: north-council   # named in the roadmap\n",
            "    organisation: south-city      # named in the roadmap\n    organisation_inferred: true\n"
            "    inference_reason: Read from a letterhead.\n",
        ),
    )
    assert "--organisation" in refused(run("contact", "set", "kim-lee", "--role", "Lead", "--inferred", "x"), 2)


def test_contact_add_then_remove_gives_back_the_very_bytes(run: Run, roadmap: Path) -> None:
    ok(run("contact", "add", "lee-park", "--name", "Lee Park", "--email", "lee@south.example", "--title", "Ms"))
    expect(
        roadmap,
        (
            "    # more people to come\n",
            "  - id: lee-park\n    name: Lee Park\n    title: Ms\n    email: lee@south.example\n"
            "    # more people to come\n",
        ),
    )
    ok(run("contact", "remove", "lee-park"))
    assert roadmap.read_bytes() == (EDIT / "north-south.yaml").read_bytes()


def test_contact_refusals(run: Run, roadmap: Path) -> None:
    assert "did you mean 'ann-smith'" in refused(run("contact", "set", "ann-smiht", "--role", "x"), 1)
    assert "already" in refused(run("contact", "add", "ann-smith", "--name", "Ann"), 2)
    assert "nothing to set" in refused(run("contact", "set", "ann-smith"), 2)
    stderr = refused(run("contact", "remove", "kim-lee"), 1)  # still a contact of P1
    assert "unknown person 'kim-lee'" in stderr
    expect(roadmap)


# --- what an edit keeps, and what it refuses -----------------------------------------------------------------


def test_crlf_line_endings_and_a_byte_order_mark_are_kept(run: Run, roadmap: Path) -> None:
    roadmap.write_bytes(b"\xef\xbb\xbf" + ORIGINAL.replace("\n", "\r\n").encode())
    ok(run("contact", "set", "ann-smith", "--email", "ann@north.example"))
    expected = ORIGINAL.replace("ann.smith@north.example", "ann@north.example").replace("\n", "\r\n")
    assert roadmap.read_bytes() == b"\xef\xbb\xbf" + expected.encode()


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("    stage: priority\n    timeline", "    stage: priority \n    timeline", 63),  # a trailing space
        (
            "sources:\n  - file: roadmap.txt\n    title: The North–South roadmap\n    date: 2024-01",
            "sources:\n- file: roadmap.txt\n  title: The North–South roadmap\n  date: 2024-01",
            27,
        ),  # a list not indented
        ("    title: Under way\n", "    title: Under\n      way\n", 70),  # a plain text over two lines
        ("  id: north-south\n", "  id: north-south\r\n", 7),  # one CRLF among LFs
    ],
    ids=["trailing space", "list at column 0", "plain text folded", "mixed line endings"],
)
def test_a_file_the_round_trip_would_rewrite_is_refused_at_its_line(
    run: Run, roadmap: Path, old: str, new: str, line: int
) -> None:
    text = ORIGINAL.replace(old, new)
    roadmap.write_bytes(text.encode())
    stderr = refused(run("contact", "set", "ann-smith", "--email", "a@north.example"), 2)
    assert f"north-south.yaml:{line}:" in stderr
    assert roadmap.read_bytes() == text.encode()


def test_a_file_changed_on_disk_since_it_was_read_is_not_written(roadmap: Path) -> None:
    from twins_cli.errors import ExitCode
    from twins_cli.write.edits import edit_file, set_person
    from twins_cli.write.roundtrip import ChangedOnDiskError

    theirs = ORIGINAL.replace("Ann Smith", "Ann Smith-Jones").encode()
    change = set_person("ann-smith", {"email": "a@north.example"})

    def meanwhile(data: object) -> None:  # someone saves the file while twins edits it
        change(data)
        roadmap.write_bytes(theirs)

    with pytest.raises(ChangedOnDiskError) as raised:
        edit_file(roadmap, meanwhile)
    assert raised.value.exit_code == ExitCode.USAGE
    assert roadmap.read_bytes() == theirs


READ_ONLY_EDITS = {
    "record": ["record", "P1", "--status", "active", "--as-of", "2025-01-10"],
    "contact set": ["contact", "set", "ann-smith", "--email", "a@north.example"],
    "milestone": ["milestone", "happened", "1", "--evidence", "roadmap.txt"],
    "fmt": ["fmt"],
}


@pytest.mark.parametrize("args", READ_ONLY_EDITS.values(), ids=READ_ONLY_EDITS.keys())
def test_a_read_only_roadmap_is_never_replaced(run: Run, roadmap: Path, args: list[str]) -> None:
    """Replacing goes by rename, which a file's own mode does not stop: twins must look at the mode itself."""
    if args == ["fmt"]:  # a file fmt would change: title after organisation
        moved = ORIGINAL.replace(
            "    title: Dr\n    organisation: north-council   # named in the roadmap\n",
            "    organisation: north-council   # named in the roadmap\n    title: Dr\n",
        )
        assert moved != ORIGINAL
        roadmap.write_text(moved, encoding="utf-8")
    before = roadmap.read_bytes()
    roadmap.chmod(0o444)
    try:
        line = refused(run(*args), 2).splitlines()[-1]
        said = "north-south.yaml is read-only; not written — make it writable (chmod u+w) if it should change"
        assert line.endswith(said)
        assert roadmap.read_bytes() == before
        assert roadmap.stat().st_mode & 0o777 == 0o444
    finally:
        roadmap.chmod(0o644)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_an_edit_of_a_linked_roadmap_is_refused_with_a_hint_that_fits(run: Run, roadmap: Path) -> None:
    real = roadmap.parent.parent / "elsewhere.yaml"
    roadmap.rename(real)
    roadmap.symlink_to(real)
    line = refused(run("contact", "set", "ann-smith", "--email", "a@north.example"), 2).splitlines()[-1]
    assert line.endswith("is a symbolic link, not a regular file; not replaced — give the path of a regular file")
    assert roadmap.is_symlink()
    assert real.read_text(encoding="utf-8") == ORIGINAL


def test_the_built_in_roadmaps_are_never_edited(run_here: Run) -> None:
    assert "built-in" in refused(run_here("record", "P1", "--status", "active", "--as-of", "2025-01-10"), 2)


# --- twins fmt --------------------------------------------------------------------------------------------------


def test_fmt_check_passes_a_canonical_folder(run: Run, roadmap: Path) -> None:
    result = ok(run("fmt", "--check"))
    assert result.stdout == ""


def test_fmt_orders_fields_as_the_schema_and_keeps_comments(run: Run, roadmap: Path) -> None:
    moved = ORIGINAL.replace(
        "    title: Dr\n    organisation: north-council   # named in the roadmap\n",
        "    organisation: north-council   # named in the roadmap\n    title: Dr\n",
    )
    roadmap.write_text(moved, encoding="utf-8")
    check = run("fmt", "--check")
    assert check.exit_code == 1
    assert check.stdout == "roadmaps/north-south.yaml\n" or check.stdout.endswith("north-south.yaml\n")
    assert roadmap.read_text(encoding="utf-8") == moved
    diff = ok(run("fmt", "--diff"))
    assert "-    title: Dr\n" in diff.stdout and "+    title: Dr\n" in diff.stdout
    assert roadmap.read_text(encoding="utf-8") == moved
    ok(run("fmt", str(roadmap)))
    assert roadmap.read_text(encoding="utf-8") == ORIGINAL
    assert ok(run("fmt", "--check")).stdout == ""  # idempotent


def test_fmt_reindents_and_never_changes_data(run: Run, roadmap: Path) -> None:
    from twins_cli.parse.yaml_document import parse_document

    odd = ORIGINAL.replace(
        "sources:\n  - file: roadmap.txt\n    title: The North–South roadmap\n    date: 2024-01",
        "sources:\n- file: roadmap.txt\n  title: The North–South roadmap\n  date: 2024-01",
    )
    roadmap.write_text(odd, encoding="utf-8")
    ok(run("fmt"))
    formatted = roadmap.read_text(encoding="utf-8")
    assert "sources:\n  - file: roadmap.txt\n    title: The North–South roadmap\n" in formatted
    assert parse_document(odd.encode(), "x").data == parse_document(formatted.encode(), "x").data
    assert ok(run("fmt", "--check")).stdout == ""  # idempotent


HOSTILE = sorted([*(FIXTURES / "hostile").glob("*.yaml"), *(FIXTURES / "invalid").glob("*.yaml")])


@pytest.mark.parametrize("path", HOSTILE, ids=[path.name for path in HOSTILE])
def test_fmt_check_of_any_file_is_an_answer_or_one_line_never_a_traceback(run: Run, tmp_path: Path, path: Path) -> None:
    target = tmp_path / path.name
    shutil.copyfile(path, target)
    result = run("fmt", "--check", str(target))
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.output
    assert target.read_bytes() == path.read_bytes()


@pytest.mark.parametrize("name", ["compose.yaml", "programme.yaml"])
@pytest.mark.parametrize("check", [[], ["--check"], ["--diff"]], ids=["write", "--check", "--diff"])
def test_fmt_refuses_a_yaml_file_that_is_not_a_roadmap(run: Run, tmp_path: Path, name: str, check: list[str]) -> None:
    """Another tool's YAML (a compose file) would be re-indented by the roadmap layout: refused, never touched."""
    target = tmp_path / name
    text = 'version: "3"\nservices:\n    web:\n        image: x\n'
    target.write_text(text, encoding="utf-8")
    line = refused(run("fmt", *check, str(target)), 2)
    assert line.count("\n") == 1 and "is not a" in line and "twins fmt lays out roadmaps" in line
    assert target.read_text(encoding="utf-8") == text


def test_a_nesting_bomb_is_refused_before_the_round_trip_reads_it(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "bomb.yaml"
    target.write_text("schema_version: 1\npair: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    assert "cannot be read as a roadmap" in refused(run("fmt", "--check", str(target)), 2)
