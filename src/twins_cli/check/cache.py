"""A cache of validated roadmap data, so that queries skip parsing and checking.

Every query must only read roadmaps that validate, and checking is most of a
query's time. Whenever a roadmap file passes every check (in ``twins
validate`` or in a query), its data is stored under a key made of its *content*
and of what it was checked against: twins's version and code (a fingerprint of
the package's files, so that a changed rule is a new key even in an editable
install), the schemas, the programme file's content. An edited file or an
edited rule makes a new key, so an entry is never stale, and one edited
roadmap out of a thousand is the only one checked again.

The folder can be written by others (a shared folder, a CI cache restored
from another branch), so an entry is trusted no more than a roadmap: it is
read only if it is a regular file of bounded size, carries the digest of its
key and data, holds no escape that could smuggle in a control character, and
its data passes the schema; anything else is a miss, and the file is checked
and the entry written again. Entries are written to a temporary file and
renamed into place, so concurrent runs never read half an entry; a symbolic
link, a folder or anything else that is not a regular file where an entry
goes is left alone (and never followed).

Finding a file's key means reading and hashing it. So that an unchanged
portfolio is not read at all, each folder has an index (``Index``) of the files
that passed: a file whose size, modification and change times (to the
nanosecond) and inode are those recorded has the recorded key, and its summary
(its number of proposals) answers ``twins validate`` without reading it. A
record is trusted only if the file had not changed for ``SETTLED_NS`` when it
was read: an edit within the same tick of a coarse clock would leave every
time as it was (the "racy" case of git's index), so a file changed that
recently is read and hashed again until its record is old enough.

``twins list`` needs a few fields of the proposals, not whole roadmaps: each folder
also has a proposal index (``proposal_index.py``), trusted by the same signs, whose
shards are stored here as text (``store_text``) and read back with the same checks.

Where: the ``twins-cache-v2`` folder in ``$TWINS_CACHE_DIR``, else in
``$XDG_CACHE_HOME/twins``, else in ``~/.cache/twins``; twins deletes only its
own entries there. ``TWINS_NO_CACHE=1`` turns it off. A cache that cannot be
used is ignored, with one warning: it only ever saves time.
"""

import contextlib
import json
import os
import re
import stat
import sys
import time
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from twins_cli import __version__
from twins_cli.base.i18n import _, ngettext
from twins_cli.base.paths import real_path
from twins_cli.base.tuples import NamedTuple
from twins_cli.errors import TwinsError
from twins_cli.files.locate import MAX_FILE_BYTES, read_bytes, schema_file

# CPython's own SHA-256, the same digest: importing hashlib first loads OpenSSL, ~1.7 ms of every query's start.
if TYPE_CHECKING:
    from hashlib import sha256
else:
    try:
        from _sha256 import sha256  # Python 3.10 and 3.11
    except ImportError:
        try:
            from _sha2 import sha256  # Python 3.12 and later
        except ImportError:  # a Python built without them
            from hashlib import sha256

KEEP_ENTRIES = 4096  # the newest entries kept when old ones are pruned
SUBFOLDER = "twins-cache-v2"  # everything twins writes is in here; the format's version is in its name
MAX_ENTRY_BYTES = 4 * MAX_FILE_BYTES  # data larger than this is not cached, and an entry larger is not read
# A file changed less than this before it was read may change again with the same times (coarse clocks: FAT
# keeps 2 s), so its record is not trusted; read and hashed again, it is recorded anew, then trusted.
SETTLED_NS = 2_000_000_000
_HEX_DIGITS = "0123456789abcdef"  # of a key: a SHA-256 in lowercase hexadecimal
# Names of the files twins writes, compiled on first use (``re`` keeps them): only pruning and clearing need them.
_ENTRY = r"[0-9a-f]{64}\.json\Z"
_TEMPORARY = r"\.[0-9a-f]{64}\.(json|index)\.[A-Za-z0-9_]+\.tmp\Z"  # write_atomic's, left by a crash
_OWN = rf"[0-9a-f]{{64}}\.(json|index)\Z|{_TEMPORARY}"  # entries, indexes, temporary files: all twins writes
_STALE_TEMPORARY_SECONDS = 3600
_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # twins_cli/
# Checked data holds no control character but tab and newline (rules.check_control_characters); as JSON
# written by ``store`` it then has no escape but these, and no raw DEL or C1 character.
_ESCAPED = (b'"', b"/", b"n", b"t")  # what may follow a backslash, once escaped backslashes are taken out
# U+0080 to U+009F are \xc2 and one of these in UTF-8 (where \xc2 only ever starts a character).
_C1_SECOND_BYTES = frozenset(bytes([byte]) for byte in range(0x80, 0xA0))
_BYTES_BEFORE_OPENSSL = 1_000_000  # sealed with CPython's SHA-256 before loading OpenSSL's, 4× faster

