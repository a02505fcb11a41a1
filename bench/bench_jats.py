"""Full-text readers (JATS, GROBID TEI) on the real articles of ../shared/data/jats: what issue 24 measures.

Usage: python bench/bench_jats.py [--data-dir ../shared/data/jats] [--articles 1000] [--workers 2] [--json]

1. Citation recall and precision. For every reference with a DOI or PMID, the in-text citations the reader finds
   (the sentences `citing_sentences` gives for the entries that the target's DOI or PMID matches, one occurrence
   per marker group that cites it, ranges expanded) against those the XML links. The links are counted here
   independently of the reader: every `<xref ref-type="bibr">` (TEI: `<ref type="bibr">`) of the main article
   outside the reference list and the sub-articles, each id its rid (target) names once, plus, for two markers
   with only a dash between them (brackets and spaces aside) or one marker printed "n–m", the entries between them
   in reference-list order. Counts are compared per reference: found = min(found, linked) true positives.
2. The OVERLAPS.json targets: the articles that cite each, read as one statement set and briefed (extractive
   engine); the brief must hold every statement, from every citing article.
3. Reading speed: 1,000 articles (the 28 JATS files in turn), each read with one target (its most cited
   reference with a DOI or PMID), in --workers processes.
4. XML safety: a billion-laughs file, an external-entity file, a truncated file and a 1 GB file through the
   command line: exit code, seconds and the one line it prints.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from lxml import etree

from summarizer.readers import READERS
from summarizer.readers.citing_sentences import citing_sentences
from summarizer.readers.fulltext import Article
from summarizer.readers.target_identity import TargetQuery
from summarizer.readers.xmlsafe import parse_xml

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "jats"
_DASH = re.compile(r"^[\s\[\]\(\)]*[-\u2010\u2011\u2012\u2013\u2014\u2212][\s\[\]\(\)]*$")
_RANGE = re.compile(r"^[\s\[\(]*(\d{1,4})\s*[-\u2010-\u2014\u2212]\s*(\d{1,4})[\s\]\)]*$")
_XLINK = "{http://www.w3.org/1999/xlink}href"


def _local(tag: Any) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def linked_citations(path: Path, article: Article) -> Counter[str]:
    """Citation occurrences per reference key as the XML links them: each marker's ids, dashes expanded."""
    root = parse_xml(path.read_text(encoding="utf-8"), path.name)
    tei = _local(root.tag) == "TEI"
    order = [ref.key for ref in article.references]
    index = {key: i for i, key in enumerate(order)}
    labels = {(ref.label or "").strip(" .[]()"): i for i, ref in enumerate(article.references)}
    counts: Counter[str] = Counter()
    previous: tuple[list[str], int] | None = None
    between: list[str] = []
    skip_depth = 0
    for event, node in etree.iterwalk(root, events=("start", "end")):
        name = _local(node.tag)
        excluded = name in ("sub-article", "response", "ref-list", "teiHeader", "listBibl") or (
            name == "div" and node.get("type") == "references"
        )
        if excluded:
            skip_depth += 1 if event == "start" else -1
            continue
        if skip_depth:
            continue
        is_cite = (name == "xref" and node.get("ref-type") == "bibr") or (
            tei and name == "ref" and node.get("type") == "bibr"
        )
        if event == "start" and is_cite:
            raw = node.get("target" if tei else "rid") or ""
            keys = [k.lstrip("#") for k in raw.split() if k.lstrip("#") in index]
            text = "".join(node.itertext())
            printed = _RANGE.match(text)
            if printed and keys:
                low, high = int(printed.group(1)), int(printed.group(2))
                last = labels.get(str(high), index[keys[0]] + high - low if high > low else None)
                if len(keys) > 1:
                    last = index[keys[-1]]
                if last is not None and 0 < last - index[keys[0]] <= 200:
                    keys = order[index[keys[0]] : last + 1]
            if previous is not None and keys and previous[0] and _DASH.match("".join(between)):
                a, b = index[previous[0][-1]], index[keys[0]]
                if 0 < b - a <= 200:
                    for key in order[a + 1 : b]:
                        counts[key] += 1
            for key in dict.fromkeys(keys):
                counts[key] += 1
            previous = (keys, 0)
            between = []
            continue
        if name in ("p", "td", "th", "caption", "title", "head", "cell", "figDesc") and event == "start":
            previous = None
            between = []
        if is_cite:  # the end of a marker: its tail follows
            between = [node.tail or ""]
            continue
        if event == "start":
            between.append(node.text or "")
        else:
            between.append(node.tail or "")
    return counts


