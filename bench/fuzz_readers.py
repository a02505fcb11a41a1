"""Fuzz every reader: mutated citation exports must be read, or refused with an InputError, within 1 s each.

The fuzz target (`check`) and the mutator (`mutate`) are shared with the test suite: tests/test_readers_fuzz.py
lets hypothesis drive them for a few seconds per reader; this script runs them long.

    nice -n 19 python bench/fuzz_readers.py --inputs 1000000 --workers 2

Seeds are the reader fixtures, the bundled example page and the published API examples in
tests/fixtures/readers/; mutations insert the tokens each format is parsed by, long runs of spaces, digits,
newlines and brackets, broken UTF-8, BOMs, NULs, out-of-range numbers and surrogate escapes, and cut, repeat
and splice spans. An input counts as a crash when anything but InputError escapes, or when the text read cannot be
written out as UTF-8; as slow when it takes over 1 s on each of three tries (a niced run on a shared machine can be
stalled once). Crashing, slow and guarded inputs are written to --crash-dir.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import math
import os
import platform
import random
import sys
import time
from collections.abc import Callable
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "readers"
EXAMPLE = ROOT / "examples" / "uc-msc-covid19-scite-page.txt"
SLOW_SECONDS = 1.0

READER_SEEDS: dict[str, tuple[str, ...]] = {
    "scite-page": ("uc-msc-covid19-scite-page.txt",),
    "scite-api": (
        "scite-api-citations.json",
        "scite-api-list.json",
        "scite-citations-with-snippets.json",
        "scite-search-example.json",
        "scite-task-example.json",
    ),
    "csv": ("citations.csv", "citations.tsv", "citations-one-column.csv"),
    "s2": ("s2-citations.json", "s2-citations-documented.json"),
    "jsonl": ("statements.jsonl",),
    "jats": ("jats-article.xml",),
    "tei": ("tei-article.xml",),
}
# the full-text readers need a target: the one their seeds cite
TARGETS: dict[str, str] = {"jats": "10.1000/ref.5", "tei": "10.1000/ref.4"}

TOKENS: tuple[bytes, ...] = (
    b'"', b"'", b"{", b"}", b"[", b"]", b",", b":", b";", b"\t", b"|", b"\n", b"\r\n", b"\\", b"<", b">", b"&",
    b"\xe2\x80\x9c", b"\xe2\x80\x9d", b"\xe2\x80\xa6", b"...", b"Section: ", b"Section: Discussionsupporting\n",
    b"confidence: 87%\n", b"confidence", b"See 3 more Smart Citations\n", b"Cited by 9 publications",
    b"(14 citation statements)", b"Citation Types\n", b"supporting\n", b"References 3 publications\n",
    b"Abstract:", b"Show more", b"DOI: 10.1/x\n", b"sep=;\n", b"snippet,type\n", b"text\n", b"citance,doi\n",
    b'"snippet": ', b'"selfCites": [{"type": "SHAREDAUTHOR", "family": "A", "given": "B"}]', b'"selfCites": "x"',
    b'"typeConfidence": 1e309', b'"year": 1e309', b'"typeConfidence": 1.0982', b'"snippetHidden": true',
    b'"papers": {"10.1/a": {"retracted": true, "editorialNotices": [{"status": "Retracted"}]}}',
    b'"tallies": {"10.1/t": {"total": 3, "supporting": 1}}', b'"hits": [', b'"result": {"citations": [',
    b'<xref ref-type="bibr" rid="B5">', b"</xref>", b'<xref ref-type="bibr" rid="B3 B9">3-9</xref>', b"<p>",
    b"</p>", b"<sup>", b"</sup>", b"<fig><caption><p>", b"<sub-article>", b"<!ENTITY a \"aaaa\">", b"&a;", b"&nbsp;",
    b"&#x2013;", "\u2013".encode(), b"<!DOCTYPE article [", b"]>", b'<ref type="bibr" target="#b3">',
    b"</ref>", b"et al.", b"Fig.", b".The", b"<![CDATA[", b"]]>",
    b'"status": "PENDING"', b'"data": [', b'"contextsWithIntent": 1', b'"citedPaper": {}', b'"citingPaper": 7',
    b'"record": "target"', b'"record": "statement"', b'"error": "x"', b'"message": "x"', b'"detail": []',
    b'<cite data-doi="10.1/x"> 2 </cite>', b'<strong class="highlight">', b"&amp;", b"&#x110000;",
    b"\\udfff", b"\\ud800\\udc00", b"NaN", b"Infinity", b"-0", b"1e-400", b"\xff", b"\xc3", b"\x00",
    b"\xef\xbb\xbf", b"\xff\xfe", b"\x85", b"\xe2\x80\xa8",
)
RUN_BYTES: tuple[bytes, ...] = (b" ", b"\n", b"\r\n", b"1", b",", b"[", b"{", b"\t", b"a", b"<a", b"\xe2\x80\xa6", b'"')


_N = 100_000  # 100 KB inputs
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
    "xml-deep-nesting": "<article>" + "<sec>" * (_N // 5),
    "xml-laughs": '<!DOCTYPE article [<!ENTITY a "'
    + "a" * (_N // 2)
    + '">]><article><p>'
    + "&a;" * (_N // 6)
    + "</p></article>",
    "xml-many-attributes": "<article " + " ".join(f"a{i}='x'" for i in range(_N // 8)) + "/>",
    "jats-many-xrefs": "<article><body><p>"
    + '[<xref ref-type="bibr" rid="B1">1</xref>]. ' * (_N // 45)
    + "</p></body><back><ref-list><ref id=\"B1\"><label>1</label></ref></ref-list></back></article>",
}


def seeds() -> dict[str, list[bytes]]:
    """The seed inputs of each reader."""
    found: dict[str, list[bytes]] = {}
    for reader, names in READER_SEEDS.items():
        found[reader] = [(EXAMPLE if name == EXAMPLE.name else FIXTURES / name).read_bytes() for name in names]
    return found


JSON_VALUES: tuple[object, ...] = (
    None, True, False, 0, -1, 1.0982, 1e308, 10**40, "", " ", "x" * 3000, "10.1/x", "Retracted", "<cite>1</cite>",
    "\udfff", [], {}, [None], [{}], {"snippet": "Safe."}, {"status": "Retracted"}, [{"type": "SHAREDAUTHOR"}],
    {"total": 3, "supporting": 1}, {"contexts": ["Safe."]}, {"citedPaper": {}}, {"record": "statement", "text": "x"},
)


def _containers(value: object) -> list[object]:
    found: list[object] = []
    stack = [value]
    while stack and len(found) < 500:
        item = stack.pop()
        if isinstance(item, dict | list):
            found.append(item)
            stack.extend(item.values() if isinstance(item, dict) else item)
    return found


def _mutate_json(data: bytes, rng: random.Random) -> bytes | None:
    """A structural mutation of a JSON seed (so that the readers, not only the parser, are exercised)."""
    import json

    try:
        value = json.loads(data)
    except ValueError:
        return None
    for _ in range(rng.randint(1, 4)):
        containers = _containers(value)
        if not containers:
            break
        container = rng.choice(containers)
        if isinstance(container, dict) and container:
            key = rng.choice(list(container))
            action = rng.randrange(3)
            if action == 0:
                container[key] = copy.deepcopy(rng.choice(JSON_VALUES))
            elif action == 1:
                del container[key]
            else:
                container[key] = [copy.deepcopy(container[key]) for _ in range(rng.randint(2, 5))]
        elif isinstance(container, list) and container:
            index = rng.randrange(len(container))
            action = rng.randrange(3)
            if action == 0:
                container[index] = copy.deepcopy(rng.choice(JSON_VALUES))
            elif action == 1:
                container.insert(index, copy.deepcopy(container[index]))
            else:
                del container[index]
    if rng.random() < 0.2:
        value = [value, copy.deepcopy(value)] if rng.random() < 0.5 else {"data": value}
    text = json.dumps(value, ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.1:
        text = text + "\n" + text  # a sequence of documents
    return text.encode("utf-8", "surrogatepass")


def _insert(data: bytes, rng: random.Random, piece: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + piece + data[at:]


def mutate(seed: bytes, rng: random.Random, others: list[bytes] | None = None) -> bytes:
    """Apply 1 to 8 mutations to a seed; JSON seeds get a structural mutation first, half of the time."""
    data = seed
    if seed[:1] in (b"{", b"[") and rng.random() < 0.5:
        structural = _mutate_json(seed, rng)
        if structural is not None:
            data = structural
            if rng.random() < 0.5:
                return data
    for _ in range(rng.randint(1, 8)):
        kind = rng.randrange(9)
        if kind == 0:
            data = _insert(data, rng, rng.choice(TOKENS))
        elif kind == 1:  # a long run: spaces, digits, newlines, brackets ... (the shapes that broke regexes)
            data = _insert(data, rng, rng.choice(RUN_BYTES) * int(10 ** rng.uniform(1, 4.3)))
        elif kind == 2 and data:
            start = rng.randrange(len(data))
            data = data[:start] + data[start + rng.randint(1, 64) :]
        elif kind == 3 and data:
            start = rng.randrange(len(data))
            span = data[start : start + rng.randint(1, 256)]
            data = data[:start] + span * rng.randint(2, 20) + data[start:]
        elif kind == 4 and data:
            at = rng.randrange(len(data))
            data = data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]
        elif kind == 5 and others:
            other = rng.choice(others)
            if other:
                start = rng.randrange(len(other))
                data = _insert(data, rng, other[start : start + rng.randint(1, 512)])
        elif kind == 6:  # a number with too many digits, or an ever deeper nesting
            data = _insert(data, rng, rng.choice((b"9" * rng.randint(20, 5000), b"[" * rng.randint(10, 3000))))
        elif kind == 7 and data:
            data = data[: rng.randrange(len(data) + 1)]
        else:
            data = _insert(data, rng, bytes(rng.randrange(32, 127) for _ in range(rng.randint(1, 16))))
    return data


GUARDED = ("cannot be read (", "the format cannot be told (")


def check(data: bytes, input_format: str | None, target: str | None = None) -> tuple[float, str | None, bool]:
    """Read one input; return the seconds it took, what went wrong (None: read, or refused cleanly), and whether a
    reader failed in a way only the reading layer's guard turned into an InputError (a reader bug worth fixing)."""
    from summarizer.errors import InputError
    from summarizer.readers import read_source, write_jsonl

    start = time.perf_counter()
    try:
        source = read_source(data, input_format=input_format, name="fuzz", target=target)
        write_jsonl(source).encode("utf-8")
        "\n".join(source.warnings).encode("utf-8")
    except InputError as exc:
        message = str(exc)
        message.encode("utf-8")
        return time.perf_counter() - start, None, any(marker in message for marker in GUARDED)
    except Exception as exc:  # noqa: BLE001 - the fuzzer's job is to report any other exception
        return time.perf_counter() - start, f"{type(exc).__name__}: {exc}"[:300], False
    return time.perf_counter() - start, None, False


