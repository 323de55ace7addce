"""Which metric a figure measures, on which basis, and whether it is a level, a growth rate or a multiple.

`read_metric()` is the metric-reading step of `tracker.extraction.sentence_facts.analyse`: given one quantity and the
metric terms of its sentence it names the metric the way an analyst would.

- A known term compatible with the figure's unit names it ("revenue of $5 billion" is revenue).
- A percentage that moves a level metric is that metric's growth ("EPS to grow 12%" is eps_growth, measured
  year over year unless "sequentially" says otherwise; "a 3% production CAGR" is a compound rate).
- A multiple of a level metric is a multiple ("more than double subscription revenue").
- A percentage "of" another metric is a ratio to it ("2.5% to 3% of GMV" is in "% of GMV").
- Anything else is the noun phrase the figure belongs to ("card net charge-off rate of 3.4%" ->
  card_net_charge_off_rate), kept with `known=False` rather than dropped.
- GAAP / non-GAAP / adjusted is the `basis`, never part of the name.

Every word list is data in tracker/data/metrics.toml; this module only decides where to look.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from tracker.extraction.attached_phrase import attached_phrase, close_term, has_noun
from tracker.extraction.impacts import is_effect
from tracker.vocab.lexicon import load
from tracker.errors import LexiconError
from tracker.model import Quantity
from tracker.vocab.patterns import pattern
from tracker.vocab.phrase_regex import phrase_pattern
from tracker.quantities import find_quantities
from tracker.units import unit_family
from tracker.vocab.metric_vocab import _Vocab, _vocab, _words
from tracker.vocab.finders import Term, metric_for_unit_family, metric_spec, is_volume_unit
from tracker.vocab.regex_cache import compile_cached
from tracker.fast_init import fast_init

_WORD = compile_cached(r"[A-Za-z0-9][\w&'’/-]*[A-Za-z0-9]|[A-Za-z0-9]")
_CLAUSE_END = compile_cached(r"[,;:()—–]|\.\s")


@fast_init
@dataclass(frozen=True)
class Reading:
    """What a figure measures. `metric` None: nothing we can name."""
    metric: str | None
    term: Term | None = None
    known: bool = True
    basis: str | None = None      # "gaap", "non_gaap", "adjusted" or None
    measure: str | None = None    # None (a level), "yoy_growth", "qoq_growth", "cagr", "multiple", "ratio"
    falling: bool = False         # a fall stated as a positive figure ("decline 3%")
    unit: str | None = None       # a unit the figure itself does not carry ("% of GMV", "doors")
    similar_at: int | None = None  # "similar to last year's 11.4%": where the words naming the earlier figure start
    also: tuple[str, ...] = ()    # more metrics the same figure is about ("double-digit revenue and EPS growth")


@cache
def _count_actions() -> tuple[re.Pattern[str], dict[str, str]]:
    table = load("metrics").get("count_actions")
    if not isinstance(table, dict) or not table:
        raise LexiconError("metrics.toml [count_actions] must map action nouns to verb forms")
    verbs = {" ".join(w.casefold().split()): noun for noun in table for w in _words(table, noun, "count_actions")}
    return compile_cached(rf"(?<![\w-])(?P<v>{phrase_pattern(verbs)})(?:\s+[a-z]+){{0,3}}\s*$", re.I), verbs


def _counted_action(text: str, q: Quantity, lo: int) -> str | None:
    """"remodel 1,750 stores" -> "store_remodels"; "adding as many as an additional 9,000 staff" ->
    "employee_hires". Openings of a thing the lexicon counts as its own metric keep that metric."""
    pattern, verbs = _count_actions()
    m = pattern.search(text, max(lo, q.start - 40), q.start)
    if m is None or not q.unit:
        return None
    noun = verbs[" ".join(m.group("v").casefold().split())]
    if noun == "openings":
        return None
    return f"{snake([singular(q.unit)])}_{noun}"


def singular(word: str) -> str:
    """"branches" -> "branch", "facilities" -> "facility", "stores" -> "store"; other words unchanged."""
    for plural, one in (("ches", "ch"), ("shes", "sh"), ("sses", "ss"), ("xes", "x"), ("ies", "y")):
        if word.endswith(plural) and len(word) > len(plural) + 1:
            return word[:-len(plural)] + one
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


# --- known terms ----------------------------------------------------------------------------------------


def nearest(terms: list[Term], start: int, end: int, lo: int, hi: int) -> Term | None:
    """The term closest to [start, end) inside [lo, hi); a term before the quantity wins a tie."""
    best, best_d = None, None
    for t in terms:
        if t.start < lo or t.end > hi:
            continue
        d = start - t.end if t.end <= start else (t.start - end if t.start >= end else 0)
        d = d if t.end <= start else d + 5   # metric words usually precede the figure
        if best_d is None or d < best_d:
            best, best_d = t, d
    return best


def _units_of(name: str) -> list[str]:
    return metric_spec(name).get("units", [])


def _names_next(t: Term, q: Quantity, hi: int, text: str) -> bool:
    """"NII of $91 billion, expense of about $92 billion": a term after the figure that leads straight into the
    next figure ("expense of") names that one."""
    if not (q.end <= t.start and hi < len(text) and hi - t.end <= 12) or pattern("of_after").match(text[q.end:t.start]):
        return False                    # "$412 million in dividends at $0.85 per share": the figure's own noun
    if not (_vocab().links_before.search(text[t.end:hi]) or not text[t.end:hi].strip()):
        return False
    # ... unless the next figure is of another kind: "we spent $80 million to buy back 412,000 shares"
    following = find_quantities(text[hi:hi + 40])
    family = unit_family(following[0].unit) if following else None
    return family is None or not _units_of(t.name) or family in _units_of(t.name)


@cache
def _margin_after() -> re.Pattern[str]:
    """metrics.toml [margin_after]: "$58 million, a 31% margin" is the margin of the metric before, checked at load."""
    section = load("metrics").get("margin_after")
    words = section.get("words") if isinstance(section, dict) else None
    if not isinstance(words, list) or not words or set(section) != {"words"}:
        raise LexiconError("metrics.toml [margin_after] must list the words of a margin under `words` only")
    return compile_cached(rf"\s+(?:{phrase_pattern(words)})", re.I)


@cache
def _per_share_of() -> dict[str, str]:
    """Per-share metric -> the whole it divides (metrics.toml `per_share` keys): dividend_per_share -> dividends."""
    specs = load("metrics")["metrics"]
    return {spec["per_share"]: name for name, spec in specs.items() if "per_share" in spec}


def known_metric(q: Quantity, metrics: list[Term], lo: int, hi: int, text: str) -> tuple[str | None, Term | None]:
    """The lexicon's metric for a figure whose unit it can measure: "revenue of $5 billion"; "$300 million in share
    repurchases" (the noun after the figure); "operating income of $640 million, or 22% of sales" (its margin)."""
    family = unit_family(q.unit)
    if family == "money" and pattern("scale_words").search(q.text):
        # "a dividend of $0.30 per share at a total cost of $45 million": a scaled amount is no per-share figure
        whole = _per_share_of()
        metrics = [replace(m, name=whole[m.name]) if m.name in whole else m for m in metrics
                   if not pattern("per_share").search(m.text)]
    compatible = [m for m in metrics if (not _units_of(m.name) or family is None or family in _units_of(m.name))
                  and not _names_next(m, q, hi, text)]
    term = next((m for m in compatible if m.start >= q.end and pattern("of_after").match(text[q.end:m.start])), None)
    if term is None and family == "percent" and (pattern("of_revenue").match(text[q.end:q.end + 30])
                                                 or _margin_after().match(text, q.end)
                                                 or pattern("as_share_of_sales").search(text[lo:q.start])):
        money = [m for m in metrics if m.end <= q.start and metric_spec(m.name).get("margin")]
        if money:
            return metric_spec(money[-1].name)["margin"], money[-1]
    term = term or nearest(compatible, q.start, q.end, lo, hi)
    if term is None:
        # the clause may name it further back ("sales for Q3 landing somewhere in the range of $70 million to $85 million")
        left = [m for m in compatible if m.end <= q.start]
        term = left[-1] if left else None
    if term is not None and metric_spec(term.name).get("per_share") and pattern("per_share").search(
            text[q.start:q.end + 12]):
        return metric_spec(term.name)["per_share"], term     # "dividends ... at $1.20 per share"
    by_unit = metric_for_unit_family(family) if family else None
    by_unit = by_unit or ("units" if family == "count" and is_volume_unit(q.unit) else None)
    if (term is None and by_unit is None or term is not None and not close_term(term, q, lo, hi, text)
            and not pattern("part_of_before").search(text[lo:q.start])) \
            and _attached(text, q, lo, hi)[0] and not is_effect(text, q):
        return None, None               # "pension settlement costs of $90 million": the figure's own phrase
    if term is not None:
        return term.name, term
    if by_unit == "hashrate" and re.search(r"\bcomputing power\b", text, re.I):
        return "computing_power_sold", None
    if family == "crypto":
        return ("btc_mined" if re.search(r"\bmined?\b|\bmining\b.*\bproduced\b", text, re.I) else "btc_holdings"), None
    if family == "count" and is_volume_unit(q.unit):
        return "units", None
    return by_unit, None


