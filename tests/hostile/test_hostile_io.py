"""Files, folders, git trees and processes that would make twins hang, crash or write where it should not.

Each family ends in one line and a documented exit code: roadmaps that are not regular files (devices,
pipes, folders, link loops, files gone since the folder was listed); git revisions whose tree holds
hostile names, links or a blob too big to read; ``--output`` targets that are not regular files or
cannot be written; and worker processes that cannot start, die, or are interrupted twice. Every
fixture is built at test time in tmp_path; runs that would hang if a guard regressed go through a
subprocess whose timeout only guards against that hang.
"""

from __future__ import annotations

import contextlib
import errno
import multiprocessing
import os
import select
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from conftest import FIXTURES, VALID, Run
from support import git, twins_process
from twins_cli.check import validate
from twins_cli.check.validate import CheckedFiles, check_files
from twins_cli.files import git as git_files
from twins_cli.files.locate import MAX_FILE_BYTES, RoadmapsLocation

OLD, NEW = FIXTURES / "diff" / "old", FIXTURES / "diff" / "new"
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
needs_fork = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the workers must inherit the test's stand-ins"
)


def one_line(result: Result, code: int = 2) -> str:
    """The one line on stderr of a run that failed with ``code``, with nothing on stdout and no traceback."""
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("twins: ")
    return result.stderr.rstrip("\n")


def roadmaps(tmp_path: Path) -> Path:
    """tmp_path/roadmaps with the valid alpha-beta roadmap and its programme."""
    folder = tmp_path / "roadmaps"
    folder.mkdir()
    for name in ("alpha-beta.yaml", "programme.yaml"):
        shutil.copyfile(VALID / name, folder / name)
    return folder


# --- roadmaps that are not regular files ------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
@pytest.mark.parametrize(
    ("target", "kind"),
    [("/dev/zero", "a device"), ("/dev/null", "a device"), ("/dev/tty", "a device")],
)
def test_a_link_to_a_device_is_refused(run: Run, tmp_path: Path, target: str, kind: str) -> None:
    if not Path(target).exists():
        pytest.skip(f"no {target} here")
    (roadmaps(tmp_path) / "z.yaml").symlink_to(target)
    expected = f"twins: roadmaps/z.yaml is {kind}, not a regular file — twins reads only regular files"
    assert one_line(run("validate", "roadmaps/z.yaml")) == expected
    assert one_line(run("--roadmaps", "roadmaps", "validate")) == expected


@pytest.mark.skipif(not hasattr(os, "symlink") or not Path("/dev/stdin").exists(), reason="no /dev/stdin link")
def test_a_link_to_stdin_that_never_ends_is_refused(tmp_path: Path) -> None:
    (roadmaps(tmp_path) / "in.yaml").symlink_to("/dev/stdin")
    with subprocess.Popen(
        [sys.executable, "-m", "twins_cli", "--roadmaps", "roadmaps", "validate"],
        cwd=tmp_path,
        stdin=subprocess.PIPE,  # held open and never written: read, it would never end
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            stdout, stderr = process.communicate(timeout=120)  # a hang guard
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    assert (process.returncode, stdout) == (2, "")
    assert stderr == "twins: roadmaps/in.yaml is a named pipe, not a regular file — twins reads only regular files\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("writer", [False, True], ids=["no writer", "a writer that never closes"])
def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path, writer: bool) -> None:
    pipe = roadmaps(tmp_path) / "pipe.yaml"
    os.mkfifo(pipe)
    held = os.open(pipe, os.O_RDWR | os.O_NONBLOCK) if writer else None  # read and write ends, both held open
    try:
        done = twins_process("--roadmaps", "roadmaps", "validate", cwd=tmp_path)
    finally:
        if held is not None:
            os.close(held)
    assert (done.returncode, done.stdout) == (2, "")
    assert (
        done.stderr
        == "twins: roadmaps/pipe.yaml is a named pipe, not a regular file — twins reads only regular files\n"
    )


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_symbolic_link_loop_is_one_line(run: Run, tmp_path: Path) -> None:
    folder = roadmaps(tmp_path)
    (folder / "a.yaml").symlink_to("b.yaml")
    (folder / "b.yaml").symlink_to("a.yaml")
    expected = "twins: roadmaps/a.yaml is a symbolic link that leads back to itself — fix or remove the link"
    assert one_line(run("validate", "roadmaps/a.yaml")) == expected
    assert one_line(run("--roadmaps", "roadmaps", "validate")) == expected
    assert one_line(run("--roadmaps", "roadmaps", "list")) == expected


