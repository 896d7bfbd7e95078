import asyncio
import contextlib
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.config.settings import load_settings
from kiosk.core.live_settings import LiveSettings
from kiosk.core.runtime import KioskRuntime
from kiosk.ui.i18n import Languages
from kiosk.ui.screens.customer_import import CustomerImport
from tests.store.importing.bombs import write_bomb

MANIFEST = (
    "Order No,Customer Name,Mobile\n"
    "DLV-1,Asha Verma,098123 45678\n"
    "DLV-2,Rahul Singh,+91 98223 34455\n"
    "DLV-3,Nobody,12\n"
)


@contextlib.asynccontextmanager
async def import_panel(qtbot: QtBot, tmp_path: Path):
    """A running demo kiosk's import panel, shown."""
    settings = load_settings(
        tmp_path / "config.toml", database_url=f"sqlite:///{tmp_path / 'k.sqlite3'}", demo=True
    )
    async with KioskRuntime(settings) as runtime:
        panel = CustomerImport(LiveSettings(runtime).import_customers)
        qtbot.addWidget(panel)
        panel.show()
        yield panel, runtime


def test_imports_a_file_with_a_moving_bar_and_says_what_happened(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(MANIFEST)

    async def scenario() -> None:
        async with import_panel(qtbot, tmp_path) as (panel, runtime):
            values: list[int] = []
            panel.bar.valueChanged.connect(values.append)
            result = await panel.import_file(manifest)
            assert result is not None
            assert result.added == 2
            assert values[-1] == 1000  # the bar reached the end
            assert not panel.bar.isVisible()
            assert panel.button.isEnabled()
            text = panel.result.text()
            assert text.startswith("Customers added: 2, updated: 0.")
            assert "Rows not imported: 1; the reasons are in" in text
            assert panel.result.property("fault") is True
            assert [c.reference for c in await runtime.service.find_customers("DLV-2")] == ["DLV-2"]

    qloop.run_until_complete(scenario())


def test_an_unreadable_file_imports_nothing_and_says_why(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with import_panel(qtbot, tmp_path) as (panel, _runtime):
            assert await panel.import_file(tmp_path / "missing.csv") is None
            assert panel.result.text().startswith("Nothing was imported.")
            assert panel.result.property("fault") is True

    qloop.run_until_complete(scenario())


def test_a_spreadsheet_bomb_is_refused_in_the_staff_language(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    bomb = write_bomb(tmp_path / "customers.xlsx", unpacked_mib=120)
    languages = Languages("en")

    async def scenario() -> None:
        async with import_panel(qtbot, tmp_path) as (panel, _runtime):
            assert await panel.import_file(bomb) is None
            assert "'zip bomb'" in panel.result.text()
            languages.switch("hi")
            try:
                assert await panel.import_file(bomb) is None
                assert "'ज़िप बम'" in panel.result.text()
                assert "CSV के रूप में सहेजें" in panel.result.text()
            finally:
                languages.switch("en")

    qloop.run_until_complete(scenario())
