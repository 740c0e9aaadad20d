"""Read models for following events up: history, adoptions, the pattern library."""
