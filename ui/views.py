"""The three views of an open event, in their tab order."""

PREPARE, WALK_THROUGH, REVIEW = range(3)
