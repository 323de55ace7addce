"""Compiled regular expressions kept between runs, so a process's first extraction is nearly as fast as its next.

The vocabularies (tracker/data/*.toml) compile to a few hundred large regular expressions. Python compiles a
regex in pure Python (parse, then emit the matcher's code), which is most of the first call's time (about
350 ms of 540 on the seed). The emitted code is a plain list of numbers: this module keeps it, per pattern and
flags, in one file in the user cache folder and hands it straight to the matcher (`_sre.compile`, what
`re.compile` itself ends with) on the next run. The steps before it are kept the same way (`remembered`): the
parsed data files (tracker.vocab.lexicon), the phrase trees (tracker.vocab.phrase_regex) and the look-aheads
(tracker.vocab.quick_start). With all of them kept, the first extraction of the seed costs ~110 ms of CPU
instead of ~540, against ~80 for each later one.

Why this is safe:
- an entry is looked up by the exact pattern text and flags, so a pattern that changed is never served from an
  old entry, whatever the file's name; a test checks that each cached pattern equals `re.compile`'s;
- the file is named by a hash of the data files, of the code whose results it keeps (tracker/vocab/*.py), of
  the Python version and the regex engine's version (`_sre.MAGIC`): new data, new code or another Python
  starts a new file (the three newest files of other keys stay, for other checkouts sharing the folder);
- the cache is only an optimisation: a missing, unreadable or malformed file is ignored (the patterns are
  compiled as usual) and a folder that cannot be written is not written.

The folder: FLS_CACHE_DIR, else $XDG_CACHE_HOME/fls, else ~/.cache/fls.
"""
from __future__ import annotations

import _sre
import atexit
import contextlib
import hashlib
import marshal
import os
import re
import sys
from array import array
from pathlib import Path
from typing import Callable
from re import _compiler, _parser          # the stdlib's regex parser and code emitter (Python 3.11+)

_MAX_ENTRIES = 1500     # past this many, a save keeps only the entries this process used
_KEEP_OTHERS = 3        # cache files of other keys kept beside this one
_VOCAB = Path(__file__).resolve().parent                     # tracker/vocab
_DATA = _VOCAB.parent / "data"                                # tracker/data

# the matcher's code words, packed in the array type of their size
_CODE = next(t for t in "IL" if array(t).itemsize == _sre.CODESIZE)

_entries: dict[tuple, object] | None = None
_used: set[tuple] = set()
_added = False


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags), from the cache when this pattern was compiled by an earlier run."""
    flags = int(flags)
    if flags & re.DEBUG:
        return re.compile(pattern, flags)
    final, code, groups, groupindex, indexgroup = remembered(("re", pattern, flags), lambda: _emit(pattern, flags))
    return _sre.compile(pattern, final, array(_CODE, code).tolist(), groups, groupindex, indexgroup)


def remembered(key: tuple, build: Callable[[], object]) -> object:
    """The value of a pure function of `key` (strings, numbers and tuples, lists and dicts of them), from the
    cache when an earlier run built it, else `build()`, kept for the next run."""
    entries = _load()
    value = entries.get(key)
    if value is None:
        value = entries[key] = build()
        _note_added()
    _used.add(key)
    return value


def _emit(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile hands to _sre.compile: final flags, code, group count and names."""
    parsed = _parser.parse(pattern, flags)
    code = array(_CODE, _compiler._code(parsed, flags)).tobytes()    # packed: fast to write and to read
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def cache_dir() -> Path:
    env = os.environ
    if env.get("FLS_CACHE_DIR"):
        return Path(env["FLS_CACHE_DIR"]).expanduser()
    base = Path(env["XDG_CACHE_HOME"]).expanduser() if env.get("XDG_CACHE_HOME") else Path.home() / ".cache"
    return base / "fls"


def cache_file() -> Path:
    """The cache file for these data files, this Python and this regex engine."""
    digest = hashlib.sha256(f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}".encode())
    # the data files, and the code whose results are kept (tracker/vocab: phrase trees, look-aheads, parsing)
    for item in [*sorted(_DATA.glob("*.toml")), *sorted(_VOCAB.glob("*.py"))]:
        digest.update(item.name.encode() + b"\0" + item.read_bytes() + b"\0")
    return cache_dir() / f"regex-{digest.hexdigest()[:20]}.marshal"


def _load() -> dict[tuple, object]:
    global _entries
    if _entries is None:
        _entries = _read(cache_file())
    return _entries


def _read(path: Path) -> dict[tuple, object]:
    try:
        loaded = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}                                  # no cache yet, or a damaged one: compile as usual
    return loaded if isinstance(loaded, dict) else {}


def _note_added() -> None:
    global _added
    if not _added:
        _added = True
        atexit.register(save)


def save() -> None:
    """Write the cache when this process compiled patterns it did not have (atomically: a concurrent run reads
    the old file or the new one, never half of one)."""
    global _added
    if not _added or _entries is None:
        return
    entries = _entries if len(_entries) <= _MAX_ENTRIES else {k: v for k, v in _entries.items() if k in _used}
    path = cache_file()
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps(entries))
        os.replace(tmp, path)
        # caches of other data, code or Pythons: the few newest stay (two checkouts of fls may share the folder)
        others = sorted((f for f in path.parent.glob("regex-*.marshal") if f != path),
                        key=lambda f: f.stat().st_mtime, reverse=True)
        for old in others[_KEEP_OTHERS:]:
            old.unlink(missing_ok=True)
    except (OSError, ValueError):                 # ValueError: a value marshal cannot write (a TOML date)
        return                                     # a read-only or full cache folder: the next run compiles again
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    _added = False
