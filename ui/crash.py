"""No silent failures: every uncaught exception is logged, shown, and the app goes on.

An exception in a Qt slot never reaches the code that connected it; PySide
hands it to ``sys.excepthook`` and carries on. Without a hook of our own it
would end up on a console the facilitator never sees.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from facilitator.applog import log_exception
from facilitator.i18n import _
from ui.message_box import MessageBox
from ui.settings import APPLICATION


class CrashDialog(MessageBox):
    """Says what went wrong and where the details are; Continue goes back to work."""

    def __init__(
        self, summary: str, details: str, log_path: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.details = details
        self.log_path = log_path
        self.setIcon(QMessageBox.Icon.Critical)
        # Translators: the title of the dialog that shows an unexpected error; {app} is the app's name.
        self.setWindowTitle(_("{app} — unexpected error").format(app=APPLICATION))
        self.setText(_("Something went wrong: {problem}").format(problem=summary))
        safe = _(
            "The app is still running and everything stored before is safe. "
            "If what you just did did not take effect, try it again."
        )
        where = (
            _("The details were written to the log file:\n{path}").format(path=log_path)
            if log_path is not None
            # Translators: "Copy details" is the name of a button of this dialog.
            else _("The log file could not be written; use Copy details to keep them.")
        )
        self.setInformativeText(f"{safe}\n\n{where}")
        self.setDetailedText(details)
        self.open_log_button = self.addButton(_("Open log"), QMessageBox.ButtonRole.ActionRole)
        self.open_log_button.setEnabled(log_path is not None)
        self.copy_button = self.addButton(_("Copy details"), QMessageBox.ButtonRole.ActionRole)
        # Translators: the button that closes the error dialog and goes back to work.
        self.continue_button = self.addButton(_("Continue"), QMessageBox.ButtonRole.AcceptRole)
        self.setDefaultButton(self.continue_button)
        self.setEscapeButton(self.continue_button)

    def run(self) -> None:
        """Show the dialog until Continue; Open log and Copy details act and keep it up."""
        while True:
            self.exec()
            clicked = self.clickedButton()
            if clicked is self.open_log_button and self.log_path is not None:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path)))
            elif clicked is self.copy_button:
                QApplication.clipboard().setText(self.details)
            else:
                return


class _Bridge(QObject):
    """Carries a report from a worker thread to the GUI thread (queued signal)."""

    report = Signal(str, str, object)


class ExceptionHooks:
    """The installed ``sys.excepthook`` and ``threading.excepthook``; ``uninstall`` restores the old ones."""

    def __init__(self) -> None:
        # Per thread: a worker thread's report must not look like a
        # re-entry into the GUI thread's handler.
        self._state = threading.local()
        self._bridge = _Bridge()
        self._bridge.report.connect(self._show_from_thread)
        self._previous = (sys.excepthook, threading.excepthook)

    def install(self) -> None:
        """Route uncaught exceptions, in any thread, to the log and the dialog."""
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        """Put back the hooks that were there before ``install``."""
        sys.excepthook, threading.excepthook = self._previous

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        """``sys.excepthook``: log the exception and show it; the app keeps running."""
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous[0](exc_type, exc, tb)
            return
        self.handle(_with_traceback(exc_type, exc, tb), "uncaught exception")

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        """``threading.excepthook``: the same, for exceptions that end a Python thread."""
        if issubclass(args.exc_type, SystemExit):
            return  # the default hook ignores it too: a thread may exit this way
        name = args.thread.name if args.thread is not None else "?"
        exc = _with_traceback(args.exc_type, args.exc_value, args.exc_traceback)
        self.handle(exc, f"uncaught exception in thread {name}")

    def handle(self, exc: BaseException, context: str) -> None:
        """Log one exception, then show the dialog in the GUI thread."""
        if self._busy():
            # Raised by the handler itself or while its dialog is up: no
            # second dialog on top of the first, and no loop.
            _log_quietly(exc, context)
            _to_stderr(exc, context)
            return
        self._state.handling = True
        try:
            log_path = log_exception(exc, context)
            summary = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            details = "".join(traceback.format_exception(exc))
            app = QApplication.instance()
            if app is None:
                _to_stderr(exc, context)
            elif QThread.currentThread() is app.thread():
                self._show(summary, details, log_path)
            else:
                self._bridge.report.emit(summary, details, log_path)
        except BaseException as failure:
            _to_stderr(exc, context)
            _to_stderr(failure, "the exception handler failed")
        finally:
            self._state.handling = False

    def _busy(self) -> bool:
        return getattr(self._state, "handling", False)

    def _show(self, summary: str, details: str, log_path: Path | None) -> None:
        was_handling, self._state.handling = self._busy(), True
        try:
            CrashDialog(summary, details, log_path, QApplication.activeWindow()).run()
        finally:
            self._state.handling = was_handling

    def _show_from_thread(self, summary: str, details: str, log_path: Path | None) -> None:
        try:
            self._show(summary, details, log_path)
        except Exception as failure:
            _to_stderr(failure, "the exception dialog failed")


def install_exception_hooks() -> ExceptionHooks:
    """Install the hooks and return them; keep the result alive while the app runs.

    The log goes where :func:`facilitator.applog.log_exception` writes it
    (``paths.log_dir()``), so the GUI and the command line share one log.
    """
    hooks = ExceptionHooks()
    hooks.install()
    return hooks


def _with_traceback(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> BaseException:
    if exc is None:
        exc = exc_type()
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    return exc


def _log_quietly(exc: BaseException, context: str) -> None:
    with contextlib.suppress(Exception):
        log_exception(exc, context)


def _to_stderr(exc: BaseException, context: str) -> None:
    stream = sys.__stderr__ or sys.stderr
    if stream is None:
        return  # a windowed build without a console: nowhere left to write
    with contextlib.suppress(Exception):
        print(f"scale-across: {context}:", file=stream)
        traceback.print_exception(exc, file=stream)
