"""What makes an exported item ours and unique: the domain of every calendar and vCard ``UID``.

RFC 5545 (iCalendar) and RFC 2426 (vCard) ask for a domain that makes a UID
unique. ``.invalid`` (RFC 2606) is a name no one else's calendar or address
book can use, so an import of twins's files never updates anything but what
twins wrote before.
"""

from __future__ import annotations

UID_DOMAIN = "innovation-twins.invalid"
