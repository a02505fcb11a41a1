"""What a change of an outcome means for the patient: mortality down is an improvement, survival down a worsening.

Most outcomes are bad to have (mortality, pain, relapse: lower is better) or good to have (survival, remission,
quality of life: higher is better). Times and durations go by what they measure: a shorter time to recovery, a
shorter hospital stay and a shorter duration of symptoms are improvements whatever words surround them, but a longer
time to progression, a longer survival time and a longer duration of analgesia are too; "-free" outcomes
("ventilator-free days", "progression-free survival") are good to have, and so is the threshold of a harm or the
tolerance of it ("pain threshold", "glucose tolerance": how much it takes to bring the harm on).

Where these rules say nothing ("antibody titers", "serum ferritin"), a learned polarity may answer
(LearnedPolarity: a logistic regression over the outcome name's words, trained on distant labels of Evidence
Inference by summarizer.training.polarity, data/outcome_polarity.json): only where its probability reaches the
threshold chosen by cross-validation on the train documents. The rules always come first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from summarizer.engines.extractive.cues import is_head, word_class
from summarizer.engines.extractive.harm_measures import NO_HARM_WORDS, HarmWords
from summarizer.engines.extractive.linear import LinearModel
from summarizer.engines.extractive.measure_polarity import measure_higher_is_better
from summarizer.engines.extractive.tokenise import FUNCTION_WORDS, tokens
from summarizer.models import Change, Direction

# the two labels of the learned polarity: whether more of the outcome is better for the patient
POLARITY_LABELS = ("higher_is_better", "lower_is_better")
STEM_LETTERS = (4, 5)

# a response to treatment, named as the head of the outcome or measured ("response rate", "tumour response",
# "response to therapy"), not the first noun of a compound whose head is another ("response types zero intercepts",
# "response selection", "response bias": the responses a test asks of a person, whose measures run either way)
_RESPONSE_HEAD_FOLLOWERS = (
    r"rates?|ratios?|proportions?|percentages?|duration|criteria|evaluation|scores?|"
    r"to|at|of|in|on|after|before|during|for|by|with|from|between|among|and|or|vs|versus|was|were|is|are"
)
RESPONSE = rf"responses?(?!\s+(?!(?:{_RESPONSE_HEAD_FOLLOWERS})\b)[a-z])"
BAD_OUTCOME = re.compile(
    r"mortalit|death|\bd(?:ie[ds]?|ying)\b|\bards\b|complication|inflamm|ammat|cytokine|pain|adverse|toxicit|infection|"
    r"recurren|relapse|hospital|length of stay|symptom|disease|severity|risk|failure|injur|damage|fibrosis|"
    r"progression|incidence|nausea|vomit|bleed|ha?emorrh|thromb|(?<!pr)event|readmission|ventilat|intubat|\bicu\b|"
    r"fever|edema|oedema|lesion|tumou?r|viral load|\b(?:hs-?)?crp\b|il-?6|tnf|d-dimer|\bldh\b|blood pressure|"
    r"hypertension|cholesterol|glucose|hba1c|\ba1c\b|glyc(?:osyl)?ated\s+ha?emoglobin|anxiety|depress|fatigue|dyspn|cough|exacerbat|(?<!in)dependence|"
    r"requirement|disability|storm|\bviral|\bvirus|replication|"
    r"transmission|infectivity|tumorigen|metasta|parasit|gametocyt|hypoglyc|hyperglyc|insulin resistance|"
    r"weight gain|triglycerid|\bldl\b|dyspn|systolic|diastolic|\bsbp\b|\bdbps?\b|c-reactive|irritab|swelling|trismus|"
    r"\brescue\b|"  # rescue medication or analgesia: what the treatment failed to spare
    # symptoms felt or shown, as pain and fatigue are
    r"discomfort|distress|prurit|\bitch(?:ing|iness|y|es)?\b|insomnia|\baggression\b|\banger\b|"
    r"\btender(?:ness)?\b|\bsoreness\b|\bwheez"
)
GOOD_OUTCOME = re.compile(
    r"surviv|recover|quality of life|function\b|functional (?:status|capacity|recovery)|" + RESPONSE + r"|remission|"
    r"\bcure|oxygenat|saturation|lymphocyte count|efficacy|healing|clearance|discharge|capacity|strength|"
    r"adherence|satisfaction|(?<!un)success|gain|level of consciousness|well-?being|lifespan|life span|life expectancy|"
    r"longevity|insulin sensitivity|glyc(?:a)?emic control|ejection fraction|neutrali[sz]|"
    r"immunogenicity|protection|\bimprovement|"
    # the short forms trial reports give survival without an event and response ("PFS", "DFS", "ORR"); not "OS" or
    # "CR", which stand for other things too (an open surgery arm, creatinine)
    r"\b(?:pfs|dfs|efs|rfs|mfs|orr)\b"
)
# what a person knows or does accurately is good to have: "knowledge scores", "accuracy of discrimination",
# "knowledge of adverse events": the head of the name, whatever it is of (not "competence": mostly rated of
# someone else, a clinician or an expert, it says nothing of what a treatment did for the patient)
SKILL_OUTCOME = re.compile(
    r"^(?:[\w\-]+\s+){0,3}?(?:knowledge|accuracy)\s+(?:of|about|on|in|regarding)\s|"
    r"\b(?:knowledge|accuracy)(?:\s+(?:scores?|ratings?|levels?))?$"
)
# keeping to a treatment or a programme is good to have, as adherence is (GOOD_OUTCOME): "hand hygiene compliance",
# "attendance at antenatal care", "treatment completion" (not "non-compliance", "poor attendance": GAIN_FAILED; not
# a bare "completion rate", often the trial's own: how many stayed in the study is no outcome of the patient);
# apart from GOOD_OUTCOME, whose words also make bench_brief's labelled directions
KEPT_TO = re.compile(r"(?<!non-)\b(?:compliance|attendance)\b|\b(?:treatment|programme|program|course)\s+completion\b")
# good to have although a bad word is in the name ("HDL cholesterol"), unless it is what a ratio divides by
# ("LDL-C/HDL-C ratio")
GOOD_OVERRIDE = re.compile(r"(?<![/\-])\bhdl\b|(?<![/\-])\bhigh-density lipoprotein")  # not "non-HDL", "LDL/HDL"
# a name that ends in a gain is good to have, whatever it is a gain in ("symptom improvement", "pain relief"), or
# that opens with one ("complete resolution of heartburn"), unless it is the time to it ("time to clinical improvement")
GAIN_NAMED = re.compile(
    r"\b(?:improvement|relief|resolution|control)s?$|^(?:[\w\-]+\s+){0,2}?(?:improvement|relief|resolution|"
    r"disappearance|control)s?\s+(?:of|in|from)\s"
)
# a gain that is poor or lost is bad to have ("poor seizure control", "loss of symptom relief")
GAIN_FAILED = re.compile(
    r"\b(?:poor|inadequate|insufficient|suboptimal|unsatisfactory|lack\s+of|loss\s+of|failed|failure)\b"
)
# "ventilator-free days", "progression-free survival", "free of relapse": more of it is better
# a harm's reduction named as the outcome ("pain reductions", "reduction in pain"): more of it is better
HARM_REDUCED = re.compile(
    r"^(?P<what>.+?)[\s\-]+(?:reductions?|decreases?|declines?)$|^(?:\w+\s+)?(?:reductions?|decreases?|declines?)\s+"
    r"(?:of|in)\s+(?P<of>.+)$"
)
FREE_OF = re.compile(r"\w-free\b|\bfree\s+(?:of|from)\b")
# how well an image shows what it is of ("lesion conspicuity", "the metastasis-to-liver SI ratio": one tissue's signal
# against another's, "vascular enhancement", "contrast-to-noise ratio"): what a contrast agent or an imaging method
# is for, more is better, though the lesion or the metastasis shown is a harm. Not a lesion's or a tumour's own
# signal or enhancement, which a treatment may aim to lower (a tumour's enhancement falls as its vessels do)
IMAGE_VISIBILITY = re.compile(
    r"\bconspicuity\b|\b[\w\-]+-to-[\w\-]+\s+(?:si|signal(?:\s+intensity)?)\s+ratios?\b|"
    r"\b(?:contrast|signal)[\s\-]*(?:to|/)[\s\-]*noise\b|\b[cs]nr\b|"
    r"\b(?:vascular|contrast|arterial)\s+enhancement\b"
)
# the threshold of a harm, or the tolerance of it, named before or after it: how much it takes to bring the harm on
# ("pressure pain threshold", "the threshold for pain", "seizure threshold", "glucose tolerance"): more is better,
# though the harm's word is in the name
HARM_THRESHOLDS = (
    re.compile(r"(?P<harm>[\w\-]+(?:\s+[\w\-]+)?)[\s\-]+(?:thresholds?|tolerance)\b"),
    re.compile(r"\b(?:thresholds?|tolerance)\s+(?:of|for|to)\s+(?P<harm>[\w\-]+(?:\s+[\w\-]+)?)"),
)
# "time required for wound healing", "time needed to complete the task", "the time taken": what it takes; shorter
# is better
TIME_TAKEN = re.compile(r"\b(?:time|times|duration)\s+(?:required|needed|taken|necessary)\b")
# "time to progression", "time until relapse", "time to multiple sclerosis": the time before a harm (a bad word or a
# disease's name); longer is better
TIME_TO = re.compile(r"\b(?:time|times|interval|delay)\s+(?:to|until|before)\s+(?P<what>.*)$")
# the same time counted in its units: "days to wound healing", "the number of days until relapse", "median hours to
# first flatus". Only a name that opens with the count, not "7 days to 3 months" (a span) nor "2 days before surgery"
# (when a thing was done): "before" after a unit is a time point far more often than a time to an event
UNITS_TO = re.compile(
    r"^(?:(?:the|mean|median|average|total)\s+){0,2}(?:(?:number|count)\s+of\s+)?"
    r"(?:seconds|minutes|hours|days|weeks|months|years)\s+(?:to|until)\s+(?P<what>[a-z].*)$"
)
# an effort counted or timed until the body gives out ("repetitions to failure", "time to exhaustion", "cycles until
# volitional fatigue", "distance to exhaustion"): an endurance measure, more is better, though the end point is a
# harm's word; the count or the time must come right before it ("progression to renal failure" is no effort)
EFFORT_TO_END = re.compile(
    r"\b(?:repetitions?|reps|lifts|contractions|cycles|revolutions|strides|steps|time|times|duration|distance|"
    r"seconds|minutes|work|workload)\s+(?:to|until)\s+(?:(?:volitional|voluntary|muscular|muscle|momentary|task|"
    r"concentric|complete)\s+)?(?:failure|exhaustion|fatigue)\b"
)
# "duration of symptoms", "length of stay": shorter is better, unless it is the duration of something good
DURATION_OF = re.compile(r"\b(?:duration|length|period)\s+of\s+(?P<what>.*)$")
GOOD_TO_LAST = re.compile(
    r"^(?:the\s+)?(?:[\w\-]+\s+){0,2}(?:analges|action|response|remission|effect|protection|sleep|breast|survival|life\b|"
    r"immunity|abstinence)"
)
# "recovery time", "hospital stay", "operative time", "sleep latency": a time; "survival time" is longer-is-better
TIME_WORD = re.compile(r"\b(?P<what>[\w\-]+)\s+(?:time|times|duration|stay)\b|\blatency\b|\bhospital\s+days\b")
_NOT_TIMED = frozenset({"the", "a", "an", "this", "that", "same", "first", "any", "each", "every", "long", "short",
                        "some", "of", "at", "in", "over", "and", "or"})
LONGER_IS_BETTER = frozenset({"survival", "sleep", "life", "exercise", "walking-distance", "remission", "response"})


# a disease's name by its ending ("multiple sclerosis", "neuropathy"), not a judgement of one ("diagnosis") nor an
# ending that may name a normal state ("-emia": "normoglycemia"); as outcome_spans._HARM_ENDINGS
_DISEASE_ENDINGS = ("itis", "osis", "pathy", "penia", "algia", "plegia", "rrhea", "rrhoea", "toxicity")


def _names_disease(word: str) -> bool:
    return len(word) > 5 and word.endswith(_DISEASE_ENDINGS) and not word.endswith(("gnosis", "empathy", "sympathy"))


def _longer_is_better(low: str) -> bool | None:
    """For a time or a duration, whether longer is better; None when the outcome is not one."""
    if TIME_TAKEN.search(low) is not None:
        return False
    to = TIME_TO.search(low) or UNITS_TO.search(low)
    if to is not None:
        what = to.group("what")
        if GAIN_NAMED.search(what):
            return False  # "time to resolution of fever", "time to pain relief": the sooner the better
        if any(word in NEEDED_CLASSES for word in what.split()):
            return True  # "time to the first analgesic request": before a drug was needed besides; longer is better
        if GOOD_OUTCOME.search(what) is not None:
            return False
        return BAD_OUTCOME.search(what) is not None or any(map(_names_disease, what.split()))
    of = DURATION_OF.search(low)
    if of is not None:
        return GOOD_TO_LAST.search(of.group("what")) is not None
    for word in TIME_WORD.finditer(low):
        what = word.group("what")
        if what is None or (what not in _NOT_TIMED and not what[0].isdigit()):
            return what in LONGER_IS_BETTER
    return None


def polarity_features(outcome: str) -> list[str]:
    """Features of an outcome's name for the learned polarity: its content words ("W:fev1"), adjacent pairs of
    them ("B:serum_creatinine"), the last one ("H:titers", the head of most names) and the first four and five
    letters of the longer ones ("S:titer"), a crude stem, so that "titre", "titres" and "titers" share weight."""
    words = [w for w in tokens(outcome) if w[0].isalpha() and w not in FUNCTION_WORDS]
    feats = [f"W:{w}" for w in words]
    feats.extend(f"B:{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    if words:
        feats.append(f"H:{words[-1]}")
    feats.extend(f"S:{w[:n]}" for w in words for n in STEM_LETTERS if len(w) > n)
    return list(dict.fromkeys(feats))


@dataclass(frozen=True)
class LearnedPolarity:
    """The learned polarity of an outcome's name and the least probability at which its answer counts."""

    model: LinearModel
    min_probability: float
    # the case reports' harm words (data/harm_words.json), for the rule of how often a harm happens
    # (harm_measures.py); shipped beside the model and loaded with it
    harms: HarmWords = NO_HARM_WORDS

    def higher_is_better(self, outcome: str) -> bool | None:
        """Whether more of this outcome is better (True), less (False), or None when the model is not sure."""
        probabilities = self.model.probabilities(polarity_features(outcome))
        label = max(probabilities, key=probabilities.__getitem__)
        if probabilities[label] < self.min_probability:
            return None
        return label == POLARITY_LABELS[0]

    def parts(self) -> tuple[Any, ...]:
        """Plain containers for the start-up cache (startup.py); from_parts takes them back."""
        return (self.model.parts(), self.min_probability, self.harms.parts())

    @classmethod
    def from_parts(cls, parts: Sequence[Any]) -> LearnedPolarity:
        return cls(LinearModel.from_parts(parts[0]), float(parts[1]), HarmWords.from_parts(parts[2]))

    @classmethod
    def from_json(cls, data: dict[str, object], harms: dict[str, object] | None = None) -> LearnedPolarity:
        """From outcome_polarity.json: a LinearModel's JSON with its `min_probability`; and harm_words.json's
        contents, when given."""
        threshold = data.get("min_probability")
        if not isinstance(threshold, int | float):
            raise ValueError("outcome polarity JSON needs min_probability")
        words = HarmWords.from_json(harms) if harms else NO_HARM_WORDS
        return cls(LinearModel.from_json(data), float(threshold), words)


