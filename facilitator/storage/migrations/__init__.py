"""Alembic environment and revisions for the app's schema (shipped as package data)."""
