"""What a refusal says of the problems behind it: one wording for every caller."""

from __future__ import annotations

import pytest

from twins_cli.errors import ExitCode, InvalidDataError
from twins_cli.problems import Problem, more_problems, problem_summary, refuse_if_any

PROBLEMS = [Problem("a.yaml", 3, 1, "T101", "first one"), Problem("a.yaml", 9, 2, "T201", "second")]


def test_no_problems_no_refusal() -> None:
    refuse_if_any([], "a.yaml does not validate", "fix it")  # raises only when there are problems


def test_a_refusal_says_how_many_and_the_first() -> None:
    with pytest.raises(InvalidDataError) as raised:
        refuse_if_any(PROBLEMS, "a.yaml does not validate", "fix it")
    assert raised.value.message == "a.yaml does not validate: 2 problems; first: a.yaml:3:1: T101 first one"
    assert raised.value.hint == "fix it"
    assert raised.value.exit_code == ExitCode.INVALID


def test_a_refusal_counts_the_problems_not_kept() -> None:
    with pytest.raises(InvalidDataError) as raised:
        refuse_if_any(PROBLEMS, "a.yaml does not validate", "fix it", count=150)
    assert raised.value.message.startswith("a.yaml does not validate: 150 problems; first: a.yaml:3:1:")


def test_one_problem_is_one_problem() -> None:
    assert problem_summary(PROBLEMS[:1]) == "1 problem; first: a.yaml:3:1: T101 first one"
    assert more_problems("a.yaml", 1) == "… and 1 more problem in a.yaml"
    assert more_problems("a.yaml", 12) == "… and 12 more problems in a.yaml"
