import logging
import sys

from kiosk.app import main
from kiosk.ops.logs import MaskingFormatter, configure_logging, log_files


def record(message: str, *args: object, exc_info: object = None) -> logging.LogRecord:
    return logging.LogRecord("kiosk.modem", logging.INFO, __file__, 1, message, args, exc_info)


def test_numbers_in_messages_are_masked() -> None:
    line = MaskingFormatter("%(message)s").format(record("<< %s", '+CLIP: "+919812345678",145'))
    assert line == '<< +CLIP: "+91 ••••••5678",145'


def test_numbers_in_tracebacks_are_masked() -> None:
    try:
        raise ValueError("no customer with phone 09812345678")
    except ValueError:
        failure = record("lookup failed", exc_info=sys.exc_info())
    text = MaskingFormatter("%(message)s").format(failure)
    assert "ValueError: no customer with phone •••••••5678" in text
    assert "09812345678" not in text


def test_ids_and_times_are_left_alone() -> None:
    text = "msg_4f2a1234567890ab at 2026-11-26 14:43:02,517"
    assert MaskingFormatter("%(message)s").format(record(text)) == text


def test_log_files_rotate_in_the_log_folder_with_numbers_masked(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("kiosk.ops.logs.LOG_FILE_BYTES", 400)
    log_dir = tmp_path / "log"
    try:
        log_file = configure_logging(log_dir=log_dir, console=False)
        assert log_file == log_dir / "kiosk.log"
        log = logging.getLogger("kiosk.modem")
        for n in range(20):
            log.info("call %d from +919812345678", n)
    finally:
        logging.shutdown()
        configure_logging(console=True)
    files = log_files(log_dir)
    assert [f.name for f in files][:3] == ["kiosk.log", "kiosk.log.1", "kiosk.log.2"]
    text = "".join(f.read_text(encoding="utf-8") for f in files)
    assert "call 19 from +91 ••••••5678" in text
    assert "9812345678" not in text


def test_an_unwritable_log_folder_does_not_stop_the_kiosk(tmp_path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    try:
        assert configure_logging(log_dir=blocker / "log") is None
    finally:
        configure_logging()
    assert f"Cannot write log files in {blocker / 'log'}" in capsys.readouterr().err


def test_the_app_logs_to_the_platform_log_folder(tmp_path) -> None:
    assert main(["outbox", "--database-url", f"sqlite:///{tmp_path / 'k.sqlite3'}"]) == 0
    logging.getLogger("kiosk.test").warning("hello file")
    logging.shutdown()
    configure_logging()
    assert (
        "hello file" in (tmp_path / "state" / "missedcall-kiosk" / "log" / "kiosk.log").read_text()
    )
