"""A private PostgreSQL server for the tests and benchmarks: started, used, stopped.

The server runs from the binaries on the machine (``initdb``, ``pg_ctl``) as
an unprivileged user (PostgreSQL refuses to run as root: under root the
cluster belongs to the ``postgres`` account and is started through
``runuser``), listens on a free loopback port and a socket in its own
folder, and asks for a password over TCP (scram-sha-256), so the tests can
try a wrong one. Durability is switched off: the cluster is thrown away.

Run as a script, it starts a server and prints ``export`` lines for a shell::

    eval "$(python tests/pg_server.py start /tmp/pg)"; ...; python tests/pg_server.py stop /tmp/pg
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

SUPERUSER = "scale_test"
PASSWORD = "s3cret-for-tests"
URL_VARIABLE = "SCALE_ACROSS_TEST_PG"
REQUIRE_VARIABLE = "SCALE_ACROSS_REQUIRE_PG"


class ServerUnavailable(Exception):
    """No PostgreSQL server could be started here (no binaries, or they failed)."""


def _binary(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / name).exists():
            return str(folder / name)
    raise ServerUnavailable(
        f"{name} is not installed (Debian: apt-get install postgresql postgresql-contrib)"
    )


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(command: list[str]) -> None:
    done = subprocess.run(_as_server_user(command), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ServerUnavailable(
            f"{Path(command[0]).name} failed: {(done.stderr or done.stdout).strip()[-500:]}"
        )


def start(folder: Path) -> str:
    """Create and start a cluster in ``folder``; return the superuser's URL."""
    folder.mkdir(parents=True, exist_ok=True)
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir(exist_ok=True)
    password_file = folder / "password"
    password_file.write_text(PASSWORD)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        for path in (sockets, password_file):
            shutil.chown(path, "postgres")
    _run(
        [
            _binary("initdb"),
            "-D",
            str(data),
            "-U",
            SUPERUSER,
            "--pwfile",
            str(password_file),
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ]
    )
    port = _free_port()
    options = (
        f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
    )
    _run([_binary("pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "server.log"), "-w", "start"])
    (folder / "port").write_text(str(port))
    return f"postgresql+psycopg://{SUPERUSER}:{PASSWORD}@127.0.0.1:{port}/postgres"


def stop(folder: Path) -> None:
    """Stop the cluster in ``folder`` (fast shutdown) and remove its files."""
    data = folder / "data"
    if data.exists():
        subprocess.run(
            _as_server_user([_binary("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
            check=False,
        )
    shutil.rmtree(folder, ignore_errors=True)


def start_private() -> tuple[str, Path]:
    """Start a server in a new temporary folder; return its URL and the folder."""
    folder = Path(tempfile.mkdtemp(prefix="scale-across-pg-"))
    try:
        return start(folder), folder
    except BaseException:
        stop(folder)
        raise


if __name__ == "__main__":
    action, where = sys.argv[1], Path(sys.argv[2])
    if action == "start":
        print(f"export {URL_VARIABLE}='{start(where)}'")
    else:
        stop(where)
