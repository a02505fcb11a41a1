"""Audit the word lists and patterns of the extractive engine's rules: which were written for one dev target?

Usage: python bench/audit_word_lists.py [--data-dir /work/shared/data] [--git /work/main] [--markdown]

Every string literal in the rule modules (docstrings left out) is cut into entries: a word list (a string of words
separated by spaces, as `_words("...")` takes it, or a single word) gives its words, a word pair "a_b" the phrase
"a b"; a regular expression gives the letter runs of three letters or more between its operators ("(?:reduc|
decreas)" gives the stems "reduc" and "decreas"), matched as the start of a word. For each entry the script counts
in how many of the 66 brief_targets it occurs (the statements of a target, as one text) and in how many documents of
each other corpus (ade, evidence_inference, clinical_citation_stance, ebm_nlp sentences and abstracts).

An entry is a *candidate single-target entry* when it occurs in brief_targets and in no other corpus, or in one or
two targets only and in at most a handful (5) of the documents of the other corpora together. Whether a candidate is
a domain term (to remove) or general language (negation, hedging, units, study design: to keep) is a reader's call;
the verdicts and their reasons are the table VERDICTS below, written after reading each candidate. With --git, the
commits of the main repository that added or removed each candidate (`git log -S`) are listed, so that a commit
message naming a target can be read beside it.
"""

from __future__ import annotations

import argparse
import ast
import bisect
import json
import re
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULES = (
    "summarizer/engines/extractive/cues.py",
    "summarizer/engines/extractive/treatments.py",
    "summarizer/engines/extractive/treatment_names.py",
    "summarizer/engines/extractive/events.py",
    "summarizer/engines/extractive/outcomes.py",
    "summarizer/engines/extractive/target_profile.py",
    "summarizer/engines/extractive/polarity.py",
    "summarizer/engines/extractive/numeric_results.py",
    "summarizer/engines/extractive/scan.py",
    "summarizer/engines/extractive/sections.py",
    "summarizer/training/name_lists.py",
)
OTHER_CORPORA = ("ade", "evidence_inference", "clinical_citation_stance", "ebm_nlp")
FEW_TARGETS = 2
FEW_OTHER = 5
_WORD = re.compile(r"[a-z0-9]+(?:[\-'][a-z0-9]+)*")
_REGEX_MARKS = re.compile(r"\\[bsdwSWDB]|\(\?|[|^$]|\[\^?")
_REGEX_WORD = re.compile(r"(?<![\\a-z])[a-z]{3,}(?:-[a-z]+)*")
_LIST_ENTRY = re.compile(r"^[a-z][a-z0-9\-_']*$")

