"""Provider polling: detection latency and requests per verification, against a local fake.

For each of N sessions: start a session, let the fake provider's call log show the
customer's call after a random 0-2 s, and time from the record appearing to the
outcome. Counts the HTTP requests the kiosk made per verification. Uses the default
poll interval (1 s) and initial delay (0.5 s) unless given.

    .venv/bin/python -m bench.provider_latency [N] [INTERVAL]
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime

from kiosk.config.settings import load_settings
from kiosk.core.runtime import KioskRuntime
from kiosk.core.sessions import LATE_WINDOW
from tests.sources.provider.fake_call_log import NUMBER, FakeCallLog


async def measure(count: int, interval: float) -> None:
    call_log = FakeCallLog()
    latencies: list[float] = []
    requests: list[int] = []
    with tempfile.TemporaryDirectory() as data:
        settings = load_settings(
            source="http-json",
            dial_number=NUMBER,
            database_url=f"sqlite:///{data}/bench.sqlite3",
            http_json_url=call_log.url,
            http_json_auth_header="Bearer s3cret",
            http_json_items="data.calls",
            http_json_caller="caller.number",
            http_json_time="started",
            http_json_id="sid",
            poll_interval=interval,
            timeout=60,
        )
        async with KioskRuntime(settings) as runtime:
            for index in range(count):
                before = len(call_log.requests)
                session = await runtime.service.start_for_phone("+919812345678")
                await asyncio.sleep(random.uniform(0, 2))  # the customer dials
                call_log.add(f"call-{index}", "+919812345678", datetime.now(UTC))
                appeared = time.perf_counter()
                final = await runtime.service.outcome(session.id)
                latencies.append(time.perf_counter() - appeared)
                requests.append(len(call_log.requests) - before)
                assert final.status.value == "verified"
            before = len(call_log.requests)
            await asyncio.sleep(LATE_WINDOW.total_seconds() + 1)  # the late-record window
            late_requests = len(call_log.requests) - before
    call_log.stop()
    ordered = sorted(latencies)
    print(f"{count} verifications, poll interval {interval:g} s, initial delay 0.5 s")
    print(
        f"record visible → verified: median {statistics.median(ordered) * 1000:.0f} ms, "
        f"p95 {ordered[int(len(ordered) * 0.95) - 1] * 1000:.0f} ms, "
        f"max {ordered[-1] * 1000:.0f} ms"
    )
    print(f"requests while pending: median {statistics.median(requests):g}, max {max(requests)}")
    print(f"requests in the late-record window after the last session: {late_requests}")


if __name__ == "__main__":
    asyncio.run(
        measure(
            int(sys.argv[1]) if len(sys.argv) > 1 else 30,
            float(sys.argv[2]) if len(sys.argv) > 2 else 1.0,
        )
    )
