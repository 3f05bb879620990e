"""Check roadmap files: YAML, schema and rules, every problem at its line.

``check_files`` is what ``twins validate`` runs and what every query runs
before it trusts the data: one pipeline, so a query never sees a roadmap that
validate would reject. Files are checked one at a time and only their
problems (and, for queries, their data) are kept, so memory stays flat however
many roadmaps there are; many files are shared out over the machine's cores.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from twins_cli.base.collector import collector_paused
from twins_cli.base.i18n import _, language, ngettext, use_language
from twins_cli.base.paths import display_name, real_path
from twins_cli.base.text import one_line
from twins_cli.base.vocabulary import TermSet, Vocabulary, word
from twins_cli.check import cache
from twins_cli.check.proposal_index import brief_summary
from twins_cli.check.schema import schema_problems
from twins_cli.codes import SHOW_ALL, CodeFilter
from twins_cli.files.git import Blob
from twins_cli.files.locate import MAX_FILE_BYTES, PROGRAMME_FILE, builtin_dir, programme_file_for, read_bytes
from twins_cli.problems import Problem, first_problems

STDIN_NAME = "<stdin>"

if TYPE_CHECKING:
    from concurrent.futures.process import ProcessPoolExecutor

    from twins_cli.parse.yaml_document import YamlDocument

PARALLEL_FROM = 48  # files; below this, starting worker processes costs more than it saves
MAX_WORKERS = 8  # beyond this, the main process (reading results in order) is the bottleneck


class CheckedProgramme:
    """A programme file that passed its checks under the same code before: its name and data, from the cache.

    What is read of a checked ``YamlDocument``; a plain class, as this module's annotations are text.
    """

    __slots__ = ("data", "file")

    def __init__(self, file: str, data: Any) -> None:
        self.file = file
        self.data = data


@dataclass(frozen=True)
class CheckedRoadmap:
    """What is kept of one checked roadmap file."""

    file: str
    proposals: int
    problems: tuple[Problem, ...]  # the first ``MAX_PROBLEMS_PER_FILE``, in reading order
    data: Any = None  # the data itself, only when asked for (queries need it, validate does not)
    more_problems: int = 0  # found past those, counted but not kept
    ignored: int = 0  # found, but of codes not asked for (validate --ignore/--select): counted, not kept
    stored: tuple[str, list[int]] | None = None  # its cache key and the file's signs, when its data was cached
    brief: list[Any] | None = None  # its proposals in brief (proposal_index.brief_summary), when asked for
    cache_warnings: tuple[tuple[Path, str], ...] = ()  # a worker's cache folder that failed, for its parent to say

    @property
    def valid(self) -> bool:
        """True when no problem at all was found, ignored ones included: only then is its data trusted."""
        return not self.problems and not self.ignored

    @property
    def problem_count(self) -> int:
        """Every problem found, the ones not kept included."""
        return len(self.problems) + self.more_problems


@dataclass
class CheckedFiles:
    """The files read, the problems found in them, and what they hold."""

    programmes: dict[Path, YamlDocument | CheckedProgramme] = field(default_factory=dict)
    roadmaps: list[CheckedRoadmap] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    more_problems: dict[str, int] = field(default_factory=dict)  # file: problems past the first ones, not kept
    ignored: int = 0  # problems of codes not asked for (validate --ignore/--select), in every file

    def add(self, file: str, problems: Sequence[Problem], more: int, ignored: int = 0) -> None:
        """Keep a file's first problems, and count the ones past them and the ones ignored."""
        self.problems += problems
        if more:
            self.more_problems[file] = more
        self.ignored += ignored

    source: str = ""  # what was read, for the summary: a folder, a file, <stdin>

    @property
    def ok(self) -> bool:
        """True when no file has any problem, but those ignored (the exit code of validate)."""
        return not self.problems

    @property
    def problem_count(self) -> int:
        """Every problem found, the ones not kept included."""
        return len(self.problems) + sum(self.more_problems.values())

    @property
    def files(self) -> list[str]:
        """Names of every file read, programme files first."""
        return [doc.file for doc in self.programmes.values()] + [roadmap.file for roadmap in self.roadmaps]

    @property
    def proposal_count(self) -> int:
        """Proposals in the roadmaps that could be read."""
        return sum(roadmap.proposals for roadmap in self.roadmaps)

    def summary(self) -> str:
        """What was read, then the verdict: ``4 roadmaps in roadmaps, 14 proposals: valid`` (or ``3 errors in 1 file``).

        ``in …`` names the folder or file read, when the caller said (``source``); problems
        ignored are counted apart (``2 errors in 1 file, 3 ignored``), never as valid.
        """
        count = len(self.roadmaps)
        if self.source:
            read = ngettext("{count} roadmap in {source}", "{count} roadmaps in {source}", count)
        else:
            read = ngettext("{count} roadmap", "{count} roadmaps", count)
        proposals = ngettext("{count} proposal", "{count} proposals", self.proposal_count)
        read = f"{read.format(count=count, source=self.source)}, {proposals.format(count=self.proposal_count)}"
        ignored = _(", {count} ignored").format(count=self.ignored) if self.ignored else ""
        if self.ok:
            return (
                _("{read}: no problems shown{ignored}").format(read=read, ignored=ignored)
                if ignored
                else _("{read}: valid").format(read=read)
            )
        errors, files = self.problem_count, len({problem.file for problem in self.problems})
        return _("{read}: {errors} in {files}{ignored}").format(
            read=read,
            errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
            files=ngettext("{count} file", "{count} files", files).format(count=files),
            ignored=ignored,
        )


