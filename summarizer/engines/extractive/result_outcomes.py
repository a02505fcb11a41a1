"""Outcomes in the forms in which trials report results: "X was significantly lower in the treated group", "X did
not differ", "no significant difference in X", "fewer patients had X", "A outperformed B on X", "a beneficial
effect on X", "protected against X". outcomes.find_outcomes merges them with the change verbs' outcomes."""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import CONTROL_WORDS, HYPOTHETICAL, NOT_OUTCOMES, OBJ_CUT
from summarizer.engines.extractive.outcome_names import (
    TRAILING_ADVERBS,
)
from summarizer.engines.extractive.outcome_spans import (
    HYPOTHETICAL_CHARS,
    NOT_AN_OBJECT,
    OutcomeMention,
    cut_object,
    mention_at,
    object_name,
    outcome_words,
    pieces,
    result_reading,
    split_pieces,
    subject_before,
)
from summarizer.engines.extractive.result_cues import (
    AGAINST_OTHER_ARM,
    CHANGE_HEAD,
    COMPARATIVE_OBJECT,
    CONTROL_ARM,
    DENIED_OBJECT_END,
    DIFFERENCE_DOUBTED,
    DIFFERENCE_FAVOURS,
    DIFFERENCE_NOT_SIGNIFICANT,
    DIFFERENCE_WORDS,
    EFFECT_MEASURES,
    EFFECT_NOT_SIGNIFICANT,
    EFFECT_WORDS,
    EVALUATIVE_EFFECT,
    EVALUATIVE_EFFECT_WORDS,
    FAVOURS,
    FEWER_PATIENTS,
    GENERIC_COMPARATIVE,
    GENERIC_COMPARATIVE_WORDS,
    HELD_BACK,
    HELD_BACK_COURSE,
    LIKELIER,
    MORE_EFFECTIVE,
    NO_DIFFERENCE_IN,
    OBSERVED_COMPARATIVE,
    OBSERVED_COMPARATIVE_BEFORE,
    OBSERVED_COMPARATIVE_LEAD,
    OCCURRED_LESS_OFTEN,
    OFTEN_WORDS,
    OTHER_STUDY,
    OUTPERFORMED,
    PROTECTIVE,
    RESULT_CHANGE,
    RESULT_WORDS,
    SCORED,
    SIGNIFICANCE_WORDS,
    SLOWING_VERBS,
    SUBJECT_CHANGE_NOUN,
    SUBJECT_RESULT,
    TREND,
)
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.subject_arms import subject_arm
from summarizer.engines.extractive.treatment_names import ARM_WORDS
from summarizer.models import Direction

__all__ = ["result_outcomes"]

# a subject whose head is a fall of a measure ("the decreases in the symptom scale scores were greater"): a
# comparative then says how much it fell, not which way the measure went
# a change verb compared by how much ("decreased significantly less in the A group", "rose more with A than with B"):
# the change is of the comparison; "less" turns it round (not a quantity: "rose by less than 2%", "fell more than 5")
_CHANGED_LESS = re.compile(
    r"\s+(?:(?:statistically\s+)?(?:significantly|markedly|substantially)\s+)?less\b(?!\s+than\s+\d)"
)
# a comparison with what was expected, not with the comparator: "fewer patients than expected had X", "mortality was
# lower than predicted"
_THAN_EXPECTED = re.compile(
    r"\s*\bthan\s+(?:(?:was|were|had\s+been|originally|initially|previously|would\s+be)\s+)?"
    r"(?:expected|predicted|anticipated|projected|assumed|hypothesi[sz]ed|estimated)\b"
)
_FALL_HEAD = re.compile(r"(?:reductions?|decreases?|declines?|falls?|drops?)\s+(?:in|of)\b")


# a participle a name cannot end with: what follows it is part of the name ("time spent | in euglycaemia")
_WANTS_COMPLEMENT = frozenset({"spent", "used", "taken", "needed", "required", "given", "received"})


