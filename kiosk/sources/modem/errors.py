"""The one exception of the modem package: a command refused, unanswered or unsendable."""

from __future__ import annotations

from kiosk.domain.reasons import Why


class ModemError(Exception):
    """A command the modem refused, did not answer, or could not be sent.

    ``why`` says what went wrong (a :class:`~kiosk.sources.modem.reasons.ModemReason`);
    ``str()`` gives its English words. ``timed_out`` is true when the modem did not
    answer at all.
    """

    def __init__(self, why: Why, *, timed_out: bool = False) -> None:
        """Keep the reason and whether the modem stayed silent."""
        super().__init__(str(why))
        self.why = why
        self.timed_out = timed_out
