"""The words by which a statement names a treatment and its frame: what may be part of a treatment's name, how a
clinician writes that name, and what says it was given.

A treatment's name names what was given: a drug, biologic, vaccine, procedure, device, or a behavioural or lifestyle
intervention. A dose ("8 mg", "156 mg injections"), a duration ("3-month treatment"), a number or number word ("only
one group"), a negated phrase ("without oral antipsychotic supplementation") or a description of a study ("study
testing 3 months treatment") is not a name, and none of their words identifies a treatment. What a phrase calls
"the treatment of RDS" or "therapy for hepatitis" is the disease treated, not the treatment.

A name ends with a treatment word (HEAD_CLASS: "bone marrow transplantation", "Ad26 vaccine"), counted under its
class, or is a drug's name; some treatment words name a treatment only with a specific word before them ("PGT121
antibody", not "antibodies"). A molecule followed by a word of biology ("insulin sensitivity"), a common word of the
drug lists ("oxygen", "glucose") and a trial's name ("the ACTT-1 trial") name nothing given. A trial arm is named by
what it was given ("the olanzapine group"); the comparator's words ("placebo", "sham", "usual care") name the other
arm, never the intervention.

The words are also what marks a therapeutic frame: a dose quantity ("600 mg", "25 Gy"), a route of administration
("intranasal", "intrathecal") or a word of treating (THERAPY_CUES: "treated", "given", "trial") next to a drug says
it was given; a word of exposure (EXPOSURE_CUES: "exposure", "smoking", "intake") says it is an exposure or a risk
factor, not an intervention.

treatments.py reads statements with these words (and this module imports nothing from it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.engines.extractive.per_word import shared_table
from summarizer.engines.extractive.tokenise import word_set as _words

# units of a dose, as the tokeniser splits them ("mg/kg" gives "mg", "kg"); a lone "g" counts after a number
DOSE_UNITS = _words("mg mcg ug iu ius miu gy mmol")
# units that follow "mg" in a concentration ("40 mg/dl"), not a dose
CONCENTRATION_AFTER = _words("dl l ml")
ROUTES = _words(
    "intranasal intranasally intrathecal intrathecally intravenous intravenously oral orally subcutaneous "
    "subcutaneously intramuscular intramuscularly inhaled nebulized nebulised topical topically intravitreal "
    "intra-articular intradermal epidural sublingual transdermal intraperitoneal intraperitoneally intralesional"
)
_NUMBER_WORDS = _words(
    "zero one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty single double triple "
    "only half once twice thrice"
)
_DOSE_AND_DURATION_WORDS = _words(
    "day days week weeks month months year years hour hours minute minutes daily weekly monthly yearly "
    "short-course long-course long-term short-term dose doses dosage dosages dosing "
    "qd q.d bid b.i.d tid t.i.d qid q.i.d prn"  # how often a dose is given
)
_NEGATIONS = _words("without no not nor non never")
GIVING_VERBS = _words("treated given received receiving taking took administered prescribed adding")
# people a statement is about; a population word ("patients on dialysis", "those without") says who
PEOPLE = _words(
    "adults cases children individuals men participants patient patients people persons subjects those women"
)
_POPULATION_WORDS = PEOPLE | {"diabetics"}
# words of a study, its design or its arms: never part of what was given
STUDY_WORDS = _words(
    "study studies trial trials testing tested test evaluating evaluated investigating investigated comparing "
    "compared versus vs cohort placebo-controlled randomized randomised controlled open-label pilot"
)
_DOSE_OR_DURATION = re.compile(
    r"^(?:[\d.,/%×x±–\-]+|(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
    r"[\-–]?(?:mg|g|mcg|µg|μg|ug|iu|ml|gy|kg|day|days|week|weeks|month|months|year|years|hour|hours|h|d|wk|mo|"
    r"times?|fold|cycles?|doses?)(?:/\w+)?|(?:mg|g|mcg|µg|μg|ug|iu|ius|ml|gy|miu|m2)(?:/\w+)*)$"
)
# "25-hydroxyvitamin", "5-fluorouracil": a chemical locant before a name
_LOCANT = re.compile(r"^\d+(?:,\d+)*-(?=[a-z]{4,})")
_VERSION = re.compile(r"^\d+(?:\.\d+)?$")
# "high dose colchicine treatment" reads "colchicine treatment"
_DOSE_LEVEL = re.compile(r"\b(?:high|low|single|standard|full|double)[\s\-]dose\s+", re.IGNORECASE)
# "ofloxacin containing regimen" reads "ofloxacin-containing regimen"
_CONTAINING = re.compile(r"^(\S+) (containing|based) ", re.IGNORECASE)
# words that may open a phrase without saying what was given: "the same E. longifolia extract"
LEADING_FILLER = _words(
    "same such this that these those their its our any some all each both other new novel current existing various "
    "several many multiple different previous prior further additional first second a an the"
)


# Treatment words: a word that ends a treatment's name ("bone marrow transplantation", "Ad26 vaccine"), by the class
# a name is counted under (so "vaccination" and "vaccine" are one treatment)
HEAD_CLASS: dict[str, str] = {
    **dict.fromkeys(_words("therapy therapies treatment treatments regimen regimens"), "therapy"),
    **dict.fromkeys(_words("immunotherapy immunotherapies chemotherapy chemotherapies pharmacotherapy monotherapy "
                           "polytherapy"), "therapy"),
    # radiotherapy names a treatment on its own ("preoperative radiotherapy")
    **dict.fromkeys(_words("radiotherapy radiotherapies irradiation"), "radiotherapy"),
    **dict.fromkeys(_words("extract extracts"), "extract"),
    **dict.fromkeys(_words("vaccine vaccines vaccination vaccinations immunization immunizations immunisation "
                           "immunisations"),
                    "vaccine"),
    **dict.fromkeys(_words("transplantation transplant transplants transplantations graft grafts grafting"),
                    "transplant"),
    **dict.fromkeys(_words("supplementation supplement supplements"), "supplement"),
    **dict.fromkeys(_words("infusion infusions injection injections administration transfusion transfusions"),
                    "administration"),
    **dict.fromkeys(_words("intervention interventions surgery prophylaxis"), "intervention"),
    **dict.fromkeys(_words("antibody antibodies"), "antibody"),
    # procedures and devices
    **dict.fromkeys(_words("procedure procedures operation operations"), "procedure"),
    **dict.fromkeys(_words("stent stents stenting"), "stent"),
    **dict.fromkeys(_words("implant implants implantation"), "implant"),
    **dict.fromkeys(_words("dialysis hemodialysis haemodialysis"), "dialysis"),
    **dict.fromkeys(_words("defibrillator defibrillators defibrillation"), "defibrillation"),
    **dict.fromkeys(_words("device devices"), "device"),
    "ablation": "ablation",
    "bypass": "bypass",
    # behavioural and lifestyle interventions
    **dict.fromkeys(_words("program programs programme programmes"), "programme"),
    **dict.fromkeys(_words("training trainings"), "training"),
    "education": "education",
    **dict.fromkeys(_words("counselling counseling"), "counselling"),
    "rehabilitation": "rehabilitation",
    **dict.fromkeys(_words("exercise exercises"), "exercise"),
    **dict.fromkeys(_words("diet diets"), "diet"),
    **{word: word for word in _words("acupuncture electroacupuncture massage yoga meditation mindfulness")},
}
TREATMENT_CLASSES = frozenset(HEAD_CLASS.values())
# the classes whose word adds nothing to the name of what is given ("treatment with X" is X)
PLAIN_CLASSES = frozenset({"therapy", "supplement", "administration"})
# these name a treatment only with a specific word before them ("PGT121 antibody", not "antibodies")
NEEDS_MODIFIER = _words(
    "antibody antibodies intervention interventions supplement supplements regimen "
    "regimens treatment treatments therapy therapies surgery procedure procedures operation operations device "
    "devices program programs programme programmes training trainings education counselling counseling diet diets "
    "ablation bypass extract extracts"
)
# the classes of those words: they never name a treatment on their own
MODIFIED_CLASSES = frozenset(HEAD_CLASS[word] for word in NEEDS_MODIFIER)
# lifestyle changes are given only when a therapeutic word says so ("exercise training", "a weight loss
# programme"); on their own ("exercise", "weight loss") they may be a behaviour observed, as in a cohort study
LIFESTYLE_CLASSES = frozenset({"exercise", "diet", "weight-loss"})
# a word ending like these names a procedure or a therapy: "appendectomy", "angioplasty", "physiotherapy"
PROCEDURE_SUFFIXES = ("ectomy", "plasty", "otomy", "ostomy", "therapy", "pexy")
NOT_PROCEDURES = _words("autotomy")
# "exercise capacity", "exercise tolerance", "diet quality": a measure, not a lifestyle change given
MEASURE_AFTER = _words(
    "capacity tolerance performance test tests testing duration time intensity level levels quality pattern "
    "patterns habits composition intake history behaviour behavior behaviours behaviors data set sets sample "
    "samples"
)
# the classes whose word is also a measure or a common noun ("exercise capacity", "training data")
MEASURED_CLASSES = frozenset({"exercise", "diet", "training", "education", "programme", "procedure", "device",
                              "counselling"})
# "weight loss", "weight reduction" (WEIGHT_PHRASE): given as an intervention when it is the agent of an effect, not
# an outcome after these words ("X caused weight loss")
OUTCOME_BEFORE = _words(
    "caused causes cause causing induced induces inducing produced produces producing led leads resulted results "
    "experienced showed shows demonstrated had has have greater more less significant mean median average "
    "percentage"
)
# "improved with weight loss": the agent of the change before it
AGENT_BEFORE = _words("with by after following through via")
# "the ACTT-1 trial", "the RECOVERY study": the name of a trial, not of what it gave
TRIAL_WORDS = _words("trial trials study studies investigators cohort registry")
# cell products: "mesenchymal stem cells", "iPSC-derived cells"
CELL_WORDS = _words("cells cell")
CELL_MODIFIERS = _words("stem stromal progenitor car-t")
# words before a treatment word that do not say which treatment it is
GENERIC_MODIFIERS = LEADING_FILLER | _words(
    "combination combined high-dose low-dose intravenous oral intramuscular subcutaneous intranasal chronic acute "
    "maintenance continuous prolonged intermittent repeated preoperative postoperative perioperative intraoperative "
    "intra-operative neoadjuvant potential effective successful standard conventional adjuvant single daily early "
    "late initial candidate experimental clinical preclinical therapeutic prophylactic preventive specific targeted "
    "passive active recent long-term short-term durable modern optimal appropriate important available approved "
    "licensed emerging promising better best usual routine systemic local topical proposed pharmacological medical "
    "surgical drug drugs cancer disease patient patients human animal animals mouse mice treatment treatments "
    "therapy therapies cell cells based -based of and or plus in with for to by from on as after before during "
    "following one two three four five"
)
# of those, the words that say how or when a kind of treatment was given: a trial that compares ways of giving one
# kind names its arms by them ("the continuous infusion group", "the preoperative chemotherapy arm", "the oral arm");
# not the words of an arm's role ("active", "standard") nor of its dose or its time in a delayed design ("late")
ARM_SCHEDULES = _words(
    "continuous intermittent prolonged repeated preoperative postoperative perioperative intraoperative "
    "intra-operative neoadjuvant adjuvant intravenous oral intramuscular subcutaneous intranasal topical systemic local"
)
# molecules followed by these are biology, not something given: "insulin sensitivity", "IFN signalling"
BIOLOGY_AFTER = _words(
    "level levels signaling signalling pathway pathways receptor receptors sensitivity resistance secretion "
    "production concentration concentrations expression activity activities metabolism synthesis release uptake "
    "binding homeostasis deficiency deficient transporter transporters response responses gene genes protein "
    "proteins mrna status biosynthesis degradation clearance tolerance homoeostasis"
)
# drug-list names that are common words, elements or nutrients in running text
NOT_AGENTS = _words(
    "lead baseline oxygen water glucose sodium calcium potassium iron zinc magnesium chloride nitrogen carbon "
    "hydrogen alcohol ethanol protein proteins amino acid acids fatty salt sugar fat fats energy light air "
    "control placebo vehicle saline medium serum plasma blood insulin cholesterol collagen albumin"
)
# Frames: words near a name that say it was given (a therapeutic frame) or that it is an exposure or a risk factor
THERAPY_CUES = _words(
    "treat treated treating treatment treatments therapy therapies therapeutic administered adding "
    "administration administering administer administers given giving received receiving dose doses dosing dosed "
    "injected injection injecting inject injects infused infusion infusing infuse infuses "
    "transplanted transplantation delivered delivering immunized immunised vaccinated "
    "vaccination supplementation supplemented prescribed drug drugs agent agents medication "
    "medications prophylactic trial trials randomized randomised placebo regimen "
    "intervention monotherapy"
)
EXPOSURE_CUES = _words(
    "exposure exposures exposed consumption intake users smoking smokers pollutant "
    "pollutants pollution occupational environmental contaminant contaminants uv ultraviolet ionizing ionising"
)
# How a trial or a citing paper names what was tested (treatment_frames.py): "the efficacy of X", "the addition of
# X" (GIVEN_OF before "of"); in a sentence that reports a tested result, also "the effect of X", "the use of X",
# "the application of X" (TESTED_OF: basic science speaks of "the effect of IL-18" too); "patients assigned to X",
# "allocation to X" (ASSIGNED_TO before "to")
GIVEN_OF = _words("efficacy effectiveness efficiency addition co-administration coadministration superiority")
TESTED_OF = _words("effect effects use application benefit benefits safety tolerability")
ASSIGNED_TO = _words("randomised randomized randomly assigned allocated allocation assignment allotted switched")
# "X was effective", "X is superior to Y": a name as the subject of these says it was tested
TESTED_PREDICATES = _words("effective efficacious superior inferior non-inferior noninferior protective beneficial")
BE = _words("was were is are")
# verbs of a result whose subject is the agent ("X resulted in a greater reduction", "X had a lower rate than Y")
RESULT_VERBS = _words("had has have showed shows produced produces achieved achieves yielded yields gave gives "
                      "resulted results led leads caused causes")
# adverbs between a subject and its verb ("X significantly reduced", "X also improved")
SUBJECT_ADVERBS = _words("also further still both alone only not")
# words after a verb of change that say it had no object ("Y increased more rapidly", "Y rose over time")
INTRANSITIVE_AFTER = _words("over up down again further much rather somewhat still thereafter")
# what begins the object of a transitive verb: a determiner (other function words begin no object: "increased after
# IH", "reduced by 20%")
DETERMINERS = _words("the a an their its his her both all each this these those")
# prepositions and conjunctions of time, place and condition: "practice before education", "training post intervention"
_TIME_PLACE_CONDITION = (
    "before post pre through throughout until till when whenever where whether since because if unless upon under "
    "about against toward towards per"
)
# Where a name begins and ends: function words, which a name read back from its head (or forward from "treatment
# with") does not cross
STOP_BEFORE = _words(
    "the a an of and or with in by for to that this these those their its as after following on from is was were "
    "are be been has have had which whose who we our such other than into at via vs versus not no but while whereas "
    "between although however significant significantly difference differences both each either neither despite "
    "during allocated assigned randomised randomized "
    "his her he she they it there among within across differ differed did does do respectively whereas compared "
    + _TIME_PLACE_CONDITION
)
# "the usual care arm", "the standard care group": the comparator
CONTROL_CARE = _words("usual standard routine conventional")
# the words that make a trial arm the comparator: a name the PICO reader reads as an intervention that begins with
# one is the other arm ("conventional stethoscopes", "placebo injection"), and so is a trial arm
# named by one ("the waitlist group")
COMPARATOR = CONTROL_CARE | _words(
    "control controls placebo sham comparison untreated non-treated no-treatment no-intervention waitlist wait-list "
    "waiting tau"  # TAU: treatment as usual
)
# the short forms trial reports write the comparator's arm by without defining them ("BA vs. PLA", "PBO group",
# "CTRL"): placebo's and control's own abbreviations, the comparator as surely as the words they shorten
COMPARATOR_SHORT_FORMS = _words("pla pbo plc ctrl ctl")
# trial arms: "the olanzapine group", "the intramuscular arm" name what that arm was given
ARM_WORDS = _words("group groups arm arms")
# an arm named by what it was not given, or by a comparator's word before a hyphen: "non-fluoridated", "sham-operated"
_NEGATED_ARM = re.compile(r"^non-?[a-z]+ed$")
# "surgery-alone", "diet-only": a hyphened arm named by what it was given without the addition tested
_WITHOUT_ADDITION = ("-alone", "-only")


# the short forms trials give the comparator's arm, the initials of its words ("control group (CG)", "usual care group
# (UCG)"; "TAU" is in COMPARATOR): written alone, "in the UCG", they name the comparator too
COMPARATOR_INITIALS = frozenset({"cg"} | {word[0] + "cg" for word in CONTROL_CARE})  # "usual care group"


def names_comparator(anchor: str) -> bool:
    """Whether a name's anchor word names the comparator arm: "placebo", "sham-operated", "non-supplemented", the
    initials of a comparator's arm ("CG", "UCG"), placebo's and control's own short forms ("PLA", "CTRL"), and the arm
    without an addition ("the surgery-alone arm" is the
    reference of "chemotherapy plus surgery")."""
    return (
        anchor in COMPARATOR
        or anchor in COMPARATOR_INITIALS
        or anchor in COMPARATOR_SHORT_FORMS
        or anchor.split("-", 1)[0] in COMPARATOR
        or _NEGATED_ARM.match(anchor) is not None
        or anchor.endswith(_WITHOUT_ADDITION)
    )


NOT_ARMS = _words(
    "both two three four five each all other same different first second "
    "third age risk high-risk low-risk study patient patients working research ethnic functional "
    # "the high-adherence group", "the responders group": people grouped by how they took or answered to what was given
    "adherence high-adherence low-adherence adherent non-adherent compliant non-compliant completers "
    "responders non-responders "
    "blood subgroup this that these those whole entire trial trials "
    "case cases period periods phase phases baseline "  # "the case and control groups", "the run-in period"
    "mean median average overall total "  # "the mean group difference"
    "verum"  # "the verum group": the active arm, whatever it was given
) | COMPARATOR
# "the treatment of RDS", "therapy of hepatitis": what follows "of" is the disease
DISEASE_OF = _words("treatment treatments therapy therapies radiotherapy chemotherapy management")
# the rest of a dose after its unit: "mg/m2", "mg/kg/day"
DOSE_PER = _words("m kg d day h per")
# what follows these is the disease treated or the population, not the treatment
INDICATION_BEFORE = frozenset(
    tuple(pair.split("_")) for pair in _words(
        "treatment_of treatment_for therapy_for therapy_of management_of prevention_of patients_with "
        "diagnosed_with subjects_with children_with adults_with"
    )
)
# "Table 2", "Supplementary Figure": a part of the document, not of a name
DOCUMENT_WORDS = _words("table tables figure figures fig supplementary appendix")
# words that are never part of a treatment's name as the PICO reader reads one (its spans run over them: "gave lower
# VT", "SE 1.68"): comparatives and the abbreviations of statistics
COMPARATIVES = _words("more less fewer higher lower greater larger smaller better worse longer shorter")
NOT_IN_LEARNED_NAMES = COMPARATIVES | GIVING_VERBS | _words("se sd sem ci ns iqr hr rr anova mean means median average")
# a Roman numeral begins the name of a group ("groups I and II"), not of a treatment
ROMAN_NUMERAL = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|x)$")
# punctuation around a word of a name, and between the words of one name it ends
TRAILING_PUNCT = ",;:()[]"
# words that end a treatment's name when reading back from its head ("performed MSC-based interventions")
NOT_MODIFIERS = _words(
    "also performed used using received receiving given administered shown reported found observed underwent "
    "undergoing underwent include including includes included such like"
)
# verbs and relative pronouns: the name of what is given ("treatment with X", read forward) ends before them
VERBS = _words("who whom whose is was were are be been has have had can could may might will would does did do "
               "shows showed improves reduces increases decreases prevents protects extends leads results "
               "gave gives got took made led saw kept")
# the words a treatment phrase or a trial arm ends with
PHRASE_ENDS = frozenset(HEAD_CLASS) | CELL_WORDS | ARM_WORDS
WEIGHT_PHRASE = re.compile(
    r"\bweight[\s\-]+(?:loss|losses|reductions?)\b|\b(?:reductions?|loss(?:es)?)\s+(?:in|of)\s+(?:body\s+)?weight\b"
)
# a person named in a sentence: a drug in a sentence that reports an adverse event in a person was given to them
PERSON = re.compile(
    r"\b(?:patients?|man|men|woman|women|boy|girls?|child|children|infants?|neonates?|adults?|subjects?|"
    r"participants?|volunteers?|individuals?|persons?|people|cases?|\d+[\s\-]years?[\s\-]old|year-old)\b"
)
# "the celecoxib-treated group" was given celecoxib; "GH-associated side effects", "PIO's effect" name GH, PIO
_TREATED = re.compile(r"(?<=\w)(?:-treated|-associated|-related|-induced|['’]s)$", re.IGNORECASE)
# "MSC-based", "cisplatin-induced": the name of the agent is the word without this ending
CAUSE_SUFFIX = re.compile(r"-(?:based|induced|associated|related|treated|mediated|dependent)$")


@shared_table
def is_name_word(word: str) -> bool:
    """Whether a (lower-case, bare) word may identify a treatment: not a dose, a duration, a number or number word,
    a negation or a word of a study's design."""
    return not (
        word in _NUMBER_WORDS
        or word in _DOSE_AND_DURATION_WORDS
        or word in _NEGATIONS
        or word in STUDY_WORDS
        or _DOSE_OR_DURATION.match(word) is not None
    )


