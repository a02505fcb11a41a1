"""Per-statement annotation: negation of adverse events, event names, outcomes and their direction."""

from __future__ import annotations

import math
import time
from dataclasses import replace

import pytest

from summarizer.engines.extractive.cues import (
    AFFIXES,
    CLASS,
    EVENT_TRIGGER,
    FOLDED,
    HEAD,
    MARK,
    OUTCOME_VERB_START,
    affixes,
    is_event_trigger,
    is_head,
    mark_kind,
    may_start_outcome_verb,
    word_class,
)
from summarizer.engines.extractive.events import occurring_spans
from summarizer.engines.extractive.features import ade_features
from summarizer.engines.extractive.linear import (
    Lexicon,
    LinearModel,
    TokenTagger,
    letter_pieces,
    tagger_features,
)
from summarizer.engines.extractive.outcomes import find_outcomes, outcome_direction
from summarizer.engines.extractive.reading import SentenceReading, annotate, shown_stance
from summarizer.engines.extractive.resources import (
    STARTS_NAME,
    EncoderMix,
    Resources,
    bundled_data_files,
    load_resources,
    resources_from,
    resources_of_parts,
    resources_parts,
)
from summarizer.engines.extractive.scan import Scan
from summarizer.engines.extractive.tokenise import split_sentences, tokens

S1 = (
    "Safety was shown in other studies that also performed MSC-based interventions. They did not noticed any "
    "acute infusion-related issues, alergic reaction, delayed hypersensitivity or secondary infections in the "
    "patients either 39,45,47,48,54,76,77 ."
)
S2_PART = (
    "It prevents or reduces ARDS and other serious complications, decreases in ammatory cytokines and mortality, "
    "and in some cases improves pulmonary 39,[44][45][46] ."
)


def test_negated_list_gives_absent_events_not_adverse_events() -> None:
    reading = annotate(S1)
    assert "alergic reaction" in reading.absent_events
    assert "delayed hypersensitivity" in reading.absent_events
    assert "secondary infections" in reading.absent_events
    assert reading.adverse_events == ()
    assert reading.safety_signal == "reassuring"
    assert "safety" in reading.topics
    assert reading.polarity == "favourable"
    assert reading.safety_quote is not None and reading.safety_quote in S1
    assert reading.safety_quote.startswith("They did not noticed")


@pytest.mark.parametrize(
    "text",
    [
        "We did not notice any allergic reaction after the infusion.",
        "No evidence of hepatotoxicity was found in the treated patients.",
        "The infusions were given without any serious adverse events.",
        "Allergic reactions were not observed in any patient.",
    ],
)
def test_negated_events_reassure(text: str) -> None:
    reading = annotate(text)
    assert reading.adverse_events == ()
    assert reading.safety_signal == "reassuring"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("MSCs were infused without serious adverse events (Shu et al., 2020).", "serious adverse events"),
        ("Infusions were well tolerated, with no infusion-related adverse events reported [12].",
         "infusion-related adverse events"),
        ("UC-MSC infusion was safe, with no allergic reactions [14].", "allergic reactions"),
    ],
)
def test_absent_event_names_stop_before_citations_and_verbs(text: str, absent: str) -> None:
    assert annotate(text).absent_events == (absent,)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Two patients developed a severe rash after amoxicillin was started.", "rash"),
        ("We report a case of rifampicin-induced renal failure in an elderly man.", "renal failure"),
        ("Hepatotoxicity following isoniazid therapy was seen in three patients.", "Hepatotoxicity"),
    ],
)
def test_reported_events_are_named_as_in_the_text(text: str, event: str) -> None:
    reading = annotate(text)
    assert any(event.lower() in name.lower() for name in reading.adverse_events), reading.adverse_events
    assert all(name in text for name in reading.adverse_events)
    assert reading.safety_signal == "concern"
    assert "safety" in reading.topics
    assert reading.polarity == "unfavourable"