def _article(path: Path) -> Article:
    text = path.read_text(encoding="utf-8")
    spec = READERS.get("tei" if "<TEI" in text[:3000] else "jats")
    assert spec.parse_article is not None
    return spec.parse_article(text, path.name)


def measure_linking(paths: list[Path]) -> dict[str, Any]:
    """Recall and precision of citation occurrences, per format, over references with a DOI or PMID."""
    totals: dict[str, Counter[str]] = {}
    misses: list[str] = []
    for path in paths:
        article = _article(path)
        linked = linked_citations(path, article)
        done: set[str] = set()
        tally = totals.setdefault(article.format, Counter())
        tally["articles"] += 1
        for ref in article.references:
            target = next(iter(sorted(ref.dois)), None) or (f"PMID:{min(ref.pmids)}" if ref.pmids else None)
            if target is None or target in done:
                continue
            done.add(target)
            query = TargetQuery.parse(target)
            wanted = {r.key for r in article.references if query.matches_id(r)}
            found = sum(len(o.keys) for o in citing_sentences(article, wanted))
            truth = sum(linked[key] for key in wanted)
            tally["references"] += 1
            tally["true_positives"] += min(found, truth)
            tally["false_positives"] += max(0, found - truth)
            tally["false_negatives"] += max(0, truth - found)
            if found != truth:
                misses.append(f"{path.name} {target}: found {found}, linked {truth}")
    result: dict[str, Any] = {"misses": misses}
    for fmt, tally in totals.items():
        tp, fp, fn = tally["true_positives"], tally["false_positives"], tally["false_negatives"]
        result[fmt] = {
            **tally,
            "precision": round(tp / (tp + fp), 4) if tp + fp else None,
            "recall": round(tp / (tp + fn), 4) if tp + fn else None,
        }
    return result


def measure_overlaps(data_dir: Path) -> list[dict[str, Any]]:
    """Brief each OVERLAPS.json target from the articles that cite it: every statement, every citing article."""
    from summarizer.engines import EngineOptions, make_engine
    from summarizer.pipeline import summarize
    from summarizer.readers import load_statements
    from summarizer.settings import Settings

    settings = Settings()
    engine = make_engine("extractive", settings, EngineOptions())
    overlaps = json.loads((data_dir / "OVERLAPS.json").read_text(encoding="utf-8"))
    results = []
    for entry in overlaps:
        title = entry["value"] if entry["key"] == "title" else None
        target = None if title else entry["value"] if entry["key"] == "doi" else f"PMID:{entry['value']}"
        named = list(dict.fromkeys(name for name, _key, _n in entry["citing"]))
        files = [data_dir / name for name in named if (data_dir / name).is_file()]
        missing = [name for name in named if not (data_dir / name).is_file()]
        source = load_statements(files, target=target, target_title=title)
        expected = len(source.statements)
        citing_docs = {s.citing.doi for s in source.statements}
        brief = summarize(source, engine=engine, settings=settings)
        in_brief = {s.citing.doi for s in brief.statements}
        results.append(
            {
                "target": target or f"title: {title}",
                "missing_files": missing,
                "citing_articles": len(files),
                "articles_with_statements": len(citing_docs),
                "statements_read": expected,
                "statements_in_brief": brief.tally.statements + brief.tally.duplicates_merged,
                "every_article": len(citing_docs) == len(files) and in_brief == citing_docs,
            }
        )
    return results


def _read_one(path_and_target: tuple[str, str]) -> int:
    from summarizer.readers import read_source

    path, target = path_and_target
    return len(read_source(Path(path).read_bytes(), name=path, target=target).statements)


def _most_cited(path: Path) -> str:
    article = _article(path)
    counts = linked_citations(path, article)
    for key, _n in counts.most_common():
        ref = next(r for r in article.references if r.key == key)
        if ref.dois or ref.pmids:
            return sorted(ref.dois)[0] if ref.dois else f"PMID:{min(ref.pmids)}"
    raise ValueError(f"{path.name}: no cited reference with a DOI or PMID")