def anchor_form(word: str) -> str:
    """A name word as it is matched across statements: without a chemical locant ("25-hydroxyvitamin" and
    "hydroxyvitamin" are one)."""
    return _LOCANT.sub("", word)


# a drug's code name that starts with a number and a hyphen: "5-FU", "6-MP", "5-HT3", "2-CdA" (the word after the
# hyphen has two or more capitals); the tokens split it, so a name read from them starts at the word
_NUMBER_HYPHEN = re.compile(r"(?<![\w.,\-])\d{1,2}-$")
_CODE_WORD = re.compile(r"[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*(?![\w\-])")


def code_name_start(text: str, start: int) -> int:
    """Where a name read from `start` begins: at the number before it when the two make a drug's code name ("5-FU",
    not "FU"); never for a dose or a duration ("5-MG", "12-MONTH")."""
    if start < 2 or text[start - 1] != "-" or not text[start - 2].isdigit():
        return start
    code = _CODE_WORD.match(text, start)
    number = _NUMBER_HYPHEN.search(text, max(0, start - 4), start) if code is not None else None
    if code is None or number is None or not is_name_word(text[number.start() : code.end()].lower()):
        return start
    return number.start()


def negated_before(before: list[str]) -> bool:
    """Whether the words right before a treatment negate its being given: "without X", "no X", "not X", and a
    negated verb of giving ("not treated with X", "never received X")."""
    if not before:
        return False
    if before[-1] in _NEGATIONS:
        return True
    verb = before[:-1] if before[-1] in ("with", "by") else before
    return len(verb) >= 2 and verb[-1] in GIVING_VERBS and verb[-2] in _NEGATIONS


