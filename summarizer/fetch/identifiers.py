"""Paper identifiers as users type them: a DOI, PMID:…, PMCID:… or a Semantic Scholar id."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote, unquote

from summarizer.errors import InputError

IdKind = Literal["doi", "pmid", "pmcid", "s2", "corpus"]

_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")
_PMID = re.compile(r"^pmid:\s*(\d{1,9})$", re.IGNORECASE)
_PMCID = re.compile(r"^pmcid:\s*(?:pmc)?(\d{1,9})$", re.IGNORECASE)
_CORPUS = re.compile(r"^corpusid:\s*(\d{1,12})$", re.IGNORECASE)
_S2_SHA = re.compile(r"^[0-9a-f]{40}$", re.IGNORECASE)
_FILE_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
MAX_ID_CHARS = 300


_NUMBERED: tuple[tuple[re.Pattern[str], IdKind], ...] = ((_PMID, "pmid"), (_PMCID, "pmcid"), (_CORPUS, "corpus"))


@dataclass(frozen=True)
class PaperId:
    """One paper, by the kind of identifier the user gave and its normalised value."""

    kind: IdKind
    value: str

    def __str__(self) -> str:
        return {
            "doi": self.value,
            "pmid": f"PMID:{self.value}",
            "pmcid": f"PMCID:PMC{self.value}",
            "s2": self.value,
            "corpus": f"CorpusId:{self.value}",
        }[self.kind]

    @property
    def doi(self) -> str | None:
        """The DOI, when the identifier is one."""
        return self.value if self.kind == "doi" else None

    def s2_path(self) -> str:
        """The id as the Semantic Scholar Graph API takes it in a path (`DOI:10.…`, `PMID:…`, a sha, …)."""
        prefix = {"doi": "DOI:", "pmid": "PMID:", "pmcid": "PMCID:", "s2": "", "corpus": "CorpusId:"}[self.kind]
        return quote(prefix + self.value, safe=":/()")

    def file_stem(self) -> str:
        """A file name for this paper's outputs: the id with every character a file system may refuse escaped."""
        text = str(self).replace("/", "_").replace(":", "_")
        stem = _FILE_UNSAFE.sub(lambda m: "%" + "".join(f"{b:02X}" for b in m.group().encode("utf-8")), text)
        return stem.lstrip(".") or "paper"


def parse_paper_id(text: str) -> PaperId:
    """Read an identifier: `10.…`, `doi:10.…` or a doi.org URL; `PMID:…`; `PMCID:…`; a Semantic Scholar id."""
    raw = text.strip()
    if not raw:
        raise InputError("empty paper id")
    if len(raw) > MAX_ID_CHARS:
        raise InputError(f"paper id too long ({len(raw)} characters)")
    lowered = raw.lower()
    for prefix in _DOI_PREFIXES:
        if lowered.startswith(prefix):
            raw = unquote(raw[len(prefix) :]).strip()
            lowered = raw.lower()
            break
    if _DOI.match(raw):
        return PaperId("doi", lowered)  # DOIs are case-insensitive
    for pattern, kind in _NUMBERED:
        match = pattern.match(raw)
        if match:
            return PaperId(kind, str(int(match.group(1))))
    if _S2_SHA.match(raw):
        return PaperId("s2", lowered)
    raise InputError(
        f"not a paper id: {text.strip()[:80]!r} (expected a DOI such as 10.1000/xyz, PMID:123, PMCID:PMC123, "
        "CorpusId:123 or a 40-character Semantic Scholar id)"
    )
