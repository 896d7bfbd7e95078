"""The kiosk screen in its own process, for what only a real process shows: signals, X11.

``GuiProcess(args)`` runs ``python -m kiosk.app ARGS -v`` with the test's environment
(offscreen unless it names another platform), reads its stderr on a thread, and lets
a test wait for a line there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Mapping
from types import TracebackType


class GuiProcess:
    """A running kiosk screen; leaving the ``with`` block kills it if it still runs."""

    def __init__(self, args: list[str], env: Mapping[str, str] | None = None) -> None:
        self.args = [sys.executable, "-m", "kiosk.app", *args, "-v"]
        self.env = {**os.environ, **(env or {})}
        self._lines: list[str] = []
        self._changed = threading.Condition()
        self._process: subprocess.Popen[str] | None = None
        self._reader = threading.Thread(target=self._read, daemon=True)

    @property
    def process(self) -> subprocess.Popen[str]:
        assert self._process is not None, "use GuiProcess in a with block"
        return self._process

    def __enter__(self) -> GuiProcess:
        self._process = subprocess.Popen(
            self.args,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._reader.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        self._reader.join(timeout=10)  # it reads to the end of the output
        assert self.process.stderr is not None
        self.process.stderr.close()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            with self._changed:
                self._lines.append(line)
                self._changed.notify_all()
        with self._changed:
            self._lines.append("")  # end of output
            self._changed.notify_all()

    def wait_for_line(self, text: str, timeout: float = 30) -> str:
        """The first stderr line containing ``text``; fails if the process ends first."""

        def found() -> str | None:
            for line in self._lines:
                if text in line:
                    return line
            if self._lines and self._lines[-1] == "":
                raise AssertionError(f"the kiosk ended without saying {text!r}:\n{self.output()}")
            return None

        with self._changed:
            line = self._changed.wait_for(found, timeout)
        if line is None:
            raise AssertionError(f"no {text!r} within {timeout} s:\n{self.output()}")
        return line

    def output(self) -> str:
        """Everything the process wrote on stderr so far."""
        with self._changed:
            return "".join(self._lines)
