"""Merchant callbacks: the event body, Standard Webhooks signing, and the durable outbox."""
