"""The Debian package (``make package-test``): its contents, and the app unpacked from it runs.

Set KIOSK_PACKAGE_DEB to the .deb to check (``make package-test`` builds it and does);
without it these tests are skipped, as building takes a minute or two.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from kiosk import __version__

DEB = os.environ.get("KIOSK_PACKAGE_DEB")
pytestmark = pytest.mark.skipif(
    not DEB, reason="no package given: 'make package-test' builds one and sets KIOSK_PACKAGE_DEB"
)

EXPECTED = [
    "./opt/missedcall-kiosk/missedcall-kiosk",
    "./usr/share/applications/missedcall-kiosk.desktop",
    "./usr/share/icons/hicolor/scalable/apps/missedcall-kiosk.svg",
    "./usr/lib/udev/rules.d/90-missedcall-kiosk-modem.rules",
    "./usr/lib/systemd/system/missedcall-kiosk.service",
    "./usr/lib/sysusers.d/missedcall-kiosk.conf",
    "./usr/lib/tmpfiles.d/missedcall-kiosk.conf",
    "./etc/pam.d/missedcall-kiosk",
    "./usr/share/doc/missedcall-kiosk/config.example.toml",
]


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("scratch-root")
    subprocess.run(["dpkg-deb", "-x", str(DEB), str(root)], check=True)
    return root


def run_app(root: Path, *args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    app = root / "opt" / "missedcall-kiosk" / "missedcall-kiosk"
    return subprocess.run(
        [str(app), *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )


def test_control_names_the_package_version_and_dependencies() -> None:
    info = subprocess.run(
        ["dpkg-deb", "--info", str(DEB)], capture_output=True, text=True, check=True
    ).stdout
    assert "Package: missedcall-kiosk" in info
    assert f"Version: {__version__}" in info
    assert re.search(r"Depends: .*libwayland-client0", info)
    assert "Recommends: cage\n" in info
    assert "postinst" in info


def test_the_package_holds_the_app_and_the_kiosk_files() -> None:
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(DEB)], capture_output=True, text=True, check=True
    ).stdout
    paths = {line.split()[5] for line in listing.splitlines()}
    for path in EXPECTED:
        assert path in paths, path
    assert "./usr/bin/missedcall-kiosk -> /opt/missedcall-kiosk/missedcall-kiosk" in listing
    assert any("/PySide6/Qt/plugins/platforms/libqwayland.so" in p for p in paths)
    assert any("/PySide6/Qt/plugins/platforms/libqxcb.so" in p for p in paths)
    assert any("/PySide6/Qt/plugins/platforms/libqoffscreen.so" in p for p in paths)
    for asset in (
        "style.qss",
        "fonts/NotoSans-Regular.ttf",
        "fonts/NotoSansDevanagari-Bold.ttf",
        "fonts/OFL.txt",
        "translations/kiosk_hi.qm",
        "sounds/verified.wav",
    ):
        assert any(p.endswith(f"/kiosk/assets/{asset}") for p in paths), asset
    assert any(p.endswith("/kiosk/store/migrations/env.py") for p in paths)
    assert not any("QtQml" in p or "QtQuick" in p or "libqvnc" in p for p in paths)
    owners = {line.split()[1] for line in listing.splitlines()}
    assert owners == {"root/root"}


def test_it_unpacks_and_the_app_says_its_version(unpacked: Path, tmp_path: Path) -> None:
    result = run_app(unpacked, "--version", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"missedcall-kiosk {__version__}"


def test_the_unpacked_app_passes_its_self_test(unpacked: Path, tmp_path: Path) -> None:
    shot = tmp_path / "main-window.png"
    result = run_app(unpacked, "selftest", "--screenshot", str(shot), tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Self-test passed" in result.stdout
    assert shot.stat().st_size > 10_000


def test_the_unpacked_app_runs_the_doctor(unpacked: Path, tmp_path: Path) -> None:
    result = run_app(unpacked, "doctor", "--json", "--modem-port", "/dev/none", tmp_path=tmp_path)
    assert result.returncode == 1, result.stderr
    assert '"key": "modem"' in result.stdout
    assert "Modem not found on /dev/none" in result.stdout
