"""The exporters' error, importable without loading ReportLab."""


class ExportError(Exception):
    """A file could not be written; the message names the path and the reason."""