def test_a_file_name_that_is_not_utf8_is_skipped_run_after_run(run: Run, tmp_path: Path) -> None:
    """Linux allows any bytes in a name: the cache's keys and indexes take them as bytes, never as a crash."""
    folder = roadmaps(tmp_path)
    try:
        shutil.copyfile(folder / "alpha-beta.yaml", os.fsencode(folder) + b"/alpha-beta\xff.yaml")
    except OSError:
        pytest.skip("this file system refuses a name that is not UTF-8")
    for _run in ("cold", "warm", "warm again"):
        result = run("--roadmaps", "roadmaps", "list", "--format", "json")
        assert result.exit_code == 0, result.stderr
        assert "alpha-beta\\udcff.yaml" in result.stderr  # skipped: its name is not its pair id, said escaped
        assert "internal error" not in result.stderr


def test_a_file_gone_since_the_folder_was_listed(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = roadmaps(tmp_path)
    shutil.copyfile(folder / "alpha-beta.yaml", folder / "gone.yaml")
    listed = RoadmapsLocation.roadmap_files

    def list_then_lose_one(self: RoadmapsLocation) -> list[Path]:
        files = listed(self)
        (folder / "gone.yaml").unlink()
        return files

    monkeypatch.setattr(RoadmapsLocation, "roadmap_files", list_then_lose_one)
    assert one_line(run("--roadmaps", "roadmaps", "validate")).startswith("twins: roadmaps/gone.yaml: no such file — ")


# --- git revisions whose tree is hostile --------------------------------------------------------------


def hash_blob(repo: Path, data: bytes) -> str:
    done = subprocess.run(["git", "-C", str(repo), "hash-object", "-w", "--stdin"], input=data, capture_output=True)
    return done.stdout.decode().strip()


def hash_tree(repo: Path, entries: list[tuple[str, bytes, str]]) -> str:
    """A tree object holding ``entries`` (mode, name, object id) as given: git's own tools refuse such names."""
    raw = b"".join(mode.encode() + b" " + name + b"\0" + bytes.fromhex(oid) for mode, name, oid in entries)
    command = ["git", "-C", str(repo), "hash-object", "-t", "tree", "-w", "--literally", "--stdin"]
    return subprocess.run(command, input=raw, capture_output=True, check=True).stdout.decode().strip()


def commit_roadmaps(repo: Path, entries: list[tuple[str, bytes, str]]) -> None:
    """Commit as HEAD a roadmaps/ folder of ``entries`` beside the valid programme and alpha-beta roadmap."""
    programme = hash_blob(repo, (VALID / "programme.yaml").read_bytes())
    roadmap = hash_blob(repo, (VALID / "alpha-beta.yaml").read_bytes())
    folder = [("100644", b"alpha-beta.yaml", roadmap), ("100644", b"programme.yaml", programme), *entries]
    top = hash_tree(repo, [("40000", b"roadmaps", hash_tree(repo, folder))])
    command = ["git", "-C", str(repo), "-c", "user.name=T", "-c", "user.email=t@example.com", "commit-tree", top]
    commit = subprocess.run([*command, "-m", "hostile"], capture_output=True, check=True).stdout.decode().strip()
    git(repo, "update-ref", "HEAD", commit)


@pytest.fixture
def repo(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository in tmp_path/repo, the cwd, with an empty roadmaps/ in its work tree (git's is committed).

    The temporary folder is one of the test's own, so that ``nothing_written`` can check it stays empty.
    """
    repo = tmp_path / "repo"
    (repo / "roadmaps").mkdir(parents=True)
    git(repo, "init", "-q")
    monkeypatch.chdir(repo)
    watched = tmp_path / "tmp"
    watched.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(watched))
    return repo


def nothing_written(tmp_path: Path) -> None:
    """Nothing in the temporary folder, nothing beside or above the repository, no change to the work tree."""
    assert list((tmp_path / "tmp").iterdir()) == []
    assert sorted(path.name for path in tmp_path.iterdir()) == ["repo", "tmp"]
    assert sorted(path.name for path in (tmp_path / "repo").iterdir()) == [".git", "roadmaps"]
    assert list((tmp_path / "repo" / "roadmaps").iterdir()) == []


@needs_git
def test_names_that_climb_out_and_entries_that_are_not_files_are_skipped(run: Run, tmp_path: Path, repo: Path) -> None:
    hostile = hash_blob(repo, b"pwned: true\n")
    escape = f"{tmp_path}/escaped.yaml".encode()
    commit_roadmaps(
        repo,
        [
            ("100644", b"../../escaped.yaml", hostile),
            ("100644", escape, hostile),  # an absolute name
            ("100644", b"..\\escaped.yaml", hostile),
            ("100644", b".hidden.yaml", hostile),
            ("120000", b"link.yaml", hash_blob(repo, b"/etc/passwd")),  # a symbolic link
            ("160000", b"module.yaml", hostile),  # a submodule (a commit)
            ("40000", b"folder.yaml", hash_tree(repo, [("100644", b"x.yaml", hostile)])),
        ],
    )
    result = run("--roadmaps", "roadmaps", "diff", "HEAD", str(VALID / "alpha-beta.yaml"), "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith('{\n  "old": "HEAD:roadmaps",')
    nothing_written(tmp_path)


@needs_git
def test_a_name_with_control_characters_is_shown_escaped(run: Run, tmp_path: Path, repo: Path) -> None:
    commit_roadmaps(repo, [("100644", b"\x1b[31mred.yaml", hash_blob(repo, b"not: [valid\n"))])
    line = one_line(run("--roadmaps", "roadmaps", "diff", "HEAD", str(OLD)), code=1)
    assert "HEAD:roadmaps/\\x1b[31mred.yaml:" in line
    assert "\x1b" not in line
    nothing_written(tmp_path)


@needs_git
def test_a_blob_too_big_is_refused_before_it_is_read(
    run: Run, tmp_path: Path, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commit_roadmaps(repo, [("100644", b"big.yaml", hash_blob(repo, b"#" * (MAX_FILE_BYTES + 1)))])

    def read_nothing(*args: Any) -> None:
        raise AssertionError("a blob was read")

    monkeypatch.setattr(git_files, "_read_blobs", read_nothing)
    line = one_line(run("--roadmaps", "roadmaps", "diff", "HEAD", str(OLD)))
    assert line.startswith("twins: HEAD:roadmaps/big.yaml is larger than 2 MiB, far larger than any roadmap; not read")
    nothing_written(tmp_path)


@needs_git
def test_too_many_files_are_refused_before_any_is_read(
    run: Run, tmp_path: Path, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blob = hash_blob(repo, b"a: 1\n")
    commit_roadmaps(repo, [("100644", f"pair-{index}.yaml".encode(), blob) for index in range(3)])
    monkeypatch.setattr(git_files, "MAX_REVISION_FILES", 3)
    line = one_line(run("--roadmaps", "roadmaps", "diff", "HEAD", str(OLD)))
    assert line.startswith("twins: HEAD:roadmaps holds 5 *.yaml files, more than the 3 twins reads; not read — ")


@needs_git
def test_git_runs_without_the_environments_git_variables(
    run: Run, tmp_path: Path, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commit_roadmaps(repo, [])
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere"))  # would point git at another repository
    result = run("--roadmaps", "roadmaps", "diff", "HEAD", str(VALID / "alpha-beta.yaml"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("OLD HEAD:roadmaps  →  NEW ")
    nothing_written(tmp_path)


@needs_git
@pytest.mark.parametrize("revision", ["--output=x", "-p", "--all"])
def test_a_revision_that_git_would_read_as_an_option_is_refused(run: Run, repo: Path, revision: str) -> None:
    commit_roadmaps(repo, [])
    line = one_line(run("--roadmaps", "roadmaps", "diff", "--", revision, "HEAD"))
    assert line.startswith(f"twins: {revision!r} is not a file, a folder")


# --- --output targets that are not regular files, or cannot be written ----------------------------------


def export(run: Run, target: Path | str, *options: str) -> Result:
    return run("--roadmaps", str(NEW), "milestones", "--all", "--format", "ics", "--output", str(target), *options)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
@pytest.mark.parametrize("force", [False, True], ids=["", "--force"])
@pytest.mark.parametrize("target", ["/dev/null", "file", "nowhere"], ids=["to a device", "to a file", "dangling"])
def test_a_symbolic_link_is_never_replaced(run: Run, tmp_path: Path, target: str, force: bool) -> None:
    """Replacing a link would break it, and following it would write elsewhere: ``/dev/null`` is such a target."""
    (tmp_path / "file").write_bytes(b"theirs")
    link = tmp_path / "out.ics"
    link.symlink_to(target if target.startswith("/") else tmp_path / target)
    line = one_line(export(run, link, *["--force"] * force))
    assert (
        line == f"twins: {link} is a symbolic link, not a regular file; not replaced — give the path of a regular file"
    )
    assert link.is_symlink()
    assert (tmp_path / "file").read_bytes() == b"theirs"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["file", "out.ics"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_never_replaced(run: Run, tmp_path: Path) -> None:
    pipe = tmp_path / "out.ics"
    os.mkfifo(pipe)
    assert one_line(export(run, pipe, "--force")).startswith(f"twins: {pipe} is a named pipe, not a regular file;")
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert [path.name for path in tmp_path.iterdir()] == ["out.ics"]


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no unix sockets here")
def test_a_socket_is_never_replaced(run: Run, tmp_path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("out.ics")  # relative: tmp_path is the cwd, and its full path may be too long for a socket
        line = one_line(export(run, Path("out.ics"), "--force"))
    assert line.startswith("twins: out.ics is a socket, not a regular file;")
    assert stat.S_ISSOCK((tmp_path / "out.ics").lstat().st_mode)


def test_a_name_too_long_is_one_line(run: Run, tmp_path: Path) -> None:
    line = one_line(export(run, tmp_path / ("x" * 300 + ".ics")))
    assert line.endswith(": File name too long — choose a shorter name")
    assert list(tmp_path.iterdir()) == []


def test_the_longest_name_allowed_is_written(run: Run, tmp_path: Path) -> None:
    """The temporary file beside it must not need a longer name than the target's."""
    target = tmp_path / ("x" * 251 + ".ics")
    assert export(run, target).exit_code == 0
    assert [path.name for path in tmp_path.iterdir()] == [target.name]


def test_a_file_in_the_way_of_the_folder_is_one_line(run: Run, tmp_path: Path) -> None:
    (tmp_path / "plain").write_bytes(b"x")
    line = one_line(export(run, tmp_path / "plain" / "out.ics"))
    assert line.endswith(": Not a directory — a folder in the path is a file")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write in a read-only folder")
def test_a_read_only_folder_is_one_line(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        line = one_line(export(run, folder / "out.ics"))
    finally:
        folder.chmod(0o755)
    assert line == f"twins: cannot write {folder}: Permission denied — check the folder's permissions and free space"
    assert list(folder.iterdir()) == []


def test_the_temporary_file_is_private_until_it_is_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from twins_cli.files import atomic as output

    modes = []
    real_fsync = os.fsync

    def note_the_mode(descriptor: int) -> None:
        modes.append(stat.S_IMODE(os.fstat(descriptor).st_mode))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", note_the_mode)
    old = os.umask(0o022)
    try:
        output.write_atomic(tmp_path / "out.ics", b"x")
    finally:
        os.umask(old)
    assert modes == [0o600]
    assert stat.S_IMODE((tmp_path / "out.ics").stat().st_mode) == 0o644


# --- worker processes ---------------------------------------------------------------------------------------


@pytest.fixture
def many(tmp_path: Path) -> list[Path]:
    """60 roadmaps (copies of the valid one under other pair ids, so some with problems): enough for workers."""
    folder = roadmaps(tmp_path)
    text = (folder / "alpha-beta.yaml").read_text(encoding="utf-8")
    for index in range(59):
        copy = text.replace("\n  id: alpha-beta\n", f"\n  id: pair-{index:02d}\n")
        (folder / f"pair-{index:02d}.yaml").write_text(copy + "unknown: field\n" * (index % 10 == 0), "utf-8")
    return sorted(folder.glob("*-*.yaml"))


def outcome(checked: CheckedFiles) -> tuple[Any, ...]:
    return (checked.files, checked.problems, [roadmap.proposals for roadmap in checked.roadmaps])


@pytest.fixture
def one_process(many: list[Path], monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    """What checking ``many`` in this process finds; then two cores, so that workers are used.

    Without the cache: files it answered for would not be given to the workers.
    """
    monkeypatch.setenv("TWINS_NO_CACHE", "1")
    with monkeypatch.context() as serial:
        serial.setattr(validate, "PARALLEL_FROM", sys.maxsize)
        found = outcome(check_files(many))
    assert len(many) >= validate.PARALLEL_FROM
    assert found[1]  # some problems, so that they are compared too
    monkeypatch.setattr(validate, "usable_cpus", lambda: 2)
    return found


def test_workers_that_cannot_start_leave_the_work_to_this_process(
    many: list[Path], one_process: tuple[Any, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures import process

    started = []

    def at_the_process_limit(*args: Any, **kwargs: Any) -> None:
        started.append(args or kwargs)
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(process, "ProcessPoolExecutor", at_the_process_limit)
    assert outcome(check_files(many)) == one_process
    assert started


@needs_fork
def test_workers_stop_when_the_process_limit_is_reached_midway(
    many: list[Path], one_process: tuple[Any, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fork, forks = os.fork, []

    def one_fork_only() -> int:
        forks.append(1)
        if len(forks) > 1:
            raise OSError(errno.EAGAIN, "Resource temporarily unavailable")
        return real_fork()

    monkeypatch.setattr(os, "fork", one_fork_only)
    assert outcome(check_files(many)) == one_process
    assert len(forks) == 2
    assert multiprocessing.active_children() == []  # the one worker started is not left waiting


@needs_fork
def test_a_worker_that_dies_leaves_the_work_to_this_process(
    many: list[Path], one_process: tuple[Any, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    this_process, real_check = os.getpid(), validate.check_roadmap_file

    def killed_in_a_worker(*args: Any) -> Any:
        if os.getpid() != this_process:
            os._exit(9)  # as if killed for memory
        return real_check(*args)

    monkeypatch.setattr(validate, "check_roadmap_file", killed_in_a_worker)
    assert outcome(check_files(many)) == one_process
    assert multiprocessing.active_children() == []


# In a worker, checking a file announces itself on stderr and then never ends; elsewhere it is the real check.
STUCK_WORKERS = """
import os, sys, threading
from twins_cli.check import validate
from twins_cli.cli.console import main
parent, real_check = os.getpid(), validate.check_roadmap_file
def stuck(*args):
    if os.getpid() == parent:
        return real_check(*args)
    sys.stderr.write(f"worker {os.getpid()} busy\\n")
    sys.stderr.flush()
    threading.Event().wait()
validate.check_roadmap_file = stuck
sys.argv[0] = "twins"
main()
"""


@needs_fork
@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs process groups to send Ctrl-C")
def test_ctrl_c_twice_ends_a_parallel_run_at_once(many: list[Path], tmp_path: Path) -> None:
    """The first Ctrl-C waits for the files being checked, which here never end; the second ends it all."""
    env = os.environ | {"NO_COLOR": "1"}
    interrupts = 0
    with subprocess.Popen(
        [sys.executable, "-c", STUCK_WORKERS, "--roadmaps", "roadmaps", "validate"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, so that the signal does not reach pytest
    ) as process:
        assert process.stderr is not None
        try:
            ready, _, _ = select.select([process.stderr], [], [], 120)  # a hang guard
            assert ready, "no worker started"
            assert process.stderr.readline().endswith(b" busy\n")
            while process.poll() is None and interrupts < 100:  # a Ctrl-C while workers start is held back
                os.killpg(process.pid, signal.SIGINT)  # as a terminal does: to the whole group, workers included
                interrupts += 1
                try:
                    process.wait(timeout=1)
                except subprocess.TimeoutExpired:
                    continue
            stdout, stderr = process.communicate(timeout=120)  # ends only when no worker holds stderr open
        except BaseException:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # workers included, so that the test ends
            raise
    assert process.returncode == 130, stderr
    assert interrupts >= 2
    assert b"Traceback" not in stderr
    assert stdout == b""
