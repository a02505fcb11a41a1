"""The cue vocabulary of reported results: the patterns and word lists by which trials say what they found ("X was
significantly lower in the treated group", "no significant difference in X", "fewer patients had X", "A outperformed
B on X"), run on the lower-cased text like those of cues.py."""

from __future__ import annotations

import re

from summarizer.engines.extractive.alone_arms import ALONE_ARM_NAME, GIVEN_ALONE
from summarizer.engines.extractive.cues import PEOPLE_NOUNS
from summarizer.engines.extractive.object_chars import NAME_CHAR
from summarizer.engines.extractive.tokenise import word_set as _words
from summarizer.models import Change, Direction

# Outcomes in reported results: "X was significantly lower in the treated group", "no significant difference in X".
RESULT_WORDS = _words(
    "similar comparable unchanged unaffected lower higher shorter longer reduced increased decreased improved greater "
    "smaller fewer less better worse differ different difference differences declined rose fell dropped worsened "
    "protect protects protected protecting protection protective effective efficacious frequent common lesser "
    "best worst highest lowest greatest smallest largest longest shortest fewest"
)
# the adverb a result word may follow, and the test in brackets after it: "was significantly (p < 0.05) higher",
# "was quite less than"; after a quantifier that floats from a listed subject ("X, Y and Z were all shorter")
_RESULT_ADVERB = (
    r"(?:both\s+|all\s+)?(?:(?:statistically\s+)?(?:\w+ly|much|also|quite|far|even)\s+"
    r"(?:\((?=[^()]{0,60}\d)[^()]{0,60}\)\s*)?)?"
)
RESULT_CHANGE: dict[str, tuple[Change, Direction | None]] = {
    # "unaffected by X" is "not affected by X": no difference
    **dict.fromkeys(("similar", "comparable", "unchanged", "unaffected", "different", "differ", "no difference"),
                    ("no_difference", None)),
    **dict.fromkeys(("lower", "shorter", "reduced", "decreased", "smaller", "fewer", "less", "declined", "fell",
                     "dropped"), ("decreased", None)),
    **dict.fromkeys(("lesser", "low"), ("decreased", None)),
    **dict.fromkeys(("higher", "longer", "increased", "greater", "larger", "rose", "more", "high"),
                    ("increased", None)),
    **dict.fromkeys(("more frequent", "more common"), ("increased", None)),
    **dict.fromkeys(("less frequent", "less common"), ("decreased", None)),
    **dict.fromkeys(("improved", "better"), ("unclear", "improved")),
    **dict.fromkeys(("worse", "worsened"), ("unclear", "worsened")),
    # a superlative said of an arm compared with the others: its value beyond every other arm's, the comparator's too
    **dict.fromkeys(("highest", "greatest", "largest", "longest"), ("increased", None)),
    **dict.fromkeys(("lowest", "smallest", "shortest", "fewest"), ("decreased", None)),
    "best": ("unclear", "improved"),
    "worst": ("unclear", "worsened"),
}
# the size a comparative is given before it: "0.66% lower", "2.5 times higher", "12 points lower", "1864 euros less",
# with the interval or test that may follow the size ("0.018 (95% CI ...) higher")
RESULT_QUANTITY = (
    r"(?:about\s+|approximately\s+|nearly\s+|almost\s+)?[\-−–]?\d+(?:[.·,]\d+)?\s*(?:%|percent(?:age)?(?:\s+points?)?\b|"
    r"times\b|-?fold\b|points?\b|units?\b|[a-zµμ£$€]{1,6}(?:/[a-zµμ]{1,5})?\b)?\s*(?:\([^()]{0,80}\)\s*)?"
    r"(?=(?:lower|higher|shorter|longer|greater|smaller|less)\b)"
)
# one arm named after a change said of it: "in the Sensor On arm", "in group B", "among the treated group"
ARM_AFTER = (
    r"(?:in|among|for)\s+(?:the\s+)?(?:(?:[\w\-+/]+\s+){0,4}?(?:groups?|arms?)\b|groups?\s+[a-z0-9]{1,4}\b)"
)
# "X showed a significant reduction", "X had a marked improvement (p < 0.01)": a change said of the subject before it
SUBJECT_CHANGE_NOUN = re.compile(
    r"\b(?:had|has|have|showed|shows|show|demonstrated|exhibited|underwent)\s+(?:a\s+|an\s+)?(?:(?:statistically\s+)?"
    r"(?:significant|marked|substantial|considerable|greater|larger)\s+)?(?P<noun>reduction|decrease|increase|rise|decline|"
    r"improvement|deterioration|worsening)(?!\s+(?:in|of|on)\b)"
)
# a treatment stopped ("improved after withdrawal of lithium", "ramipril was stopped"): what changed then was not
# the treatment's effect (in a case report, it is the harm going away)
DECHALLENGE = re.compile(
    r"\b(?:withdrawal|discontinuation|cessation|stopping|tapering)\s+of\b"
    r"|\b(?:after|following|upon|on|with)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}(?:withdrawal|discontinuation|cessation)\b"
    r"|\b(?:after|following|upon|on)\s+(?:discontinuing|stopping|withdrawing|ceasing|tapering|terminating)\b"
    r"|\b(?:was|were|had\s+been|been)\s+(?:\w+ly\s+)?(?:stopped|discontinued|withdrawn|ceased|tapered)\b"
)
SUBJECT_RESULT = re.compile(
    r"\b(?:(?:was|were|is|are|being|remained|became|(?:found|shown|observed|seen|noted)\s+to\s+be)\s+" + _RESULT_ADVERB
    # a comparative may be given its size: "was 0.66% lower", "were 2.5 times higher" (RESULT_QUANTITY)
    + "(?:" + RESULT_QUANTITY + ")?"
    r"(?P<linked>similar|comparable|unchanged|unaffected(?=\s+by\b)|lower|higher|shorter|longer|reduced|increased|decreased|improved|"
    r"greater|smaller|fewer|better|worse|lesser|(?:more|less)\s+(?:frequent|common)|"
    r"less(?=\s+(?:than\s+(?!\d)|(?:in|among|with|for)\s+(?:the\s+)?(?:[\w\-+/]+\s+){0,3}?(?:groups?|arms?)\b|"
    r"(?:in|among|with|for)\s+[^.;:()\[\]]{1,50}?\s+(?:than|compared|versus|vs)\b))|"
    # "not statistically significant different": the adjective for the adverb, as often written
    r"not\s+(?:statistically\s+|significantly\s+|(?:statistically\s+)?significant\s+)?different|"
    r"significantly\s+(?:high|low)|"
    # "X was not reduced by cooling", "were not significantly altered with": no difference
    r"not\s+(?:statistically\s+|significantly\s+)?(?:reduced|increased|decreased|improved|affected|altered|changed)"
    r"(?=\s+(?:by|with|in|after|following)\b))(?=\s+(?:in|among|between|than|with|using|under|"
    r"for|at|after|during|across|compared|versus|vs|following|by|when|relative|on\s+the|as\s+compared)\b|\s*[,;:.()\[]|"
    r"\s*$"
    # "was significantly lower and the rate of Y was higher": another clause with its own subject follows
    r"|\s+(?:and|but)\s+(?:the\s+)?(?:[\w\-/]+\s+){1,6}?(?:was|were)\b"
    # "was reduced significantly (p < 0.01) in ...": the adverb after the result word
    r"|\s+(?:statistically\s+)?(?:significantly|markedly|substantially|considerably)\b)"
    r"|(?P<verb>decreased|increased|improved|declined|fell|rose|dropped|worsened)(?=\s+(?:significantly|markedly|"
    r"substantially|slightly|by\s|from\s|to\s\d|in\s+both|after|following|over|during)\b|\s*[,;.(\[]|\s*$"
    # "X improved with the cream": an evaluative change with what brought it; not the course of time or of a dose
    # ("improved with time", "worsened with increasing age")
    r"|(?<=improved|worsened)\s+with\s+(?!(?:time|age|increasing|decreasing|higher|lower|greater|longer|dose|duration|"
    r"follow|each|every|repeated)\b)"
    # "X increased in the Sensor On arm": a change said of one arm (ARM_AFTER)
    r"|\s+" + ARM_AFTER + ")"
    r"|(?:did|does|do)\s+not\s+(?:significantly\s+)?(?P<differ>differ|(?:change|improve|increase|decrease)(?=\s+(?:significantly\s+)?(?:in|during|after|"
    r"over|from|between|throughout|with)\b|\s*[,;.(\[]|\s*$))"
    r"|(?:(?:showed|shows|demonstrated|revealed|had|has|have)\s+no|(?:did|does|do)\s+not\s+(?:show|reveal|demonstrate|"
    r"have)\s+(?:a|any))\s+(?P<nodiff>(?:statistically\s+)?(?:significant\s+)?(?:clinical\s+|statistical\s+)?"
    r"differences?))"
)
# an outcome's words (the obj groups below) run to a stop, a semicolon, a colon or a bracket; a colon between two words
# with no space is inside a name ("the fat:lean ratio"), not a stop
NO_DIFFERENCE_IN = re.compile(
    r"(?:\b(?:did|does|do)\s+not\s+(?:significantly\s+)?(?:affect|alter|influence|change|modify)|"
    r"\b(?:no|not\s+an?|(?:did|does|do)\s+not\s+(?:have|show|exert)(?:\s+an?|\s+any)?)\s+(?:evidence\s+(?:of|for)\s+(?:an?\s+|any\s+)?)?(?:statistical(?:ly)?\s+)?(?:significant\s+)?"
    # "no detectable differences", "no significant intergroup differences", "no between-group differences"
    r"(?:(?:detectable|meaningful|relevant|appreciable|notable)\s+)?(?:(?:between[\s\-‐]groups?|inter-?group|"
    # "no treatment differences were detected in X", "no treatment group difference in X": the arms' difference
    r"treatment(?:[\s\-]group)?)\s+)?"
    r"(?:differences?|changes?|effects?|benefits?|impact)\s+(?:\([^()]{0,30}\)\s+)?"
    r"(?:was\s+|were\s+)?"
    r"(?:found\s+|observed\s+|seen\s+|detected\s+|noted\s+|present\s+)?(?:(?:between|among)\s+(?:the\s+)?(?:[\w\-]+\s+){0,5}?"
    r"(?:groups?|arms?|treatments|clusters|conditions|cohorts|regimens)\s*,?\s+)?(?:in\s+terms\s+of|in|for|regarding|"
    r"on|with\s+regard\s+to|with\s+respect\s+to))"
    r"\s+(?:the\s+)?"
    r"(?P<obj>(?:\d{1,3}-(?:day|week|month|year)\s+)?[a-z]" + NAME_CHAR + r"{1,100})"
)
# a superlative said of one arm among those compared: "the HH achieved the best performance when compared with the
# other two devices", "the TEL arm had the highest ORR (OR 5.4, 95% CI ...)". Read only after a verb the arm's result
# follows ("patients with the highest BMI" are who they were, not a result) and in a sentence that compares arms
# ("than", "compared", "versus", "between", "among", "other", "groups", an odds, risk or hazard ratio): "had the
# highest pain scores at week 4" is a course in time, and "those with the highest MSLTs had the shortest sleep times
# (P < 0.05)" a correlation, no difference between arms. "most" and "least" grade adjectives, not measures
_SUPERLATIVES = r"best|worst|highest|lowest|greatest|smallest|largest|longest|shortest|fewest"
_SUPERLATIVE_ARTICLE = (
    r"(?<!\bwith\s)the\s+(?=(?:(?:statistically\s+)?significantly\s+)?(?:" + _SUPERLATIVES + r")\b)"
    # a full stop inside the sentence: a decimal point, "fig.", "vs."
    r"(?=(?:[^.;]|\.(?!\s)|(?<=fig)\.|(?<=vs)\.){0,200}?"
    r"\b(?:than|compared|versus|vs|between|among|other|groups|arms|or|rr|hr)\b)"
)
_OF_THE_ARMS = (
    r"\s+(?:of|among)\s+(?:the\s+|all\s+)?(?:two|three|four|five|\d|all|both)\s+(?:[\w\-]+\s+)?"
    r"(?:groups|arms|regimens|treatments|devices|conditions|interventions)\b"
)
COMPARATIVE_OBJECT = re.compile(
    r"\b(?P<verb>had|has|have|showed|shows|show|with|resulted\s+in|results\s+in|led\s+to|leads\s+to|produced|achieved|"
    r"experienced|demonstrated|reported|yielded|exhibited|indicating|showing|required|needed|used|consumed|completed|caused|"
    # what a treatment gave or brought about: "A gave significantly higher tidal volumes than B"
    r"gave|gives|give|provided|provides|elicited|elicits|induced|induces|obtained|attained|generated|"
    r"there\s+(?:was|were))\s+(?:a\s+|an\s+|" + _SUPERLATIVE_ARTICLE + ")?"
    + _RESULT_ADVERB + r"(?:(?:statistically\s+)?significant\s+(?:\([^()]{0,20}\)\s+)?)?"
    # "had significantly longer (p < .001) aiming durations": the test between the comparative and its object
    r"(?P<word>lower|higher|shorter|longer|fewer|greater|less|better|worse|smaller|larger|more|"
    + _SUPERLATIVES + r")\s+"
    r"(?:\([^()]{0,30}\)\s+)?"
    # the arms a superlative ranks are not the measure's: "the lowest pain scores of the three groups"
    r"(?P<obj>[a-z](?:(?!" + _OF_THE_ARMS + r")[^.;:()\[\]]|(?<=[a-z]):(?=[a-z])){1,80})"
)
# "more effective than placebo in relieving pain": better (or, "less effective", worse) for the outcome after it
MORE_EFFECTIVE = re.compile(
    r"\b(?P<word>more|less)\s+(?:effective|efficacious|beneficial|successful)\s+than\s+[^.;:,()\[\]]{1,60}?\s+"
    r"(?:in|at|for)\s+(?:[a-z]+ing\s+)?(?:the\s+)?(?P<obj>[a-z]" + NAME_CHAR + r"{1,80})"
)
# "fewer patients in the X group developed complications", "more participants achieved remission"
FEWER_PATIENTS = re.compile(
    r"\b(?:(?P<word>fewer|more|less)\s+(?:of\s+the\s+)?|(?:a\s+)?" + _RESULT_ADVERB
    + r"(?P<share>greater|higher|larger|lower|smaller|lesser)\s+(?:proportion|percentage|number|share)\s+of\s+"
    r"(?:the\s+)?)"
    # the people named by their arm before the noun ("fewer A-treated patients"; result_outcomes reads no other kind)
    r"(?P<kind>(?:[a-z][\w\-]*\s+){1,2}?)?"
    r"(?:patients|participants|subjects|women|men|children|infants|"
    r"people|individuals|cases|mothers|neonates)\b(?P<who>[^.;:]{0,60}?)\s+(?:had|developed|experienced|required|"
    r"needed|reported|suffered|achieved|reached|attained|showed|underwent|presented\s+with)\s+(?:a\s+|an\s+|any\s+)?"
    r"(?P<obj>[a-z]" + NAME_CHAR + r"{1,80})"
)
# "patients given A were more likely to develop X (than those given B)", "were 2.2 times less likely to have X": more
# (fewer) patients with X in the arm of the subject; "twice (three times) as likely to X" is more likely, a multiple
# of at least two ("half as likely", "0.8 times as likely" are less likely, not read here)
LIKELIER = re.compile(
    r"\b(?P<word>more|less|(?:twice|(?<![\d.·])(?:two|three|four|five|ten|[2-9](?:[.·]\d+)?|[1-9]\d(?:[.·]\d+)?)[\s\-]+times)\s+as)"
    r"\s+likely\s+to\s+(?:(?:develop|have|experience|suffer(?:\s+from)?|require|need|receive|"
    r"report|achieve|attain|reach|undergo|present\s+with|be\s+diagnosed\s+with)\s+(?:a\s+|an\s+|any\s+)?"
    # any other verb is the outcome with its object: "more likely to quit smoking", "to be admitted to hospital";
    # not one that reports what they said or thought ("more likely to agree that ..."): a claim, not a measure
    r"|(?:be\s+)?(?=[a-z]+\s+(?!that\b)))"
    r"(?P<obj>[a-z]" + NAME_CHAR + r"{1,80})"
)
# the adverb of a change, when it comes between the change and the arm: "worsened significantly in the control group"
_CHANGE_ADVERB = r"(?:(?:statistically\s+)?(?:significantly|markedly|substantially|considerably|slightly)\s+)?"
# a change reported for the control arm, or against the treated arm, is the opposite change for the intervention
CONTROL_ARM = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:" + _CHANGE_ADVERB + r"(?:(?:found|observed|seen|noted|reported)\s+)?"
    r"(?:in|among|for|with)\s+(?:the\s+)?(?:[\w\-]+\s+)?(?:control|placebo|sham|"
    # "the comparison group" is the control arm; "in comparison with the control group" names what it is set against
    r"comparison\s+(?:group|arm)s?|usual[\s\-]care|(?:treatment|care)[\s\-]as[\s\-]usual|untreated|"
    # the standard treatment is what a new one is set against: "with standard therapy", "in the standard regimen
    # arm"; not a standard dose, which either arm may be given
    r"standard(?:[\s\-]of)?[\s\-](?:care|treatment|therapy|regimen|management)s?|"
    # the arm given one treatment alone is the comparator of the arm that adds another ("in the heparin-alone group",
    # "with ropivacaine alone": alone_arms.py)
    + ALONE_ARM_NAME + r")|than\s+(?:in\s+|with\s+)?(?:the\s+)?(?:[\w\-]+\s+)?"
    r"(?:intervention|treatment|treated|experimental|active)\s+(?:group|arm)|"
    r"(?:(?:found|observed|seen|noted|reported)\s+)?" + GIVEN_ALONE + r")\b"
)
# the other arm a change in the control arm is set against, right after that arm: "worsened significantly in the
# control group compared to the intervention group", "rose in the placebo group (12%) relative to the A group". Then
# the change is no course of the control arm alone but a comparison of the arms, the opposite way for the other arm.
AGAINST_OTHER_ARM = re.compile(
    # CONTROL_ARM may end before the arm's noun ("in the control| group")
    r"(?:\s+(?:groups?|arms?|patients|participants|subjects))?\s*(?:\([^()]{0,80}\)\s*)?,?\s*(?:(?:as\s+)?compared\s+(?:to|with)|relative\s+to|versus|vs\.?|than)\s+"
    r"(?:(?:that|those)\s+(?:of|in)\s+|in\s+)?(?:the\s+)?(?:[\w\-+/]+\s+){0,3}?(?:groups?|arms?)\b"
)
CLAUSE_BOUNDARY = re.compile(
    # a colon between two words with no space joins them into one name ("the fat:lean ratio"), ending no clause
    r"[,;]|(?<![a-z]):|:(?![a-z])|\b(?:that|which|whereas|while|but|although|when|because|if|whether|showed|shows|"
    r"found|revealed|indicated|demonstrated|reported|suggested|suggests)\b"
)
SUBJECT_CUT = re.compile(
    r"\s*(?:\(|\[|\b(?:in|among|for|with|at|after|during|between)\s+(?:the\s+|both\s+|all\s+)?(?:[\w\-]+\s+){0,3}?"
    r"(?:groups?|arms?|patients|participants|subjects|children|adults|women|men|mice|rats|animals|cohort)\b|"
    r"(?<!proportion\s)(?<!proportions\s)(?<!percentage\s)(?<!number\s)(?<!numbers\s)(?<!share\s)"
    r"\bof\s+(?:[\w\-]+\s+){0,2}?(?:patients|participants|subjects|people|adults|children)\b|"
    r"\bin\s+(?:the\s+)?(?:ig|cg|control|placebo|intervention|treatment)\b|\bat\s+(?:\d|day|week|month|baseline)|"
    # the span a change was measured over: "the change in X from week 0 to week 12 (in the A group)"
    r"\bfrom\s+(?:baseline|(?:week|day|month|visit|year)\s+\d|pre-?(?:treatment|intervention|operative|test)|"
    r"the\s+(?:start|beginning)\b)|"
    r"\b(?:compared|versus|vs)\b|\b(?:was|were|is|are|has|have|had|did|does|do|remained|showed|became)\b)"
)
# a time a result was measured at, put before the subject without a comma: "At 12 months HbA1c was lower", "After
# 6 weeks of treatment pain scores were lower", "At week 24 the mean HbA1c ...", "At the end of the study X ..."
FRONTED_TIME = re.compile(
    r"\s*(?:at|after|during|by|within|over|throughout|following)\s+(?:the\s+)?(?:(?:end|start|beginning)\s+of\s+"
    r"(?:the\s+)?)?(?:(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|first|second|third|"
    r"last|final)[\s\-]+(?:\w+\s+)?(?:hours?|h|days?|weeks?|wks?|months?|mo|years?|yrs?|visits?|sessions?)|"
    r"(?:hour|day|week|month|year|visit)\s+\d+|baseline|follow[\s\-]?up|(?:the\s+)?(?:treatment|study|trial|"
    # what filled the time ("of treatment", "of the study", "of training"), and a label the time is given in
    # brackets: "After 2 months of therapy (T1) the FFMI ..."
    r"intervention)(?:\s+period)?)(?:\s+of\s+(?:the\s+)?(?:follow[\s\-]?up|[a-z]+))?(?:\s*\([\w\s\-]{1,12}\))?\s+(?=\S)"
)
# a significant comparative before the measure it compares, with the verb that says it was observed: "Significantly
# lower pain scores were observed in the ketamine group", "significantly higher PIP was recorded with A than B"
OBSERVED_COMPARATIVE = re.compile(
    r"\bsignificantly\s+(?P<word>lower|higher|shorter|longer|fewer|greater|less|more|smaller|larger|better|worse)\s+"
    r"(?P<obj>[a-z]" + NAME_CHAR + r"{1,80}?)\s+(?:was|were)\s+(?:also\s+)?"
    r"(?:recorded|observed|found|seen|noted|reported|"
    r"measured|obtained|achieved|detected)\b"
)
# what may stand before OBSERVED_COMPARATIVE's adverb: the start of its sentence or clause, an article, "statistically"
OBSERVED_COMPARATIVE_BEFORE = re.compile(
    r"(?:[,;:(]|\b(?:and|but|while|whereas|however))\s*(?:(?:a|an)\s+)?(?:statistically\s+)?$"
)
# ... or nothing but those words since its sentence began
OBSERVED_COMPARATIVE_LEAD = re.compile(r"\W*(?:(?:a|an)\s+)?(?:statistically\s+)?")
# how often a subject occurred in one arm against another: "relapse occurred less often with X than with placebo",
# "nausea was observed more frequently in the placebo group"
OCCURRED_LESS_OFTEN = re.compile(
    r"\b(?:occurred|occurs|occur|happened|was|were)\s+(?:(?:observed|seen|reported|noted|recorded|found)\s+)?"
    r"(?:(?:statistically\s+)?significantly\s+)?(?P<word>less|more)\s+(?:often|frequently|commonly)\b"
)
OFTEN_WORDS = _words("often frequently commonly")
# "slowed the progression of X", "retards the onset of X": a verb holding back the course of what follows
SLOWING_VERBS = _words("slowed slows slowing retarded retards retarding delayed delays delaying")
HELD_BACK = _words("progression onset development")
# "slowed (retarded, delayed) the progression of X": the course of a harm held back, decreased; not the adjective
# ("the delayed onset of X")
HELD_BACK_COURSE = re.compile(
    r"(?<!the\s)(?<!\ba\s)(?<!\ban\s)\b(?:slow|retard|delay)(?:s|ed|ing)?\s+(?=(?:the\s+)?(?:progression|onset|"
    r"development)\s+(?:of|in)\s)(?:the\s+)?(?P<obj>[a-z]" + NAME_CHAR + r"{1,80})"
)
# "protects the animals from weight loss", "protection against challenge", "was protective against infection",
# "effective against infection": improved
PROTECTIVE = re.compile(
    r"\b(?:protect(?:s|ed|ing)?\s+(?:[\w\-]+\s+){0,4}?(?:against|from)|(?:protection|protective(?:\s+(?:efficacy|"
    r"immunity|effects?))?)\s+(?:against|from)|(?:effective|efficacious)\s+(?:against|in\s+(?:treating|preventing)))"
    r"\s+(?:the\s+)?(?P<obj>[a-z]" + NAME_CHAR + r"{1,80})"
)
# a change the statement calls effective was the aim, whichever way it went: "was effective in reducing X", "successful
# at increasing X" (a change is good for the patient here even where X's own good direction is unknown); not where the
# effect is denied, weaker or only equal ("not effective in", "less effective at", "as effective in")
EFFECTIVE_IN_DOING = re.compile(
    r"(?<!\bnot\s)(?<!\bno\s)(?<!\bnor\s)(?<!\bless\s)(?<!\bleast\s)(?<!\bas\s)(?<!\bequally\s)(?<!\bsimilarly\s)"
    r"\b(?:effective|efficacious|successful)\s+(?:in|at)\s+(?:[a-z]+ly\s+)?"
    # the second of two changes it governs: "effective in increasing X and in reducing Y"
    r"(?:[a-z]+ing\s+[^.;:()\[\]]{1,60}?,?\s+and\s+(?:in\s+|at\s+)?(?:[a-z]+ly\s+)?)?$"
)
# two treatments equally good at a change: "A was as effective as B in reducing X", "equally effective in lowering X",
# "as efficacious as placebo at preventing X": no difference between them in X, not a change by either
EQUALLY_EFFECTIVE = re.compile(
    r"\b(?:as\s+(?:effective|efficacious|successful|good)\s+as\s+[^.;:()\[\]]{1,60}?,?|(?:equally|similarly|"
    r"comparably|equivalently)\s+(?:effective|efficacious|successful))\s+(?:in|at|for)\s+(?:[a-z]+ly\s+)?$"
)
# "A was less effective than B in reducing X": less of a change than B's, not a change (MORE_EFFECTIVE reads it worse)
LESS_EFFECTIVE = re.compile(
    r"\b(?:less|least)\s+(?:effective|efficacious|successful)\s+(?:than\s+[^.;:()\[\]]{1,60}?,?\s+)?(?:in|at)\s+"
    r"(?:[a-z]+ly\s+)?$"
)
# a better or worse outcome in general, then what it was better in: "the X group had a better outcome (p < 0.05) in
# terms of A, B and C", "showed significantly worse results for A": the change is in A, B, C
GENERIC_COMPARATIVE = re.compile(
    r"\b(?P<verb>had|has|have|showed|shows|show|achieved|experienced|demonstrated|exhibited|yielded|produced)\s+"
    r"(?:a\s+|an\s+)?(?:(?:statistically\s+)?significantly\s+)?(?P<word>better|worse|superior|inferior)\s+"
    r"(?:(?:overall|clinical|functional|treatment|therapeutic)\s+)?(?:outcomes?|results?|performance)\s+"
    r"(?:\([^()]{0,30}\)\s+)?(?:in\s+terms\s+of|regarding|with\s+(?:regard|respect)\s+to|for|on|in)\s+(?:the\s+)?"
    r"(?P<obj>[a-z]" + NAME_CHAR + r"{1,100})"
)
GENERIC_COMPARATIVE_WORDS = frozenset({"better", "worse", "superior", "inferior"})
# an effect judged good or bad for the patient, whichever way the outcome went: "a beneficial effect on serum ferritin",
# "deleterious effects on bone density" ("negative" is left out, and "positive" read only when denied: they may say
# the sign of a change)
EVALUATIVE_EFFECT = re.compile(
    r"\b(?P<word>beneficial|favou?rable|detrimental|harmful|deleterious|positive)\s+(?:effects?|impacts?|influences?)\s+"
    # the treatment may be named between: "no positive effects of X on A or B could be demonstrated"
    r"(?P<of>of\s+[^.;:,()\[\]]{1,50}?\s+)?(?:on|upon)\s+(?:the\s+)?(?P<obj>[a-z]" + NAME_CHAR + r"{1,80})"
)
EVALUATIVE_EFFECT_WORDS = frozenset(
    {"beneficial", "favourable", "favorable", "detrimental", "harmful", "deleterious", "positive"}
)
# where a denied effect's objects end: its verb ("No positive effects of X on A or B could be demonstrated")
DENIED_OBJECT_END = re.compile(
    r"\s+(?:could|can|was|were|has|have|had|is|are|be|been)\b.*$|\s*,.*$|\s+(?:in|at|after|during|among|compared)\s.*$"
)
# a change over the years, not an effect of a treatment: "has improved substantially in recent years"
TREND = re.compile(
    r"\s+(?:\w+ly\s+)?(?:in|over|during|since)\s+(?:recent|the\s+(?:past|last)|time\b|years\b|decades\b)"
)
SUBJECT_TAIL = _words("has have had was were is are been be being")
SUBJECT_LEAD = _words("the a an both mean median overall total all its their this these our his her average and or")
# the lead words that are part of a measure's name right before its noun ("overall survival" is not "survival",
# "total cholesterol" not "cholesterol"); a lead word after them ("overall the rate ...") shows them a sentence adverb
NAME_LEAD = _words("overall total")
SUBJECT_PRONOUNS = _words("it they this that these there which who we he she one both those")
SUBJECT_WORDS = 6
SUBJECT_CHARS = 80