def test_safe_and_well_tolerated_is_reassuring() -> None:
    reading = annotate("Intravenous MSC infusion in patients with COVID-19 is safe and welltolerated.")
    assert reading.safety_signal == "reassuring"
    assert reading.adverse_events == ()


def test_outcomes_found_in_a_brief_statement() -> None:
    outcomes = {m.outcome: m for m in find_outcomes(S2_PART)}
    assert outcomes["mortality"].change == "decreased"
    assert outcomes["mortality"].direction == "improved"
    assert outcomes["ARDS"].direction == "improved"
    assert outcomes["in ammatory cytokines"].change == "decreased"
    # "improves pulmonary 39,[44]": the page lost the noun; an adjective alone names no outcome
    assert "pulmonary" not in outcomes
    assert all(m.quote in S2_PART for m in outcomes.values())


def test_hypothetical_and_purpose_clauses_are_not_findings() -> None:
    text = "Therapeutic interventions must decrease excess inflammation, thus preventing end-organ damage."
    assert find_outcomes(text) == []
    assert find_outcomes("Heparin was used to prevent thrombosis.") == []


def test_negated_change_is_no_difference() -> None:
    outcomes = find_outcomes("The treatment did not reduce mortality in the trial.")
    assert [(m.outcome, m.change, m.direction) for m in outcomes] == [("mortality", "no_difference", "no_difference")]


@pytest.mark.parametrize(
    ("outcome", "change", "direction"),
    [
        ("mortality", "decreased", "improved"),
        ("28-day mortality", "increased", "worsened"),
        ("adverse events", "increased", "worsened"),
        ("overall survival", "increased", "improved"),
        ("survival", "decreased", "worsened"),
        ("quality of life", "increased", "improved"),
        ("serum sodium", "increased", "unclear"),
        ("mortality", "no_difference", "no_difference"),
        ("mortality", "unclear", "unclear"),
    ],
)
def test_direction_for_the_patient(outcome: str, change: str, direction: str) -> None:
    assert outcome_direction(outcome, change) == direction  # type: ignore[arg-type]


def test_change_of_a_named_outcome() -> None:
    text = "Mortality at 28 days was significantly lower in the treated group than in the placebo group (p=0.01)."
    reading = annotate(text, outcome="Mortality at 28 days", intervention="drug", comparator="placebo")
    assert reading.change == "decreased"
    assert reading.direction == "improved"
    text = "There was no significant difference in mortality between the groups (p=0.62)."
    reading = annotate(text, outcome="mortality", intervention="drug", comparator="placebo")
    assert reading.change == "no_difference"


def test_stance_cues() -> None:
    contrasting = annotate("In contrast to previous reports [12], our study did not find a reduction in mortality.")
    assert contrasting.stance == "contrasting"  # the model's own label, which the stance evaluation scores
    supporting = annotate("Our findings are consistent with and confirm those of Smith et al. [3].")
    assert supporting.stance == "supporting"
    assert supporting.stance_quote is not None


def _read_as(stance: str, p_contrasting: float | None) -> SentenceReading:
    reading = annotate("The cells were given on days 1, 3 and 5 [7].")
    scores = {} if p_contrasting is None else {"stance:contrasting": p_contrasting}
    return replace(reading, stance=stance, scores=scores)


def test_a_brief_shows_contrasting_only_from_the_threshold() -> None:
    assert shown_stance(_read_as("contrasting", 0.7), 0.6) == "contrasting"
    assert shown_stance(_read_as("contrasting", 0.7), 0.7) == "contrasting"
    assert shown_stance(_read_as("contrasting", 0.7), 0.75) == "mentioning"
    assert shown_stance(_read_as("contrasting", 0.7), None) == "mentioning"  # no threshold reached the precision
    assert shown_stance(_read_as("contrasting", None), 0.1) == "mentioning"  # a rule's guess: precision unmeasured
    assert shown_stance(_read_as("supporting", 0.2), None) == "supporting"
    assert shown_stance(_read_as("mentioning", 0.9), 0.5) == "mentioning"


