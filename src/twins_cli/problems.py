"""A problem found in a file: what every check produces and every reporter prints."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from twins_cli.base.i18n import _, ngettext
from twins_cli.base.text import one_line
from twins_cli.base.tuples import NamedTuple
from twins_cli.errors import InvalidDataError

if TYPE_CHECKING:
    from twins_cli.codes import Code

Path_ = tuple[str | int, ...]

MAX_PROBLEMS_PER_FILE = 100  # reported per file; a file with more is broken throughout, and the rest says no more


class Problem(NamedTuple):
    """One mistake at a place in a file, in the order people read files.

    ``code`` (``T201``, see ``codes.CODES``) says what kind of mistake it is, for
    people and tools alike; ``message`` says it in words, which may improve.
    """

    file: str
    line: int
    column: int
    code: str
    message: str
    path: Path_ = ()

    @property
    def rule(self) -> "Code":
        """The code's entry in the table: its name, severity and help."""
        from twins_cli.codes import CODES  # the table is read when a problem is reported, not at every query's start

        return CODES[self.code]

    @property
    def dotted_path(self) -> str:
        """``proposals[3].timeline.end``: where the problem is in the data.

        A key with a line break or control character in it is shown quoted (``['a\\nb']``),
        so that the problem stays on one line and prints no terminal escape.
        """
        text = ""
        for part in self.path:
            if isinstance(part, int):
                text += f"[{part}]"
            elif not part.isprintable():
                text += f"[{part!r}]"
            else:
                text += f".{part}" if text else part
        return text

    def format(self) -> str:
        """``FILE:LINE:COL: T201 message (at path)``, the form editors and CI understand (the code first, as ruff).

        A message can quote the data (``pair id '…' does not match``): it is escaped, so that
        it stays one line and no control character reaches a terminal or a log.
        """
        return f"{self.file}:{self.line}:{self.column}: {self.code} {one_line(self.message)}{self.where}"

    @property
    def where(self) -> str:
        """`` (at proposals[3].timeline.end)`` after the message, or '' for a problem of the whole file."""
        return _(" (at {path})").format(path=self.dotted_path) if self.path else ""


def first_problems(problems: list[Problem]) -> tuple[tuple[Problem, ...], int]:
    """The first ``MAX_PROBLEMS_PER_FILE`` of one file's problems in reading order, and how many more there are."""
    problems.sort(key=lambda problem: (problem.line, problem.column))
    return tuple(problems[:MAX_PROBLEMS_PER_FILE]), max(0, len(problems) - MAX_PROBLEMS_PER_FILE)


def more_problems(file: str, count: int) -> str:
    """The line that stands for the problems of ``file`` past the first ones: ``… and 12 more problems in FILE``."""
    return ngettext("… and {count} more problem in {file}", "… and {count} more problems in {file}", count).format(
        count=count, file=file
    )


def problem_summary(problems: Sequence[Problem], count: int | None = None) -> str:
    """``2 problems; first: FILE:LINE:COL: T201 message``: the one wording of the problems behind a refusal.

    ``count`` is the total when more were found than kept (``CheckedFiles.problem_count``).
    """
    count = len(problems) if count is None else count
    return ngettext("{count} problem; first: {problem}", "{count} problems; first: {problem}", count).format(
        count=count, problem=problems[0].format()
    )


def refuse_if_any(problems: Sequence[Problem], what: str, hint: str, count: int | None = None) -> None:
    """Check, then refuse: ``InvalidDataError`` ``{what}: 2 problems; first: …`` when there are any problems.

    Whatever does not validate is never half-read: a query, a comparison or a new roadmap stops here.
    """
    if problems:
        raise InvalidDataError(f"{what}: {problem_summary(problems, count)}", hint)
