"""Problems a user action can meet, phrased for the person who caused them."""


class ServiceError(ValueError):
    """The action cannot be done as asked; the message says why."""


class NotFoundError(ServiceError, LookupError):
    """The record the action names does not exist (any more)."""
