"""Scale Across Facilitator: domain, storage, agendas and services (no Qt)."""

__version__ = "0.1.0"