def result_outcomes(scan: Scan) -> list[OutcomeMention]:
    """Outcomes in reported results: "X was significantly lower in the treated group", "X did not differ",
    "no significant difference in X", "patients had shorter X"."""
    low = scan.low
    mentions: list[OutcomeMention] = []
    said = scan.ngram_set  # a set: each test below is one lookup, not a pass over the tokens
    negated = "no" in said or "not" in said
    # "X did not change", "X did not improve in the Y group"
    results = not RESULT_WORDS.isdisjoint(said) or (negated and not _NEGATED_VERBS.isdisjoint(said))
    # "no significant difference in X"; "the difference in X was not significant"
    tested = not DIFFERENCE_WORDS.isdisjoint(said) and not SIGNIFICANCE_WORDS.isdisjoint(said)
    for match in [*(NO_DIFFERENCE_IN.finditer(low) if negated else ()),
                  *(DIFFERENCE_NOT_SIGNIFICANT.finditer(low) if tested else ()),
                  *(EFFECT_NOT_SIGNIFICANT.finditer(low) if not EFFECT_WORDS.isdisjoint(said) and not
                    SIGNIFICANCE_WORDS.isdisjoint(said) else ()),
                  *(DID_NOT_DIFFER_IN.finditer(low) if negated and "differ" in said else ())]:
        if low[match.start("obj") :].split(" ", 1)[0] in NOT_AN_OBJECT:
            continue  # "did not change in response to treatment": said of the subject before it (SUBJECT_RESULT)
        if _ARMS_OPEN.match(low, match.start("obj")):
            continue  # "did not differ in the two groups": where, not in what
        head = CHANGE_HEAD.match(low, match.start("obj"))  # "no difference in the changes in X": X
        piece_pos = head.end() if head is not None else match.start("obj")
        end = match.end("obj")
        if end < len(low) and low[end] not in _OBJ_STOPS:
            # the pattern's length cap cut the list ("... pregnancy r|ates between the groups"): read on to where an
            # object ends, a stop within _OBJ_MORE characters, else the end of the word
            stop = _OBJ_STOP.search(low, end, end + _OBJ_MORE)
            if stop is not None:
                end = stop.start()
            else:
                while end < len(low) and low[end].isalnum():
                    end += 1
        end = _past_abbreviation(scan, piece_pos, end)
        obj = cut_object(low[piece_pos:end])
        for piece in split_pieces(obj):
            words = outcome_words(piece)
            name_low = " ".join(words)
            start = low.find(name_low, piece_pos) if words else -1
            if start < 0 or name_low in NOT_OUTCOMES or not 3 <= len(name_low) <= 80 or words[-1] in EFFECT_MEASURES:
                continue
            lead = _proper_lead(scan.text, piece_pos, start)
            name_low, start = low[lead : start + len(name_low)], lead
            piece_pos = start + len(name_low)
            mentions.append(mention_at(scan, start, len(name_low), "no_difference", "no_difference"))
    fewer_or_more = not _FEWER_OR_MORE.isdisjoint(said)
    for match in FEWER_PATIENTS.finditer(low) if fewer_or_more else ():
        kind = match.group("kind") or ""
        if kind and _ARM_KIND.search(kind) is None:
            # "more elderly patients had falls": people of a kind compared, not the arms; "more endometrial patients
            # in the A arm ...": a subgroup's result, not the trial's
            continue
        obj = cut_object(match.group("obj")).rstrip()  # a range kept whole: "grade 3–4 neutropenia"
        if _THAN_EXPECTED.search(match.group("who")) or _THAN_EXPECTED.match(low, match.start("obj") + len(obj)):
            continue
        # the arm the people are of, not the one they are compared with ("in the A arm compared to the usual care arm")
        who = _COMPARED_WITH.split(match.group("who"), 1)[0]
        control = CONTROL_WORDS.search(who) is not None or CONTROL_WORDS.search(kind) is not None or (
            CONTROL_ARM.match(low, match.start("obj") + len(obj)) is not None
        )
        fewer = (match.group("word") or match.group("share")) in ("fewer", "less", "lower", "smaller", "lesser")
        word = "fewer" if fewer else "greater"
        for piece_start, piece_end in pieces(low, (match.start("obj"), match.start("obj") + len(obj))):
            reading = result_reading(scan.text[piece_start:piece_end], word, control, scan.res.polarity)
            mentions.append(mention_at(scan, piece_start, piece_end - piece_start, *reading))
    for match in LIKELIER.finditer(low) if "likely" in said else ():
        mentions.extend(_likelier(scan, match))
    for match in SUBJECT_CHANGE_NOUN.finditer(low) if not _CHANGE_NOUNS_SAID.isdisjoint(said) else ():
        span = subject_before(scan, match.start())
        if span is None or CONTROL_WORDS.search(low, span[0], span[1]) is not None:
            continue  # no subject, or the control arm's own change
        for piece_start, piece_end in pieces(low, span):
            change, direction = result_reading(
                scan.text[piece_start:piece_end], _CHANGE_NOUN_WORD[match.group("noun")], False, scan.res.polarity
            )
            mentions.append(mention_at(scan, piece_start, piece_end - piece_start, change, direction))
    for match in OUTPERFORMED.finditer(low) if not _OUTPERFORMED_SAID.isdisjoint(said) else ():
        sentence_start = scan.sentence_at(match.start())[0]
        if CONTROL_WORDS.search(low, max(sentence_start, match.start() - 60), match.start()):
            continue  # the control arm did better or worse: no reading of which way the intervention went
        if (span := object_name(low, match)) is not None:
            better = match.group("verb") == "outperformed" or "superior" in match.group("verb") or (
                "better" in match.group("verb")
            )
            mentions.append(mention_at(scan, *span, "unclear", "improved" if better else "worsened"))
    for match in FAVOURS.finditer(low) if "favour" in said or "favor" in said else ():
        if (span := object_name(low, match)) is not None:
            # the control arm favoured: the intervention did worse on the measure
            control = CONTROL_WORDS.search(match.group("arm")) is not None
            mentions.append(mention_at(scan, *span, "unclear", "worsened" if control else "improved"))
    for match in DIFFERENCE_FAVOURS.finditer(low) if "favour" in said or "favor" in said else ():
        before = low[max(scan.sentence_at(match.start())[0], match.start() - 40) : match.start()]
        span = object_name(low, match) if DIFFERENCE_DOUBTED.search(before) is None else None
        if span is not None and low[span[0] : span[0] + span[1]].split()[-1] not in _WANTS_COMPLEMENT:
            control = CONTROL_WORDS.search(match.group("arm")) is not None
            mentions.append(mention_at(scan, *span, "unclear", "worsened" if control else "improved"))
    for match in EVALUATIVE_EFFECT.finditer(low) if not EVALUATIVE_EFFECT_WORDS.isdisjoint(said) else ():
        sentence_start = scan.sentence_at(match.start())[0]
        before = low[max(sentence_start, match.start() - HYPOTHETICAL_CHARS) : match.start()]
        denied = _EFFECT_DENIED.search(before[-40:]) is not None
        if HYPOTHETICAL.search(before) or _CONDITION_BEFORE.search(before):
            continue  # "if ..., deleterious effects on X may ...": a conjecture
        denied_only = denied and (_MODAL.search(match.group("obj")) or match.group("word") == "positive")
        if match.group("of") and not denied_only:
            continue  # "(potential) detrimental effects of X on A": the frame with the treatment named read only denied
        if denied_only:
            # "no positive effects of X on A or B could be demonstrated": no difference in A, in B
            obj = DENIED_OBJECT_END.sub("", match.group("obj"))
            for piece_start, piece_end in pieces(low, (match.start("obj"), match.start("obj") + len(obj))):
                length = piece_end - piece_start
                mentions.append(mention_at(scan, piece_start, length, "no_difference", "no_difference"))
            continue
        if match.group("word") == "positive" or _MODAL.search(match.group("obj")) or (
            (span := object_name(low, match)) is None
        ):
            continue  # "may have a beneficial effect on X": a conjecture; "positive effect" may say a sign
        if denied:
            mentions.append(mention_at(scan, *span, "no_difference", "no_difference"))
        else:
            good = match.group("word") in ("beneficial", "favourable", "favorable")
            mentions.append(mention_at(scan, *span, "unclear", "improved" if good else "worsened"))
    for match in SCORED.finditer(low) if not _SCORED_SAID.isdisjoint(said) else ():
        sentence_start = scan.sentence_at(match.start())[0]
        if CONTROL_WORDS.search(low, max(sentence_start, match.start() - 60), match.start()):
            continue  # the control arm scored higher: no reading of which way the intervention went
        if (span := object_name(low, match)) is not None:
            change, direction = result_reading(
                scan.text[span[0] : span[0] + span[1]], match.group("word"), False, scan.res.polarity
            )
            mentions.append(mention_at(scan, *span, change, direction))
    # "more X than", "significantly high in": result words too, but common ones, so only in these frames
    if not results and "more" not in said and not (
        "significantly" in said and ("high" in said or "low" in said)
    ) and (HELD_BACK.isdisjoint(said) or SLOWING_VERBS.isdisjoint(said)):
        return mentions
    for match in SUBJECT_RESULT.finditer(low):
        if (match.group("linked") or "").startswith("not ") and _BUT_PREDICATE.search(
            low, match.end(), scan.sentence_at(match.start())[1]
        ):
            continue  # "X was not reduced by A, but was decreased by B": the subject's two readings differ
        if match.group("linked") and (
            OTHER_STUDY.match(low, match.end()) or _THAN_EXPECTED.match(low, match.end())
        ):
            continue  # "higher than the 4% in our previous study": set against another study, not the comparator
        if match.group("linked") in ("better", "worse") and OUTPERFORMED.match(low, match.start()):
            continue  # "A was better than B for X": A is an arm, X the measure (OUTPERFORMED reads it)
        if match.group("nodiff") or (match.group("linked") or "").startswith("not "):
            word = "no difference"
        else:
            phrase = " ".join((match.group("linked") or match.group("verb") or "differ").split())
            word = phrase if phrase in RESULT_CHANGE else phrase.split()[-1]
        less = _CHANGED_LESS.match(low, match.end()) if match.group("verb") else None
        control_arm = CONTROL_ARM.match(low, less.end() if less is not None else match.end())
        inverted = control_arm is not None
        if less is not None:
            inverted = not inverted  # "X decreased less in the A group (than in B)": X higher with A than with B
        elif TREND.match(low, match.end()) or (
            control_arm is not None and match.group("verb") and AGAINST_OTHER_ARM.match(low, control_arm.end()) is None
        ):
            continue  # a change over the years; a change the control arm itself went through ("fell in the placebo
            # group") is not the intervention's against it, unless set against the other arm ("... compared to the
            # intervention group"): then it is the intervention's, turned round
        arm = subject_arm(low, scan.sentence_at(match.start())[0], match.start(), match.end()) if (
            match.group("linked") and RESULT_CHANGE[word][0] in ("increased", "decreased")
        ) else None
        if arm is not None:  # "X of the treatment group was higher than that of the control group": X, in that arm
            span = subject_before(scan, arm.start, after_time=True, compared=True)
            inverted = inverted or arm.control
        else:
            span = subject_before(
                scan, match.start(), long_heads=RESULT_CHANGE[word][0] == "no_difference",
                after_time=match.group("linked") is not None or _ARM_AFTER.match(low, match.end()) is not None,
                compared=True, whole_sentence=True,
            )
        if span is not None and low.startswith("being", match.start()):
            # only the participle clause "..., with X being lower with A compared with B", or one that opens its
            # sentence (a fragment: "X being lower with A ..."), not "apart from X being lower in ..."
            if low.startswith("with ", span[0]):
                span = (span[0] + 5, span[1])
            elif low[scan.sentence_at(span[0])[0] : span[0]].strip(" (\"'").lower() not in ("", "the"):
                continue
        sentence_start = max(scan.sentence_at(match.start())[0], span[0] - HYPOTHETICAL_CHARS) if span else 0
        if span is None or HYPOTHETICAL.search(low[sentence_start : span[0]]):
            continue
        if RESULT_CHANGE[word][0] != "no_difference" and _FALL_HEAD.match(low, span[0]):
            continue
        if match.group("differ") not in (None, "differ") and (
            inverted or CONTROL_WORDS.search(low, span[0], match.start()) or _CONTROL_AFTER.match(low, match.end())
        ):
            continue  # "these parameters in the control group did not change": the control arm's own course
        subject = TRAILING_ADVERBS.sub("", low[span[0] : span[1]]).split()
        if subject and subject[-1] in ARM_WORDS:
            continue  # "the amalgam and composite groups did not differ": the arms, not an outcome
        for piece_start, piece_end in pieces(low, span):
            change, direction = result_reading(
                scan.text[piece_start:piece_end], word, inverted, scan.res.polarity
            )
            mentions.append(mention_at(scan, piece_start, piece_end - piece_start, change, direction))
    for match in PROTECTIVE.finditer(low):
        if (span := object_name(low, match)) is not None:
            before = low[max(scan.sentence_at(match.start())[0], match.start() - 40) : match.start()]
            if _EFFECT_DENIED.search(before) is not None:
                # "no protective effect against X was seen", "not protective against X": no difference in X
                mentions.append(mention_at(scan, *span, "no_difference", "no_difference"))
                continue
            # protected against, or prevented, a harm: the harm decreased; "effective in treating" a disease: better
            treating = "treating" in low[match.start() : match.start("obj")]
            mentions.append(mention_at(scan, *span, "unclear" if treating else "decreased", "improved"))
    for match in HELD_BACK_COURSE.finditer(low) if not SLOWING_VERBS.isdisjoint(said) else ():
        if (span := object_name(low, match)) is not None:
            mentions.append(mention_at(scan, *span, "decreased", "improved"))
    for match in MORE_EFFECTIVE.finditer(low) if "than" in said else ():
        if (span := object_name(low, match)) is not None:
            better = match.group("word") == "more"
            mentions.append(mention_at(scan, *span, "unclear", "improved" if better else "worsened"))
    for match in OBSERVED_COMPARATIVE.finditer(low) if "significantly" in said else ():
        sentence_start = scan.sentence_at(match.start())[0]
        before = low[max(sentence_start, match.start() - 40) : match.start()]
        if OBSERVED_COMPARATIVE_BEFORE.search(before) is None and not (
            match.start() - sentence_start <= 40 and OBSERVED_COMPARATIVE_LEAD.fullmatch(before)
        ):
            continue  # "patients with significantly higher X were ...": the comparative inside a noun phrase
        if (span := object_name(low, match)) is not None:
            inverted = CONTROL_ARM.match(low, match.end()) is not None  # "... were observed in the placebo group"
            change, direction = result_reading(
                scan.text[span[0] : span[0] + span[1]], match.group("word"), inverted, scan.res.polarity
            )
            mentions.append(mention_at(scan, *span, change, direction))
    for match in OCCURRED_LESS_OFTEN.finditer(low) if not OFTEN_WORDS.isdisjoint(said) else ():
        span = subject_before(scan, match.start())
        if span is None or CONTROL_WORDS.search(low, span[0], span[1]) is not None:
            continue  # no subject, or the control arm's own
        inverted = CONTROL_ARM.match(low, match.end()) is not None  # "... more often in the placebo group"
        for piece_start, piece_end in pieces(low, span):
            change, direction = result_reading(
                scan.text[piece_start:piece_end], f"{match.group('word')} frequent", inverted, scan.res.polarity
            )
            mentions.append(mention_at(scan, piece_start, piece_end - piece_start, change, direction))
    generic = not GENERIC_COMPARATIVE_WORDS.isdisjoint(said)
    for match in GENERIC_COMPARATIVE.finditer(low) if generic else ():
        sentence_start = scan.sentence_at(match.start())[0]
        if CONTROL_WORDS.search(low, max(sentence_start, match.start() - 60), match.start()):
            continue  # the control arm (or both arms) named as the subject: which way the intervention went is unsaid
        obj = cut_object(match.group("obj"))
        inverted = CONTROL_ARM.match(low, match.start("obj") + len(obj)) is not None
        better = match.group("word") in ("better", "superior")
        said_way: Direction = "improved" if better != inverted else "worsened"
        for piece_start, piece_end in pieces(low, (match.start("obj"), match.start("obj") + len(obj))):
            mentions.append(mention_at(scan, piece_start, piece_end - piece_start, "unclear", said_way))
    for match in COMPARATIVE_OBJECT.finditer(low):
        if generic and GENERIC_COMPARATIVE.match(low, match.start()):
            continue  # "had a better outcome in terms of A": read above, in A
        if match.group("word") == "more" and match.group("verb") == "with":
            continue  # "with a more severe leukopenia", "patients with more advanced disease": who, not a result
        if CHANGE_HEAD.match(low, match.start("obj")):
            continue  # "had greater reductions in X": X is the change verb's (outcomes.py), "reductions" no outcome
        if (span := object_name(low, match)) is None:
            continue
        inverted = CONTROL_ARM.match(low, match.start("obj") + len(OBJ_CUT.sub("", match.group("obj")))) is not None
        change, direction = result_reading(
            scan.text[span[0] : span[0] + span[1]], match.group("word"), inverted, scan.res.polarity
        )
        mentions.append(mention_at(scan, *span, change, direction))
    return mentions