def _attached(text: str, q: Quantity, lo: int, hi: int) -> tuple[str | None, str | None, str | None]:
    """(name, basis, count unit) of the open phrase the figure is bound to (tracker.extraction.attached_phrase)."""
    found = attached_phrase(text, q, lo, hi)
    if found is None:
        return None, None, None
    name, basis = _name_from(list(found[0]), _vocab())
    if name and unit_family(q.unit) == "duration" and not name.endswith(q.unit.casefold()):
        name = f"{name}_{snake([q.unit])}"       # "dealer inventory stood at 41 days": dealer_inventory_days
    return name, basis, found[1]


def implied_unit(q: Quantity, metric: str, quantities: list[Quantity]) -> str | None:
    """A bare "3.5 billion" of a money metric is in the currency of the sentence's other amounts (else USD);
    "breakeven" of a money metric is zero in that currency."""
    if q.unit:
        return q.unit
    spec = metric_spec(metric)
    if spec.get("unit"):
        return spec["unit"]
    if spec.get("units") == ["money"] and (pattern("scale_words").search(q.text) or q.low == 0 and q.high in (0, None)):
        return next((o.unit for o in quantities if unit_family(o.unit) == "money"), "USD")
    return None


# --- basis, growth, open noun phrases --------------------------------------------------------------------


