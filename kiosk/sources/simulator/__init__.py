"""A simulated voice modem on a real pseudo-terminal, for tests, demo mode and trying by hand.

``modem`` is the simulator (:class:`ModemSimulator`: calls and faults to play),
``commands`` its AT command set, ``terminal`` the pty it talks over, ``dialects`` the
habits of real modem families it can imitate. ``python -m kiosk.sources.simulator
[--dialect D]`` gives one to play with by hand.
"""

from kiosk.sources.simulator.modem import ModemSimulator

__all__ = ["ModemSimulator"]
