"""Start the missed-call verification kiosk (same as the ``missedcall-kiosk`` command)."""

import sys

from kiosk.app import main

if __name__ == "__main__":
    sys.exit(main())
