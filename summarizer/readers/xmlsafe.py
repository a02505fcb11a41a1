"""Parsing XML that came from anywhere: no entity is expanded, no DTD loaded, nothing fetched.

Articles are parsed with lxml's parser set to resolve no entities, load no DTD, reach no network and keep its
default limits on tree size (huge_tree off). The public DOCTYPE every real JATS file names is read past and never
fetched. A document whose own DOCTYPE declares entities (a billion-laughs or quadratic blow-up file, an external
entity that names a file or a URL) is refused as an input error before anything is read from its body; so is XML
that is not well formed (a truncated file). Named entities left unresolved (`&nbsp;` from a DTD that is not
loaded) are read as the character HTML gives them, or as nothing.
"""

from __future__ import annotations

import html.entities
import re

from lxml import etree

from summarizer.errors import InputError

_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.DOTALL)
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(text: str, name: str) -> etree._Element:
    """The root element of an XML document given as text; InputError for unsafe or broken XML."""
    data = _DECLARATION.sub("", text, count=1).encode("utf-8")
    # the internal subset ends before the root element: look for entity declarations only there
    head = data[: data.find(b"]>") + 2] if b"<!DOCTYPE" in data[:4096] and b"[" in data[:4096] else b""
    if head and _ENTITY_DECLARATION.search(head):
        raise InputError(f"{name}: the XML declares its own entities (<!ENTITY ...>); refused, never expanded")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        message = str(exc).splitlines()[0][:200] if str(exc) else "syntax error"
        raise InputError(f"{name}: not well-formed XML ({message})") from None
    docinfo = root.getroottree().docinfo
    internal = docinfo.internalDTD
    if internal is not None and any(True for _ in internal.iterentities()):
        raise InputError(f"{name}: the XML declares its own entities (<!ENTITY ...>); refused, never expanded")
    return root


def entity_text(node: etree._Entity) -> str:
    """The text of an unresolved named entity (`&nbsp;`), as HTML defines it; empty when unknown."""
    code = html.entities.name2codepoint.get(str(node.name))
    return chr(code) if code is not None else ""


def local_name(element: etree._Element) -> str:
    """An element's tag without its namespace; empty for comments, processing instructions and entities."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


_PROLOGUE = re.compile(
    r"\A\s*(?:<\?xml[^>]{0,500}\?>\s*)?(?:(?:<!--.{0,5000}?-->|<\?[^>]{0,500}\?>)\s*)*"
    r"(?:<!DOCTYPE[^>\[]{0,2000}(?:\[.{0,100000}?\])?\s*>\s*)?(?:(?:<!--.{0,5000}?-->|<\?[^>]{0,500}\?>)\s*)*"
    r"<([A-Za-z_][\w.:-]{0,100})",
    re.DOTALL,
)


def root_name(text: str) -> str | None:
    """The local name of an XML document's root element, read from its start; None when it is no XML."""
    match = _PROLOGUE.match(text[:200000])
    if match is None:
        return None
    return match.group(1).rpartition(":")[2]
