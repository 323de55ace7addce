"""Scoring rules: match claims to actuals and events, give verdicts, classify revisions, sum up credibility."""
from tracker.scoring.credibility import Credibility, Totals, credibility, credibility_from_totals, wilson_interval
from tracker.scoring.describe import describe_promise
from tracker.scoring.matching import match_actual, match_events, same_subject, withdrawal_covers
from tracker.scoring.policy import ScoringPolicy, polarity_of
from tracker.scoring.revisions import classify_revision
from tracker.scoring.units import convert, format_value
from tracker.scoring.verdicts import VerdictResult, score_claim, score_with_revisions

__all__ = [
    "Credibility", "ScoringPolicy", "Totals", "VerdictResult", "classify_revision", "convert", "credibility",
    "credibility_from_totals",
    "describe_promise", "format_value", "match_actual", "match_events", "polarity_of", "same_subject",
    "score_claim", "score_with_revisions", "wilson_interval", "withdrawal_covers",
]
