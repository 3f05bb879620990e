"""``twins site OUT``: the website's files written into a folder that twins owns.

The folder is twins's only if twins made it: a marker file (``MARKER``) lists
every file the last build wrote. Building again into it replaces those files
and removes the ones the roadmaps no longer make (a withdrawn proposal's
page), so a site kept in git shows real changes. Any other folder is refused
unless it is empty or ``force`` is given, and a file, a symbolic link or
anything else that is not a folder is refused always: twins never writes
through a link nor into a folder it was not given.

Each file is written atomically (``files/atomic.py``); a file whose bytes have
not changed is left alone. Names come from ``formats/site``, which builds them
only from checked ids; they are checked again here (``SAFE_NAME``) before any
is joined to ``OUT``, and so are the names read back from the marker.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path

from twins_cli.base.i18n import _
from twins_cli.base.paths import display_name, real_path
from twins_cli.errors import InputError, UsageError
from twins_cli.files.atomic import write_atomic
from twins_cli.files.locate import inside_package

MARKER = ".twins-site"
_MARKER_HEADER = "# twins site: the files of the last build; delete this to make the folder yours again\n"
# A path inside the site: folders and a file name of letters, digits, dots, hyphens, underscores; no "..".
SAFE_NAME = re.compile(r"(?:[a-z0-9][a-z0-9_-]*/){0,2}[A-Za-z0-9][A-Za-z0-9_.-]*")
_MAX_MARKER = 1 << 20


def safe(name: str) -> bool:
    """Whether ``name`` is a path the site may write: relative, short, no ``..`` and no odd characters."""
    return bool(SAFE_NAME.fullmatch(name)) and ".." not in name and len(name) <= 200


def write_site(out: Path, files: Mapping[str, bytes], *, force: bool = False, roadmaps: Path | None = None) -> int:
    """Write ``files`` into ``out``; returns how many were new or changed. See the module's docstring for the rules.

    ``roadmaps`` is the folder the site is built from: ``out`` may be neither it, nor inside it (nor inside the
    twins package), nor around it, where the site's files would mix with the roadmaps, ``--force`` could replace
    them, and a marker file (which a pull request can bring) could name them for removal.
    """
    if roadmaps is not None:
        here, folder = real_path(out), real_path(roadmaps)
        if here == folder or here.is_relative_to(folder) or inside_package(out):
            raise UsageError(
                _("cannot build the site in {out}: it is in the roadmaps folder ({folder})").format(
                    out=display_name(out), folder=display_name(roadmaps)
                ),
                _("build the site in a folder of its own, such as public/"),
            )
        if folder.is_relative_to(here):
            raise UsageError(
                _("cannot build the site in {out}: the roadmaps folder ({folder}) is in it").format(
                    out=display_name(out), folder=display_name(roadmaps)
                ),
                _("build the site in a folder of its own, such as public/"),
            )
    for name in files:
        if not safe(name) or name == MARKER:
            raise UsageError(
                _("refusing to write {name!r} into the site").format(name=name), _("a bug in twins: report it")
            )
    folded: dict[str, str] = {}
    for name in files:
        other = folded.setdefault(name.casefold(), name)
        if other != name:  # one file on a case-insensitive disk
            raise UsageError(
                _("two files of the site differ only in case: {one}, {other}").format(one=other, other=name),
                _("rename one of the ids"),
            )
    previous = _prepare(out, force=force)
    changed = 0
    for name, data in files.items():
        path = out / name
        _folders(out, path.parent)
        if _same(path, data):
            continue
        write_atomic(path, data, force=True, durable=False)
        changed += 1
    for name in sorted(previous - set(files)):
        if _could_be_ours(name, files):
            _remove(out, name)
    listing = "".join(f"{name}\n" for name in files)
    write_atomic(out / MARKER, (_MARKER_HEADER + listing).encode("utf-8"), force=True, durable=False)
    return changed


def _prepare(out: Path, *, force: bool) -> set[str]:
    """Make sure ``out`` is a folder twins may write into (creating it); the files its last build wrote."""
    try:
        mode = os.lstat(out).st_mode
    except FileNotFoundError:
        if not out.parent.is_dir():
            raise InputError(
                _("cannot create {out}: there is no folder {parent}").format(out=out, parent=out.parent),
                _("create that folder first"),
            ) from None
        try:
            out.mkdir()
        except OSError as error:
            raise _cannot(_("cannot create {path}: {reason}"), out, error) from None
        return set()
    if stat.S_ISLNK(mode):
        raise UsageError(
            _("{out} is a symbolic link; not followed").format(out=out), _("give the real folder, or a new one")
        )
    if not stat.S_ISDIR(mode):
        raise UsageError(_("{out} is not a folder").format(out=out), _("give a folder for the site"))
    marker = out / MARKER
    if not os.path.lexists(marker):
        if any(out.iterdir()) and not force:
            raise UsageError(
                _("{out} is not empty and twins did not make it").format(out=out),
                _("give a new or empty folder, or add --force to write into it"),
            )
        return set()
    return _previous(marker)


def _previous(marker: Path) -> set[str]:
    """The names the marker lists that are safe to remove again (any other line is ignored)."""
    try:
        if not stat.S_ISREG(os.lstat(marker).st_mode):
            raise UsageError(_("{marker} is not a regular file").format(marker=marker), _("remove it"))
        with marker.open("rb") as stream:
            text = stream.read(_MAX_MARKER).decode("utf-8", "replace")
    except OSError as error:
        raise _cannot(_("cannot read {path}: {reason}"), marker, error) from None
    return {line for line in text.splitlines() if line and not line.startswith("#") and safe(line)}


def _could_be_ours(name: str, files: Mapping[str, bytes]) -> bool:
    """Whether a build could have written ``name``: in one of the site's folders, or a page at the top, by suffix.

    The marker is a file in the folder, which anyone who can change the folder (a pull request) can write:
    a name it lists outside what a build makes (a README.md beside the site) is never removed.
    """
    folder, _slash, base = name.rpartition("/")
    suffix = base.rpartition(".")[2]
    made = [made.rpartition("/") for made in files]
    if folder:
        top = folder.partition("/")[0]
        return any(each.partition("/")[0] == top for each, _, _ in made if each) and any(
            made_base.rpartition(".")[2] == suffix for _, _, made_base in made
        )
    return any(not each and made_base.rpartition(".")[2] == suffix for each, _, made_base in made)


def _folders(out: Path, folder: Path) -> None:
    """Create the folders between ``out`` and ``folder``, refusing any that is a link or not a folder."""
    for step in reversed([folder, *folder.parents]):
        if step == out or out not in step.parents:
            continue
        try:
            mode = os.lstat(step).st_mode
        except FileNotFoundError:
            step.mkdir()
            continue
        if not stat.S_ISDIR(mode):
            raise UsageError(_("{out} is not a folder").format(out=step), _("remove it and build again"))


def _same(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a regular file holding exactly ``data`` (never read through a link)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
        return False
    return path.read_bytes() == data


def _remove(out: Path, name: str) -> None:
    """Remove a file the last build wrote and this one does not, if it is still a regular file in a real folder."""
    path = out / name
    for step in path.parents:
        if step == out:
            break
        if step.is_symlink() or not step.is_dir():
            return
    try:
        if stat.S_ISREG(os.lstat(path).st_mode):
            path.unlink()
    except FileNotFoundError:
        return
    except OSError as error:
        raise _cannot(_("cannot remove {path}: {reason}"), path, error) from None


def _cannot(message: str, path: Path, error: OSError) -> InputError:
    return InputError(message.format(path=path, reason=error.strerror or error), _("check the folder's permissions"))
