"""Agreements: made in the Follow-Up Support step (with support and capacity), reviewed in Adoption review."""