def test_the_stance_threshold_is_read_from_the_model_file_and_kept_in_the_startup_parts() -> None:
    files = bundled_data_files()
    stance = dict(files["stance_model.json"])
    assert "contrasting_min_probability" in stance and stance["contrasting_min_precision"] == 0.8
    for value in (0.85, None):
        res = resources_from({**files, "stance_model.json": {**stance, "contrasting_min_probability": value}})
        assert res.contrasting_min_probability == value
        assert resources_of_parts(resources_parts(res)).contrasting_min_probability == value
    without = {k: v for k, v in stance.items() if k != "contrasting_min_probability"}
    assert resources_from({**files, "stance_model.json": without}).contrasting_min_probability is None


def test_rules_alone_work_without_models() -> None:
    bare = Resources()
    reading = annotate(S1, resources_=bare)
    assert "alergic reaction" in reading.absent_events
    assert reading.adverse_events == ()
    ruled = annotate("In contrast to [4], our study found no benefit.", resources_=bare)
    assert ruled.stance == "contrasting"
    change = annotate("X was not significantly different.", outcome="X", resources_=bare)
    assert change.change == "no_difference"


def test_binary_and_multiclass_linear_models() -> None:
    binary = LinearModel(["yes", "no"], [0.0, 0.0], {"good": [1.0, -1.0]})
    probs = binary.probabilities(["good", "good", "unknown"])
    assert probs["yes"] == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert probs["yes"] + probs["no"] == pytest.approx(1.0)
    multi = LinearModel(["a", "b", "c"], [0.0, 0.0, 0.0], {"f": [2.0, 0.0, 0.0]})
    assert max(multi.probabilities(["f"]).items(), key=lambda kv: kv[1])[0] == "a"


def test_a_model_of_three_labels_sums_each_label_s_weights() -> None:
    weights = {"f": [2.0, 0.0, -1.0], "g": [0.5, 1.0, 0.0], "zero": [0.0, 0.0, 0.0]}
    model = LinearModel(["a", "b", "c"], [0.1, 0.2, 0.3], weights)
    assert model.vocabulary == {"f", "g"}
    scores = [0.1 + 2.0 + 0.5, 0.2 + 1.0, 0.3 - 1.0]
    top = max(scores)
    exps = [math.exp(x - top) for x in scores]
    expected = {label: e / sum(exps) for label, e in zip("abc", exps, strict=True)}
    assert model.probabilities(["f", "g", "g", "zero", "unknown"]) == pytest.approx(expected)
    assert model.probabilities(["unknown"]) == pytest.approx(
        {label: math.exp(b) / sum(math.exp(x) for x in (0.1, 0.2, 0.3)) for label, b in zip("abc", (0.1, 0.2, 0.3),
                                                                                            strict=True)}
    )


def test_bundled_models_load() -> None:
    res = load_resources()
    assert res.stance is not None and res.ade is not None and res.efficacy is not None
    assert res.effects.terms and res.drugs.terms
    assert res.drug_tagger is not None and res.effect_tagger is not None
    assert 0 < res.ade_threshold < 1


def _exact_margin(tagger_json: dict[str, object], toks: list[str], i: int, window: int) -> float:
    weights = tagger_json["weights"]
    assert isinstance(weights, dict)
    return float(tagger_json["bias"]) + sum(weights.get(f, 0.0) for f in tagger_features(toks, i, window))  # type: ignore[arg-type]


