"""Reader for the text of a scite.ai report page as a person copies it from the browser."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.models import ReportedTallies, Source, StatementType, Target
from summarizer.readers.base import ReaderSpec
from summarizer.readers.common import StatementMaker, clean_doi, parse_count

_CLASSIFICATIONS: dict[str, StatementType] = {
    "supporting": "supporting",
    "mentioning": "mentioning",
    "contrasting": "contrasting",
    "contradicting": "contrasting",
    "disputing": "contrasting",
}
_CLASS_ALTERNATION = "|".join(_CLASSIFICATIONS)

# Every pattern here runs in linear time on any input: whitespace runs are never split between two quantifiers
# (":" separates them, or [ \t] stands in for \s where a pattern must not run across lines), and the patterns
# searched for anywhere in the text have bounded repeats.
_YEAR = re.compile(r"^(1[5-9]\d\d|2\d\d\d)\b")
_DOI_LINE = re.compile(r"^DOI(?::[ \t]*|[ \t]+)(\S+)", re.IGNORECASE)
_ABSTRACT_LINE = re.compile(r"^Abstract(?:[ \t]*:|[ \t]*$)", re.IGNORECASE)
_CITED_BY = re.compile(r"Cited by[ \t]{1,8}([\d,]{1,15})[ \t]{1,8}publications?", re.IGNORECASE)
_STATEMENT_COUNT = re.compile(r"\(?[ \t]{0,8}([\d,]{1,15})[ \t]{1,8}citation statements?[ \t]{0,8}\)?", re.IGNORECASE)
_REFERENCES = re.compile(r"^References[ \t]+[\d,]{1,15}[ \t]+publications?$", re.IGNORECASE)
_SECTION = re.compile(r"^Section[ \t]*:(.*)$", re.IGNORECASE)
_CLASS_ONLY = re.compile(rf"^({_CLASS_ALTERNATION})$", re.IGNORECASE)
_CONFIDENCE = re.compile(r"^confidence(?:[ \t]*:[ \t]*|[ \t]*)(\d{1,6}(?:\.\d{1,12})?)[ \t]*(%?)$", re.IGNORECASE)
_SEE_MORE = re.compile(r"^See[ \t]+([\d,]{1,15})[ \t]+more[ \t]+Smart[ \t]+Citations?$", re.IGNORECASE)
_NUMBER = re.compile(r"^[\d,]+$")
_TYPE_LABEL = re.compile(rf"^({_CLASS_ALTERNATION})(?:[ \t]*:[ \t]*|[ \t]*)([\d,]{{1,15}})?$", re.IGNORECASE)
_SHOW_MORE = "show more"

# Lines of the page's furniture that are never a title or a statement.
_CHROME_PREFIXES = ("|", "sign up to", "view full text", "view published", "help me understand", "order by")
_CHROME_LINES = {
    "cite",
    "preprint",
    "journal article",
    "article",
    "review",
    "book",
    "book chapter",
    "dataset",
    "proceedings article",
    "posted content",
    "dissertation",
    "report",
    "citations",
    "references",
    "select...",
    "search citation statements",
    "paper sections",
    "citation types",
    "year published",
    "publication types",
    "relationship",
    "authors",
    "journals",
}
_END_OF_HEADER = ("help me understand this report", "search citation statements", "citation types")
_OPEN_QUOTES = "“\"„«"
_CLOSE_QUOTES = "”\"“»"

# Detection: the page's own wording, which ordinary prose does not use.
_PAGE_SIGNS = (
    re.compile(r"^[ \t]*Section[ \t]*:[ \t]*\S", re.IGNORECASE | re.MULTILINE),
    re.compile(r"^[ \t]*confidence[ \t]*:[ \t]*\d{1,6}(?:\.\d{1,12})?[ \t]*%[ \t]*$", re.IGNORECASE | re.MULTILINE),
    _CITED_BY,
    re.compile(r"\([ \t]{0,8}[\d,]{1,15}[ \t]{1,8}citation statements?[ \t]{0,8}\)", re.IGNORECASE),
    re.compile(r"^[ \t]*See[ \t]+\d{1,15}[ \t]+more[ \t]+Smart[ \t]+Citations?[ \t]*$", re.IGNORECASE | re.MULTILINE),
)


def looks_like_scite_page(text: str) -> bool:
    """Tell whether the text carries a scite report page's wording."""
    return any(sign.search(text) for sign in _PAGE_SIGNS)


@dataclass
class _RawStatement:
    """A statement as the page shows it, before "See N more" merging."""

    text: str
    section: str | None = None
    statement_type: StatementType | None = None
    confidence: float | None = None
    see_more: int = 0  # the "See N more" count announced just before this statement


def _is_chrome(line: str) -> bool:
    lowered = line.lower()
    return (
        lowered in _CHROME_LINES
        or lowered.startswith(_CHROME_PREFIXES)
        or bool(_NUMBER.match(line))
        or bool(_REFERENCES.match(line))
        or bool(_CITED_BY.match(line))
        or bool(_STATEMENT_COUNT.fullmatch(line))
    )


