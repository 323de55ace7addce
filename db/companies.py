"""Finding and creating companies by ticker (tickers are stored upper-case)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Company
from tracker.errors import NotFoundError


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
