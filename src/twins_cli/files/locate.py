"""Where roadmaps and schemas are read from.

The roadmaps folder is found as git, ruff and pytest find their projects; the
first that applies wins:

1. ``--roadmaps DIR``, then ``$TWINS_ROADMAPS``;
2. the nearest configuration, from the current folder up to the root: a
   ``twins.toml``, or a ``pyproject.toml`` with a ``[tool.twins]`` table, whose
   ``roadmaps = "DIR"`` is relative to that file (default ``roadmaps``);
3. ``./roadmaps``;
4. the current folder itself, when it holds roadmap files (inside roadmaps/).

Nothing found is not a project: queries then read the copy built into the
package (and say so), ``validate`` and ``new`` refuse. Schemas always come with
the package, so a roadmap cannot loosen its own rules.
"""

import errno
import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any, BinaryIO

from twins_cli.base.i18n import _
from twins_cli.base.paths import display_name, real_path
from twins_cli.base.text import one_line
from twins_cli.base.tuples import NamedTuple
from twins_cli.base.words import did_you_mean
from twins_cli.errors import InputError, UsageError

ENV_VAR = "TWINS_ROADMAPS"
MAX_FILE_BYTES = 2 * 1024 * 1024  # far above any roadmap (the largest is ~70 KB); larger files are refused
PROGRAMME_FILE = "programme.yaml"
CONFIG_FILE = "twins.toml"
PYPROJECT_FILE = "pyproject.toml"
CONFIG_KEYS = ("roadmaps",)
DEFAULT_FOLDER = "roadmaps"
_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # twins_cli/
_SNIFF_BYTES = 4096  # a roadmap's top-level `pair:` comes within its first lines
_SNIFF_FILES = 32  # files looked at to tell whether the current folder holds roadmaps
# Patterns compiled on first use (``re`` keeps them): most runs are told where the roadmaps are, and need none.
_ROADMAP_START = rb"(?m)^pair:"
_TOOL_TWINS = rb"(?m)tool\s*\.\s*twins|^\s*\[\s*tool\s*\]"  # [tool.twins], or twins in [tool]
_TOML_POSITION = r"\s*\(at line (\d+), column (\d+)\)$"


