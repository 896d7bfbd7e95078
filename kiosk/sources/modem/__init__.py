"""Listening for calls on an attached GSM/LTE modem: the AT line protocol and the serial driver."""