def _run(job: tuple[str, int, int, str]) -> dict[str, object]:
    reader, count, seed_value, crash_dir = job
    rng = random.Random(seed_value)
    all_seeds = seeds()
    own = all_seeds[reader]
    others = [s for group in all_seeds.values() for s in group]
    times: list[float] = []
    crashes: list[str] = []
    slow: list[float] = []
    guarded: list[str] = []
    for index in range(count):
        data = mutate(rng.choice(own), rng, others)
        input_format = reader if index % 2 else None  # half forced to the reader, half detected
        target = TARGETS.get(reader)
        seconds, problem, was_guarded = check(data, input_format, target)
        if seconds > SLOW_SECONDS:  # a niced run on a shared machine stalls: slow on every try is what counts
            seconds = min(seconds, *(check(data, input_format, target)[0] for _ in range(2)))
        times.append(seconds)
        if was_guarded:
            path = Path(crash_dir) / f"guarded-{reader}-{seed_value}-{index}.bin"
            path.write_bytes(data)
            guarded.append(path.name)
        if problem is not None or seconds > SLOW_SECONDS:
            path = Path(crash_dir) / f"{reader}-{seed_value}-{index}.bin"
            path.write_bytes(data)
            if problem is not None:
                crashes.append(f"{path.name}: {problem}")
            else:
                slow.append(seconds)
    times.sort()
    return {"reader": reader, "inputs": count, "crashes": crashes, "slow": slow, "guarded": guarded, "times": times}