def basis_of(text: str, start: int, end: int, words: str = "") -> str | None:
    """"non-GAAP gross margin", "GAAP EPS", "adjusted EBITDA", "EBIT-adjusted": the basis a metric is stated on."""
    v = _vocab()
    for w in words.casefold().replace("-", " ").split():
        if w in v.basis_names:
            return v.basis_names[w]
    m = v.basis_before.search(text, max(0, start - 24), start)
    if m:
        key = " ".join(m.group("b").casefold().replace("-", " ").split())
        return v.basis_names.get(key) or v.basis_names.get(m.group("b").casefold())
    if v.basis_after.match(text[end:end + 12]):
        return "adjusted"
    return None


def _percent_like(q: Quantity) -> bool:
    """A percentage, or a band named without a unit ("double-digit growth", "the mid-teens")."""
    return unit_family(q.unit) == "percent" or (q.unit is None and bool(pattern("band_words").search(q.text)))


def _named_after(m: re.Match[str] | None, after: str, v: _Vocab) -> bool:
    """A growth word after the figure is its own only across a metric's words: "10% revenue growth", "double-digit
    revenue and operating income growth"; not across a verb ("9.7% rose 30 basis points", "as we cycled
    lower")."""
    if m is None:
        return False
    between = _WORD.findall(after[:m.end()])[:-1]
    return all(w.casefold() in ("and", "&") or w.casefold() not in v.stop for w in between)


def growth_of(text: str, q: Quantity, lo: int, hi: int) -> tuple[int, str] | None:
    """(+1 or -1, measure) when the figure is a growth rate: "up 10% year over year" (+1, "yoy_growth"),
    "to decline in the low single digits" (-1, ...), "a 3% CAGR" (+1, "cagr"); None for a level."""
    v = _vocab()
    before = text[max(lo, q.start - 40):q.start]
    after = text[q.end:min(hi, q.end + 40)]
    if pattern("from_level").search(before):
        return None                     # "fell from 22% of revenue to 18%": levels, the start and end of the move
    sign = 0
    if (v.down_before.search(before) or _named_after(v.down_after.match(after), after, v)
            or pattern("fall_in_before").search(before)):       # "a decline in Europe of 1%"
        sign = -1
    elif v.up_before.search(before) or _named_after(v.up_after.match(after), after, v):
        sign = 1
    cagr = v.cagr.search(text, max(lo, q.start - 40), min(hi, q.end + 40))
    if sign == 0 and v.flat.match(q.text):
        sign = 1                                   # the range carries its own sign
    if sign == 0 and not cagr:
        if not (v.yoy.match(after.lstrip()) or v.qoq.match(after.lstrip())):
            return None
        sign = 1
    if cagr:
        return sign or 1, "cagr"
    window = text[max(lo, q.start - 60):min(len(text), q.end + 60)]
    if v.qoq.search(window):
        return sign, "qoq_growth"
    return sign, "yoy_growth"


