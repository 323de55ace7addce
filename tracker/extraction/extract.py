"""The extraction pipeline: transcript in, claims, actuals, prior claims and withdrawals out."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from tracker.extraction.actuals import sentence_actuals
from tracker.extraction.anaphora import resolve
from tracker.extraction.baseline_periods import after_baseline
from tracker.extraction.comparative_moves import comparative_claims, open_move_claims
from tracker.callinfo import KnownCalendar, resolve_call_info
from tracker.extraction.claimset import ClaimSet
from tracker.extraction.claims import (Said, direction_claims, figure_claims, milestone_claims, segment_directions,
                            with_revision)
from tracker.extraction.contributors import with_contributor
from tracker.extraction.discourse import FrameReader, Reading, period_source
from tracker.errors import InputError
from tracker.fiscal_naming import settle_calendar
from tracker.model import (Actual, CallInfo, Claim, Extraction, FiscalCalendar, Kind, Period, PriorClaim, Role,
                           Transcript, Withdrawal)
from tracker.periods import reported_period
from tracker.extraction.pronoun_events import pronoun_events
from tracker.quantities import unit_family
from tracker.extraction.memory import CallMemory
from tracker.extraction.questions import promises
from tracker.extraction.range_position import position_claims
from tracker.extraction.scopes import geography_names
from tracker.extraction.sentence_facts import SentenceFacts, analyse
from tracker.transcript import read_transcript
from tracker.vocab.finders import cue_finder, metric_spec, scope_finders

# Only the company's people make commitments; an analyst's question is not one (the answer confirming it is).
COMPANY_ROLES = (Role.EXECUTIVE, Role.UNKNOWN)


def extract_file(path: str | Path, *, call_date: str | None = None, company: str | None = None,
                 fiscal_year_end: str | None = None, fiscal_year_named: str | None = None,
                 known: KnownCalendar | None = None) -> Extraction:
    transcript = read_transcript(path)
    info = resolve_call_info(transcript.header, path=path, call_date=call_date, company=company,
                             fiscal_year_end=fiscal_year_end, fiscal_year_named=fiscal_year_named, known=known)
    return extract_transcript(transcript, info)


def extract_transcript(transcript: Transcript, info: CallInfo) -> Extraction:
    if info.call_date is None:
        raise InputError("no call date: pass --call-date YYYY-MM-DD")
    call_date = info.call_date
    info, cal = settle_calendar(transcript, info)     # how the company names its fiscal years: given or read
    reported = reported_period(call_date, cal)
    claims = ClaimSet()
    actuals: list[Actual] = []     # every statement of a figure: restatements are linked when stored
    priors: list[PriorClaim] = []
    withdrawals: list[Withdrawal] = []
    reader = FrameReader(transcript.text, call_date, cal, company=info.company, ticker=info.ticker)
    memory = CallMemory(reported, call_date, cal)
    for turn in transcript.turns:
        company = turn.speaker.role in COMPANY_ROLES
        reader.new_turn()
        memory.new_turn(company)
        if not company:
            for sentence in turn.sentences:
                memory.heard_question(sentence.text)
            continue
        for sentence in turn.sentences:
            memory.heard(sentence.text)
            if sentence.text.rstrip().endswith("?"):
                reader.interrupt()    # a question asks; it promises nothing
                continue
            facts, lent = resolve(analyse(sentence.text, call_date, cal), memory.antecedents.take(), call_date)
            reading = reader.read(sentence, facts)
            for claim in pronoun_events(facts, Said(turn.speaker, sentence), call_date, cal):
                claims.add(claim)             # "... and expect it later this year": a thing due by then
            frame = reading.frame
            period = frame.period if frame else None
            if not (facts.figures or facts.periods or facts.withdrawal or memory.levels.points_back(sentence.text)
                    or period and (facts.forward and facts.direction and facts.metrics
                                   or cue_finder("segment_move").find(sentence.text))):
                # nothing dated, counted or withdrawn, and no move of a metric or business line in a guidance
                # run ("Hardware revenue should decline."): no claim, actual or withdrawal can come of it
                if facts.boilerplate and not (frame and frame.explicit):
                    reader.interrupt()
                else:
                    reader.carry(sentence, facts, False)
                if facts.metrics and facts.forward:
                    # "We see free cash flow staying healthy. We anticipate headwinds of $400 million ...": an
                    # undated promise about one metric is what the next sentence's figure may refer back to
                    memory.antecedents.saw([], facts, call_date)
                continue
            if facts.boilerplate and not facts.figures:
                if not (frame and frame.explicit and frame.start == sentence.start):
                    reader.interrupt()    # "Let me start with full-year commentary for FY26." opens a frame
                continue
            said = Said(turn.speaker, sentence)
            # the question's period dates only a promise, never makes one ("A 12% levy applies to exports.")
            asked = memory.asked.period if promises(facts) else None
            found = _claims(facts, reading, said, call_date, cal, lent or asked)
            memory.antecedents.saw(found, facts, call_date)
            found = memory.referents.scoped(found, sentence.text)
            found = with_contributor(found, sentence.text, call_date, cal)
            found = (found or memory.levels.carried(facts, call_date, said.mention(), cal)
                     or memory.lines.carried(facts, said, call_date))
            for claim in with_revision(found, facts):
                claims.add(memory.topic.scoped(claim))
            if facts.withdrawal and (facts.metrics or "guidance" in sentence.text.lower()):
                withdrawn = next((p.period for p in facts.periods if p.period), None)
                withdrawals.append(Withdrawal(
                    metric=facts.metrics[0].name if facts.metrics else None, scope=None, period=withdrawn,
                    quote=sentence.text, speaker=turn.speaker.name, start=sentence.start, end=sentence.end))
            found_actuals, found_priors = sentence_actuals(facts, turn.speaker, reported, call_date, cal,
                                                           sentence.start, sentence.end,
                                                           memory.year_run.carried(facts))
            memory.year_run.saw(facts, found_actuals)
            actuals.extend(found_actuals)
            memory.levels.saw(found, found_actuals)
            priors.extend(found_priors)
            reader.carry(sentence, facts, bool(found))
    final = tuple(_not_the_company(_with_baseline(c, actuals, reported), info) for c in claims.claims)
    return Extraction(info=info, transcript=transcript, claims=final,
                      actuals=tuple(actuals), prior_claims=tuple(priors), withdrawals=tuple(withdrawals))


def _not_the_company(claim: Claim, info: CallInfo) -> Claim:
    """"Fernhill revenue should be about $410 million" on Fernhill's call is the whole company's revenue: a scope
    made only of the company's own name (or ticker) is no business line."""
    if claim.scope is None:
        return claim
    own = {w for w in re.split(r"[^a-z0-9]+", f"{info.company or ''} {info.ticker or ''}".lower()) if w}
    return replace(claim, scope=None) if own and set(claim.scope.split()) <= own else claim


