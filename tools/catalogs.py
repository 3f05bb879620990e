#!/usr/bin/env python3
"""The translation catalogs of twins: extract the marked strings, update the ``.po`` files, compile them.

    python tools/catalogs.py extract   # src/ -> src/twins_cli/locale/twins.pot (the template)
    python tools/catalogs.py update    # extract, then merge the template into every language's twins.po
    python tools/catalogs.py compile   # every twins.po -> its twins.mo (what the package reads)
    python tools/catalogs.py check     # exit 1, listing what is stale, missing or untranslated
    python tools/catalogs.py init CODE # start a new language's twins.po from the template

After marking new strings with ``_``, ``ngettext`` or ``N_``: run ``update``, translate the
entries that have no ``msgstr`` (or are marked ``fuzzy``) in ``locale/ko/LC_MESSAGES/twins.po``,
then ``compile``, and commit the ``.pot``, ``.po`` and ``.mo`` together. ``check`` (and the
tests, tests/base/test_i18n.py) fail until then. Babel (the ``test`` extra) does the work.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "twins_cli"
LOCALE = SOURCE / "locale"
TEMPLATE = LOCALE / "twins.pot"
DOMAIN = "twins"
KEYWORDS: dict[str, Any] = {"_": None, "N_": None, "ngettext": (1, 2)}
COMMENT_TAGS = ("TRANSLATORS:",)
WIDTH = 100


def extract() -> Any:
    """The template: every string marked in the package's Python source, with where it is used."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    template = Catalog(project=DOMAIN, version=None, msgid_bugs_address="", copyright_holder="twins developers")
    found = extract_from_dir(
        str(SOURCE), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=COMMENT_TAGS
    )
    for filename, line, message, comments, context in found:
        where = (f"twins_cli/{Path(filename).as_posix()}", line)
        template.add(message, None, [where], auto_comments=comments, context=context)
    for path in sorted(SOURCE.rglob("*.py")):
        for line, message in in_fstrings(path.read_text(encoding="utf-8")):
            where = (f"twins_cli/{path.relative_to(SOURCE).as_posix()}", line)
            template.add(message, None, [where])
    return template


