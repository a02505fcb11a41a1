"""Reader for full-text articles in JATS XML (PubMed Central, Europe PMC, publishers' own JATS).

The article's reference list gives each entry's identifiers wherever it prints them (`pub-id`, `object-id`,
`ext-link` links and their text, a `<comment>doi: …</comment>`, a DOI or PMID in the citation's own text); its
text (abstract, body, back matter, captions, table cells) gives every `<xref ref-type="bibr">` with the reference
ids its `rid` names. Sub-articles (decision letters, author responses, translations) and the reference list itself
are no statements. What is a statement, and of which target, is citing_sentences' work.
"""

from __future__ import annotations

import re

from lxml import etree

from summarizer.models import Citing
from summarizer.readers.base import ReaderSpec
from summarizer.readers.common import clean
from summarizer.readers.fulltext import Article, Block, Reference, SegmentBuilder, read_without_target
from summarizer.readers.target_identity import normalise_title
from summarizer.readers.xmlsafe import entity_text, local_name, parse_xml, root_name

_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_SKIPPED = frozenset({"sub-article", "response", "ref-list", "ref", "permissions", "license", "funding-group"})
_CITATIONS = frozenset({"element-citation", "mixed-citation", "citation", "nlm-citation"})
# inside a paragraph these are blocks of their own: the paragraph's text stops before them and goes on after
_NESTED_BLOCKS = frozenset(
    {
        "fig",
        "fig-group",
        "table-wrap",
        "table-wrap-group",
        "list",
        "disp-quote",
        "boxed-text",
        "def-list",
        "p",
        "statement",
        "supplementary-material",
        "speech",
        "verse-group",
        "table",
    }
)
_BLOCKS = frozenset({"p", "td", "th", "def", "attrib", "title"})
_CAPTIONED = {"fig": "Figure", "table-wrap": "Table", "boxed-text": "Box", "supplementary-material": "Supplement"}
_PMID_TEXT = re.compile(r"\bPMID:?\s*(\d{1,9})\b", re.IGNORECASE)
_PMCID_TEXT = re.compile(r"\bPMC(\d{4,9})\b")
_YEAR = re.compile(r"\b(1[5-9]\d\d|2[0-2]\d\d)\b")
# editorial notices a JATS article gives of itself through related-article links
_RELATED_NOTICES = {
    "retraction-forward": "Retracted",
    "retracted-by": "Retracted",
    "withdrawal-forward": "Withdrawn",
    "expression-of-concern-forward": "Has expression of concern",
    "concern-forward": "Has expression of concern",
    "correction-forward": "Has correction",
    "corrected-by": "Has correction",
    "erratum-forward": "Has erratum",
}
_ARTICLE_TYPE_NOTICES = {"retracted-article": "Retracted", "withdrawn-article": "Withdrawn"}


def _text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return clean("".join(element.itertext()))


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if local_name(child) == name]


def _first(element: etree._Element | None, *path: str) -> etree._Element | None:
    """The first descendant along a path of local names (each step: the first child of that name)."""
    current = element
    for name in path:
        if current is None:
            return None
        current = next((child for child in current if local_name(child) == name), None)
    return current


def _descendants(element: etree._Element, name: str, skip: frozenset[str] = frozenset()) -> list[etree._Element]:
    """Descendants of a local name, not looking inside elements named in skip."""
    found: list[etree._Element] = []
    stack = list(reversed(list(element)))
    while stack:
        node = stack.pop()
        node_name = local_name(node)
        if node_name == name:
            found.append(node)
        if node_name in skip:
            continue
        stack.extend(reversed(list(node)))
    return found


def _main_article(root: etree._Element) -> etree._Element:
    if local_name(root) == "article":
        return root
    article = next(iter(_descendants(root, "article")), None)
    if article is None:
        raise ValueError("no <article> element")
    return article


def _year_of(element: etree._Element) -> int | None:
    for year in _descendants(element, "year"):
        match = _YEAR.search(_text(year))
        if match:
            return int(match.group())
    return None


