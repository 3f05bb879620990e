"""A small document model (headings, paragraphs, lists, tables) written as Markdown or HTML.

The briefing pack says what goes in it once, as blocks; this module owns how
each format writes them. Every string from the data is escaped here, at the one
place it meets the markup: HTML with ``html.escape``, Markdown with ``base.text.md_escape``
(the one Markdown escaper, which ``twins diff`` uses too); control and direction
characters are shown escaped in both, never passed on raw.

HTML is built with the standard library, not a template engine: the page is a
fixed, small structure, ``html.escape`` at one function covers every data
string, and the package gains no dependency. The page is one self-contained
file: inline CSS, system fonts, no scripts and nothing fetched (its content
security policy forbids both, should an escape ever fail), and a print style
for A4 (each part after the first, and each chapter, on a new page; no
backgrounds; table rows never split; page numbers). The PDF is that page
printed by a headless browser (``formats/pdf.py``).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from twins_cli.base.i18n import language
from twins_cli.base.text import md_escape, printable


@dataclass(frozen=True)
class Link:
    """Text that links somewhere (``mailto:`` for e-mail addresses)."""

    text: str
    href: str


Inline = str | Link


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 3  # 1 is the document title, 2 a part's title, 3 a part's section, 4 and 5 below it


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Items:
    """A bulleted list."""

    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Facts:
    """Labelled values: ``Population: 348,005``."""

    items: tuple[tuple[str, Inline], ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True)
class Chapter:
    """A titled group of blocks that starts on a new page when printed (one proposal in detail)."""

    title: str
    blocks: tuple[Block, ...]
    subtitle: str | None = None
    level: int = 4  # its title's heading level; its own headings are below it


Block = Heading | Paragraph | Items | Facts | Table | Chapter


@dataclass(frozen=True)
class Part:
    """A part that starts on a new page when printed, unless it is the first (one city pair)."""

    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ReportDocument:
    """A report (the briefing pack): a title, an introduction (the title block), parts, and a footer.

    Every part after the first starts a new page when printed.
    """

    title: str
    intro: tuple[Block, ...]
    parts: tuple[Part, ...]
    footer: tuple[Block, ...] = ()  # after the last part: what a public page left out (formats/publication.py)


# --- Markdown (GitHub-flavoured) -----------------------------------------------------------------


def _md_inline(value: Inline) -> str:
    if isinstance(value, Link):
        return f"[{md_escape(value.text)}]({value.href.replace(' ', '%20').replace(')', '%29')})"
    return md_escape(value)


def _md_line(value: Inline) -> str:
    """On one line: a list item or table cell cannot hold a line break."""
    return " ".join(_md_inline(value).split())


def _md_block(block: Block) -> str:
    if isinstance(block, Chapter):
        subtitle = [f"*{md_escape(block.subtitle)}*"] if block.subtitle else []
        title = _md_block(Heading(block.title, block.level))
        return "\n\n".join([title, *subtitle, *(_md_block(each) for each in block.blocks)])
    if isinstance(block, Heading):
        return f"{'#' * block.level} {md_escape(block.text)}"
    if isinstance(block, Paragraph):
        return "\n\n".join(md_escape(paragraph) for paragraph in block.text.split("\n") if paragraph.strip())
    if isinstance(block, Items):
        return "\n".join(f"- {_md_line(item)}" for item in block.items)
    if isinstance(block, Facts):
        return "\n".join(f"- **{md_escape(label)}:** {_md_line(value)}" for label, value in block.items)
    header = "| " + " | ".join(_md_line(text) for text in block.headers) + " |"
    rule = "|" + "|".join(" --- " for _ in block.headers) + "|"
    rows = ["| " + " | ".join(_md_line(cell) for cell in row) + " |" for row in block.rows]
    return "\n".join([header, rule, *rows])


def document_markdown(document: ReportDocument) -> str:
    """GitHub-flavoured Markdown: one heading per part, tables with escaped pipes."""
    blocks: list[Block] = [Heading(document.title, 1), *document.intro]
    for part in document.parts:
        blocks += [Heading(part.title, 2), *part.blocks]
    text = "\n\n".join(_md_block(block) for block in blocks) + "\n"
    if document.footer:  # after a thematic break: the footer is no part's
        text += "\n---\n\n" + "\n\n".join(_md_block(block) for block in document.footer) + "\n"
    return text


# --- HTML ----------------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light; }
body { font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, system-ui, -apple-system, "Segoe UI",
  "Noto Sans CJK KR", "Source Han Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", "NanumGothic", sans-serif;
  line-height: 1.45; color: #1b1f24; max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
header { border-top: 6px solid #1f5f8b; padding-top: 0.6rem; }
h1 { font-size: 1.9rem; margin: 0.2rem 0 0.6rem; }
h2 { font-size: 1.5rem; border-bottom: 3px solid #1f5f8b; padding-bottom: 0.2rem; margin-top: 3rem; }
h3 { font-size: 1.15rem; color: #1f5f8b; margin: 1.6rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1.1rem 0 0.4rem; }
h5 { font-size: 0.95rem; margin: 1rem 0 0.3rem; }
section.chapter { border-top: 1px solid #c9d1d9; margin-top: 2rem; }
section.chapter > :first-child { font-size: 1.3rem; color: #1f5f8b; margin-top: 0.8rem; }
p.subtitle { font-style: italic; font-size: 1.05rem; margin-top: -0.3rem; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; font-size: 0.9rem; }
th, td { border: 1px solid #c9d1d9; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
td { overflow-wrap: break-word; }
:lang(ko) { word-break: keep-all; }
th { background: #eef3f7; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0.4rem 0 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
ul { margin: 0.3rem 0 1rem; padding-left: 1.3rem; }
a { color: #1f5f8b; }
@page { size: A4; margin: 18mm 16mm 20mm;
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt "DejaVu Sans", Arial, sans-serif;
    color: #555; } }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; color: #000; }
  * { background: transparent !important; box-shadow: none !important; }
  a { color: inherit; text-decoration: none; }
  section.part + section.part, section.chapter, :is(h3, h4):has(+ section.chapter), section.chapter + h3 {
    break-before: page; page-break-before: always; }
  :is(h3, h4) + section.chapter { break-before: auto; page-break-before: auto; }
  section.chapter { border-top: none; margin-top: 0; }
  h2 { margin-top: 1.5rem; }
  section.part + section.part > h2 { margin-top: 0; }
  h1 { font-size: 20pt; }
  h2 { font-size: 15pt; }
  table { font-size: 8.5pt; }
  h2, h3, h4, h5 { break-after: avoid; page-break-after: avoid; }
  tr, li, dt, dd, p.subtitle, section.chapter table { break-inside: avoid; page-break-inside: avoid; }
  p { orphans: 3; widows: 3; }
  thead { display: table-header-group; }
}
"""


