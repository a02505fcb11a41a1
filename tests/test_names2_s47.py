"""Names read whole: two drugs joined by a slash are one combination ("piperacillin/ tazobactam"), and a short form
is one name in the singular and the plural ("KTL", "KTLs"). Sentences written for these tests."""

from __future__ import annotations

from fake_pico import profile_with

from summarizer.engines.extractive.learned_names import short_form_spellings
from summarizer.engines.extractive.reading import annotate
from summarizer.engines.extractive.resources import load_resources
from summarizer.engines.extractive.slash_combinations import slash_combinations, written_whole


def _mentions(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(m.name, m.anchors) for m in annotate(text, resources_=load_resources()).treatment.mentions]


def test_two_drugs_joined_by_a_slash_are_one_combination() -> None:
    for text in (
        "Children received piperacillin/tazobactam for seven days.",
        "Children received piperacillin/ tazobactam for seven days.",
        "Children received piperacillin / tazobactam for seven days.",
    ):
        names = dict(_mentions(text))
        assert "piperacillin/tazobactam" in names, text
        # matched by each of its drugs, so a statement that names one of them counts for it
        assert {"piperacillin", "tazobactam"} <= set(names["piperacillin/tazobactam"])
        assert "tazobactam" not in names


def test_drugs_joined_by_a_word_stay_two_names() -> None:
    names = [name for name, _ in _mentions("Children received piperacillin or tazobactam for seven days.")]
    assert "piperacillin" in names and "tazobactam" in names
    assert not any("/" in name for name in names)


def test_only_a_bare_slash_joins() -> None:
    text = "ritonavir, 1/2 of the dose, lopinavir"
    spans = [(0, 9, 0, 0, False), (28, 37, 8, 8, False)]
    assert slash_combinations(text, spans) == []
    text = "ritonavir / lopinavir / saquinavir"
    spans = [(0, 9, 0, 0, False), (12, 21, 2, 2, True), (24, 34, 4, 4, False)]
    assert slash_combinations(text, spans) == [(0, 34, 0, 4, True)]
    assert written_whole("ritonavir / lopinavir/ saquinavir") == "ritonavir/lopinavir/saquinavir"


COMBINATION = [
    "Wound infection was less frequent with piperacillin/ tazobactam than with placebo (4% vs 12%; p = 0.02).",
    "Fever resolved sooner in the piperacillin/tazobactam group than in the placebo group (p = 0.03).",
]


def test_the_profile_names_the_combination_not_one_half() -> None:
    assert profile_with(COMBINATION).name == "piperacillin/tazobactam"


def test_a_short_form_is_spelt_in_both_numbers() -> None:
    assert short_form_spellings("NSAID") == ("NSAID", "NSAIDs")
    assert short_form_spellings("ACEIs") == ("ACEIs", "ACEI")
    assert short_form_spellings("4LB") == ("4LB", "4LBs")
    # not a word in lower case, a name of several words, or a name with one capital
    assert short_form_spellings("aspirin") == ("aspirin",)
    assert short_form_spellings("Ringer lactate") == ("Ringer lactate",)
    assert short_form_spellings("Endobutton") == ("Endobutton",)


SHORT_FORM_NUMBERS = [
    "Pain scores were lower with KTLs than with placebo (p = 0.01).",
    "Recovery was faster after KTL than after placebo (12 vs 18 days; p = 0.03).",
    "Mobility improved more after KTL than after placebo (p = 0.04).",
]


def test_a_learned_plural_short_form_is_read_in_the_singular_too() -> None:
    # the reader tags only the plural; the singular's sentences report the same arm's results
    profile = profile_with(SHORT_FORM_NUMBERS, "KTLs")
    assert profile.name == "KTL"
    assert profile.statements == (0, 1, 2)
    # a longer word that begins with the short form is no occurrence of it
    other = [SHORT_FORM_NUMBERS[0], *(text.replace("KTL", "KTLX") for text in SHORT_FORM_NUMBERS[1:])]
    assert profile_with(other, "KTLs").statements == (0,)


def test_a_trade_marked_name_is_a_product_name() -> None:
    from summarizer.engines.extractive.framed_names import framed_name_spans

    def spans(text: str) -> list[str]:
        return [text[start:end] for start, end in framed_name_spans(text)]

    assert spans("Heel pain fell more with the Kalmo Comfort Insole™ than with a flat insole.") == [
        "Kalmo Comfort Insole"
    ]
    assert spans("Caries removal took longer with Dentasol® than with the drill.") == ["Dentasol"]
    # a word in lower case before the sign is no product's name; a sentence without the sign has none
    assert spans("The trademark® was registered.") == []
    assert spans("Caries removal took longer with Dentasol than with the drill.") == []


TRADE_MARKED = [
    "Leak pressure was higher with the Zorvex™ than with the standard mask (24 vs 19 cm H2O; p = 0.01).",
    "Insertion took less time with the Zorvex™ than with the standard mask (p = 0.02).",
]


def test_the_profile_names_a_trade_marked_product() -> None:
    # the stand-in PICO reader tags nothing: the sign alone says a product is named
    name = profile_with(TRADE_MARKED).name
    assert name is not None and name.lower() == "zorvex"