# Verdicts on the candidates, after reading each: "remove" (written for one dev target: a domain term of its
# statements) or "keep" (general language, or a word the other corpora use), with the reason.
# Keys: "module:word" ("module:word~" for a word of a regular expression), or a bare word for every module.
_T = "written for one dev target, a domain term of its statements"
VERDICTS: dict[str, tuple[str, str]] = {
    # removed (docs/WORDLISTS.md says which target each was written for)
    **dict.fromkeys(("treatments:mab", "treatments:mabs", "treatments:nab", "treatments:nabs", "treatments:bnab",
                     "treatments:bnabs"), ("remove", f"{_T} (T72 bNAbs, T16/T19 antibodies)")),
    "treatments:engraftment": ("remove", f"{_T} (T74 'microglial engraftment')"),
    **dict.fromkeys(("treatments:dichotomy", "treatments:dichotomies"), ("remove", f"{_T} (T49 'dichotomy')")),
    **dict.fromkeys(("treatments:predictable", "treatments:progressive"),
                    ("remove", f"{_T} (T16 'predictable weight loss'), with 'from' (which stays in the stop lists)")),
    "treatments:consortium": ("remove", f"{_T} (T73 'IPD-Work Consortium')"),
    **dict.fromkeys(("treatments:cardiomyocytes", "treatments:engrafted", "cues:engrafted"),
                    ("remove", f"{_T} (T56 hESC-derived cardiomyocytes engrafted in macaques)")),
    **dict.fromkeys(("treatments:microglia", "treatments:macrophages", "treatments:wild-type"),
                    ("remove", f"{_T} (T74 wild-type microglia)")),
    "treatments:repurposed": ("remove", f"{_T} (T52 'repurposed as an anti-cancer agent')"),
    "treatments:passively": ("remove", f"{_T} (T72 'passively infused')"),
    **dict.fromkeys(("treatments:prophylactically", "treatments:therapeutically"),
                    ("remove", f"{_T} (T16 'prophylactically and/or therapeutically protect hamsters')")),
    **dict.fromkeys(
        (f"treatments:{w}" for w in ("pesticide", "pesticides", "herbicide", "herbicides", "insecticide",
                                     "insecticides", "fungicide", "fungicides", "toxin", "toxins", "toxicant",
                                     "toxicants")),
        ("remove", f"{_T} (T50 rotenone and paraquat)"),
    ),
    **dict.fromkeys(("cues:coronavirus", "cues:covid", "cues:covid-19", "cues:sars-cov-2"),
                    ("keep", "non-drug causes (NON_DRUG_CAUSES) named in 4-8 targets and the bundled example; the "
                             "other corpora predate 2020")),
    **dict.fromkeys(("treatments:methyl", "treatments:hydroxyl", "treatments:phosphate"),
                    ("remove", f"{_T} (T50, T58: chemistry words before 'group')")),
    **dict.fromkeys(("treatments:arrest~", "cues:arrest~", "cues:arrests~", "cues:arrested~"),
                    ("remove", f"{_T} (T74 'arrest pathology'); 'arrest' is also a harm (cardiac arrest)")),
    **dict.fromkeys(("treatments:healthspan~", "polarity:healthspan~"), ("remove", f"{_T} (T99)")),
    **dict.fromkeys(("treatments:viremia~", "treatments:viraemia~", "polarity:viremia~", "polarity:viraemia~"),
                    ("remove", f"{_T} (T72 'suppress viremia')")),
    "polarity:shedding~": ("remove", f"{_T} (T19 'viral shedding')"),
    "polarity:engraftment~": ("remove", f"{_T} (T56, T74)"),
    **dict.fromkeys(("cues:macaques~", "cues:monkeys~", "cues:primates~"),
                    ("remove", f"{_T} (T19, T56, T72: non-human primates)")),
    "cues:chemokine": ("remove", f"{_T} (T14, T65); in no other corpus"),
    "target_profile:antibody": ("remove", f"{_T}: the exception that made 'antibodies' name an intervention (T72)"),
    # candidates kept
    **dict.fromkeys(("cues:aside", "cues:inside", "cues:combine", "cues:underline", "cues:machine"),
                    ("keep", "general English word that ends like a drug name (_NOT_DRUGS)")),
    **dict.fromkeys(("cues:biased", "cues:coincides", "cues:corroborate", "cues:corroborates", "cues:debated",
                     "cues:detects", "cues:protects_against"),
                    ("keep", "general language: stance, negation or result verbs")),
    "cues:slowed~": ("keep", "general verb of a halted change"),
    "cues:mab": ("keep", "INN stem of monoclonal antibodies (-mab): drug morphology, not a word of one target"),
    "outcomes:find_outcomes": ("keep", "a name in __all__, not an entry"),
    **dict.fromkeys(("scan:starts", "scan:ends"), ("keep", "attribute names, not entries")),
    **dict.fromkeys(("sections:concerns_reported", "sections:insufficient_evidence"),
                    ("keep", "verdict labels of the contract, not entries")),
    **dict.fromkeys(("name_lists:erm~", "name_lists:synonym~"), ("keep", "the ontology file's syntax")),
    # (the lists of treatments are in treatment_names since the audited revision: the same verdicts there)
    **dict.fromkeys(("treatments:fats", "treatment_names:fats"),
                    ("keep", "a nutrient of the drug lexicon (_NOT_AGENTS): general")),
    **dict.fromkeys(("treatments:transplantations", "treatments:vaccinations", "treatment_names:transplantations",
                     "treatment_names:vaccinations"), ("keep", "inflection of a general treatment word")),
}