def _reference(ref: etree._Element, number: int) -> Reference:
    entry = Reference(key=ref.get("id") or f"ref{number}", number=number, label=_text(_first(ref, "label")) or None)
    citations = [node for node in ref.iter() if local_name(node) in _CITATIONS] or [ref]
    for citation in citations:
        for node in citation.iter():
            name = local_name(node)
            if name in ("pub-id", "object-id"):
                kind = (node.get("pub-id-type") or "").lower()
                value = _text(node)
                if kind == "doi":
                    entry.add_doi(value)
                elif kind == "pmid":
                    entry.add_pmid(value)
                elif kind in ("pmcid", "pmc"):
                    entry.add_pmcid(value)
            elif name in ("ext-link", "uri"):
                # a link's printed text is what the authors wrote; its href is used when the text gives no DOI
                shown = _text(node)
                if shown and "10." in shown:
                    entry.add_doi(shown)
                else:
                    entry.add_link(node.get(_XLINK_HREF) or shown)
        printed = _text(citation)
        separated = " ".join(citation.itertext())  # "10.1/x" and a PMID in elements side by side stay apart
        for match in re.finditer(r"\b10\.\d{4,9}/\S+", separated):
            entry.add_doi(match.group())
        for match in _PMID_TEXT.finditer(separated):
            entry.add_pmid(match.group(1))
        for match in _PMCID_TEXT.finditer(printed):
            entry.add_pmcid(match.group(1))
        if entry.title is None:
            for kind in ("article-title", "chapter-title", "source"):
                entry.title = _normal_title(_first(citation, kind))
                if entry.title is not None:
                    break
        if entry.year is None:
            entry.year = _year_of(citation)
        entry.text = (entry.text + " " + printed).strip()
    return entry


def _normal_title(element: etree._Element | None) -> str | None:
    return normalise_title(_text(element)) if element is not None else None


def _references(article: etree._Element) -> list[Reference]:
    refs: list[Reference] = []
    for back in _children(article, "back"):
        for ref_list in _descendants(back, "ref-list", skip=frozenset({"sub-article", "response"})):
            for ref in _children(ref_list, "ref"):
                refs.append(_reference(ref, len(refs) + 1))
    return refs


class _Walker:
    """Walks the article's text, turning each block into segments with the in-text citations' spans."""

    def __init__(self, keys: set[str]) -> None:
        self.keys = keys
        self.blocks: list[Block] = []

    def walk(self, element: etree._Element, section: str | None) -> None:
        name = local_name(element)
        if name in _SKIPPED or not name:
            return
        if name in ("sec", "app", "ack", "abstract", "trans-abstract", "notes", "glossary", "bio", "fn-group"):
            title = _first(element, "title")
            if title is not None and _text(title):
                section = _text(title)
            elif name in ("abstract", "trans-abstract"):
                section = "Abstract"
            elif name == "ack":
                section = "Acknowledgements"
        if name in _CAPTIONED or name == "fig-group":
            self._captioned(element, name, section)
            return
        if name in _BLOCKS:
            self.block(element, section)
            return
        for child in element:
            self.walk(child, section)

    def _captioned(self, element: etree._Element, name: str, section: str | None) -> None:
        label = _text(_first(element, "label")).rstrip(".:") or _CAPTIONED.get(name, "Figure")
        for child in element:
            child_name = local_name(child)
            if child_name == "caption":
                for part in child:
                    self.walk(part, f"{label} caption")
            elif child_name not in ("label", "object-id", "graphic"):
                self.walk(child, label)

    def block(self, element: etree._Element, section: str | None) -> None:
        block = Block(section, [])
        self.blocks.append(block)  # before the blocks inside it, in reading order
        builder = SegmentBuilder()
        builder.text(element.text)
        for child in element:
            self._inline(child, builder, section)
            builder.text(child.tail)
        builder.close()
        block.segments = builder.segments

    def _inline(self, node: etree._Element, builder: SegmentBuilder, section: str | None) -> None:
        if isinstance(node, etree._Entity):
            builder.text(entity_text(node))
            return
        name = local_name(node)
        if not name:
            return
        if name == "xref":
            rids = (node.get("rid") or "").split()
            kind = node.get("ref-type")
            if kind == "bibr" or (kind is None and rids and all(r in self.keys for r in rids)):
                builder.cite("".join(node.itertext()), [r for r in rids if r in self.keys] or rids)
                return
        if name in _CAPTIONED or name in ("fig-group", "table-wrap-group"):
            self.walk(node, section)  # a float: read apart, and the sentence around it goes on
            return
        if name in _NESTED_BLOCKS:
            builder.close()
            self.walk(node, section)
            return
        if name in _SKIPPED:
            return
        builder.text(node.text)
        for child in node:
            self._inline(child, builder, section)
            builder.text(child.tail)