def rule_higher_is_better(outcome: str, harms: HarmWords = NO_HARM_WORDS) -> bool | None:
    """Whether more of this outcome is better for the patient by the rules alone; None when they say nothing.
    harms: the case reports' harm words, for how often a harm happens (harm_measures.py), the last rule asked."""
    more_is_better = name_rules_higher_is_better(outcome)
    if more_is_better is None and harms.occurrence_of_harm(outcome.lower()):
        return False  # "prevalence of diarrhoea", "scores indicating undersedation"
    return more_is_better


def _harm_threshold(low: str) -> bool:
    """Whether a lower-cased name is the threshold or tolerance of a harm (HARM_THRESHOLDS), and no list of
    measures."""
    if ("thresh" not in low and "toleran" not in low) or "," in low or ";" in low:
        return False
    return any(_names_harm(match.group("harm")) for pattern in HARM_THRESHOLDS for match in pattern.finditer(low))


def _names_harm(words: str) -> bool:
    """Whether a few words name a harm: a bad outcome's word, or a harm word of the adverse-event lexicon
    (cues.is_head: "seizure"), and no good one."""
    if GOOD_OUTCOME.search(words) is not None:
        return False
    return BAD_OUTCOME.search(words) is not None or any(map(is_head, tokens(words)))


# how often a test or a screening is done ("LDL cholesterol test rates", "uptake of HIV testing"): a measure of the
# care given, not of the condition tested for, whose polarity says nothing of it
TEST_DONE = re.compile(
    r"\b(?<!positive\s)(?<!negative\s)(?:tests?|testing|screening)\s+(?:rates?|uptake|completion)\b|"
    r"\b(?:rates?|uptake|completion)\s+of\s+(?:[\w\-]+\s+){0,3}?(?:testing|screening)\b"
)


