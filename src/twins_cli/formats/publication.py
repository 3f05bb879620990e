"""The footer of a published page: what the publication profile left out and why, or that it left nothing out.

The profile itself is ``query/publication.py``; this module only says what it did, in the
document model, so that Markdown and HTML say the same.
"""

from __future__ import annotations

from dataclasses import replace

from twins_cli.base.i18n import _
from twins_cli.formats.document import Block, Paragraph, ReportDocument
from twins_cli.query.publication import Publication


def publication_footer(publication: Publication) -> tuple[Block, ...]:
    """The footer's blocks: nothing when nothing was left out and nothing personal was put back."""
    said = list(publication.withheld)
    if publication.include_personal:
        said.insert(
            0,
            _(
                "This page includes personal data (--include-personal): people's own e-mail addresses are shown. "
                "Share it only with the people it is meant for."
            ),
        )
    return tuple(Paragraph(sentence) for sentence in said)


def with_publication_footer(document: ReportDocument, publication: Publication) -> ReportDocument:
    """``document`` with the footer of ``publication`` after its last part."""
    return replace(document, footer=(*document.footer, *publication_footer(publication)))
