"""FlsApp: the terminal UI. It is handed an open database and never opens one itself.

Screens: companies (the home screen), claims, claim detail, transcript reader, scorecard, review, guidance
history, credibility over time. Every change
goes through db/ functions (which write the audit log) in a worker thread; screens reload when data changes.
The as-of date the verdicts were scored on is in the title, so every screen shows it, and every screen reads the
verdicts of that date. Without `as_of` the app opens on the date last scored (never silently on today).
"""
from __future__ import annotations

import getpass
from datetime import date
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from db.session import Database
from tui import saved_filters
from tui.commands import FlsCommands

LIGHT_THEME = "textual-light"
DARK_THEME = "textual-dark"


class FlsApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "fls"
    SUB_TITLE = "forward-looking statements"
    COMMANDS = App.COMMANDS | {FlsCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("i", "ingest", "Ingest"),
        Binding("u", "import_csv", "Import CSV"),
        Binding("r", "rescore", "Re-score"),
        Binding("ctrl+t", "toggle_theme", "Theme"),
    ]

    def __init__(self, database: Database, *, as_of: date | None = None, author: str | None = None,
                 config_dir: Path | None = None) -> None:
        super().__init__()
        self.database = database
        self.config_dir = config_dir if config_dir is not None else saved_filters.config_dir()   # saved filters
        self._as_of = as_of or last_scored_or_today(database)
        self.author = author if author is not None else _default_author()
        self.title = self._title()

    @property
    def as_of(self) -> date:
        return self._as_of

    @as_of.setter
    def as_of(self, value: date) -> None:
        self._as_of = value
        self.title = self._title()

    def _title(self) -> str:
        return f"fls · as of {self._as_of}"

    def on_mount(self) -> None:
        from tui.screens.companies import CompaniesScreen

        # verdict colours come from the theme's palette (tui/verdicts.py): redraw with the new one
        self.theme_changed_signal.subscribe(self, lambda _theme: self.data_changed())
        self.push_screen(CompaniesScreen())

    # --- shared behaviour ------------------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        self.notify(message, title="Error", severity="error", markup=False)

    def data_changed(self) -> None:
        """Ask every open screen to reload what it shows (after an edit, an ingest or a re-score)."""
        for screen in self.screen_stack:
            reload = getattr(screen, "reload", None)
            if reload is not None:
                reload()

    # --- actions ---------------------------------------------------------------------------------------

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_ingest(self) -> None:
        from tui.screens.ingest_form import IngestForm

        self.push_screen(IngestForm())

    def action_import_csv(self) -> None:
        from tui.screens.import_form import ImportForm

        self.push_screen(ImportForm())

    def action_rescore(self) -> None:
        from tui.screens.rescore_form import RescoreForm

        self.push_screen(RescoreForm(self.as_of))

    def action_claim_action(self, which: str) -> None:
        """Palette entries for claim actions act on the claim selected in the current screen."""
        handler = getattr(self.screen, f"action_{which}", None)
        if handler is None:
            self.notify("Open a claim (or select one in the claims list) first.", severity="warning")
            return
        handler()

    def action_show_companies(self) -> None:
        from tui.screens.companies import CompaniesScreen

        while len(self.screen_stack) > 2 and not isinstance(self.screen, CompaniesScreen):
            self.pop_screen()

    def action_show_claims(self) -> None:
        from tui.screens.claims import ClaimsScreen

        self.push_screen(ClaimsScreen(ticker=getattr(self.screen, "current_ticker", None)))

    def action_show_review(self) -> None:
        from tui.screens.review import ReviewScreen

        if not isinstance(self.screen, ReviewScreen):
            self.push_screen(ReviewScreen(ticker=getattr(self.screen, "current_ticker", None)))

    def action_show_scorecard(self) -> None:
        from tui.screens.scorecard import ScorecardScreen

        ticker = getattr(self.screen, "current_ticker", None)
        if not ticker:
            self.notify("Select a company first.", severity="warning")
            return
        self.push_screen(ScorecardScreen(ticker))

    def action_show_credibility(self) -> None:
        """Credibility over time of the company on screen (tui/screens/credibility.py)."""
        from tui.screens.credibility import CredibilityScreen

        ticker = getattr(self.screen, "current_ticker", None)
        if not ticker:
            self.notify("Select a company first.", severity="warning")
            return
        self.push_screen(CredibilityScreen(ticker))


def last_scored_or_today(database: Database) -> date:
    """The date the UI reads verdicts of when none is given: the one last scored (a review of March 1 reopened
    in June still reads March 1's verdicts), today only when nothing was ever scored. Changing it is the
    user's act (r: re-score as of another date)."""
    from db.scoring import last_scored

    with database.session(write=False) as session:
        return last_scored(session) or date.today()


def _default_author() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):   # no user name in this environment (containers)
        return ""
