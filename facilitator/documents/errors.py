"""The one error type every document problem is reported as."""

from __future__ import annotations


class DocumentError(ValueError):
    """A problem in a YAML or JSON document, located at a line and column.

    ``str(error)`` is ``"<path>:<line>:<column>: <problem>"`` — the format
    editors and terminals recognise, so a facilitator can jump to the spot.

    Attributes:
        path: The file name (or other source name) the document came from.
        line: 1-based line of the problem.
        column: 1-based column (in characters, not bytes) of the problem.
        problem: Plain-English description naming the key and what was
            expected, e.g. ``steps[2].timebox_minutes: must be a positive
            whole number of minutes, got -5``.
    """

    def __init__(self, path: str, line: int, column: int, problem: str) -> None:
        super().__init__(path, line, column, problem)
        self.path = path
        self.line = line
        self.column = column
        self.problem = problem

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.problem}"

    def __repr__(self) -> str:
        return f"DocumentError({str(self)!r})"