def _terms_clash(terms: TermSet) -> Iterator[str]:
    """Names (slug, label or alias) that two terms of one kind share: they would be ambiguous."""
    owner: dict[str, str] = {}
    for term in terms.terms:
        for name in {known.casefold() for known in term.names()}:
            if name in owner and owner[name] != term.slug:
                yield _("{kind} name {name!r} belongs to both {first!r} and {second!r}").format(
                    kind=word(terms.kind), name=name, first=owner[name], second=term.slug
                )
            owner.setdefault(name, term.slug)


def _check_programme(doc: YamlDocument) -> list[Problem]:
    from twins_cli.check.rules import PROGRAMME_PROSE, text_problems

    if not doc.readable:
        return list(doc.problems)
    problems = doc.problems + schema_problems(doc, "programme") + list(text_problems(doc, PROGRAMME_PROSE))
    problems.sort(key=lambda problem: (problem.line, problem.column))
    if not problems:
        vocabulary = Vocabulary.from_data(doc.data["vocabulary"])
        for terms in (vocabulary.themes, vocabulary.types):
            problems += [doc.problem("T301", ("vocabulary",), clash) for clash in _terms_clash(terms)]
    return problems


@dataclass(frozen=True)
class _Governance:
    """What a roadmap is checked against: its programme's vocabulary and id (None if invalid)."""

    vocabulary: Vocabulary | None
    programme_id: str | None
    cache_key: str | None = None  # cache.governing_key, when valid data is to be cached


# a roadmap, what it is checked against, whether to keep its data, which problems to keep, whether to brief it
_Job = tuple["Path | Blob", _Governance, bool, CodeFilter, bool]


def check_roadmap_file(
    path: Path | Blob,
    governance: _Governance,
    keep_data: bool = False,
    codes: CodeFilter = SHOW_ALL,
    brief: bool = False,
) -> CheckedRoadmap:
    """Read and check one roadmap file; cache its data when it passes (see ``cache.py``).

    ``brief``: a valid roadmap's proposals in brief come back with it, which is all a listing needs: a worker
    sends back a few kilobytes, and nothing need be read back from the cache.
    """
    signs = cache.file_signs(path) if governance.cache_key and isinstance(path, Path) else None  # see cache.Index
    raw = path.data if isinstance(path, Blob) else read_bytes(path)  # first: it reports a link loop in one line
    checked = _check_roadmap_bytes(
        raw, path.name if isinstance(path, Blob) else display_name(path), path.stem, governance, codes
    )
    if checked.valid and governance.cache_key and isinstance(path, Path):
        key = cache.roadmap_key(governance.cache_key, path, raw)
        if cache.store(key, checked.data) and signs is not None:
            checked = replace(checked, stored=(key, signs))
    if brief and checked.valid:
        checked = replace(checked, brief=brief_summary(checked.data))
    return checked if keep_data else replace(checked, data=None)


