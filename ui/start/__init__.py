"""The start screen: recent events."""
