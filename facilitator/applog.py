"""The app's log file: where unexpected errors go instead of the user's screen."""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from facilitator import paths

LOG_NAME = "scale-across.log"
_MAX_BYTES = 1_000_000


def log_file() -> Path:
    """Return the log file's path."""
    return paths.log_dir() / LOG_NAME


def log_exception(exc: BaseException, context: str = "") -> Path | None:
    """Append the exception's traceback to the log file and return its path.

    Returns None when even the log cannot be written; the caller still shows
    its one-line message, so nothing is hidden from the user.
    """
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Keep one previous generation so the log never grows without bound.
        if path.exists() and path.stat().st_size > _MAX_BYTES:
            path.replace(path.with_suffix(".log.1"))
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger = logging.getLogger("scale_across.errors")
        logger.propagate = False
        logger.addHandler(handler)
        try:
            details = "".join(traceback.format_exception(exc))
            logger.error("%s\n%s", context or "unexpected error", details)
        finally:
            logger.removeHandler(handler)
            handler.close()
    except OSError:
        return None
    return path