@pytest.mark.parametrize("window", [1, 2])
def test_token_tagger_margins_match_its_features(window: int) -> None:
    # hand-made weights (a fixture, not a trained model): letter pieces, the word and its neighbours
    data: dict[str, object] = {
        "bias": -2.0,
        "weights": {"C:mab": 1.5, "C:ab>": 1.0, "W:rituximab": 0.5, "L:with": 0.8, "R:therapy": 0.7,
                    "L2:treated": 0.4, "R2:was": 0.3},
    }
    if window == 1:
        data["weights"] = {k: v for k, v in data["weights"].items() if not k.startswith(("L2:", "R2:"))}  # type: ignore[union-attr]
    tagger = TokenTagger.from_json(data)
    toks = tokens("Treated with rituximab therapy was stopped after 3 days")
    margins = tagger.margins(toks)
    i = toks.index("rituximab")
    assert margins[i] == pytest.approx(_exact_margin(data, toks, i, window))
    assert margins[i] > 0
    # other words stay below the point from which the features use a margin, numbers far below
    assert all(m < 0 for j, m in enumerate(margins) if j != i)
    assert margins[toks.index("3")] < -10


def _pieces_by_definition(tok: str) -> tuple[str, ...]:
    marked = f"<{tok}>"
    pieces = [marked[i : i + n] for n in range(2, 6) for i in range(len(marked) - n + 1)]
    return tuple(dict.fromkeys(pieces))


@pytest.mark.parametrize("tok", ["a", "ab", "rituximab", "assess", "anti-tnf", "x" * 40])
def test_letter_pieces_are_the_distinct_pieces_shortest_first(tok: str) -> None:
    assert letter_pieces(tok) == _pieces_by_definition(tok)


def test_the_tagger_pair_gives_each_tagger_s_own_margins() -> None:
    res = load_resources()
    assert res.taggers is not None and res.drug_tagger is not None and res.effect_tagger is not None
    for text in ("Severe neutropenia developed after treatment with zanubrutinib and obinutuzumab [3].",
                 "x", "Rituximab-induced hepatitis B reactivation in 2 of 12 patients (17%)"):
        toks = tokens(text)
        word_values = [res.word_values[tok] for tok in toks]
        assert res.taggers.margins(toks, word_values) == (res.drug_tagger.margins(toks),
                                                           res.effect_tagger.margins(toks))
    assert res.taggers.margins([], []) == ([], [])


def test_a_word_s_values_are_what_each_question_gives() -> None:
    res = load_resources()
    for tok in ("aspirin", "hepatotoxicity", "induced", "drug-induced", "reduced", "not", "12", "mg", "without"):
        values = res.word_values[tok]
        assert FOLDED(values) == ("<n>" if tok[0].isdigit() else tok)
        assert CLASS(values) == word_class(tok)
        assert EVENT_TRIGGER(values) == is_event_trigger(tok)
        assert HEAD(values) == is_head(tok)
        assert OUTCOME_VERB_START(values) == may_start_outcome_verb(tok)
        assert MARK(values) == mark_kind(tok)
        assert AFFIXES(values) == affixes(tok)
        assert STARTS_NAME(values) == any(
            tok in lexicon.lengths_by_first for lexicon in (res.drugs, res.effects, res.listed_effects)
        )
    assert may_start_outcome_verb("re-increased") and not may_start_outcome_verb("over-the-counter")


def test_an_encoder_mix_keeps_the_word_values_already_filled() -> None:
    res = load_resources()
    res.word_values["aspirin"]  # noqa: B018 - a look-up fills the table
    mixed = res.with_encoder_mix(EncoderMix(weight=0.5, threshold=0.4))
    assert mixed.encoder_mix == EncoderMix(weight=0.5, threshold=0.4) and res.encoder_mix is None
    assert mixed.word_values is res.word_values and "aspirin" in mixed.word_values
    assert mixed.taggers is res.taggers and mixed.ade is res.ade


def test_bundled_taggers_find_unseen_looking_drug_names() -> None:
    res = load_resources()
    assert res.drug_tagger is not None
    toks = tokens("Severe neutropenia developed after treatment with zanubrutinib and obinutuzumab.")
    margins = res.drug_tagger.margins(toks)
    tagged = {tok for tok, m in zip(toks, margins, strict=True) if m >= 0}
    assert {"zanubrutinib", "obinutuzumab"} <= tagged
    assert "neutropenia" not in tagged and "severe" not in tagged


