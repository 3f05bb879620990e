"""Every file of the static website: its pages, stylesheet, search index, calendars and data downloads.

``site_files`` turns a ``Publication`` (the roadmaps as the public may see
them) into ``{path: bytes}``; ``write/site.py`` puts them in a folder. The
pages say what ``twins pairs``, ``show``, ``orgs``, ``themes``,
``milestones`` and ``contacts`` say, from the same queries, so the site never
disagrees with the command line.

Output is a function of the roadmaps alone, so a site kept in git changes only
where the roadmaps did: files in a fixed order, no build time anywhere, and the
calendars' ``DTSTAMP`` the day the roadmaps were last reviewed. What is "coming
up" is seen from ``as_of`` but never prints it: the home page changes when a
date passes, not every day.

File names come from ids the schema has already checked (slugs, ``P5``), and
are checked again here against the same shapes: a name that is not one is
refused, never turned into a path.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timezone

from twins_cli.base.i18n import _, language, ngettext
from twins_cli.base.vocabulary import Term, spelled_out
from twins_cli.errors import InvalidDataError, MissingExtraError
from twins_cli.formats.agreements import agreements_listing
from twins_cli.formats.ical import to_ics
from twins_cli.formats.inference import LINK_LEGEND, THEMES_LEGEND, Marks
from twins_cli.formats.listing import (
    Listing,
    contacts_listing,
    events_listing,
    pairs_listing,
    proposals_listing,
    reading_order,
    roadmap_status,
    side_label,
)
from twins_cli.formats.organisations import organisations_listing
from twins_cli.formats.registry import LISTING
from twins_cli.formats.site.assets import SCRIPT, STYLESHEET
from twins_cli.formats.site.markup import Cell, Frame, Html, Link, Markup, esc, page
from twins_cli.model.records import COUNTRY_SIDES, Catalog, Organisation, Place, Proposal, Roadmap
from twins_cli.query.contacts import all_contacts, proposal_contacts
from twins_cli.query.events import Event, events, upcoming
from twins_cli.query.organisations import OrganisationQuery, involvement, select_organisations
from twins_cli.query.proposals import timeline_text
from twins_cli.query.publication import Publication

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PROPOSAL_ID = re.compile(r"P[1-9][0-9]*")
_LONGEST_PART = 60  # an id in a file name: two of them, a folder and a suffix stay under write/site.py's 200
_WEB_ADDRESS = re.compile(r"https?://[^\s\"'<>]+")
_REVIEWED_FALLBACK = date(2000, 1, 1)  # DTSTAMP when no roadmap says when it was reviewed


def part(value: str, shape: re.Pattern[str] = _SLUG) -> str:
    """``value`` as one part of a file name, if it has the shape of an id; ``InvalidDataError`` otherwise.

    The schema sets no length to an id: a long one (which validates) is cut, with a digest of the whole
    so that two ids still name two files, and a page's path stays within what every disk allows.
    """
    if not shape.fullmatch(value):
        raise InvalidDataError(
            _("cannot name a page of the site after {value!r}: not an id").format(value=value[:200]),
            _("run `twins validate` and fix the roadmap"),
        )
    if len(value) <= _LONGEST_PART:
        return value
    digest = hashlib.sha256(value.encode("utf-8")).hexdigest()[:12]
    return f"{value[: _LONGEST_PART - len(digest) - 1]}-{digest}"


def pair_path(pair: str) -> str:
    return f"pairs/{part(pair)}.html"


def proposal_path(pair: str, proposal: str) -> str:
    return f"proposals/{part(pair)}--{part(proposal, _PROPOSAL_ID)}.html"


def organisation_path(pair: str, organisation: str) -> str:
    return f"organisations/{part(pair)}--{part(organisation)}.html"


def theme_path(slug: str) -> str:
    return f"themes/{part(slug)}.html"


def _reviewed(roadmaps: Iterable[Roadmap]) -> datetime:
    """The calendars' ``DTSTAMP``: midnight UTC of the day the roadmaps were last reviewed (or published)."""
    days = [r.updated or (r.published.first_day if r.published else None) for r in roadmaps]
    known = [day for day in days if day is not None]
    return datetime.combine(max(known, default=_REVIEWED_FALLBACK), time(0), tzinfo=timezone.utc)