# Exact gates: a word (or the start of one) every match of a pattern holds, so that a name without one is not searched
_GOOD_OVERRIDE_WORDS = ("hdl", "high-density lipoprotein")
_IMAGE_VISIBILITY_WORDS = ("conspicuity", "-to-", "noise", "nr", "enhancement")
_GAIN_WORDS = ("improvement", "relief", "resolution", "disappearance", "control")
_SKILL_WORDS = ("knowledge", "accuracy")
_KEPT_TO_WORDS = ("compliance", "attendance", "completion")
_HOW_OFTEN_WORDS = ("frequenc", "number")


def _found(pattern: re.Pattern[str], words: tuple[str, ...], low: str) -> bool:
    """Whether pattern matches in a lower-cased name, searched only where the name holds one of its words."""
    return any(map(low.__contains__, words)) and pattern.search(low) is not None


# "discharge" is good to have when the patients leave care (GOOD_OUTCOME: "discharge rate", "discharge home"); not
# when it comes from the body ("nasal discharge", "purulent discharge", "discharge from the ear": a symptom), nor when
# it only says when a measure was taken ("morphine consumption after PACU discharge": the measure is the consumption)
BODY_DISCHARGE = re.compile(
    r"\b(?:nasal|nose|post-?nasal|vaginal|cervical|urethral|penile|nipple|ear|aural|otic|ocular|eye|conjunctival|"
    r"wound|rectal|anal|purulent|mucopurulent|mucoid|mucous|bloody|watery|serous|sero-?sanguineous)\s+discharges?\b|"
    r"\bdischarges?\s+(?:from|of)\s+(?:the\s+)?(?:ears?|nose|eyes?|wounds?|vagina|urethra|nipples?|cervix)\b"
)
DISCHARGE_AT = re.compile(
    r"\b(?:after|following|until|till|before|prior\s+to|at|post|on|by)[\s\-]+(?:the\s+)?"
    r"(?:(?:hospital|pacu|icu|ward|unit)\s+)?discharge\b"
)


