"""Treatments a statement names, and what each of its sentences says they did.

The target profile (target_profile.py) adds these up over all the statements about one target paper to decide
whether the target studied an intervention, and which statements attribute an effect or a harm of it to the target.

A treatment is named by a drug name (the lexicons, drug-like word endings, the drug tagger), or by a phrase around a
treatment word ("bone marrow transplantation", "Ad26 vaccine", "treatment with pioglitazone", "neutralizing
antibodies", "mesenchymal stem cells"). Each mention records whether it sits in a therapeutic frame (treated,
given, dose, therapy, ...) or in an exposure frame (exposure to, smoking, consumption, ...), as treatment_frames.py
reads them: exposures and risk factors are not interventions. A molecule followed by a word of biology ("insulin
sensitivity", "IFN signalling") is not given to anyone and is not a mention. The words for all this (treatment words,
frame cues, arm and comparator words) are in treatment_names.py.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from summarizer.citations import AUTHOR_YEAR, count_citations
from summarizer.engines.extractive.compared_populations import set_against_comparator
from summarizer.engines.extractive.comparison_boundary import is_comparison_boundary
from summarizer.engines.extractive.cues import (
    COMPARISON_RESULT,
    OUTCOME_VERB_STEMS,
    PATTERN_A_SUFFIX,
    TESTED_IN_NUMBERS,
    word_class,
)
from summarizer.engines.extractive.given_objects import GIVING_WORDS, bracketed_arm_spans, given_object_spans
from summarizer.engines.extractive.learned_arms import learned_arms
from summarizer.engines.extractive.learned_spans import (
    finite_after_name,
    learned_first_word,
    learned_spans,
    past_form,
)
from summarizer.engines.extractive.numeric_results import NumericResult, arms_compared_sentences
from summarizer.engines.extractive.scan import Scan, cause_class
from summarizer.engines.extractive.slash_combinations import slash_combinations, written_whole
from summarizer.engines.extractive.tokenise import Span, written_as_short_form
from summarizer.engines.extractive.treatment_frames import against_control, as_reference, frames, parallel_arms
from summarizer.engines.extractive.treatment_mention import (
    TreatmentMention,
    TreatmentReading,
    anchor_words,
    head_class,
    is_given_class,
)
from summarizer.engines.extractive.treatment_names import (
    AGENT_BEFORE,
    ARM_SCHEDULES,
    ARM_WORDS,
    BIOLOGY_AFTER,
    CELL_MODIFIERS,
    CELL_WORDS,
    COMPARATIVES,
    COMPARATOR,
    CONTROL_CARE,
    DISEASE_OF,
    DOCUMENT_WORDS,
    DOSE_PER,
    DOSE_UNITS,
    EXPOSURE_CUES,
    GIVING_VERBS,
    INDICATION_BEFORE,
    MEASURE_AFTER,
    MEASURED_CLASSES,
    MODIFIED_CLASSES,
    NEEDS_MODIFIER,
    NOT_AGENTS,
    NOT_ARMS,
    NOT_MODIFIERS,
    OUTCOME_BEFORE,
    PEOPLE,
    PERSON,
    PHRASE_ENDS,
    PLAIN_CLASSES,
    PROCEDURE_SUFFIXES,
    STOP_BEFORE,
    STUDY_WORDS,
    TRAILING_PUNCT,
    TRIAL_WORDS,
    VERBS,
    WEIGHT_PHRASE,
    code_name_start,
    dose_in,
    names_comparator,
    negated_before,
    population_frame,
)

# how many words after "weight loss" are read for an effect it is the agent of
_AGENT_WINDOW = 15
# how far back from its head word a treatment phrase is read: characters, and words
_PHRASE_LOOKBACK = 60
_PHRASE_WORDS = 4
_ZERO = 0.0
_RAW_WORD = re.compile(r"\S+")
# a word that names its cause, with a suffix of cues.PATTERN_A_SUFFIX: "isoniazid-induced" (the start of the word is
# found, then its token)
_CAUSE_WORD = re.compile(r"(?<![a-z0-9\-'])[a-z][a-z0-9\-']*-(?:" + "|".join(PATTERN_A_SUFFIX) + r")\b")

# What a sentence says a treatment did: a benefit or a harm word, unless negated right before it
BENEFIT = re.compile(
    r"\b(?:effective(?:ness)?|efficacy|efficacious|protect(?:s|ed|ion|ive)?|beneficial|benefits?|rescu(?:e|ed|es)|"
    r"revers(?:e|ed|es)|cur(?:e|ed|es)|extend(?:s|ed|ing)?\s+(?:the\s+)?(?:life|lifespan|survival)|(?:lifespan|life|survival)\s+extension|prolong(?:s|ed|ing)?\s+(?:the\s+)?(?:life|lifespan|"
    r"survival)|longer\s+life|improv(?:e|es|ed|ing|ement|ements)|ameliorat\w*|alleviat\w*|"
    r"suppress(?:es|ed|ing)?\s+(?:\w+\s+){0,2}(?:viral|virus|tumou?rs?|replication|infection)|"
    r"therapeutic\s+(?:effects?|efficacy|benefits?|activity|potential)|anti-?tumou?r(?:igenic)?|"
    r"anti-?cancer|antiviral\s+activity|promising|encouraging|superior\s+to|superiority\s+of|favou?r(?:s|ed)\s+the|in\s+favou?r\s+of)"
)
HARM = re.compile(r"\b(?:toxic|toxicity|toxicities|adverse|side[\s\-]effects?|harmful|detrimental)\b")
_NEGATED_BEFORE = re.compile(r"\b(?:not|no|nor|never|without|failed\s+to|lack\s+of)\s+(?:\w+\s+){0,2}$")
_ANAPHOR = re.compile(r"\W*(?:it|they|this|these|such|the\s+(?:drug|treatment|therapy|vaccine|intervention|"
                      r"agent|antibod\w+|cells|procedure|transplantation|compound))\b")


# punctuation that closes off what comes before it from the word after it
_CLOSING_PUNCT = ",;:)]"
# the words that join two arms named by one arm word ("the X and control groups")
_ARMS_JOINED = frozenset({"and", "or", "versus", "vs"})

_NOTHING = TreatmentReading()


_OPENING_QUOTES = "“‘\"'"


def _phrase_start(text: str, head_start: int) -> int:
    """Where the phrase ending with the word at head_start begins: up to 3 words back, stopping at punctuation
    and at function words. Words are whitespace-delimited, so a code such as "Ad26.COV2.S" stays whole."""
    start = head_start
    window_start = max(0, head_start - _PHRASE_LOOKBACK)
    for match in reversed(list(_RAW_WORD.finditer(text, window_start, head_start))):
        word = match.group()
        if head_start - match.start() > _PHRASE_LOOKBACK or start - match.end() > 1:
            break
        bare = word.lower().strip(".")
        if word[-1] in TRAILING_PUNCT or word[0] in _OPENING_QUOTES or bare in STOP_BEFORE or bare in COMPARATIVES or (
            bare in NOT_MODIFIERS or bare.endswith("ly") or "(" in word or "[" in word or bare in STUDY_WORDS
            or bare == "without" or bare in PEOPLE  # "in women ramipril treatment": who, not what was given
            or is_comparison_boundary(bare)  # "placebo vesus prophylaxis" (comparison_boundary.py)
        ):
            break
        start = match.start()
        if len(text[start:head_start].split()) >= _PHRASE_WORDS:
            break
    # "SLED needed fewer blood transfusions": a verb in the past after a name's word ends the phrase before it
    if "ed " not in text[start:head_start]:
        return start
    words = list(_RAW_WORD.finditer(text, start, head_start))
    toks = [w.group().lower().strip(".") for w in words]
    for j in range(len(toks) - 1, 0, -1):
        if toks[j - 1] not in STOP_BEFORE and finite_after_name(toks, j):
            return words[j + 1].start() if j + 1 < len(words) else head_start
    return start


def _word_end(text: str, pos: int) -> int:
    """The end of the word holding pos, without trailing punctuation."""
    match = _RAW_WORD.match(text, pos)
    end = match.end() if match and pos < len(text) and not text[pos].isspace() else pos
    while end > pos and text[end - 1] in TRAILING_PUNCT + ".":
        end -= 1
    return end


def _agent_spans(scan: Scan, drug_margins: Sequence[float] | None) -> list[tuple[int, int, int, int, bool]]:
    """Drug names as (char start, char end, first token, last token, named as a cause): lexicon names, drug-like
    endings, tagged drug words, and the drug of a cause word ("isoniazid-induced": isoniazid)."""
    toks, starts, ends = scan.toks, scan.starts, scan.ends
    found: list[tuple[int, int, int, int, bool]] = []
    taken: set[int] = set()
    for kind, (start, end) in scan.mask_spans:
        if kind != "DRUG":
            continue
        first = bisect_left(starts, start)
        last = max(first, bisect_left(starts, end) - 1)
        found.append((start, end, first, last, False))
        taken.update(range(first, last + 1))
    # the candidates are few: collect them with comprehensions rather than a loop over every word
    causes = {bisect_left(starts, m.start()) for m in _CAUSE_WORD.finditer(scan.low)} if "-" in scan.low else set()
    drugs: set[int] = set()
    if drug_margins is not None and max(drug_margins, default=-1.0) >= 0.0:
        # the words tagged as drugs, found in C
        drugs.update(itertools.compress(itertools.count(), map(_ZERO.__le__, drug_margins)))
    if "DRUGX" in scan.masked or (len(scan.masked) != len(toks) and "DRUGX" in map(word_class.__getitem__, toks)):
        drugs.update(i for i, tok in enumerate(toks) if word_class(tok) == "DRUGX")
    for i in sorted((causes | drugs) - taken):
        tok = toks[i]
        if i in causes and cause_class(tok, scan.res):
            prefix = tok.rpartition("-")[0]
            found.append((starts[i], starts[i] + len(prefix), i, i, True))
        elif i in drugs:
            found.append((starts[i], ends[i], i, i, False))
    kept = []
    for start, end, first, last, cause in found:
        name = scan.low[start:end]
        if name in NOT_AGENTS or len(name) < 3:
            continue
        if not cause and last + 1 < len(toks) and toks[last + 1] in BIOLOGY_AFTER:
            continue
        if _trial_name(scan, start, end, last) or (not cause and _indication_or_author(scan, start, first, last)):
            continue
        kept.append((start, end, first, last, cause))
    return kept


def _indication_or_author(scan: Scan, start: int, first: int, last: int) -> bool:
    """Whether a drug-like name is the disease treated ("the treatment of RDS", "patients with AD") or an author
    ("Bin and Imran, 2010", "Lahat et al")."""
    toks = scan.toks
    if tuple(toks[max(0, first - 2) : first]) in INDICATION_BEFORE or (first and toks[first - 1] == "treating"):
        return True
    if not scan.text[start].isupper():
        return False
    return toks[last + 1 : last + 3] == ["et", "al"] or any(
        m.start() <= start < m.end() for m in AUTHOR_YEAR.finditer(scan.text, max(0, start - 40), start + 80)
    )


def _weight_loss_spans(scan: Scan) -> list[tuple[int, int, int, int, bool]]:
    """"Weight loss" as the agent of an effect ("modest weight loss improves glycaemic control", "risk factors
    improved with weight loss"), not as an outcome ("X caused weight loss", "protected hamsters from weight loss")
    or when a treatment word follows (then the phrase is named as that: "a weight loss programme")."""
    toks, starts = scan.toks, scan.starts
    n = len(toks)
    spans = []
    for match in WEIGHT_PHRASE.finditer(scan.low):
        first = bisect_left(starts, match.start())
        last = bisect_left(starts, match.end()) - 1
        if first >= n or (last + 1 < n and head_class(toks[last + 1]) is not None):
            continue
        before = toks[max(0, first - 3) : first]
        if before and (before[-1].startswith(OUTCOME_VERB_STEMS) or any(
            tok in OUTCOME_BEFORE or tok.endswith(PATTERN_A_SUFFIX) for tok in before
        )):
            continue
        sentence_start, sentence_end = scan.sentence_at(match.start())
        after = scan.low[match.end() : sentence_end]
        after_words = after.split()[:_AGENT_WINDOW]
        effect_after = any(w.startswith(OUTCOME_VERB_STEMS) for w in after_words) or (
            BENEFIT.search(" ".join(after_words)) is not None
        )
        effect_before = bool(before) and before[-1] in AGENT_BEFORE and any(
            tok.startswith(OUTCOME_VERB_STEMS) for tok in toks[max(0, first - 5) : first - 1]
        )
        if effect_after or effect_before:
            spans.append((match.start(), match.end(), first, last, False))
    return spans


def _trial_name(scan: Scan, start: int, end: int, last: int) -> bool:
    """Whether a name in capitals is a trial's ("the ACTT-1 trial", "the RECOVERY study"), not a treatment's."""
    toks = scan.toks
    after = last + 1
    while after < len(toks) and toks[after][0].isdigit():
        after += 1
    return after < len(toks) and toks[after] in TRIAL_WORDS and scan.text[start:end].isupper()


def _object_word(tok: str) -> bool:
    """Whether a word may belong to the name of what is given ("wild-type bone marrow"), not a verb or a link."""
    return tok not in STOP_BEFORE and not tok.endswith(("ed", "ing")) and tok not in VERBS


def _against_its_negation(scan: Scan, word: str) -> bool:
    """Whether a past form names an arm by what it was given, set against the arm that was not ("the fluoridated and
    non-fluoridated groups", "vaccinated versus unvaccinated children"); "treated" and "given" say no more than that
    something was."""
    if word in GIVING_VERBS or "-" in word:
        return False
    low = scan.low
    return f"non-{word}" in low or f"non{word}" in low or f"un{word}" in low


def _dosed_spans(scan: Scan) -> list[tuple[int, int, int, int, bool]]:
    """Names written with a dose right after them ("IPE 4 g/day", "BX-17 10 mg"): a word that may name a treatment,
    not all lower case (an abbreviation or a proper name: "aspirin 100 mg" is the lexicon's), then a number and a
    dose unit. Given, as a dose says."""
    toks, starts, ends, text = scan.toks, scan.starts, scan.ends, scan.text
    if DOSE_UNITS.isdisjoint(scan.ngram_set) and "g" not in scan.ngram_set:
        return []
    spans = []
    for i in range(len(toks) - 2):
        last = i + 1 if _code_number(scan, i) else i  # "IL-2 6 MIU/day": the code's number is the name's, not a dose
        if not toks[last + 1 : last + 2] or not toks[last + 1][:1].isdigit() or not dose_in(toks[last + 1 : last + 4]):
            continue
        word = text[starts[i] : ends[i]]
        if word.islower() or not learned_first_word(toks[i]) or names_comparator(toks[i]):
            continue
        spans.append((starts[i], ends[last], i, last, True))
    return spans


def _code_number(scan: Scan, i: int) -> bool:
    """Whether the token after word i is a number a hyphen joins it to or that is written into it ("IL-2", "BX-17",
    "SB2"): the number of a code, part of its name."""
    after = i + 1
    return after < len(scan.toks) and scan.toks[after].isdigit() and (
        scan.text[scan.ends[i] : scan.starts[after]] in ("-", "")
    )


def _arm_word(scan: Scan, i: int, following: int) -> bool:
    """Whether word i may name the arm of the word that follows it ("the olanzapine group"): not a function word or
    a word that says which or how many, and not closed off from it ("(Fig. 3). Groups 1 and 3" names no arm, "diode
    laser (Group 3)" does)."""
    tok = scan.toks[i]
    # a stop word may be a short form in capitals ("the IS strategy group"), not the word its letters spell
    stop_word = (tok in NOT_ARMS or tok in STOP_BEFORE) and not written_as_short_form(
        scan.text, scan.starts, scan.ends, i
    )
    return (
        not stop_word
        and tok not in DOCUMENT_WORDS
        and not any(c in scan.text[scan.ends[i] : scan.starts[following]] for c in _CLOSING_PUNCT)
    )


def treatment_mentions(
    scan: Scan,
    drug_margins: Sequence[float] | None = None,
    event_sentences: Iterable[int] = (),
    learned: Iterable[Span] = (),
) -> list[TreatmentMention]:
    """The treatments a scanned statement names, in text order. A drug in a sentence that reports an adverse event
    of a drug in a person (event_sentences) was given to that person: that is a therapeutic frame. learned: the
    character spans another reader (the PICO reader) reads as interventions, taken as names too."""
    toks, starts, ends, text = scan.toks, scan.starts, scan.ends, scan.text
    # char start, char end, first and last token, and whether it was certainly given (a cause word, a trial arm)
    spans: list[tuple[int, int, int, int, bool]] = []
    agents = _agent_spans(scan, drug_margins)
    spans.extend(agents)
    # "amoxicillin/ clavulanate": one combination, not two drugs
    combinations = slash_combinations(text, agents) if len(agents) > 1 and "/" in text else []
    spans.extend(combinations)
    spans.extend(learned_spans(scan, learned))
    spans.extend(_dosed_spans(scan))
    spans.extend(given_object_spans(scan))
    spans.extend(bracketed_arm_spans(scan))
    n = len(toks)
    arms: set[int] = set()  # where the names of trial arms ("the olanzapine group") start
    phrase_ends = [] if PHRASE_ENDS.isdisjoint(toks) else [i for i, tok in enumerate(toks) if tok in PHRASE_ENDS]
    if any(suffix in scan.low for suffix in PROCEDURE_SUFFIXES):
        phrase_ends = sorted({*phrase_ends, *(i for i, tok in enumerate(toks) if head_class(tok) is not None)})
    for i in phrase_ends:
        tok = toks[i]
        if tok in ARM_WORDS and i > 1 and toks[i - 1] == "care" and toks[i - 2] in CONTROL_CARE:
            continue
        if tok in ARM_WORDS and i > 2 and toks[i - 1] in COMPARATOR and toks[i - 2] in _ARMS_JOINED and _arm_word(
            scan, i - 3, i - 2
        ) and not past_form(toks[i - 3]) and toks[i - 3] not in ARM_WORDS:
            # "in the pravastatin and control groups": the arm set against the comparator's
            first = i - 4 if i > 3 and _arm_word(scan, i - 4, i - 3) else i - 3
            spans.append((starts[first], ends[i - 3], first, i - 3, True))
            arms.add(starts[first])
            continue
        if tok in ARM_WORDS and i > 0 and _arm_word(scan, i - 1, i):
            first = i - 1
            if first > 0 and _arm_word(scan, first - 1, first):
                first -= 1
            if all(map(past_form, toks[first:i])) and not _against_its_negation(scan, toks[i - 1]):
                continue  # "the studied groups", "the treated arm": which arms, not what they were given
            spans.append((starts[first], ends[i - 1], first, i - 1, True))
            arms.add(starts[first])
            # "in the pravastatin and control groups", "the fluoridated and non-fluoridated groups": the arm word
            # names the arm before "and" too
            other = first - 2
            if other >= 0 and toks[first - 1] in _ARMS_JOINED and toks[other] not in ARM_WORDS and _arm_word(
                scan, other, first - 1
            ) and (
                not past_form(toks[other]) or _against_its_negation(scan, toks[other])
            ):
                joined = other - 1 if other > 0 and _arm_word(scan, other - 1, other) else other
                spans.append((starts[joined], ends[other], joined, other, True))
                arms.add(starts[joined])
            continue
        cell = tok in CELL_WORDS and i > 0 and (toks[i - 1] in CELL_MODIFIERS or toks[i - 1].endswith("-derived"))
        head = head_class(tok)
        if head is None and not cell:
            continue
        if head in MEASURED_CLASSES and i + 1 < n and toks[i + 1] in MEASURE_AFTER:
            continue
        start = _phrase_start(text, starts[i])
        first = bisect_left(starts, start)
        if first > 0 and toks[first - 1] in COMPARATIVES:
            continue  # "needed fewer blood transfusions", "less analgesic use": how much was needed, an outcome
        anchors = anchor_words(text[start : ends[i]].lower())
        specific = [a for a in anchors if a not in MODIFIED_CLASSES]
        if specific or (tok not in NEEDS_MODIFIER and not cell):
            spans.append((start, ends[i], first, i, False))
        # "treatment with X", "transplantation of X": X's words, up to a verb or a function word; "administration
        # of 8 mg of X" is X; "treatment of X" and "therapy of X" name the disease treated
        obj = i + 2
        while obj + 1 < n and toks[i + 1] == "of" and (
            toks[obj][0].isdigit() or toks[obj] in DOSE_UNITS or (obj > i + 2 and toks[obj] in DOSE_PER)
        ):
            obj += 1
        if obj > i + 2 and toks[obj] == "of":
            obj += 1
        of_disease = toks[i + 1 : i + 2] == ["of"] and tok in DISEASE_OF
        if head is not None and obj < n and toks[i + 1] in ("with", "of") and _object_word(toks[obj]) and not (
            of_disease or toks[obj][0].isdigit()
        ):
            last = obj
            while last + 1 < n and last - obj < 3 and _object_word(toks[last + 1]) and not finite_after_name(
                toks, last + 1
            ) and not any(
                c in text[ends[last] : starts[last + 1]] for c in TRAILING_PUNCT
            ):
                last += 1
            # "treatment with remdesivir" is remdesivir; "transplantation of bone marrow" keeps its procedure
            plain = head in PLAIN_CLASSES
            spans.append((starts[obj] if plain else starts[i], _word_end(text, ends[last]), i, last, plain))
    if "weight" in scan.low:
        spans.extend(_weight_loss_spans(scan))
    if not spans:
        return []
    given_by = {s for s in event_sentences if PERSON.search(scan.low, *scan.sentences()[s])}
    # the longest of the names that start together, and of the same name the one certainly given (a trial arm)
    spans.sort(key=lambda span: (span[0], -span[1], not span[4]))
    mentions: list[TreatmentMention] = []
    firsts: list[int] = []
    covered_to = -1
    for start, end, first, last, given in spans:
        if start < covered_to:  # a drug inside a phrase already taken, or an overlapping phrase
            continue
        covered_to = end
        if negated_before(toks[max(0, first - 3) : first]):
            continue  # "without oral antipsychotic supplementation": not given
        combination = any(start == c[0] for c in combinations)
        start = code_name_start(text, start)  # "5-FU", not "FU"
        name = _with_genus(text, start, text[start:end].strip(TRAILING_PUNCT + " ."))
        if combination:
            name = written_whole(name)
        # a combination is matched by each of its drugs ("rapamycin/sirolimus" names sirolimus where the slash joins
        # two names of one drug)
        anchors = anchor_words(name.lower().replace("/", " ") if combination else name.lower())
        if start in arms:
            anchors = _scheduled_arm(name, anchors)
        if not name or not anchors:
            continue
        sentence_index = scan.sentence_index(start)
        therapy, exposure = frames(scan, first, last, scan.sentences()[sentence_index])
        if start in arms:  # an arm is an exposure only by its own name ("the smokers group"), not by its outcome's
            exposure = exposure and not EXPOSURE_CUES.isdisjoint(toks[first : last + 1])
        # a treatment word names something given; so do a drug named as the cause of an effect and a trial arm
        given = given or any(map(is_given_class, anchors)) or sentence_index in given_by
        if given and not exposure:
            therapy = True
        population = population_frame(toks[max(0, first - 2) : first])
        if population:  # "patients on X ... than patients on placebo": an arm, not who the patients were
            population = not set_against_comparator(scan, first, scan.sentences()[sentence_index])
        reference = as_reference(scan, first, scan.sentences()[sentence_index])
        control = reference and against_control(scan, first, scan.sentences()[sentence_index])
        mentions.append(
            TreatmentMention(name, anchors, sentence_index, therapy, exposure, population, reference, False, control)
        )
        firsts.append(first)
    if len(mentions) > 1:
        mentions = parallel_arms(scan, mentions, firsts)
        return learned_arms(scan, mentions, firsts) if learned else mentions
    return mentions


def _scheduled_arm(name: str, anchors: tuple[str, ...]) -> tuple[str, ...]:
    """A trial arm's anchors: those of its name, or where its name says only the kind of treatment ("the continuous
    infusion group", "the preoperative chemotherapy arm"), the words that say how or when it was given (ARM_SCHEDULES)
    before them: in a trial of ways of giving one kind of treatment, they name the arm."""
    if any(a not in MODIFIED_CLASSES and a != "administration" for a in anchors):
        return anchors
    words = name.lower().split()
    schedule = tuple(w for w in words if w in ARM_SCHEDULES)
    if len(schedule) == len(words):
        return anchors  # "the intramuscular group": how, with no word of what was given, names no treatment
    return (*schedule, *anchors) if schedule else anchors


# a genus abbreviated to its capital before a species' name: "N. sativa", "E. coli", "L. reuteri"
_GENUS_BEFORE = re.compile(r"(?<![\w.])[A-Z]\.\s?$")


def _with_genus(text: str, start: int, name: str) -> str:
    """A name that starts with a species' name (in lower case) keeps the abbreviated genus before it: "N. sativa
    oil", never "sativa oil"."""
    if start < 2 or not name[:1].islower() or text[start - 1] not in ". ":
        return name
    genus = _GENUS_BEFORE.search(text, max(0, start - 4), start)
    return name if genus is None else text[genus.start() : start] + name


def _unnegated(low: str, match: re.Match[str], sentence_start: int) -> bool:
    return _NEGATED_BEFORE.search(low[max(sentence_start, match.start() - 40) : match.start()]) is None


def read_treatments(
    scan: Scan,
    drug_margins: Sequence[float] | None,
    effect_sentences: Iterable[int],
    harm_sentences: Iterable[int],
    reassuring_sentences: Iterable[int],
    event_sentences: Iterable[int] = (),
    learned: Sequence[Span] = (),
    numbers: Sequence[NumericResult] | None = None,
) -> TreatmentReading:
    """The treatments of a statement and what its sentences report: the sentences of the outcomes, events and
    reassurances the reading found, and those with a benefit or harm word that is not negated. learned: names
    another reader found (treatment_mentions); with them, a sentence that names a treatment and reports a
    comparison's result (cues.COMPARISON_RESULT) reports an effect too. So does, always, a sentence that names a
    treatment and reports a significant difference between two arms in numbers (numeric_results; numbers: those the
    outcome reader already read from this scan): the arm that names the intervention orients it later."""
    candidates = (
        learned
        or scan.mask_spans  # a lexicon name (of a drug, or of an effect: cheap to look past)
        or "DRUGX" in scan.masked
        or not PHRASE_ENDS.isdisjoint(scan.toks)
        or any(suffix in scan.low for suffix in PROCEDURE_SUFFIXES)
        or "weight" in scan.low
        or (drug_margins is not None and max(drug_margins, default=-1.0) >= 0.0)
        or (len(scan.masked) != len(scan.toks) and "DRUGX" in map(word_class.__getitem__, scan.toks))
        or _CAUSE_WORD.search(scan.low)
        or not DOSE_UNITS.isdisjoint(scan.ngram_set) or "g" in scan.ngram_set  # a name with its dose ("IPE 4 g/day")
        or not GIVING_WORDS.isdisjoint(scan.toks)  # "patients treated with X" (given_objects.py)
    )
    if not candidates:
        return _NOTHING
    mentions = tuple(treatment_mentions(scan, drug_margins, event_sentences, learned))
    if not mentions:
        return _NOTHING  # what the sentences report matters only for the treatments they name
    low = scan.low
    effect = set(effect_sentences)
    effect |= arms_compared_sentences(scan, numbers) & {mention.sentence for mention in mentions}
    harm = set(harm_sentences)
    anaphoric = set()
    named = {mention.sentence for mention in mentions} if learned else set()
    tested = []
    for index, (start, end) in enumerate(scan.sentences()):
        if index and _ANAPHOR.match(low, start):
            anaphoric.add(index)
            if index - 1 in named:  # "These results indicate no differences among the three groups"
                named.add(index)
        if index in named and TESTED_IN_NUMBERS.search(low, start, end):
            tested.append(index)
        if index not in effect:
            for match in BENEFIT.finditer(low, start, end):
                if _unnegated(low, match, start):
                    effect.add(index)
                    break
        if index in named and index not in effect and COMPARISON_RESULT.search(low, start, end):
            effect.add(index)
        if index not in harm:
            for match in HARM.finditer(low, start, end):
                if _unnegated(low, match, start):
                    harm.add(index)
                    break
    return TreatmentReading(
        mentions=mentions,
        effect=tuple(sorted(effect)),
        harm=tuple(sorted(harm)),
        reassure=tuple(sorted(set(reassuring_sentences))),
        anaphoric=tuple(sorted(anaphoric)),
        sentences=len(scan.sentences()),
        citations=count_citations(scan.text),
        tested=tuple(tested),
    )