class Site:
    """What the pages of one publication share, and the files made so far (pages, downloads, the search index)."""

    def __init__(self, publication: Publication, as_of: date) -> None:
        self.publication = publication
        self.catalog: Catalog = publication.catalog
        self.as_of = as_of
        self.lang = language()
        self.files: dict[str, bytes] = {}
        self.index: list[dict[str, str]] = []
        self.events = events(self.catalog)
        self.themes = {term.slug: term for term in self.catalog.programme.vocabulary.themes.terms}
        self.frame = Frame(
            site_name=self.catalog.programme.name,
            nav=(
                Link("index.html", _("Home")),
                Link("milestones.html", _("Milestones")),
                Link("themes.html", _("Themes")),
                Link("organisations.html", _("Organisations")),
                Link("contacts.html", _("Contacts")),
                Link("search.html", _("Search")),
            ),
            downloads=(),
            footer=self._footer(),
        )

    # --- what every page shares ---------------------------------------------------------------

    def _footer(self) -> tuple[str, ...]:
        count = len(self.catalog.roadmaps)
        made = ngettext(
            "Made with twins from {count} roadmap.", "Made with twins from {count} roadmaps.", count
        ).format(count=count)
        personal = (
            (_("This site includes personal data (e-mail addresses): do not publish it."),)
            if self.publication.include_personal
            else ()
        )
        return (*self.publication.withheld, *personal, made)

    def add(self, path: str, content: str | bytes) -> None:
        if path in self.files:
            raise InvalidDataError(
                _("two files of the site would be {path}").format(path=path), _("run `twins validate`: ids are unique")
            )
        self.files[path] = content.encode("utf-8") if isinstance(content, str) else content

    def write_page(
        self,
        path: str,
        title: str,
        body: Callable[[Html], str],
        *,
        crumbs: Sequence[Link] = (),
        downloads: Sequence[tuple[str, Sequence[Link]]] = (),
        kind: str = "",
        text: str = "",
        scripts: Sequence[str] = (),
    ) -> None:
        """Render the page at ``path`` and, with a ``kind``, put it in the search index."""
        h = Html(self.lang, path.count("/"))
        self.add(path, page(self.frame, h, title, body(h), crumbs=crumbs, own_downloads=downloads, scripts=scripts))
        if kind:
            self.index.append({"title": title, "url": path, "kind": kind, "text": text})

    def home(self) -> Link:
        return Link("index.html", _("Home"))

    def pair_link(self, roadmap: Roadmap) -> Link:
        return Link(pair_path(roadmap.id), roadmap.name)

    def proposal_link(self, proposal: Proposal, qualified: bool = False) -> Link:
        name = f"{proposal.qualified_id if qualified else proposal.id} {proposal.title}"
        return Link(proposal_path(proposal.pair, proposal.id), name)

    def organisation_link(self, roadmap: Roadmap, organisation_id: str) -> Link | str:
        organisation = roadmap.organisations.get(organisation_id)
        if organisation is None:
            return organisation_id
        return Link(organisation_path(roadmap.id, organisation.id), organisation.name)

    def theme_links(
        self, h: Html, slugs: Sequence[str], inferred: frozenset[str], marks: Marks, reason: str | None
    ) -> Markup:
        """Themes as links to their pages, an inferred one marked ``*`` (explained where ``marks`` is shown)."""
        pieces: list[str | Link] = []
        for slug in slugs:
            term = self.themes.get(slug)
            label = marks.mark(term.label if term else slug, slug in inferred, THEMES_LEGEND, reason)
            pieces.append(Link(theme_path(slug), label) if term else label)
        return h.join(pieces)

    # --- downloads ----------------------------------------------------------------------------

    def listing_downloads(self, stem: str, listing: Listing) -> tuple[Link, ...]:
        """``listing`` in every export format of the listing family (JSON, CSV and any other), under ``stem``.

        A format whose optional dependency is not installed (xlsx without openpyxl) is left out, not the site.
        """
        links = []
        for each in LISTING:
            if each.screen:
                continue
            try:
                rendered = each.render(listing)
            except MissingExtraError:
                continue
            if rendered is None:
                continue
            path = f"downloads/{stem}.{part(each.name)}"  # the format's name is the file's extension
            self.add(path, rendered)
            links.append(Link(path, each.name.upper()))
        return tuple(links)

    def calendar(self, stem: str, roadmaps: Sequence[Roadmap], found: Sequence[Event]) -> Link:
        """An iCalendar feed: the UIDs are the ones ``twins milestones --format ics`` gives, so subscriptions update."""
        path = f"downloads/{stem}.ics"
        self.add(path, to_ics(self.catalog, found, _reviewed(roadmaps)))
        return Link(path, _("iCalendar"))


