"""s46-harms: safety findings that list the patients' own disease as a harm of the drug (sentences written for
these tests, each with a case where the rule must not fire)."""

from __future__ import annotations

import pytest

from summarizer.engines.extractive.events import event_name_span
from summarizer.engines.extractive.patients_disease import names_the_indication
from summarizer.engines.extractive.peoples_condition import names_the_peoples_condition


def _span(text: str, name: str) -> tuple[str, int, int]:
    start = text.index(name)
    return text, start, start + len(name)


# "E in a PERSON with X": the people may be described before their noun (an age, a nationality, their cancer)
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Toxic hepatitis caused by drug Q in a 34-year-old teacher patient with chronic gout.", "chronic gout"),
        ("Severe neutropenia after drug Q in a 7 year old boy with cystic fibrosis.", "cystic fibrosis"),
        ("Fatal pancreatitis induced by drug Q in an elderly Swedish woman with Parkinson's disease.",
         "Parkinson's disease"),
        ("Acute renal failure complicating drug Q therapy in a lung cancer patient with diabetes mellitus.",
         "diabetes mellitus"),
    ],
)
def test_the_disease_of_described_people_after_an_event_is_theirs(text: str, name: str) -> None:
    assert names_the_indication(*_span(text, name))


# "E in a PERSON with X after D": the time after X is the event's, not X's own cause
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bullous pemphigoid in a woman with ulcerative colitis after treatment with drug Q.", "ulcerative colitis"),
        ("Interstitial nephritis in two patients with multiple myeloma following drug Q infusions.",
         "multiple myeloma"),
    ],
)
def test_the_time_after_the_peoples_disease_belongs_to_the_event(text: str, name: str) -> None:
    assert names_the_indication(*_span(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the name says its own cause after it: an event, where it stands
        ("Hyponatraemia in a patient with renal tubular acidosis secondary to drug Q.", "renal tubular acidosis"),
        ("Desensitisation was safe in a patient with severe urticaria induced by drug Q.", "severe urticaria"),
        ("Rechallenge can be tried in a patient with mild skin reactions to drug Q.", "mild skin reactions"),
        # or in its words
        ("Jaundice in a 60-year-old man with drug Q-induced hepatitis.", "drug Q-induced hepatitis"),
        # a case report that describes its people by the event they had: no event before "in"
        ("We describe two elderly patients with severe hepatitis following drug Q.", "severe hepatitis"),
    ],
)
def test_an_event_with_its_own_cause_or_no_event_before_stays_an_event(text: str, name: str) -> None:
    assert not names_the_indication(*_span(text, name))


# the people as the subject of a verb of having or of starting a treatment
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A 51-year-old man with chronic gout had a generalized rash after drug Q.", "chronic gout"),
        ("Three women with rheumatoid arthritis sustained hip fractures while on drug Q.", "rheumatoid arthritis"),
        ("A boy with Crohn's disease started drug Q in March and developed pancreatitis.", "Crohn's disease"),
        ("A woman with ovarian carcinoma attained a complete remission with drug Q.", "ovarian carcinoma"),
        ("Two men with asthma and coexistent atopic dermatitis sustained anaphylaxis after drug Q.",
         "atopic dermatitis"),
    ],
)
def test_the_condition_of_people_who_had_an_event_or_started_a_drug(text: str, name: str) -> None:
    assert names_the_peoples_condition(*_span(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "had taken D", "had used D": the people presented with the name, which may be what the drug did
        ("A woman with toxic epidermal necrolysis had taken drug Q for ten days.", "toxic epidermal necrolysis"),
        ("A man with severe neutropenia had used drug Q for a week.", "severe neutropenia"),
        # the name says its own cause
        ("A man with drug Q-induced hepatitis had jaundice for a month.", "drug Q-induced hepatitis"),
        # no people before the name
        ("Severe hepatitis had resolved within a month of stopping drug Q.", "Severe hepatitis"),
    ],
)
def test_a_name_the_people_presented_with_or_that_says_its_cause_is_left(text: str, name: str) -> None:
    assert not names_the_peoples_condition(*_span(text, name))


# the disease a drug was given for, or one the people had a history or a diagnosis of, after its adjectives
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Drug Q was prescribed for a chronic obstructive bronchitis and then stopped.", "bronchitis"),
        ("She had a 12-year history of nodular vasculitis before drug Q was begun.", "vasculitis"),
        ("A man with a confirmed diagnosis of bipolar-type psychosis was switched to drug Q.", "psychosis"),
        ("A girl without any previous history of a movement disorder took drug Q.", "movement disorder"),
    ],
)
def test_the_disease_given_for_or_had_before_after_its_adjectives(text: str, name: str) -> None:
    assert names_the_indication(*_span(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a verb between: the words before the name are no adjectives of it
        ("Can drug Q prescribed for arthritis cause liver injury?", "liver injury"),
        # a diagnosis made of the event itself, with no people before it
        ("A diagnosis of toxic epidermal necrolysis was made after drug Q.", "toxic epidermal necrolysis"),
    ],
)
def test_a_name_after_a_verb_or_a_diagnosis_made_is_left(text: str, name: str) -> None:
    assert not names_the_indication(*_span(text, name))


