"""Call events from telephony providers' APIs: one polling loop, one adapter per provider."""
