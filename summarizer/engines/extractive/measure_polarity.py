"""Measures of the body whose good direction medicine agrees on, named by what they measure, not by a word of good
or harm: "FEV1", "peak power", "waist circumference", "plaque index", "cTnI release".

polarity.py's rules read an outcome's name for a harm ("pain", "mortality") or a good ("survival", "function",
"capacity", "strength"). Many trials instead name a measure of a function, a performance or a burden of disease
whose direction is as plain to a clinician, but whose name holds no such word. Each class below groups the measures of
one kind, each a kind that recurs across several trials of Evidence Inference's TRAIN documents (docs/BENCHMARKS.md,
"s43-polarity"); a class is no list of one trial's outcomes:

- higher is better: what the lungs, the kidneys or the eyes can do (forced expiratory volume, peak expiratory flow,
  glomerular filtration, visual acuity, macular or contrast sensitivity: the same as "lung function" and "renal
  function", GOOD_OUTCOME's "function"); what the muscles or the whole body can do (peak force, torque and power,
  the work done, peak oxygen uptake: as "strength" and "capacity"); the muscle a body has (muscle mass, thickness or
  cross-sectional area, of the muscles at large or of a skeletal muscle named: "biceps thickness", "the
  cross-sectional diameter of the rectus femoris"; lean mass: what ageing, disuse and cachexia take away; not its
  loss named as the outcome, nor a tendon's or a skinfold's thickness); a vaccine's seroconversion or
  seroprotection (as its "immunogenicity");
- higher is better: giving up smoking or another habit that harms (a quit rate, smoking cessation, abstinence: the
  habit's end is what such a trial aims at); doing a task accurately ("accurate estimation", "accurate trials", as
  polarity.py's "accuracy"); what an adjective judges done right ("correct answers", "adequate sedation");
- lower is better: errors and mistakes made (an error is a failure to do a thing right, whatever it is of), and what
  an adjective judges done wrong ("incorrect technique", "inappropriate prescriptions"); the length
  or size of a surgical incision or scar (the less the body is cut, the better: the aim of minimally invasive
  surgery);
- higher is better: what a person can do and how well (an ability, a performance, the range of motion of a joint,
  the distance or speed walked, fitness, endurance, exercise tolerance, physical activity: as "function" and
  "capacity"; not a "performance status", whose scales run either way, nor an ability's decline or impairment named
  as the outcome); the quality of what a person gets or has ("sleep quality", "quality of care", "image quality"),
  not as the scores of an instrument (some score the burden: a higher "quality of sleep index" is worse sleep, and
  some quality-of-life scales run the same way), nor a poor quality;
  a person's health status, vitality, functioning, skills and self-care;
- lower is better: what care costs ("total costs", "the mean cost per patient", "NHS costs": a treatment that costs less
  for the same care saves it), not a saving or a reduction of cost named as the outcome, nor what a person knows or
  thinks of a cost, nor a cost-effectiveness;
- lower is better: fat stored in the body (body fat, fat mass, visceral fat, waist circumference, obesity: excess
  adiposity is a harm; not "fat-free" or "lean" mass, nor fat eaten or excreted); dental plaque and gingival
  inflammation (their indices and scores); the markers released by injured heart muscle (troponin, CK-MB); the
  creatinine in the blood, which the kidneys fail to clear (the inverse of glomerular filtration; not its clearance,
  nor the creatinine in urine, nor a ratio to it).

Asked only where polarity.py's own rules say nothing (polarity.name_rules_higher_is_better).
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import is_head

__all__ = ["measure_higher_is_better"]

# the skeletal muscles named in measures of their size, and the measures (a cross-sectional diameter, "CSD", too)
_MUSCLE = (
    r"(?:quadriceps|rectus\s+femoris|vastus\s+(?:lateralis|medialis|intermedius)|hamstrings?|biceps(?:\s+brachii)?|"
    r"triceps|gastrocnemius|soleus|tibialis\s+anterior|deltoid|pectoralis(?:\s+major)?|gluteus\s+(?:maximus|medius))\b"
)
_MUSCLE_SIZE = r"(?:thickness|size|volume|mass|cross[\s\-]sectional\s+(?:area|diameter)|csa|csd)\b"
# what the lungs, the kidneys, the muscles or the whole body can do: more is better
FUNCTION_MEASURE = re.compile(
    r"\bfev\s?1\b|\bfev1\.0\b|\bforced\s+expiratory\s+(?:volume|flow)|\bpeak\s+(?:expiratory\s+)?flow\b|\bpefr?\b|"
    r"\bglomerular\s+filtration\b|\be?gfr\b|"
    r"\b(?:peak|maximal|maximum|isometric|muscle|muscular|contraction|grip|pull)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:force|torque|power)\b|\b(?:joint|peak)\s+torque\b|\bpower\s+output\b|"
    r"\b(?:total|amount\s+of)\s+(?:total\s+)?work\b|\bwork\s+(?:capacity|output)\b|"
    r"\bvo2\s?(?:peak|max)\b|\b(?:peak|maximal|maximum)\s+(?:oxygen|o2)\s+(?:consumption|uptake)\b|"
    r"\b(?:visual|vision|auditory|hearing|stereo)[\s\-]+acuity\b|\b(?:contrast|macular|retinal|corneal)\s+sensitivity\b|"
    r"\bsero-?(?:conversion|protection)\b|"
    # the muscle a body has (what ageing, disuse and cachexia take away), of the muscles at large or of one named
    # ("biceps thickness", "the cross-sectional diameter of the right rectus femoris")
    r"\b(?:skeletal\s+)?muscle\s+(?:[\w\-]+\s+)?(?:mass|thickness|size|volume|cross-sectional\s+area|csa)\b|"
    rf"\b{_MUSCLE}\s+(?:muscles?\s+)?{_MUSCLE_SIZE}|\b{_MUSCLE_SIZE}\s+of\s+(?:the\s+)?(?:(?:right|left)\s+)?{_MUSCLE}|"
    r"\blean\s+(?:body\s+|soft\s+tissue\s+)?mass\b"  # "fat-free mass": polarity.py's FREE_OF decides it
)
# a force that loads the body rather than one it produces ("ground reaction force", "impact force"), or a function
# measure's decline named as the outcome ("FEV1 decline": polarity.py's HARM_REDUCED reads a reduction of a harm only)
NOT_A_FUNCTION = re.compile(
    r"\b(?:reaction|impact|loading|shear)\b|\b(?:declines?|loss|falls?|drops?|fatigue|reductions?|decreases?)\b"
)
# what a person can do, and how well: more is better
ABILITY = re.compile(
    r"\babilit(?:y|ies)\b|\bperformance\b(?!\s+status)|\brange\s+of\s+(?:motion|movement)\b|"
    r"\bwalk(?:ing|ed)?\s+(?:distance|speed|capacity|ability)\b|\bdistance\s+walked\b|"
    r"\b(?:six|6)[\s\-]*min(?:ute)?[\s\-]+walk|"
    r"\b(?:physical\s+)?fitness\b|\bendurance\b|\bexercise\s+tolerance\b|\bphysical\s+activit(?:y|ies)\b|"
    r"\bhealth\s+status\b|\bvitality\b|\bfunctioning\b|\bskills?\b|\bself-care\b"
)
# the quality of what a person gets or has: "sleep quality", "quality of care", "image quality"
QUALITY = re.compile(r"\bquality\b|\b(?:hr)?qol\b")
# an instrument that measures it, whose scores may run either way (a higher "quality of sleep index" or "life quality
# index" is worse; some quality-of-life scales score the burden), or a poor quality named
NOT_A_QUALITY = re.compile(
    r"\bind(?:ex|ices)\b|\bscales?\b|\bscores?\b|\bquestionnaires?\b|\binventor(?:y|ies)\b|"
    r"\b(?:poor|low|bad|inadequate)\b"
)
# an ability's or a performance's decline or impairment named as the outcome
NOT_AN_ABILITY = re.compile(r"\bimpair\w*|\bdeficits?\b|\binabilit\w*|\bsedentary\b")
# what care costs: less is better
COST = re.compile(r"\bcosts?\b")
# a saving or reduction named as the outcome, what someone knows or thinks of a cost, a cost-effectiveness or a
# cost-benefit ratio, whose good direction is not the cost's
NOT_A_COST = re.compile(
    r"\bsav(?:e|es|ed|ing|ings)\b|\breduc\w*|\bdecreas\w*|\bknow\w*|\baware\w*|\bperce\w*|\bbelie\w*|"
    r"\beffective\w*|\bbenefits?\b|\butility\b|\bper\s+qaly\b"
)
# fat stored in the body: less is better
BODY_FAT = re.compile(
    r"\b(?:body|visceral|abdominal|subcutaneous|trunk|truncal|android|liver|hepatic|epicardial|intra-?abdominal)\s+"
    r"(?:[\w\-]+\s+)?(?:fat|adipos\w*)\b|\bfat\s+(?:mass|area|percentage|percent|content|volume)\b|"
    r"\b(?:percentage|percent)\s+(?:of\s+)?(?:body\s+)?fat\b|\bwaist\s+circumference\b|"
    # obesity as the outcome, not the people it qualifies ("weight loss in patients with obesity")
    r"^obesity\b|\b(?:central|abdominal|visceral|general|childhood|severe)\s+obesity\b|"
    r"\b(?:prevalence|incidence|rates?)\s+of\s+(?:[\w\-]+\s+)?obesity\b"
)
# lean mass ("fat-free mass", "free fat mass"), fat eaten or excreted, or the fat that burns energy
NOT_STORED_FAT = re.compile(
    r"\bfree\b|\blean\b|\bintakes?\b|\bdiet\w*|\bconsum\w*|\bf(?:a)?ecal\b|\bstool\b|\bbrown\b|\boxidation\b|"
    # its loss or reduction named as the outcome ("body fat loss"): more of that is better
    r"\b(?:loss|lost|reductions?|decreases?|declines?)\b"
)
# dental plaque and gingival inflammation, the markers released by injured heart muscle, and the creatinine the
# kidneys leave in the blood: less is better
BURDEN = re.compile(
    r"\bplaques?\b|\bgingival\s+(?:index|indices|scores?|inflammation|bleeding)\b|"
    r"\btroponin\b|\bc?tn[it]\b|\bck-?mb\b|"
    r"^(?:(?:the|mean|median|change\s+in|levels?\s+of|values?\s+of|serum|plasma|blood)\s+)*"
    r"creatinine(?:\s+(?:levels?|values?|concentrations?))?$"
)
# a burden's removal or reduction named as the outcome ("plaque removal", "plaque reduction")
NOT_A_BURDEN = re.compile(r"\b(?:removal|reduction|regression|decrease|stability|stabili[sz]ation)\b")
# giving up a habit that harms: "7-day point prevalence quit rate", "smoking cessation", "alcohol abstinence" (not
# quitting the study or the treatment: a dropout)
HABIT_GIVEN_UP = re.compile(
    r"\bquit(?:ting)?\s+(?:rates?|smoking|tobacco|drinking)\b|"
    r"\b(?:smoking|tobacco|cigarette|nicotine|alcohol|drinking)\s+(?:cessation|abstinence)\b|"
    r"\b(?:cessation\s+of|abstinence\s+from)\s+(?:[\w\-]+\s+)?(?:smoking|tobacco|cigarettes?|alcohol|drinking)\b|"
    r"^(?:[\w\-]+\s+){0,3}?abstinence\b"
)
# a task done accurately ("accurate estimation of glycemia", "the proportion of accurate trials"), not "inaccurate"
DONE_ACCURATELY = re.compile(r"(?<![\w\-])accurate(?:ly)?\b")
# what is done right or wrong, by the adjective that judges it, when the adjective qualifies the name's head ("the
# number of correct answers", "perfect queries", "adequate sedation", "successful intubation attempts" (the
# attempt's success, not the intubation a patient may need); "incorrect inhaler technique", "inappropriate
# prescriptions"): the head is followed by no more than a preposition's phrase. Not an adjective inside a clause the
# name quotes ("knowledge that smoking causes bad breath"), nor "positive", "negative" or "normal", which in medicine
# also name a test's result or a reference range, nor "optimal" (an optimal dose or pressure is a setting), nor
# "appropriate" (a device's "appropriate shocks" treat an arrhythmia: the fewer needed, the better)
_JUDGED_HEAD = (
    r"(?=(?:[\s\-]+[\w'\u2019]+){1,3}\s*(?:$|\(|\s(?:of|in|at|on|for|by|during|after|before|per|from|with)\b))"
)
DONE_RIGHT = re.compile(
    r"(?<![\w\-])(?:correct|perfect|proper|adequate|good|excellent|satisfactory|successful)" + _JUDGED_HEAD
)
DONE_WRONG = re.compile(
    r"(?<![\w\-])(?:incorrect|imperfect|inappropriate|improper|inadequate|bad|wrong|unsatisfactory|unsuccessful)"
    + _JUDGED_HEAD
)
# ... nor a count of tries ("successful intubation attempts" may count the attempts a success took: fewer is better),
# nor the time to what is judged ("time to successful resolution": polarity.py's times decide it)
NOT_JUDGED = re.compile(r"\b(?:that|which|whether|who|if|attempts?|tries)\b|\b(?:time|times)\s+(?:to|until|before)\b")
# errors and mistakes made ("estimation error", "refractive errors", "the number of medication errors")
ERRORS_MADE = re.compile(r"\b(?:errors?|mistakes?)\b(?!\s*-?\s*free)")
# the cut a surgeon makes: "the mean incision length", "length of the skin incision", "scar size"
INCISION_SIZE = re.compile(
    r"\b(?:incisions?|scars?)\s+(?:length|size|width|area)\b|"
    r"\b(?:length|size|width|area)\s+of\s+(?:the\s+)?(?:[\w\-]+\s+)?(?:incisions?|scars?)\b"
)


# Exact gates: a word (or the start of one) that every match of a class's patterns holds, so that a name with none of
# them tries none of the patterns (most outcome names are of no class)
_HIGHER_WORDS = (
    # FUNCTION_MEASURE
    "fev", "forced", "flow", "pef", "glomerular", "gfr", "force", "torque", "power", "work", "vo2", "consumption",
    "uptake", "acuity", "sensitivity", "conversion", "protection", "mass", "thickness", "size", "volume", "sectional",
    "csa", "csd",
    # ABILITY, QUALITY
    "abilit", "performance", "range", "walk", "fitness", "endurance", "tolerance", "activit", "status", "vitality",
    "functioning", "skill", "self-care", "quality", "qol",
    # DONE_RIGHT, HABIT_GIVEN_UP, DONE_ACCURATELY
    "correct", "perfect", "proper", "adequate", "good", "excellent", "satisfactory", "successful", "quit", "cessation",
    "abstinence", "accurate",
)
_LOWER_WORDS = (
    # BODY_FAT, COST
    "fat", "adipos", "waist", "obesity", "cost",
    # DONE_WRONG
    "correct", "perfect", "appropriate", "proper", "adequate", "bad", "wrong", "satisfactory", "successful",
    # BURDEN, ERRORS_MADE, INCISION_SIZE
    "plaque", "gingival", "troponin", "tn", "ck", "creatinine", "error", "mistake", "incision", "scar",
)


def _higher_class(low: str) -> bool:
    if not any(map(low.__contains__, _HIGHER_WORDS)):
        return False
    if FUNCTION_MEASURE.search(low) is not None and NOT_A_FUNCTION.search(low) is None:
        return True
    if _can_do(low):
        return True
    if _judged(low, DONE_RIGHT):
        return True
    return HABIT_GIVEN_UP.search(low) is not None or DONE_ACCURATELY.search(low) is not None


def _judged(low: str, judgement: re.Pattern[str]) -> bool:
    """Whether a name's head is judged done right or wrong (DONE_RIGHT, DONE_WRONG), and the words it judges name no
    harm ("appropriate shocks" are still shocks: how many a device had to give)."""
    match = judgement.search(low)
    if match is None or NOT_JUDGED.search(low) is not None:
        return False
    return not any(is_head(word) for word in re.findall(r"[a-z]+", low[match.end():]))


def _can_do(low: str) -> bool:
    """Whether a name is what a person can do or how well (ABILITY), or the quality of what they get (QUALITY)."""
    if NOT_A_FUNCTION.search(low) is not None or NOT_AN_ABILITY.search(low) is not None:
        return False
    if ABILITY.search(low) is not None:
        return True
    return QUALITY.search(low) is not None and NOT_A_QUALITY.search(low) is None


def _lower_class(low: str) -> bool:
    if not any(map(low.__contains__, _LOWER_WORDS)):
        return False
    if BODY_FAT.search(low) is not None and NOT_STORED_FAT.search(low) is None:
        return True
    if COST.search(low) is not None and NOT_A_COST.search(low) is None:
        return True
    if NOT_A_BURDEN.search(low) is not None:
        return False
    if _judged(low, DONE_WRONG):
        return True
    return any(pattern.search(low) is not None for pattern in (BURDEN, ERRORS_MADE, INCISION_SIZE))


def measure_higher_is_better(low: str) -> bool | None:
    """Whether more of a measure (a lower-cased outcome name) is better by its class (the module's docstring);
    None when it is of none, or of classes that disagree, or it lists several measures ("serum calcium, TUV, GFR":
    what holds of one need not of the others)."""
    if "," in low or ";" in low:
        return None
    higher = _higher_class(low)
    lower = _lower_class(low)
    if higher == lower:
        return None
    return higher
