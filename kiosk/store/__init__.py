"""Persistence: SQLAlchemy models, queries, migrations and demo data."""
