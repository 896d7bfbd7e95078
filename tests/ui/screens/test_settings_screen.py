import asyncio
import zipfile
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.config.settings import load_settings
from kiosk.core.live_settings import LiveSettings
from kiosk.core.runtime import KioskRuntime
from kiosk.ui.i18n import Languages
from kiosk.ui.screens.settings_screen import SettingsScreen
from tests.merchant_backend import SECRET, MerchantBackend
from tests.ui.conftest import next_emission


def test_validates_saves_and_tests_the_callback(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    backend: MerchantBackend,
) -> None:
    config = tmp_path / "config.toml"
    settings = load_settings(
        config, demo=True, database_url=f"sqlite:///{tmp_path / 'k.sqlite3'}", kiosk_id="k1"
    )

    async def scenario() -> None:
        async with KioskRuntime(settings) as runtime:
            screen = SettingsScreen(LiveSettings(runtime), kiosk_mode=True)
            qtbot.addWidget(screen)
            screen.show()
            screen.open()
            assert screen.rows["kiosk_id"].value() == "k1"
            assert screen.rows["timeout"].value() == 120
            assert screen.quit_button.isVisible()

            screen.rows["callback_url"].set_value("shop.example/hook")
            screen.rows["timeout"].set_value(45)
            assert not screen.save()
            assert screen.rows["callback_url"].error.isVisible()
            assert "http://" in screen.rows["callback_url"].error.text()
            assert screen.rows["callback_url"].editor.property("fault") is True
            assert screen.message.text() == "Nothing was saved. Please correct the marked fields."
            assert not config.exists()
            assert runtime.service.timeout.total_seconds() == 120

            screen.rows["callback_url"].set_value(backend.url)
            screen.rows["callback_secret"].set_value(SECRET)
            screen.test_button.click()
            async with asyncio.timeout(10):
                await screen.finish_work()
            assert screen.test_result.text() == "The backend accepted the test (200)."
            assert screen.test_result.property("fault") is False
            assert backend.received[0].signature_ok

            saved = next_emission(screen.saved)
            assert screen.save()
            (restart,) = await saved
            assert restart == []
            assert not screen.rows["callback_url"].error.isVisible()
            assert screen.message.text() == "Saved and in use."
            assert runtime.service.timeout.total_seconds() == 45
            reread = load_settings(config)
            assert reread.callback_url == backend.url
            assert reread.timeout == 45

            screen.detect_button.click()
            async with asyncio.timeout(30):
                await screen.finish_work()
            assert screen.detect_button.isEnabled()
            found = screen.rows["modem_port"].value()
            assert screen.message.text() == (
                f"Found a modem on {found}." if found else "No modem answered. Is it plugged in?"
            )

    qloop.run_until_complete(scenario())


def test_saves_diagnostics_for_support(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    settings = load_settings(
        tmp_path / "config.toml",
        demo=True,
        database_url=f"sqlite:///{tmp_path / 'k.sqlite3'}",
        kiosk_id="counter 7",
        callback_secret="whsec_" + "A" * 32,
    )

    async def scenario() -> None:
        async with KioskRuntime(settings) as runtime:
            screen = SettingsScreen(LiveSettings(runtime), kiosk_mode=False)
            qtbot.addWidget(screen)
            screen.show()
            screen.diagnostics_button.click()
            async with asyncio.timeout(30):
                await screen.finish_work()
            assert screen.diagnostics_button.isEnabled()
            text = screen.diagnostics_result.text()
            assert text.startswith("Saved ")
            path = Path(text.removeprefix("Saved ").split(".zip")[0] + ".zip")
            assert path.name.startswith("missedcall-kiosk-diagnostics-counter-7-")
            with zipfile.ZipFile(path) as bundle:
                names = bundle.namelist()
                everything = b"".join(bundle.read(name) for name in names)
            assert names
            assert b"A" * 32 not in everything  # the secret stays out

    qloop.run_until_complete(scenario())


def test_the_test_callback_answers_in_the_staff_language(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    backend: MerchantBackend,
) -> None:
    settings = load_settings(
        tmp_path / "config.toml", demo=True, database_url=f"sqlite:///{tmp_path / 'k.sqlite3'}"
    )

    async def scenario() -> None:
        async with KioskRuntime(settings) as runtime:
            screen = SettingsScreen(LiveSettings(runtime), kiosk_mode=True)
            qtbot.addWidget(screen)
            screen.show()
            screen.open()
            languages = Languages("hi")
            try:
                screen.rows["callback_url"].set_value("")
                screen.test_button.click()
                async with asyncio.timeout(10):
                    await screen.finish_work()
                assert screen.test_result.text() == "पहले कॉलबैक URL डालें।"
                assert screen.test_result.property("fault") is True
                screen.rows["callback_url"].set_value(backend.url)
                screen.rows["callback_secret"].set_value(SECRET)
                screen.test_button.click()
                async with asyncio.timeout(10):
                    await screen.finish_work()
                assert screen.test_result.text() == "बैकएंड ने टेस्ट स्वीकार किया (200)।"
            finally:
                languages.switch("en")

    qloop.run_until_complete(scenario())
