"""The Qt front-end: screens that observe the verification service through one bridge."""

import os

# qasync picks its Qt binding from QT_API (or whichever binding was imported first).
os.environ.setdefault("QT_API", "pyside6")