def _place_names(h: Html, roadmap: Roadmap) -> Markup:
    """``Kingsport – Hanbit (한빛특별자치시)``, the Korean name marked as Korean."""
    return Markup(" – ".join(_place(h, place) for place in roadmap.places))


def _legend(h: Html, marks: Marks) -> Markup:
    if not marks.legend:
        return Markup("")
    return Markup(f'<div class="note">{h.items([*marks.legend, *marks.reasons])}</div>')


def site_files(publication: Publication, as_of: date) -> dict[str, bytes]:
    """Every file of the site by its path in the folder, in a fixed order."""
    site = Site(publication, as_of)
    catalog = site.catalog
    every_date = (
        site.calendar("milestones", catalog.roadmaps, site.events),
        *site.listing_downloads("milestones", events_listing(site.events, "", "")),
    )
    global_downloads = (
        (_("All dates"), every_date),
        (_("Proposals"), site.listing_downloads("proposals", proposals_listing(catalog, catalog.proposals, as_of))),
        *_more_downloads(site),
    )
    site.frame = site.frame._replace(downloads=global_downloads)
    _home_page(site)
    for roadmap in catalog.roadmaps:
        _pair_page(site, roadmap)
        for proposal in roadmap.proposals:
            _proposal_page(site, roadmap, proposal)
        for organisation in sorted(roadmap.organisations.values(), key=lambda o: o.id):
            _organisation_page(site, roadmap, organisation)
    _milestones_page(site)
    _themes_pages(site)
    _organisations_page(site)
    _contacts_page(site)
    _search_page(site)
    site.add("style.css", STYLESHEET)
    site.add("site.js", SCRIPT)
    site.add("search-index.js", "window.TWINS_SEARCH = " + json.dumps(site.index, ensure_ascii=False, indent=0) + ";\n")
    return dict(sorted(site.files.items()))


def _more_downloads(site: Site) -> tuple[tuple[str, tuple[Link, ...]], ...]:
    catalog = site.catalog
    agreements = [agreement for roadmap in catalog.roadmaps for agreement in roadmap.agreements]
    return (
        (_("City pairs"), site.listing_downloads("pairs", pairs_listing(catalog, site.as_of))),
        (_("Agreements"), site.listing_downloads("agreements", agreements_listing(catalog, agreements, site.as_of))),
        (
            _("Organisations"),
            site.listing_downloads(
                "organisations", organisations_listing(select_organisations(catalog, OrganisationQuery()))
            ),
        ),
        (_("Contacts"), site.listing_downloads("contacts", contacts_listing(all_contacts(catalog)))),
    )


# --- the pages -------------------------------------------------------------------------------


