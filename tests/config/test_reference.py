import re
from pathlib import Path

import pytest

from kiosk.config.reference import main, sections, splice, table, tables_in
from kiosk.config.settings import SETTINGS
from kiosk.config.unknown import OTHER_VARIABLES

README = Path(__file__).parents[2] / "README.md"


def test_the_readme_tables_are_generated_from_the_settings() -> None:
    text = README.read_text(encoding="utf-8")
    assert splice(text) == text, "The README's settings tables are stale: run 'make readme'."


def test_every_section_has_one_table_in_the_readme() -> None:
    assert sorted(tables_in(README.read_text(encoding="utf-8"))) == sorted(sections())


def test_every_kiosk_variable_the_readme_names_exists() -> None:
    known = {info.env for info in SETTINGS} | set(OTHER_VARIABLES)
    named = set(re.findall(r"\bKIOSK_[A-Z_]*[A-Z]\b", README.read_text(encoding="utf-8")))
    assert named - known == set()


def test_a_table_row_carries_key_option_variable_default_and_meaning() -> None:
    rows = table("basic").splitlines()
    assert rows[0] == "| key (TOML) | option | environment | default | meaning |"
    assert "| `verbose` | `-v`, `--verbose` | `KIOSK_VERBOSE` | false | log everything" in (
        "\n".join(rows)
    )
    assert any(
        row.startswith("| `modem_baudrate` | | `KIOSK_MODEM_BAUDRATE` | 115200 |") for row in rows
    )
    assert any("*secret:*" in row for row in rows if row.startswith("| `callback_secret`"))


def test_make_readme_rewrites_only_the_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "Intro.\n\n<!-- settings:screen -->\n| old |\n<!-- /settings:screen -->\n\nEnd.\n",
        encoding="utf-8",
    )
    assert main([str(readme)]) == 0
    assert readme.read_text(encoding="utf-8") == (
        f"Intro.\n\n<!-- settings:screen -->\n{table('screen')}<!-- /settings:screen -->\n\nEnd.\n"
    )
    assert main([]) == 0
    printed = capsys.readouterr().out
    assert all(f"<!-- settings:{key} -->" in printed for key in sections())
