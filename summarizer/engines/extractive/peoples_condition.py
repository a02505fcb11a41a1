"""The condition the people had, named after "with" in the noun phrase that names them: the subject of a verb of
having an event ("A woman with psoriasis developed hepatitis after D") or those a drug was given to ("D given to a
boy with asthma"). Such a name says who the people were, never what the treatment did to them.

patients_disease.names_the_indication reads the same phrase where a "who" clause or a treatment follows it, or where
an event came first ("E in a patient with X"); this module reads the forms it leaves: the phrase as the subject of a
finite verb of having or of being treated, the phrase before a clause "in whom" or "whose", the phrase after "to",
and the phrase that opens a sentence on whom it is about ("In patients with X, D may ..."). The disease named in
"progression of X to Y" is theirs too: Y is what it became. A name that says its own cause ("a patient with
D-induced hepatitis developed ...", "readministered to patients with D-associated thrombocytopenia") is an event all
the same.
"""

from __future__ import annotations

import re

from summarizer.engines.extractive.cues import ADJECTIVE_ENDINGS, PEOPLE_NOUNS
from summarizer.engines.extractive.patients_disease import CAUSED_NAME, OWN_CAUSE_AFTER

__all__ = ["names_the_peoples_condition"]

_WINDOW = 120
# a word of the condition's name before the one read: no word of grammar nor one that starts a clause
_NAME_WORD = (
    r"(?!(?:and|or|of|the|in|on|to|by|who|whom|which|that|was|were|is|are|had|has|have|been|developed|presented|"
    r"experienced|received|after|following|during|before|while)\b)[\w\-']+\s+"
)
# the people and "with", then the words of the condition's name or list before the name read
_PEOPLE_WITH = (
    rf"\b{PEOPLE_NOUNS}\s+with\s+(?:(?:a|an|the|his|her|their)\s+)?"
    rf"(?:(?:{_NAME_WORD}){{1,4}}(?:,\s+|\s*(?:and|or)\s+))?(?:{_NAME_WORD}){{0,4}}$"
)
_PEOPLE_WITH_BEFORE = re.compile(_PEOPLE_WITH, re.IGNORECASE)
# "to" and the people it names ("to a 7-year-old girl with", "to two patients with"): those a drug was given to
_GIVEN_TO_PEOPLE_BEFORE = re.compile(
    r"(?<!compared )(?<!similar )(?<!addition )(?<!contrast )(?<!due )(?<!related )(?<!secondary )(?<!attributed )"
    rf"\bto\s+(?:(?:a|an|the|this|these|our|one|two|three|four|five|\d+|[\w\-]+)\s+){{0,5}}{_PEOPLE_WITH}",
    re.IGNORECASE,
)
# after the name (its abbreviation in brackets, more of its list): the finite verb of having an event or of being
# treated, whose subject the people are ("patients with A were given D"), or a clause about the people ("a woman
# with A in whom E developed", "a man with A whose ..."); not a participle that gives the name its own cause
# ("nodules developed after D")
_SAID_OF_THE_PEOPLE_AFTER = re.compile(
    r"(?:\s*\([^()]{1,30}\))?(?:\s*,?\s+(?:and|or)\s+(?:[\w\-']+\s+){0,3}[\w\-']+(?:\s*\([^()]{1,30}\))?)?\s*,?\s+"
    r"(?:(?:(?:subsequently|later|then|rapidly|also|suddenly)\s+)?"
    r"(?:developed|presented|experienced|suffered|sustained|showed|exhibited|displayed|manifested|complained|died|"
    r"became|started|began|attained)\b"
    r"(?!\s+(?:after|following|during|due|secondary|from)\b)|"
    # "a woman with A had E"; not "had been" nor "had taken D", where the name may be what the drug did
    r"had\b(?!\s+(?:been|taken|used|received|ingested|stopped)\b)|"
    r"(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?"
    r"(?:given|treated|started|administered|prescribed|switched)|received|underwent|"
    r"in\s+whom|whose)\b",
    re.IGNORECASE,
)


# "progression of (the) X to / into Y": X is the disease that progressed, Y what it became
_PROGRESSION_OF_BEFORE = re.compile(r"\bprogression\s+of\s+(?:(?:a|an|the|his|her|their|this|its)\s+)?$", re.IGNORECASE)
_PROGRESSED_TO_AFTER = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:to|into)\s", re.IGNORECASE)


def _names_what_progressed(text: str, start: int, end: int) -> bool:
    return (
        _PROGRESSED_TO_AFTER.match(text, end) is not None
        and _PROGRESSION_OF_BEFORE.search(text, max(0, start - 40), start) is not None
    )


# a noun that names the people right after a name: "a lupus patient", "in hepatitis C patients" (a short code between)
_PEOPLE_NOUN_AFTER = re.compile(r"(?:\s+[A-Z0-9][\w\-]{0,3})?\s+(?:patients?|sufferers?)\b")


def _names_the_people(text: str, start: int, end: int) -> bool:
    """Whether a noun's name modifies the people's noun after it, which it then says who they were ("a schizophrenia
    patient receiving D", "lung cancer patients"); not an adjective, which may say what state a drug put them in
    ("delirious patients")."""
    return (
        _PEOPLE_NOUN_AFTER.match(text, end) is not None
        and not text[start:end].lower().endswith(ADJECTIVE_ENDINGS)
        and CAUSED_NAME.search(text, start, end) is None
    )


# a sentence that opens on the people it speaks of: "In patients with chronic X, D may ...": X is who they are
_FRAMING_PEOPLE_BEFORE = re.compile(
    rf"(?:^|[.;:!?]\s+)in\s+(?:(?:a|an|the|these|those|all|some|elderly|older|young)\s+)?{PEOPLE_NOUNS}\s+with\s+"
    rf"(?:(?:a|an|the)\s+)?(?:{_NAME_WORD}){{0,4}}$",
    re.IGNORECASE,
)
_COMMA_AFTER = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?,")


def _frames_the_sentence(text: str, start: int, end: int) -> bool:
    """Whether the name ends a sentence's opening phrase "In PEOPLE with ...," that says whom the sentence is about;
    not a name that says its own cause ("In patients with D-induced anaphylaxis, ...": D's event all the same)."""
    if _COMMA_AFTER.match(text, end) is None:
        return False
    frame = _FRAMING_PEOPLE_BEFORE.search(text, max(0, start - _WINDOW), start)
    return frame is not None and CAUSED_NAME.search(text, frame.start(), end) is None


def names_the_peoples_condition(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is the condition of the people the phrase "PEOPLE with ..." names, where
    those people are the subject of a verb of having an event or those a drug was given to, or whom the sentence is
    about ("In patients with X, D ..."); or the disease that progressed to another ("progression of X to Y")."""
    if OWN_CAUSE_AFTER.match(text, end) is not None:
        return False
    if _names_what_progressed(text, start, end) or _names_the_people(text, start, end):
        return True
    if text.find(",", end, end + 40) >= 0 and _frames_the_sentence(text, start, end):
        return True
    window = max(0, start - _WINDOW)
    people = _PEOPLE_WITH_BEFORE.search(text, window, start) if text.find("with", window, start) >= 0 else None
    if people is None or CAUSED_NAME.search(text, people.start(), end) is not None:
        return False  # "a boy with amoxicillin-induced rash": the name's words before it say its cause
    return (
        _SAID_OF_THE_PEOPLE_AFTER.match(text, end) is not None
        or _GIVEN_TO_PEOPLE_BEFORE.search(text, window, start) is not None
    )
