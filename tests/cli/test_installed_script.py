"""A few runs of the installed ``twins`` console script, as a user runs it: a real process, real exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLE
from twins_cli import __version__

SCRIPT = Path(sys.executable).parent / "twins"

pytestmark = pytest.mark.skipif(
    not SCRIPT.is_file(),
    reason=f"no installed twins console script beside the interpreter ({SCRIPT}); run `pip install -e .` first",
)


def twins(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the script from ``cwd`` with NO_COLOR set and TWINS_ROADMAPS naming the sample fixture."""
    env = {**os.environ, "TWINS_ROADMAPS": str(SAMPLE)}
    env["NO_COLOR"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [str(SCRIPT), *args], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", check=False
    )


def test_version(tmp_path: Path) -> None:
    done = twins("--version", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"twins {__version__}\n"
    assert done.stderr == ""


def test_list_by_theme(tmp_path: Path) -> None:
    done = twins("list", "--theme", "cybersecurity", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Cyber Lab" in done.stdout
    assert [line.split()[0] for line in done.stdout.splitlines()[1:5]] == ["P1", "P2", "P5", "P6"]
    assert "\x1b[" not in done.stdout
    assert done.stderr == ""


def test_contacts_as_json(tmp_path: Path) -> None:
    done = twins("contacts", "P5", "--format", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [row["email"] for row in rows] == [
        "a.hart@uok.example",
        "b.okoro@uok.example",
        "cdoyle07@uok.example",
        "minsu.park@hanbit-univ.example",
        "jiwoo.kang@hanbit.example",
    ]


def test_unknown_proposal_is_one_line_and_exit_1(tmp_path: Path) -> None:
    done = twins("show", "P99", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("twins: no proposal 'P99' (did you mean 'P9'?) — ")


def test_usage_error_is_exit_2(tmp_path: Path) -> None:
    done = twins("list", "--theme", "cyberr", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("twins: unknown theme 'cyberr'")
    assert "Traceback" not in done.stderr


def test_reader_that_closes_the_pipe_first_is_no_error(tmp_path: Path) -> None:
    """The reader has gone before twins writes (it closes at once; twins takes a while to start).

    cli.main means this to end quietly with exit 0. Should twins win the race and write first, the
    write succeeds and the expectations hold all the same.
    """
    env = {key: value for key, value in os.environ.items() if key != "TWINS_ROADMAPS"}
    env["NO_COLOR"] = "1"
    with subprocess.Popen(
        [str(SCRIPT), "contacts", "--format", "json"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()
        stderr = process.stderr.read().decode("utf-8")
        code = process.wait()
    assert "Traceback" not in stderr
    assert "BrokenPipeError" not in stderr
    assert code == 0


@pytest.mark.parametrize(
    ("args", "code"),
    [(("--version",), 0), (("list", "--format", "json"), 0), (("lsit",), 2), (("show", "P99"), 1)],
    ids=["version", "list", "usage", "not found"],
)
def test_a_run_ends_with_its_code_and_its_output_whole(tmp_path: Path, args: tuple[str, ...], code: int) -> None:
    done = twins(*args, cwd=tmp_path)
    assert done.returncode == code
    if args[0] == "list":
        assert len(json.loads(done.stdout)) > 10  # all of it, flushed
    assert len(done.stderr.splitlines()) == (1 if code else 0)


def test_a_pool_of_workers_leaves_nothing_said_at_exit(tmp_path: Path) -> None:
    folder = tmp_path / "roadmaps"
    folder.mkdir()
    text = (SAMPLE / "kingsport-hanbit.yaml").read_text(encoding="utf-8")
    (folder / "programme.yaml").write_text((SAMPLE / "programme.yaml").read_text(encoding="utf-8"), "utf-8")
    for number in range(60):  # past validate.PARALLEL_FROM: a pool, where more than one CPU may be used
        pair = f"pair-{number:03d}"
        (folder / f"{pair}.yaml").write_text(text.replace("id: kingsport-hanbit", f"id: {pair}"), "utf-8")
    env = {**os.environ, "NO_COLOR": "1", "TWINS_NO_CACHE": "1"}
    done = subprocess.run(
        [str(SCRIPT), "--roadmaps", str(folder), "validate"], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
