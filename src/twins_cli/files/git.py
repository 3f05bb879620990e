"""Roadmap files as they were at a git revision, read into memory and never onto the disk.

A revision's tree is data like any file: a name in it can be ``../../x.yaml``, a
link, or a blob of a GiB. So nothing is written to disk (blobs are read into
memory, by object id, never by a path made of a name), only regular blobs with
a plain name are read, sizes are asked of git before reading, and git runs
with none of the repository's or environment's hooks into running other programs.
"""

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from twins_cli.base.i18n import _
from twins_cli.base.text import printable
from twins_cli.base.tuples import NamedTuple
from twins_cli.errors import InputError, UsageError
from twins_cli.files.locate import MAX_FILE_BYTES, PROGRAMME_FILE

_MIB = 1024 * 1024
MAX_REVISION_FILES = 1000  # roadmaps in one revision's folder; a programme has tens
_MAX_LISTING_BYTES = 4 * 1024 * 1024  # what `git ls-tree` may print: far above MAX_REVISION_FILES entries
_REGULAR_BLOB = frozenset({"100644", "100755"})  # not a link (120000), a submodule (160000) or a folder


class Blob(NamedTuple):
    """A file's bytes held in memory (a git revision's), checked as a file of that name would be."""

    name: str  # as problems show it, escaped: HEAD~1:roadmaps/alpha-beta.yaml
    stem: str  # its file name without the extension: the pair id it must hold
    data: bytes


class RevisionFiles(NamedTuple):
    """A roadmaps folder as it was at a revision: its programme file, if it had one, and its roadmaps."""

    label: str  # as the user named it, escaped: HEAD~1:roadmaps
    programme: Blob | None
    roadmaps: list[Blob]


def _git_command(top: Path, *args: str) -> list[str]:
    """``git`` in ``top``, with no pager and no file-system monitor (which a repository could set to a program)."""
    return ["git", "--no-pager", "--no-replace-objects", "-c", "core.fsmonitor=false", "-C", str(top), *args]


def _git_environment() -> dict[str, str]:
    """This environment without its ``GIT_*`` variables (a GIT_DIR, an external diff), never asking or fetching."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0", GIT_NO_LAZY_FETCH="1")
    return env


def _git(top: Path, *args: str) -> "subprocess.CompletedProcess[bytes]":  # text: read when git runs, not on import
    """Run a git command that reads; ``InputError`` when git cannot run or prints more than a listing may."""
    try:
        process = subprocess.Popen(
            _git_command(top, *args),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=_git_environment(),
        )
    except OSError as error:
        raise InputError(
            _("cannot run git: {reason}").format(reason=error.strerror), _("install git, or give a file or folder")
        ) from None
    with process:
        assert process.stdout is not None
        output = process.stdout.read(_MAX_LISTING_BYTES + 1)
        if len(output) > _MAX_LISTING_BYTES:
            process.kill()
            raise InputError(
                _("`git {command}` printed more than {size} MiB; not read").format(
                    command=args[0], size=_MAX_LISTING_BYTES // _MIB
                ),
                _("compare a nearer revision"),
            )
    return subprocess.CompletedProcess(args, process.returncode, output)


class _TreeEntry(NamedTuple):
    """A roadmap file in a revision's folder, as `git ls-tree -l` lists it."""

    name: str  # escaped, as shown: HEAD~1:roadmaps/alpha-beta.yaml
    stem: str
    oid: str
    size: int


def _entries(listing: bytes, label: str) -> list[_TreeEntry]:
    """The regular files named ``*.yaml`` (or ``.yml``) in ``ls-tree -z -l`` output: not hidden, nothing but a name."""
    entries = []
    for record in listing.split(b"\0"):
        info, _, raw_name = record.partition(b"\t")
        fields = info.decode("ascii", "replace").split()
        name = raw_name.decode("utf-8", "backslashreplace")
        if len(fields) != 4 or fields[0] not in _REGULAR_BLOB or fields[1] != "blob" or not fields[3].isdigit():
            continue
        if name.startswith(".") or "/" in name or "\\" in name or not name.endswith((".yaml", ".yml")):
            continue
        entries.append(_TreeEntry(f"{label}/{printable(name)}", Path(name).stem, fields[2], int(fields[3])))
    return entries