# Per run: the entries folder of a cache location, None once it proved unusable (which is said once, then).
_folders: dict[Path, Path | None] = {}


class CacheInfo(NamedTuple):
    """What ``twins cache info`` shows: where entries go, and how many there are."""

    folder: Path | None  # None: turned off, or no folder can be found
    entries: int = 0
    size: int = 0  # bytes

    def summary(self, cleared: bool = False) -> str:
        """One line for a person: where the cache is and what it holds (or held, once ``cleared``)."""
        if self.folder is None:
            return _("the cache is off: TWINS_NO_CACHE is set, or there is no home folder to keep it in") + "\n"
        count = ngettext("{count} entry, {size} bytes", "{count} entries, {size} bytes", self.entries).format(
            count=self.entries, size=f"{self.size:,}"
        )
        if cleared:
            return _("deleted {what} from {folder}").format(what=count, folder=self.folder) + "\n"
        return f"{self.folder}: {count}\n"


def location() -> Path | None:
    """Where entries go (the folder may not exist yet), or None when caching is off or has no home."""
    if os.environ.get("TWINS_NO_CACHE"):
        return None
    if os.environ.get("TWINS_CACHE_DIR"):
        return Path(os.environ["TWINS_CACHE_DIR"], SUBFOLDER)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if Path(xdg).is_absolute():  # the XDG specification says to ignore a relative path
        return Path(xdg, "twins", SUBFOLDER)
    if not os.environ.get("HOME") and os.name != "nt":
        return None  # no home: no cache, rather than one in whatever folder "~" turns out to be
    try:
        return Path.home() / ".cache" / "twins" / SUBFOLDER
    except RuntimeError:  # no home directory can be determined
        return None


def cache_dir() -> Path | None:
    """The entries folder, created if need be, or None when caching is off or the folder cannot be used."""
    folder = location()
    if folder is None:
        return None
    if folder not in _folders:
        _folders[folder] = _prepare(folder)
    return _folders[folder]


