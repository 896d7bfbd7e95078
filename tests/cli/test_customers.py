"""The ``customers`` command: import with a report and exit codes, and lookup."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.app import main
from kiosk.store.customers import count_customers
from kiosk.store.database import Database


def test_import_prints_a_summary_and_writes_the_report_beside_the_file(
    tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "manifest.csv"
    path.write_text("Order No,Name,Mobile\nO-1,Asha Verma,098123 45678\nO-2,Rahul,12\n")
    code = main(["customers", "import", str(path), "--database-url", database_url])
    out = capsys.readouterr().out
    assert code == 1
    assert "2 rows read" in out
    assert "1 customers added, 0 updated, 1 rejected" in out
    report = tmp_path / "manifest.rejected.csv"
    assert str(report) in out
    assert "O-2" not in report.read_text().splitlines()[0]
    assert report.read_text(encoding="utf-8-sig").splitlines()[1].startswith("3,Mobile,12,")

    assert main(["customers", "find", "ash", "--json", "--database-url", database_url]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found == [{"reference": "O-1", "name": "Asha Verma", "phone": "+91 ••••••5678"}]


def test_map_option_json_summary_and_exit_0(
    tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Docket,Who,Digits\nD-1,Asha,9812345678\n")
    args = ["customers", "import", str(path), "--database-url", database_url, "--json"]
    assert main([*args, "--map", "reference=Docket", "--map", "phone=Digits"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["added"], summary["rejected"], summary["report"]) == (1, 0, None)
    assert summary["columns"]["phone"] == "Digits"


def test_unreadable_columns_exit_2_with_a_plain_message(
    tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Docket,Who,Digits\nD-1,Asha,9812345678\n")
    assert main(["customers", "import", str(path), "--database-url", database_url]) == 2
    err = capsys.readouterr().err
    assert "Nothing was imported" in err
    assert "--map" in err
    assert main(["customers", "import", str(path), "--map", "colour=Who"]) == 2
    assert "not a field to map" in capsys.readouterr().err


def test_the_import_map_setting_comes_from_the_environment(
    tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_IMPORT_MAP", '{"reference": "Docket", "phone": "Digits"}')
    path = tmp_path / "odd.csv"
    path.write_text("Docket,Who,Digits\nD-1,Asha,9812345678\n")
    assert main(["customers", "import", str(path), "--database-url", database_url]) == 0


BATCH = 293


def test_an_import_killed_mid_way_keeps_whole_batches_and_resumes(
    tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.csv"
    path.write_text(
        "ref,name,phone\n" + "".join(f"R-{i},Person {i},98{i:08d}\n" for i in range(30000))
    )
    command = [sys.executable, "-m", "kiosk.app", "customers", "import", str(path)]
    command += ["--database-url", database_url]
    # An odd batch size: whole batches of the default 1000 would not be whole batches of 293.
    env = {**os.environ, "KIOSK_IMPORT_BATCH_SIZE": str(BATCH)}
    database = Database(database_url)
    database.migrate()
    importer = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 30
        while written(database) < 2000 and importer.poll() is None:  # watch the other process
            assert time.monotonic() < deadline
            time.sleep(0.01)
        importer.send_signal(signal.SIGKILL)
        importer.wait()
        assert importer.returncode == -signal.SIGKILL, "it finished before it could be killed"
        assert written(database) % BATCH == 0  # whole batches only, of the set size
        assert main(["customers", "import", str(path), "--database-url", database_url]) == 0
        assert "Carried on from line" in capsys.readouterr().out
        assert written(database) == 30000
    finally:
        database.dispose()


def written(database: Database) -> int:
    with database.session() as session:
        return count_customers(session)
