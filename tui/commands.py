"""The command palette's entries for fls actions (ctrl+p): one per action, run as the app action it names."""
from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (palette text, help, app action)
ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("Ingest a transcript", "Extract claims from a transcript file and store them", "ingest"),
    ("Import actuals CSV", "Import reported figures and events from a CSV file", "import_csv"),
    ("Re-score", "Score every claim again as of a date", "rescore"),
    ("Add an actual", "Record a reported figure for the selected claim", "claim_action('add_actual')"),
    ("Override verdict", "Set the selected claim's verdict by hand, with a reason", "claim_action('override')"),
    ("Dismiss or restore claim", "Set aside a false claim, or bring it back", "claim_action('dismiss_claim')"),
    ("Add a note", "Attach a note to the selected claim", "claim_action('add_note')"),
    ("Companies", "Every company with its credibility", "show_companies"),
    ("Claims", "Every claim, filterable and sortable", "show_claims"),
    ("Scorecard", "The scorecard of the selected company", "show_scorecard"),
    ("Review mode", "Walk a period's claims with their detail, mark them reviewed", "show_review"),
    ("Credibility over time", "Hit rate per call and per speaker, with its 95% band", "show_credibility"),
    ("Guidance history", "How the selected claim's guidance moved from call to call", "claim_action('guidance')"),
    ("Toggle light/dark theme", "Switch between light and dark", "toggle_theme"),
    ("Help", "Keys and what they do", "help"),
)


class FlsCommands(Provider):
    def _run(self, action: str) -> None:
        self.app.call_later(self.app.run_action, action)

    async def discover(self) -> Hits:
        for text, help_text, action in ACTIONS:
            yield DiscoveryHit(text, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, action in ACTIONS:
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._run, action), text=text, help=help_text)