# the time after the event of a clause is the event's, not that of the people's disease before its verb
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We describe a man with chronic gout who developed a rash after drug Q.", "chronic gout"),
        ("We report a woman with a diagnosis of reactive psychosis who had seizures following drug Q.", "psychosis"),
    ],
)
def test_the_time_after_the_event_is_not_the_disease_s_cause(text: str, name: str) -> None:
    assert names_the_indication(*_span(text, name))


def test_a_name_whose_own_time_follows_it_stays_an_event() -> None:
    text = "We describe two patients with acute hepatitis shortly after drug Q was begun."
    assert not names_the_indication(*_span(text, "acute hepatitis"))


# a preposition opens no noun phrase: an event's name starts after it
@pytest.mark.parametrize(
    ("sentence", "span_text", "name"),
    [
        ("The reaction presented as an urticarial rash on the arms.", "as an urticarial rash", "urticarial rash"),
        ("Her mild nausea progressed to severe vomiting within hours.", "to severe vomiting", "severe vomiting"),
        ("A nurse suffered from contact dermatitis of both hands.", "from contact dermatitis", "contact dermatitis"),
    ],
)
def test_an_event_name_starts_after_a_leading_preposition(sentence: str, span_text: str, name: str) -> None:
    start = sentence.index(span_text)
    cleaned = event_name_span(sentence, (start, start + len(span_text)))
    assert cleaned is not None
    assert sentence[slice(*cleaned)] == name


def test_a_name_without_a_leading_preposition_is_kept_whole() -> None:
    sentence = "Toxic epidermal necrolysis developed in a child."
    cleaned = event_name_span(sentence, (0, len("Toxic epidermal necrolysis")))
    assert cleaned is not None
    assert sentence[slice(*cleaned)] == "Toxic epidermal necrolysis"


# a disease's noun before the people's noun says who they were
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Severe neutropenia was seen in a psoriasis patient given drug Q.", "psoriasis"),
        ("Pancreatitis may occur in hepatitis B patients treated with drug Q.", "hepatitis"),
        ("We followed twelve asthma sufferers on drug Q for a year.", "asthma"),
    ],
)
def test_a_disease_before_the_people_noun_is_theirs(text: str, name: str) -> None:
    assert names_the_peoples_condition(*_span(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nine confused and delirious patients had taken drug Q.", "delirious"),  # an adjective: their state
        ("Twenty drug Q-induced hepatitis patients were followed.", "drug Q-induced hepatitis"),  # its own cause
        ("Hepatitis in patients given drug Q was rare.", "Hepatitis"),  # a preposition between
    ],
)
def test_an_adjective_a_caused_name_or_a_preposition_before_the_people_is_left(text: str, name: str) -> None:
    assert not names_the_peoples_condition(*_span(text, name))


# what a treatment named right after it was given for
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Two cases of chronic urticaria treated with drug Q developed alopecia.", "chronic urticaria"),
        ("Her ulcerative colitis, successfully managed with drug Q, flared after a year.", "ulcerative colitis"),
        ("His epilepsy was controlled by drug Q until a rash appeared.", "epilepsy"),
    ],
)
def test_the_disease_a_treatment_named_after_it_was_given_for(text: str, name: str) -> None:
    assert names_the_indication(*_span(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Drug Q-induced agranulocytosis treated with filgrastim.", "agranulocytosis"),  # caused, right before
        ("A drug Q overdose treated with activated charcoal.", "overdose"),  # a substance's harm by its name
        ("The tremor was controlled by withdrawal of drug Q.", "tremor"),  # by stopping the drug: its event
        ("Severe hypokalaemia was seen in three patients.", "Severe hypokalaemia"),  # no treatment after it
    ],
)
def test_a_caused_harm_or_one_stopped_by_withdrawal_is_no_indication(text: str, name: str) -> None:
    assert not names_the_indication(*_span(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the abbreviation in brackets between the name and the clause about the people
        ("We saw a boy with juvenile arthritis (JA), who developed hepatitis on drug Q.", "juvenile arthritis"),
        # an auxiliary of the present and an adverb of time before the verb
        ("A girl with cystic fibrosis who is currently receiving drug Q had a seizure.", "cystic fibrosis"),
    ],
)
def test_the_people_s_disease_before_a_clause_about_them(text: str, name: str) -> None:
    assert names_the_indication(*_span(text, name))


def test_a_clause_of_being_on_a_drug_is_no_such_clause() -> None:
    text = "We saw a man with severe neutropenia who has been on drug Q for a year."
    assert not names_the_indication(*_span(text, "severe neutropenia"))
