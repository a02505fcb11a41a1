"""Reader for GROBID's TEI XML: the full text GROBID reads out of a PDF.

The bibliography is `<listBibl>` of `<biblStruct xml:id="bN">` (with `idno type="DOI"`/`PMID`/`PMCID`, analytic and
monograph titles and an imprint date); in-text citations are `<ref type="bibr" target="#bN">` in the paragraphs of
`<div>`s headed by the section title; figures and tables carry `<head>`/`<label>` and a `<figDesc>`. The citing
article's own title, DOI, date and journal come from the teiHeader.
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

_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_YEAR = re.compile(r"\b(1[5-9]\d\d|2[0-2]\d\d)\b")
_BLOCKS = frozenset({"p", "cell", "figDesc", "item"})
_NESTED = frozenset({"figure", "table", "list", "p", "note", "formula"})
_SKIPPED = frozenset({"listBibl", "biblStruct", "teiHeader", "facsimile"})


def _text(element: etree._Element | None) -> str:
    return clean("".join(element.itertext())) if element is not None else ""


def _all(element: etree._Element | None, name: str) -> list[etree._Element]:
    if element is None:
        return []
    return [node for node in element.iter() if local_name(node) == name]


def _first(element: etree._Element | None, name: str, **attributes: str) -> etree._Element | None:
    for node in _all(element, name):
        if all((node.get(key) or "").lower() == value for key, value in attributes.items()):
            return node
    return None


def _year(element: etree._Element | None) -> int | None:
    for date in _all(element, "date"):
        match = _YEAR.search(date.get("when") or _text(date))
        if match:
            return int(match.group())
    return None


def _reference(bibl: etree._Element, number: int) -> Reference:
    entry = Reference(key=bibl.get(_XML_ID) or f"b{number - 1}", number=number)
    for idno in _all(bibl, "idno"):
        kind = (idno.get("type") or "").lower()
        value = _text(idno)
        if kind == "doi":
            entry.add_doi(value)
        elif kind == "pmid":
            entry.add_pmid(value)
        elif kind in ("pmcid", "pmc"):
            entry.add_pmcid(value)
    for ptr in _all(bibl, "ptr"):
        entry.add_link(ptr.get("target"))
    for level in ("a", "m", "j"):
        entry.title = normalise_title(_text(_first(bibl, "title", level=level)))
        if entry.title is not None:
            break
    entry.year = _year(bibl)
    entry.text = _text(bibl)
    return entry


class _Walker:
    def __init__(self, keys: set[str]) -> None:
        self.keys = keys
        self.blocks: list[Block] = []

    def walk(self, element: etree._Element, section: str | None) -> None:
        name = local_name(element)
        if not name or name in _SKIPPED or (name == "div" and element.get("type") == "references"):
            return
        if name == "div":
            head = next((c for c in element if local_name(c) == "head"), None)
            if head is not None and _text(head):
                section = _text(head)
        if name == "figure":
            label = _text(next((c for c in element if local_name(c) == "head"), None))
            label = label or ("Table" if element.get("type") == "table" else "Figure")
            for child in element:
                if local_name(child) == "figDesc":
                    self.block(child, f"{label} caption")
                elif local_name(child) not in ("head", "label", "graphic"):
                    self.walk(child, label)
            return
        if name in _BLOCKS:
            self.block(element, section)
            return
        if name == "head":
            return
        for child in element:
            self.walk(child, section)

    def block(self, element: etree._Element, section: str | None) -> None:
        builder = SegmentBuilder()
        builder.text(element.text)
        for child in element:
            self._inline(child, builder, section)
            builder.text(child.tail)
        builder.close()
        if builder.segments:
            self.blocks.append(Block(section, builder.segments))

    def _inline(self, node: etree._Element, builder: SegmentBuilder, section: str | None) -> None:
        if isinstance(node, etree._Entity):
            builder.text(entity_text(node))
            return
        name = local_name(node)
        if not name:
            return
        if name == "ref" and node.get("type") == "bibr":
            keys = [t.lstrip("#") for t in (node.get("target") or "").split()]
            builder.cite("".join(node.itertext()), [k for k in keys if k in self.keys])
            return
        if name in _NESTED:
            builder.close()
            self.walk(node, section)
            return
        builder.text(node.text)
        for child in node:
            self._inline(child, builder, section)
            builder.text(child.tail)


def _citing(root: etree._Element) -> Citing:
    header = next((c for c in root if local_name(c) == "teiHeader"), None)
    source = _first(header, "sourceDesc")
    title = _text(_first(header, "title", type="main")) or _text(_first(header, "title")) or None
    doi_element = _first(source, "idno", type="doi")
    journal = _text(_first(source, "title", level="j")) or None
    year = _year(_first(header, "publicationStmt")) or _year(source)
    return Citing(doi=_text(doi_element).lower() or None, title=title, year=year, journal=journal)


def parse_tei(text: str, name: str) -> Article:
    """One GROBID TEI document as an Article."""
    root = parse_xml(text, name)
    references: list[Reference] = []
    for bibl in _all(root, "listBibl"):
        for entry in bibl:
            if local_name(entry) == "biblStruct":
                references.append(_reference(entry, len(references) + 1))
    walker = _Walker({ref.key for ref in references})
    header = next((c for c in root if local_name(c) == "teiHeader"), None)
    for abstract in _all(header, "abstract"):
        for child in abstract:
            walker.walk(child, "Abstract")
    for body in _all(root, "text"):
        for child in body:
            walker.walk(child, None)
    warnings = [] if references else ["the document has no bibliography"]
    return Article(name, "tei", _citing(root), references, walker.blocks, warnings=warnings)


def looks_like_tei(text: str) -> bool:
    """An XML document whose root element is TEI (GROBID's output)."""
    return root_name(text) in ("TEI", "teiCorpus")


SPEC = ReaderSpec(
    "tei",
    "full-text article in GROBID TEI XML (a PDF read by GROBID); needs --target",
    read_without_target,
    detection_rank=6,
    recognise_text=looks_like_tei,
    parse_article=parse_tei,
)
