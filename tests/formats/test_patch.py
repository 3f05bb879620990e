"""An edit shown as a unified diff: what git and patch read, coloured only when asked, never driving a terminal."""

from __future__ import annotations

from twins_cli.formats.patch import unified_diff

OLD = "a: 1\nb: 2\nc: 3\n"
NEW = "a: 1\nb: 20\nc: 3\n"


def test_a_unified_diff_of_the_lines_that_differ() -> None:
    assert unified_diff(OLD, NEW, "x.yaml") == (
        "--- a/x.yaml\n+++ b/x.yaml\n@@ -1,3 +1,3 @@\n a: 1\n-b: 2\n+b: 20\n c: 3\n"
    )
    assert unified_diff(OLD, OLD, "x.yaml") == ""


def test_colour_marks_the_changed_lines_and_hunks_not_the_file_names() -> None:
    lines = unified_diff(OLD, NEW, "x.yaml", colour=True).splitlines()
    assert lines[:2] == ["--- a/x.yaml", "+++ b/x.yaml"]
    assert all(line.startswith("\x1b[") and line.endswith("\x1b[0m") for line in lines[2:] if line[0] in "@+-")
    assert " a: 1" in lines


def test_control_characters_in_a_file_are_shown_escaped() -> None:
    shown = unified_diff("a: \x1b[2J\r\n", "a: \u202eb\r\n", "x.yaml")
    assert "\x1b" not in shown and "\u202e" not in shown and "\r" not in shown
    assert "-a: \\x1b[2J\n" in shown
