"""Real XLSX files that attack the importer: a spreadsheet bomb and its relatives.

Each starts as a genuine workbook written by openpyxl and then has a part replaced or
added, so the bytes are what an attacker would hand over on a USB stick.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import openpyxl

SHARED_STRINGS = "xl/sharedStrings.xml"
_CHUNK = b"A" * (1 << 20)
_TYPES = "[Content_Types].xml"
_SHEET = "xl/worksheets/sheet1.xml"
_STRINGS_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml" /></Types>'
)


def workbook_bytes() -> bytes:
    """A small, honest customer workbook."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["reference", "name", "phone"])
    sheet.append(["ORD-1", "Asha Verma", "9812345678"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rewrite(path: Path, *, shared_string: bool = False) -> zipfile.ZipFile:
    """Copy the honest workbook to ``path`` (left open, for more parts).

    ``shared_string``: the name cell reads shared string 0 (the bomb's part) instead.
    """
    original = zipfile.ZipFile(io.BytesIO(workbook_bytes()))
    target = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9)
    for member in original.infolist():
        data = original.read(member)
        if shared_string and member.filename == _TYPES:
            data = data.replace(b"</Types>", _STRINGS_TYPE)
        if shared_string and member.filename == _SHEET:
            inline = b'<c r="B2" t="inlineStr"><is><t>Asha Verma</t></is></c>'
            assert inline in data
            data = data.replace(inline, b'<c r="B2" t="s"><v>0</v></c>')
        target.writestr(member, data)
    return target


def write_bomb(path: Path, unpacked_mib: int = 361) -> Path:
    """A workbook whose one shared string unpacks to ``unpacked_mib`` MiB (packed: ~1/1000)."""
    with (
        _rewrite(path, shared_string=True) as target,
        target.open(SHARED_STRINGS, "w", force_zip64=True) as part,
    ):
        part.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
        part.write(b' count="1" uniqueCount="1"><si><t>')
        for _ in range(unpacked_mib):
            part.write(_CHUNK)
        part.write(b"</t></si></sst>")
    return path


def write_many_members(path: Path, count: int) -> Path:
    """A workbook with ``count`` tiny extra parts."""
    with _rewrite(path) as target:
        for index in range(count):
            target.writestr(f"xl/extra/part{index}.xml", b"<a/>")
    return path


def write_nested(path: Path) -> Path:
    """A workbook carrying another workbook inside (renamed, to hide it)."""
    with _rewrite(path) as target:
        target.writestr("xl/embeddings/oleObject1.bin", workbook_bytes())
    return path


def write_overlapping(path: Path) -> Path:
    """A workbook whose last part is listed twice over the same packed bytes."""
    data = bytearray(Path(write_many_members(path, 1)).read_bytes())
    last = data.rfind(b"PK\x01\x02")
    offset_field = last + 42
    [first_offset] = struct.unpack_from("<I", data, data.find(b"PK\x01\x02") + 42)
    struct.pack_into("<I", data, offset_field, first_offset)  # point it at the first part
    path.write_bytes(bytes(data))
    return path
