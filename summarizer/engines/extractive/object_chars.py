"""What an object's name may hold where the change readers' patterns would end it: the characters inside a name
(OBJECT_CHAR: no full stop, semicolon, colon or bracket, but the colon of "the fat:lean ratio" and the full stop of a
genus abbreviation, "S. aureus infection") and "both" before two coordinated names (BOTH_OF_A_LIST). cues.OUTCOME_VERB
builds on these; other patterns over objects may too."""

from __future__ import annotations

__all__ = ["BOTH_OF_A_LIST", "GENUS_STOP", "NAME_CHAR", "OBJECT_CHAR"]

# a character inside an object's name: no full stop, semicolon, colon or bracket ends it, except a colon between two
# words with no space ("the fat:lean ratio") and the full stop of a genus abbreviation ("reduced S. aureus infection",
# "eradication of H. pylori"): one letter after a word that opens a noun phrase (a determiner, a preposition, a
# conjunction, a verb's past form), its full stop, one space and a word. Read on the lower-cased text, so a letter that
# labels a noun and ends a sentence the splitter kept whole ("vitamin D. Patients", "group A. The") is no genus: a
# noun, not one of these words, stands before it
_GENUS_OPENING_WORDS = ("the", "of", "in", "on", "to", "by", "for", "with", "from", "against", "and", "or", "no", "a",
                        "an")
GENUS_STOP = (
    "(?:" + "|".join(rf"(?<=\b{word}\s[a-z])" for word in _GENUS_OPENING_WORDS)
    + r"|(?<=ed\s[a-z])|(?<=anti-[a-z])|(?<=\([a-z]))\.(?=\s[a-z]{3})"
)
# a character inside a name where a colon may join two words ("the fat:lean ratio") but no full stop stands
NAME_CHAR = r"(?:[^.;:()\[\]]|(?<=[a-z]):(?=[a-z]))"
OBJECT_CHAR = r"(?:[^\.;:\(\)\[\]]|(?<=[a-z]):(?=[a-z])|" + GENUS_STOP + ")"
# "both" before two coordinated names ("both pain and stiffness"), not before the arms or people it says the change
# was in ("both groups", "both of the arms", "both sexes")
BOTH_OF_A_LIST = (
    r"both\s+(?!(?:of\s+)?(?:the\s+|these\s+)?(?:treatment\s+|study\s+)?(?:groups?|arms?|sexes|genders|sides|"
    r"regimens|cohorts|conditions|treatments|periods|phases|visits|times)\b)(?=[^.;:()\[\]]{1,80}?\sand\s)"
)