@dataclass
class Entry:
    word: str
    module: str
    regex: bool
    line: int
    targets: list[int] = field(default_factory=list)
    other: dict[str, int] = field(default_factory=dict)
    commits: list[str] = field(default_factory=list)

    @property
    def other_total(self) -> int:
        return sum(self.other.values())

    @property
    def candidate(self) -> bool:
        if not self.targets:
            return False
        return self.other_total == 0 or (len(self.targets) <= FEW_TARGETS and self.other_total <= FEW_OTHER)


def _docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _in_call(tree: ast.AST) -> dict[int, str]:
    """String constants that are arguments of a call, by the called name (to skip messages and format strings)."""
    called: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            for arg in ast.walk(node):
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    called.setdefault(id(arg), name)
    return called


def module_text(module: str, rev: str | None) -> str:
    """A module's source: as it is in the working tree, or at a git revision of this repository."""
    if rev is None:
        return (ROOT / module).read_text(encoding="utf-8")
    out = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{module}"], capture_output=True, text=True,
                         check=True)
    return out.stdout


def entries_of(source: str, module: str) -> list[Entry]:
    tree = ast.parse(source)
    docstrings = _docstring_nodes(tree)
    called = _in_call(tree)
    found: dict[tuple[str, bool], Entry] = {}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in docstrings:
            continue
        if called.get(id(node)) in ("ValueError", "TypeError", "print", "warn", "join", "getLogger"):
            continue
        text = node.value
        regex = _REGEX_MARKS.search(text) is not None
        if regex:
            words = _REGEX_WORD.findall(re.sub(r"\\[a-zA-Z]", " ", text))
        else:
            words = [w for w in text.split() if _LIST_ENTRY.match(w)]
            if len(words) > 1 and len(words) != len(text.split()):
                continue  # a sentence, not a list
        for word in words:
            found.setdefault((word, regex), Entry(word, module, regex, node.lineno))
    return list(found.values())


class Corpus:
    """Documents as sets of words, with a sorted vocabulary for prefix matching."""

    def __init__(self, docs: list[str]) -> None:
        self.size = len(docs)
        self.by_word: dict[str, set[int]] = defaultdict(set)
        for k, doc in enumerate(docs):
            for word in set(_WORD.findall(doc.lower())):
                self.by_word[word].add(k)
                if "-" in word:
                    for part in word.split("-"):
                        self.by_word[part].add(k)
        self.vocab = sorted(self.by_word)

    def docs(self, entry: Entry) -> set[int]:
        phrase = entry.word.replace("_", " ").split()
        sets = [self._docs_of(word, entry.regex) for word in phrase]
        return set.intersection(*sets) if sets else set()

    def _docs_of(self, word: str, prefix: bool) -> set[int]:
        if not prefix:
            return self.by_word.get(word, set())
        out: set[int] = set()
        k = bisect.bisect_left(self.vocab, word)
        while k < len(self.vocab) and self.vocab[k].startswith(word):
            out |= self.by_word[self.vocab[k]]
            k += 1
        return out


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_corpora(data: Path) -> tuple[list[int], Corpus, dict[str, Corpus]]:
    by_target: dict[int, list[str]] = defaultdict(list)
    for row in _rows(data / "brief_targets" / "statements.jsonl"):
        by_target[row["target"]].append(row["text"])
    target_ids = sorted(by_target)
    targets = Corpus([" ".join(by_target[t]) for t in target_ids])
    others = {
        "ade": Corpus([r["text"] for r in _rows(data / "ade" / "dev.jsonl")]),
        "evidence_inference": Corpus([r["text"] for r in _rows(data / "evidence_inference" / "dev.jsonl")]),
        "clinical_citation_stance": Corpus([r["text"] for r in _rows(data / "clinical_citation_stance" / "dev.jsonl")]),
        "ebm_nlp": Corpus(
            [" ".join(r["tokens"]) for r in _rows(data / "ebm_nlp" / "dev.jsonl")]
            + [" ".join(r["tokens"]) for r in _rows(data / "ebm_nlp" / "interventions.jsonl")]
        ),
    }
    return target_ids, targets, others


