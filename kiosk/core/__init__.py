"""The verification core: sessions and outcomes, notices, customer data, history, wiring."""