def phrase_name(span: str) -> tuple[str | None, str | None]:
    """(snake name, basis) of the noun phrase that ends `span`: "to reduce our in-store SKU count" ->
    ("in_store_sku_count", None); (None, None) when only stop or generic words are there."""
    v = _vocab()
    return _name_from(_phrase_words(span, True, v), v)


def looks_back(text: str) -> bool:
    """"Policy rates have come down 125 basis points over the past two years": a sentence about what happened."""
    return bool(_vocab().past.search(text))


def snake(words: list[str]) -> str:
    """"Net Charge-Off Rate" -> "net_charge_off_rate"."""
    return re.sub(r"[^a-z0-9]+", "_", " ".join(words).casefold().replace("&", " and ")).strip("_")


def _phrase_words(span: str, from_end: bool, v: _Vocab) -> list[str]:
    """The run of content words at the end (or start) of `span`, stopping at a stop word or punctuation."""
    tokens = [m for m in _WORD.finditer(span)]
    picked: list[str] = []
    seq = reversed(tokens) if from_end else tokens
    edge = len(span) if from_end else 0
    for m in seq:
        gap = span[m.end():edge] if from_end else span[edge:m.start()]
        if gap.strip(" \t\n-"):
            break                                  # punctuation or a digit between words ends the phrase
        word = m.group()
        if not from_end and not picked and word.casefold() in v.qualifiers:
            edge = m.end()                         # "of annual savings": the qualifier does not name the metric
            continue
        if any(c.isdigit() for c in word):
            break                                  # "Q3", "2026", "10-K": a period or a code, not a noun
        if word.casefold() in v.stop or word.casefold().rstrip("'’s") in v.stop:
            break
        picked.append(word)
        edge = m.start() if from_end else m.end()
        if len(picked) >= v.max_words:
            break
    return list(reversed(picked)) if from_end else picked


def leading_words(span: str) -> list[str]:
    """The content words of the noun phrase that starts `span` ("supplier prepayments received in 2025" ->
    ["supplier", "prepayments", "received"]), as the open metric reads them."""
    return _phrase_words(span, False, _vocab())


def leading_phrase_name(span: str) -> str | None:
    """The open metric name of the noun phrase that starts `span` ("ore out of the pit" -> "ore")."""
    v = _vocab()
    return _name_from(_phrase_words(span, False, v), v)[0]


def _name_from(words: list[str], v: _Vocab) -> tuple[str | None, str | None]:
    """(snake name, basis) of a phrase with its basis words taken out; None when only generic words are left."""
    basis = None
    kept = []
    for w in words:
        key = w.casefold()
        if key in v.basis_names and basis is None:
            basis = v.basis_names[key]
            continue
        kept.append(w)
    while kept and kept[-1].casefold() in v.generic:
        kept.pop()                                 # "capital guidance" -> "capital"
    if not kept or all(w.casefold() in v.generic for w in kept):
        return None, basis
    return snake(kept), basis


def open_metric(text: str, q: Quantity, lo: int, hi: int,
                growth: bool = False) -> tuple[str | None, str | None, str | None]:
    """(name, basis, count unit) from the noun phrase the figure belongs to: after it ("$500 million of cost
    savings", "65,000 cooler doors", "a 3% production CAGR", "a 2% increase in output"), else before it through a
    link ("card net charge-off rate of 3.4%")."""
    v = _vocab()
    after = text[q.end:hi]
    if growth:
        g = v.growth_after.match(after)
        words = _phrase_words(after[g.end() if g else 0:], False, v)
        name, basis = _name_from(words, v)
        if name:
            return name, basis, None
    m = v.links_after.match(after)
    if m and unit_family(q.unit) == "duration":
        m = None                                   # "three quarters of actual results": a time span, not a metric
    elif m or (q.unit is None and after[:1] == " " and q.text[-1:].isdigit()):
        words = _phrase_words(after[m.end() if m else 0:], False, v)
        if words and not m and words[0].casefold() in v.generic:
            words = []                             # "11 points better": no counted thing
        name, basis = _name_from(words, v)
        if name:
            unit = words[-1].casefold() if q.unit is None and not m else None
            return name, basis, unit
    clause = text[lo:q.start]
    cut = max((c.end() for c in _CLAUSE_END.finditer(clause)), default=0)
    clause = clause[cut:]
    link = v.links_before.search(clause)
    if link is None and growth:
        # "we expect CRPO to increase 15%": the phrase stands before the growth words and their modal
        move = v.up_before.search(clause) or v.down_before.search(clause)
        link = v.growth_links.search(clause, 0, move.start()) if move else None
    if link is None and pattern("impact_before").search(clause):
        # "this should lift our fleet margin by roughly 40 basis points": the metric stands before "by"
        link = pattern("delta_by").search(clause)
    if link is None:
        return None, None, None
    words = _phrase_words(clause[:link.start()], True, v)
    name, basis = _name_from(words, v)
    if not growth and not has_noun(words):
        return None, basis, None        # "satisfaction was recently measured at 97%": no noun before the link
    return name, basis, None


