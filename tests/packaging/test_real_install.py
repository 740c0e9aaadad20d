"""A real (non-editable) install carries agendas, migrations and resources."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        check=True,
        timeout=300,
        capture_output=True,
    )
    return next(out.glob("*.whl"))


def test_wheel_contains_package_data_and_console_script(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "agendas/scale-across.yaml",
        "agendas/scale-across-30.yaml",
        "agendas/README.md",
        "facilitator/storage/migrations/env.py",
        "facilitator/storage/migrations/script.py.mako",
        "facilitator/storage/migrations/versions/0001_initial_schema.py",
        "facilitator/storage/migrations/versions/0002_accepted_over_commitment.py",
        "facilitator/storage/migrations/versions/0003_search_index.py",
        "facilitator/storage/search_index.py",
        "ui/cli/__init__.py",
        "exports/__init__.py",
    ):
        assert required in names, f"{required} missing from {wheel.name}"
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "scale-across = ui.cli:main" in text


def test_wheel_installed_alone_runs_from_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        check=True,
        timeout=300,
        capture_output=True,
    )
    # Dependencies come from this environment; the app's own code only from the wheel.
    env = dict(os.environ, PYTHONPATH=str(target), SCALE_ACROSS_DATA_DIR=str(tmp_path / "data"))
    code = "import sys; from ui.cli import main; sys.exit(main(sys.argv[1:]))"
    agendas = subprocess.run(
        [sys.executable, "-c", code, "agenda", "list"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert agendas.returncode == 0, agendas.stderr
    assert "scale-across " in agendas.stdout and "scale-across-30" in agendas.stdout
    demo = subprocess.run(
        [sys.executable, "-c", code, "demo", "--db", str(tmp_path / "x.sqlite3")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert demo.returncode == 0, demo.stderr
    located = subprocess.run(
        [sys.executable, "-c", "import facilitator; print(facilitator.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert located.stdout.startswith(str(target))
