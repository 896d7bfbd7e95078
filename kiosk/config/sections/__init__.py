"""The settings, one module per topic; each class is one table in the README.

:class:`kiosk.config.settings.Settings` mixes them into the one model the kiosk reads.
"""
