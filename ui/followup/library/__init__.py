"""The pattern library: every pattern across all events, its history, and carrying it into an event."""
