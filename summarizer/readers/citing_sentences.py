"""Citing statements from full-text articles: each sentence of an article that cites the target's entries in its
reference list (target_identity) becomes a statement, as printed, markers included, with the target's own markers
in it; and an article's references with how often its text cites each (ranges expanded, sentence_split).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from summarizer.errors import InputError
from summarizer.models import Source, Target
from summarizer.readers.common import StatementMaker, clean
from summarizer.readers.fulltext import Article, Cite, Segment
from summarizer.readers.sentence_split import MAX_RANGE, Group, citation_groups, sentence_spans
from summarizer.readers.target_identity import TargetQuery, resolve_target


@dataclass
class Occurrence:
    """A sentence that cites some of the wanted entries."""

    text: str
    section: str | None
    keys: list[str]  # the wanted keys it cites, one per citation occurrence (a key twice: cited twice)
    markers: list[str] = field(default_factory=list)  # the target's own markers in it, as printed (target_markers)


def citing_sentences(article: Article, wanted: set[str]) -> list[Occurrence]:
    """Every sentence of the article that cites one of the wanted reference keys, in reading order."""
    index = article.reference_index()
    found: list[Occurrence] = []
    labels: list[str] | None = None  # the wanted entries' labels, read once an entry is cited
    for block in article.blocks:
        for segment in block.segments:
            if (
                not segment.cites
                or not any(k in wanted for c in segment.cites for k in c.keys)
                and not _may_range(segment, wanted, index)
            ):
                continue
            groups = citation_groups(segment, article, index)
            hit_indices = [i for i, g in enumerate(groups) if any(k in wanted for k in g.keys)]
            if not hit_indices:
                continue
            spans = sentence_spans(segment, groups, hit_indices)
            span_starts = [span[0] for span in spans]
            by_sentence: dict[tuple[int, int], list[str]] = {}
            markers: dict[tuple[int, int], list[str]] = {}
            cite_starts = [cite.start for cite in segment.cites]
            for number in hit_indices:
                group = groups[number]
                at = bisect.bisect_right(span_starts, group.start) - 1
                span = spans[at] if at >= 0 and group.start < spans[at][1] else (0, len(segment.text))
                by_sentence.setdefault(span, []).extend(k for k in group.keys if k in wanted)
                inside = segment.cites[
                    bisect.bisect_left(cite_starts, group.start) : bisect.bisect_left(cite_starts, group.end)
                ]
                labels = labels if labels is not None else _labels_of(article, wanted)
                markers.setdefault(span, []).extend(target_markers(segment, group, inside, wanted, labels))
            for span in sorted(by_sentence):
                text = segment.text[span[0] : span[1]]
                found.append(Occurrence(text, block.section, by_sentence[span], list(dict.fromkeys(markers[span]))))
    return found


def _labels_of(article: Article, wanted: set[str]) -> list[str]:
    """The printed labels of the wanted entries ("5"), in reference-list order."""
    return [label for ref in article.references if ref.key in wanted and (label := (ref.label or "").strip(" .[]()"))]


def target_markers(
    segment: Segment, group: Group, inside: Sequence[Cite], wanted: set[str], labels: Sequence[str]
) -> list[str]:
    """The wanted entry's own markers in a group (`inside`: the group's markers), as printed: each marker that names
    it alone ("[12]", "Smith et al., 2020"); where a marker names several entries or the entry is cited only through
    a range, its label in the group ("5 in [3]–[7]"), or the group's text when the entry has no label."""
    own: list[str] = []
    ranged = False
    for cite in inside:
        if not any(k in wanted for k in cite.keys):
            continue
        if len([k for k in cite.keys if k]) == 1:
            own.append(clean(segment.text[cite.start : cite.end]))
        else:
            ranged = True
    if own and not ranged:
        return own
    printed = clean(segment.text[group.start : group.end])
    return [*own, f"{labels[0]} in {printed}" if labels else printed]


def _may_range(segment: Segment, wanted: set[str], index: dict[str, int]) -> bool:
    """The segment may cite a wanted entry through a range (markers on both sides of it in the list)."""
    positions = [index[k] for k in wanted if k in index]
    cited = [index[k] for c in segment.cites for k in c.keys if k in index]
    return bool(positions and cited) and any(min(cited) < p < max(cited) + MAX_RANGE for p in positions)


def statements_of(
    articles: Sequence[Article], target: str, target_title: str | None = None, extra_ids: Sequence[str] = ()
) -> Source:
    """One statement set: every sentence of every article that cites the target (also known by extra_ids)."""
    query = TargetQuery.parse(target, target_title)
    for other in extra_ids:
        known = TargetQuery.parse(other)
        query.dois |= known.dois
        query.pmids |= known.pmids
        query.pmcids |= known.pmcids
    query = resolve_target(articles, query)
    maker = StatementMaker(", ".join(a.name for a in articles))
    warnings: list[str] = []
    for article in articles:
        warnings += [f"{article.name}: {w}" if len(articles) > 1 else w for w in article.warnings]
        wanted = {ref.key for ref in article.references if query.matches(ref)}
        if not wanted:
            if len(articles) > 1:
                warnings.append(f"{article.name} does not cite {query.shown} (no entry of its reference list is it)")
            continue
        occurrences = citing_sentences(article, wanted)
        if not occurrences:
            warnings.append(
                f"{article.name}: lists {query.shown} among its references but cites it nowhere in the text"
            )
            continue
        for occurrence in occurrences:
            maker.add(
                occurrence.text,
                citing=article.citing.model_copy(),
                section=occurrence.section,
                occurrences=1,
                target_doi=query.doi(),
                target_marker="; ".join(occurrence.markers) or None,
            )
    if not maker.statements:
        raise InputError(f"no article among the input cites {query.shown} (--target) in its text")
    return Source(
        format="+".join(dict.fromkeys(a.format for a in articles)),
        target=Target(doi=query.doi(), title=query.display_title, year=query.year),
        statements=maker.statements,
        warnings=warnings + maker.warnings,
        statement_targets=list(maker.targets),
    )


def reference_listing(article: Article) -> list[dict[str, object]]:
    """The article's references with their ids and how often the text cites each (ranges expanded)."""
    counts = {ref.key: 0 for ref in article.references}
    for occurrence in citing_sentences(article, set(counts)):
        for key in occurrence.keys:
            counts[key] += 1
    return [
        {
            "article": article.name,
            "number": ref.number,
            "key": ref.key,
            "label": ref.label,
            "ids": ref.identifiers(),
            "year": ref.year,
            "reference": ref.text[:300],
            "citations": counts[ref.key],
        }
        for ref in article.references
    ]
