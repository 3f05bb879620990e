"""Where roadmaps and schemas are read from.

Roadmaps: ``--roadmaps DIR``, then ``$TWINS_ROADMAPS``, then ``./roadmaps``,
then the copy built into the package; the first that applies wins. Schemas
always come with the package, so a roadmap cannot loosen its own rules.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO, NamedTuple

from twins_cli.errors import InputError
from twins_cli.problems import display_name

ENV_VAR = "TWINS_ROADMAPS"
MAX_FILE_BYTES = 2 * 1024 * 1024  # far above any roadmap (the largest is ~70 KB); larger files are refused
PROGRAMME_FILE = "programme.yaml"
_PACKAGE_DIR = Path(__file__).resolve().parent


def builtin_dir(name: str) -> Path:
    """The packaged ``roadmaps`` or ``schema`` folder (in a source checkout: the repo's own)."""
    for candidate in (_PACKAGE_DIR / "data" / name, _PACKAGE_DIR.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise InputError(f"the built-in {name} are missing from this installation", "reinstall twins")


class RoadmapsLocation(NamedTuple):
    """A folder of roadmaps and why it was chosen."""

    directory: Path
    origin: str

    def roadmap_files(self) -> list[Path]:
        """The roadmap files in the folder, sorted; the programme file is not one.

        Hidden files are skipped, as the shell's ``*.yaml`` skips them: editors leave
        lock files such as Emacs's ``.#belfast-sejong.yaml`` (a dangling link) beside the file.
        """
        if not self.directory.is_dir():
            problem = "is not a directory" if self.directory.exists() else "does not exist"
            raise InputError(f"roadmaps folder {self.directory} ({self.origin}) {problem}")
        files = sorted(
            path
            for path in self.directory.iterdir()
            if path.suffix in (".yaml", ".yml") and path.name != PROGRAMME_FILE and not path.name.startswith(".")
        )
        if not files:
            raise InputError(
                f"no roadmaps (*.yaml) in {self.directory} ({self.origin})",
                "point --roadmaps at a folder of roadmap files",
            )
        return files


def find_roadmaps(option: Path | None = None, cwd: Path | None = None) -> RoadmapsLocation:
    """The roadmaps folder to use, by the documented order of precedence."""
    if option is not None:
        return RoadmapsLocation(option, "from --roadmaps")
    env = os.environ.get(ENV_VAR)
    if env:
        return RoadmapsLocation(Path(env), f"from ${ENV_VAR}")
    local = (cwd or Path.cwd()) / "roadmaps"
    if local.is_dir():
        return RoadmapsLocation(local, "./roadmaps")
    return RoadmapsLocation(builtin_dir("roadmaps"), "built-in")


def programme_file_for(directory: Path) -> Path:
    """The programme file beside the roadmaps in ``directory``, else the built-in one."""
    beside = directory / PROGRAMME_FILE
    return beside if beside.is_file() else builtin_dir("roadmaps") / PROGRAMME_FILE


def schema_file(name: str) -> Path:
    """Path of a packaged JSON Schema: ``roadmap`` or ``programme``."""
    return builtin_dir("schema") / f"{name}.schema.json"


def read_bytes(path: Path) -> bytes:
    """The bytes of the regular file at ``path``, or an ``InputError`` saying why they cannot be had.

    Only a regular file is read: a link to /dev/zero, /dev/stdin or a terminal, a named pipe, a socket or
    a folder would never end or never open, so it is refused in one line (see ``_open_without_waiting``).
    """
    try:
        with _open_without_waiting(path) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as error:  # also a file removed since the folder was listed
        if path.is_symlink():
            from twins_cli.render import printable

            raise InputError(
                f"{printable(str(path))} is a broken symbolic link (to {printable(str(path.readlink()))})",
                "fix or remove the link",
            ) from error
        raise InputError(
            f"{display_name(path)}: no such file", "check the path, or run `twins validate` with no files"
        ) from error
    except OSError as error:
        if error.errno == errno.ELOOP:  # named as given: resolving the name of a loop fails too
            from twins_cli.render import printable

            raise InputError(
                f"{printable(str(path))} is a symbolic link that leads back to itself", "fix or remove the link"
            ) from error
        raise InputError(f"{display_name(path)}: cannot read: {error.strerror or error}") from error
    return data


def file_kind(mode: int) -> str | None:
    """What a file that is not a regular one is, for a message (``a named pipe``); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kinds = (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISLNK, "a symbolic link"),  # when asked of the link itself (lstat)
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
    )
    return next((kind for test, kind in kinds if test(mode)), "not a regular file")


def _open_without_waiting(path: Path) -> BinaryIO:
    """Open the regular file ``path`` to read bytes; ``InputError`` for anything else, without waiting on it.

    A device is refused before it is opened (opening some has effects), and what was opened is checked
    again, as the name may have been pointed elsewhere meanwhile. ``O_NONBLOCK`` keeps the open of a named
    pipe from waiting for a writer; it changes nothing when reading a regular file.
    """
    _refuse_unless_regular(path, path.stat().st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        _refuse_unless_regular(path, os.fstat(descriptor).st_mode)
    except InputError:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def _refuse_unless_regular(path: Path, mode: int) -> None:
    kind = file_kind(mode)
    if kind:
        raise InputError(f"{display_name(path)} is {kind}, not a roadmap file", "a roadmap is a regular file")
