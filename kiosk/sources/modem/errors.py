"""The one exception of the modem package: a command refused, unanswered or unsendable."""

from __future__ import annotations


class ModemError(Exception):
    """A command the modem refused, did not answer, or could not be sent.

    ``timed_out`` is true when the modem did not answer at all.
    """

    def __init__(self, message: str, *, timed_out: bool = False) -> None:
        """Keep the plain-words ``message`` and whether the modem stayed silent."""
        super().__init__(message)
        self.timed_out = timed_out
