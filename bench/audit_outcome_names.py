"""Audit the outcome names the extractive briefs show: flag those that do not read as the name of a measure.

Usage:
  python bench/audit_outcome_names.py [--data-dir ../shared/data] [--examples 8] [--json OUT.json]

Every benchmark target of bench/diff_findings.py (the trial and case reports of both splits, the `brief_targets`
and the labelled groups of citing sentences) is briefed from its statements alone, and every outcome name a
finding shows is collected: the efficacy outcomes' names, and the names in the safety findings that report a harm
that fell or did not differ ("No difference in X with Y.", "X decreased with Y."). Each name is checked against
general criteria of a noun phrase that names a measure (CRITERIA below: the words a name cannot open or end with,
punctuation, a number-only tail, a name cut mid-phrase, words of discourse), and the flagged ones are counted per
criterion and split, with examples and their quotes.

The splits: `train` are the Evidence Inference and ADE pseudo-targets whose paper is not held out
(summarizer.evaluation.is_heldout), on which the naming rules may be developed; `heldout` those whose paper is, read
but not tuned on; `other` the `brief_targets` and the citing groups. The criteria are the audit's own, in general
English word classes, not the engine's word lists, so that a fix is measured by something it did not write.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import diff_findings  # noqa: E402

from summarizer.engines.extractive import ExtractiveEngine  # noqa: E402
from summarizer.evaluation import is_heldout  # noqa: E402
from summarizer.models import Brief, Statement  # noqa: E402
from summarizer.pipeline import summarize  # noqa: E402

SPLITS = ("train", "heldout", "other")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# closed word classes of English: no noun phrase that names a measure opens or ends with one of them
DETERMINERS = _words("the a an this that these those its their our his her my your some any each every no all both "
                     "either neither such another other")
PRONOUNS = _words("it they them we us he she him i you one ones itself themselves which who whom whose what "
                  "where when why how there here whereas whether")
PREPOSITIONS = _words("of in on at to for with by from over under into onto than as between among among during "
                      "after before within without about against through throughout across versus vs via per "
                      "toward towards upon including despite since until")
CONJUNCTIONS = _words("and or but nor so yet while although though because if unless whereas")
AUXILIARIES = _words("is are was were be been being has have had do does did can could may might will would shall "
                     "should must")
FUNCTION = DETERMINERS | PRONOUNS | PREPOSITIONS | CONJUNCTIONS | AUXILIARIES
# adverbs of time, degree and sequence that do not end in -ly
ADVERBS = _words("later then also only still again even further already always never often soon now thereafter "
                 "afterwards subsequently respectively together alone either too very much more less most least "
                 "thus therefore however moreover slightly")
# words ending in -ly or -ed that are nouns or adjectives of measures, not adverbs or participles
NOT_ADVERBS = _words("family supply anomaly assembly homily rally reply ally belly jelly italy july monopoly "
                     "early daily weekly monthly yearly")
NOT_PARTICIPLES = _words("bed need speed seed feed breed red shed bleed weed")
# words of discourse: the study's talk about its results, not a measure ("the primary outcome", "this difference")
DISCOURSE = re.compile(
    r"\b(?:primary|secondary|main|co-?primary)\s+(?:outcomes?|end[\s\-]?points?)\b|"
    r"\b(?:this|that|these|those|such)\s+(?:differences?|findings?|results?|effects?|changes?|trends?)\b|"
    r"^(?:trends?|tendency|tendencies)\s+(?:in|of|to|toward|towards|for)\b|"
    r"^(?:the\s+)?(?:results?|findings?|data|outcomes?|end[\s\-]?points?)\s+(?:of|for|in|on)\b"
)
NUMBER = re.compile(r"^[\d.,·%/\-–]+$")
NUMBERED_WORDS = _words("type phase grade stage class day week month year visit set cycle session")
# a dash that is not a range of numbers ("grade 3–4"), or a hyphen with a space on one side
DASH = re.compile(r"(?<!\d)[–—]|[–—](?!\d)|\s-\s|\s-|-\s")
# a list of measures: "A, B and C", "A, B, and C"
LIST = re.compile(r"^[^,;:]+(?:,\s*[^,;:]+)*,?\s+(?:and|or)\s+[^,;:]+$")
# heads of measures that name nothing without their complement ("probability" of HIV infection or death)
MEASURE_HEADS = _words("risk risks ratio ratios probability probabilities proportion proportions percentage "
                       "percentages rate rates incidence odds likelihood number numbers loss frequency level levels "
                       "change changes duration amount degree severity")
PEOPLE = _words("patients participants subjects children adults women men infants people individuals")
WORD = re.compile(r"[^\W_][\w'’\-/+]*")


@dataclass(frozen=True)
class Shown:
    """An outcome name a finding shows, with the target, its split and the quote it rests on."""

    target: str
    split: str
    name: str
    quote: str
    section: str  # efficacy or safety


def _continues(name: str, quote: str) -> str:
    """What the quote says right after the name (lower case, one space), or "" when the name is not in it."""
    at = quote.lower().find(name.lower())
    if at < 0:
        return ""
    return " ".join(quote[at + len(name) : at + len(name) + 40].lower().split())


def _edge_function(words: list[str], _: Shown) -> bool:
    return words[0] in FUNCTION - {"no", "all", "both"} or words[-1] in FUNCTION


def _edge_adverb(words: list[str], _: Shown) -> bool:
    def adverb(word: str) -> bool:
        return word in ADVERBS or (word.endswith("ly") and len(word) > 4 and word not in NOT_ADVERBS)

    return adverb(words[0]) or adverb(words[-1])


def _clause_verb_tail(words: list[str], _: Shown) -> bool:
    last = words[-1]
    return len(words) > 1 and last.endswith("ed") and len(last) > 4 and last not in NOT_PARTICIPLES


def _punctuation(_: list[str], shown: Shown) -> bool:
    name = shown.name
    brackets = any(name.count(o) != name.count(c) for o, c in ("()", "[]", "{}"))
    comma = "," in name and LIST.match(name) is None
    return comma or ";" in name or ":" in name or brackets or DASH.search(name) is not None


def _number_tail(words: list[str], _: Shown) -> bool:
    return NUMBER.match(words[-1]) is not None and not (len(words) > 1 and words[-2] in NUMBERED_WORDS)


def _cut_mid_phrase(words: list[str], shown: Shown) -> bool:
    """The quote goes on with the complement of the measure the name ends with ("probability" of HIV infection; not
    "composite score" of the children), or the name ends with an adjective whose noun the quote goes on with
    ("patient's global" assessment)."""
    after = _continues(shown.name, shown.quote)
    nxt = WORD.match(after)
    if nxt is None or after[:1] in ",;:.()[]":
        return False
    following = nxt.group()
    rest = after.split()
    if following in ("of", "for") and words[-1] in MEASURE_HEADS:
        # what is measured, not who ("of the children"), which arm ("for the real WTU group") or how much ("of up to")
        complement = [w.strip(",.;:()") for w in rest[1:6] if w not in DETERMINERS]
        return bool(complement) and complement[0].isalpha() and complement[0] not in PEOPLE | {"up"} and not any(
            w in ("group", "groups", "arm", "arms") for w in complement
        )
    adjective = words[-1].endswith(("al", "ic", "ive", "ous", "ary", "ar")) and following not in FUNCTION
    return adjective and not following.endswith(("ly", "ed")) and following not in AUXILIARIES


def _discourse(_: list[str], shown: Shown) -> bool:
    return DISCOURSE.search(shown.name.lower()) is not None


CRITERIA: dict[str, Callable[[list[str], Shown], bool]] = {
    "opens or ends with a function word": _edge_function,
    "opens or ends with an adverb": _edge_adverb,
    "ends with a participle or verb of a clause": _clause_verb_tail,
    "comma, colon, dash or unbalanced bracket": _punctuation,
    "number-only tail": _number_tail,
    "cut mid-phrase (the quote goes on)": _cut_mid_phrase,
    "words of discourse": _discourse,
}


def flags(shown: Shown) -> list[str]:
    """The criteria a shown name fails."""
    words = [w.strip("'’") for w in WORD.findall(shown.name.lower())]
    words = [w for w in words if w]
    if not words:
        return ["no word"]
    return [label for label, fails in CRITERIA.items() if fails(words, shown)]


def _split(target_id: str) -> str:
    kind, _, paper = target_id.partition("-")
    if kind not in ("ei", "ade") or not paper:
        return "other"
    return "heldout" if is_heldout(paper) else "train"


_SAFETY_OUTCOME = re.compile(r"^(?:No difference in (?P<nodiff>.+)|(?P<name>.+) (?:increased|decreased|unclear))$")


def safety_names(claim: str, intervention: str) -> list[str]:
    """The outcome names in a safety finding's claim that reports harms that fell or did not differ
    (wording.reassuring_claim: "No difference in X with Y. Z decreased with Y.")."""
    names = []
    for part in claim.split(f" with {intervention}."):
        match = _SAFETY_OUTCOME.match(part.strip())
        if match is not None:
            names.append(match.group("nodiff") or match.group("name"))
    return names


def shown_names(target_id: str, brief: Brief) -> list[Shown]:
    """Every outcome name the brief's findings show."""
    split = _split(target_id)
    shown = [
        Shown(target_id, split, o.outcome, o.quotes[0].text if o.quotes else "", "efficacy")
        for o in brief.efficacy.outcomes
        if o.claim.endswith(".") and "(no outcome named)" not in o.claim
    ]
    name = brief.target.intervention.name if brief.target.intervention else None
    for finding in brief.safety.findings if name else ():
        quote = finding.quotes[0].text if finding.quotes else ""
        shown.extend(Shown(target_id, split, n, quote, "safety") for n in safety_names(finding.claim, str(name)))
    return shown