# Nothing but the inline style: no script runs and nothing is fetched, in a browser or when printed.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def _h(text: str) -> str:
    return html.escape(printable(text), quote=True)


def _html_inline(value: Inline) -> str:
    if isinstance(value, Link):  # may wrap after each @ and dot: an address never widens its table past the page
        text = _h(value.text).replace("@", "@<wbr>").replace(".", ".<wbr>")
        return f'<a href="{_h(value.href)}">{text}</a>'
    return _h(value)


def _html_block(block: Block) -> str:
    if isinstance(block, Chapter):
        subtitle = f'<p class="subtitle">{_h(block.subtitle)}</p>\n' if block.subtitle else ""
        title = _html_block(Heading(block.title, block.level))
        return f'<section class="chapter">\n{title}\n{subtitle}{_html_blocks(block.blocks)}\n</section>'
    if isinstance(block, Heading):
        return f"<h{block.level}>{_h(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        return "\n".join(f"<p>{_h(paragraph)}</p>" for paragraph in block.text.split("\n") if paragraph.strip())
    if isinstance(block, Items):
        return "<ul>\n" + "".join(f"<li>{_html_inline(item)}</li>\n" for item in block.items) + "</ul>"
    if isinstance(block, Facts):
        pairs = "".join(f"<dt>{_h(label)}</dt><dd>{_html_inline(value)}</dd>\n" for label, value in block.items)
        return f"<dl>\n{pairs}</dl>"
    head = "".join(f"<th>{_h(text)}</th>" for text in block.headers)
    body = "".join("<tr>" + "".join(f"<td>{_html_inline(cell)}</td>" for cell in row) + "</tr>\n" for row in block.rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>"


def _html_blocks(blocks: Sequence[Block]) -> str:
    return "\n".join(_html_block(block) for block in blocks)


def _html_footer(blocks: Sequence[Block]) -> str:
    return f"<footer>\n{_html_blocks(blocks)}\n</footer>\n" if blocks else ""


def document_html(document: ReportDocument) -> str:
    """One self-contained HTML page: inline CSS, no scripts, nothing fetched."""
    parts = "\n".join(
        f'<section class="part">\n{_html_block(Heading(part.title, 2))}\n{_html_blocks(part.blocks)}\n</section>'
        for part in document.parts
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{language()}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">\n'
        f"<title>{_h(document.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<header>\n{_html_block(Heading(document.title, 1))}\n{_html_blocks(document.intro)}\n</header>\n"
        f"{parts}\n{_html_footer(document.footer)}</body>\n</html>\n"
    )


def document_pdf(document: ReportDocument) -> bytes:
    """The HTML page printed to PDF by a headless browser (``formats/pdf.py``)."""
    from twins_cli.formats.pdf import html_to_pdf

    return html_to_pdf(document_html(document))
