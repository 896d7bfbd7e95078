"""One-time keys of provider notifications on SQLite and PostgreSQL."""

import threading
from datetime import UTC, datetime, timedelta

from kiosk.store.database import Database
from kiosk.store.notification_keys import KEEP, give_key_back, take_key

NOW = datetime(2026, 11, 26, 10, 15, tzinfo=UTC)


def test_a_key_is_taken_once(database: Database) -> None:
    with database.session() as session:
        assert take_key(session, "smsgatewaycenter:sgc-1", NOW)
    with database.session() as session:
        assert not take_key(session, "smsgatewaycenter:sgc-1", NOW + timedelta(seconds=1))
        assert take_key(session, "exotel:sgc-1", NOW)  # another provider's, another key


def test_a_key_given_back_can_be_taken_again(database: Database) -> None:
    with database.session() as session:
        assert take_key(session, "exotel:ca1", NOW)
        give_key_back(session, "exotel:ca1")
    with database.session() as session:
        assert take_key(session, "exotel:ca1", NOW)


def test_old_keys_are_forgotten(database: Database) -> None:
    with database.session() as session:
        assert take_key(session, "exotel:old", NOW)
    with database.session() as session:
        assert not take_key(session, "exotel:old", NOW + KEEP)
        assert take_key(session, "exotel:new", NOW + KEEP + timedelta(seconds=1))
    with database.session() as session:
        assert take_key(session, "exotel:old", NOW + KEEP + timedelta(seconds=2))


def test_two_kiosks_taking_the_same_key_at_once_get_it_once(database: Database) -> None:
    # Two kiosks of a site, each with its own connection, hear the same replayed push.
    kiosks = [Database(database.url), Database(database.url)]
    start = threading.Barrier(len(kiosks))
    taken: list[bool] = []

    def take(kiosk: Database) -> None:
        with kiosk.session() as session:
            start.wait()
            taken.append(take_key(session, "smsgatewaycenter:sgc-race", NOW))

    threads = [threading.Thread(target=take, args=(kiosk,)) for kiosk in kiosks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    for kiosk in kiosks:
        kiosk.dispose()
    assert sorted(taken) == [False, True]
