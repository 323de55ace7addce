"""The accounting basis of a claim or an actual: GAAP, non-GAAP, adjusted, or not stated (None).

"We expect adjusted EBITDA of $40 to $45 million" is a promise about the adjusted figure; the GAAP operating
income the company also reports says nothing about it. So a claim is scored against the figure of its own
basis when one is reported, never against a figure of a different stated basis: a non-GAAP claim set against
the GAAP figure would be a false "missed". Non-GAAP and adjusted name the same family of figures (an
"adjusted" measure is a non-GAAP one), so they stand in for each other when the exact basis is not reported.
A side that states no basis fits any (most reported figures and most sentences say nothing of it).
"""
from __future__ import annotations

BASIS_WORDS = {"gaap": "GAAP", "non_gaap": "non-GAAP", "adjusted": "adjusted"}
NON_GAAP_FAMILY = frozenset({"non_gaap", "adjusted"})

FIT_SAME, FIT_FAMILY, FIT_UNSTATED = 3, 2, 1    # the better the fit, the higher; None: must not be compared


def basis_text(basis: str | None) -> str:
    """"non-GAAP" for "non_gaap"; "" when not stated."""
    return BASIS_WORDS.get(basis or "", basis or "")


def basis_fit(claim_basis: str | None, actual_basis: str | None) -> int | None:
    """How well an actual's basis fits the claim's: FIT_SAME, FIT_FAMILY (non-GAAP vs adjusted), FIT_UNSTATED
    (either says nothing), or None for two different stated bases (GAAP against non-GAAP or adjusted)."""
    if not claim_basis or not actual_basis:
        return FIT_UNSTATED
    if claim_basis == actual_basis:
        return FIT_SAME
    if claim_basis in NON_GAAP_FAMILY and actual_basis in NON_GAAP_FAMILY:
        return FIT_FAMILY
    return None


def basis_note(claim_basis: str | None, actual_basis: str | None) -> str:
    """What an explanation adds about the basis used: "" when neither side states one, " (non-GAAP basis)"
    when both agree, else both sides: " (adjusted claim, non-GAAP actual)", " (non-GAAP claim, actual's basis
    not stated)"."""
    if not claim_basis and not actual_basis:
        return ""
    if claim_basis == actual_basis:
        return f" ({basis_text(actual_basis)} basis)"
    claim_side = f"{basis_text(claim_basis)} claim" if claim_basis else "claim's basis not stated"
    actual_side = f"{basis_text(actual_basis)} actual" if actual_basis else "actual's basis not stated"
    return f" ({claim_side}, {actual_side})"