def in_fstrings(source: str) -> Iterator[tuple[int, str | tuple[str, str]]]:
    """The strings marked inside f-strings (``f"<h2>{_('Downloads')}</h2>"``), with their lines: Babel's
    tokenizer sees such an f-string as one string before Python 3.12, so without this they stay English."""
    import ast

    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.JoinedStr):
            continue
        for call in ast.walk(node):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in KEYWORDS):
                continue
            texts = [arg.value for arg in call.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
            if call.func.id == "ngettext" and len(texts) >= 2:
                yield call.lineno, (texts[0], texts[1])
            elif call.func.id != "ngettext" and texts:
                yield call.lineno, texts[0]


def languages() -> list[str]:
    """The languages with a catalog (a folder under ``locale/``)."""
    return sorted(path.name for path in LOCALE.iterdir() if (path / "LC_MESSAGES").is_dir())


def po_path(code: str) -> Path:
    return LOCALE / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(code: str) -> Path:
    return po_path(code).with_suffix(".mo")


def read_catalog(code: str) -> Any:
    """The translations of ``code`` as its ``.po`` file has them."""
    from babel.messages.pofile import read_po

    with po_path(code).open("rb") as stream:
        return read_po(stream, locale=code, domain=DOMAIN)


def po_bytes(catalog: Any) -> bytes:
    """A catalog as ``.po`` (or ``.pot``) text, sorted by message so that a diff shows only what changed."""
    from babel.messages.pofile import write_po

    stream = io.BytesIO()
    write_po(stream, catalog, width=WIDTH, sort_output=True, ignore_obsolete=True, include_lineno=False)
    return stream.getvalue()


def mo_bytes(catalog: Any) -> bytes:
    """The compiled catalog: translated entries only, never fuzzy ones."""
    from babel.messages.mofile import write_mo

    stream = io.BytesIO()
    write_mo(stream, catalog, use_fuzzy=False)
    return stream.getvalue()


def _stable(text: bytes) -> bytes:
    """``.po`` text without the header lines that change on every run (dates)."""
    return b"\n".join(
        line for line in text.split(b"\n") if not line.startswith((b'"POT-Creation-Date', b'"PO-Revision'))
    )


def update() -> None:
    """Write the template, and merge it into every ``.po``: new strings empty, changed ones fuzzy."""
    template = extract()
    _write_if_changed(TEMPLATE, po_bytes(template))
    for code in languages():
        catalog = read_catalog(code)
        catalog.update(template, update_header_comment=False)
        _write_if_changed(po_path(code), po_bytes(catalog))


def init(code: str) -> None:
    """Start the catalog of a new language, every entry untranslated."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale=code, domain=DOMAIN, project=DOMAIN, copyright_holder="twins developers")
    catalog.update(extract())
    _write_if_changed(po_path(code), po_bytes(catalog))


def compile_all() -> None:
    """Write every language's ``.mo`` from its ``.po``."""
    for code in languages():
        _write_if_changed(mo_path(code), mo_bytes(read_catalog(code)), stable=False)


def _write_if_changed(path: Path, content: bytes, *, stable: bool = True) -> None:
    """Write ``content`` unless the file already says it (dates aside), so reruns leave git clean."""
    same = path.exists() and (
        _stable(path.read_bytes()) == _stable(content) if stable else path.read_bytes() == content
    )
    if not same:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        print(f"wrote {path.relative_to(ROOT)}")


def placeholders(text: str) -> list[str]:
    """The ``{name}`` and ``%s`` placeholders of ``text``, sorted: what a translation must keep."""
    import re

    return sorted(re.findall(r"\{[^{}]*\}|%(?:\([a-z_]+\))?[sdr]", text))


def untranslated(code: str, template: Any) -> Iterator[str]:
    """Each string of ``template`` that ``code``'s ``.po`` lacks, leaves empty, marks fuzzy, or translates
    with other placeholders than the English (``{name}``, ``%s``): what a reader would see in English or broken."""
    catalog = read_catalog(code)
    for message in template:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        found = catalog.get(ids[0], context=message.context)
        where = ", ".join(file for file, _line in message.locations[:2])
        strings = () if found is None else found.string if isinstance(found.string, tuple) else (found.string,)
        if found is None:
            yield f"missing in {code}: {ids[0]!r} ({where})"
        elif found.fuzzy:
            yield f"fuzzy in {code}: {ids[0]!r} ({where})"
        elif not all(strings):
            yield f"untranslated in {code}: {ids[0]!r} ({where})"
        else:
            wanted = placeholders(ids[-1])
            for string in strings:
                if placeholders(string) != wanted:
                    found_here = placeholders(string)
                    yield f"placeholders differ in {code}: {ids[0]!r} has {wanted}, its translation {found_here}"


def stale(code: str) -> Iterator[str]:
    """Whether ``code``'s ``.mo`` is not what its ``.po`` compiles to."""
    if not mo_path(code).exists() or mo_path(code).read_bytes() != mo_bytes(read_catalog(code)):
        yield f"{mo_path(code).relative_to(ROOT)} is not compiled from its .po: run tools/catalogs.py compile"


def problems(code: str) -> Iterator[str]:
    """What is wrong with ``code``'s catalog: a stale template or ``.mo``, missing, untranslated or fuzzy entries."""
    template = extract()
    if not TEMPLATE.exists() or _stable(TEMPLATE.read_bytes()) != _stable(po_bytes(template)):
        yield f"{TEMPLATE.relative_to(ROOT)} is not up to date with the source: run tools/catalogs.py update"
    yield from untranslated(code, template)
    yield from stale(code)


def main(argv: list[str]) -> int:
    command = argv[0] if len(argv) == 1 else ""
    if command == "extract":
        _write_if_changed(TEMPLATE, po_bytes(extract()))
    elif command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        found = [problem for code in languages() for problem in problems(code)]
        print("\n".join(found) or "catalogs: up to date and complete")
        return 1 if found else 0
    elif len(argv) == 2 and argv[0] == "init":
        init(argv[1])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
