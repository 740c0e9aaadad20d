"""Presenting: the room view on the projector, kept in step with the console.

The console is the main window the facilitator works in. While presenting,
the room view shows the current step full screen on the screen that is not
the console's (or on the only screen, with F6 to switch to the console and
back), follows every stored edit within a frame, and can be blanked to black
or white, or held while the facilitator fixes a typo. A projector plugged in
or pulled out mid-meeting moves the room view; nothing typed is touched, as
the room view only ever reads the event.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QScreen

from facilitator.i18n import N_, _
from ui.actions import Act
from ui.room.canvas import Mode
from ui.room.drafts import TypingWatch, draft_in
from ui.room.preview import RoomPreview
from ui.room.screens import room_screen, screen_set_key
from ui.room.slide import Slide
from ui.room.window import RoomWindow

if TYPE_CHECKING:
    from facilitator.services.changes import Changes
    from ui.event_screen import EventScreen
    from ui.main_window import MainWindow

MODE_WORDS = {
    # Translators: the room view shows the current step (the preview's state)
    Mode.LIVE: N_("Live"),
    Mode.BLACK: N_("Black screen (B or Ctrl+Shift+B shows the step again)"),
    Mode.WHITE: N_("White screen (W or Ctrl+Shift+W shows the step again)"),
}


def waiting_slide() -> Slide:
    """Return what the room sees before a step is shown (in the language in use)."""
    return Slide("Scale Across", _("The event starts in a moment."))


class RoomPresenter(QObject):
    """Owns the room view and its preview; the console's actions call it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.room = RoomWindow(self._key_from_room, window)
        self.preview = RoomPreview(window)
        self.preview.hide()
        self.presenting = False
        self.held = False
        self.mode = Mode.LIVE
        self.page = 0
        self.show_timer = bool(window.settings.get("room_timer"))
        self.slide: Slide = waiting_slide()
        self._screen: EventScreen | None = None
        # Records just stored, new ones first: the room is shown the page of the first on the slide.
        self._follow: list[uuid.UUID] = []
        self._closed = False
        # Edits come in bursts (a cell, then its row's redraw): one rebuild per
        # turn of the event loop, the next frame, whatever the burst.
        self._pending = QTimer(self, singleShot=True, interval=0)
        self._pending.timeout.connect(self.refresh)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screens_changed)
        # The room sees text as it is typed, before it is stored.
        TypingWatch(self).typed.connect(self.schedule)
        self.apply_theme()

    # -- the open event ------------------------------------------------------
    def attach(self, screen: EventScreen | None) -> None:
        """Follow the event shown in ``screen`` (None: no event is open)."""
        self._screen = screen
        self.page = 0
        if screen is not None:
            walkthrough = screen.walkthrough
            screen.editor.changed.connect(self._on_changed)
            walkthrough.step_changed.connect(self._on_step)
            walkthrough.timer.ticked.connect(self._on_tick)
            for content in walkthrough.step_contents:
                for panel in content.panels:
                    panel.room_focus_changed.connect(self._on_focus)
            walkthrough.agenda_column.set_preview(self.preview)
            walkthrough.present_button.clicked.connect(self.toggle_presenting)
        self.schedule()

    def detach(self) -> None:
        """The event is being left: keep the preview, which the column is about to delete."""
        if self._screen is not None:
            self._screen.walkthrough.agenda_column.set_preview(None)
            # Kept by the window (hidden) until the next event's column takes it.
            self.preview.setParent(self.window)
            self.preview.hide()
        self._screen = None
        self.schedule()

    def schedule(self) -> None:
        """Rebuild the slide on the next turn of the event loop, while presenting.

        Nobody sees the room view otherwise: an edit then costs it nothing, and
        starting to present builds the slide afresh.
        """
        if self.presenting and not self._closed:
            self._pending.start()

    def refresh(self) -> None:
        """Build the slide from the event and show it, unless the room view is held."""
        self._pending.stop()
        if self._closed:
            return
        self.slide = self._build()
        if self._follow and not self.held:  # a held room view keeps its page too
            self._show_page_of(self._follow)
        self._follow = []
        self._push()

    def _build(self) -> Slide:
        # Imported when the room first needs a slide: they bring the services,
        # and the window must not wait for them at start-up.
        from ui.room.steps import StepState, build_slide
        from ui.walkthrough.timer import format_seconds

        screen = self._screen
        if screen is None:
            return waiting_slide()
        walkthrough = screen.walkthrough
        if walkthrough.index < 0:
            return waiting_slide()
        content = walkthrough.step_contents[walkthrough.index]
        focus = next(iter(self._focused()), None)
        rows = next((rows for p in content.panels if (rows := p.room_rows())), ())
        timer = walkthrough.timer
        step = walkthrough.step
        used = timer.seconds()
        limit = step.timebox_minutes * 60
        text = f"{format_seconds(used)} / {step.timebox_minutes}:00" if self.show_timer else ""
        draft = draft_in(content)
        state = StepState(focus=focus, review_rows=rows, timer=text, timer_over=used > limit, draft=draft)
        return build_slide(screen.editor.event, walkthrough.agenda, walkthrough.index, state)

    def _push(self) -> None:
        canvases = [self.preview.canvas] if self.held else [self.room.canvas, self.preview.canvas]
        for canvas in canvases:
            canvas.show_slide(self.slide, self.page)
            canvas.set_mode(self.mode)
        # Page numbers are the room's: a page past the end is the last one.
        self.page = min(self.page, max(self.room.canvas.page_count() - 1, 0))
        self._show_state()

    def _show_state(self) -> None:
        if self.held:
            state = _("Held: the room sees the step as it was when you pressed hold (Ctrl+Shift+F).")
        else:
            state = _(MODE_WORDS[self.mode])
        pages = self.room.canvas.page_count()
        if pages > 1:
            # Translators: which page of the step's records the room sees (after " · ")
            state += " · " + _("page {number} of {count}").format(number=self.page + 1, count=pages)
        screen = self.room.screen()
        if self.presenting and screen is not None and screen.name():
            # Translators: the screen the room view is on, by its system name (after " · ")
            state += " · " + _("on {screen}").format(screen=screen.name())
        next_step = ""
        if self._screen is not None:
            walkthrough = self._screen.walkthrough
            steps = walkthrough.agenda.steps
            if 0 <= walkthrough.index < len(steps) - 1:
                upcoming = steps[walkthrough.index + 1]
                next_step = _("Next: {title} ({minutes} min)").format(
                    title=upcoming.title, minutes=upcoming.timebox_minutes
                )
            elif steps:
                next_step = _("Last step")
        self.preview.show_state(state, next_step)

    def _on_changed(self, changes: Changes) -> None:
        # The room is shown the page where the record just typed is.
        keys = [record_id for _kind, record_id in (*changes.added, *changes.updated)]
        if keys:
            self._follow = keys
        self.schedule()

    def _on_step(self, _index: int) -> None:
        self.page = 0
        self.schedule()

    def _on_focus(self) -> None:
        self._follow = self._focused()
        self.schedule()

    def _focused(self) -> list[uuid.UUID]:
        """Return the records the current step's panels have in hand (the pattern, the agreement)."""
        screen = self._screen
        if screen is None or screen.walkthrough.index < 0:
            return []
        content = screen.walkthrough.step_contents[screen.walkthrough.index]
        return [key for panel in content.panels if (key := panel.room_focus()) is not None]

    def _on_tick(self) -> None:
        if self.show_timer:
            self.schedule()

    def _show_page_of(self, keys: list[uuid.UUID]) -> None:
        self.room.canvas.show_slide(self.slide, self.page)
        for key in keys:
            page = self.room.canvas.page_of(key)
            if page is not None:
                self.page = page
                return

    # -- in the room ----------------------------------------------------------
    def set_mode(self, mode: Mode) -> None:
        """Black or white; pressing the same key again shows the step."""
        self.mode = Mode.LIVE if self.mode is mode else mode
        self._push()
        self._sync_actions()

    def toggle_hold(self) -> None:
        """Freeze the room view (the preview goes on with the step as it is now); again to go live."""
        self.held = not self.held
        if not self.held:
            self.refresh()
        else:
            self._show_state()
        self._sync_actions()

    def toggle_timer(self) -> None:
        """Show the step's time to the room, or keep it on the console (remembered)."""
        self.show_timer = not self.show_timer
        self.window.settings.set("room_timer", self.show_timer)
        self.schedule()
        self._sync_actions()

    def turn_page(self, delta: int) -> None:
        """Show the room the next (+1) or previous (-1) page of the step's records."""
        pages = self.room.canvas.page_count()
        self.page = min(max(self.page + delta, 0), pages - 1)
        self._push()

    def apply_theme(self) -> None:
        """Use the console's theme for the room view."""
        name = self.window.settings.get("theme")
        for canvas in (self.room.canvas, self.preview.canvas):
            canvas.set_palette_name(name)

    # -- screens ---------------------------------------------------------------
    def toggle_presenting(self) -> None:
        """Start presenting (F5), or stop."""
        if self.presenting:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        """Show the room view full screen on the room's screen, and the preview on the console."""
        self.presenting = True
        self.preview.show()
        self._refit_column()
        self._place()
        self.refresh()
        self._sync_actions()

    def stop(self) -> None:
        """Take the room view off the projector."""
        self.presenting = False
        self.held = False
        self.mode = Mode.LIVE
        self.room.hide()
        self.preview.hide()
        self._refit_column()
        self._sync_actions()

    @property
    def single_screen(self) -> bool:
        """Return True when the room view shares the console's screen."""
        return self.room.screen() is self.window.screen()

    def switch(self) -> None:
        """On one screen, show the console or the room view (F6)."""
        if not self.presenting:
            return
        if self.room.isVisible() and self.single_screen:
            self.room.hide()
        else:
            self._show_room()
            self.room.raise_()

    def _show_room(self) -> None:
        # Not showFullScreen(): it also activates the window, and the keys belong to the console.
        self.room.setWindowState(self.room.windowState() | Qt.WindowState.WindowFullScreen)
        self.room.show()

    def chosen_screen(self) -> str:
        """Return the name of the screen chosen for the room with these screens, or ""."""
        return self.window.settings.room_screen(screen_set_key(QGuiApplication.screens()))

    def choose_screen(self, name: str) -> None:
        """Remember ``name`` as the room's screen while these screens are connected."""
        self.window.settings.set_room_screen(screen_set_key(QGuiApplication.screens()), name)
        if self.presenting:
            self._place()

    def _place(self) -> QScreen | None:
        target = room_screen(QGuiApplication.screens(), self.window.screen(), self.chosen_screen())
        if target is None:
            return None
        room = self.room
        if room.isFullScreen():
            room.showNormal()
        room.setScreen(target)
        room.setGeometry(target.geometry())
        self._show_room()
        self.preview.set_room_size(target.geometry().size())
        if target is self.window.screen():
            # One screen: the room view covers the console; the keys stay with
            # the console, and F6 shows it.
            self.window.statusBar().showMessage(
                # Translators: the status bar when the room view covers the only screen; short:
                # it shares the bar with "All changes saved" at the largest zoom.
                _("F6: switch room view/window")
            )
        else:
            self.window.raise_()
        self._show_state()
        return target

    def _screens_changed(self, _screen: QScreen) -> None:
        if self.presenting:
            # After Qt has moved the windows of a screen that went away.
            QTimer.singleShot(0, self, self._place)

    def _key_from_room(self, event: QKeyEvent) -> None:
        # The room view has no fields: a key that reaches it can only be one
        # of the console's shortcuts (a clicker's Page Down, B, W).
        pressed = QKeySequence(event.keyCombination())
        for action in self.window.actions_.values():
            if action.isEnabled() and any(
                pressed.matches(s) == QKeySequence.SequenceMatch.ExactMatch for s in action.shortcuts()
            ):
                action.trigger()
                return

    def _sync_actions(self) -> None:
        actions = self.window.actions_
        actions[Act.PRESENT].setChecked(self.presenting)
        actions[Act.ROOM_HOLD].setChecked(self.held)
        actions[Act.ROOM_TIMER].setChecked(self.show_timer)
        for act in (Act.ROOM_BLACK, Act.ROOM_WHITE, Act.ROOM_HOLD, Act.ROOM_SWITCH):
            actions[act].setEnabled(self.presenting)
        for act in (Act.ROOM_NEXT_PAGE, Act.ROOM_PREVIOUS_PAGE):
            actions[act].setEnabled(self.presenting or self.preview.isVisible())
        if self._screen is not None:
            self._screen.walkthrough.show_presenting(self.presenting)

    def _refit_column(self) -> None:
        if self._screen is not None:
            column = self._screen.walkthrough.agenda_column
            QTimer.singleShot(0, column, column.fit)

    def close(self) -> None:
        """The console is closing: the room view goes with it (once, however often the console closes)."""
        if self._closed:
            return
        self.presenting = False
        self._closed = True
        self._pending.stop()
        self.room.close()
        self.room.deleteLater()
