"""tracker.vocab.regex_cache: compiled vocabularies kept between runs, never serving a pattern other than asked."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.vocab import regex_cache
from tracker.vocab.regex_cache import compile_cached

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = [
    (r"(?P<amount>\d+(?:\.\d+)?)\s*(?:million|billion)", re.I),
    (r"\b(?:fiscal|calendar)\s+(?P<yr>20\d\d)\b", 0),
    (r"(?<![\w$])(?-i:FY)\s*'?\d\d", re.I | re.M),
    (r"[^.;]{0,40}$", 0),
]


@pytest.mark.parametrize("pattern, flags", PATTERNS)
def test_a_cached_pattern_is_the_one_re_compiles(pattern, flags):
    """Patterns compare equal when their text, flags and matcher code are equal."""
    assert compile_cached(pattern, flags) == re.compile(pattern, flags)
    assert compile_cached(pattern, flags) == re.compile(pattern, flags)     # the second time from the cache
    cached = compile_cached(pattern, flags)
    assert (cached.groupindex, cached.groups) == (re.compile(pattern, flags).groupindex, re.compile(pattern, flags).groups)


def test_every_entry_this_process_holds_equals_a_fresh_compile():
    from tracker.extraction.extract import extract_file
    extract_file(ROOT / "seeds" / "canaan_2024q4_earnings_call.txt")
    entries = regex_cache._load()
    regexes = [k for k in entries if k[0] == "re"]
    assert len(regexes) > 100
    for _, pattern, flags in regexes:
        assert compile_cached(pattern, flags) == re.compile(pattern, flags), pattern[:80]


_PROBE = ("import sys; sys.path.insert(0, sys.argv[1]); from tracker.vocab import regex_cache as c; "
          "p = c.compile_cached(r'(?P<q>Q[1-4])\\s+20\\d\\d', 2); print(p.search('in q3 2026').group('q'))")


def _run(cache: Path) -> str:
    env = {**os.environ, "FLS_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", _PROBE, str(ROOT)], env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_a_run_writes_the_cache_and_the_next_reads_it(tmp_path):
    assert _run(tmp_path) == "q3"
    (written,) = tmp_path.glob("regex-*.marshal")
    stamp = written.stat().st_mtime_ns
    assert _run(tmp_path) == "q3"
    assert written.stat().st_mtime_ns == stamp          # nothing new compiled: nothing written


def test_a_damaged_cache_is_ignored_and_replaced(tmp_path):
    assert _run(tmp_path) == "q3"
    (written,) = tmp_path.glob("regex-*.marshal")
    written.write_bytes(b"\x00not a cache")
    assert _run(tmp_path) == "q3"
    assert written.stat().st_size > 20


def test_only_the_newest_caches_of_other_keys_stay(tmp_path):
    """Two checkouts of fls may share the folder: each keeps its own file; the oldest of the others go."""
    others = [tmp_path / f"regex-{i:020d}.marshal" for i in range(5)]
    for i, other in enumerate(others):
        other.write_bytes(b"")
        os.utime(other, (1_000_000 + i, 1_000_000 + i))
    assert _run(tmp_path) == "q3"
    assert [o.exists() for o in others] == [False, False, True, True, True]


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    assert _run(blocked / "sub") == "q3"


@pytest.mark.parametrize("env, expected", [
    ({"FLS_CACHE_DIR": "/srv/fls-cache", "XDG_CACHE_HOME": "/x"}, "/srv/fls-cache"),
    ({"XDG_CACHE_HOME": "/home/ana/.cc"}, "/home/ana/.cc/fls"),
])
def test_the_cache_folder(monkeypatch, env, expected):
    for name in ("FLS_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert str(regex_cache.cache_dir()) == expected


_KEYS = ("import sys; sys.path.insert(0, sys.argv[1]); from tracker.vocab import regex_cache as c; "
         "from tracker.extraction.extract import extract_file; "
         "extract_file(sys.argv[1] + '/seeds/canaan_2024q4_earnings_call.txt'); "
         "print(sorted(map(repr, c._used)))")


def test_the_regex_texts_are_the_same_whatever_the_hash_seed(tmp_path):
    """Patterns built from sets of words list them in a fixed order: a run never misses the cache because
    Python's string hashing ordered a set differently."""
    runs = [subprocess.run([sys.executable, "-c", _KEYS, str(ROOT)], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed, "FLS_CACHE_DIR": str(tmp_path)}).stdout
            for seed in ("1", "2")]
    assert runs[0] == runs[1] and len(runs[0]) > 1000
