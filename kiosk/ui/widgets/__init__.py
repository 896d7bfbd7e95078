"""Widgets the screens are built from: countdown ring, QR code, digit pad, status strip."""