def _refuse_too_much(entries: Sequence[_TreeEntry], label: str) -> None:
    """``InputError`` before anything is read, when a blob or the number of blobs is beyond any roadmaps folder."""
    if len(entries) > MAX_REVISION_FILES:
        raise InputError(
            _("{label} holds {count} *.yaml files, more than the {most} twins reads; not read").format(
                label=label, count=len(entries), most=MAX_REVISION_FILES
            ),
            _("is --roadmaps the roadmaps folder?"),
        )
    for entry in entries:
        if entry.size > MAX_FILE_BYTES:
            raise InputError(
                _("{file} is larger than {size} MiB, far larger than any roadmap; not read").format(
                    file=entry.name, size=MAX_FILE_BYTES // _MIB
                ),
                _("a roadmap is well under 100 KB"),
            )


def _read_blobs(top: Path, entries: Sequence[_TreeEntry]) -> list[Blob]:
    """The entries' bytes, by object id, through one `git cat-file --batch`; each size checked before reading."""
    blobs = []
    with subprocess.Popen(
        _git_command(top, "cat-file", "--batch"),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=_git_environment(),
    ) as process:
        assert process.stdin is not None and process.stdout is not None
        try:
            for entry in entries:
                process.stdin.write(f"{entry.oid}\n".encode("ascii"))
                process.stdin.flush()
                header = process.stdout.readline(256).split()  # OID blob SIZE, or OID missing
                size = int(header[2]) if header[1:2] == [b"blob"] and header[2:3] and header[2].isdigit() else None
                data = process.stdout.read(size + 1) if size is not None and size <= MAX_FILE_BYTES else b""
                if size is None or len(data) != size + 1:
                    raise InputError(
                        _("git could not read {file}").format(file=entry.name),
                        _("check the repository with `git fsck`"),
                    )
                blobs.append(Blob(entry.name, entry.stem, data[:size]))  # without the newline git adds
        finally:
            process.kill()  # done, or failed: git need not wait for more

    return blobs


def revision_files(revision: str, roadmaps_dir: Path) -> RevisionFiles:
    """The roadmap files of ``roadmaps_dir`` as they were at ``revision``, read into memory."""
    where = _git(roadmaps_dir, "rev-parse", "--show-toplevel", "--show-prefix") if roadmaps_dir.is_dir() else None
    if where is None or where.returncode != 0:
        raise InputError(
            _(
                "{revision!r} is not a file or folder, and the roadmaps folder {folder} is not in a git repository"
            ).format(revision=revision, folder=roadmaps_dir),
            _("give a roadmap file or folder, or point --roadmaps at a folder in a git checkout"),
        )
    top_text, prefix = where.stdout.decode("utf-8", "replace").splitlines()[:2]
    top, folder = Path(top_text), prefix.rstrip("/")
    commit = (
        None if revision.startswith("-") else _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    )
    if commit is None or commit.returncode:
        raise UsageError(
            _("{revision!r} is not a file, a folder, nor a git revision in {top}").format(revision=revision, top=top),
            _("give a path, or a revision such as HEAD~1 or main"),
        )
    label = printable(f"{revision}:{folder or '.'}")
    listed = _git(top, "ls-tree", "-z", "-l", f"{commit.stdout.decode('ascii').strip()}:{folder}")
    entries = _entries(listed.stdout, label) if listed.returncode == 0 else []
    programme = [entry for entry in entries if entry.name == f"{label}/{PROGRAMME_FILE}"]
    roadmaps = [entry for entry in entries if entry not in programme]
    if not roadmaps:
        raise InputError(
            _("no roadmaps (*.yaml) in {label}").format(label=label),
            _("is {folder} committed at {revision}?").format(folder=folder or ".", revision=revision),
        )
    _refuse_too_much(entries, label)
    blobs = _read_blobs(top, programme + roadmaps)
    return RevisionFiles(label, blobs[0] if programme else None, blobs[len(programme) :])
