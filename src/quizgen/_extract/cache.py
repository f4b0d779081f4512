"""A cache of extracted Facts, so that a source that has not changed is not parsed again.

    cache = FactsCache.open(model="en_core_web_sm")    # default_cache_dir()
    facts = cache.get(key)                             # None: missing, corrupt or foreign
    cache.put(key, facts)

Parsing is nearly all of a build's time, and its result, `Facts`, is plain data that
generation turns into questions as a pure function: caching Facts (not questions) keeps
`generate` the one place where templates, options and seed act, so a change of any of
them needs no re-parse. An entry is one section of a source (`iter_facts` cuts long ones),
keyed by a hash of the section's text and citation, its number, quizgen's version, a hash
of the extraction code, and the model's name and version: any change to one of them misses.

The location is `platformdirs.user_cache_dir("quizgen")/facts` (on Linux
`~/.cache/quizgen/facts`), or `$QUIZGEN_CACHE_DIR`. Entries are pickles behind a magic
header; the folder is created private to the user (0700), since loading a pickle runs what
it names: trust the cache folder as you trust your home folder. An unreadable, truncated
or foreign entry is ignored (a miss) and rewritten; a cache that cannot be written is
skipped silently: the cache only ever saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import os
import pickle
import tempfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizgen._extract._types import Facts
    from quizgen._sources import Source

__all__ = ["FactsCache", "decode_entry", "default_cache_dir", "encode_entry"]

_MAGIC = b"quizgen-facts\n"
_FORMAT = "1"  # bump when the entry layout changes


def default_cache_dir() -> Path:
    """$QUIZGEN_CACHE_DIR, else the user's cache folder for quizgen (platformdirs) + /facts."""
    env = os.environ.get("QUIZGEN_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("quizgen", appauthor=False)) / "facts"


@dataclass(frozen=True)
class FactsCache:
    """Facts by key in `folder`; `salt` holds what every key shares (versions, model)."""

    folder: Path
    salt: str

    @classmethod
    def open(cls, model: str, folder: str | os.PathLike[str] | None = None) -> FactsCache:
        """The cache for `model` (a spaCy package name or path) in `folder` (default above)."""
        salt = "\0".join((_FORMAT, _quizgen_version(), _code_hash(), _model_id(model)))
        return cls(Path(folder) if folder is not None else default_cache_dir(), salt)

    def key(self, section: Source, number: int) -> str:
        """The key of section `number` of a source (its text and citation, as parsed)."""
        h = hashlib.sha256(self.salt.encode())
        for part in (
            str(number),
            section.path,
            section.title,
            section.published or "",
            section.url or "",
            section.author or "",
            section.text,
        ):
            h.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def __contains__(self, key: str) -> bool:
        return self._path(key).is_file()

    def get(self, key: str) -> Facts | None:
        """The Facts stored under `key`, or None when missing, corrupt or not ours."""
        data = self.get_entry(key)
        return decode_entry(data) if data is not None else None

    def get_entry(self, key: str) -> bytes | None:
        """The stored bytes under `key` (`decode_entry` makes them Facts), None when
        missing: read here, decoded where the source's work runs (a worker process)."""
        try:
            return self._path(key).read_bytes()
        except OSError:
            return None

    def put(self, key: str, facts: Facts) -> None:
        """Store `facts` under `key` atomically; a failure to write is ignored."""
        self.put_entry(key, encode_entry(facts))

    def put_entry(self, key: str, data: bytes) -> None:
        """Store an entry `encode_entry` made (in a worker, maybe) under `key` atomically;
        a failure to write is ignored."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            with contextlib.suppress(OSError):
                os.chmod(self.folder, 0o700)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return


def encode_entry(facts: Facts) -> bytes:
    """`facts` as a cache entry: a magic header, then the compressed pickle."""
    return _MAGIC + zlib.compress(pickle.dumps(facts, pickle.HIGHEST_PROTOCOL), 1)


def decode_entry(data: bytes) -> Facts | None:
    """The Facts of a cache entry, or None when it is corrupt or not ours."""
    from quizgen._extract._types import Facts

    if not data.startswith(_MAGIC):
        return None
    try:
        facts = pickle.loads(zlib.decompress(data[len(_MAGIC) :]))
    except Exception:  # a damaged entry of any kind is a miss, never a crash
        return None
    return facts if isinstance(facts, Facts) else None


def _quizgen_version() -> str:
    try:
        return importlib.metadata.version("quizgen")
    except importlib.metadata.PackageNotFoundError:
        return "0"


@lru_cache(maxsize=1)
def _code_hash() -> str:
    """A hash of the code that makes Facts: a changed rule (in a checkout, where the
    version stays the same) must not be served stale facts."""
    here = Path(__file__).parent
    h = hashlib.sha256()
    for path in sorted([*here.glob("*.py"), here.parent / "_lexicon.py"]):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=8)
def _model_id(model: str) -> str:
    """'name==version' of a spaCy package or model folder, read without loading it."""
    meta = Path(model) / "meta.json"
    if meta.is_file():
        with contextlib.suppress(OSError, ValueError):
            data = json.loads(meta.read_text(encoding="utf-8"))
            return f"{data.get('lang')}_{data.get('name')}=={data.get('version')}@{model}"
    try:
        return f"{model}=={importlib.metadata.version(model.replace('_', '-'))}"
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return model
