"""What a verdict is computed from, and how the database says it changed: each company's `inputs_version`.

A claim's verdict on a date reads the claim, the claims that revised it, its company's reported figures and
events, and the scoring rules, nothing else: when "Q3 revenue of $90 million" was scored on 2025-12-31 and no
claim, figure, event or revision link of its company has changed since, scoring that date again would write the
same verdict. So `fls score` re-scores only the companies whose inputs changed since it last scored that date
(db.scoring), and the database itself counts the changes: a trigger on each input table adds one to the
company's `companies.inputs_version` on every insert, update or delete, whatever wrote it (an ingest, a CSV
import, a person's correction, a bulk statement, a future writer nobody taught about scoring). The scorer keeps
the version it read with the verdicts of each (company, date) in `score_state`; a different version, or
different rules (`rules_fingerprint`), means "score this company again".

On PostgreSQL the triggers run once per statement over its transition tables (an import of 10,000 figures
bumps each company once, not 10,000 times); SQLite has only row triggers, each a one-row update by primary key.
Alembic's batch mode re-creates a SQLite table to alter it, and drops its triggers with it: a migration that
batch-alters claims, actuals, events or claim_revisions calls `install(op.get_bind())` after it.
"""
from __future__ import annotations

import dataclasses
import hashlib
from functools import cache
from pathlib import Path

from sqlalchemy import DDL, Connection, event, text
from sqlalchemy.schema import MetaData

# the input tables that name their company, and the one that names it through the claim it revises
_WITH_COMPANY = ("claims", "actuals", "events")
_REVISIONS = "claim_revisions"
_OPS = {"insert": "INSERT", "update": "UPDATE", "delete": "DELETE"}


def company_column(table: str) -> str:
    """SQL for the company id of `{row}` (NEW / OLD, or a transition table's alias) of `table`."""
    return "{row}.company_id"


def company_of_claim(column: str) -> str:
    """SQL for the company id of the claim whose id is `{row}.column` (rows that name only their claim)."""
    return f"(SELECT company_id FROM claims WHERE claims.id = {{row}}.{column})"


@dataclasses.dataclass(frozen=True)
class Counter:
    """A count kept in a column of `companies` that a trigger on each table of `tables` ({table: SQL for the
    company id of one of its rows}) adds one to on every insert, update or delete, whoever writes."""
    prefix: str                 # the triggers' (and PostgreSQL functions') names start with it
    column: str
    tables: dict[str, str]

    def _bump(self, ids: str) -> str:
        return f"UPDATE companies SET {self.column} = {self.column} + 1 WHERE id IN ({ids})"

    def _sqlite(self) -> list[str]:
        out = []
        for table, company in self.tables.items():
            for op, verb in _OPS.items():
                rows = {"insert": ["NEW"], "update": ["OLD", "NEW"], "delete": ["OLD"]}[op]
                ids = ", ".join(company.format(row=r) for r in rows)
                out.append(f"CREATE TRIGGER IF NOT EXISTS {self.prefix}_{table}_{op} AFTER {verb} ON {table} "
                           f"FOR EACH ROW BEGIN {self._bump(ids)}; END")
        return out

    def _pg(self) -> list[str]:
        out = []
        for table, company in self.tables.items():
            for op, verb in _OPS.items():
                tables = {"insert": ["new_rows"], "update": ["old_rows", "new_rows"], "delete": ["old_rows"]}[op]
                ids = " UNION ".join(f"SELECT {company.format(row='t')} FROM {t} AS t" for t in tables)
                function = f"{self.prefix}_{table}_{op}"
                out.append(f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                           f"BEGIN {self._bump(ids)}; RETURN NULL; END $$")
                referencing = " ".join(f"{'OLD' if t == 'old_rows' else 'NEW'} TABLE AS {t}" for t in tables)
                out.append(f"DROP TRIGGER IF EXISTS {function} ON {table}")
                out.append(f"CREATE TRIGGER {function} AFTER {verb} ON {table} REFERENCING {referencing} "
                           f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()")
        return out

    def statements(self, dialect: str) -> list[str]:
        """The DDL that installs the triggers on `dialect` (re-running it is harmless)."""
        if dialect == "postgresql":
            return self._pg()
        if dialect == "sqlite":
            return self._sqlite()
        raise NotImplementedError(f"fls stores its data in SQLite or PostgreSQL, not {dialect}")

    def install(self, conn: Connection) -> None:
        """Create (or re-create) the triggers on the connection's database."""
        for stmt in self.statements(conn.dialect.name):
            conn.execute(text(stmt))

    def drop(self, conn: Connection) -> None:
        """Remove the triggers (a migration's downgrade)."""
        for table in self.tables:
            for op in _OPS:
                name = f"{self.prefix}_{table}_{op}"
                if conn.dialect.name == "postgresql":
                    conn.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {table}"))
                    conn.execute(text(f"DROP FUNCTION IF EXISTS {name}()"))
                else:
                    conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))

    def attach(self, metadata: MetaData) -> None:
        """Install the triggers also when the schema is made by `metadata.create_all` (the in-memory database
        of db.session.open_empty_database) rather than by the migrations."""
        for dialect in ("sqlite", "postgresql"):
            for stmt in self.statements(dialect):
                event.listen(metadata, "after_create", DDL(stmt.replace("%", "%%")).execute_if(dialect=dialect))


INPUTS = Counter("fls_inputs", "inputs_version",
                 {**{table: company_column(table) for table in _WITH_COMPANY},
                  _REVISIONS: company_of_claim("earlier_claim_id")})

# what a reader is shown of a company's claims: the claims, their computed verdicts and the overrides in force
# (db.totals keeps the effective verdicts' totals per company and date, current while this count is)
SHOWN = Counter("fls_shown", "shown_version",
                {"claims": company_column("claims"), "verdicts": company_of_claim("claim_id"),
                 "overrides": company_of_claim("claim_id")})


def statements(dialect: str) -> list[str]:
    """The DDL that installs the inputs_version triggers on `dialect` (re-running it is harmless)."""
    return INPUTS.statements(dialect)


def install(conn: Connection) -> None:
    """Create (or re-create) the inputs_version triggers on the connection's database."""
    INPUTS.install(conn)


def drop(conn: Connection) -> None:
    """Remove the inputs_version triggers (the downgrade of migration 0008)."""
    INPUTS.drop(conn)


def attach(metadata: MetaData) -> None:
    """Install the inputs_version triggers also when the schema is made by `metadata.create_all`."""
    INPUTS.attach(metadata)


@cache
def rules_fingerprint() -> str:
    """A hash of the code and data that verdicts are computed with (the `tracker` package, and db/scoring.py,
    which decides which events and recorded guidance touch which claim): a new release of the rules scores
    every claim again, once, instead of keeping verdicts the old rules gave."""
    root = Path(__file__).resolve().parent.parent / "tracker"
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in {".py", ".toml"}):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    digest.update(b"db/scoring.py")
    digest.update((Path(__file__).resolve().parent / "scoring.py").read_bytes())
    return digest.hexdigest()[:16]