def git_commits(repo: Path, word: str, paths: list[str]) -> list[str]:
    out = subprocess.run(
        ["git", "-C", str(repo), "log", f"-S{word.replace('_', ' ') if ' ' in word else word}", "--oneline",
         "--", *paths],
        capture_output=True, text=True, check=False,
    )
    return [line[:140] for line in out.stdout.splitlines()]


def audit(data: Path, repo: Path | None, rev: str | None = None) -> list[Entry]:
    target_ids, targets, others = load_corpora(data)
    entries: list[Entry] = []
    for module in MODULES:
        entries.extend(entries_of(module_text(module, rev), module))
    for entry in entries:
        entry.targets = sorted(target_ids[k] for k in targets.docs(entry))
        entry.other = {name: len(corpus.docs(entry)) for name, corpus in others.items()}
    if repo is not None:
        for entry in entries:
            if entry.candidate or verdict(entry)[0] == "remove":
                entry.commits = git_commits(repo, entry.word, list(MODULES))
    return entries


def verdict(entry: Entry) -> tuple[str, str]:
    stem = Path(entry.module).stem
    for key in (f"{stem}:{entry.word}{'~' if entry.regex else ''}", f"{stem}:{entry.word}", entry.word):
        if key in VERDICTS:
            return VERDICTS[key]
    if not entry.targets:
        return "keep", "not in any dev target"
    if not entry.candidate:
        return "keep", f"in {len(entry.targets)} targets and {entry.other_total} documents of the other corpora"
    return "review", "candidate"


def markdown(entries: list[Entry]) -> str:
    lines = [
        "| word | module | regex | targets | ade | ev_inf | stance | ebm_nlp | verdict | why | commits (git log -S) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    shown = [e for e in entries if e.candidate or verdict(e)[0] == "remove" or 1 <= len(e.targets) <= FEW_TARGETS]
    for e in sorted(shown, key=lambda e: (e.module, verdict(e)[0] != "remove", e.word)):
        v, why = verdict(e)
        lines.append(
            f"| `{e.word}` | {Path(e.module).stem} | {'re' if e.regex else 'list'} | "
            f"{', '.join(map(str, e.targets))} | {e.other['ade']} | {e.other['evidence_inference']} | "
            f"{e.other['clinical_citation_stance']} | {e.other['ebm_nlp']} | {v} | {why} | "
            f"{'; '.join(c.replace('|', '/') for c in e.commits[-2:])} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", default=Path("/work/shared/data"), type=Path)
    parser.add_argument("--git", type=Path, default=None, help="a clone whose history to search (git log -S)")
    parser.add_argument("--rev", default=None, help="audit the modules as they were at this git revision")
    parser.add_argument("--markdown", action="store_true", help="print the candidates as a Markdown table")
    parser.add_argument("--json", action="store_true", help="print every entry as JSON Lines")
    args = parser.parse_args()
    entries = audit(args.data_dir, args.git, args.rev)
    if args.json:
        for e in entries:
            print(json.dumps({"word": e.word, "module": e.module, "regex": e.regex, "line": e.line,
                              "targets": e.targets, "other": e.other, "candidate": e.candidate,
                              "verdict": verdict(e), "commits": e.commits}))
        return
    if args.markdown:
        print(markdown(entries))
        return
    per_module: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for e in entries:
        counts = per_module[e.module]
        counts[0] += 1
        counts[1] += bool(e.targets)
        counts[2] += e.candidate
    for module, (total, in_targets, candidates) in per_module.items():
        print(f"{module}: {total} entries, {in_targets} in a dev target, {candidates} candidates")


if __name__ == "__main__":
    main()
