"""Twilio: the call log the kiosk polls (``call_log``) and the voice webhook (``webhook``)."""
