"""Review: everything captured at an event on one page, and closing the event."""

from ui.review.page import ReviewPage

__all__ = ["ReviewPage"]
