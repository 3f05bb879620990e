"""Check roadmap files: YAML, schema and rules, every problem at its line.

``check_files`` is what ``twins validate`` runs and what every query runs
before it trusts the data: one pipeline, so a query never sees a roadmap that
validate would reject.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from twins_cli.locate import PROGRAMME_FILE, programme_file_for
from twins_cli.problems import Problem
from twins_cli.rules import Context, check_roadmap
from twins_cli.schema import schema_problems
from twins_cli.vocabulary import TermSet, Vocabulary
from twins_cli.yamlload import Document, load_document


@dataclass
class CheckedFiles:
    """The documents read, the problems found in them, and what they hold."""

    programmes: dict[Path, Document] = field(default_factory=dict)
    roadmaps: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no file has any problem."""
        return not self.problems

    @property
    def files(self) -> list[str]:
        """Names of every file read, programme files first."""
        return [doc.file for doc in self.programmes.values()] + [doc.file for doc in self.roadmaps]

    @property
    def proposal_count(self) -> int:
        """Proposals in the roadmaps that could be read."""
        return sum(
            len(doc.data.get("proposals") or [])
            for doc in self.roadmaps
            if isinstance(doc.data, dict) and isinstance(doc.data.get("proposals"), list)
        )

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
        return []
    problems = schema_problems(doc, "programme")
    if not problems:
        vocabulary = Vocabulary.from_data(doc.data["vocabulary"])
        for terms in (vocabulary.themes, vocabulary.types):
            problems += [doc.problem(("vocabulary",), clash) for clash in _terms_clash(terms)]
    return problems


def _programme_context(doc: Document, problems: list[Problem]) -> tuple[Vocabulary | None, str | None]:
    """The vocabulary and programme id, when the programme file itself is valid."""
    if problems or not doc.readable:
        return None, None
    return Vocabulary.from_data(doc.data["vocabulary"]), doc.data["programme"]["id"]


def check_files(roadmap_paths: Sequence[Path]) -> CheckedFiles:
    """Read and check each roadmap, with the programme file that governs it."""
    checked = CheckedFiles()
    contexts: dict[Path, tuple[Vocabulary | None, str | None]] = {}
    for path in dict.fromkeys(roadmap_paths):
        programme_path = path if path.name == PROGRAMME_FILE else programme_file_for(path.parent)
        if programme_path not in checked.programmes:
            programme_doc = load_document(programme_path)
            programme_problems = programme_doc.problems + _check_programme(programme_doc)
            checked.programmes[programme_path] = programme_doc
            checked.problems += programme_problems
            contexts[programme_path] = _programme_context(programme_doc, programme_problems)
        if path == programme_path:
            continue
        doc = load_document(path)
        checked.roadmaps.append(doc)
        checked.problems += doc.problems
        if doc.readable:
            vocabulary, programme_id = contexts[programme_path]
            checked.problems += schema_problems(doc, "roadmap")
            checked.problems += check_roadmap(Context(doc, path.stem, vocabulary, programme_id))
    checked.problems.sort(key=lambda problem: (checked.files.index(problem.file), problem.line, problem.column))
    return checked