def _events_table(site: Site, h: Html, found: Sequence[Event], caption: str, marks: Marks, pair: bool = True) -> Markup:
    by_pair = {roadmap.id: roadmap for roadmap in site.catalog.roadmaps}
    rows = []
    for event in found:
        roadmap = by_pair[event.pair]
        proposal: str | Link = ""
        if event.proposal:
            proposal = Link(
                proposal_path(event.pair, event.proposal),
                marks.mark(event.proposal, event.proposal_inferred, LINK_LEGEND, event.inference_reason),
            )
        row: list[str | Link] = [event.date.label, event.title]
        if pair:
            row.append(site.pair_link(roadmap))
        rows.append([*row, proposal])
    headers = [_("When"), _("What"), *([_("Pair")] if pair else []), _("Proposal")]
    return h.table(caption, headers, rows, _("No dates."))


def _home_page(site: Site) -> None:
    catalog = site.catalog
    programme = catalog.programme

    def body(h: Html) -> str:
        marks = Marks()
        pairs = h.table(
            _("City pairs"),
            [_("Pair"), _("Places"), _("Roadmap"), _("Proposals"), _("Agreements")],
            [
                [
                    site.pair_link(roadmap),
                    _place_names(h, roadmap),
                    roadmap_status(roadmap),
                    str(len(roadmap.proposals)),
                    str(len(roadmap.agreements)),
                ]
                for roadmap in catalog.roadmaps
            ],
            _("No city pairs."),
        )
        coming = upcoming(site.events, site.as_of)[:12]
        dates = (
            f"<p>{esc(_('The next dates in the roadmaps, not yet past when this site was built.'))} "
            f'<a href="{h.href("milestones.html")}">{esc(_("Every date"))}</a></p>\n'
            + _events_table(site, h, coming, _("Coming up"), marks)
        )
        aims = h.items(aim.text for aim in programme.aims)
        pairs_count, proposals_count = len(catalog.roadmaps), len(catalog.proposals)
        agreements_count = sum(len(roadmap.agreements) for roadmap in catalog.roadmaps)
        lede = ", ".join(
            (
                ngettext("{n} city pair", "{n} city pairs", pairs_count).format(n=pairs_count),
                ngettext("{n} proposal", "{n} proposals", proposals_count).format(n=proposals_count),
                ngettext("{n} agreement", "{n} agreements", agreements_count).format(n=agreements_count),
            )
        )
        return "\n".join(
            (
                f'<p class="lede">{esc(lede)}</p>',
                h.paragraphs(programme.description) if programme.description else "",
                h.section(_("City pairs"), pairs, "pairs"),
                h.section(_("Coming up"), dates + _legend(h, marks), "coming-up"),
                h.section(_("Aims"), aims, "aims"),
            )
        )

    site.write_page("index.html", programme.name, body)