def measure_speed(paths: list[Path], articles: int, workers: int) -> dict[str, Any]:
    jobs = []
    for path in paths:
        try:
            jobs.append((str(path), _most_cited(path)))
        except ValueError:
            continue
    work = [jobs[i % len(jobs)] for i in range(articles)]
    with Pool(workers) as pool:
        pool.map(_read_one, jobs[:workers], chunksize=1)  # the workers start and import before the clock does
        load = os.getloadavg()[0]
        start = time.perf_counter()
        statements = sum(pool.map(_read_one, work, chunksize=8))
        seconds = time.perf_counter() - start
    return {
        "articles": articles,
        "workers": workers,
        "seconds": round(seconds, 2),
        "articles_per_second": round(articles / seconds, 1),
        "statements": statements,
        "load_average_before": round(load, 1),
    }


_BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE article [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<article><body><p>&lol9;</p></body></article>
"""
_EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE article [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY web SYSTEM "http://example.org/x">]>
<article><body><p>&xxe; &web;</p></body></article>
"""


def measure_safety(data_dir: Path) -> list[dict[str, Any]]:
    """Hostile and broken XML through the command line: exit code, time and the one line printed."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        files = {
            "billion laughs": base / "laughs.xml",
            "external entity": base / "xxe.xml",
            "truncated": base / "truncated.xml",
            "1 GB": base / "huge.xml",
        }
        files["billion laughs"].write_text(_BILLION_LAUGHS)
        files["external entity"].write_text(_EXTERNAL)
        sample = (data_dir / "PMC3310457_zika_eid.xml").read_bytes()
        files["truncated"].write_bytes(sample[: len(sample) // 2])
        with files["1 GB"].open("wb") as handle:  # a sparse file: XML text, then 1 GB of spaces' worth of holes
            handle.write(b"<article>" + b" " * 100000)
            handle.truncate(1024**3)
        for what, path in files.items():
            start = time.perf_counter()
            run = subprocess.run(
                [sys.executable, "-m", "summarizer", "extract", str(path), "--target", "10.1/x"],
                capture_output=True,
                text=True,
                check=False,
            )
            lines = run.stderr.strip().splitlines()
            rows.append(
                {
                    "input": what,
                    "exit": run.returncode,
                    "seconds": round(time.perf_counter() - start, 2),
                    "lines": len(lines),
                    "message": lines[-1][:160] if lines else "",
                }
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: linking,overlaps,speed,safety")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.data_dir.is_dir():
        raise SystemExit(f"needs the articles: {args.data_dir} (see ../shared/data/jats/README.md; or --data-dir)")
    skip = set(args.skip.split(","))
    jats = sorted(p for p in args.data_dir.iterdir() if p.suffix in (".xml", ".nxml"))
    tei = sorted((args.data_dir / "tei").glob("*.xml"))
    report: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    if "linking" not in skip:
        report["linking"] = measure_linking(jats + tei)
    if "overlaps" not in skip:
        report["overlaps"] = measure_overlaps(args.data_dir)
    if "speed" not in skip:
        report["speed"] = measure_speed(jats, args.articles, args.workers)
    if "safety" not in skip:
        report["safety"] = measure_safety(args.data_dir)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"machine: {report['machine']}")
    linking = report.get("linking", {})
    for fmt in ("jats", "tei"):
        if fmt in linking:
            row = linking[fmt]
            print(
                f"{fmt}: {row['articles']} articles, {row['references']} references with a DOI or PMID: "
                f"recall {row['recall']}, precision {row['precision']} "
                f"(tp {row['true_positives']}, fp {row['false_positives']}, fn {row['false_negatives']})"
            )
    for miss in linking.get("misses", [])[:40]:
        print(f"  {miss}")
    for row in report.get("overlaps", []):
        print(
            f"overlap {row['target']}: {row['citing_articles']} citing articles, {row['articles_with_statements']} "
            f"with statements; {row['statements_read']} statements read, {row['statements_in_brief']} in the brief; "
            f"every article: {row['every_article']}"
            + (f" (not in the folder: {', '.join(row['missing_files'])})" if row["missing_files"] else "")
        )
    if "speed" in report:
        speed = report["speed"]
        print(
            f"speed: {speed['articles']} articles in {speed['seconds']} s with {speed['workers']} workers: "
            f"{speed['articles_per_second']} articles/s ({speed['statements']} statements; load average "
            f"{speed['load_average_before']} before)"
        )
    for row in report.get("safety", []):
        print(f"safety {row['input']}: exit {row['exit']} in {row['seconds']} s, {row['lines']} line: {row['message']}")


if __name__ == "__main__":
    main()
