"""Finding and creating companies by ticker (tickers are stored upper-case), and their fiscal calendars.

A company's calendar is its fiscal year end and how it names its fiscal years ("end": FY2026 ends in 2026;
"start": FY2025 ends in January 2026). Every period label of the company, whether written by the extractor, read
from an actuals CSV, typed as a filter or shown in a scorecard, is read with that one calendar, so they agree.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import audit
from db.models import Company, Document
from db.upserts import insert_or_get
from tracker.errors import NotFoundError
from tracker.fiscal import calendar_from, uses_calendar_labels
from tracker.model import Extraction, FiscalCalendar, NamingSource

if TYPE_CHECKING:
    from db.session import Database
    from tracker.callinfo import KnownCalendar

# Sources of a call's naming that are worth keeping for the company (not a default, not the stored one itself).
_TOLD = (NamingSource.OPTION, NamingSource.METADATA, NamingSource.TRANSCRIPT)
# Sources that replace a naming the company already has: somebody said so.
_GIVEN = (NamingSource.OPTION, NamingSource.METADATA)


def norm_ticker(ticker: str) -> str:
    return ticker.strip().upper()


def find_company(session: Session, ticker: str) -> Company | None:
    return session.scalar(select(Company).where(Company.ticker == norm_ticker(ticker)))


def require_company(session: Session, ticker: str) -> Company:
    company = find_company(session, ticker)
    if company is None:
        raise NotFoundError(f"unknown company: {norm_ticker(ticker)}")
    return company


def ensure_company(session: Session, ticker: str, name: str | None, fiscal_year_end: str | None) -> Company:
    """The company with `ticker`, created when new (also when another writer is creating it at this moment:
    db.upserts). An existing company keeps its fiscal year end; a missing name is filled in."""
    company = find_company(session, ticker)
    if company is None:
        company, created = insert_or_get(session, Company, {"ticker": norm_ticker(ticker)},
                                         {"name": name or norm_ticker(ticker),
                                          "fiscal_year_end": fiscal_year_end or "12-31"})
        if created:
            return company
    if name and (not company.name or company.name == company.ticker):
        company.name = name
    return company


def calendar_of(session: Session, company: Company, on: date | None = None) -> FiscalCalendar:
    """The company's fiscal calendar anchored like the extractor's: a 52/53-week year end ("09-03") is read in
    the fiscal year of `on`, else of the company's latest call, else of today. Without an anchor the MM-DD
    would be a fixed date every year and quarter ends would drift up to a week from the extracted ones.
    Years are named as stored for the company, else by the default of its year end."""
    if on is None:
        on = session.scalar(select(func.max(Document.call_date)).where(Document.company_id == company.id))
    return calendar_from(company.fiscal_year_end, company.fiscal_year_named, anchor=on or date.today())


def known_calendars(database: Database) -> KnownCalendar:
    """What is stored of a company's calendar, by ticker, for `tracker.extraction.extract.extract_file(known=...)`:
    (fiscal year end, naming), each None when the company or the naming is not stored. Each look-up is its
    own short read, so a company stored by an earlier file of the same run is seen."""
    def known(ticker: str) -> tuple[str | None, str | None]:
        with database.session(write=False) as session:
            company = find_company(session, ticker)
            return (company.fiscal_year_end, company.fiscal_year_named) if company else (None, None)
    return known


@dataclass(frozen=True)
class StoredCalendars:
    """What is stored of every company's calendar at one moment, by ticker: a `KnownCalendar` that can be sent
    to an extraction worker process (`known_calendars` reads the database live and cannot)."""
    by_ticker: Mapping[str, tuple[str | None, str | None]]

    def __call__(self, ticker: str) -> tuple[str | None, str | None]:
        return self.by_ticker.get(norm_ticker(ticker), (None, None))


def stored_calendars(session: Session) -> StoredCalendars:
    rows = session.execute(select(Company.ticker, Company.fiscal_year_end, Company.fiscal_year_named))
    return StoredCalendars({ticker: (fye, named) for ticker, fye, named in rows})


def settle_naming(session: Session, company: Company, extraction: Extraction, *, author: str) -> Extraction:
    """Make a call's labels the company's, and keep what the call says about them.

    - The company names its years one way and the call was labelled another way only for lack of being told
      (its own reading or the default): it is extracted again with the company's naming. "fiscal 2026" of a
      company known to name years by their end stays Feb 2025 - Jan 2026 on a call that does not show it.
    - The company has no naming yet and the call has one (option, metadata file, or its own words): stored.
    - A naming given for the call (option or metadata file) replaces a different stored one. Audited.
    """
    from tracker.extraction.extract import extract_transcript

    info = extraction.info
    stored, named, source = company.fiscal_year_named, info.fiscal_year_named, info.fiscal_year_named_from
    if named is None or uses_calendar_labels(calendar_from(info.fiscal_year_end, named)):
        return extraction                  # years named like the calendar's: nothing to settle
    if stored is not None and stored != named and source not in _GIVEN:
        return extract_transcript(extraction.transcript,
                                  replace(info, fiscal_year_named=stored, fiscal_year_named_from=NamingSource.COMPANY))
    if source in _TOLD and stored != named and (stored is None or source in _GIVEN):
        before = audit.snapshot(company)
        company.fiscal_year_named = str(named)
        audit.record(session, author=author, action="fiscal_year_named", entity="company", entity_id=company.id,
                     before=before, after=audit.snapshot(company) | {"from": str(source)})
    return extraction