def _with_baseline(claim: Claim, actuals: list[Actual], reported: Period) -> Claim:
    """A direction claim ("a new high in Q1") is measured against the figure the call itself reported."""
    if claim.kind is not Kind.DIRECTION or claim.baseline is not None:
        return claim
    same = [a for a in actuals if a.metric == claim.metric and a.scope == claim.scope]
    base = next((a for a in same if a.period.label == reported.label), same[0] if same else None)
    if base is None:
        return claim
    return replace(claim, baseline=base.value, unit=claim.unit or base.unit)


def _claims(facts: SentenceFacts, reading: Reading, said: Said, call_date: date, cal: FiscalCalendar,
            lent: Period | None = None) -> list[Claim]:
    """The claims of one sentence in its frame: each item of a guidance list on its own ("Sales growth of 2% to
    3%; EPS of $4.10 to $4.30"), each claim scoped and told where its period came from. `lent` is the period of
    the previous sentence whose metric a figure refers back to (tracker.extraction.anaphora), used when no frame dates it."""
    frame = reading.frame
    period = (frame.period if frame else None) or lent
    explicit = bool(frame and frame.explicit)
    parts = [facts]
    if reading.items:
        parts = [analyse(facts.text[a:b], call_date, cal) for a, b in reading.items]
    if frame is not None and len(frame.metrics) == 1:
        parts = [_with_topic(part, frame.metrics[0]) for part in parts]
    found: list[Claim] = []
    for part in parts:
        got = figure_claims(part, said, call_date, period, explicit=explicit)
        got += segment_directions(part, said, call_date, period)
        got += direction_claims(part, said, call_date, frozenset(c.metric for c in got), frame=period,
                                after=after_baseline(part, call_date, cal))
        got += milestone_claims(part, said, call_date, cal)
        got += position_claims(part, said, call_date, period, frozenset(c.metric for c in got))
        got += comparative_claims(part, said, call_date, period, frozenset(c.metric for c in got))
        got += open_move_claims(part, said, call_date, period, frozenset(c.metric for c in got))
        found += [_placed(c, part, reading) for c in got]
    return found


def _with_topic(facts: SentenceFacts, metric: str) -> SentenceFacts:
    """Under "Turning to gross margin, ..." a sentence that names no metric ("For the fourth quarter, we expect
    it to be about 53%.") measures gross margin with each figure whose unit fits it, dated by the sentence's
    one period if it has one."""
    if facts.metrics or not facts.figures:
        return facts
    families = metric_spec(metric).get("units") or []
    dated = [p for p in facts.periods if p.period is not None]
    figures = [replace(f, metric=metric, unit=f.quantity.unit, period=dated[0] if len(dated) == 1 else None)
               if f.metric is None and f.quantity.unit and unit_family(f.quantity.unit) in families
               and len(dated) <= 1 else f for f in facts.figures]
    return replace(facts, figures=figures)


def _placed(claim: Claim, facts: SentenceFacts, reading: Reading) -> Claim:
    """The sentence's own business line wins over a lexicon word inside it ("In Pacific Cloud, ..." is about
    "pacific cloud", not "cloud"); a frame's line scopes a claim that names none; the period's source is told."""
    source, start = period_source(claim.period, reading.frame, facts)
    scope, own = claim.scope, reading.own_scope
    if claim.kind is not Kind.MILESTONE:
        if own and (scope is None or scope.lower() in own or reading.fronted):
            scope = _narrowed(own, scope, facts.text) if reading.fronted else own
        elif scope is None and own is None and reading.frame is not None and reading.frame.scope:
            scope = reading.frame.scope
    if source is None and scope == claim.scope:
        return claim
    return replace(claim, scope=scope, period_source=source, period_source_start=start)


def _narrowed(own: str, scope: str | None, text: str) -> str:
    """"For the Coatings division, a rebound in Europe should lift revenue to $900 million in 2026": a region the
    sentence names inside a fronted line narrows it ("coatings europe"), as "Europe services revenue" is services in
    Europe (scopes.with_modifier); "global" narrows nothing."""
    geo = scope if scope in geography_names() else next(
        (t.name for t in scope_finders()[0].find(text) if t.name != "global"), None)
    if geo is None or geo == "global" or geo in own or own in geo:
        return own
    return f"{own} {geo}"