def _pair_page(site: Site, roadmap: Roadmap) -> None:
    catalog = site.catalog
    found = [event for event in site.events if event.pair == roadmap.id]
    proposals = [p for p in catalog.proposals if p.pair == roadmap.id]
    stem = f"{part(roadmap.id)}/"
    calendar = site.calendar(stem + "milestones", (roadmap,), found)
    downloads = (
        (
            _("This pair's dates"),
            (calendar, *site.listing_downloads(stem + "milestones", events_listing(found, "", ""))),
        ),
        (
            _("This pair's proposals"),
            site.listing_downloads(stem + "proposals", proposals_listing(catalog, proposals, site.as_of)),
        ),
    )

    def body(h: Html) -> str:
        marks = Marks()
        facts = h.facts(
            [
                *(
                    (
                        _("Place ({side})").format(side=side_label(COUNTRY_SIDES.get(p.country, p.country))),
                        _place(h, p),
                    )
                    for p in roadmap.places
                ),
                (_("Roadmap"), roadmap.title or ""),
                (
                    _("Status"),
                    roadmap_status(roadmap),
                ),
                (_("Delivered by"), h.join(site.organisation_link(roadmap, o) for o in roadmap.delivered_by)),
                (_("Last reviewed"), roadmap.updated.isoformat() if roadmap.updated else ""),
            ]
        )
        agreement_rows: list[list[Cell]] = [
            [
                a.title,
                spelled_out(a.kind),
                h.join(site.organisation_link(roadmap, party.organisation) for party in a.parties),
                a.signed.label if a.signed else "",
                a.valid_until.label if a.valid_until else "",
            ]
            for a in roadmap.agreements
        ]
        agreements = h.table(
            _("Agreements"),
            [_("Agreement"), _("Kind"), _("Parties"), _("Signed"), _("Valid until")],
            agreement_rows,
            _("No agreements are recorded for this pair."),
        )
        proposal_rows: list[list[Cell]] = [
            [
                site.proposal_link(p),
                spelled_out(p.stage),
                h.join(site.organisation_link(roadmap, lead) for lead in p.leads),
                timeline_text(p),
                site.theme_links(h, p.themes, p.inferred_themes, marks, p.inference_reason),
            ]
            for p in roadmap.proposals
        ]
        table = h.table(
            _("Proposals"),
            [_("Proposal"), _("Stage"), _("Leads"), _("Timeline"), _("Themes")],
            proposal_rows,
            _("This roadmap has no proposals yet."),
        )
        contacts = Markup(
            f'<p><a href="{h.href("contacts.html")}#{esc(part(roadmap.id))}">'
            f"{esc(_('Who to contact about this pair'))}</a></p>"
        )
        sections = [
            (_("Agreements"), agreements, "agreements"),
            (_("Proposals"), table, "proposals"),
            (_("Timeline"), _events_table(site, h, found, _("Timeline"), marks, pair=False), "timeline"),
            (_("Snapshots"), _snapshots(h, roadmap), "snapshots"),
            (_("Contacts"), contacts, "contacts"),
        ]
        contents = "".join(
            f'<li><a href="#{anchor}">{esc(heading)}</a></li>' for heading, body, anchor in sections if body
        )
        return "\n".join(
            (
                h.paragraphs(roadmap.summary) if roadmap.summary else "",
                facts,
                f'<nav class="contents" aria-label="{esc(_("On this page"))}"><ul>{contents}</ul></nav>',
                *(h.section(heading, body, anchor) for heading, body, anchor in sections),
                _legend(h, marks),
            )
        )

    places = " ".join(f"{p.name} {p.local_name or ''}" for p in roadmap.places)
    site.write_page(
        pair_path(roadmap.id),
        roadmap.name,
        body,
        crumbs=(site.home(),),
        downloads=downloads,
        kind=_("City pair"),
        text=f"{roadmap.id} {places} {roadmap.title or ''}",
    )


def _place(h: Html, place: Place) -> Markup:
    """A place's names as ``place_label`` orders them, each marked with its language."""
    first, *other = (h.t(name) for name in reading_order(place.name, place.local_name))
    return Markup(f"{first} ({other[0]})" if other else first)


def _snapshots(h: Html, roadmap: Roadmap) -> Markup:
    names = {place.id: place.name for place in roadmap.places}
    blocks = []
    for snapshot in roadmap.snapshots:
        figures: list[tuple[str, str]] = []
        if population := snapshot.population:
            figures.append(
                (_("Population"), f"{population.value:,}" + (f" ({population.area})" if population.area else ""))
            )
        if gdp := snapshot.gdp_per_head:
            year = f", {gdp.year}" if gdp.year is not None else ""
            figures.append((_("GDP per head"), f"{gdp.as_written or f'{gdp.value:,}'} ({gdp.currency}{year})"))
        figures += [(fact.label, fact.value) for fact in snapshot.facts]
        sectors = h.items(snapshot.key_sectors)
        ambition = h.paragraphs(snapshot.ambition.text) if snapshot.ambition else ""
        blocks.append(
            f"<h3>{h.t(names.get(snapshot.place, snapshot.place))}</h3>\n{h.facts(figures)}\n"
            + (f"<h4>{esc(_('Key sectors'))}</h4>\n{sectors}\n" if snapshot.key_sectors else "")
            + (f"<h4>{esc(_('Ambition'))}</h4>\n{ambition}\n" if ambition else "")
        )
    return Markup("\n".join(blocks))


