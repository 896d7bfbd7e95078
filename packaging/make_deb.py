"""Build the Debian package from the PyInstaller build (``make deb``).

Usage: ``python packaging/make_deb.py [--build dist/missedcall-kiosk] [--output dist]``.
The package installs the app to /opt/missedcall-kiosk with /usr/bin/missedcall-kiosk,
the desktop entry and icon, the modem udev rule, the kiosk's systemd unit, PAM file,
user (sysusers.d) and folders (tmpfiles.d), and an example config. It is built with
``dpkg-deb`` for the architecture of the machine that made the PyInstaller build.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
NAME = "missedcall-kiosk"
PREFIX = Path("opt") / NAME

#: Where each file of packaging/linux goes in the installed system.
INSTALLED_FILES = {
    "missedcall-kiosk.desktop": "usr/share/applications/missedcall-kiosk.desktop",
    "missedcall-kiosk.svg": "usr/share/icons/hicolor/scalable/apps/missedcall-kiosk.svg",
    "90-missedcall-kiosk-modem.rules": "usr/lib/udev/rules.d/90-missedcall-kiosk-modem.rules",
    "missedcall-kiosk.service": "usr/lib/systemd/system/missedcall-kiosk.service",
    "missedcall-kiosk.sysusers": "usr/lib/sysusers.d/missedcall-kiosk.conf",
    "missedcall-kiosk.tmpfiles": "usr/lib/tmpfiles.d/missedcall-kiosk.conf",
    "missedcall-kiosk.pam": "etc/pam.d/missedcall-kiosk",
    "config.example.toml": "usr/share/doc/missedcall-kiosk/config.example.toml",
}
CONFFILES = ["/etc/pam.d/missedcall-kiosk"]

#: System libraries Qt's Wayland/X11 plugins load that a minimal system may lack.
DEPENDS = [
    "libc6",
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libxkbcommon0",
    "libdbus-1-3",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
    "fonts-dejavu-core | fonts-freefont-ttf",
]
RECOMMENDS = ["cage"]  # the screens' fonts, Devanagari too, are inside the app

POSTINST = """#!/bin/sh
# Create the kiosk user and folders, load the modem rule, tell systemd about the unit.
set -e
if [ "$1" = "configure" ]; then
    systemd-sysusers missedcall-kiosk.conf
    systemd-tmpfiles --create missedcall-kiosk.conf || true
    if command -v udevadm >/dev/null 2>&1; then
        udevadm control --reload || true
        udevadm trigger --subsystem-match=tty --action=change || true
    fi
    if [ -d /run/systemd/system ]; then
        systemctl daemon-reload || true
    fi
fi
exit 0
"""

POSTRM = """#!/bin/sh
# The kiosk's data (/var/lib/missedcall-kiosk) and settings stay: results are never lost.
set -e
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload || true
fi
exit 0
"""


def version() -> str:
    """The app's version, as the package's."""
    sys.path.insert(0, str(ROOT))
    from kiosk import __version__

    return __version__


def architecture() -> str:
    """This machine's Debian architecture (amd64, arm64, armhf)."""
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def control(version: str, arch: str, size_kib: int) -> str:
    """The DEBIAN/control file."""
    return (
        f"Package: {NAME}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        "Maintainer: Missed-call kiosk team <kiosk@example.com>\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {', '.join(DEPENDS)}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: verify a customer's phone number with a missed call\n"
        " A touch-screen kiosk: the customer dials the number on screen, a GSM modem\n"
        " (or a telephony provider) hears the call, drops it unanswered, and the\n"
        " result is posted, signed, to the merchant's backend. Includes the kiosk\n"
        " service (full screen under cage), the modem udev rule and the\n"
        " 'missedcall-kiosk doctor' installer checklist.\n"
    )


def stage(build: Path, root: Path) -> None:
    """Lay out the installed files under ``root``."""
    shutil.copytree(build, root / PREFIX, symlinks=True)
    (root / "usr/bin").mkdir(parents=True)
    (root / "usr/bin" / NAME).symlink_to(Path("/") / PREFIX / NAME)
    for source, target in INSTALLED_FILES.items():
        destination = root / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(LINUX / source, destination)
        destination.chmod(0o644)
    shutil.copy2(ROOT / "README.md", root / "usr/share/doc" / NAME / "README.md")


def build_deb(build: Path, output: Path) -> Path:
    """Build the .deb from the PyInstaller folder ``build`` into ``output``; return its path."""
    if not (build / NAME).is_file():
        raise SystemExit(f"No PyInstaller build at {build}: run 'make package' first.")
    ver, arch = version(), architecture()
    output.mkdir(parents=True, exist_ok=True)
    deb = output / f"{NAME}_{ver}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="kiosk-deb-") as scratch:
        root = Path(scratch) / "root"
        stage(build, root)
        size = sum(f.stat().st_size for f in root.rglob("*") if f.is_file() and not f.is_symlink())
        debian = root / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text(control(ver, arch, size // 1024))
        (debian / "conffiles").write_text("\n".join(CONFFILES) + "\n")
        for name, text in (("postinst", POSTINST), ("postrm", POSTRM)):
            (debian / name).write_text(text)
            (debian / name).chmod(0o755)
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return deb


def main() -> None:
    """Command line: build the package and print its path and size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, default=ROOT / "dist" / NAME)
    parser.add_argument("--output", type=Path, default=ROOT / "dist")
    options = parser.parse_args()
    deb = build_deb(options.build, options.output)
    print(f"{deb} ({deb.stat().st_size / 1024**2:.1f} MB)")


if __name__ == "__main__":
    main()
