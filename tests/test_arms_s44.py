"""The arm a trial tested, not what every arm had (issue 23, s44-arms): what an addition is added to
(control_arm_names.added_to_anchors) and the word for an arm ("group") are never the intervention
(target_profile._chosen_anchor). Sentences written for these tests."""

from __future__ import annotations

from fake_pico import profile_name

from summarizer.engines.extractive.control_arm_names import added_to_anchors


def _added_to(*texts: str) -> frozenset[str]:
    return added_to_anchors(texts, lambda words: words.lower().split())


def test_what_an_addition_is_added_to_is_what_both_arms_had() -> None:
    assert _added_to("The addition of clonidine to spinal levobupivacaine lengthened the block (p = 0.01).") == {
        "spinal", "levobupivacaine"
    }
    assert _added_to("Adding zinc (20 mg) to oral rehydration shortened diarrhoea.") == {"oral", "rehydration"}
    assert _added_to("Children given vitamin A added to measles vaccine had fewer colds.") == {"measles", "vaccine"}
    assert _added_to("Those who received yoga in addition to physiotherapy walked further.") == {"physiotherapy"}
    assert _added_to("Acupuncture as an adjunct to standard analgesia reduced pain.") == {"standard", "analgesia"}


def test_the_name_after_to_ends_before_a_verb_a_number_or_a_clause() -> None:
    # an adverb or a verb after the name ends it
    assert _added_to("Addition of ketamine to morphine significantly reduced pain.") == {"morphine"}
    # a pronoun, a determiner of a clause, a number: nothing is named
    assert _added_to("We studied ketamine. Adding it to them did not help.") == frozenset()
    assert _added_to("Addition of ketamine to 30 patients was studied.") == frozenset()


def test_in_addition_that_joins_clauses_names_no_base_arm() -> None:
    # at the start of a sentence "in addition to" joins what follows to what was said, not a drug to another
    assert _added_to("In addition to these changes, pain fell more with ketamine (p = 0.02).") == frozenset()
    assert _added_to("In addition to morphine consumption, pain scores were recorded.") == frozenset()
    # no word of addition at all
    assert _added_to("Pain was lower with ketamine than with morphine (p = 0.01).") == frozenset()


def test_a_drug_added_to_what_both_arms_had_is_the_intervention() -> None:
    statements = (
        "The addition of clonidine to intrathecal levobupivacaine prolonged analgesia (p < 0.001).",
        "Motor block lasted longer in the levobupivacaine group than in the clonidine group (p = 0.02).",
        "Levobupivacaine reduced shivering compared with clonidine (p = 0.04).",
    )
    assert profile_name(*statements) == "clonidine"
    # without the sentence of the addition, the statements alone name the other arm
    assert profile_name(*statements[1:]) == "levobupivacaine"


def test_what_both_arms_had_is_named_when_nothing_else_qualifies() -> None:
    statements = (
        "Pain scores fell with levobupivacaine in both groups (p = 0.01).",
        "Levobupivacaine reduced pain at 6 hours (p = 0.03) when dexamethasone was added to levobupivacaine.",
    )
    assert profile_name(*statements) == "levobupivacaine"


def test_the_word_for_an_arm_is_never_the_intervention() -> None:
    statements = (
        "CD4 counts rose in the two groups (intervention group's difference = 172, p = 0.001).",
        "There was a significant difference in the two groups (intervention group's difference = 80, p = 0.01).",
    )
    assert profile_name(*statements) != "groups (intervention"


def test_a_name_inside_what_was_measured() -> None:
    from summarizer.engines.extractive.measured_names import measured_in

    assert measured_in("morphine", "morphine consumption")
    assert measured_in("ketorolac", "number of days of ketorolac")
    assert measured_in("rescue ibuprofen", "time to first rescue ibuprofen")
    assert measured_in("embryo transfer", "embryo transfer rates")


def test_a_name_beside_what_was_measured_is_not_measured() -> None:
    from summarizer.engines.extractive.measured_names import measured_in

    # the outcome reader's name ran on into the arm it was measured in
    assert not measured_in("lisinopril", "left ventricular mass with lisinopril")
    assert not measured_in("sertraline", "change in weight during open-label sertraline")
    # the outcome is the name, or the name's own course ("over 4 h"), or a longer word that holds it
    assert not measured_in("morphine", "morphine")
    assert not measured_in("insulin infusion", "insulin infusion over 4 h")
    assert not measured_in("morphine", "hydromorphine consumption")
    # the response to a treatment is the arm's result, not a measure of it
    assert not measured_in("sildenafil", "response to sildenafil")


_MEASURED_TRIAL = (
    "The total dose of morphine was significantly lower in the treated patients (p = 0.02).",
    "The duration of morphine was significantly shorter in the treated patients (p = 0.01).",
    "The number of days of morphine was lower in the treated patients (p = 0.03).",
    "Nausea was less frequent in patients given dexamethasone (p = 0.04).",
    "Pain was lower in patients given dexamethasone (p = 0.01).",
)


def test_a_name_only_ever_measured_is_not_the_arm_tested() -> None:
    # morphine is attributed three results, dexamethasone two: morphine is only what was measured
    assert profile_name(*_MEASURED_TRIAL) == "dexamethasone"


def test_a_name_only_ever_measured_is_named_when_nothing_else_qualifies() -> None:
    assert profile_name(*_MEASURED_TRIAL[:3]) == "morphine"
    # named outside an outcome once ("patients given morphine"), it is no longer only measured
    from summarizer.engines.extractive import annotate
    from summarizer.engines.extractive.measured_names import measured_anchors
    from summarizer.engines.extractive.resources import load_resources

    res = load_resources()
    texts = (*_MEASURED_TRIAL[:3], "Nausea was less frequent in patients given morphine (p = 0.04).")
    readings = [annotate(text, resources_=res) for text in texts]
    assert measured_anchors([r.treatment for r in readings], readings) == frozenset()
    assert measured_anchors([r.treatment for r in readings[:3]], readings[:3]) == {"morphine"}