# an abbreviation in brackets after a name's first words, with the name going on after it: "the New York Heart
# Association (NYHA) functional class"
_ABBREVIATION = re.compile(r"\s*\(\s*[a-z][a-z0-9\-]{1,9}\s*\)\s+(?=[a-z])")


def _past_abbreviation(scan: Scan, start: int, end: int) -> int:
    """Where an object that ends at a bracket ends when the bracket abbreviates the words before it (two capitals
    or more in it) and the name goes on after it: there, unless what follows the bracket is no part of the name
    (cues.OBJ_CUT: "pain (VAS) between the groups")."""
    bracket = _ABBREVIATION.match(scan.low, end)
    if bracket is None or sum(c.isupper() for c in scan.text[bracket.start() : bracket.end()]) < 2:
        return end
    stop = _OBJ_STOP.search(scan.low, bracket.end(), bracket.end() + _OBJ_MORE)
    further = stop.start() if stop is not None else min(len(scan.low), bracket.end() + _OBJ_MORE)
    kept = cut_object(scan.low[start:further]).rstrip()
    return further if start + len(kept) > bracket.end() else end


def _proper_lead(text: str, floor: int, start: int) -> int:
    """Where a capitalised name starts when outcome_words dropped its first word as a filler ("New" of "New York
    Heart Association"): at a capitalised word before a capitalised name, not the sentence's first word."""
    if start <= floor or not text[start : start + 1].isupper():
        return start
    before = text[floor:start]
    kept = before.rstrip()
    word = kept.rsplit(" ", 1)[-1]
    if len(kept) == len(before) or not (word.isalpha() and word[0].isupper() and word[1:].islower()):
        return start  # not a capitalised word ("UP, GFR": an abbreviation and a comma)
    lead = floor + len(kept) - len(word)
    opening = text[:lead].rstrip()
    return start if not opening or opening[-1] in ".!?" else lead


