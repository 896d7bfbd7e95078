"""Importing messy customer files into a real database (SQLite and PostgreSQL)."""

import csv
from pathlib import Path

import openpyxl
import pytest

from kiosk.store.customers import count_customers, customer_by_reference
from kiosk.store.database import Database
from kiosk.store.importing.columns import ColumnProblem
from kiosk.store.importing.files import UnreadableFile
from kiosk.store.importing.importer import ImportProgress, import_customers

MANIFEST = (
    "\ufeffDelivery manifest 26 Nov\r\n"
    "\r\n"
    "Order No;Customer Name;Mobile\r\n"
    "ORD-1;Asha Verma;098123 45678\r\n"
    "\r\n"
    "ORD-2;Rahul Mehta;+91 98223-34455\r\n"
    "ORD-3;Short Number;12345\r\n"
    "ord-1;Asha Verma;9812345678\r\n"
    "ORD-4;Spreadsheet;9.81235E+09\r\n"
    "ORD-2;Rahul M;9899001122\r\n"
    ";No Reference;9833445566\r\n"
    "ORD-5;Priya Nair;0091 98334 45566\r\n"
    "ORD-6;Float Copy;9844556677.0\r\n"
    "ORD-7;Two Phones;98123 45678 / 98223 34455\r\n"
)


def run(database: Database, path: Path, **options: object):
    values: dict = {"region": "IN", "kiosk_id": "counter-1", "report": path.with_suffix(".bad.csv")}
    values.update(options)
    return import_customers(database, path, **values)


def stored(database: Database, reference: str) -> tuple[str, str, str]:
    with database.session() as session:
        customer = customer_by_reference(session, reference)
        assert customer is not None
        return customer.reference, customer.name, customer.phone


