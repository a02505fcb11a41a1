"""What the extractive engine builds when it starts, kept on disk from one run to the next.

Building the bundled resources from data/*.json takes about 0.2 s, and the reading's first look at a word (the
PerWord tables: its class, marks, endings, the taggers' scores, ...) about 20 us, which each worker of a large
brief pays for every word it meets. The cache holds the built resources and the tables' values for the words the
models and taggers have weights for (about 10,400: a third of the distinct words of real citing text, 87% of its
word occurrences), as plain containers written with marshal (no code, no pickle), keyed by the data files and the
engine's code; a later run reads them back in about 0.07 s. Where there is no cache, or it cannot be read or
written, everything is built as before.

SUMMARIZER_EXTRACTIVE_CACHE: the cache's directory, or "off" for none (default: the user's cache directory).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import platformdirs

# the reading's modules, whose per-word tables join SHARED_TABLES when they are imported
import summarizer.engines.extractive.reading  # noqa: F401
from summarizer.atomic import remove_partials, write_whole
from summarizer.engines.extractive.per_word import SHARED_TABLES, PerWord
from summarizer.engines.extractive.resources import (
    Resources,
    bundled_data_bytes,
    load_resources,
    resources_of_parts,
    resources_parts,
)
from summarizer.errors import OutputError

CACHE_ENV = "SUMMARIZER_EXTRACTIVE_CACHE"
KEPT_CACHES = 4
_CODE_DIR = Path(__file__).resolve().parent
_FEATURE_PARTS = re.compile(r"[ _:]")


def cache_directory() -> Path | None:
    """Where the start-up cache is kept, as CACHE_ENV says; None for nowhere."""
    where = os.environ.get(CACHE_ENV)
    if where == "off":
        return None
    return Path(where) if where else Path(platformdirs.user_cache_dir("summarizer")) / "extractive"


def startup_key(data: Mapping[str, bytes]) -> str:
    """A digest of what the cached values follow from: the data files, the engine's code and the Python that
    marshals them."""
    digest = hashlib.sha256(f"python {sys.version_info[:2]} marshal {marshal.version}\n".encode())
    code = {path.name: path.read_bytes() for path in sorted(_CODE_DIR.glob("*.py"))}
    for name, content in [*sorted(data.items()), *code.items()]:
        digest.update(f"{name} {len(content)}\n".encode())
        digest.update(content)
    return digest.hexdigest()[:32]


def known_words(res: Resources) -> list[str]:
    """The words the models and the taggers have a weight for, or a context weight next to."""
    words: set[str] = set()
    for model in (res.stance, res.ade, res.efficacy):
        if model is not None:
            for feature in model.vocabulary:
                words.update(_FEATURE_PARTS.split(feature))
    for tagger in (res.drug_tagger, res.effect_tagger):
        if tagger is not None:
            for weights in (tagger.word, tagger.left, tagger.right, tagger.left2, tagger.right2):
                words.update(weights)
    words.discard("")
    return sorted(words)


def word_tables(res: Resources) -> dict[str, PerWord[Any]]:
    """The per-word tables of the reading with these resources, by name."""
    tables = dict(SHARED_TABLES)
    if res.drug_tagger is not None:
        tables["drug_tagger"] = res.drug_tagger.own_scores
    if res.effect_tagger is not None:
        tables["effect_tagger"] = res.effect_tagger.own_scores
    tables["word_values"] = res.word_values
    return tables


def _from_cache(path: Path) -> Resources | None:
    """The cached resources, their tables filled; None where the file is missing or is no cache of ours."""
    try:
        content = path.read_bytes()
    except OSError:
        return None
    try:
        parts, words, values = marshal.loads(content)
        res = resources_of_parts(parts)
        tables = word_tables(res)
        if set(values) != set(tables) or any(len(column) != len(words) for column in values.values()):
            return None
        if len(words) < min(table.max_words for table in tables.values()):
            for name, table in tables.items():
                table.update(zip(words, values[name], strict=True))
        return res
    except Exception:  # noqa: BLE001 - a damaged or foreign file is no cache: everything is built again
        return None


def _write_cache(path: Path, content: bytes) -> None:
    """Write the cache whole (summarizer.atomic: a reader never sees part of it), keeping the KEPT_CACHES newest of
    other data or code; where the directory cannot be written, nothing is cached."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_partials(path.parent)
        write_whole(path, content)
        # two installs (a checkout and a release, say) each keep theirs: only the older ones go
        others = [other for other in path.parent.glob("startup-*.marshal") if other != path]
        others.sort(key=lambda other: other.stat().st_mtime, reverse=True)
        for stale in others[KEPT_CACHES - 1 :]:
            stale.unlink(missing_ok=True)
    except (OSError, OutputError):
        pass


def load_startup(directory: Path | None) -> Resources:
    """The bundled resources, with the per-word tables filled for the known words: from the cache in `directory`
    where it holds them, else built (and cached there)."""
    path = None
    if directory is not None:
        path = directory / f"startup-{startup_key(bundled_data_bytes())}.marshal"
        cached = _from_cache(path)
        if cached is not None:
            return cached
    res = load_resources()
    if path is not None:
        words = known_words(res)
        # looking the words up fills the tables of this process as the cache would
        values = {name: list(map(table.__getitem__, words)) for name, table in word_tables(res).items()}
        _write_cache(path, marshal.dumps((resources_parts(res), words, values)))
    return res


@lru_cache(maxsize=1)
def startup_resources() -> Resources:
    """The engine's resources in this process: load_startup in the cache directory, once."""
    return load_startup(cache_directory())