_OBJ_STOPS = ".;:()[]"
_OBJ_STOP = re.compile(r"[.;:()\[\]]")
_OBJ_MORE = 80

_CHANGE_NOUN_WORD = {
    **dict.fromkeys(("reduction", "decrease", "decline"), "reduced"),
    **dict.fromkeys(("increase", "rise"), "increased"),
    "improvement": "improved", **dict.fromkeys(("deterioration", "worsening"), "worsened"),
}

_CHANGE_NOUNS_SAID = frozenset(_CHANGE_NOUN_WORD)

# "in the vehicle group", "among placebo recipients": the arm a change was said of, when it is the control arm
_CONTROL_AFTER = re.compile(
    r"\s+(?:\w+ly\s+)?(?:in|among|for|with)\s+(?:the\s+)?(?:[\w\-]+\s+)?" + CONTROL_WORDS.pattern
)

_BUT_PREDICATE = re.compile(r"\bbut\s+(?:was|were|is|are)\b")

_NEGATED_VERBS = frozenset({"change", "improve", "increase", "decrease"})
# "the groups did not differ (significantly) in X": the arms are the subject, X is what they did not differ in (no
# difference in X), as "there was no difference in X" says
DID_NOT_DIFFER_IN = re.compile(
    r"\b(?:did|do|does)\s+not\s+(?:\w+ly\s+)?differ\s+(?:\w+ly\s+)?"
    r"(?:in\s+terms\s+of|with\s+(?:regard|respect)\s+to|regarding|in|on)\s+(?:the\s+|their\s+)?"
    r"(?P<obj>[a-z][^.;:()\[\]]{1,100})"
)
# an object that names the arms: "in the two groups", "in both arms"
_ARMS_OPEN = re.compile(r"(?:(?:both|all|each|either|the|two|three|these)\s+)*(?:[\w\-]+\s+){0,2}?(?:groups?|arms?)\b")

