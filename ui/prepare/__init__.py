"""Preparing an event before the meeting: the new-event dialog and the Prepare page."""
