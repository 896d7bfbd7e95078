"""Customer data at scale: import rate of a generated file, then lookup latency.

Writes a CSV of N customers (default 1,000,000) with phones in mixed local formats,
imports it with the real importer (``customers import``'s code path, one transaction
per batch), then times 1000 lookups of each kind through ``find_customers`` — by
reference, by phone written the local way, and by a name prefix — and prints median,
p99 and worst.

    .venv/bin/python -m bench.customer_scale [N] [--database-url URL]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from kiosk.store.customers import count_customers, find_customers
from kiosk.store.database import Database
from kiosk.store.importing.importer import import_customers

FIRST = (
    "Asha",
    "Rahul",
    "Priya",
    "Vikram",
    "Fatima",
    "Arjun",
    "Meera",
    "Sanjay",
    "Neha",
    "Imran",
    "Kavya",
    "Rohan",
    "Anita",
    "Deepak",
    "Lakshmi",
    "Gurpreet",
    "Tenzin",
    "Pooja",
)
LAST = ("Verma", "Mehta", "Nair", "Singh", "Sheikh", "Rao", "Iyer", "Gupta", "Kapoor", "Khan",
        "Reddy", "Das", "Joseph", "Kumar", "Menon", "Kaur", "Dorje", "Shah", "Pillai")  # fmt: skip
LOOKUPS = 1000


def phone_for(index: int) -> str:
    """A valid Indian mobile number for ``index``, in one of several local spellings."""
    digits = f"9{(index * 7919) % 10**9:09d}"
    style = index % 4
    if style == 0:
        return f"0{digits[:5]} {digits[5:]}"
    if style == 1:
        return f"+91 {digits[:5]}-{digits[5:]}"
    if style == 2:
        return digits
    return f"0091 {digits}"


def name_for(index: int) -> str:
    rng = random.Random(index)
    return f"{rng.choice(FIRST)} {rng.choice(LAST)} {index % 997}"


def write_file(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("Order No,Customer Name,Mobile\n")
        for index in range(count):
            out.write(f"ORD-{index:07d},{name_for(index)},{phone_for(index)}\n")


def timed(lookups: list[str], database: Database) -> tuple[float, float, float, int]:
    samples = []
    found = 0
    with database.session() as session:
        for text in lookups:
            started = time.perf_counter()
            found += bool(find_customers(session, text, region="IN"))
            samples.append(time.perf_counter() - started)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1], samples[-1], found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--database-url", help="default: a new SQLite file in a temp dir")
    parser.add_argument("--batch-size", type=int, default=5000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "customers.csv"
        write_file(source, options.count)
        database = Database(options.database_url or f"sqlite:///{work}/bench.sqlite3")
        database.migrate()
        started = time.perf_counter()
        result = import_customers(
            database, source, region="IN", kiosk_id="bench", batch_size=options.batch_size
        )
        elapsed = time.perf_counter() - started
        with database.session() as session:
            total = count_customers(session)
        print(f"database: {database.engine.dialect.name}, customers on file: {total:,}")
        print(
            f"import: {result.rows:,} rows in {elapsed:.1f} s = {result.rows / elapsed:,.0f} rows/s"
            f" (added {result.added:,}, rejected {result.rejected:,})"
        )
        rng = random.Random(7)
        picks = [rng.randrange(options.count) for _ in range(LOOKUPS)]
        kinds = {
            "reference": [f"ord-{index:07d}" for index in picks],
            "phone (local format)": [phone_for(index + 1) for index in picks],
            "name prefix": [name_for(index)[: rng.randint(2, 8)] for index in picks],
        }
        for kind, lookups in kinds.items():
            median, p99, worst, found = timed(lookups, database)
            print(
                f"lookup by {kind:<21} median {median * 1000:6.2f} ms   p99 {p99 * 1000:6.2f} ms"
                f"   worst {worst * 1000:6.2f} ms   ({found}/{len(lookups)} found)"
            )
        database.dispose()


if __name__ == "__main__":
    main()
