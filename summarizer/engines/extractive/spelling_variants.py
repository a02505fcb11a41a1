"""British and American spellings of one medical word, by the regular correspondences of English orthography.

The Greek and Latin digraphs ae and oe that American spelling writes e (haemorrhage/hemorrhage, ischaemia/ischemia,
oedema/edema, diarrhoea/diarrhea, oesophagitis/esophagitis), -our/-or (tumour/tumor) and -ise/-ize, -yse/-yze
(immunised/immunized, paralysed/paralyzed). A lexicon learned from one corpus holds the spelling its writers used;
adding the other spelling of each name lets it read the other half of the English-writing world.

Going from British to American drops a letter and is safe to apply anywhere the digraph stands before the letters
that follow it in these words. Going back must say where the letter goes, so that direction names the word parts
(hem-, -emia, edema, esophag-, -rrhea, -pnea, ...). A rule may make a string that is no English word ("systaemic"
from "systemic"): such a string never occurs in a text, so in a lexicon it is harmless.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

# what may follow the -our/-or of tumour, colour, labour: an inflection or a suffix that keeps the u ("colourless",
# "behavioural"), not the rest of another word ("laboratory", "colorectal", "humoral")
_OR_ENDS = r"(?=(?:s|ed|ing|ful|less|able|ably|ite|ites|er|ers|ation|ations)?\b|(?<=behavior)al|(?<=behaviour)al)"
# the letters before -ise/-ize that make it the verb suffix: not a stem of its own that ends in -ise (otherwise,
# advise, exercise, concise, promise, premise, surprise, advertise, franchise, merchandise)
_IZE_STEM = r"(?<=[a-z]{3})(?<![aeiouwv])(?<!rc)(?<![enx]c)(?<!rom)(?<!rem)(?<!pr)(?<!rt)(?<!ch)(?<!nd)"

# British -> American: each pattern names what British writes, the replacement what American writes
_TO_AMERICAN: Sequence[tuple[re.Pattern[str], str]] = tuple((re.compile(p), r) for p, r in (
    (r"aem", "em"),                                   # haem-, -aemia, ischaemic, anaemia, leukaemia
    (r"anaes", "anes"),                               # anaesthesia
    (r"paed", "ped"),                                 # paediatric, orthopaedic
    (r"(gyn|f|c)aec", r"\1ec"),                       # gynaecomastia, faecal, caecum
    (r"\baetio", "etio"),                             # aetiology
    (r"\bcaesar", "cesar"),                           # caesarean
    (r"(?<=o)-oedem", "edem"),                        # angio-oedema
    (r"(?<=[b-df-hj-np-tv-z])oedem", "edem"),         # papilloedema, lymphoedema (not angioedema: o-edema)
    (r"\boe(?=[dns])", "e"),                          # oedema, oesophagitis, oestrogen
    (r"(rrh|pn)oe", r"\1e"),                          # diarrhoea, gonorrhoeal, dyspnoea, apnoea
    (r"\bcoel", "cel"),                               # coeliac
    (r"\bfoet", "fet"),                               # foetal
    (r"amoeb", "ameb"),                               # amoebic
    (r"homoeo", "homeo"),                             # homoeopathic
    (rf"\b(tum|behavi|col|od|hum|fav|lab|vap)our{_OR_ENDS}", r"\1or"),  # tumour, behaviour, colour, odour
    (rf"{_IZE_STEM}is(e|ed|es|ing|ation|ations)\b", r"iz\1"),  # immunised (not malaise, otherwise, exercise)
    (r"(?<=[a-z]{2}l)ys(e|ed|es|ing)\b", r"yz\1"),     # paralysed, analyse (not epiphyses)
))

# American -> British
_TO_BRITISH: Sequence[tuple[re.Pattern[str], str]] = tuple((re.compile(p), r) for p, r in (
    (r"(?<=[^adt])em(ia|ias|ic)\b", r"aem\1"),        # -emia, -emic (not academia, epidemic, systemic)
    (r"\bhem(?=[aeo])", "haem"),                      # hematoma, hemorrhage, hemolysis (not hemiplegia)
    (r"anesth", "anaesth"),                           # anesthesia
    (r"\bpedi(?=at)", "paedi"),                       # pediatric
    (r"orthoped", "orthopaed"),
    (r"\b(gyn|f|c)ec(?=o|al|es|um)", r"\1aec"),       # gynecomastia, fecal, cecum
    (r"\betiolog", "aetiolog"),
    (r"\bcesarean", "caesarean"),
    (r"(?<=angio)edem", "-oedem"),                    # angioedema -> angio-oedema
    (r"(?<=[b-df-hj-np-tv-z])edem", "oedem"),         # papilledema, lymphedema
    (r"\be(?=dem|sophag|str)", "oe"),                 # edema, esophagitis, estrogen, estradiol (after the two above)
    (r"(rrh|pn)e(?=a)", r"\1oe"),                     # diarrhea, gonorrheal, dyspnea, apnea
    (r"\bceliac", "coeliac"),
    (r"\bfet(?=al|us)", "foet"),                      # fetal, fetus
    (r"ameb", "amoeb"),
    (r"homeo", "homoeo"),
    (rf"\b(tum|behavi|col|od|hum|fav|lab|vap)or{_OR_ENDS}", r"\1our"),  # tumor, behavior (not laboratory)
    (rf"{_IZE_STEM}iz(e|ed|es|ing|ation|ations)\b", r"is\1"),
    (r"(?<=[a-z]{2}l)yz(e|ed|es|ing)\b", r"ys\1"),
))


def _respelled(word: str, rules: Sequence[tuple[re.Pattern[str], str]]) -> str:
    for pattern, replacement in rules:
        word = pattern.sub(replacement, word)
    return word


@cache
def american_spelling(word: str) -> str:
    """The American spelling of a lower-case word ("haemorrhage" -> "hemorrhage"); the word itself if it has none."""
    return _respelled(word, _TO_AMERICAN)


@cache
def british_spelling(word: str) -> str:
    """The British spelling of a lower-case word ("hemorrhage" -> "haemorrhage"); the word itself if it has none."""
    return _respelled(word, _TO_BRITISH)


def other_spellings(name: str) -> frozenset[str]:
    """The name's other spellings, each word written the American or the British way (the name itself left out).

    `name` is lower-case, words joined by single spaces, as the lexicons hold them.
    """
    words = name.split(" ")
    spellings = {" ".join(map(american_spelling, words)), " ".join(map(british_spelling, words))}
    spellings.discard(name)
    return frozenset(spellings)