def population_frame(before: list[str]) -> bool:
    """Whether the words right before a treatment say who the patients were rather than what was tested: their
    background treatment ("patients under metformin", "patients on dialysis") or the procedure that defines them
    ("those subjected to ostectomy", "patients undergoing surgery")."""
    if not before:
        return False
    last = before[-1]
    if last in ("under", "undergoing", "underwent") or (last == "to" and before[-2:-1] == ["subjected"]):
        return True
    return last == "on" and before[-2:-1] != [] and before[-2] in _POPULATION_WORDS


def clean_name(name: str) -> str:
    """A treatment's name without the doses, durations and numbers around it and without leading fillers:
    "156 mg injections" -> "injections", "ofloxacin containing 4-month regimen" -> "ofloxacin-containing regimen",
    "same E. longifolia extract" -> "E. longifolia extract"."""
    words = _DOSE_LEVEL.sub("", name).split()
    bare = [w.lower().strip(TRAILING_PUNCT) for w in words]
    named = [is_name_word(w) for w in bare]
    # a number right after a word of the name and before another (or at its end) is part of it: "Web 2.0", "IL 2"
    kept = [
        w for k, w in enumerate(words)
        if named[k] or (k > 0 and named[k - 1] and _VERSION.match(bare[k]) and (k + 1 == len(words) or named[k + 1]))
    ]
    while len(kept) > 1 and (kept[0].lower() in LEADING_FILLER or kept[0].lower() == "plus"):  # "plus Y": Y
        kept.pop(0)
    if kept:
        kept[-1] = _TREATED.sub("", kept[-1])
    cleaned = " ".join(kept) if kept else name
    return _CONTAINING.sub(r"\1-\2 ", cleaned)


def dose_in(window: Sequence[str]) -> bool:
    """Whether the words hold a dose: "600 mg", "25 Gy", "1.8 g/day" (not a concentration: "40 mg/dl")."""
    for k, tok in enumerate(window):
        after = window[k + 1] if k + 1 < len(window) else ""
        if tok in DOSE_UNITS and after not in CONCENTRATION_AFTER:
            return True
        if tok == "g" and k and window[k - 1][0].isdigit() and after in ("day", "d", "kg"):
            return True
    return False
