"""One function per user action; each takes a session, the caller commits.

Typical use (one user action, one transaction)::

    with db.transaction() as session:
        outcome = outcomes.add_outcome(session, event_id, "success", "Deploys daily")
"""

from facilitator.services.errors import NotFoundError, ServiceError

__all__ = ["NotFoundError", "ServiceError"]
