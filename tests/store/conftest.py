import pytest


@pytest.fixture
def database_url(any_database_url: str) -> str:
    """Every store test runs on SQLite and on PostgreSQL (when a server is configured)."""
    return any_database_url
