"""The figures page: the adoption figures as cards with painted quarter charts."""
