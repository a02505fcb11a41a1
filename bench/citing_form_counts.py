"""Count the forms of the failing citing groups outside the 65 labelled groups (issue 23, s49-citing): for each form,
how many statements of each corpus hold it, and the first hits to read. The corpora: clinical_citation_stance without
the labelled groups' (pmcid, citation marker) pairs, brief_targets statements, evidence_inference and ADE sentences
(each distinct text once). A form is worth a rule only where it holds on several statements outside the groups and
reads right on most of them (docs/BENCHMARKS.md, s49-citing).

Usage: python bench/citing_form_counts.py [--data-dir ../shared/data] [--show N]
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

GROUP_LABELS = Path(__file__).resolve().parent / "data" / "citing_trial_groups.jsonl"

FORMS = {
    "a harm associated with the use / application of a treatment":
        r"\bassociated with (?:the )?(?:use|application|administration|intake) of\b",
    "a treatment named '<modifier>-assisted <procedure>'": r"\b\w+-assisted\b",
    "a trend significant in only one group / study":
        r"\btrend was (?:only )?significant\b.{0,40}\bonly\b|\bsignificant (?:in|for) only one\b",
    "a gerund subject changing an attribute of the treatment ('reducing the weight of the mesh decreases')":
        r"(?:^|, |that )(?:reducing|increasing|adding|lowering) the \w+ of (?:the )?\w+ .{0,60}"
        r"\b(?:decreases|reduces|increases|improves|lowers)\b",
    "X increased the risk of Y": r"\b(?:increased|raised|increases|raises) (?:the )?risk of\b",
    "the use / administration of X decreased Y":
        r"\b(?:use|administration) of [\w-]+(?: [\w-]+)? (?:significantly )?"
        r"(?:decreased|reduced|lowered|increased|improved)\b",
}


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _group_keys() -> set[tuple[str, str]]:
    return {(row["pmcid"], row["citation_marker"].strip()) for row in _rows(GROUP_LABELS)}


def corpora(data_dir: Path) -> dict[str, list[str]]:
    groups = _group_keys()
    citing = [
        row["text"] for row in _rows(data_dir / "clinical_citation_stance" / "dev.jsonl")
        if (row["pmcid"], row["citation_marker"].strip()) not in groups
    ]
    return {
        "citing (outside the groups)": citing,
        "brief_targets": [row["text"] for row in _rows(data_dir / "brief_targets" / "statements.jsonl")],
        "evidence_inference": list(
            dict.fromkeys(row["text"] for row in _rows(data_dir / "evidence_inference" / "dev.jsonl"))
        ),
        "ade": list(dict.fromkeys(row["text"] for row in _rows(data_dir / "ade" / "dev.jsonl"))),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--show", type=int, default=0, help="print the first N hits of each corpus")
    args = parser.parse_args()
    texts = corpora(args.data_dir)
    for form, pattern in FORMS.items():
        regex = re.compile(pattern, re.IGNORECASE)
        hits = {name: [text for text in rows if regex.search(text)] for name, rows in texts.items()}
        print(f"{form}: " + ", ".join(f"{name} {len(found)}" for name, found in hits.items()))
        for name, found in hits.items():
            for text in found[: args.show]:
                print(f"    {name} | {text[:300]}")


if __name__ == "__main__":
    main()