def check_roadmap_text(raw: bytes, path: Path) -> CheckedFiles:
    """Check ``raw`` as ``twins validate`` would check it saved at ``path``: under that folder's programme file.

    For a file about to be written (an edit): nothing is read from ``path`` itself, and nothing is cached.
    """
    from twins_cli.parse.yaml_document import load_document

    checked = CheckedFiles()
    programme = real_path(programme_file_for(path.parent))
    governance = _governed_by(checked, programme, load_document(programme), cached=False)
    roadmap = _check_roadmap_bytes(raw, display_name(path), path.stem, governance, SHOW_ALL)
    checked.roadmaps.append(replace(roadmap, data=None))
    checked.add(roadmap.file, roadmap.problems, roadmap.more_problems, roadmap.ignored)
    return checked


def _check_roadmap_bytes(
    raw: bytes, name: str, pair_id: str | None, governance: _Governance, codes: CodeFilter
) -> CheckedRoadmap:
    """Check the bytes of a roadmap called ``name``; ``pair_id`` None when no file name gives it (stdin)."""
    from twins_cli.check.rules import RuleContext, check_roadmap
    from twins_cli.parse.yaml_document import parse_document

    doc = parse_document(raw, name)
    problems = list(doc.problems)
    proposals = 0
    if doc.readable:
        if pair_id is None:  # nothing to match the pair id against: it matches itself
            pair = doc.data.get("pair") if isinstance(doc.data, dict) else None
            pair_id = str(pair.get("id")) if isinstance(pair, dict) else ""
        problems += schema_problems(doc, "roadmap")
        problems += check_roadmap(RuleContext(doc, pair_id, governance.vocabulary, governance.programme_id))
        if isinstance(doc.data, dict) and isinstance(doc.data.get("proposals"), list):
            proposals = len(doc.data["proposals"])
    kept = _shown(problems, codes)
    shown, more = first_problems(kept)
    return CheckedRoadmap(doc.file, proposals, shown, doc.data, more, len(problems) - len(kept))


def _shown(problems: list[Problem], codes: CodeFilter) -> list[Problem]:
    """The problems of the codes asked for; the others are only counted, before the first ones are kept."""
    return problems if codes is SHOW_ALL else [problem for problem in problems if codes.shows(problem.code)]


def _check_in_worker(job: _Job) -> CheckedRoadmap:
    with collector_paused():
        checked = check_roadmap_file(*job)
    warnings = cache.deferred()
    return replace(checked, cache_warnings=warnings) if warnings else checked


def _start_worker(language_code: str) -> None:
    """A worker speaks the run's language, and leaves it to the run to say a cache folder failed: once."""
    use_language(language_code)
    cache.defer_warnings()


def check_files(
    roadmap_paths: Sequence[Path], *, keep_data: bool = False, codes: CodeFilter = SHOW_ALL, brief: bool = False
) -> CheckedFiles:
    """Read and check each roadmap, with the programme file that governs it; report the problems ``codes`` shows.

    ``keep_data``: each valid roadmap's data comes back; ``brief``: its proposals in brief (``CheckedRoadmap``).
    """
    checked = CheckedFiles()
    governance: dict[Path, _Governance] = {}
    known: list[CheckedRoadmap | None] = []  # in order: a file the cache index answers for, or None: checked
    jobs: list[_Job] = []
    indexes: dict[tuple[str, Path], cache.Index] = {}
    for path in dict.fromkeys(roadmap_paths):
        # real_path: Path.resolve raises on a symbolic link loop (before 3.13); read_bytes names it in one line
        programme = path if path.name == PROGRAMME_FILE else programme_file_for(path.parent)
        programme_path = real_path(programme)
        if programme_path not in governance:
            governance[programme_path] = _programme_governance(checked, programme_path, codes)
        if real_path(path) == programme_path:
            continue
        governing = governance[programme_path]
        found = None
        if governing.cache_key and not (keep_data or brief):  # validate: a file unchanged since it passed is not read
            found = cache.index_for(indexes, governing.cache_key, path).known(path, cache.file_signs(path))
        if found is None:
            jobs.append((path, governing, keep_data, codes, brief))
        known.append(None if found is None else CheckedRoadmap(display_name(path), found.proposals, ()))
    return _checked_all(checked, jobs, known, indexes)