def _proposal_page(site: Site, roadmap: Roadmap, proposal: Proposal) -> None:
    found = [event for event in site.events if event.pair == proposal.pair and event.proposal == proposal.id]
    contacts = proposal_contacts(site.catalog, proposal)
    types = site.catalog.programme.vocabulary.types

    def body(h: Html) -> str:
        marks = Marks()
        progress = proposal.progress
        type_labels = [
            marks.mark(term.label if (term := types.get(t)) else t, t in proposal.inferred_types, THEMES_LEGEND)
            for t in proposal.types
        ]
        facts = h.facts(
            [
                (_("Pair"), site.pair_link(roadmap)),
                (_("Stage"), spelled_out(proposal.stage)),
                (_("Timeline"), timeline_text(proposal)),
                (_("Start as printed"), proposal.start_as_printed or ""),
                (_("End as printed"), proposal.end_as_printed or ""),
                (
                    _("Status"),
                    _("{status} as of {day}").format(
                        status=spelled_out(progress.status), day=progress.as_of.isoformat()
                    )
                    if progress
                    else "",
                ),
                (_("Leads"), h.join(site.organisation_link(roadmap, lead) for lead in proposal.leads)),
                (
                    _("Themes"),
                    site.theme_links(h, proposal.themes, proposal.inferred_themes, marks, proposal.inference_reason),
                ),
                (_("Types"), h.join(type_labels)),
            ]
        )
        notes = h.items(f"{note.date.isoformat()}: {note.text}" for note in progress.notes) if progress else ""
        people = h.table(
            _("Contacts"),
            [_("Name"), _("Role"), _("Organisation"), *([_("E-mail")] if site.publication.include_personal else [])],
            [
                [
                    contact.person.full_name,
                    contact.person.role or "",
                    site.organisation_link(roadmap, contact.person.organisation) if contact.person.organisation else "",
                    *([contact.person.email or ""] if site.publication.include_personal else []),
                ]
                for contact in contacts
            ],
            _("No contacts are named for this proposal."),
        )
        return "\n".join(
            (
                f'<p class="lede">{h.t(proposal.tagline)}</p>' if proposal.tagline else "",
                facts,
                h.section(_("Vision"), h.paragraphs(proposal.vision or ""), "vision"),
                h.section(_("Description"), h.paragraphs(proposal.description or ""), "description"),
                h.section(_("Outcomes"), h.items(proposal.outcomes), "outcomes"),
                h.section(_("Progress"), notes, "progress"),
                h.section(
                    _("Dates"), _events_table(site, h, found, _("Dates"), marks, pair=False) if found else "", "dates"
                ),
                h.section(_("Contacts"), people, "contacts"),
                _legend(h, marks),
            )
        )

    title = f"{proposal.id} {proposal.title}"
    site.write_page(
        proposal_path(proposal.pair, proposal.id),
        title,
        body,
        crumbs=(site.home(), site.pair_link(roadmap)),
        kind=_("Proposal of {pair}").format(pair=roadmap.name),
        text=" ".join((proposal.qualified_id, proposal.tagline or "", roadmap.name, *proposal.themes)),
    )