# Forms of reported results the patterns above miss (issue 23).
# "The difference in X (between the groups) was not statistically significant", "the changes in X were small and
# not significant", "differences in X did not reach significance": no difference in X (the name is cut where an
# object's name ends, cues.OBJ_CUT: "between the groups", "at 6 months")
DIFFERENCE_NOT_SIGNIFICANT = re.compile(
    r"\b(?:differences?|changes?)\s+(?:between\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?(?:groups?|arms?)\s+)?"
    r"(?:in|of|for|regarding)\s+(?:the\s+)?(?P<obj>[a-z]" + NAME_CHAR + r"{1,100}?)\s+"
    r"(?:(?:was|were|is|are)\s+(?:(?:\w+\s+)?and\s+)?(?:also\s+)?(?:not\s+(?:found\s+to\s+be\s+)?(?:statistically\s+)?"
    r"significant|(?:statistically\s+)?(?:non-?\s?significant|insignificant))|(?:did|does|do)\s+not\s+(?:reach|attain|"
    r"achieve)\s+(?:statistical\s+)?significance)\b"
)
# "the effect of the programme on X was not significant", "effects of A on X were statistically non-significant": no
# difference in X (an effect said significant gives no direction, and is not read here)
EFFECT_NOT_SIGNIFICANT = re.compile(
    r"\beffects?\s+of\s+[^.;:()\[\]]{1,60}?\s+(?:on|upon)\s+(?:the\s+)?(?P<obj>[a-z‘']" + NAME_CHAR + r"{1,100}?)\s+"
    r"(?:was|were|is|are)\s+(?:also\s+)?(?:not\s+(?:statistically\s+)?significant|(?:statistically\s+)?"
    r"(?:non-?\s?significant|insignificant))\b"
)
EFFECT_WORDS = _words("effect effects")
# the words a statement must hold for DIFFERENCE_NOT_SIGNIFICANT to be looked for
DIFFERENCE_WORDS = _words("difference differences change changes")
SIGNIFICANCE_WORDS = _words("significant significance nonsignificant non-significant insignificant")
# a measure's change named before the measure: "the changes in X", "mean change from baseline in X", "changes to X",
# "the rise in X" (X is the outcome)
CHANGE_HEAD = re.compile(
    r"(?:(?:mean|median|absolute|relative|percent(?:age)?)\s+)?(?:changes?|rises?|increases?|decreases?|reductions?|"
    r"falls?|declines?)\s+(?:(?:from\s+baseline\s+)?(?:in|of)|to)\s+"
    r"(?:the\s+)?(?=[a-z])"
)
# the ratios a difference between two effects is taken of ("the difference in HRs between the two periods was not
# significant"): a test of interaction, not an outcome's change
EFFECT_MEASURES = _words("hr hrs rr irr")
# one arm did better than another on a measure: "significantly outperformed those receiving placebo in measures of
# cognition", "was superior to X in pain relief", "was significantly better than X for Y" (improved), "was inferior to
# X for Y", "worse than X on Y" (worsened); the arm is the subject, the measure follows the other arm; not the people
# it was better in ("better than X in elderly patients")
OUTPERFORMED = re.compile(
    r"\b(?P<verb>outperformed|(?:was|were|is|are)\s+(?:\w+ly\s+)?(?:(?:superior|inferior)\s+to|(?:better|worse)\s+than))"
    r"\s+[^.;:()\[\]]{1,80}?\s+"
    r"(?:in|on|for|with\s+respect\s+to|in\s+terms\s+of)\s+(?!(?:the\s+)?(?:[\w\-]+\s+){0,3}?(?:groups?|arms?)\b)"
    rf"(?!(?:the\s+|all\s+)?(?:[\w\-]+\s+){{0,3}}?{PEOPLE_NOUNS}(?:\s+(?:with|who|aged|over|under|in|at|of|"
    r"treated|receiving|undergoing)\b|\s*[,;.()\[\]]|\s*$))"
    r"(?:(?:measures?|terms|scores?)\s+of\s+)?(?:the\s+)?(?P<obj>[a-z]" + NAME_CHAR + r"{1,80})"
)
# an arm scored or performed better on a measure: "scored higher on the mini-CAL", "performed significantly better in
# verbal learning" (higher / lower: the change; better / worse: the direction)
SCORED = re.compile(
    r"\b(?:scored|performed|did)\s+(?:\w+ly\s+)?(?P<word>higher|lower|better|worse)\s+(?:on|in)\s+(?:the\s+)?"
    r"(?P<obj>[a-z]" + NAME_CHAR + r"{1,80})"
)
# a significant difference said to favour an arm, and the measure it was found for: "a significant difference between
# groups in favor of the early group was found for the acquisition of new knowledge", "significant effects in favour
# of group BT for muscle strength"
FAVOURS = re.compile(
    r"\bsignificant(?:ly)?\s+(?:\w+\s+){0,2}?(?:differences?|effects?)\s+(?:between\s+(?:the\s+)?groups?\s+)?in\s+favou?r\s+of\s+"
    r"(?P<arm>[^.;:()\[\]]{1,60}?)\s+(?:(?:was|were)\s+(?:also\s+)?(?:found|observed|seen|noted|shown)\s+)?"
    r"(?:(?:compared\s+(?:to|with)|versus|vs\.?)\s+[^.;:()\[\]]{1,40}?\s+)?(?:for|on|in)\s+(?:the\s+)?"
    r"(?P<obj>[a-z]" + NAME_CHAR + r"{1,80})"
)
# "the mean difference in X was -0.4% (95% CI ...) in favour of the A arm", "significant differences in X were observed
# in favour of A": X went the way that is better for A (worse, when A is the control arm)
DIFFERENCE_FAVOURS = re.compile(
    r"\b(?:differences?|changes?)\s+in\s+(?P<obj>(?:[^.;:,]|\.(?=\d)|(?<=[a-z]):(?=[a-z])){3,120}?)\s+(?:was|were|of)\b"
    r"(?:[^.;:]|\.(?=\d)){0,80}?\bin\s+favou?r\s+of\s+(?P<arm>[^.;:()\[\],]{1,60})"
)
# what denies or doubts a difference said before it: "no", "not", "non-significant"
DIFFERENCE_DOUBTED = re.compile(r"\b(?:no|not|non|nor|without|trends?|tended|may|might|could)\b")
# a comparative set against another study, not against the trial's comparator: "(was higher) than the 4% recurrence
# in our previous study", "than that reported in earlier trials", "than in the literature"
OTHER_STUDY = re.compile(
    r"\s+than\b[^.;,()]{0,60}?\b(?:(?:previous|earlier|prior|other|published|historical|past)\s+(?:\w+\s+)?"
    r"(?:stud(?:y|ies)|trials?|reports?|series)|(?:the\s+)?literature|reported\s+(?:elsewhere|previously))\b"
)
# what a sentence says of how an arm did overall ("more effective than placebo", "inferior to"): a change the change
# model reads against it is a misreading, and is left out
JUDGED_BETTER = re.compile(
    r"(?<!not\s)(?<!no\s)\b(?:more\s+(?:effective|efficacious|beneficial)|superior\s+to|better\s+than|"
    r"(?:a\s+)?better\s+(?:outcomes?|results?|responses?)\b)"
)
JUDGED_WORSE = re.compile(
    r"(?<!not\s)(?<!no\s)\b(?:less\s+(?:effective|efficacious|beneficial)|inferior\s+to|worse\s+than|"
    r"(?:a\s+)?worse\s+(?:outcomes?|results?|responses?)\b)"
)
