"""Panels: the parts of a screen that show and edit one kind of record.

One folder per group of walk-through steps (``top_goal``; ``patterns`` for
Outcomes & Patterns and Context & Boundaries; ``agreements`` for Follow-Up
Support and Adoption review; ``people`` for the participants and their hours,
entered while preparing), and ``shared`` for what every panel builds on.
"""