def builtin_dir(name: str) -> Path:
    """The packaged ``roadmaps`` or ``schema`` folder (in a source checkout: the repo's own)."""
    for candidate in (_PACKAGE_DIR / "data" / name, _PACKAGE_DIR.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise InputError(f"the built-in {name} are missing from this installation", "reinstall twins")


def inside_package(path: Path) -> bool:
    """True for a path inside the installed twins package (its built-in copy): never the user's to write."""
    return real_path(path).is_relative_to(_PACKAGE_DIR)


def folder_name(path: Path) -> str:
    """A folder as the user should see it: relative to the cwd when inside it, escaped; the cwd itself in full."""
    name = display_name(path)
    return one_line(str(real_path(path))) if name == "." else name


class Config(NamedTuple):
    """A configuration file found, and the roadmaps folder it names (relative to the file)."""

    file: Path
    roadmaps: Path
    setting: str  # how the file says it: 'roadmaps = "data"', or that it is the default


class RoadmapsLocation(NamedTuple):
    """A folder of roadmaps and why it was chosen."""

    directory: Path
    origin: str
    builtin: bool = False  # the copy inside the package, chosen because no project was found
    explicit: bool = True  # named by the user (--roadmaps, $TWINS_ROADMAPS), not found by the search
    config: Path | None = None  # the configuration file that named the folder, if one did

    def roadmap_files(self) -> list[Path]:
        """The roadmap files in the folder, sorted; the programme file is not one.

        Hidden files are skipped, as the shell's ``*.yaml`` skips them: editors leave
        lock files such as Emacs's ``.#belfast-sejong.yaml`` (a dangling link) beside the file.
        """
        if not self.directory.is_dir():
            if self.directory.exists():
                said = _("roadmaps folder {folder} ({origin}) is not a directory")
            else:
                said = _("roadmaps folder {folder} ({origin}) does not exist")
            raise InputError(
                said.format(folder=folder_name(self.directory), origin=self.origin),
                _("check the path, or run `twins where` to see where twins looks"),
            )
        files = sorted(path for path in self.directory.iterdir() if _is_roadmap_name(path))
        if not files:
            raise InputError(
                _("no roadmaps (*.yaml) in {folder} ({origin})").format(
                    folder=folder_name(self.directory), origin=self.origin
                ),
                _("point --roadmaps at a folder of roadmap files"),
            )
        return files


def _is_roadmap_name(path: Path) -> bool:
    return path.suffix in (".yaml", ".yml") and path.name != PROGRAMME_FILE and not path.name.startswith(".")


def find_project(option: Path | None = None, cwd: Path | None = None) -> RoadmapsLocation | None:
    """The user's roadmaps folder by the documented order (see the module), or None when there is none."""
    if option is not None:
        return RoadmapsLocation(option, _("from --roadmaps"))
    env = os.environ.get(ENV_VAR)
    if env:
        return RoadmapsLocation(Path(env), _("from ${name}").format(name=ENV_VAR))
    try:
        here = cwd or Path.cwd()
    except OSError:  # the current folder was deleted
        return None
    config = find_config(here)
    if config is not None:
        return RoadmapsLocation(config.roadmaps, config.setting, config=config.file)
    local = here / DEFAULT_FOLDER
    if local.is_dir():
        return RoadmapsLocation(local, f"./{DEFAULT_FOLDER}")
    if holds_roadmaps(here):
        return RoadmapsLocation(here, _("the current folder holds roadmaps"))
    return None


def find_roadmaps(option: Path | None = None, cwd: Path | None = None) -> RoadmapsLocation:
    """The folder a query reads: the user's (``find_project``), else the built-in copy."""
    found = find_project(option, cwd)
    if found is not None:
        return found
    return RoadmapsLocation(builtin_dir("roadmaps"), _("no roadmaps folder here: the built-in roadmaps"), builtin=True)


def roadmaps_to_check(files: list[Path], option: Path | None, *, builtin: bool = False) -> tuple[list[Path], str]:
    """The files ``twins validate`` checks, and what its summary calls them.

    With no files, the project's roadmaps: never the built-in copy unless ``builtin``
    asks, since checking files the user never meant would report them "valid".
    """
    if builtin:
        if files or option is not None:
            raise UsageError(_("--builtin checks the built-in roadmaps, not others"), _("drop --builtin, or the files"))
        return RoadmapsLocation(builtin_dir("roadmaps"), "--builtin").roadmap_files(), _("the built-in roadmaps")
    if files:
        folders = {path.parent for path in files}
        label = display_name(files[0]) if len(files) == 1 else folder_name(folders.pop()) if len(folders) == 1 else ""
        return files, label or _("{count} folders").format(count=len(folders))
    location = find_project(option)
    if location is None:
        raise InputError(
            _("no roadmaps folder here, so nothing to validate"),
            _(
                "run it where ./roadmaps or a twins.toml is, give --roadmaps DIR, "
                "or add --builtin for the built-in ones"
            ),
        )
    return location.roadmap_files(), folder_name(location.directory)


def programme_for_stdin(name: str | None, option: Path | None) -> Path:
    """The programme file that governs a roadmap read from stdin: the one beside ``name``, else the usual one."""
    if name is not None and "\0" in name:
        raise UsageError("--stdin-filename cannot hold a NUL character", "give the file's real name")
    beside = Path(name).parent / PROGRAMME_FILE if name else None
    return beside if beside is not None and beside.is_file() else programme_file_for(find_roadmaps(option).directory)


def holds_roadmaps(folder: Path) -> bool:
    """True when ``folder`` has a programme file, or a ``*.yaml`` whose first lines look like a roadmap's.

    Only the first few regular files are looked at, and only their first bytes: a folder of
    thousands of other YAML files (or of named pipes) costs next to nothing.
    """
    try:
        if (folder / PROGRAMME_FILE).is_file():
            return True
        looked_at = 0
        for path in folder.iterdir():
            if looked_at >= _SNIFF_FILES:
                return False
            if _is_roadmap_name(path) and path.is_file():
                looked_at += 1
                with _open_without_waiting(path) as handle:
                    if re.search(_ROADMAP_START, handle.read(_SNIFF_BYTES)):
                        return True
    except OSError:  # an unreadable folder or file holds nothing we can use
        return False
    return False


def find_config(cwd: Path | None = None) -> Config | None:
    """The nearest ``twins.toml``, or ``pyproject.toml`` with ``[tool.twins]``, from ``cwd`` up.

    The search stops at the root, and quietly at a folder it may not look into.
    """
    try:
        here = cwd or Path.cwd()
    except OSError:
        return None
    for folder in (here, *here.parents):
        try:
            twins_toml, pyproject = folder / CONFIG_FILE, folder / PYPROJECT_FILE
            if twins_toml.exists() or twins_toml.is_symlink():  # ours: anything in its place is refused, not skipped
                return _read_config(twins_toml, read_bytes(twins_toml), None)
            if pyproject.is_file():
                raw = pyproject.read_bytes() if pyproject.stat().st_size <= MAX_FILE_BYTES else b""
                if re.search(_TOOL_TWINS, raw):  # only then can it have a [tool.twins] table: parse it
                    config = _read_config(pyproject, raw, ("tool", "twins"))
                    if config is not None:
                        return config
        except OSError:  # a folder (or pyproject.toml) that cannot be read: not ours to complain about
            return None
    return None


def _read_config(file: Path, raw: bytes, table: tuple[str, ...] | None) -> Config | None:
    """The settings in ``file`` (in its ``table``, for pyproject.toml); None when it has no such table.

    A file that is not TOML, or a setting twins does not know, is an ``InputError`` at its line.
    """
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

    name = display_name(file)
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(
            _("{file}: larger than 2 MiB, far larger than any configuration").format(file=name),
            _("fix the file, or remove it"),
        )
    try:
        text = raw.decode("utf-8-sig")
        data: Any = tomllib.loads(text)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(
            _("{file}:{line}: not UTF-8 text").format(file=name, line=line), _("save the file as UTF-8")
        ) from error
    except tomllib.TOMLDecodeError as error:
        reason = str(error)
        position = re.search(_TOML_POSITION, reason)
        where = f"{position[1]}:{position[2]}" if position else str(text.count("\n") + 1)
        reason = reason[: position.start()] if position else reason.replace(" (at end of document)", "")
        raise InputError(
            _("{file}:{where}: not valid TOML: {reason}").format(file=name, where=where, reason=reason),
            _("fix the file, or remove it"),
        ) from error
    for key in table or ():
        data = data.get(key) if isinstance(data, dict) else None
    if data is None:
        return None
    label = _("[{table}] in {file}").format(table=".".join(table), file=name) if table else name
    if not isinstance(data, dict):
        line = _line_of(text, table[-1] if table else "")
        raise InputError(
            _("{file}:{line}: {label} is not a table").format(file=name, line=line, label=label),
            _("write it as a [table] of settings"),
        )
    for key in data:
        if key not in CONFIG_KEYS:
            raise InputError(
                _("{file}:{line}: unknown setting {key!r} in {label}{suggestion}").format(
                    file=name,
                    line=_line_of(text, key),
                    key=key,
                    label=label,
                    suggestion=did_you_mean(key, CONFIG_KEYS),
                ),
                _("twins reads only: {names}").format(names=", ".join(CONFIG_KEYS)),
            )
    value = data.get("roadmaps", DEFAULT_FOLDER)
    if not isinstance(value, str) or not value or "\0" in value:
        raise InputError(
            f"{name}:{_line_of(text, 'roadmaps')}: roadmaps must be a folder name in quotes",
            'write it as roadmaps = "DIR", relative to the file',
        )
    quoted = json.dumps(value, ensure_ascii=False)
    setting = f"roadmaps = {quoted} in {label}" if "roadmaps" in data else f"the default {quoted} beside {name}"
    return Config(file, file.parent / value, setting)


def _line_of(text: str, key: str) -> int:
    """The line where ``key`` is first set (or names a table) in TOML ``text``; 1 if it cannot be told."""
    pattern = re.compile(rf"""^\s*(\[+\s*)?(\w+\s*\.\s*)*["']?{re.escape(key)}["']?\s*[=\].]""", re.MULTILINE)
    found = pattern.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else 1


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
            raise InputError(
                _("{path} is a broken symbolic link (to {target})").format(
                    path=one_line(str(path)), target=one_line(str(path.readlink()))
                ),
                _("fix or remove the link"),
            ) from error
        raise InputError(
            _("{path}: no such file").format(path=display_name(path)),
            _("check the path, or run `twins validate` with no files"),
        ) from error
    except OSError as error:
        if error.errno == errno.ELOOP:  # named as given: resolving the name of a loop fails too
            raise InputError(
                _("{path} is a symbolic link that leads back to itself").format(path=one_line(str(path))),
                _("fix or remove the link"),
            ) from error
        raise InputError(
            _("{path}: cannot read: {reason}").format(path=display_name(path), reason=error.strerror or error),
            _("check the file's permissions"),
        ) from error
    return data


def file_kind(mode: int) -> str | None:
    """What a file that is not a regular one is, for a message (``a named pipe``); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kinds = (
        (stat.S_ISDIR, _("a directory")),
        (stat.S_ISLNK, _("a symbolic link")),  # when asked of the link itself (lstat)
        (stat.S_ISFIFO, _("a named pipe")),
        (stat.S_ISSOCK, _("a socket")),
        (stat.S_ISCHR, _("a device")),
        (stat.S_ISBLK, _("a device")),
    )
    return next((kind for test, kind in kinds if test(mode)), _("not a regular file"))


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
        raise InputError(
            _("{path} is {kind}, not a regular file").format(path=display_name(path), kind=kind),
            _("twins reads only regular files"),
        )