def test_events_of_a_disease_or_without_a_treatment_are_not_named() -> None:
    res = Resources()
    text = ("The COVID-19 associated thrombosis has been noticed by many clinicians. "
            "Heparin-associated thrombocytopenia followed the infusion.")
    scan = Scan(text, res)
    thrombosis = text.index("thrombosis")
    thrombocytopenia = text.index("thrombocytopenia")
    spans = [(thrombosis, thrombosis + 10), (thrombocytopenia, thrombocytopenia + 16)]
    assert occurring_spans(scan, spans) == [spans[1]]


def test_event_after_a_treatment_without_a_drug_name_is_reported() -> None:
    reading = annotate("Two patients developed a severe rash after the infusion of the cells.")
    assert any("rash" in name for name in reading.adverse_events)
    assert reading.safety_signal == "concern"


def test_sentences_are_exact_slices() -> None:
    text = "First sentence here. Second one [3]. Third."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["First sentence here.", "Second one [3].", "Third."]


def test_deterministic() -> None:
    assert annotate(S1) == annotate(S1)


def test_bundled_listed_names_load() -> None:
    res = load_resources()
    assert res.drugs.match(["pemetrexed"], 0) == 1  # from the published drug list, not from the corpus
    assert res.listed_effects.match(["onycholysis"], 0) == 1
    assert res.listed_effects.match(["severe"], 0) == 0  # qualifiers of the phenotype ontology are left out


def test_listed_phenotype_names_mark_effects_but_are_no_absent_events() -> None:
    text = "There is no typical cytokine storm in this patient."
    listed = Resources(listed_effects=Lexicon.of(["cytokine storm"]))
    scan = Scan(text, listed)
    assert "EFFECT" in scan.masked
    assert annotate(text, resources_=listed).absent_events == ()
    named = Resources(effects=Lexicon.of(["cytokine storm"]))
    assert annotate(text, resources_=named).absent_events == ("cytokine storm",)


def test_drug_named_in_a_hyphenated_cause_word() -> None:
    res = Resources(drugs=Lexicon.of(["pentasa"]))
    text = "Excluding other causes, Pentasa-associated pancytopenia was considered."
    assert "M:DRUGC_EFFECTX" in ade_features(text, res)
    assert "M:DRUGC_EFFECTX" not in ade_features("COVID-associated pancytopenia was considered.", res)
    start = text.index("pancytopenia")
    span = (start, start + len("pancytopenia"))
    assert occurring_spans(Scan(text, res), [span]) == [span]
    assert occurring_spans(Scan(text, Resources()), [span]) == []


# Adversarial statements of 100 KB: each used to take 10 to 80 s (negation scopes, negated lists and event spans
# compared pairwise); the scan is linear now.
ADVERSARIAL = {
    "not": "not " * 25_000,
    "not then a harm word": "not " * 24_999 + "rash",
    "negated list": "no rash, " * 11_112,
    "negated harm words": "not reaction " * 7_693,
    "without": "without fever and " * 5_556,
    "backward negations": "rash were not observed " * 4_348,
    "drugs and effects": "aspirin rash " * 7_693,
    "outcomes": "reduces mortality and " * 4_546,
    "treatments and citations": "treatment with aspirin improved survival (Smith et al., 2020) [1]; " * 1_600,
    "trial arms": "the olanzapine group " * 5_000,
}


@pytest.mark.parametrize("shape", sorted(ADVERSARIAL))
def test_a_100_kb_adversarial_statement_is_read_in_linear_time(shape: str) -> None:
    text = ADVERSARIAL[shape][:100_000]
    res = load_resources()
    annotate("warm up the caches", resources_=res)
    started = time.process_time()  # this process's CPU time: other processes' load does not count
    annotate(text, resources_=res)
    # about 0.1 to 0.8 s on the 2-core reference machine; quadratic code took 10 s or more
    assert time.process_time() - started < 5.0