def _organisation_page(site: Site, roadmap: Roadmap, organisation: Organisation) -> None:
    involved = involvement(roadmap, organisation)

    def body(h: Html) -> str:
        url = organisation.url if organisation.url and _WEB_ADDRESS.fullmatch(organisation.url) else None
        website = Markup(f'<a href="{esc(url)}">{esc(url)}</a>') if url else ""
        facts = h.facts(
            [
                (_("Also known as"), h.join(n for n in (organisation.short_name, *organisation.aliases) if n)),
                (_("Pair"), site.pair_link(roadmap)),
                (_("Kind"), spelled_out(organisation.kind)),
                (_("Side"), roadmap.place_of(organisation)),
                (_("Part of"), site.organisation_link(roadmap, organisation.parent) if organisation.parent else ""),
                (_("Website"), website),
            ]
        )
        people = h.items(
            person.full_name + (f", {person.role}" if person.role else "")
            for person in sorted(involved.people, key=lambda p: p.name.casefold())
        )
        return "\n".join(
            (
                facts,
                h.paragraphs(organisation.description) if organisation.description else "",
                h.section(_("Proposals"), h.items(site.proposal_link(p) for p in involved.proposals), "proposals"),
                h.section(_("Agreements"), h.items(a.title for a in involved.agreements), "agreements"),
                h.section(_("People"), people, "people"),
            )
        )

    site.write_page(
        organisation_path(roadmap.id, organisation.id),
        organisation.name,
        body,
        crumbs=(site.home(), Link("organisations.html", _("Organisations")), site.pair_link(roadmap)),
        kind=_("Organisation in {pair}").format(pair=roadmap.name),
        text=" ".join((*organisation.names(), organisation.kind, roadmap.name)),
    )


def _milestones_page(site: Site) -> None:
    def body(h: Html) -> str:
        marks = Marks()
        by_pair = h.items(
            Link(f"downloads/{part(r.id)}/milestones.ics", f"{r.name} ({_('iCalendar')})")
            for r in site.catalog.roadmaps
        )
        return "\n".join(
            (
                "<p>"
                + esc(
                    _(
                        "Every date in the roadmaps: milestones, planned starts and finishes, agreement expiries. "
                        "Dates are only as precise as the sources: “Early 2025” means some time from January to "
                        "April 2025."
                    )
                )
                + "</p>",
                _events_table(site, h, site.events, _("Dates"), marks),
                _legend(h, marks),
                h.section(_("Calendars to subscribe to"), by_pair, "calendars"),
            )
        )

    site.write_page("milestones.html", _("Milestones"), body, crumbs=(site.home(),))


def _themes_pages(site: Site) -> None:
    catalog = site.catalog
    terms = catalog.programme.vocabulary.themes.terms

    def index(h: Html) -> str:
        rows: list[list[Cell]] = [
            [Link(theme_path(term.slug), term.label), str(sum(term.slug in p.themes for p in catalog.proposals))]
            for term in terms
        ]
        return h.table(_("Themes"), [_("Theme"), _("Proposals")], rows, _("No themes."))

    site.write_page("themes.html", _("Themes"), index, crumbs=(site.home(),))
    for term in terms:
        site.write_page(
            theme_path(term.slug),
            term.label,
            _theme_body(site, term),
            crumbs=(site.home(), Link("themes.html", _("Themes"))),
            kind=_("Theme"),
            text=" ".join((term.slug, *term.aliases)),
        )


def _theme_body(site: Site, term: Term) -> Callable[[Html], str]:
    """The page of one theme: its proposals in every pair, and the agreements that name it."""
    catalog = site.catalog
    tagged = [p for p in catalog.proposals if term.slug in p.themes]
    agreements = [(r, a) for r in catalog.roadmaps for a in r.agreements if term.slug in a.themes]

    def body(h: Html) -> str:
        rows: list[list[Cell]] = [
            [site.proposal_link(p), site.pair_link(catalog.roadmap(p.pair)), spelled_out(p.stage), timeline_text(p)]
            for p in tagged
        ]
        inferred = [site.proposal_link(p, qualified=True) for p in tagged if term.slug in p.inferred_themes]
        note = (
            f'<p class="note">{esc(_("Read from the proposal’s text rather than ticked in the source:"))} '
            f"{h.join(inferred)}</p>"
            if inferred
            else ""
        )
        table = h.table(
            _("Proposals"),
            [_("Proposal"), _("Pair"), _("Stage"), _("Timeline")],
            rows,
            _("No proposals have this theme."),
        )
        return "\n".join(
            (
                h.paragraphs(term.description) if term.description else "",
                h.section(_("Proposals"), table + note, "proposals"),
                h.section(_("Agreements"), h.items(f"{a.title} ({r.name})" for r, a in agreements), "agreements"),
            )
        )

    return body


