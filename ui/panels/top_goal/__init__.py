"""The TOP Goal step: each coalition's goal for this event."""
