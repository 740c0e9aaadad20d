"""Ask for a shared database's password when libpq has none for it, and keep it only in memory."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit
from sqlalchemy.engine import make_url

from facilitator.i18n import _
from facilitator.storage.database import PasswordRequiredError


def url_with_password(needed: PasswordRequiredError) -> str:
    """Ask for the password the server wants; return the URL with it (never shown or stored).

    Raises:
        PasswordRequiredError: the facilitator cancelled (the message says
            where to keep the password instead).
    """
    url = make_url(needed.url)
    # Translators: the password prompt's text when the server's address names no user.
    who = url.username or _("you")
    # Translators: the password prompt's text when the server's address names no host.
    where = url.host or _("the shared database")
    password, ok = QInputDialog.getText(
        None,
        _("Scale Across — shared database"),
        _("Password for {user} at {host}:\n(kept for this session only; ~/.pgpass saves asking)").format(
            user=who, host=where
        ),
        QLineEdit.EchoMode.Password,
    )
    if not ok:
        raise needed
    return url.set(password=password).render_as_string(hide_password=False)
