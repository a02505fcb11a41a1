"""Write the case reports' harm words (summarizer/engines/extractive/data/harm_words.json).

Usage: python scripts/build_harm_words.py [--data-dir ../shared/data]
                                          [--out summarizer/engines/extractive/data/harm_words.json]

Reads DATA_DIR/ade/dev.jsonl and keeps only the rows of train case reports (summarizer.evaluation.is_heldout(pmid)
is False): the held-out 20% is never read. The words are those named alone as an adverse effect in at least two of
them (summarizer.training.polarity_harm_words); the engine reads them for the rule that how often a harm happens is
lower-is-better (summarizer.engines.extractive.harm_measures).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from summarizer.engines.extractive.resources import DATA_DIR, HARM_WORDS_FILE
from summarizer.errors import InputError
from summarizer.training.polarity_ade import ADE_CORPUS, train_effect_rows
from summarizer.training.polarity_harm_words import harm_words, harm_words_data


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=DATA_DIR / HARM_WORDS_FILE)
    args = parser.parse_args(argv)
    try:
        rows = train_effect_rows(args.data_dir)
        words = harm_words(rows)
        data = harm_words_data(words, f"effects spans of the TRAIN case reports of {ADE_CORPUS}/dev.jsonl (ADE "
                                      "corpus v2, Gurulingappa et al. 2012); held-out reports excluded")
        args.out.write_text(json.dumps(data, indent=0) + "\n")  # one word a line: readable in a diff
    except InputError as exc:
        print(f"build_harm_words: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"build_harm_words: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return 2
    print(f"wrote {args.out} ({len(words)} words from {len(rows)} train rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