def _discharge_read(low: str) -> str:
    """A lower-cased name with a discharge from the body read as the symptom it is and a discharge that only dates
    the measure taken out, so that neither counts as leaving care (GOOD_OUTCOME); of any length (no span is kept)."""
    return DISCHARGE_AT.sub(" ", BODY_DISCHARGE.sub("symptom", low))


def name_rules_higher_is_better(outcome: str) -> bool | None:
    """rule_higher_is_better without the rule of how often a harm happens (harm_measures.py)."""
    low = outcome.lower()
    if "discharge" in low:
        low = _discharge_read(low)
    if ("test" in low or "screening" in low) and TEST_DONE.search(low) is not None:
        return None
    if _found(GOOD_OVERRIDE, _GOOD_OVERRIDE_WORDS, low) or _found(FREE_OF, ("free",), low) or _harm_threshold(low):
        return True
    if _found(IMAGE_VISIBILITY, _IMAGE_VISIBILITY_WORDS, low) and "," not in low:
        return True
    reduced = HARM_REDUCED.search(low) if "reduc" in low or "decreas" in low or "declin" in low else None
    if reduced is not None:
        what = reduced.group("what") or reduced.group("of")
        if BAD_OUTCOME.search(what) is not None and GOOD_OUTCOME.search(what) is None:
            return True
    if ("failure" in low or "exhaust" in low or "fatigue" in low) and EFFORT_TO_END.search(low) is not None:
        return True  # "repetitions to failure": an endurance count
    more_is_better = _longer_is_better(low)
    if more_is_better is None and _found(GAIN_NAMED, _GAIN_WORDS, low) and GAIN_FAILED.search(low) is None:
        more_is_better = True
    if more_is_better is None and _found(SKILL_OUTCOME, _SKILL_WORDS, low) and GAIN_FAILED.search(low) is None:
        more_is_better = True  # apart from GOOD_OUTCOME, whose words also make bench_brief's labelled directions
    if more_is_better is None and _found(KEPT_TO, _KEPT_TO_WORDS, low) and GAIN_FAILED.search(low) is None:
        more_is_better = True  # "weekly compliance", "treatment completion": kept to, as adherence
    if more_is_better is None:
        bad = BAD_OUTCOME.search(low) is not None
        good = GOOD_OUTCOME.search(low) is not None
        if bad != good:
            more_is_better = good
    if more_is_better is None and _found(_HOW_OFTEN, _HOW_OFTEN_WORDS, low) and any(map(is_head, tokens(low))):
        more_is_better = False  # "seizure frequency", "number of headaches": how often a harm happens
    if more_is_better is None and _drug_needed(low):
        more_is_better = False  # "morphine consumption", "rescue analgesic use": a drug needed besides
    if more_is_better is None and ("attempt" in low or "tries" in low) and TRIES.search(low) is not None:
        more_is_better = False  # "the number of attempts at intubation": the tries it took
    if more_is_better is None:
        more_is_better = measure_higher_is_better(low)  # "FEV1", "peak power", "waist circumference"
    return more_is_better


