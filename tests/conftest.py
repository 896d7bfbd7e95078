import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import create_engine, text

from kiosk.config.settings import Settings, load_settings
from kiosk.store.database import Database
from kiosk.ui.fonts import use_bundled_fonts
from tests.customer_backend import CustomerBackend
from tests.merchant_backend import SECRET, MerchantBackend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: A PostgreSQL database the tests may wipe (.ci/start-postgres starts a server for one).
#: Read before the autouse fixture below clears every KIOSK_* variable.
POSTGRES_URL = os.environ.get("KIOSK_TEST_POSTGRES_URL")
NO_POSTGRES = (
    "PostgreSQL tests need a server: set KIOSK_TEST_POSTGRES_URL to a database they may "
    "wipe (.ci/start-postgres starts one and prints its URL)"
)


@pytest.fixture(scope="session")
def qapp(qapp: QApplication) -> QApplication:
    """pytest-qt's application with the bundled fonts, as every kiosk has them."""
    use_bundled_fonts(qapp)
    return qapp


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's config, environment or data directory."""
    for key in list(os.environ):
        if key.startswith("KIOSK_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("KIOSK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = Database(database_url)
    db.migrate()
    yield db
    db.dispose()


@pytest.fixture
def backend() -> Iterator[MerchantBackend]:
    server = MerchantBackend()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def customer_backend() -> Iterator[CustomerBackend]:
    server = CustomerBackend()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def make_settings(database_url: str):
    def make(**overrides: object) -> Settings:
        values: dict[str, object] = {
            "database_url": database_url,
            "kiosk_id": "test-kiosk",
            "retry_initial": 0.05,
            "retry_max": 0.5,
            "callback_timeout": 2,
        }
        values.update(overrides)
        return load_settings(**values)

    return make


@pytest.fixture
def callback_secret() -> str:
    return SECRET


@pytest.fixture(params=["sqlite", "postgresql"])
def any_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh SQLite file, then the shared PostgreSQL database emptied (or skipped)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    engine = create_engine(POSTGRES_URL)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return POSTGRES_URL
