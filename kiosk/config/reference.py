"""The README's settings tables, generated from the settings' declarations.

``python -m kiosk.config.reference`` prints every table; with a file name
(``make readme``: ``python -m kiosk.config.reference README.md``) it rewrites the tables
in that file, each between ``<!-- settings:KEY -->`` and ``<!-- /settings:KEY -->``,
where KEY names a section (:class:`~kiosk.config.metadata.Section`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk.config.metadata import SettingInfo
from kiosk.config.settings import SETTINGS

_HEADER = "| key (TOML) | option | environment | default | meaning |\n|---|---|---|---|---|\n"
_BLOCK = re.compile(r"(<!-- settings:(\w+) -->\n).*?(<!-- /settings:\2 -->)", re.DOTALL)


def sections() -> dict[str, list[SettingInfo]]:
    """The settings of each section (its key: its settings), in the order declared."""
    grouped: dict[str, list[SettingInfo]] = {}
    for info in SETTINGS:
        grouped.setdefault(info.section, []).append(info)
    return grouped


def table(section: str) -> str:
    """The Markdown table of one section's settings."""
    return _HEADER + "".join(_row(info) for info in sections()[section])


def tables_in(text: str) -> list[str]:
    """The sections whose tables ``text`` holds, in order."""
    return [match.group(2) for match in _BLOCK.finditer(text)]


def splice(text: str) -> str:
    """``text`` with every settings table between its markers generated afresh."""
    return _BLOCK.sub(lambda match: match.group(1) + table(match.group(2)) + match.group(3), text)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the tables, or rewrite them in the files named."""
    files = list(sys.argv[1:] if argv is None else argv)
    if not files:
        for key in sections():
            print(f"<!-- settings:{key} -->\n{table(key)}<!-- /settings:{key} -->\n")
        return 0
    for name in files:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        path.write_text(splice(text), encoding="utf-8")
    return 0


def _row(info: SettingInfo) -> str:
    option = ", ".join(f"`{name}`" for name in info.flag.names) if info.flag else ""
    meaning = ("*secret:* " if info.secret else "") + info.meaning
    cells = (f"`{info.name}`", option, f"`{info.env}`", info.shown_default, meaning)
    escaped = (cell.replace("|", "\\|") for cell in cells)
    return "|" + "|".join(f" {cell} " if cell else " " for cell in escaped) + "|\n"


if __name__ == "__main__":
    sys.exit(main())
