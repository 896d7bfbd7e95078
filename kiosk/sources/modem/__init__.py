"""Listening for calls on an attached GSM/LTE modem.

The line protocol (``protocol``), the AT channel (``channel``), set-up and SIM
(``setup``), the pure call tracker (``call_tracker``, deciding in ``call_decisions``,
carried out by ``call_handler``), health (``health``, ``health_poll``), text messages
(``sms``), finding the port (``ports``), the source that ties them together
(``source``), and one look at a modem for installers (``diagnosis``).
"""
