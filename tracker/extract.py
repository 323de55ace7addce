"""The extraction pipeline: transcript in, claims, actuals, prior claims and withdrawals out."""
from __future__ import annotations

from collections import deque
from dataclasses import replace
from pathlib import Path

from tracker.actuals import sentence_actuals
from tracker.callinfo import resolve_call_info
from tracker.claims import (ClaimSet, Said, direction_claims, figure_claims, milestone_claims, segment_directions,
                            with_revision)
from tracker.errors import InputError
from tracker.model import Actual, CallInfo, Claim, Kind, Extraction, Period, PriorClaim, Role, Transcript, Withdrawal
from tracker.periods import calendar_from, reported_period
from tracker.scopes import product_scope
from tracker.sentence_facts import analyse, is_future
from tracker.transcript import read_transcript
from tracker.vocab import cue_finder

# Only the company's people make commitments; an analyst's question is not one (the answer confirming it is).
COMPANY_ROLES = (Role.EXECUTIVE, Role.UNKNOWN)


def extract_file(path: str | Path, *, call_date: str | None = None, company: str | None = None,
                 fiscal_year_end: str | None = None) -> Extraction:
    transcript = read_transcript(path)
    info = resolve_call_info(transcript.header, path=path, call_date=call_date, company=company,
                             fiscal_year_end=fiscal_year_end)
    return extract_transcript(transcript, info)


def extract_transcript(transcript: Transcript, info: CallInfo) -> Extraction:
    if info.call_date is None:
        raise InputError("no call date: pass --call-date YYYY-MM-DD")
    call_date = info.call_date
    cal = calendar_from(info.fiscal_year_end, anchor=call_date)
    reported = reported_period(call_date, cal)
    claims = ClaimSet()
    actuals: list[Actual] = []     # every statement of a figure: restatements are linked when stored
    priors: list[PriorClaim] = []
    withdrawals: list[Withdrawal] = []
    topic = _Topic()
    for turn in transcript.turns:
        if turn.speaker.role not in COMPANY_ROLES:
            for sentence in turn.sentences:      # a question still sets the topic ("what about the X200?")
                topic.saw(sentence.text)
            continue
        frame: Period | None = None   # the period a run of guidance sentences is about
        for sentence in turn.sentences:
            topic.saw(sentence.text)
            if sentence.text.rstrip().endswith("?"):
                frame = None          # a question asks; it promises nothing
                continue
            facts = analyse(sentence.text, call_date, cal)
            if not (facts.figures or facts.periods or facts.withdrawal
                    or frame and cue_finder("segment_move").find(sentence.text)):
                # nothing dated, counted or withdrawn, and no business-line move in a guidance run:
                # no claim, actual or withdrawal can come of it
                frame = None if facts.boilerplate else _next_frame(frame, facts, [], call_date)
                continue
            if facts.boilerplate and not facts.figures:
                frame = None
                continue
            said = Said(turn.speaker, sentence)
            found = figure_claims(facts, said, call_date, frame)
            found += segment_directions(facts, said, call_date, frame)
            found += direction_claims(facts, said, call_date, frozenset(c.metric for c in found))
            found += milestone_claims(facts, said, call_date, cal)
            for claim in with_revision(found, facts):
                claims.add(topic.scoped(claim))
            if facts.withdrawal and (facts.metrics or "guidance" in sentence.text.lower()):
                period = next((p.period for p in facts.periods if p.period), None)
                withdrawals.append(Withdrawal(
                    metric=facts.metrics[0].name if facts.metrics else None, scope=None, period=period,
                    quote=sentence.text, speaker=turn.speaker.name, start=sentence.start, end=sentence.end))
            found_actuals, found_priors = sentence_actuals(facts, turn.speaker, reported, call_date, cal,
                                                           sentence.start, sentence.end)
            actuals.extend(found_actuals)
            priors.extend(found_priors)
            frame = _next_frame(frame, facts, found, call_date)
    final = tuple(_with_baseline(c, actuals, reported) for c in claims.claims)
    return Extraction(info=info, transcript=transcript, claims=final,
                      actuals=tuple(actuals), prior_claims=tuple(priors), withdrawals=tuple(withdrawals))


def _with_baseline(claim: Claim, actuals: list[Actual], reported: Period) -> Claim:
    """A direction claim ("a new high in Q1") is measured against the figure the call itself reported."""
    if claim.kind is not Kind.DIRECTION or claim.baseline is not None:
        return claim
    same = [a for a in actuals if a.metric == claim.metric and a.scope == claim.scope]
    base = next((a for a in same if a.period.label == reported.label), same[0] if same else None)
    if base is None:
        return claim
    return replace(claim, baseline=base.value, unit=claim.unit or base.unit)


def _next_frame(frame: Period | None, facts, found: list[Claim], call_date) -> Period | None:
    """The next sentence may lean on this one's period ("Our guidance for Q2 is as follows. We expect X.")."""
    if facts.fact_verbs:
        return None                   # a report of fact ends a run of guidance
    future = [p.period for p in facts.periods if p.period and is_future(p.period, call_date)]
    if facts.periods:
        return future[0] if len(future) == 1 and (found or facts.forward_looking) else None
    return frame if found or facts.forward_looking else None


class _Topic:
    """The product or program the conversation is about: a milestone that names none ("we will ship it in
    Q3") is about the one named in the last few sentences, the analyst's question included. Names are read
    only when a milestone needs one."""

    def __init__(self, reach: int = 3):
        self.recent: deque[str] = deque(maxlen=reach + 1)

    def saw(self, text: str) -> None:
        self.recent.append(text)

    def scoped(self, claim: Claim) -> Claim:
        if claim.kind is not Kind.MILESTONE or claim.scope is not None:
            return claim
        for text in reversed(self.recent):
            found = product_scope(text)
            if found:
                return replace(claim, scope=found)
        return claim
