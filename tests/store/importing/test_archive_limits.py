"""Spreadsheet bombs: an XLSX is looked at as an archive and refused before it is opened."""

import resource
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from kiosk.app import main
from kiosk.domain.reasons import Why
from kiosk.store.importing import archive_limits
from kiosk.store.importing.archive_limits import ArchiveReason, archive_problem
from kiosk.store.importing.files import UnreadableFile, open_table
from tests.store.importing.bombs import (
    SHARED_STRINGS,
    workbook_bytes,
    write_bomb,
    write_many_members,
    write_nested,
    write_overlapping,
)


def limit_broken(path: Path) -> object:
    refused = archive_problem(path)
    assert refused is not None
    assert refused.reason is ArchiveReason.REFUSED
    problem = refused.values["problem"]
    assert isinstance(problem, Why)
    return problem.reason


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """373 KB that unpack to 361 MiB (made once: about a second)."""
    return write_bomb(tmp_path_factory.mktemp("bomb") / "customers.xlsx")


def test_the_bomb_is_real(bomb: Path) -> None:
    assert bomb.stat().st_size < 400_000
    with zipfile.ZipFile(bomb) as archive:
        assert sum(member.file_size for member in archive.infolist()) > 360 * 2**20
        assert SHARED_STRINGS in archive.namelist()


def test_a_bomb_is_refused_before_the_memory_grows(bomb: Path, capsys) -> None:
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    try:
        with pytest.raises(UnreadableFile) as refused:
            open_table(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    with capsys.disabled():
        print(f"\nbomb refused: Python peak {peak / 2**20:.2f} MiB, process peak +{grown_kib} KiB")
    message = str(refused.value)
    assert refused.value.why is not None  # the screen puts it in its own language
    assert limit_broken(bomb) is ArchiveReason.RATIO
    assert "xl/sharedStrings.xml" in message
    assert "the limit is 100 times" in message
    assert "save the sheet as CSV" in message
    assert peak < 5 * 2**20  # openpyxl would have taken 700 MB (bench/xlsx_bomb.py)
    assert grown_kib < 50 * 1024


def test_the_command_line_refuses_it_in_plain_words(
    bomb: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["customers", "import", str(bomb), "--database-url", database_url]) == 2
    err = capsys.readouterr().err
    assert "zip bomb" in err
    assert "It was not opened" in err


def test_an_honest_workbook_passes(tmp_path: Path) -> None:
    path = tmp_path / "honest.xlsx"
    path.write_bytes(workbook_bytes())
    assert archive_problem(path) is None
    table = open_table(path)
    assert [row.cells for row in table.rows()][1] == ["ORD-1", "Asha Verma", "9812345678"]
    table.close()


def test_too_many_members(tmp_path: Path) -> None:
    path = write_many_members(tmp_path / "many.xlsx", archive_limits.MAX_MEMBERS)
    assert limit_broken(path) is ArchiveReason.MEMBERS
    with pytest.raises(UnreadableFile, match="the limit is 1000"):
        open_table(path)


def test_too_large_unpacked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive_limits, "MAX_UNPACKED", 2**20)  # 1 MiB, not 512: quicker
    path = tmp_path / "large.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", bytes(range(256)) * 4200)
    with pytest.raises(UnreadableFile, match="would unpack to 1 MB, more than the 1 MB"):
        open_table(path)


def test_overlapping_members(tmp_path: Path) -> None:
    path = write_overlapping(tmp_path / "overlap.xlsx")
    assert limit_broken(path) is ArchiveReason.OVERLAP
    with pytest.raises(UnreadableFile, match="overlaps another part"):
        open_table(path)


def test_an_archive_inside_even_renamed(tmp_path: Path) -> None:
    path = write_nested(tmp_path / "nested.xlsx")
    with pytest.raises(UnreadableFile, match=r"another archive packed inside \(xl/embeddings"):
        open_table(path)