def test_sentences_are_not_cut_at_abbreviations() -> None:
    text = "Mortality was 10% vs. 20% in controls (Smith et al. 2020). C. elegans lived longer. Fig. 2 shows it."
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert sentences == [
        "Mortality was 10% vs. 20% in controls (Smith et al. 2020).",
        "C. elegans lived longer.",
        "Fig. 2 shows it.",
    ]


def test_patients_without_a_disease_are_a_population_not_an_absent_event() -> None:
    reading = annotate("The drug lowered glucose in patients without cirrhosis [3].")
    assert reading.absent_events == ()
    assert reading.safety_signal == "none"


def test_each_negation_reads_its_own_list() -> None:
    reading = annotate("There was no rash, no hypoglycemia and no fever after the infusion [2].")
    assert reading.absent_events == ("rash", "hypoglycemia", "fever")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mortality was lower in the dexamethasone group than in the usual care group.", [("Mortality", "improved")]),
        ("Mortality was higher in the placebo group [1].", [("Mortality", "improved")]),
        ("There was no significant difference in pain scores between the groups.", [("pain scores", "no_difference")]),
        (
            "Remdesivir was superior to placebo in shortening the time to clinical improvement in adults with "
            "COVID-19 [1].",
            [("time to clinical improvement", "improved")],
        ),
        ("The drug improved the clinical status of hospitalized patients with COVID-19 [2].",
         [("clinical status", "improved")]),
        ("CC12.1 protected hamsters from weight loss after challenge [1].", [("weight loss", "improved")]),
        ("The cells halt the deterioration of cardiac function [1].", [("cardiac function", "improved")]),
        ("The vaccine reduced virus replication in the lungs [1].", [("virus replication", "improved")]),
        ("The tolerability of the drug has improved substantially in recent years [1].", []),
    ],
)
def test_outcomes_in_reported_results(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.outcome, m.direction) for m in find_outcomes(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # what was measured is no event: a threshold, a score, outcome measures
        "Adding the opioid gave a greater increase in the pain threshold than the opioid alone (P < 0.01).",
        "The diet did not result in significant improvements in the asthma outcome measures (FEV1, symptom days).",
        # a statistical or wished-for effect is no harm, absent or present
        "After the lessons there were no significant main effects on intention to exercise (p = 0.6).",
        "No beneficial effects of the supplement were seen in older adults.",
    ],
)
def test_a_measure_or_a_statistical_effect_is_no_adverse_event(text: str) -> None:
    reading = annotate(text)
    assert reading.adverse_events == ()
    assert reading.absent_events == ()


def test_events_beside_measures_are_still_read() -> None:
    assert annotate("Nausea and severe headache occurred in four patients given ketamine.").adverse_events == (
        "Nausea", "headache"
    )
    assert annotate("No side effects or adverse events were observed with the vaccine.").absent_events == (
        "side effects", "adverse events"
    )


def test_time_to_an_event_is_a_survival_outcome_and_event_names_end_before_a_change_word() -> None:
    from summarizer.engines.extractive.events import event_names

    text = "Median time to death was longer with the drug, and coughing decreased after the second dose."
    death = text.index("death")
    cough = text.index("coughing")
    assert event_names(text, [(death, death + len("death"))]) == ()
    assert event_names(text, [(cough, cough + len("coughing decreased"))]) == ("coughing",)
    text = "Death occurred in two patients given the drug."
    assert event_names(text, [(0, 5)]) == ("Death",)


def test_a_point_in_time_is_no_adverse_event() -> None:
    from summarizer.engines.extractive.events import event_names

    text = "Between the 36-week visit and delivery, platelet counts fell faster with the shorter course."
    at = text.index("delivery")
    assert event_names(text, [(at, at + len("delivery"))]) == ()
    text = "Severe bleeding after delivery occurred in three women given the drug."
    assert event_names(text, [(0, len("Severe bleeding"))]) == ("Severe bleeding",)