def _organisations_page(site: Site) -> None:
    def body(h: Html) -> str:
        sections = []
        for roadmap in site.catalog.roadmaps:
            listed = sorted(roadmap.organisations.values(), key=lambda o: o.name.casefold())
            rows: list[list[Cell]] = [
                [
                    Link(organisation_path(roadmap.id, o.id), o.name),
                    spelled_out(o.kind),
                    side_label(roadmap.place_of(o)),
                ]
                for o in listed
            ]
            table = h.table(roadmap.name, [_("Organisation"), _("Kind"), _("Side")], rows, _("No organisations."))
            sections.append(h.section(roadmap.name, table, part(roadmap.id)))
        return "\n".join(sections)

    site.write_page("organisations.html", _("Organisations"), body, crumbs=(site.home(),))


def _contacts_page(site: Site) -> None:
    personal = site.publication.include_personal

    def body(h: Html) -> str:
        sections = [
            "<p>"
            + esc(_("The people the roadmaps name, pair by pair, and the proposals they are the contacts for."))
            + "</p>"
        ]
        for roadmap in site.catalog.roadmaps:
            by_id = {p.id: p for p in roadmap.proposals}
            rows: list[list[Cell]] = []
            for contact in all_contacts(site.catalog, pairs=(roadmap.id,)):
                person = contact.person
                on = [by_id[ref.rpartition("/")[2]] for ref in contact.proposals if ref.rpartition("/")[2] in by_id]
                rows.append(
                    [
                        person.full_name,
                        person.role or "",
                        site.organisation_link(roadmap, person.organisation) if person.organisation else "",
                        *([person.email or ""] if personal else []),
                        h.join(Link(proposal_path(p.pair, p.id), p.id) for p in on),
                    ]
                )
            headers = [_("Name"), _("Role"), _("Organisation"), *([_("E-mail")] if personal else []), _("Proposals")]
            table = h.table(roadmap.name, headers, rows, _("No people are named in this roadmap."))
            sections.append(h.section(roadmap.name, table, part(roadmap.id)))
        return "\n".join(sections)

    site.write_page("contacts.html", _("Contacts"), body, crumbs=(site.home(),))


def _search_page(site: Site) -> None:
    counts = json.dumps(
        {
            "one": ngettext("{n} page found", "{n} pages found", 1).replace("{n}", "1"),
            "many": ngettext("{n} page found", "{n} pages found", 2),
        },
        ensure_ascii=False,
    )

    def body(h: Html) -> str:
        everything = h.items(Link(entry["url"], f"{entry['title']} — {entry['kind']}") for entry in site.index)
        return (
            f'<form id="search-page" role="search" action="search.html" method="get">'
            f'<label for="q">{esc(_("Words to find"))}</label> '
            f'<input id="q" name="q" type="search"> <button type="submit">{esc(_("Search"))}</button></form>\n'
            f'<p id="status" role="status"></p>\n'
            f'<ul id="results" data-root="{h.href("")}" data-counts="{esc(counts)}"></ul>\n'
            + "<noscript><p>"
            + esc(_("Searching needs JavaScript; every page of the site is listed below."))
            + "</p></noscript>\n"
            + h.section(_("Every page"), everything, "every-page")
        )

    site.write_page("search.html", _("Search"), body, crumbs=(site.home(),), scripts=("search-index.js", "site.js"))