def _strip_marks(text: str) -> str:
    """Drop the quote marks and the leading and trailing ellipses the page wraps a statement in."""
    text = text.strip()
    if text and text[0] in _OPEN_QUOTES:
        text = text[1:]
    if text and text[-1] in _CLOSE_QUOTES:
        text = text[:-1]
    # move two ends inward instead of slicing per mark, so a run of ellipses costs linear time
    start, end = 0, len(text)
    moved = True
    while moved and start < end:
        moved = False
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        for mark in ("…", "..."):
            if text.startswith(mark, start, end):
                start += len(mark)
                moved = True
            if end - len(mark) >= start and text.endswith(mark, start, end):
                end -= len(mark)
                moved = True
    return text[start:end].strip()


def _without_show_more(text: str) -> str:
    """Drop the page's trailing "… Show more" from a clipped abstract."""
    text = text.rstrip()
    if text.lower().endswith(_SHOW_MORE):
        text = text[: -len(_SHOW_MORE)].rstrip()
        for mark in ("…", "..."):
            if text.endswith(mark):
                text = text[: -len(mark)].rstrip()
                break
    return text.strip()


def _section_value(value: str) -> tuple[str | None, StatementType | None]:
    """Split "Discussion supporting" into the section and the classification written after it."""
    value = value.strip()
    lowered = value.lower()
    for word, statement_type in _CLASSIFICATIONS.items():
        if lowered.endswith(word):  # "Discussion supporting", or run together when copied: "Discussionsupporting"
            return value[: -len(word)].strip() or None, statement_type
    return value or None, None


def _read_header(lines: list[str]) -> Target:
    """Read year, DOI, title and abstract from the lines before the statements."""
    year: int | None = None
    doi: str | None = None
    abstract: str | None = None
    first = next((line for line in lines if line), "")
    year_match = _YEAR.match(first)
    if year_match:
        year = int(year_match.group(1))
    doi_index = -1
    abstract_index = -1
    end_index = len(lines)
    for index, line in enumerate(lines):
        if not line:
            continue
        lowered = line.lower()
        if doi_index < 0 and (match := _DOI_LINE.match(line)):
            doi = clean_doi(match.group(1))
            doi_index = index
        elif abstract_index < 0 and (match := _ABSTRACT_LINE.match(line)):
            abstract_index = index
            parts = [line[match.end() :].strip()]
            for following in lines[index + 1 :]:  # once per page: the first Abstract line
                if not following or following.lower().startswith(_END_OF_HEADER):
                    break
                parts.append(following)
            abstract = _without_show_more("\n".join(parts)) or None
        elif (
            lowered.startswith(_END_OF_HEADER)
            or _CITED_BY.match(line)
            or (line != "" and line[0] in _OPEN_QUOTES)
            or _SECTION.match(line)
            or _CONFIDENCE.match(line)
        ):
            end_index = index
            break
    start = doi_index + 1 if doi_index >= 0 else (1 if year_match else 0)
    candidates = [
        line
        for line in lines[start : abstract_index if abstract_index >= 0 else end_index]
        if line and not _is_chrome(line) and not _YEAR.fullmatch(line)
    ]
    title = None
    if candidates:
        title = candidates[-1] if abstract_index >= 0 else candidates[0]
    return Target(doi=doi, title=title, year=year, abstract=abstract)


def _read_type_counts(lines: list[str], start: int) -> dict[str, int] | None:
    """Read the supporting, mentioning, contrasting counts listed after lines[start]."""
    numbers: list[int] = []
    labelled: dict[str, int] = {}
    pending_label: str | None = None
    for position in range(start + 1, len(lines)):  # no copy or skip: "citation types" may repeat on every line
        line = lines[position]
        if not line:
            continue
        if _NUMBER.match(line):
            count = parse_count(line)
            if count is None:
                break
            if pending_label:
                labelled[pending_label] = count
                pending_label = None
            else:
                numbers.append(count)
        elif match := _TYPE_LABEL.match(line):
            label = _CLASSIFICATIONS[match.group(1).lower()]
            if match.group(2):
                count = parse_count(match.group(2))
                if count is None:
                    break
                labelled[label] = count
            else:
                pending_label = label
        else:
            break
        if len(numbers) == 3 or len(labelled) == 3:
            break
    if len(labelled) == 3:
        return labelled
    if len(numbers) == 3:
        return dict(zip(("supporting", "mentioning", "contrasting"), numbers, strict=True))
    return None


def _read_tallies(text: str, lines: list[str]) -> ReportedTallies:
    """Read the page's own counts of publications, statements and citation types."""
    tallies = ReportedTallies()
    cited_by = _CITED_BY.search(text)
    if cited_by:
        tallies.publications = parse_count(cited_by.group(1))
        after = text[cited_by.end() : cited_by.end() + 80]
        count = _STATEMENT_COUNT.search(after)
        if count and count.start() < 40:
            tallies.statements = parse_count(count.group(1))
    counts = None
    for index, line in enumerate(lines):
        if line.lower() == "citation types":
            counts = _read_type_counts(lines, index)
            if counts:
                break
    if counts is None:
        for index, line in enumerate(lines):
            if _REFERENCES.match(line):
                counts = _read_type_counts(lines, index)
                if counts:
                    break
    if counts:
        tallies.supporting = counts.get("supporting")
        tallies.mentioning = counts.get("mentioning")
        tallies.contrasting = counts.get("contrasting")
    return tallies


