"""Every reader under fuzzing and adversarial input (issue 14): mutated exports are read, or refused with an
InputError, within a second; 100 KB inputs built to make a regular expression backtrack are read in linear time.

The fuzz target and the mutator are bench/fuzz_readers.py's, driven here by hypothesis for a few seconds per
reader; `python bench/fuzz_readers.py` runs them for a million inputs (docs/BENCHMARKS.md).
"""

from __future__ import annotations

import contextlib
import importlib.util
import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.errors import InputError
from summarizer.readers import READERS, read_source

_BENCH = Path(__file__).parent.parent / "bench" / "fuzz_readers.py"
_SPEC = importlib.util.spec_from_file_location("fuzz_readers", _BENCH)
assert _SPEC is not None and _SPEC.loader is not None
fuzz = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fuzz)

SEEDS = fuzz.seeds()
ALL_SEEDS = [seed for group in SEEDS.values() for seed in group]
BUDGET_SECONDS = 1.0


@pytest.mark.parametrize("reader", sorted(fuzz.READER_SEEDS))
def test_fuzz_target(reader: str) -> None:
    @settings(max_examples=500, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(rng=st.randoms(use_true_random=False), detect=st.booleans())
    def run(rng: random.Random, detect: bool) -> None:
        data = fuzz.mutate(rng.choice(SEEDS[reader]), rng, ALL_SEEDS)
        seconds, problem, guarded = fuzz.check(data, None if detect else reader)
        assert problem is None, problem
        assert not guarded, "a reader raised on this input; only the reading layer's guard caught it"
        assert seconds < BUDGET_SECONDS, f"{seconds:.2f} s"

    run()


_N = 100_000
_HEAD = "2020\nTitle\nDOI: 10.1/x\n"
# The shapes of issue 14's slow inputs, at 100 KB, and others built to make a pattern backtrack.
ADVERSARIAL = {
    "abstract-spaces": _HEAD + "Abstract:" + " " * _N + "x\nCited by 3 publications\n",
    "abstract-show-more": _HEAD + "Abstract: a" + " " * _N + "… Show more\n",
    "abstract-inner-spaces": _HEAD + "Abstract: a" + " " * _N + "b\n“A statement.”\nSection: Results\n",
    "section-inner-spaces": "“A statement.”\nSection: a" + " " * _N + "b\n",
    "statement-count-spaces": "Cited by 12 publications (" + " " * _N + "x",
    "section-spaces": "“A statement.”\nSection:" + " " * _N + "x\n",
    "section-trailing-spaces": "“A statement.”\nSection: Discussion" + " " * _N + "\n",
    "cited-by-digits": "Cited by " + "1" * _N,
    "statement-count-digits": "Cited by 12 publications (" + "1" * _N + " citation",
    "confidence-spaces": "“A statement.”\nconfidence" + " " * _N + "x\n",
    "confidence-colon-spaces": "“A statement.”\nconfidence:" + " " * _N + "x\n",
    "blank-lines": "\n" * _N + "x",
    "crlf-lines": "\r\n" * (_N // 2) + "x",
    "space-lines": " \n" * (_N // 2) + "x",
    "see-more-spaces": "See " + " " * _N + "1",
    "type-label-spaces": "Citation Types\nsupporting" + " " * _N + "x\n",
    "repeated-citation-types": "citation types\n" * (_N // 15),
    "repeated-references": "References 1 publications\n" * (_N // 26),
    "open-parens": "(" + " " * _N + "1",
    "digits-and-spaces": ("1" * 50 + " " * 50) * (_N // 100),
    "ellipses": "“" + "…" * _N + "”",
    "repeated-see-more": "“" + "a " * 20_000 + "”\n" + "See 9 more Smart Citations\n“a”\n" * 2_000,
    "angle-brackets": "<" * _N,
    "open-tags": "<a" * (_N // 2),
    "ampersands": "&" * _N,
    "quotes": '"' * _N,
    "commas": "snippet,type\n" + "," * _N,
    "sep-line": "sep=" + "," * _N,
    "one-column": "text\n" + "word " * (_N // 5),
    "json-brackets": "[" * _N,
    "json-objects": '{"a":' * (_N // 5),
    "json-backslashes": '["' + "\\" * (_N - 3) + '"]',
    "jsonl-lines": '{"record":"statement","text":"x","id":"S1"}\n' * (_N // 45),
    "json-unterminated": '{"record":"statement"' + " " * _N,
    "markup-unclosed": '[{"snippet": "<cite ' + "a" * _N + '", "target": "10.1/t"}]',
    "markup-many-tags": '[{"snippet": "' + "<a" * (_N // 2) + '>", "target": "10.1/t"}]',
    "doi-spaces": "DOI" + " " * _N + "x",
    "nbsp": "Section:" + "\u00a0" * _N + "x",
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_inputs_read_in_linear_time(name: str) -> None:
    text = ADVERSARIAL[name]
    assert len(text) >= 90_000
    for input_format in (None, *READERS.names()):
        start = time.perf_counter()
        with contextlib.suppress(InputError):
            read_source(text, input_format=input_format, name=name)
        seconds = time.perf_counter() - start
        assert seconds < BUDGET_SECONDS, f"{name} as {input_format or 'detected'}: {seconds:.2f} s"
