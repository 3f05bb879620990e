"""Where a proposal stands on a given day: its recorded progress, or a planned date passed unrecorded.

``twins list``, ``twins show`` and ``twins status`` all say this the same way.
Nothing is inferred: a planned date that has passed with nothing recorded is
"not recorded", never "late" nor "done".
"""

from __future__ import annotations

from datetime import date

from twins_cli.base.i18n import _
from twins_cli.base.vocabulary import word
from twins_cli.model.records import Progress, Proposal

DONE = frozenset({"completed", "withdrawn"})  # nothing more is due from the proposal
NOT_STARTED = frozenset({"proposed"})


def overdue(proposal: Proposal, as_of: date) -> str | None:
    """``"finish"`` or ``"start"`` when that planned date has passed with nothing recorded to match it.

    The finish comes first: a proposal whose finish has passed is reported once, not twice.
    """
    if proposal.end and proposal.end.last_day < as_of and not finished(proposal.progress):
        return "finish"
    if proposal.start and proposal.start.last_day < as_of and not started(proposal.progress):
        return "start"
    return None


def started(progress: Progress | None) -> bool:
    """Whether the progress records a start: an actual start, or a status past ``proposed``."""
    return progress is not None and (progress.actual_start is not None or progress.status not in NOT_STARTED)


def finished(progress: Progress | None) -> bool:
    """Whether the progress records an end: an actual end, or nothing more due (completed, withdrawn)."""
    return progress is not None and (progress.actual_end is not None or progress.status in DONE)


def status_note(proposal: Proposal, as_of: date) -> str | None:
    """``finish passed, not recorded``, ``finish passed, active as of 2025-01-10``, …; None: nothing to say."""
    passed = overdue(proposal, as_of)
    parts = [_("finish passed") if passed == "finish" else _("start passed")] if passed else []
    if proposal.progress:
        progress = proposal.progress
        parts.append(_("{status} as of {date}").format(status=word(progress.status), date=progress.as_of.isoformat()))
    elif passed:
        parts.append(_("not recorded"))
    return ", ".join(parts) or None
