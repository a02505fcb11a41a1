from summarizer.engines.extractive.cues import word_class
from summarizer.engines.extractive.per_word import PerWord


def test_each_word_is_computed_once_and_read_back_as_a_dict() -> None:
    calls: list[str] = []

    def shout(word: str) -> str:
        calls.append(word)
        return word.upper()

    per_word = PerWord(shout)
    assert list(map(per_word.__getitem__, ["a", "b", "a"])) == ["A", "B", "A"]
    assert per_word("b") == "B"
    assert calls == ["a", "b"]
    assert dict(per_word) == {"a": "A", "b": "B"}


def test_a_full_table_starts_again_and_still_answers_right() -> None:
    per_word = PerWord(len, max_words=2)
    assert [per_word[w] for w in ["a", "bb", "ccc", "a"]] == [1, 2, 3, 1]
    assert len(per_word) <= 2


def test_the_readings_word_tables_give_what_their_functions_give() -> None:
    assert word_class["12"] == word_class.function("12") == "<n>"
    assert word_class("aspirin") == word_class.function("aspirin")
