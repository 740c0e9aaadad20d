"""Opens databases when told to: one side of the concurrent-migration test.

Usage: ``python pg_open_worker.py DATA_DIR`` then, on stdin, one URL per line;
for each it answers ``ok`` or ``error: <message>`` on stdout. Everything is
imported before ``ready`` is printed, so two workers told at once really
open at once.
"""

from __future__ import annotations

import os
import sys

os.environ["SCALE_ACROSS_DATA_DIR"] = sys.argv[1]

from facilitator.storage import StorageError, open_database

print("ready", flush=True)
for line in sys.stdin:
    try:
        open_database(line.strip()).close()
    except StorageError as exc:
        print(f"error: {exc}", flush=True)
    except Exception as exc:  # the test shows whatever escaped, raw
        print(f"error: {type(exc).__name__}: {' '.join(str(exc).split())}", flush=True)
    else:
        print("ok", flush=True)
