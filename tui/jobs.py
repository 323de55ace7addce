"""Running database work off the UI thread: one transaction per job, errors shown, never raised into the UI.

A job that fails rolls back its transaction (Database.session does that), so a failed action writes nothing.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from textual.dom import DOMNode

from tracker.errors import FlsError

if TYPE_CHECKING:
    from tui.app import FlsApp

T = TypeVar("T")
# Errors a user can act on (bad input, a locked or unreachable database): shown, not raised.
SHOWN_ERRORS = (FlsError, SQLAlchemyError, OSError)


def error_text(exc: BaseException) -> str:
    if isinstance(exc, SQLAlchemyError):
        return f"database error: {str(exc).splitlines()[0]}"
    return str(exc)


def run_db(node: DOMNode, work: Callable[[Session], T], on_done: Callable[[T], Any],
           on_error: Callable[[str], Any] | None = None, *, write: bool = False, group: str = "db",
           exclusive: bool = False) -> None:
    """Run `work(session)` in a thread worker; call `on_done(result)` or `on_error(message)` on the UI thread.
    Without `on_error` the message is shown as an error notification."""
    app: FlsApp = node.app  # type: ignore[assignment]

    def job() -> None:
        try:
            with app.database.session(write=write) as session:
                result = work(session)
        except SHOWN_ERRORS as exc:
            app.call_from_thread(on_error or app.show_error, error_text(exc))
            return
        app.call_from_thread(on_done, result)

    node.run_worker(job, thread=True, group=group, exclusive=exclusive, name=group)
