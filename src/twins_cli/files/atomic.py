"""Files written atomically and never clobbered by accident.

A file saved with ``--output`` is written to a temporary file in the same
folder and then moved into place in one step, so a reader (a calendar
subscribed to the file, a script) never sees half a file, and a failure leaves
the old file as it was and no temporary file behind. Without ``--force`` an
existing file is never replaced: the move is a hard link, which the operating
system refuses to make over an existing name. With it, only a regular file is
replaced, never a device, a pipe, a folder or a symbolic link.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from twins_cli.base.i18n import _
from twins_cli.errors import InputError, UsageError
from twins_cli.files.locate import file_kind

# A hard link cannot be made on this file system (FAT, some network shares): fall back to a checked move.
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS}


def write_atomic(path: Path, data: bytes, *, force: bool = False, durable: bool = True) -> None:
    """Write ``data`` to ``path`` in one step; ``UsageError`` if it exists and not ``force``, ``InputError`` on I/O.

    Only a regular file is ever replaced: a device (``/dev/null``), a named pipe, a socket, a folder or a
    symbolic link (to anything: replacing the link would break it, following it would write elsewhere)
    is refused, even with ``force``. ``durable`` waits until the data is on disk before the file takes
    its name (a cache entry need not).
    """
    folder = path.parent
    _check_target(path, force=force)
    if not folder.is_dir():
        raise InputError(
            _("cannot write {path}: there is no folder {folder}").format(path=path, folder=folder),
            _("create the folder first"),
        )
    try:  # O_EXCL, mode 0600, in the target's folder so that the move is one step; a prefix short enough for any name
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name[:32]}.", suffix=".tmp")
    except OSError as error:
        raise _cannot_write(folder, error) from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            if durable:
                os.fsync(file.fileno())
        temporary.chmod(_mode_for(path))
        _move(temporary, path, force=force)
    except OSError as error:
        raise _cannot_write(path, error) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def check_target(path: Path, *, force: bool) -> None:
    """What ``write_atomic`` would refuse, said before a slow export is made (a PDF a browser prints)."""
    _check_target(path, force=force)


def _check_target(path: Path, *, force: bool) -> None:
    """Refuse a target that is there and is not a regular file, or that is one and ``force`` was not given."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:  # a name too long, a file where a folder should be
        raise _cannot_write(path, error) from None
    kind = file_kind(mode)
    if kind:
        raise UsageError(
            _("{path} is {kind}, not a regular file; not replaced").format(path=path, kind=kind),
            _("give the path of a regular file"),
        )
    if not force:
        raise _exists(path)


def _move(temporary: Path, path: Path, *, force: bool) -> None:
    """Put the finished file at ``path``: replace only with ``force``; otherwise link, which fails if it exists."""
    if force:
        _check_target(path, force=True)  # again: the name may have been taken meanwhile
        temporary.replace(path)
        return
    try:
        path.hardlink_to(temporary)
    except FileExistsError:  # created by someone else since the check above
        raise _exists(path) from None
    except OSError as error:
        if error.errno not in _NO_LINKS:
            raise
        if os.path.lexists(path):
            raise _exists(path) from None
        temporary.replace(path)


def _exists(path: Path) -> UsageError:
    return UsageError(
        _("{path} already exists").format(path=path), _("add --force to replace it, or choose another name")
    )


def _cannot_write(path: Path, error: OSError) -> InputError:
    """One line for an ``OSError`` while writing at ``path``, with what would help."""
    hints = {
        errno.ENAMETOOLONG: _("choose a shorter name"),
        errno.ENOSPC: _("free some space"),
        errno.EROFS: _("choose a folder on a writable disk"),
        errno.ENOTDIR: _("a folder in the path is a file"),
    }
    return InputError(
        _("cannot write {path}: {reason}").format(path=path, reason=error.strerror or error),
        hints.get(error.errno or 0, _("check the folder's permissions and free space")),
    )


def _mode_for(path: Path) -> int:
    """Keep a replaced file's permissions; a new one gets what the umask allows (mkstemp's 0600 would hide it)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


APPEND_LIMIT = 1024 * 1024  # bytes appended at once: what GitHub takes for one step's summary


def append_to(path: Path, data: bytes) -> None:
    """Append ``data`` to the regular file ``path`` (created if missing), never following a symbolic link.

    For files that something else owns and reads after us (``$GITHUB_STEP_SUMMARY``): what is
    there is kept, a device, a pipe or a link is refused, and at most ``APPEND_LIMIT`` bytes are written.
    """
    if len(data) > APPEND_LIMIT:
        raise InputError(
            _("will not append {size} bytes to {path}: more than {limit}").format(
                size=len(data), path=path, limit=APPEND_LIMIT
            ),
            _("check fewer files at a time"),
        )
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags | getattr(os, "O_NOCTTY", 0), 0o666)
    except OSError as error:
        if error.errno == errno.ELOOP:  # O_NOFOLLOW's answer for a link
            raise InputError(_("{path} is a symbolic link").format(path=path), _("name the file itself")) from error
        if error.errno in (errno.ENXIO, errno.EISDIR):  # a named pipe with no reader; a folder
            what = _("a directory") if error.errno == errno.EISDIR else _("a named pipe")
            raise InputError(_not_regular(path, what), _("name a regular file")) from error
        raise _cannot_write(path, error) from error
    try:
        opened = file_kind(os.fstat(descriptor).st_mode)
        if opened:  # a device: opened, but not written to
            raise InputError(_not_regular(path, opened), _("name a regular file"))
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    except OSError as error:
        raise _cannot_write(path, error) from error
    finally:
        os.close(descriptor)


def _not_regular(path: Path, kind: str) -> str:
    return _("{path} is {kind}, not a regular file").format(path=path, kind=kind)
