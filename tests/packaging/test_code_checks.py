"""The code checks CI relies on: mypy, ruff (lint and format) and file size."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
MAX_LINES = 400


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={"PATH": str(BIN), "PYTHONPATH": str(ROOT), "HOME": str(ROOT)},
    )


def test_mypy_passes_with_the_configured_strictness(tmp_path):
    # A cache of its own: a shared one is written by parallel runs.
    result = _run(str(BIN / "mypy"), "--cache-dir", str(tmp_path / "mypy"))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("command", [("check",), ("format", "--check")], ids=["lint", "format"])
def test_ruff_is_clean(command):
    result = _run(str(BIN / "ruff"), *command, "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_source_file_is_over_400_lines():
    long_files = []
    for package in ("facilitator", "exports", "ui", "tests", "bench", "docs"):
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_LINES:
                long_files.append(f"{path.relative_to(ROOT)}: {lines} lines")
    assert not long_files, "split by responsibility:\n" + "\n".join(long_files)
