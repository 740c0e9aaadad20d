"""The catalog offers shipped and user agendas and reports broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.agenda import CAPTURE_KINDS, load_agenda, load_catalog
from facilitator.paths import DATA_DIR_ENV

USER_AGENDA = """\
format: scale-across-agenda
version: 1
id: {id}
title: {title}
steps:
  - id: check-in
    title: Check-in
    question: Who is here?
    timebox_minutes: 5
    captures: []
"""


def write(folder: Path, name: str, agenda_id: str, title: str) -> Path:
    path = folder / name
    path.write_text(USER_AGENDA.format(id=agenda_id, title=title), encoding="utf-8")
    return path


def test_shipped_agendas_load(tmp_path: Path) -> None:
    catalog = load_catalog(tmp_path)
    assert catalog.problems == []
    assert [agenda.id for agenda in catalog.agendas] == [
        "scale-across",
        "scale-across-30",
        "scale-across-follow-up",
    ]
    default = catalog.default
    assert default.shipped
    assert default.total_minutes == 60
    assert catalog.get("scale-across-30").total_minutes == 30
    follow_up = catalog.get("scale-across-follow-up")
    assert follow_up.total_minutes == 60
    assert follow_up.steps[0].captures == ("adoption_review",)
    for agenda in catalog.agendas:
        # The follow-up agenda is the seed's agenda after an adoption review.
        steps = agenda.steps[1:] if agenda is follow_up else agenda.steps
        assert [step.id for step in steps] == [
            "top-goal",
            "outcomes-patterns",
            "context-boundaries",
            "follow-up-support",
        ]
        assert [step.captures for step in steps] == [
            ("top_goal",),
            ("outcomes", "patterns"),
            ("boundaries",),
            ("agreements", "capacity"),
        ]
        assert all(2 <= len(step.prompts) <= 5 for step in agenda.steps)
    assert default.steps[0].question == "What is the current TOP Goal?"


def test_shipped_files_load_directly() -> None:
    folder = Path(__file__).resolve().parents[2] / "agendas"
    assert load_agenda(folder / "scale-across.yaml").id == "scale-across"
    assert load_agenda(folder / "scale-across-30.yaml").id == "scale-across-30"
    assert load_agenda(folder / "scale-across-follow-up.yaml").id == "scale-across-follow-up"


def test_agenda_helpers() -> None:
    agenda = load_catalog(Path("/nonexistent-agenda-dir")).default
    assert agenda.index_of("context-boundaries") == 2
    assert agenda.step("top-goal").timebox_minutes == 5
    with pytest.raises(KeyError):
        agenda.step("nope")
    assert set(CAPTURE_KINDS) >= {c for s in agenda.steps for c in s.captures}


def test_user_agendas_follow_shipped_ones_sorted_by_title(tmp_path: Path) -> None:
    write(tmp_path, "b.yaml", "zebra", "Zebra session")
    write(tmp_path, "a.yml", "alpha", "Alpha session")
    (tmp_path / "notes.txt").write_text("not an agenda")
    catalog = load_catalog(tmp_path)
    assert catalog.problems == []
    assert [a.id for a in catalog.agendas] == [
        "scale-across",
        "scale-across-30",
        "scale-across-follow-up",
        "alpha",
        "zebra",
    ]
    assert not catalog.get("alpha").shipped
    assert catalog.get("alpha").source == str(tmp_path / "a.yml")


def test_broken_user_agenda_is_reported_and_others_still_load(tmp_path: Path) -> None:
    write(tmp_path, "good.yaml", "good", "Good")
    broken = tmp_path / "broken.yaml"
    broken.write_text(USER_AGENDA.format(id="broken", title="true"), encoding="utf-8")
    catalog = load_catalog(tmp_path)
    assert [a.id for a in catalog.agendas][-1] == "good"
    assert [str(p) for p in catalog.problems] == [
        f"{broken}:4:8: title: expected text but YAML read a yes/no value (true); put the text in quotes"
    ]
    with pytest.raises(KeyError):
        catalog.get("broken")


def test_user_agenda_reusing_a_shipped_id_is_a_problem(tmp_path: Path) -> None:
    clash = write(tmp_path, "mine.yaml", "scale-across", "My Scale Across")
    catalog = load_catalog(tmp_path)
    assert [str(p) for p in catalog.problems] == [
        f'{clash}:3:5: id: "scale-across" is the id of an agenda that comes with the app; '
        "give this agenda another id"
    ]
    assert catalog.default.shipped
    assert len(catalog.agendas) == 3


def test_two_user_agendas_with_one_id(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", "same", "First")
    second = write(tmp_path, "b.yaml", "same", "Second")
    catalog = load_catalog(tmp_path)
    assert catalog.get("same").title == "First"
    assert [str(p) for p in catalog.problems] == [
        f'{second}:3:5: id: "same" is already the id of {first}; give this agenda another id'
    ]


def test_default_user_folder_comes_from_the_data_dir(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    assert load_catalog().problems == []  # the folder does not exist yet: fine
    (tmp_path / "agendas").mkdir()
    write(tmp_path / "agendas", "x.yaml", "mine", "Mine")
    assert load_catalog().get("mine").title == "Mine"


def test_user_folder_that_is_a_file_is_a_problem(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "agendas"
    not_a_folder.write_text("")
    catalog = load_catalog(not_a_folder)
    assert len(catalog.agendas) == 3
    assert [p.problem for p in catalog.problems] == ["cannot read folder: Not a directory"]
