"""s46-objects: outcome names cut short or run long by the object patterns (issue 23): a colon joining two words, a
hyphen written U+2010 or U+2011 before a number, a trailing span of time, a purpose clause. The sentences are written
for these tests."""

from __future__ import annotations

from summarizer.engines.extractive.cues import OBJ_CUT
from summarizer.engines.extractive.outcomes import find_outcomes
from summarizer.engines.extractive.result_cues import CLAUSE_BOUNDARY, COMPARATIVE_OBJECT

HYPHEN = "\u2010"
NON_BREAKING_HYPHEN = "\u2011"


def _names(sentence: str) -> list[str]:
    return [mention.outcome for mention in find_outcomes(sentence)]


def _cut(obj: str) -> str:
    return OBJ_CUT.sub("", obj)


# a colon between two words with no space is inside one name


def test_a_ratio_written_with_a_colon_is_one_name() -> None:
    assert _names("The trained group had a lower muscle:fat ratio than the untrained group (p = 0.02).") == [
        "muscle:fat ratio"
    ]
    assert _names("The waist:hip ratio was significantly higher in the B group (p = 0.03).") == ["waist:hip ratio"]
    match = COMPARATIVE_OBJECT.search("the a group showed significantly lower protein:creatinine ratios overall")
    assert match is not None and match.group("obj").startswith("protein:creatinine ratios")


def test_a_colon_with_a_space_still_ends_the_object_and_the_clause() -> None:
    match = COMPARATIVE_OBJECT.search("patients had lower scores: pain fell by half")
    assert match is not None and match.group("obj") == "scores"
    assert CLAUSE_BOUNDARY.search("two outcomes: pain") is not None
    assert CLAUSE_BOUNDARY.search("the muscle:fat ratio") is None


# a hyphen written U+2010 or U+2011 is a hyphen: the number after it belongs to the name


def test_a_number_after_a_typographic_hyphen_stays_on_the_name() -> None:
    sentence = f"Drug B lowered serum interleukin{HYPHEN}6 (P=0.02 versus placebo)."
    assert _names(sentence) == [f"serum interleukin{HYPHEN}6"]
    assert _cut(f"transforming growth factor{NON_BREAKING_HYPHEN}2 at 3 months") == (
        f"transforming growth factor{NON_BREAKING_HYPHEN}2"
    )


def test_a_number_after_a_space_still_ends_the_name() -> None:
    assert _cut("serum ferritin 3 months later") == "serum ferritin"


# a span of time after a name ends it


def test_a_trailing_span_of_time_is_cut_from_the_name() -> None:
    assert _cut("the total count of dental visits over the trial") == "the total count of dental visits"
    assert _cut(f"hip fractures over the 3{HYPHEN}year follow-up") == "hip fractures"
    assert _cut("body weight over 18 months") == "body weight"
    assert _cut("symptom scores over time") == "symptom scores"
    assert _cut("the number of admissions during follow-up") == "the number of admissions"
    assert _names("Drug C reduced the number of asthma attacks over the study period (p = 0.01).") == [
        "number of asthma attacks"
    ]


def test_over_that_is_no_span_of_time_stays_in_the_name() -> None:
    assert _cut("perceived control over eating") == "perceived control over eating"
    assert _cut("share of children over two years of age") == "share of children over two years of age"
    assert _cut("share of women over five years old") == "share of women over five years old"


# a purpose clause ends a name; a noun or adjective that takes an infinitive keeps it


def test_a_purpose_clause_ends_the_name() -> None:
    assert _cut("the gastric acid pump to lower its output") == "the gastric acid pump"
    assert _cut("Kinase B to block the repair of DNA") == "Kinase B"
    assert _names("Compound X was shown to inhibit kinase B to prevent the repair of damaged DNA (p < 0.01).") == [
        "kinase B"
    ]
    assert _names("Drug E reduced gastric acid output to allow the healing of ulcers (p = 0.01).") == [
        "gastric acid output"
    ]


def test_a_word_that_takes_an_infinitive_keeps_it() -> None:
    assert _cut("the ability to walk the corridor") == "the ability to walk the corridor"
    assert _cut("Time to reach the target dose") == "Time to reach the target dose"
    assert _cut("the days to achieve a response") == "the days to achieve a response"
    assert _cut("willingness to pay the fee") == "willingness to pay the fee"
    assert _names("Therapy D improved the capacity to carry a shopping bag (p = 0.03).") == [
        "capacity to carry a shopping bag"
    ]


def test_to_before_a_noun_is_no_purpose_clause() -> None:
    assert _cut("time from admission to discharge") == "time"  # "from" ends it, as before
    assert _cut("adherence to the diet") == "adherence to the diet"
    assert _cut("return to normal bowel function") == "return to normal bowel function"
