"""Where roadmaps and schemas are read from.

Roadmaps: ``--roadmaps DIR``, then ``$TWINS_ROADMAPS``, then ``./roadmaps``,
then the copy built into the package; the first that applies wins. Schemas
always come with the package, so a roadmap cannot loosen its own rules.
"""

from __future__ import annotations

import os
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
    """The file's bytes, or an ``InputError`` saying why they cannot be had."""
    try:
        if path.is_dir():
            raise InputError(f"{display_name(path)} is a directory, not a roadmap file")
        with _open_without_waiting(path) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as error:
        if path.is_symlink():
            raise InputError(
                f"{path} is a broken symbolic link (to {path.readlink()})", "fix or remove the link"
            ) from error
        raise InputError(
            f"{display_name(path)}: no such file", "check the path, or run `twins validate` with no files"
        ) from error
    except OSError as error:
        raise InputError(f"{display_name(path)}: cannot read: {error.strerror or error}") from error
    return data


def _open_without_waiting(path: Path) -> BinaryIO:
    """Open ``path`` to read bytes; a named pipe with no writer reads as empty instead of blocking for ever."""
    if not hasattr(os, "O_NONBLOCK"):  # Windows has no named pipes in the file system
        return path.open("rb")
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # opening a pipe blocks until a writer comes
    os.set_blocking(descriptor, True)  # then read as usual: a pipe with no writer is at its end
    return os.fdopen(descriptor, "rb")
