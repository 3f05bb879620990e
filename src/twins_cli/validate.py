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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from twins_cli import cache
from twins_cli.bulk import collector_paused
from twins_cli.locate import PROGRAMME_FILE, programme_file_for, read_bytes
from twins_cli.problems import Problem, display_name
from twins_cli.rules import Context, check_roadmap
from twins_cli.schema import schema_problems
from twins_cli.vocabulary import TermSet, Vocabulary
from twins_cli.yamlload import Document, load_document, parse_document

PARALLEL_FROM = 48  # files; below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class CheckedRoadmap:
    """What is kept of one checked roadmap file."""

    file: str
    proposals: int
    problems: tuple[Problem, ...]
    data: Any = None  # the data itself, only when asked for (queries need it, validate does not)


@dataclass
class CheckedFiles:
    """The files read, the problems found in them, and what they hold."""

    programmes: dict[Path, Document] = field(default_factory=dict)
    roadmaps: list[CheckedRoadmap] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no file has any problem."""
        return not self.problems

    @property
    def files(self) -> list[str]:
        """Names of every file read, programme files first."""
        return [doc.file for doc in self.programmes.values()] + [roadmap.file for roadmap in self.roadmaps]

    @property
    def proposal_count(self) -> int:
        """Proposals in the roadmaps that could be read."""
        return sum(roadmap.proposals for roadmap in self.roadmaps)

    def summary(self) -> str:
        """``4 roadmaps, 14 proposals: valid`` or ``3 errors in 1 file``."""
        if self.ok:
            roadmaps = len(self.roadmaps)
            return (
                f"{roadmaps} roadmap{'s' * (roadmaps != 1)}, "
                f"{self.proposal_count} proposal{'s' * (self.proposal_count != 1)}: valid"
            )
        errors, files = len(self.problems), len({problem.file for problem in self.problems})
        return f"{errors} error{'s' * (errors != 1)} in {files} file{'s' * (files != 1)}"


def _terms_clash(terms: TermSet) -> Iterator[str]:
    """Names (slug, label or alias) that two terms of one kind share: they would be ambiguous."""
    owner: dict[str, str] = {}
    for term in terms.terms:
        for name in {known.casefold() for known in term.names()}:
            if name in owner and owner[name] != term.slug:
                yield f"{terms.kind} name {name!r} belongs to both {owner[name]!r} and {term.slug!r}"
            owner.setdefault(name, term.slug)


def _check_programme(doc: Document) -> list[Problem]:
    if not doc.readable:
        return list(doc.problems)
    problems = doc.problems + schema_problems(doc, "programme")
    if not problems:
        vocabulary = Vocabulary.from_data(doc.data["vocabulary"])
        for terms in (vocabulary.themes, vocabulary.types):
            problems += [doc.problem(("vocabulary",), clash) for clash in _terms_clash(terms)]
    return problems


@dataclass(frozen=True)
class _Governance:
    """What a roadmap is checked against: its programme's vocabulary and id (None if invalid)."""

    vocabulary: Vocabulary | None
    programme_id: str | None
    cache_key: str | None = None  # cache.governing_key, when valid data is to be cached


def check_roadmap_file(path: Path, governance: _Governance, keep_data: bool = False) -> CheckedRoadmap:
    """Read and check one roadmap file; cache its data when it passes (see ``cache.py``)."""
    raw = read_bytes(path)
    doc = parse_document(raw, display_name(path))
    problems = list(doc.problems)
    proposals = 0
    if doc.readable:
        problems += schema_problems(doc, "roadmap")
        problems += check_roadmap(Context(doc, path.stem, governance.vocabulary, governance.programme_id))
        if isinstance(doc.data, dict) and isinstance(doc.data.get("proposals"), list):
            proposals = len(doc.data["proposals"])
    problems.sort(key=lambda problem: (problem.line, problem.column))
    if not problems and governance.cache_key:
        cache.store(cache.roadmap_key(governance.cache_key, path, raw), doc.data)
    return CheckedRoadmap(doc.file, proposals, tuple(problems), doc.data if keep_data else None)


def _check_in_worker(job: tuple[Path, _Governance, bool]) -> CheckedRoadmap:
    with collector_paused():
        return check_roadmap_file(*job)


def check_files(roadmap_paths: Sequence[Path], *, keep_data: bool = False) -> CheckedFiles:
    """Read and check each roadmap, with the programme file that governs it."""
    checked = CheckedFiles()
    governance: dict[Path, _Governance] = {}
    jobs: list[tuple[Path, _Governance, bool]] = []
    for path in dict.fromkeys(roadmap_paths):
        programme_path = (path if path.name == PROGRAMME_FILE else programme_file_for(path.parent)).resolve()
        if programme_path not in checked.programmes:
            doc = load_document(programme_path)
            problems = _check_programme(doc)
            checked.programmes[programme_path] = doc
            checked.problems += problems
            valid = doc.readable and not problems
            cache_key = cache.governing_key(programme_path) if valid and cache.cache_dir() else None
            if cache_key:
                cache.store(cache_key, doc.data)
            governance[programme_path] = _Governance(
                Vocabulary.from_data(doc.data["vocabulary"]) if valid else None,
                doc.data["programme"]["id"] if valid else None,
                cache_key,
            )
        if path.resolve() != programme_path:
            jobs.append((path, governance[programme_path], keep_data))
    checked.roadmaps = _run(jobs)
    for roadmap in checked.roadmaps:
        checked.problems += roadmap.problems
    if any(governing.cache_key for governing in governance.values()):
        cache.prune()
    return checked


def _run(jobs: list[tuple[Path, _Governance, bool]]) -> list[CheckedRoadmap]:
    """Check the files in order, over several processes when there are many.

    Ctrl-C reaches every process of the terminal's process group, and a worker
    interrupted while it holds the pool's queue lock leaves the others waiting for
    ever (and prints a traceback). So the workers never take it, as they inherit
    that from the moment they are started, and the main process alone stops: it
    drops the files not yet handed out and waits only for those being checked.
    """
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_FROM or workers < 2:
        return [_check_in_worker(job) for job in jobs]
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        with ctrl_c_held():
            results = pool.map(_check_in_worker, jobs, chunksize=16)  # starts the workers and hands out every job
        return list(results)
    finally:
        pool.shutdown(cancel_futures=True)


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
