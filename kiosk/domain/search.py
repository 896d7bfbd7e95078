"""Search keys: how references and names are normalised so lookups can use an index.

A reference matches whatever its case or surrounding spaces; a name matches by a
prefix of its case-folded form ("ash" finds "Asha Verma" and "ASHOK RAO").
"""

from __future__ import annotations

import unicodedata

#: Appended to a prefix to bound an index range: every key starting with the prefix
#: sorts below ``prefix + PREFIX_END`` (binary / "C" collation).
PREFIX_END = "\U0010ffff"


def reference_key(reference: str) -> str:
    """The form a reference is compared in: trimmed, upper-case."""
    return reference.strip().upper()


def name_key(name: str) -> str:
    """The form a name is searched by: NFKC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())
