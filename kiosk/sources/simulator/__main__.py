"""A simulated modem to try by hand: ``python -m kiosk.sources.simulator [--dialect D] [CALLER]``.

Prints the port to point the kiosk at, then rings each time Enter is pressed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys

from kiosk.sources.simulator.dialects import DIALECTS, GENERIC, Dialect
from kiosk.sources.simulator.modem import ModemSimulator


async def _main(caller: str, dialect: Dialect) -> None:
    """Print the port and ring ``caller`` (or the number typed) each time Enter is pressed."""
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[str | None] = asyncio.Queue()
    stdin = sys.stdin.fileno()
    pending = bytearray()

    def on_stdin() -> None:
        data = os.read(stdin, 1024)
        if not data:  # end of input
            loop.remove_reader(stdin)
            lines.put_nowait(None)
            return
        pending.extend(data)
        *complete, rest = pending.split(b"\n")
        pending[:] = rest
        for line in complete:
            lines.put_nowait(line.decode(errors="replace").strip())

    loop.add_reader(stdin, on_stdin)
    try:
        async with ModemSimulator(dialect=dialect) as sim:
            print(f"Simulated {dialect.manufacturer} {dialect.model} modem on {sim.port}")
            print("Enter rings; type a number (or 'withheld') first to change it. Ctrl-D quits.")
            while (line := await lines.get()) is not None:
                number = line or caller
                if number.lower() == "withheld":
                    number = ""
                outcome = "rejected" if await sim.ring(number) else "not rejected"
                print(f"Call from {number or 'a withheld number'}: {outcome}")
    finally:
        loop.remove_reader(stdin)


def main() -> None:
    """Parse the command line and run until Ctrl-D or Ctrl-C."""
    parser = argparse.ArgumentParser(
        prog="python -m kiosk.sources.simulator",
        description="A simulated voice modem on a pseudo-terminal.",
    )
    parser.add_argument("caller", nargs="?", default="+919812345678", help="who rings")
    parser.add_argument("--dialect", choices=sorted(DIALECTS), default=GENERIC.name)
    options = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_main(options.caller, DIALECTS[options.dialect]))


if __name__ == "__main__":
    main()