def _prepare(folder: Path) -> Path | None:
    """``folder`` once it is a real folder that twins can read and write, else None (and one warning)."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        is_folder = stat.S_ISDIR(folder.lstat().st_mode)  # not a link to one: twins made it
    except (FileExistsError, NotADirectoryError):
        is_folder = False
    except OSError as error:
        _warn(folder, error.strerror or str(error))
        return None
    if not is_folder:
        _warn(folder, _("something that is not a folder is in the way"))
        return None
    if not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
        _warn(folder, _("permission denied"))
        return None
    return folder


_deferred: list[tuple[Path, str]] | None = None  # in a worker process: what it would have said, for its parent


def defer_warnings() -> None:
    """In a worker process: keep the warnings for the parent to say (``deferred``), so that each is said once."""
    global _deferred
    _deferred = []


def deferred() -> tuple[tuple[Path, str], ...]:
    """The warnings kept since last asked, as (folder, reason): the worker sends them with its result."""
    if not _deferred:
        return ()
    kept = tuple(_deferred)
    _deferred.clear()
    return kept


def heard(folder: Path, reason: str) -> None:
    """A worker could not use ``folder``: say so, once, and go without it for the rest of the run, as a worker did."""
    if _folders.get(folder) is not None or folder not in _folders:
        _warn(folder, reason)
    _folders[folder] = None


def _warn(folder: Path, reason: str) -> None:
    """One line on stderr (the folder is then not tried again this run): the cache only saves time."""
    if _deferred is not None:
        _deferred.append((folder, reason))
        return
    said = _("warning: cannot use the cache folder {folder} ({reason}); working without it").format(
        folder=folder, reason=reason
    )
    sys.stderr.write(f"twins: {said} — " + _("set TWINS_CACHE_DIR to a folder of yours, or TWINS_NO_CACHE=1") + "\n")


@cache
def code_fingerprint() -> str:
    """What identifies twins's code: its version and each package file's name, size and modification time.

    A changed rule or schema is a new fingerprint, in a source checkout (an editable
    install) as in a reinstalled wheel, for the price of a few dozen ``stat`` calls
    (made on ``os.scandir``'s entries: building a ``Path`` for each file cost more than the calls).
    """
    digest = sha256(f"{__version__}\0{SUBFOLDER}".encode())
    for line in _code_files(str(_PACKAGE_DIR), ""):
        digest.update(line.encode())
    return digest.hexdigest()


def _code_files(folder: str, relative: str) -> Iterator[str]:
    """Each code file under ``folder`` (named ``relative`` in the package) with its size and time, in name order."""
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if entry.name != "__pycache__" and not entry.name.startswith("."):
                yield from _code_files(entry.path, f"{relative}{entry.name}{os.sep}")
        elif entry.name.endswith((".py", ".json")):
            status = entry.stat()
            yield f"\0{relative}{entry.name}\0{status.st_size}\0{status.st_mtime_ns}"


def digest(seed: str, path: Path, content: bytes) -> str:
    """A key under ``seed`` for ``content`` as read from ``path`` (a file, or a folder's index and its name)."""
    hashed = sha256(seed.encode())
    # A file name need not be UTF-8 (bytes Python keeps as surrogates): it is hashed as the bytes it is.
    hashed.update(f"\0{real_path(path)}\0{len(content)}\0".encode("utf-8", "surrogateescape"))
    hashed.update(content)
    return hashed.hexdigest()


def governing_key(programme: Path) -> str:
    """The key of what roadmaps are checked against: twins's code, the schemas, the programme file.

    It is also the key under which the programme file's own data is stored.
    """
    key = code_fingerprint()
    for path in (schema_file("roadmap"), schema_file("programme"), programme):
        key = digest(key, path, read_bytes(path))
    return key


def roadmap_key(governing: str, path: Path, content: bytes | None = None) -> str:
    """The key of one roadmap file's data: its path and content, under ``governing``."""
    return digest(governing, path, read_bytes(path) if content is None else content)


def _seal(key: str, body: bytes) -> str:
    """The digest an entry starts with: it ties the data to its key, so a damaged or moved entry is not read."""
    content = key.encode() + b"\n" + body
    digest: str = _sealing_hash(len(content))(content).hexdigest()
    return digest


_sealed = 0  # bytes sealed or unsealed in this run


def _sealing_hash(size: int) -> Any:
    """SHA-256, from OpenSSL once this run has sealed a megabyte: the same digest, faster, for a 1.7 ms import."""
    global _sealed
    _sealed += size
    if _sealed <= _BYTES_BEFORE_OPENSSL:
        return sha256
    import hashlib

    return hashlib.sha256


def is_key(text: object) -> bool:
    """Whether ``text`` has a key's shape: 64 lowercase hexadecimal digits (no pattern: none to compile)."""
    return isinstance(text, str) and len(text) == 64 and not text.strip(_HEX_DIGITS)


def _entry_path(folder: Path, key: str, suffix: str = ".json") -> Path:
    name = f"{key}{suffix}"
    if not (is_key(key) and suffix in (".json", ".index")):
        raise ValueError(f"not a cache key: {key!r}")
    return folder / name


def _read_regular(path: Path) -> bytes | None:
    """The bytes of ``path`` if it is a regular file (not followed if a link) of at most ``MAX_ENTRY_BYTES``."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)  # a named pipe opens at once; a link fails (ELOOP)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_ENTRY_BYTES:
            return None
        content = handle.read(MAX_ENTRY_BYTES + 1)
    return content if len(content) <= MAX_ENTRY_BYTES else None


def load(key: str, schema: str) -> Any:
    """The data stored under ``key`` if it passes the schema ``schema`` (``roadmap`` or ``programme``), else None.

    Whatever is found is checked as if written by a stranger; anything odd is a miss, never an error.
    """
    from twins_cli.check.schema import fast_valid

    data = load_sealed(key, ".json")
    return data if data is not None and fast_valid(data, schema) else None


def unsafe_json(body: bytes) -> bool:
    """Whether UTF-8 JSON text ``body`` holds an escape but ``\\" \\\\ \\/ \\n \\t``, or a raw DEL or C1 character.

    Looked for in the bytes as read, with ``in``, ``split`` and ``find`` (no pattern to compile): over the
    built-in roadmaps this took 0.8 ms as a regular expression over the decoded text (not ASCII), 0.1 ms now.
    """
    if b"\\" in body and any(after[:1] not in _ESCAPED for after in body.replace(b"\\\\", b"").split(b"\\")[1:]):
        return True
    if b"\x7f" in body:
        return True
    lead = body.find(b"\xc2")
    while lead >= 0:
        if body[lead + 1 : lead + 2] in _C1_SECOND_BYTES:
            return True
        lead = body.find(b"\xc2", lead + 1)
    return False


def load_sealed(key: str, suffix: str) -> Any:
    """The JSON stored under ``key`` if its seal and characters are right (its shape is the caller's to check)."""
    body = load_sealed_text(key, suffix)
    if body is None:
        return None
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None


def load_sealed_text(key: str, suffix: str) -> str | None:
    """The text stored under ``key`` if its seal is right and it holds no escape or character JSON must not smuggle."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        content = _read_regular(_entry_path(folder, key, suffix))
        if content is None:
            return None
        seal, _, body = content.partition(b"\n")
        if unsafe_json(body) or seal != _seal(key, body).encode():
            return None
        return body.decode("utf-8")
    except (OSError, ValueError):
        return None


def store(key: str, entry: Any, suffix: str = ".json") -> bool:
    """Store checked data under ``key`` atomically; False (and nothing else) when it cannot be.

    An entry already there is kept if it holds the same bytes, replaced if it is a
    regular file that does not (damaged, or written by someone else), and left
    alone if it is anything else (a link, a folder, a named pipe).
    """
    try:
        body = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    except (ValueError, TypeError, RecursionError):
        return False
    return store_text(key, body, suffix)


def store_text(key: str, body: str, suffix: str) -> bool:
    """``store`` of text made of JSON (one document, or one per line), as ``load_sealed_text`` reads it back."""
    folder = cache_dir()
    if folder is None:
        return False
    path = _entry_path(folder, key, suffix)
    try:
        data = body.encode()
    except UnicodeEncodeError:  # a lone surrogate cannot be written as UTF-8
        return False
    content = f"{_seal(key, data)}\n".encode() + data
    if len(content) > MAX_ENTRY_BYTES:
        return False
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return False
        if _read_regular(path) == content:
            return True
    except FileNotFoundError:
        pass
    except OSError:
        return False
    from twins_cli.files.atomic import write_atomic

    try:
        write_atomic(path, content, force=True, durable=False)
    except (OSError, TwinsError) as error:
        _warn(folder, error.message if isinstance(error, TwinsError) else error.strerror or str(error))
        _folders[folder] = None  # the rest of the run goes without
        return False
    return True


class Known(NamedTuple):
    """What the index knows of a file that passed its checks: the key of its content, and its number of proposals."""

    key: str
    proposals: int


def file_signs(path: Path) -> list[int] | None:
    """The cheap signs of a file's content, taken before reading it; None if it is not a regular file.

    Its size, modification and change times, inode, and the time they were taken: an edit changes one of the
    first four (a rename over it, the inode; setting its time back, the change time), unless it comes in the same
    tick of a coarse clock, which the last one tells (see ``SETTLED_NS``).
    """
    now = time.time_ns()
    try:
        status = path.stat()
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    return [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, now]


class Index:
    """The files of one folder that passed their checks under one governing key: each one's signs, key and summary.

    A record is ``[size, mtime_ns, ctime_ns, inode, taken_ns, key, proposals]``, found by the file's name (never
    made into a path). The index is an entry like the others: sealed, checked before use, ignored when odd.
    """

    def __init__(self, governing: str, folder: Path) -> None:
        self._key = digest(governing, folder, b"index")
        found = load_sealed(self._key, ".index")
        self._records: dict[str, list[Any]] = found if _is_index(found) else {}
        self._changed = False

    def known(self, path: Path, signs: list[int] | None) -> Known | None:
        """What is known of ``path`` if its signs are those recorded, and were taken once it had settled."""
        record = self._records.get(path.name)
        if record is None or signs is None or record[:4] != signs[:4]:
            return None
        if max(record[1], record[2]) + SETTLED_NS > record[4]:  # changed just before it was read: read it again
            return None
        return Known(record[5], record[6])

    def remember(self, path: Path, signs: list[int], key: str, proposals: int) -> None:
        """Record that ``path``, read with these signs, had the content of ``key`` and passed its checks."""
        record = [*signs, key, proposals]
        if self._records.get(path.name) != record:
            self._records[path.name] = record
            self._changed = True

    def save(self, names: Sequence[str] | None = None) -> None:
        """Store the index if it changed; ``names``: every file the folder holds (the others' records are dropped)."""
        if names is not None:
            kept = set(names)
            for gone in [name for name in self._records if name not in kept]:
                del self._records[gone]
                self._changed = True
        if self._changed:
            store(self._key, self._records, ".index")
            self._changed = False


def index_for(indexes: dict[tuple[str, Path], Index], governing: str, path: Path) -> Index:
    """The index of ``path``'s folder under ``governing``, read once a run into ``indexes``."""
    found = indexes.get((governing, path.parent))
    if found is None:
        found = indexes[governing, path.parent] = Index(governing, path.parent)
    return found


def _is_index(found: Any) -> bool:
    """Whether ``found`` has an index's shape: name → ``[five counts, key, count]``."""
    return isinstance(found, dict) and all(
        isinstance(record, list)
        and len(record) == 7
        and all(type(number) is int and number >= 0 for number in (*record[:5], record[6]))
        and is_key(record[5])
        for record in found.values()
    )


def _own_files(folder: Path) -> list[os.DirEntry[str]]:
    """The entries and leftover temporary files that twins wrote in ``folder``: nothing else is ever deleted."""
    try:
        if not stat.S_ISDIR(folder.lstat().st_mode):
            return []
        with os.scandir(folder) as found:
            return [item for item in found if re.match(_OWN, item.name)]
    except OSError:
        return []


def prune(in_use: int = 0) -> None:
    """Delete old entries, and temporary files left by a crash; failures are ignored.

    The newest ``KEEP_ENTRIES`` are kept, or twice the ``in_use`` of this run if more: a portfolio larger
    than the cache would otherwise be checked again on every run.
    """
    folder = cache_dir()
    if folder is None:
        return
    keep = max(KEEP_ENTRIES, 2 * in_use)
    own = _own_files(folder)
    if len(own) <= keep and not any(re.match(_TEMPORARY, item.name) for item in own):
        return
    aged: list[tuple[float, os.DirEntry[str]]] = []
    for item in own:
        with contextlib.suppress(OSError):
            aged.append((item.stat(follow_symlinks=False).st_mtime, item))
    aged.sort(key=lambda pair: pair[0], reverse=True)
    entries = [item for _, item in aged if not re.match(_TEMPORARY, item.name)]
    stale_before = time.time() - _STALE_TEMPORARY_SECONDS
    stale = [item for modified, item in aged if re.match(_TEMPORARY, item.name) and modified < stale_before]
    for item in entries[keep:] + stale:
        with contextlib.suppress(OSError):
            Path(item.path).unlink()


def info() -> CacheInfo:
    """Where the cache is and what it holds; creates nothing."""
    folder = location()
    if folder is None:
        return CacheInfo(None)
    sizes = []
    for item in _own_files(folder):
        with contextlib.suppress(OSError):
            if re.match(_ENTRY, item.name) and item.is_file(follow_symlinks=False):
                sizes.append(item.stat(follow_symlinks=False).st_size)
    return CacheInfo(folder, len(sizes), sum(sizes))


def clear() -> CacheInfo:
    """Delete every entry twins wrote, and its folder if nothing else is in it; the count and size deleted."""
    found = info()
    if found.folder is None:
        return found
    for item in _own_files(found.folder):
        with contextlib.suppress(OSError):
            Path(item.path).unlink()
    with contextlib.suppress(OSError):
        found.folder.rmdir()  # fails, as it should, if anyone else's file is in it
    _folders.pop(found.folder, None)  # a later store in this run makes the folder again
    return found
