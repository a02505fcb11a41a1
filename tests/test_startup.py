"""The extractive engine's start-up cache: what it reads back is what a build gives, and a bad cache costs nothing
but the build."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

from summarizer.engines.extractive import startup
from summarizer.engines.extractive.reading import annotate
from summarizer.engines.extractive.resources import bundled_data_bytes, load_resources, resources_parts
from summarizer.engines.extractive.startup import (
    CACHE_ENV,
    KEPT_CACHES,
    cache_directory,
    known_words,
    load_startup,
    word_tables,
)

# real citing sentences (brief_targets, the bundled scite page)
SENTENCES = [
    "Within 3 weeks of beginning continuous daily isoniazid and rifampin therapy for pulmonary tuberculosis, a "
    "patient developed acute renal failure.",
    "UC-MSCs infusion was safe and well tolerated, with no serious adverse events reported (Shu et al., 2020).",
    "Remdesivir was superior to placebo in shortening the time to recovery in adults hospitalized with Covid-19.",
]


def _cache_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("startup-*.marshal"))


def test_a_first_load_writes_the_cache_and_a_second_reads_back_the_same_resources(tmp_path: Path) -> None:
    built = load_startup(tmp_path)
    assert built is load_resources()  # a build shares the process's resources
    assert len(_cache_files(tmp_path)) == 1
    cached = load_startup(tmp_path)
    assert cached is not built
    assert resources_parts(cached) == resources_parts(built)
    for text in SENTENCES:
        assert annotate(text, resources_=cached) == annotate(text, resources_=built)


def test_the_cache_fills_the_word_tables_with_what_their_functions_give(tmp_path: Path) -> None:
    load_startup(tmp_path)
    res = load_startup(tmp_path)
    words = known_words(res)
    assert len(words) > 1000
    tables = word_tables(res)
    assert {"drug_tagger", "effect_tagger"} <= set(tables)
    for table in tables.values():
        for word in words[:: len(words) // 50]:
            assert dict.__contains__(table, word)
            assert table[word] == table.function(word)


def test_a_damaged_or_foreign_cache_is_built_again_and_replaced(tmp_path: Path) -> None:
    load_startup(tmp_path)
    [path] = _cache_files(tmp_path)
    expected = resources_parts(load_resources())
    for content in (b"not marshal", marshal.dumps(("a", "tuple", "of", "four")), marshal.dumps((1, [], {}))):
        path.write_bytes(content)
        assert resources_parts(load_startup(tmp_path)) == expected
        assert marshal.loads(path.read_bytes())[0] == expected  # written again, whole


def test_only_the_newest_caches_of_other_data_or_code_are_kept(tmp_path: Path) -> None:
    others = [tmp_path / f"startup-{i:016x}.marshal" for i in range(KEPT_CACHES + 1)]
    for age, other in enumerate(others):
        other.write_bytes(b"another install's")
        os.utime(other, (1_000_000 - age, 1_000_000 - age))
    load_startup(tmp_path)
    kept = _cache_files(tmp_path)
    assert len(kept) == KEPT_CACHES
    assert set(others[: KEPT_CACHES - 1]) < set(kept)


def test_the_key_follows_the_data_files() -> None:
    data = bundled_data_bytes()
    changed = {**data, "ade_model.json": data["ade_model.json"] + b" "}
    assert startup.startup_key(data) == startup.startup_key(dict(data))
    assert startup.startup_key(changed) != startup.startup_key(data)


def test_a_directory_that_cannot_be_written_leaves_the_resources_uncached(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory")
    res = load_startup(blocked / "cache")
    assert resources_parts(res) == resources_parts(load_resources())
    assert list(tmp_path.iterdir()) == [blocked]


def test_the_environment_names_the_directory_or_turns_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    assert cache_directory() == tmp_path
    monkeypatch.setenv(CACHE_ENV, "off")
    assert cache_directory() is None
    monkeypatch.delenv(CACHE_ENV)
    assert cache_directory() is not None and cache_directory().name == "extractive"  # type: ignore[union-attr]
    assert resources_parts(load_startup(None)) == resources_parts(load_resources())