def collect(data_dir: Path) -> list[Shown]:
    engine = ExtractiveEngine()
    shown: list[Shown] = []
    for target in diff_findings._targets(data_dir):
        statements = [Statement(id=f"S{i}", text=text) for i, (_, text) in enumerate(target.statements, start=1)]
        shown.extend(shown_names(target.target_id, summarize(statements, engine=engine)))
    return shown


def report(shown: list[Shown], examples: int) -> dict[str, object]:
    totals = Counter(s.split for s in shown)
    flagged: dict[str, Counter[str]] = defaultdict(Counter)
    any_flag: Counter[str] = Counter()
    found: dict[str, list[tuple[Shown, list[str]]]] = defaultdict(list)
    for s in shown:
        failed = flags(s)
        if failed:
            any_flag[s.split] += 1
        for label in failed:
            flagged[label][s.split] += 1
            found[label].append((s, failed))
    print(f"outcome names shown: {', '.join(f'{split} {totals[split]}' for split in SPLITS)}")
    print(f"flagged (any criterion): {', '.join(f'{split} {any_flag[split]}' for split in SPLITS)}")
    for label in [*CRITERIA, "no word"]:
        if label not in flagged:
            continue
        counts = flagged[label]
        print(f"\n{label}: " + ", ".join(f"{split} {counts[split]}" for split in SPLITS))
        train = [item for item in found[label] if item[0].split == "train"]
        for s, _ in (train or found[label])[:examples]:
            print(f"   [{s.target} {s.section}] {s.name!r} || {' '.join(s.quote.split())[:diff_findings.QUOTE_CHARS]}")
    return {
        "shown": dict(totals),
        "flagged": dict(any_flag),
        "by_criterion": {label: dict(counts) for label, counts in flagged.items()},
        "names": [
            {"target": s.target, "split": s.split, "section": s.section, "name": s.name, "flags": flags(s)}
            for s in shown
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    parser.add_argument("--examples", type=int, default=8, help="examples shown per criterion (train first)")
    parser.add_argument("--json", type=Path, help="also write the counts and every name with its flags here")
    args = parser.parse_args(argv)
    if not (args.data_dir / "evidence_inference" / "dev.jsonl").is_file():
        print(f"no benchmark data under {args.data_dir} (expected evidence_inference/dev.jsonl)", file=sys.stderr)
        return 2
    result = report(collect(args.data_dir), args.examples)
    if args.json is not None:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
