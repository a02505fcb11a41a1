"""British and American spellings of medical words, and the adverse-event lexicon that holds both (s45)."""

from __future__ import annotations

import json

import pytest

from summarizer.engines.extractive.resources import DATA_DIR, LEXICON_FILE
from summarizer.engines.extractive.spelling_variants import american_spelling, british_spelling, other_spellings
from summarizer.training.name_lists import build_lexicon


@pytest.mark.parametrize(("british", "american"), [
    ("haematuria", "hematuria"),
    ("hyperkalaemic", "hyperkalemic"),
    ("septicaemia", "septicemia"),
    ("ischaemic", "ischemic"),
    ("anaemia", "anemia"),
    ("leukaemia", "leukemia"),
    ("oedema", "edema"),
    ("lymphoedema", "lymphedema"),
    ("angio-oedema", "angioedema"),
    ("oesophagitis", "esophagitis"),
    ("oestradiol", "estradiol"),
    ("steatorrhoea", "steatorrhea"),
    ("tachypnoea", "tachypnea"),
    ("anaesthetic", "anesthetic"),
    ("paediatric", "pediatric"),
    ("faecal", "fecal"),
    ("foetal", "fetal"),
    ("coeliac", "celiac"),
    ("tumours", "tumors"),
    ("sensitised", "sensitized"),
    ("hospitalisation", "hospitalization"),
    ("haemolysed", "hemolyzed"),
])
def test_a_word_is_spelled_both_ways(british: str, american: str) -> None:
    assert american_spelling(british) == american
    assert british_spelling(american) == british


@pytest.mark.parametrize("word", [
    # -emic and hem- that are no blood words, hemi- (half), -ise that is no suffix, -izure
    "systemic", "epidemic", "academia", "hemiplegia", "chemotherapy", "malaise", "seizure", "size", "rash",
    "rise", "doctor", "tremor", "aerosol",
])
def test_a_word_without_two_spellings_is_left_as_it_is(word: str) -> None:
    assert other_spellings(word) == frozenset()


def test_each_word_of_a_name_is_respelled() -> None:
    assert other_spellings("acute haemolytic anaemia") == {"acute hemolytic anemia"}
    assert other_spellings("severe hypoglycemia") == {"severe hypoglycaemia"}
    assert other_spellings("skin rash") == frozenset()


def test_the_lexicon_learns_the_other_spelling_of_an_annotated_effect() -> None:
    rows: list[dict[str, object]] = [{"effects": ["Haemorrhagic cystitis"]}, {"effects": ["tumor flare"]}]
    lexicon = build_lexicon(rows, include_seed=False)
    assert lexicon == {"haemorrhagic cystitis", "hemorrhagic cystitis", "tumor flare", "tumour flare"}


def test_the_shipped_lexicon_holds_both_spellings_of_its_names() -> None:
    terms = set(json.loads((DATA_DIR / LEXICON_FILE).read_text())["terms"])
    assert {"hypoglycaemia", "hypoglycemia", "angio-oedema", "angioedema"} <= terms
    missing = {other for term in terms for other in other_spellings(term) if other not in terms}
    assert not missing