def _statement_lines(lines: list[str]) -> list[str]:
    """Return the lines after the "Cited by" tally, or all lines when the page has none."""
    for index, line in enumerate(lines):
        if _CITED_BY.search(line):
            return lines[index + 1 :]
    return lines


def _read_raw_statements(lines: list[str]) -> list[_RawStatement]:
    """Pair each statement's text with the Section, classification and confidence lines after it."""
    raws: list[_RawStatement] = []
    current: _RawStatement | None = None
    candidate: str | None = None  # an unquoted line that becomes a statement if metadata follows
    quoted: list[str] | None = None  # lines of a quoted statement whose closing mark is still to come
    see_more = 0

    def start(text: str) -> None:
        nonlocal current, see_more, candidate
        current = _RawStatement(text=_strip_marks(text), see_more=see_more)
        raws.append(current)
        see_more = 0
        candidate = None

    for line in lines:
        if line:
            section, class_only = _SECTION.match(line), _CLASS_ONLY.match(line)
            confidence, see = _CONFIDENCE.match(line), _SEE_MORE.match(line)
        else:
            section = class_only = confidence = see = None
        describes = bool(section or class_only or confidence)
        is_metadata = describes or bool(see)
        if quoted is not None:
            if not is_metadata:
                quoted.append(line)
                if len(line) > 1 and line[-1] in _CLOSE_QUOTES:
                    start("\n".join(quoted).strip())
                    quoted = None
                continue
            start("\n".join(quoted).strip())
            quoted = None
        if not line:
            continue
        if describes and candidate is not None:
            start(candidate)
        if section:
            section_name, section_type = _section_value(section.group(1))
            if current is not None:
                if current.section is None:
                    current.section = section_name
                if section_type is not None and current.statement_type is None:
                    current.statement_type = section_type
        elif class_only:
            if current is not None and current.statement_type is None:
                current.statement_type = _CLASSIFICATIONS[class_only.group(1).lower()]
        elif confidence:
            if current is not None and current.confidence is None:
                number = float(confidence.group(1))
                if confidence.group(2) or number > 1:
                    number /= 100
                if 0 <= number <= 1:
                    current.confidence = round(number, 6)
        elif see:
            see_more = parse_count(see.group(1)) or 0
        elif line[0] in _OPEN_QUOTES:
            if len(line) > 1 and line[-1] in _CLOSE_QUOTES:
                start(line)
            else:
                quoted = [line]
            candidate = None
        elif _is_chrome(line):
            candidate = None
        else:
            candidate = line
    if quoted is not None:
        start("\n".join(quoted).strip())
    return raws


def _words(text: str) -> str:
    return " ".join(text.split())


def read_scite_page(text: str, name: str) -> Source:
    """Read a copied scite report page: header, tallies and the statements shown."""
    lines = [line.strip() for line in text.splitlines()]
    target = _read_header(lines)
    target.reported_tallies = _read_tallies(text, lines)
    maker = StatementMaker(name)
    anchor_index: int | None = None  # the statement shown before "See N more"
    anchor_words = ""  # its text with whitespace normalised, computed once however often it repeats
    budget = 0
    position = 0
    for raw in _read_raw_statements(_statement_lines(lines)):
        position += 1
        if not raw.text:
            maker.warn(f"statement {position} on the page has no text; skipped")
            budget = 0
            continue
        if raw.see_more:
            anchor_index = len(maker.statements) - 1 if maker.statements else None
            anchor_words = _words(maker.statements[anchor_index].text) if anchor_index is not None else ""
            budget = raw.see_more
            if anchor_index is not None and anchor_words != _words(raw.text):
                maker.warn(
                    f'statement {position} follows "See {raw.see_more} more Smart Citation'
                    f'{"s" if raw.see_more != 1 else ""}" but differs from the one shown before it; '
                    "kept as a separate statement"
                )
                budget = 0
        if budget > 0 and anchor_index is not None:
            anchor = maker.statements[anchor_index]
            if len(raw.text) >= len(anchor_words) and anchor_words == _words(raw.text):
                maker.statements[anchor_index] = anchor.model_copy(
                    update={"occurrences": anchor.occurrences + 1}
                )
                budget -= 1
                continue
            budget = 0
        statement_type = raw.statement_type
        maker.add(
            raw.text,
            section=raw.section,
            statement_type=statement_type or "unclassified",
            type_source="source" if statement_type else "none",
            confidence=raw.confidence,
        )
    return Source(format="scite-page", target=target, statements=maker.statements, warnings=maker.warnings)


SPEC = ReaderSpec(
    "scite-page",
    "the text of a scite.ai report page, as copied from the browser",
    read_scite_page,
    detection_rank=50,
    recognise_text=looks_like_scite_page,
)
