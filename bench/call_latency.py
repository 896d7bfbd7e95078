"""How fast a missed call is dropped and verified, over a real pseudo-terminal.

For each of N calls: start a session, let the simulated modem ring (RING + CLIP), and
time (a) until the kiosk's hang-up (AT+CHUP) reaches the modem and (b) until the session is
verified and its callback is queued in the SQLite outbox. Prints median, p95 and max.

    .venv/bin/python -m bench.call_latency [N]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time

from kiosk.config.settings import load_settings
from kiosk.core.runtime import KioskRuntime
from kiosk.store.demo import SAMPLE_CUSTOMERS


def summary(name: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(int(len(ordered) * 0.95) - 1, 0)]
    return (
        f"{name:<28} median {statistics.median(ordered) * 1000:7.2f} ms"
        f"   p95 {p95 * 1000:7.2f} ms   max {ordered[-1] * 1000:7.2f} ms"
    )


async def measure(count: int) -> None:
    with tempfile.TemporaryDirectory() as data:
        settings = load_settings(
            demo=True, database_url=f"sqlite:///{data}/bench.sqlite3", timeout=60
        )
        async with KioskRuntime(settings) as runtime:
            simulator = runtime.simulator
            assert simulator is not None
            await asyncio.wait_for(simulator.caller_id_enabled.wait(), 10)
            hang_up: list[float] = []
            verified: list[float] = []
            for index in range(count):
                reference, _name, phone = SAMPLE_CUSTOMERS[index % len(SAMPLE_CUSTOMERS)]
                session = await runtime.service.start_for_reference(reference)
                outcome = asyncio.ensure_future(runtime.service.outcome(session.id))
                started = time.perf_counter()
                ring = asyncio.ensure_future(simulator.ring(phone, rings=1, interval=5))
                ring.add_done_callback(lambda _, t=started: hang_up.append(time.perf_counter() - t))
                outcome.add_done_callback(
                    lambda _, t=started: verified.append(time.perf_counter() - t)
                )
                assert await ring, "the call was not rejected"
                await outcome
            assert not simulator.answered
    print(f"{count} calls over a real pty (modem driver → service → SQLite outbox)")
    print(summary("RING/CLIP → verified+queued", verified))
    print(summary("RING/CLIP → hang-up at modem", hang_up))


if __name__ == "__main__":
    asyncio.run(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
