"""Keeping an installed kiosk healthy: the doctor, the support bundle, log files."""
