"""The HTML of one site page: escaping, the language of each phrase, links, tables, and the page around them.

Every string from the data reaches the markup through ``Html.t`` (text, in
its own language) or ``esc`` (an attribute): ``html.escape`` after
``base.text.printable``, as in ``formats/document.py``, so a title holding
``<script>`` or a quote shows as typed and never runs. What callers pass as
``Markup`` is markup built here from escaped pieces.

Links are relative (``../pairs/x.html``): a page knows how deep it sits and
every link climbs back to the site's root first, so the folder works opened
from disk as well as from any static host, under any path.
"""

import html
import re
from collections.abc import Iterable, Sequence

from twins_cli.base.i18n import _
from twins_cli.base.text import printable
from twins_cli.base.tuples import NamedTuple

# Hangul syllables and jamo: text written in Korean. Latin letters: text written in English.
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]")
_LATIN = re.compile("[A-Za-z]")


class Markup(str):
    """Markup built from escaped pieces: ``Html`` passes it through as it is."""

    __slots__ = ()


def esc(text: str) -> str:
    """``text`` safe inside an element or a quoted attribute, its control characters shown escaped."""
    return html.escape(printable(text), quote=True)


def text_language(text: str) -> str | None:
    """``ko`` for text in Hangul, ``en`` for text in Latin letters, ``None`` for both or neither."""
    korean, english = bool(_HANGUL.search(text)), bool(_LATIN.search(text))
    if korean == english:
        return None
    return "ko" if korean else "en"


class Link(NamedTuple):
    """A page or file of the site, by its path from the site's root, and the words that link to it."""

    path: str
    text: str


Cell = str | Link | Markup


class Html:
    """Writes markup for one page: ``lang`` is the page's language, ``root`` the way back to the site's root."""

    __slots__ = ("lang", "root")

    def __init__(self, lang: str, depth: int) -> None:
        self.lang = lang
        self.root = "../" * depth

    def t(self, text: str | Markup) -> Markup:
        """Data as text, marked with its language where that is not the page's (a Korean name on an English page)."""
        if isinstance(text, Markup):
            return text
        language = text_language(text)
        if language and language != self.lang:
            return Markup(f'<span lang="{language}">{esc(text)}</span>')
        return Markup(esc(text))

    def href(self, path: str) -> str:
        """``path`` (from the site's root) as this page links to it."""
        return esc(self.root + path)

    def a(self, link: Link) -> Markup:
        return Markup(f'<a href="{self.href(link.path)}">{self.t(link.text)}</a>')

    def cell(self, value: str | Link | Markup) -> Markup:
        return self.a(value) if isinstance(value, Link) else self.t(value)

    def join(self, values: Iterable[str | Link | Markup], separator: str = ", ") -> Markup:
        return Markup(esc(separator).join(self.cell(value) for value in values))

    def paragraphs(self, text: str) -> Markup:
        """Prose from the data: one paragraph per line."""
        return Markup("\n".join(f"<p>{self.t(line)}</p>" for line in text.split("\n") if line.strip()))

    def items(self, values: Iterable[str | Link | Markup], css: str = "") -> Markup:
        listed = "".join(f"<li>{self.cell(value)}</li>\n" for value in values)
        klass = f' class="{css}"' if css else ""
        return Markup(f"<ul{klass}>\n{listed}</ul>") if listed else Markup("")

    def facts(self, pairs: Iterable[tuple[str, str | Link | Markup]]) -> Markup:
        """Labelled values (labels are ours, already translated); empty values are left out."""
        shown = "".join(f"<dt>{esc(label)}</dt><dd>{self.cell(value)}</dd>\n" for label, value in pairs if value)
        return Markup(f'<dl class="facts">\n{shown}</dl>') if shown else Markup("")

    def table(self, caption: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]], empty: str) -> Markup:
        """A table with a caption (for screen readers and print), in a region that scrolls sideways when narrow."""
        body = "".join("<tr>" + "".join(f"<td>{self.cell(c)}</td>" for c in row) + "</tr>\n" for row in rows)
        if not body:
            return Markup(f'<p class="empty">{esc(empty)}</p>')
        head = "".join(f'<th scope="col">{esc(header)}</th>' for header in headers)
        return Markup(
            f'<div class="scroll" role="region" aria-label="{esc(caption)}" tabindex="0">\n'
            f"<table>\n<caption>{esc(caption)}</caption>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n"
            "</table>\n</div>"
        )

    def section(self, heading: str, body: str, anchor: str = "") -> Markup:
        """A part of the page under an ``h2``; nothing when ``body`` is empty."""
        if not body:
            return Markup("")
        ident = f' id="{esc(anchor)}"' if anchor else ""
        return Markup(f"<section{ident}>\n<h2>{self.t(heading)}</h2>\n{body}\n</section>")


class Frame(NamedTuple):
    """What every page shares: the site's name, its navigation, its downloads and what the footer says."""

    site_name: str
    nav: tuple[Link, ...]
    downloads: tuple[tuple[str, tuple[Link, ...]], ...]  # (what, its files)
    footer: tuple[str, ...]  # sentences: what is withheld, where the roadmaps come from


def page(
    frame: Frame,
    h: Html,
    title: str,
    body: str,
    *,
    crumbs: Sequence[Link] = (),
    own_downloads: Sequence[tuple[str, Sequence[Link]]] = (),
    scripts: Sequence[str] = (),
) -> str:
    """A whole page: skip link, header with navigation and search, the body under its ``h1``, the footer."""
    nav = "".join(f'<li><a href="{h.href(link.path)}">{esc(link.text)}</a></li>' for link in frame.nav)
    trail = ""
    if crumbs:
        steps = "".join(f"<li>{h.a(link)}</li>" for link in crumbs)
        trail = f'<nav class="crumbs" aria-label="{esc(_("Breadcrumb"))}"><ol>{steps}</ol></nav>\n'
    downloads = "".join(
        f"<li><span>{h.t(what)}:</span> {h.join(files, ' · ')}</li>\n"
        for what, files in (*own_downloads, *frame.downloads)
    )
    footer = "".join(f"<p>{h.t(sentence)}</p>\n" for sentence in frame.footer)
    script_tags = "".join(f'<script src="{h.href(path)}" defer></script>\n' for path in scripts)
    full_title = title if title == frame.site_name else f"{title} — {frame.site_name}"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(h.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(full_title)}</title>\n"
        f'<link rel="stylesheet" href="{h.href("style.css")}">\n{script_tags}</head>\n<body>\n'
        f'<a class="skip" href="#main">{esc(_("Skip to content"))}</a>\n'
        '<header class="site">\n<div class="bar">\n'
        f'<a class="brand" href="{h.href("index.html")}">{h.t(frame.site_name)}</a>\n'
        f'<form class="find" role="search" action="{h.href("search.html")}" method="get">'
        f'<label for="site-q">{esc(_("Search"))}</label>'
        f'<input id="site-q" name="q" type="search" autocomplete="off">'
        f'<button type="submit">{esc(_("Search"))}</button></form>\n</div>\n'
        f'<nav aria-label="{esc(_("Site"))}"><ul>{nav}</ul></nav>\n</header>\n'
        f'<main id="main">\n{trail}<h1>{h.t(title)}</h1>\n{body}\n</main>\n'
        '<footer class="site">\n'
        f'<section class="downloads" aria-labelledby="downloads">\n<h2 id="downloads">{esc(_("Downloads"))}</h2>\n'
        f"<ul>\n{downloads}</ul>\n</section>\n{footer}</footer>\n</body>\n</html>\n"
    )
