"""Missed-call verification kiosk: prove a customer holds a phone number with a missed call."""

__version__ = "0.1.0"
