"""Where call events come from: an attached modem, a telephony provider, or the simulator."""