def _level_term(metrics: list[Term], q: Quantity, lo: int, hi: int, text: str) -> tuple[Term | None, bool]:
    """(the level metric a growth figure moves, whether the sentence names it right after the figure):
    "a 3% to 6% rise in output" (after), "EPS to grow 12%" (before), "COGS of $24 billion, or growth of
    21%" (the previous figure's metric, not the next one's)."""
    v = _vocab()
    levels = [m for m in metrics if "percent" not in _units_of(m.name) or metric_spec(m.name).get("measure")]
    g = v.growth_after.match(text[q.end:q.end + 40])
    if g is not None:
        return next((m for m in levels if m.start == q.end + g.end()), None), True
    before = [m for m in levels if lo <= m.start and m.end <= q.start]
    if before:
        return before[-1], False
    left = [m for m in levels if m.end <= q.start]
    if left and lo > 0:
        return left[-1], False          # the figure restates the previous figure's metric
    found = nearest(levels, q.start, q.end, lo, hi)
    return (found or (left[-1] if left else None)), False


def _ratio_base(text: str, q: Quantity, metrics: list[Term]) -> str | None:
    """"2.5% to 3% of GMV": the metric a percentage is a share of (a known term or an acronym)."""
    m = re.match(r"^\s+of\s+(?:total\s+|net\s+|our\s+)?(?P<w>[A-Za-z][\w-]*)", text[q.end:q.end + 40])
    if m is None:
        return None
    term = next((t for t in metrics if t.start == q.end + m.start("w")), None)
    if term is not None:
        return term.text
    word = m.group("w")
    return word if word.isupper() and len(word) >= 2 else None


def is_share_base(text: str, t: Term) -> bool:
    """"from 41% of revenue ... to 27% of revenue": the metric a percentage is a share of is not the metric
    the sentence's later shares belong to (patterns.toml share_of_before; units.toml [percent] words). A change is
    no base: "one percentage point of growth in product revenue" is that growth."""
    m = pattern("share_of_before").search(text[max(0, t.start - 30):t.start])
    if m is None or metric_spec(t.name).get("measure") == "change":
        return False
    left = text[:max(0, t.start - 30) + m.start()].rstrip().casefold()
    return any(left.endswith(w) for w in _percent_words())


@cache
def _percent_words() -> tuple[str, ...]:
    return tuple(w.casefold() for w in load("units")["percent"]["words"])


def v_flat(q: Quantity) -> bool:
    """"flat to down 3%": a range that carries its own sign."""
    return bool(_vocab().flat.match(q.text))