_CONDITION_BEFORE = re.compile(r"\b(?:if|unless|whether)\b")

_MODAL = re.compile(r"\b(?:may|might|could|would)\b")

# "had no beneficial effect on X", "without detrimental effects on X": no effect either way
_COMPARED_WITH = re.compile(r"\b(?:compared|than|versus|vs\.?|relative\s+to|as\s+against)\b")
# people named by their arm: "fewer ketoprofen-treated patients", "more placebo subjects"
_ARM_KIND = re.compile(r"(?:-(?:treated|fed|supplemented|exposed|vaccinated)|\b(?:placebo|control|sham))\s+$")
# a change said of one arm ("X increased in the A group and decreased in the B group"): a comparison of the arms, so
# a time fronted before its subject is when it was measured (as for "was lower in")
_ARM_AFTER = re.compile(r"\s*(?:\w+ly\s+)?(?:in|among|with|for)\s+(?:the\s+)?(?:[\w\-+/]+\s+){0,3}?(?:groups?|arms?)\b")

_EFFECT_DENIED = re.compile(r"\b(?:no|not|nor|without|lack\s+of|absence\s+of)\s+(?:\w+\s+){0,3}$")

_SCORED_SAID = frozenset({"scored", "performed", "did"})

_OUTPERFORMED_SAID = frozenset({"outperformed", "superior", "inferior", "better", "worse"})