def report_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_a_messy_manifest_imports_the_good_rows_and_reports_the_rest(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "manifest.csv"
    path.write_bytes(MANIFEST.encode("utf-8"))
    result = run(database, path)
    assert result.columns == {"reference": "Order No", "name": "Customer Name", "phone": "Mobile"}
    assert (result.rows, result.added, result.updated) == (10, 4, 0)
    assert (result.rejected, result.duplicates) == (5, 1)
    report = report_rows(path.with_suffix(".bad.csv"))
    assert [(r["line"], r["column"], r["value"]) for r in report] == [
        ("7", "Mobile", "12345"),
        ("8", "Order No", "ord-1"),
        ("9", "Mobile", "9.81235E+09"),
        ("10", "Order No", "ORD-2"),
        ("11", "Order No", ""),
        ("14", "Mobile", "98123 45678 / 98223 34455"),
    ]
    assert "wrong number of digits" in report[0]["reason"]
    assert report[1]["reason"].startswith("Duplicate of line 4")
    assert "scientific notation" in report[2]["reason"]
    assert "line 6 was used" in report[3]["reason"]
    assert "more than one number" in report[5]["reason"]
    assert stored(database, "ord-1") == ("ORD-1", "Asha Verma", "+919812345678")
    assert stored(database, "ORD-5") == ("ORD-5", "Priya Nair", "+919833445566")
    assert stored(database, "ORD-6")[2] == "+919844556677"


def test_importing_again_updates_by_reference(database: Database, tmp_path: Path) -> None:
    first = tmp_path / "a.csv"
    first.write_text("reference,name,phone\nM-1,Anita,9812345678\nM-2,Deepak,9822334455\n")
    run(database, first)
    second = tmp_path / "b.csv"
    second.write_text(
        "Member ID,Name,Phone\nm-1,Anita Joseph,+91 98990 01122\nM-3,Lakshmi,9833445566\n"
    )
    result = run(database, second)
    assert (result.added, result.updated, result.rejected) == (1, 1, 0)
    assert result.report is None
    with database.session() as session:
        assert count_customers(session) == 3
    assert stored(database, "M-1") == ("M-1", "Anita Joseph", "+919899001122")


def test_a_windows_1252_file_is_read_with_a_note(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("Ref,Name,Phone\nX1,José Müller,9812345678\n".encode("cp1252"))
    result = run(database, path)
    assert result.added == 1
    assert any("not UTF-8" in note and "Windows-1252" in note for note in result.notes)
    assert stored(database, "X1")[1] == "José Müller"


def test_utf16_with_tabs_as_excel_saves_unicode_text(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_text("Order\tName\tPhone\nA-1\tदीपक कुमार\t08123456789\n", encoding="utf-16")
    result = run(database, path)
    assert (result.added, result.rejected) == (1, 0)


def test_xlsx_with_numbers_in_number_cells(database: Database, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Daily manifest"])
    sheet.append(["AWB No", "Consignee", "Consignee Mobile"])
    sheet.append([1042, "Asha Verma", 9812345678])
    sheet.append([1043, "Rahul Mehta", "bad"])
    sheet.append([None, None, None])
    sheet.append([1044, "Priya", "+91 98334 45566"])
    path = tmp_path / "day.xlsx"
    book.save(path)
    result = run(database, path)
    assert (result.added, result.rejected) == (2, 1)
    assert result.rejections[0].line == 4
    assert stored(database, "1042") == ("1042", "Asha Verma", "+919812345678")


def test_column_overrides_and_plain_word_problems(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Docket,Who,Digits\nD-1,Asha,9812345678\n")
    with pytest.raises(ColumnProblem, match="which column holds the reference and the phone"):
        run(database, path)
    with pytest.raises(ColumnProblem, match="No column is called 'Nope'"):
        run(database, path, overrides={"reference": "Nope", "phone": "Digits"})
    result = run(
        database, path, overrides={"reference": "docket", "phone": "DIGITS", "name": "Who"}
    )
    assert (result.added, result.columns["name"]) == (1, "Who")


def test_unreadable_files_are_explained(database: Database, tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="no file"):
        run(database, tmp_path / "missing.csv")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UnreadableFile, match=r"save it as \.xlsx or CSV"):
        run(database, old)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook")
    with pytest.raises(UnreadableFile, match="not a readable Excel"):
        run(database, fake)


def test_a_killed_import_keeps_whole_batches_and_resumes(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "big.csv"
    lines = ["ref,name,phone"] + [f"R-{i},Person {i},98{i:08d}" for i in range(25)]
    lines.insert(8, "R-bad,Nobody,123")
    path.write_text("\n".join(lines) + "\n")
    seen: list[ImportProgress] = []

    def killed_after_two_batches(progress: ImportProgress) -> None:
        seen.append(progress)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(database, path, batch_size=10, progress=killed_after_two_batches)
    with database.session() as session:
        assert count_customers(session) == 20  # two whole batches, nothing half-written
    result = run(database, path, batch_size=10)
    assert result.resumed_after_line == 22
    assert (result.added, result.updated, result.rejected) == (25, 0, 1)
    assert [r.line for r in result.rejections] == [9]  # the report is complete again
    with database.session() as session:
        assert count_customers(session) == 25
    again = run(database, path, batch_size=10)  # a finished import starts afresh
    assert (again.resumed_after_line, again.added, again.updated) == (0, 0, 25)


def test_progress_reaches_the_end(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("ref,name,phone\n" + "".join(f"R{i},N,98{i:08d}\n" for i in range(30)))
    seen: list[ImportProgress] = []
    run(database, path, batch_size=7, progress=seen.append)
    assert len(seen) >= 5
    assert seen[-1].fraction == 1.0
    assert (seen[-1].rows, seen[-1].added) == (30, 30)


def test_control_characters_in_references_and_names_are_refused_row_by_row(
    database: Database, tmp_path: Path
) -> None:
    # A reference that would end the SMS early and run the rest as modem commands.
    path = tmp_path / "injected.csv"
    path.write_text(
        "Order No,Customer Name,Mobile\r\n"
        '"ORD-1\x1aAT+CFUN=0\r",Asha Verma,9812345678\r\n'
        '"ORD-2","Rahul\x1b[2J Mehta",9822334455\r\n'
        '"ORD-3","Priya\nNair",9833445566\r\n'
        "ORD-4,Meera Iyer,9844556677\r\n",
        encoding="utf-8",
    )
    result = run(database, path)
    assert (result.added, result.rejected) == (1, 3)
    report = report_rows(path.with_suffix(".bad.csv"))
    assert [(r["line"], r["column"], r["value"]) for r in report] == [
        ("2", "Order No", "ORD-1␚AT+CFUN=0"),  # the cell's ending CR is trimmed
        ("4", "Customer Name", "Rahul␛[2J Mehta"),  # lines as the file counts them
        ("5", "Customer Name", "Priya␊Nair"),
    ]
    assert report[0]["reason"].startswith("The reference holds a control character")
    assert report[1]["reason"].startswith("The name holds a control character")
    with database.session() as session:
        assert count_customers(session) == 1


def test_formulas_in_a_rejected_row_are_reported_as_text(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "attack.csv"
    path.write_text(
        "reference,name,phone\n"
        "ORD-1,Asha Verma,9812345678\n"
        '"=HYPERLINK(""http://x"",""y"")",Mallory,=cmd|\' /C calc\'!A0\n'
        "ORD-3,@SUM(1+1),+91 123\n",
        encoding="utf-8",
    )
    result = run(database, path)
    assert (result.added, result.rejected) == (1, 2)
    values = {row["value"] for row in report_rows(path.with_suffix(".bad.csv"))}
    assert values == {"'=cmd|' /C calc'!A0", "+91 123"}  # the short number stays readable
    text = path.with_suffix(".bad.csv").read_text(encoding="utf-8-sig")
    assert ',"=' not in text
    assert ',"@' not in text
