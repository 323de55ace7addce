"""`fls ingest` extracts in worker processes with the same result, and does not re-extract a stored file."""
from __future__ import annotations

import pytest

from tests.cli.conftest import ACME_CALL

# invented follow-up calls of the invented Acme Industrial: each raises or restates the one before
LATER = [
    ("acme_q2", "2025-08-05", "Acme Industrial Corp. Second Quarter 2025 Earnings Call\nAugust 5, 2025\n\n"
     "Lena Ortiz - Chief Executive Officer: For the third quarter of 2025, we expect revenue between "
     "$230 million and $250 million. We expect gross margin of approximately 32% for the full year 2025.\n"),
    ("acme_q3", "2025-11-04", "Acme Industrial Corp. Third Quarter 2025 Earnings Call\nNovember 4, 2025\n\n"
     "Lena Ortiz - Chief Executive Officer: For the fourth quarter of 2025, we expect revenue between "
     "$240 million and $260 million. We expect gross margin of approximately 32% for the full year 2025.\n"),
]


@pytest.fixture
def calls(tmp_path):
    paths = [ACME_CALL]
    for name, day, text in LATER:
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.toml").write_text(f'ticker = "ACME"\ncall_date = {day}\n', encoding="utf-8")
        paths.append(path)
    return paths


def test_workers_store_what_one_process_stores(fls, calls, db_path, tmp_path):
    alone = fls("ingest", *calls, "--jobs", "1")
    assert alone.code == 0, alone.err
    listed = fls("claims", "ACME", "--format", "csv").out
    other = tmp_path / "other.db"
    parallel = fls("ingest", *calls, "--jobs", "2", "--db", other, db=False)
    assert parallel.code == 0, parallel.err
    assert parallel.out == alone.out
    assert "1 revisions" in alone.out
    assert fls("claims", "ACME", "--format", "csv", "--db", other, db=False).out == listed


def test_a_stored_file_is_not_extracted_again(fls, calls, monkeypatch):
    assert fls("ingest", *calls).code == 0

    def no_extraction(*args, **kwargs):
        raise AssertionError("a stored file was extracted again")

    monkeypatch.setattr("cli.ingest_cmd.extract_file", no_extraction)
    monkeypatch.setattr("cli.ingest_cmd.extract_transcript", no_extraction)
    again = fls("ingest", *calls, "--jobs", "1")
    assert again.code == 0, again.err
    assert again.out.splitlines() == [f"unchanged {p} (already ingested)" for p in calls]


def test_a_changed_file_is_extracted(fls, calls, tmp_path):
    assert fls("ingest", *calls[:2]).code == 0
    changed = tmp_path / "acme_q2.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOperator: This concludes the call.\n",
                       encoding="utf-8")
    run = fls("ingest", changed)
    assert run.code == 0, run.err
    assert run.out.startswith(f"ingested {changed}: 2 claims")


@pytest.mark.parametrize("jobs", ["1", "2"], ids=["one process", "two workers"])
def test_a_bad_file_among_good_ones(fls, calls, tmp_path, jobs):
    binary = tmp_path / "garbage.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    run = fls("ingest", calls[0], binary, calls[1], "--jobs", jobs)
    assert run.code == 1
    assert run.err.count("\n") == 1 and str(binary) in run.err
    assert len(run.out.splitlines()) == 2