_FEWER_OR_MORE = frozenset({"fewer", "more", "less", "proportion", "percentage", "number", "share"})


# where the subject of "were more likely to" starts: after a clause's comma ("Compared with B, those given A were ...")
_CLAUSE_COMMA = re.compile(r"[,;]\s")
# a relative clause's subject: "patients who were (significantly) more likely to ..." says who they were
_RELATIVE_SUBJECT = re.compile(
    r"\b(?:who|that|which)\s+(?:were|was|are|is)\s+(?:\w+ly\s+)?(?:\d+(?:\.\d+)?\s+times\s+)?$"
)
# the other side of the comparison after the object: "X than those given B", "X compared with B"
_COMPARED_TAIL = re.compile(r"\s+(?:than|compared|relative|versus|vs\b|as\s+compared|in\s+comparison)\b.*$")


def _likelier(scan: Scan, match: re.Match[str]) -> list[OutcomeMention]:
    """X in "patients given A were more likely to develop X": increased (fewer: decreased) in the subject's arm; the
    opposite where the subject is the control arm ("the placebo group was less likely to have X")."""
    low = scan.low
    sentence_start = scan.sentence_at(match.start())[0]
    commas = [m.end() for m in _CLAUSE_COMMA.finditer(low, sentence_start, match.start())]
    subject = low[commas[-1] if commas else sentence_start : match.start()]
    if _RELATIVE_SUBJECT.search(subject):
        return []  # "patients who were more likely to smoke were excluded": who the patients were, not a result
    obj = cut_object(_COMPARED_TAIL.sub("", match.group("obj"))).rstrip()
    control = CONTROL_WORDS.search(subject) is not None or (
        CONTROL_ARM.match(low, match.start("obj") + len(obj)) is not None
    )
    word = "fewer" if match.group("word") == "less" else "greater"
    found = []
    for piece_start, piece_end in pieces(low, (match.start("obj"), match.start("obj") + len(obj))):
        reading = result_reading(scan.text[piece_start:piece_end], word, control, scan.res.polarity)
        found.append(mention_at(scan, piece_start, piece_end - piece_start, *reading))
    return found