def _programme_governance(checked: CheckedFiles, path: Path, codes: CodeFilter) -> _Governance:
    """Check the programme file at ``path`` into ``checked``, or take it from the cache if it passed before.

    Its data is cached under the governing key only when it passed every check under the same code and
    schemas: a run whose roadmaps the cache answers for too then reads no YAML at all.
    """
    key = cache.governing_key(path) if cache.cache_dir() else None
    data = cache.load(key, "programme") if key else None
    if data is None:
        from twins_cli.parse.yaml_document import load_document

        return _governed_by(checked, path, load_document(path), cached=True, codes=codes)
    checked.programmes[path] = CheckedProgramme(display_name(path), data)
    return _Governance(Vocabulary.from_data(data["vocabulary"]), data["programme"]["id"], key)


def check_blobs(programme: Blob | None, roadmaps: Sequence[Blob], *, keep_data: bool = False) -> CheckedFiles:
    """Check roadmaps held in memory like ``check_files``, under ``programme`` (None: the built-in one); no cache."""
    from twins_cli.parse.yaml_document import load_document, parse_document

    checked = CheckedFiles()
    if programme is None:
        path = builtin_dir("roadmaps") / PROGRAMME_FILE
        governing = _governed_by(checked, path, load_document(path), cached=False)
    else:
        doc = parse_document(programme.data, programme.name)
        governing = _governed_by(checked, Path(programme.name), doc, cached=False)
    return _checked_all(
        checked, [(blob, governing, keep_data, SHOW_ALL, False) for blob in roadmaps], [None] * len(roadmaps)
    )


def _governed_by(
    checked: CheckedFiles, path: Path, doc: YamlDocument, *, cached: bool, codes: CodeFilter = SHOW_ALL
) -> _Governance:
    """Check the programme file ``doc`` into ``checked``: what the roadmaps it governs are checked against.

    Problems that ``codes`` does not show still make the programme invalid: its vocabulary is then not trusted.
    """
    problems = _check_programme(doc)
    checked.programmes[path] = doc
    kept = _shown(problems, codes)
    checked.add(doc.file, *first_problems(kept), len(problems) - len(kept))
    valid = doc.readable and not problems
    cache_key = cache.governing_key(path) if cached and valid and cache.cache_dir() else None
    if cache_key:
        cache.store(cache_key, doc.data)
    return _Governance(
        Vocabulary.from_data(doc.data["vocabulary"]) if valid else None,
        doc.data["programme"]["id"] if valid else None,
        cache_key,
    )


def _checked_all(
    checked: CheckedFiles,
    jobs: list[_Job],
    known: list[CheckedRoadmap | None],
    indexes: dict[tuple[str, Path], cache.Index] | None = None,
) -> CheckedFiles:
    """Check ``jobs`` into ``checked``, in their places among the files ``known`` answered for; record what passed."""
    ran = _run(jobs)
    for folder, reason in dict.fromkeys(warning for roadmap in ran for warning in roadmap.cache_warnings):
        cache.heard(folder, reason)
    results = iter(ran)
    checked.roadmaps = [next(results) if found is None else found for found in known]
    for roadmap in checked.roadmaps:
        checked.add(roadmap.file, roadmap.problems, roadmap.more_problems, roadmap.ignored)
    stored = [(job, roadmap) for job, roadmap in zip(jobs, ran, strict=True) if roadmap.stored]
    for (path, governing, *_rest), roadmap in stored:
        if indexes is not None and isinstance(path, Path) and governing.cache_key and roadmap.stored:
            key, signs = roadmap.stored
            cache.index_for(indexes, governing.cache_key, path).remember(path, signs, key, roadmap.proposals)
    for index in (indexes or {}).values():
        index.save()
    if stored:
        cache.prune(len(checked.roadmaps))
    return checked


