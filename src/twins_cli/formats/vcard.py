"""Contacts as vCards that address books import: one card per person.

Why vCard 3.0 (RFC 2426), written with ``vobject``: vobject 0.9.x, the
well-kept Python vCard library, serialises only vCard 3.0 (it registers no 4.0
behaviour), and 3.0 is also the version every common address book imports
(Apple Contacts, Google Contacts, Outlook, Thunderbird, Evolution), whereas
vCard 4.0 (RFC 6350) import is still patchy (Outlook rejects it). vobject does
the escaping, the 75-octet line folding and the CRLF line ends; the text is
UTF-8, which is what those programs read.

What each card holds, from the roadmap and nothing else: ``FN`` the name as a
person writes it with the form of address ("Prof Máire O'Neill"); ``N`` with
that form of address as the honorific prefix and the name as written as the
given name. The roadmaps record a name as written, not split, and its order
varies (Korean names appear both family-first, "Park Heong-Joon", and
given-first, "Kihwan Lim"), so splitting it into family and given names would
be a guess. ``TITLE`` is the person's role, ``ORG`` the organisation,
``EMAIL`` the e-mail address; ``CATEGORIES`` and ``NOTE`` say which pairs and
proposals the person is on, and why the organisation is inferred where the
roadmap infers it (a card has no field for a mark); ``UID`` (pair and person id) lets a second import
update the card instead of adding a copy.
"""

from __future__ import annotations

from collections.abc import Sequence

from twins_cli.base.i18n import _
from twins_cli.formats.identity import UID_DOMAIN
from twins_cli.formats.listing import side_label
from twins_cli.model.records import split_qualified_id
from twins_cli.query.contacts import Contact

PROGRAMME_CATEGORY = "Innovation Twins"


def _note(contact: Contact) -> str:
    """``Innovation Twins, belfast-sejong: P5, P6 (Sejong side)``: where the person appears.

    Then why the organisation is inferred, where it is: ``ORG`` cannot carry a mark.
    """
    on = []
    for pair in contact.pairs:
        ids = [proposal for owner, proposal in map(split_qualified_id, contact.proposals) if owner == pair]
        on.append(f"{pair}: {', '.join(ids)}" if ids else pair)
    side = _(" ({side} side)").format(side=side_label(contact.side)) if contact.side else ""
    person = contact.person
    inferred = (
        _(". Organisation inferred: {reason}").format(reason=person.inference_reason)
        if person.organisation_inferred
        else ""
    )
    return f"Innovation Twins, {'; '.join(on)}{side}{inferred}"


def to_vcards(contacts: Sequence[Contact]) -> str:
    """One vCard 3.0 per contact, concatenated (CRLF line ends)."""
    import vobject  # type: ignore[import-untyped]

    cards = []
    for contact in contacts:
        person = contact.person
        card = vobject.vCard()
        card.add("uid").value = f"{contact.roadmap.id}/person/{person.id}@{UID_DOMAIN}"
        card.add("fn").value = person.full_name
        card.add("n").value = vobject.vcard.Name(given=person.name, prefix=person.title or "")
        if person.role:
            card.add("title").value = person.role
        if contact.organisation:
            card.add("org").value = [contact.organisation]
        if person.email:
            email = card.add("email")
            email.value = person.email
            email.type_param = "INTERNET"
        card.add("categories").value = [PROGRAMME_CATEGORY, *contact.pairs]
        card.add("note").value = _note(contact)
        cards.append(card.serialize())
    return "".join(cards)