def time_adversarial() -> list[tuple[float, str]]:
    """Seconds each adversarial input takes (best of three), detected and read as each format, slowest first."""
    from summarizer.errors import InputError
    from summarizer.readers import READERS, read_source

    timings = []
    for name, text in ADVERSARIAL.items():
        for input_format in (None, *READERS.names()):
            best = math.inf
            for _ in range(3):  # the fastest of three tries, as the machine may be shared
                start = time.perf_counter()
                with contextlib.suppress(InputError):
                    read_source(text, input_format=input_format, name=name)
                best = min(best, time.perf_counter() - start)
            timings.append((best, f"{name} as {input_format or 'detected'}"))
    return sorted(timings, reverse=True)


def _percentile(times: list[float], q: float) -> float:
    return times[min(len(times) - 1, math.floor(q * len(times)))] if times else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=1_000_000, help="inputs in total, shared by the readers")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--chunk", type=int, default=5000, help="inputs per job")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--crash-dir", type=Path, default=Path("fuzz-crashes"))
    parser.add_argument("--adversarial-only", action="store_true", help="time the 100 KB adversarial inputs only")
    args = parser.parse_args(argv)
    timings = time_adversarial()
    over = sum(seconds > SLOW_SECONDS for seconds, _ in timings)
    slowest = ", ".join(f"{label} {seconds * 1000:.0f} ms" for seconds, label in timings[:3])
    ways = len(timings) // len(ADVERSARIAL)
    print(f"adversarial: {len(ADVERSARIAL)} inputs of 100 KB x {ways} ways to read, {over} over 1 s")
    print(f"slowest: {slowest}")
    if args.adversarial_only:
        return 1 if over else 0
    args.crash_dir.mkdir(parents=True, exist_ok=True)
    readers = list(READER_SEEDS)
    per_reader = args.inputs // len(readers)
    jobs = []
    for number, reader in enumerate(readers):
        left = per_reader + (1 if number < args.inputs % len(readers) else 0)
        part = 0
        while left > 0:
            count = min(args.chunk, left)
            jobs.append((reader, count, args.seed * 1_000_003 + number * 10_007 + part, str(args.crash_dir)))
            left -= count
            part += 1
    started = time.perf_counter()
    run: Callable[..., object] = _run
    with Pool(args.workers) as pool:
        results = list(pool.imap_unordered(run, jobs))  # type: ignore[arg-type]
    wall = time.perf_counter() - started
    print(f"machine: {platform.machine()} {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{args.workers} workers, niceness {os.nice(0)}")
    print(
        f"{'reader':<11} {'inputs':>9} {'crashes':>8} {'>1 s':>6} {'guarded':>8} {'median ms':>10} {'p99 ms':>8} "
        f"{'max ms':>8}"
    )
    total = crashes = slow = guarded = 0
    for reader in readers:
        mine = [r for r in results if r["reader"] == reader]
        times = sorted(t for r in mine for t in r["times"])  # type: ignore[attr-defined]
        reader_crashes = [c for r in mine for c in r["crashes"]]  # type: ignore[attr-defined]
        reader_slow = [s for r in mine for s in r["slow"]]  # type: ignore[attr-defined]
        reader_guarded = [g for r in mine for g in r["guarded"]]  # type: ignore[attr-defined]
        guarded += len(reader_guarded)
        total += len(times)
        crashes += len(reader_crashes)
        slow += len(reader_slow)
        print(f"{reader:<11} {len(times):>9} {len(reader_crashes):>8} {len(reader_slow):>6} {len(reader_guarded):>8} "
              f"{_percentile(times, 0.5) * 1000:>10.2f} {_percentile(times, 0.99) * 1000:>8.2f} "
              f"{(times[-1] if times else 0) * 1000:>8.1f}")
        for crash in reader_crashes[:5]:
            print(f"  crash {crash}")
    print(
        f"total: {total} inputs, {crashes} crashes, {slow} over {SLOW_SECONDS:.0f} s, {guarded} refused by the "
        f"reading layer's guard (a reader raised on odd input), wall {wall:.0f} s"
    )
    return 1 if crashes or slow else 0


if __name__ == "__main__":
    sys.exit(main())
