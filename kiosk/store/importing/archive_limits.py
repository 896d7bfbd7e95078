"""An XLSX is a zip archive: checked before it is opened, so a spreadsheet bomb cannot fill memory.

A few hundred kilobytes of zip can unpack to gigabytes (deflate packs a run of one byte
about a thousand to one), and openpyxl keeps a sheet's shared strings in memory. Only
the archive's table of contents is read here (no member is unpacked): how many members,
how large each says it unpacks (Python's zipfile never unpacks more than that), how
many times its packed size, whether members overlap (one packed stream counted many
times), and whether another archive is packed inside. :func:`archive_problem` names
the first limit broken, as a reason (the front-end puts it in words).
"""

from __future__ import annotations

import itertools
import zipfile
from pathlib import Path

from kiosk.domain.reasons import Reason, Why
from kiosk.domain.translatable import QT_TRANSLATE_NOOP

MIB = 1 << 20
#: A workbook has a few dozen members; a thousand is already absurd.
MAX_MEMBERS = 1000
#: All members together, unpacked. Excel's largest sheet (1,048,576 rows of a reference,
#: a name and a phone) unpacks to about 250 MB.
MAX_UNPACKED = 512 * MIB
#: Unpacked over packed size, for members past :data:`RATIO_GRACE` (Apache POI's rule:
#: real sheets pack 5 to 30 times, a bomb about a thousand times).
MAX_RATIO = 100
RATIO_GRACE = 1 * MIB
#: The first bytes of archives (zip, gzip, 7-Zip, RAR, bzip2, xz).
_ARCHIVE_MAGIC = (b"PK\x03\x04", b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!", b"BZh", b"\xfd7zXZ")
_LOCAL_HEADER = 30  # the fixed part of a member's local header, before its name


class ArchiveReason(Reason):
    """Which limit an XLSX breaks, in words that name it."""

    MEMBERS = (
        "xlsx_too_many_members",
        QT_TRANSLATE_NOOP(
            "ArchiveReason",
            "{name} holds {found} files inside; a workbook has a few dozen (the limit is "
            "{allowed}).",
        ),
    )
    UNPACKED = (
        "xlsx_too_large_unpacked",
        QT_TRANSLATE_NOOP(
            "ArchiveReason",
            "{name} would unpack to {found} MB, more than the {allowed} MB a customer file "
            "may take.",
        ),
    )
    RATIO = (
        "xlsx_ratio",
        QT_TRANSLATE_NOOP(
            "ArchiveReason",
            "Inside {name}, {member} would unpack to {found} times its packed size (the "
            "limit is {allowed} times): that is how a 'zip bomb' fills the memory.",
        ),
    )
    OVERLAP = (
        "xlsx_overlap",
        QT_TRANSLATE_NOOP(
            "ArchiveReason",
            "{name} is a damaged or crafted archive: {member} overlaps another part (the "
            "limit: no part may be counted twice).",
        ),
    )
    NESTED = (
        "xlsx_nested",
        QT_TRANSLATE_NOOP(
            "ArchiveReason",
            "{name} has another archive packed inside ({member}); a customer list needs "
            "none (the limit: no archive inside).",
        ),
    )
    REFUSED = (
        "xlsx_refused",
        QT_TRANSLATE_NOOP(
            "ArchiveReason",
            "{problem} It was not opened. Open it in Excel or LibreOffice, save the sheet "
            "as CSV, and import that.",
        ),
    )


def archive_problem(path: Path) -> Why | None:
    """Why ``path`` may not be opened (:attr:`ArchiveReason.REFUSED`), or None when it may.

    Raises :class:`zipfile.BadZipFile` when it is not a zip archive at all.
    """
    problem = _first_limit(path)
    return None if problem is None else Why(ArchiveReason.REFUSED, problem=problem)


def _first_limit(path: Path) -> Why | None:
    name = path.name
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            return Why(ArchiveReason.MEMBERS, name=name, found=len(members), allowed=MAX_MEMBERS)
        unpacked = sum(member.file_size for member in members)
        if unpacked > MAX_UNPACKED:
            return Why(
                ArchiveReason.UNPACKED,
                name=name,
                found=unpacked // MIB,
                allowed=MAX_UNPACKED // MIB,
            )
        for member in members:
            ratio = member.file_size // max(member.compress_size, 1)
            if member.file_size > RATIO_GRACE and ratio > MAX_RATIO:
                return Why(
                    ArchiveReason.RATIO,
                    name=name,
                    member=member.filename,
                    found=ratio,
                    allowed=MAX_RATIO,
                )
        if (overlap := _overlapping(members)) is not None:
            return Why(ArchiveReason.OVERLAP, name=name, member=overlap)
        for member in members:
            if not member.is_dir() and _is_archive(archive, member):
                return Why(ArchiveReason.NESTED, name=name, member=member.filename)
    return None


def _overlapping(members: list[zipfile.ZipInfo]) -> str | None:
    """The first member whose packed bytes start inside the one before it."""
    ordered = sorted(members, key=lambda member: member.header_offset)
    for before, member in itertools.pairwise(ordered):
        if member.header_offset < before.header_offset + _LOCAL_HEADER + before.compress_size:
            return member.filename
    return None


def _is_archive(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Whether a member is itself an archive (read: its first bytes, at most one block)."""
    try:
        with archive.open(member) as stream:
            head = stream.read(8)
    except (RuntimeError, NotImplementedError, zipfile.BadZipFile):
        return False  # encrypted or packed in an unknown way: openpyxl says so later
    return head.startswith(_ARCHIVE_MAGIC)
