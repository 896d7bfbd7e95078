"""Settings: each declared once, read in one model, edited on screen, documented.

``sections/`` declares every key (with :mod:`~kiosk.config.metadata`'s markers),
``settings`` reads them, ``paths`` says where files live, ``editor`` changes the config
file, ``unknown`` names misspelt keys, ``reference`` makes the README's tables.
"""
