"""File sizes as people read them, in one style everywhere (messages, lists, the CLI)."""

from __future__ import annotations


def describe_size(count: int) -> str:
    """Return a byte count as ``"512 bytes"``, ``"360 KB"`` or ``"1.5 MB"``."""
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count / (1024 * 1024):.1f} MB"