def read_metric(q: Quantity, metrics: list[Term], lo: int, hi: int, text: str) -> Reading:
    """Name what figure `q` measures; `metrics` are the sentence's known terms, [lo, hi) the figure's stretch."""
    similar = [m for m in _vocab().similar.finditer(text, max(lo, q.start - 50), q.start)]
    if similar:
        # "our fee yield should look much like 2028's yield of 9.7%": the metric is named before the comparison
        at = similar[-1].start()
        kept = [t for t in metrics if t.end <= at or t.start >= q.end]
        found = read_metric(q, kept, lo, hi, text[:at] + " " * (q.start - at) + text[q.start:])
        return replace(found, similar_at=at)
    # "from 41% of revenue in 2024 to 34% in 2025": the metric a share is of names no figure of the sentence
    name, term = known_metric(q, [t for t in metrics if not is_share_base(text, t)], lo, hi, text)
    growth_named = False
    also: tuple[str, ...] = ()
    measure = None
    falling = False
    unit = None
    if _percent_like(q) and (name is None or "percent" not in _units_of(name)):
        growth = growth_of(text, q, lo, hi)
        ratio = _ratio_base(text, q, metrics) if growth is None else None
        if growth is not None:
            sign, measure = growth
            falling = sign < 0
            level, named_after = _level_term(metrics, q, lo, hi, text)
            if level is None and named_after:
                growth_named = True             # "an increase in output": the open phrase after it names it
            elif level is not None:
                spec = metric_spec(level.name)
                name, term = (level.name if spec.get("measure") == "change" else f"{level.name}_growth"), level
                if spec.get("measure") == "change":
                    measure = None
                elif level.start >= q.end:
                    also = tuple(f"{t.name}_growth" for t in _listed_after(level, metrics, text))
            unit = "%" if q.unit is None else None
        elif ratio is not None:
            base = [t for t in metrics if t.end <= q.start and not is_share_base(text, t)]
            if base:
                name, term = base[-1].name, base[-1]
                measure, unit = "ratio", f"% of {ratio}"
    elif (name is not None and unit_family(q.unit) == "percent" and not metric_spec(name).get("measure")
          and not metric_spec(name).get("unit")):
        # "gross margin to be down 50 basis points year over year": a change of a rate, with its sign
        change = growth_of(text, q, lo, hi)
        if change is not None and change[1] != "cagr" and not v_flat(q):
            name, falling = f"{name}_change", change[0] < 0
            measure = change[1].replace("growth", "change")
    elif unit_family(q.unit) == "ratio" and (name is None or "ratio" not in _units_of(name)):
        compared = pattern("compared_after").match(text[q.end:q.end + 20])
        if compared and not pattern("compared_to_figure").match(text[q.end:q.end + 40]):
            return Reading(None)        # "more than double of last year": a comparison with the past
        # (but "a high of 4.8x against 3.9x" reports 4.8x: the baseline is the figure that follows)
        level, _ = _level_term(metrics, q, lo, hi, text)
        if level is not None:
            name, term, measure = level.name, level, "multiple"
        else:
            subject, subject_basis = _multiplied_subject(text, q, lo)
            if subject is not None:
                return Reading(subject, None, False, subject_basis, "multiple", False, "x")
    if unit_family(q.unit) == "count" and measure is None:
        action = _counted_action(text, q, lo)
        if action is not None:
            return Reading(action, term, True, None, None, False, None)
    if name is not None and not growth_named:
        negative_term = term is not None and (pattern("loss_word").search(term.text) or pattern("loss_after").match(text[term.end:term.end + 8]))
        return Reading(name, term, True, basis_of(text, term.start, term.end, term.text) if term else None,
                       measure, falling or bool(negative_term), unit, also=also)
    own, own_basis, own_unit = (_attached(text, q, lo, hi) if measure is None and name is None
                                and not is_effect(text, q) else (None, None, None))
    if own is not None:
        return Reading(own, None, False, own_basis, None, falling, unit or own_unit)
    open_name, basis, count_unit = open_metric(text, q, lo, hi, measure is not None)
    if open_name is None:
        return Reading(None)
    if measure is not None and not open_name.endswith("_growth"):
        open_name = f"{open_name}_growth"
    return Reading(open_name, None, False, basis, measure, falling, unit or count_unit)


def _multiplied_subject(text: str, q: Quantity, lo: int) -> tuple[str | None, str | None]:
    """"We expect our subscriber base to double in 2025": a multiple stated by a verb ("double", "triple")
    multiplies the noun phrase before it, joined by a modal or "to" (metrics.toml [open_metric] growth_links), when no
    known metric names it. Only word multiples: "3x" with no metric names nothing."""
    if any(c.isdigit() for c in q.text):
        return None, None
    v = _vocab()
    clause = text[lo:q.start]
    clause = clause[max((c.end() for c in _CLAUSE_END.finditer(clause)), default=0):]
    link = v.growth_links.search(clause)
    if link is None:
        return None, None
    words = _phrase_words(clause[:link.start()], True, v)
    if not has_noun(words):
        return None, None
    return _name_from(words, v)


def _listed_after(first: Term, metrics: list[Term], text: str) -> list[Term]:
    """The metrics listed right after `first`: "revenue and operating income growth" -> [operating income]."""
    out: list[Term] = []
    last = first
    for t in sorted((m for m in metrics if m.start >= first.end), key=lambda m: m.start):
        if not pattern("list_joiner").match(text[last.end:t.start]):
            break
        out.append(t)
        last = t
    return out
