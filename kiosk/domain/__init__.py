"""Pure logic: phone numbers, call events and the verification session state machine (no I/O)."""