def _notices(article: etree._Element, meta: etree._Element | None) -> tuple[bool | None, list[str]]:
    notices: list[str] = []
    article_type = (article.get("article-type") or "").lower()
    if article_type in _ARTICLE_TYPE_NOTICES:
        notices.append(_ARTICLE_TYPE_NOTICES[article_type])
    for related in _descendants(meta, "related-article") if meta is not None else []:
        notice = _RELATED_NOTICES.get((related.get("related-article-type") or "").lower())
        if notice and notice not in notices:
            notices.append(notice)
    retracted = True if {"Retracted", "Withdrawn"} & set(notices) else None
    return retracted, notices


def _citing(article: etree._Element) -> tuple[Citing, str | None]:
    front = _first(article, "front")
    meta = _first(front, "article-meta")
    doi = None
    pmcid = None
    for article_id in _children(meta, "article-id") if meta is not None else []:
        kind = (article_id.get("pub-id-type") or "").lower()
        if kind == "doi" and doi is None:
            doi = _text(article_id).lower() or None
        elif kind in ("pmc", "pmcid") and pmcid is None:
            digits = re.sub(r"\D", "", _text(article_id))
            pmcid = str(int(digits)) if digits else None
    title = _text(_first(meta, "title-group", "article-title")) or None
    year = None
    if meta is not None:
        dates = _children(meta, "pub-date")
        dates.sort(key=lambda d: 0 if (d.get("pub-type") or d.get("date-type") or "") in ("epub", "pub") else 1)
        for date in dates:
            year = _year_of(date)
            if year:
                break
    journal_meta = _first(front, "journal-meta")
    journal = None
    if journal_meta is not None:
        titles = _descendants(journal_meta, "journal-title")
        journal = _text(titles[0]) if titles else None
    retracted, notices = _notices(article, meta)
    citing = Citing(
        doi=doi, title=title, year=year, journal=journal or None, retracted=retracted, editorial_notices=notices
    )
    return citing, pmcid


def parse_jats(text: str, name: str) -> Article:
    """One JATS document as an Article: its metadata, reference list and text blocks."""
    root = parse_xml(text, name)
    article = _main_article(root)
    references = _references(article)
    walker = _Walker({ref.key for ref in references})
    front = _first(article, "front")
    meta = _first(front, "article-meta")
    if meta is not None:
        for child in meta:
            if local_name(child) in ("abstract", "trans-abstract"):
                walker.walk(child, "Abstract")
    for part in ("body", "back"):
        element = _first(article, part)
        if element is not None:
            walker.walk(element, None)
    citing, pmcid = _citing(article)
    warnings = [] if references else ["the article has no reference list"]
    blocks = [block for block in walker.blocks if block.segments]
    return Article(name, "jats", citing, references, blocks, pmcid=pmcid, warnings=warnings)


def looks_like_jats(text: str) -> bool:
    """An XML document whose root element is a JATS <article> (or a PMC <pmc-articleset>)."""
    return root_name(text) in ("article", "pmc-articleset")


SPEC = ReaderSpec(
    "jats",
    "full-text article in JATS XML (PubMed Central, Europe PMC); needs --target",
    read_without_target,
    detection_rank=5,
    recognise_text=looks_like_jats,
    parse_article=parse_jats,
)
