"""Event files written by hand, as a person would type them, for the round-trip properties.

What the properties compare a hand-written file with: its YAML (every text in
double quotes with YAML's escapes) or JSON form, and the values it holds.
"""

from __future__ import annotations

import json

from property_support import BREAKS_WHEN, DATE

_YAML_ESCAPES = {
    "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\x00": "\\0",
    "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P",
}  # fmt: skip


def yaml_quoted(text: str) -> str:
    """Return ``text`` in double quotes as a person might write it in an editor.

    Only what YAML needs is escaped — backslash, quote, line breaks, NUL (the
    end of a YAML stream) and surrogates (not UTF-8) — so every other control
    character, zero-width space or noncharacter stands raw in the file.
    """
    escaped = (
        _YAML_ESCAPES.get(ch) or (f"\\u{ord(ch):04x}" if "\ud800" <= ch <= "\udfff" else ch) for ch in text
    )
    return '"' + "".join(escaped) + '"'


def handwritten(typed: dict[str, str]) -> dict:
    """Return an event file's content holding the typed texts as they are (not cleaned)."""
    t = typed
    note = t["status_changes.note"]
    return {
        "format": "scale-across-event",
        "version": 1,
        "event": {
            "date": DATE.isoformat(),
            "title": t["events.title"],
            "facilitator": t["events.facilitator"],
            "agenda": t["events.agenda_id"],
            "status": "running",
            "current_step": t["events.current_step_id"],
            "step_seconds": {t["step_times.step_id"]: 30},
        },
        "coalitions": [{"id": "c1", "name": t["coalitions.name"], "top_goal": t["top_goals.text"]}],
        "participants": [
            {
                "id": "p1",
                "name": t["participants.name"],
                "team": t["participants.team"],
                "role": "coalition_member",
            },
        ],  # fmt: skip
        "outcomes": [
            {
                "id": "o1",
                "kind": "success",
                "title": t["outcomes.title"],
                "what_happened": t["outcomes.what_happened"],
                "evidence": t["outcomes.evidence"],
            },
        ],  # fmt: skip
        "patterns": [
            {
                "id": "pat1",
                "coalition": "c1",
                "name": t["patterns.name"],
                "summary": t["patterns.summary"],
                "guidance": t["patterns.guidance"],
                "outcomes": ["o1"],
                "works_when": [t["boundary_conditions.text"]],
                "breaks_when": [BREAKS_WHEN],
            },
        ],  # fmt: skip
        "agreements": [
            {
                "id": "a1",
                "adopter": "p1",
                "sponsor": "p1",
                "patterns": ["pat1"],
                "limits": t["agreements.limits"],
                "notes": t["agreements.notes"],
                "status_reason": note,
                "support": [
                    {
                        "type": "coaching",
                        "amount": 2.5,
                        "unit": t["support_items.unit"],
                        "owner": "p1",
                        "description": t["support_items.description"],
                        "limits": t["support_items.limits"],
                    },
                ],
                "fit": [{"condition": BREAKS_WHEN, "answer": "holds", "note": t["fit_answers.note"]}],
                "risk_accepted": {"by": "p1", "note": t["risk_acceptances.note"]},
                "history": [
                    {"to": "agreed", "note": "Agreed at the event", "at": "2026-11-21T10:00:00"},
                    {"to": "in_progress", "note": note, "at": "2026-11-21T11:00:00"},
                ],
            },
        ],  # fmt: skip
    }


def handwritten_yaml(document: dict) -> str:
    """Write ``document`` as YAML by hand: block style, every text double-quoted, CR LF ends."""
    lines: list[str] = []

    def scalar(value: object) -> str:
        return yaml_quoted(value) if isinstance(value, str) else json.dumps(value)

    def write(value: object, indent: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, dict | list) and item:
                    lines.append(f"{indent}{yaml_quoted(key)}:")
                    write(item, indent + "  ")
                else:
                    lines.append(f"{indent}{yaml_quoted(key)}: {scalar(item)}")
        else:
            for item in value:  # type: ignore[attr-defined]
                if isinstance(item, dict):
                    lines.append(f"{indent}-")
                    write(item, indent + "  ")
                else:
                    lines.append(f"{indent}- {scalar(item)}")

    write(document, "")
    return "\r\n".join(lines) + "\r\n"


def handwritten_json(document: dict) -> str:
    """Write ``document`` as JSON with CR LF ends; control characters and surrogates escaped."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    text = "".join(f"\\u{ord(ch):04x}" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    return text.replace("\n", "\r\n")


def file_values(document: dict) -> list[str]:
    """Return every text value and key the document holds (what the reader cleans)."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                found.append(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(document)
    return found
