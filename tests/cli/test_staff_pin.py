"""``staff-pin``: the PIN rules in plain words, and a hash that survives every way it travels."""

import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cli.staff_pin import run_staff_pin
from kiosk.config.settings import load_settings
from kiosk.domain.pin import check_pin

SYSTEMD = Path("/lib/systemd/systemd")
ENVIRONMENT_D = Path(
    "/usr/lib/systemd/user-environment-generators/30-systemd-environment-d-generator"
)


def new_hash(pin: str = "250913") -> str:
    out = io.StringIO()
    answers = iter([pin, pin])
    assert run_staff_pin(ask=lambda _prompt: next(answers), out=out) == 0
    line = out.getvalue().strip()
    assert line.startswith('staff_pin_hash = "scrypt:')
    return line.removeprefix('staff_pin_hash = "').removesuffix('"')


def test_prints_a_config_line_that_the_settings_accept(tmp_path) -> None:
    hashed = new_hash()
    config = tmp_path / "config.toml"
    config.write_text(f'staff_pin_hash = "{hashed}"\n', encoding="utf-8")
    settings = load_settings(config)
    assert settings.staff_pin_hash is not None
    assert check_pin("250913", settings.staff_pin_hash.get_secret_value())


@pytest.mark.parametrize(
    ("pin", "words"),
    [
        ("2468", "at least 6 digits"),
        ("12a456", "digits only"),
        ("1234567890123", "at most 12 digits"),
        ("123456", "counting up or down"),
        ("987654", "counting up or down"),
        ("901234", "counting up or down"),
        ("111111", "Repeated digits"),
        ("121212", "Repeated digits"),
        ("123123", "Repeated digits"),
        ("100100", "Repeated digits"),
    ],
)
def test_weak_pins_are_refused_in_plain_words(pin: str, words: str, capsys) -> None:
    answers = iter([pin, pin])
    assert run_staff_pin(ask=lambda _prompt: next(answers), out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert words in err
    assert "Nothing changed." in err


def test_two_different_pins_change_nothing(capsys) -> None:
    answers = iter(["250913", "250914"])
    assert run_staff_pin(ask=lambda _prompt: next(answers), out=io.StringIO()) == 2
    assert "differ" in capsys.readouterr().err


def test_config_refuses_a_plain_pin_as_hash(tmp_path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('staff_pin_hash = "1234"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="staff-pin"):
        load_settings(config)


# --- the hash on its travels: shell, systemd Environment=, environment.d -----------------


@pytest.fixture
def readable_dir() -> Iterator[Path]:
    """A folder the unprivileged user can read (systemd's test mode refuses to run as root)."""
    folder = Path(tempfile.mkdtemp(prefix="kiosk-unit-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def systemd_environment(unit_dir: Path, unit: str) -> dict[str, str]:
    """The Environment= of ``unit`` as systemd itself parses it (``systemd --test`` dump)."""
    if not SYSTEMD.exists():
        pytest.skip("systemd is not installed (Debian: systemd)")
    drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    command = [str(SYSTEMD), "--test", "--system", f"--unit={unit}", "--log-target=console"]
    result = subprocess.run(
        (drop if os.geteuid() == 0 else []) + command,
        env={"SYSTEMD_UNIT_PATH": f"{unit_dir}:", "PATH": os.environ["PATH"]},
        capture_output=True,
        text=True,
        timeout=60,
    )
    dump = result.stdout + result.stderr
    section = dump[dump.index(f"-> Unit {unit}:") :]
    section = section[: section.find("-> Unit ", 10)]
    values = [line.strip().removeprefix("Environment: ") for line in section.splitlines()]
    return dict(v.split("=", 1) for v in values if "=" in v and v.startswith("KIOSK_"))


def test_the_hash_has_nothing_a_shell_or_systemd_would_expand() -> None:
    hashed = new_hash()
    assert not set(hashed) & set("$%\\\"' `;&|<>(){}*?[]#~\n\t")


def test_the_hash_survives_a_systemd_environment_line(
    readable_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed = new_hash()
    unit = readable_dir / "kiosk-pin-test.service"
    unit.write_text(
        f"[Service]\nType=oneshot\nEnvironment=KIOSK_STAFF_PIN_HASH={hashed}\n"
        "ExecStart=/bin/true\n",
        encoding="utf-8",
    )
    unit.chmod(0o644)
    read_back = systemd_environment(readable_dir, unit.name)["KIOSK_STAFF_PIN_HASH"]
    assert read_back == hashed
    monkeypatch.setenv("KIOSK_STAFF_PIN_HASH", read_back)
    settings = load_settings()
    assert settings.staff_pin_hash is not None
    assert check_pin("250913", settings.staff_pin_hash.get_secret_value())


def test_the_hash_survives_an_environment_d_file(tmp_path: Path) -> None:
    """systemd's environment.d (user services, desktop sessions) expands $ like a shell."""
    if not ENVIRONMENT_D.exists():
        pytest.skip("systemd's environment.d generator is not installed (Debian: systemd)")
    hashed = new_hash()
    (tmp_path / "environment.d").mkdir()
    (tmp_path / "environment.d" / "60-kiosk.conf").write_text(
        f"KIOSK_STAFF_PIN_HASH={hashed}\n", encoding="utf-8"
    )
    result = subprocess.run(
        [str(ENVIRONMENT_D)],
        env={"XDG_CONFIG_HOME": str(tmp_path), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert f"KIOSK_STAFF_PIN_HASH={hashed}" in result.stdout.splitlines()


def test_the_hash_survives_a_shell(tmp_path: Path) -> None:
    hashed = new_hash()
    result = subprocess.run(
        ["sh", "-c", f"export KIOSK_STAFF_PIN_HASH={hashed}; printenv KIOSK_STAFF_PIN_HASH"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == hashed
