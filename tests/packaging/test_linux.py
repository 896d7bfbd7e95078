"""Linux kiosk files: desktop entry, icon, udev rule, systemd unit, user; linted where we can."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from kiosk.config.settings import SETTINGS

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"
RULE = LINUX / "90-missedcall-kiosk-modem.rules"
SERVICE = LINUX / "missedcall-kiosk.service"

#: Modems the issue names, by family: each must be ignored by ModemManager and named.
KNOWN_MODEMS = {
    "SIMCom": ["1e0e:9001"],
    "Quectel": ["2c7c:0125", "2c7c:0121", "2c7c:0306"],
    "Huawei": ["12d1:1001", "12d1:1506", "12d1:155e"],
    "u-blox": ["1546:1102"],
    "Telit": ["1bc7:1201"],
}


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path)
    return parser


def rule_lines() -> list[str]:
    lines = RULE.read_text().splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_desktop_entry_starts_the_app_with_its_icon() -> None:
    entry = unit(LINUX / "missedcall-kiosk.desktop")["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "missedcall-kiosk"
    assert entry["Icon"] == "missedcall-kiosk"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")


def test_desktop_entry_passes_its_linter() -> None:
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = subprocess.run(
        [validate, str(LINUX / "missedcall-kiosk.desktop")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_icon_is_a_square_svg() -> None:
    root = ElementTree.parse(LINUX / "missedcall-kiosk.svg").getroot()
    assert root.tag.endswith("svg")
    assert root.get("width") == root.get("height") == "256"


@pytest.mark.parametrize(("family", "ids"), KNOWN_MODEMS.items())
def test_known_modems_are_kept_from_modemmanager_and_named(family: str, ids: list[str]) -> None:
    text = RULE.read_text()
    assert f"# --- {family}" in text
    for pair in ids:
        vendor, product = pair.split(":")
        match = f'ATTRS{{idVendor}}=="{vendor}", ATTRS{{idProduct}}=="{product}"'
        lines = [line for line in rule_lines() if match in line]
        assert any('ENV{ID_MM_DEVICE_IGNORE}="1"' in line for line in lines), pair
        [port] = [line for line in lines if "SYMLINK" in line]
        assert port.startswith('SUBSYSTEM=="tty", ')
        assert re.search(r'ENV\{\.KIOSK_USBIFNUM\}=="[0-9a-f]{2}"', port), pair
        assert 'SYMLINK+="kiosk-modem"' in port
        assert 'GROUP="kiosk", MODE="0660"' in port


def test_every_modem_in_the_rule_gets_both_lines() -> None:
    ignored = set(re.findall(r'idProduct}=="(\w+)", ENV\{ID_MM_DEVICE_IGNORE\}', RULE.read_text()))
    named = set(re.findall(r'idProduct}=="(\w+)", ENV\{\.KIOSK_USBIFNUM\}', RULE.read_text()))
    assert ignored == named
    assert len(named) >= 15


def test_the_rule_is_well_formed() -> None:
    lines = rule_lines()
    labels = [line for line in lines if line.startswith("LABEL=")]
    gotos = set(re.findall(r'GOTO="(\w+)"', RULE.read_text()))
    assert labels == ['LABEL="missedcall_kiosk_modem_end"']
    assert gotos == {"missedcall_kiosk_modem_end"}
    for line in lines:
        for pair in re.split(r",\s*", line):
            assert re.fullmatch(r'[A-Z_]+(\{[^}]+\})?(==|!=|=|\+=|:=)"[^"]*"', pair), (line, pair)


def test_the_rule_passes_udevadm_verify() -> None:
    udevadm = shutil.which("udevadm")
    if udevadm is None:
        pytest.skip("udevadm is not installed (Debian: udev)")
    has_verify = subprocess.run([udevadm, "verify", "--help"], capture_output=True).returncode == 0
    if not has_verify:
        pytest.skip("this udevadm has no 'verify' (it came with systemd 254; Debian 12 has 252)")
    result = subprocess.run([udevadm, "verify", str(RULE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_service_runs_the_kiosk_full_screen_under_cage() -> None:
    service = unit(SERVICE)["Service"]
    assert service["ExecStart"] == "/usr/bin/cage -d -- /usr/bin/missedcall-kiosk --kiosk"
    assert service["User"] == "kiosk"
    assert service["Restart"] == "always"
    assert service["PAMName"] == "missedcall-kiosk"
    assert service["TTYPath"] == "/dev/tty1"
    assert "setterm --blank 0 --powersave off --powerdown 0" in service["ExecStartPre"]
    assert unit(SERVICE)["Unit"]["StartLimitIntervalSec"] == "0"
    assert unit(SERVICE)["Install"]["WantedBy"] == "graphical.target"


def test_the_service_passes_systemd_analyze_verify() -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed (Debian: systemd)")
    if not Path("/usr/bin/cage").exists():
        pytest.skip("cage is not installed (Debian: cage); verify checks that ExecStart exists")
    result = subprocess.run([analyze, "verify", str(SERVICE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no unknown keys or sections either


def test_the_user_file_passes_systemd_sysusers(tmp_path: Path) -> None:
    sysusers = shutil.which("systemd-sysusers")
    if sysusers is None:
        pytest.skip("systemd-sysusers is not installed (Debian: systemd)")
    result = subprocess.run(
        [sysusers, f"--root={tmp_path}", "--dry-run", str(LINUX / "missedcall-kiosk.sysusers")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "Creating user 'kiosk'" in result.stdout + result.stderr


def test_the_service_takes_every_secret_as_an_encrypted_credential() -> None:
    """The config file needs no secret: systemd decrypts each into $CREDENTIALS_DIRECTORY."""
    lines = SERVICE.read_text(encoding="utf-8").splitlines()
    loaded = {
        line.split("=", 1)[1] for line in lines if line.startswith("LoadCredentialEncrypted=")
    }
    assert loaded == {info.name for info in SETTINGS if info.secret}
    assert "systemd-creds encrypt --name=callback_secret" in SERVICE.read_text(encoding="utf-8")
