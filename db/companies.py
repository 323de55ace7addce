"""Finding and creating companies by ticker (tickers are stored upper-case), and their fiscal calendars."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Company, Document
from tracker.errors import NotFoundError
from tracker.fiscal import calendar_from
from tracker.model import FiscalCalendar


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
    """The company with `ticker`, created when new. An existing company keeps its fiscal year end; a
    missing name is filled in."""
    company = find_company(session, ticker)
    if company is None:
        company = Company(ticker=norm_ticker(ticker), name=name or norm_ticker(ticker),
                          fiscal_year_end=fiscal_year_end or "12-31")
        session.add(company)
        session.flush()
    elif name and (not company.name or company.name == company.ticker):
        company.name = name
    return company


def calendar_of(session: Session, company: Company, on: date | None = None) -> FiscalCalendar:
    """The company's fiscal calendar anchored like the extractor's: a 52/53-week year end ("09-03") is read in
    the fiscal year of `on`, else of the company's latest call, else of today. Without an anchor the MM-DD
    would be a fixed date every year and quarter ends would drift up to a week from the extracted ones."""
    if on is None:
        on = session.scalar(select(func.max(Document.call_date)).where(Document.company_id == company.id))
    return calendar_from(company.fiscal_year_end, anchor=on or date.today())
