"""Panels: the parts of a screen that show and edit one kind of record."""
