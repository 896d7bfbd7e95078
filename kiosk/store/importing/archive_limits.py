"""An XLSX is a zip archive: checked before it is opened, so a spreadsheet bomb cannot fill memory.

A few hundred kilobytes of zip can unpack to gigabytes (deflate packs a run of one byte
about a thousand to one), and openpyxl keeps a sheet's shared strings in memory. Only
the archive's table of contents is read here (no member is unpacked): how many members,
how large each says it unpacks (Python's zipfile never unpacks more than that), how
many times its packed size, whether members overlap (one packed stream counted many
times), and whether another archive is packed inside. :func:`archive_problem` names
the first limit broken.
"""

from __future__ import annotations

import itertools
import zipfile
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

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


class ArchiveLimit(Enum):
    """Which limit an archive breaks."""

    MEMBERS = "members"
    UNPACKED = "unpacked"
    RATIO = "ratio"
    OVERLAP = "overlap"
    NESTED = "nested"


@dataclass(frozen=True, slots=True)
class ArchiveProblem:
    """A broken limit: which, the member concerned (if one), what was found, the limit."""

    limit: ArchiveLimit
    member: str = ""
    found: int = 0
    allowed: int = 0


def archive_problem(path: Path) -> ArchiveProblem | None:
    """The first limit ``path`` breaks, or None when it may be opened.

    Raises :class:`zipfile.BadZipFile` when it is not a zip archive at all.
    """
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            return ArchiveProblem(ArchiveLimit.MEMBERS, found=len(members), allowed=MAX_MEMBERS)
        unpacked = sum(member.file_size for member in members)
        if unpacked > MAX_UNPACKED:
            return ArchiveProblem(ArchiveLimit.UNPACKED, found=unpacked, allowed=MAX_UNPACKED)
        for member in members:
            if member.file_size > RATIO_GRACE:
                ratio = member.file_size // max(member.compress_size, 1)
                if ratio > MAX_RATIO:
                    return ArchiveProblem(
                        ArchiveLimit.RATIO, member.filename, found=ratio, allowed=MAX_RATIO
                    )
        if (overlap := _overlapping(members)) is not None:
            return ArchiveProblem(ArchiveLimit.OVERLAP, overlap)
        for member in members:
            if not member.is_dir() and _is_archive(archive, member):
                return ArchiveProblem(ArchiveLimit.NESTED, member.filename)
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