def check_stream(
    stream: BinaryIO, name: str | None, programme_path: Path, codes: CodeFilter = SHOW_ALL
) -> CheckedFiles:
    """Check one roadmap read from ``stream`` (stdin), called ``name`` in messages, against a programme file.

    At most ``MAX_FILE_BYTES`` and one byte are read, so a larger input is refused
    without holding it; without a name, the pair id is not matched to a file name.
    """
    from twins_cli.parse.yaml_document import load_document

    checked = CheckedFiles(source=one_line(name) if name else STDIN_NAME)
    programme = real_path(programme_path)
    governance = _governed_by(checked, programme, load_document(programme), cached=True, codes=codes)
    raw = stream.read(MAX_FILE_BYTES + 1)
    roadmap = _check_roadmap_bytes(raw, checked.source, Path(name).stem if name else None, governance, codes)
    checked.roadmaps.append(replace(roadmap, data=None))
    checked.add(roadmap.file, roadmap.problems, roadmap.more_problems, roadmap.ignored)
    return checked


def _run(jobs: list[_Job]) -> list[CheckedRoadmap]:
    """Check the files in order, over several processes when there are many, else (or if they fail) in this one.

    A machine at its process limit cannot start the workers, and a worker can die (killed for memory): the
    files are then checked here, one after the other, with the same result.
    """
    workers = worker_count(len(jobs))
    if workers >= 2:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return _in_pool(jobs, workers)
        except (OSError, NotImplementedError, BrokenProcessPool):  # no sem_open: NotImplementedError
            pass
    return [_check_in_worker(job) for job in jobs]


def usable_cpus() -> int:
    """The CPUs this process may run on: fewer than the machine's under ``taskset`` or in a limited container."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def worker_count(files: int) -> int:
    """How many processes check ``files`` files: 1 (this one, no pool) for a handful, or with one usable CPU.

    Each worker gets at least ``PARALLEL_FROM // 2`` files, so that starting it pays; at most ``MAX_WORKERS``.
    """
    if files < PARALLEL_FROM:
        return 1
    return max(1, min(usable_cpus(), MAX_WORKERS, files // (PARALLEL_FROM // 2)))


def _in_pool(jobs: list[_Job], workers: int) -> list[CheckedRoadmap]:
    """Check the files over ``workers`` processes.

    Ctrl-C reaches every process of the terminal's process group, and a worker
    interrupted while it holds the pool's queue lock leaves the others waiting for
    ever (and prints a traceback). So the workers never see it, as they inherit that
    from the moment they are started, and the main process alone stops: it drops
    the files not yet handed out and waits only for those being checked; a second
    Ctrl-C stops those too, at once. Workers that could not all start, or broke,
    are stopped before the caller checks the files itself: none is left behind.
    """
    from concurrent.futures.process import BrokenProcessPool, ProcessPoolExecutor

    # The workers say their problems in this run's language, however they are started (fork or spawn).
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(language(),))
    try:
        with ctrl_c_held():
            results = pool.map(_check_in_worker, jobs, chunksize=16)  # starts the workers and hands out every job
        return list(results)
    except (OSError, BrokenProcessPool):
        _stop_workers(pool)
        raise
    finally:
        try:
            pool.shutdown(cancel_futures=True)
        except KeyboardInterrupt:
            _stop_workers(pool)
            raise


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """End the pool's processes now (the pool then sees itself broken and winds down without waiting)."""
    processes = list((pool._processes or {}).values())  # no public way before Python 3.14's terminate_workers
    for process in processes:
        process.kill()
    for process in processes:
        process.join()


@contextmanager
def ctrl_c_held() -> Iterator[None]:
    """Hold SIGINT back meanwhile: processes and threads started meanwhile inherit that, and never take it.

    Where the system can (POSIX), SIGINT is blocked rather than ignored, so that a
    Ctrl-C meanwhile is not lost: the main thread takes it as soon as this ends.
    Elsewhere it is ignored, where Python handles it (the main thread).
    """
    if hasattr(signal, "pthread_sigmask"):
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    elif threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)
    else:
        yield