# the amount of a drug the patients needed besides the treatment ("morphine consumption", "the total amount of
# fentanyl consumption", "consumption of analgesics", "rescue analgesic use"): less is better, as a requirement is
# (BAD_OUTCOME). The drug is a word shaped like a drug's name (cues.word_class) or a class of drugs given for a
# symptom; "use" and "usage" only of such a class ("statin use" may be what an adherence programme aims at)
_NEEDED = re.compile(
    r"\b(?P<before>[\w\-]+)\s+(?P<noun>consumption|usage|use)\b|"
    r"\b(?P<noun2>consumption|usage|use)\s+of\s+(?:(?:the|any|additional|supplementary|rescue)\s+)?(?P<after>[\w\-]+)\b"
)
NEEDED_CLASSES = frozenset({
    "analgesic", "analgesics", "analgesia", "opioid", "opioids", "narcotic", "narcotics", "sedative", "sedatives",
    "antiemetic", "antiemetics", "anti-emetic", "anti-emetics", "rescue", "vasopressor", "vasopressors",
    "inotrope", "inotropes", "antipyretic", "antipyretics",
})


def _drug_needed(low: str) -> bool:
    """Whether a lower-cased outcome name is the amount of a drug the patients needed (_NEEDED)."""
    if "consum" not in low and "use" not in low and "usage" not in low:
        return False
    for match in _NEEDED.finditer(low):
        drug = match.group("before") or match.group("after")
        if drug in NEEDED_CLASSES:
            return True
        if (match.group("noun") or match.group("noun2")) == "consumption" and word_class(drug) == "DRUGX":
            return True
    return False


# the tries it took to do something ("the number of attempts at intubation", "mean number of attempts"): fewer is
# better, as a time taken (TIME_TAKEN) is; a successful try is good to have (GOOD_OUTCOME, asked first)
TRIES = re.compile(r"\b(?:number|count)\s+of\s+(?:[\w\-]+\s+){0,2}?(?:attempts|tries)\b")


# how often something happens: of a harm (a word of the adverse-event lexicon, cues.is_head), fewer is better
_HOW_OFTEN = re.compile(r"\b(?:frequency|frequencies|number)\b")


def outcome_direction(outcome: str, change: Change, learned: LearnedPolarity | None = None) -> Direction:
    """What a change of this outcome means for the patient (mortality decreased = improved). The rules decide;
    where they say nothing, the learned polarity does, when it is given and sure enough."""
    if change == "no_difference" or change == "unclear":
        return change
    more_is_better = rule_higher_is_better(outcome, learned.harms) if learned else rule_higher_is_better(outcome)
    if more_is_better is None and learned is not None:
        more_is_better = learned.higher_is_better(outcome)
    if more_is_better is None:
        return "unclear"
    return "improved" if (change == "increased") == more_is_better else "worsened"
