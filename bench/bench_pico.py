"""Grouped 5-fold cross-validation of the PICO reader on EBM-NLP's dev.jsonl (re-trains the CRF per fold).

Usage: python bench/bench_pico.py [--data-dir ../shared/data] [--folds 5] [--interventions] [--lexicons]
                                  [--c1 0.01] [--c2 0.5] [--json]
       python bench/bench_pico.py --reader encoder [--data-dir ../shared/data] [--layers 1,2,3,4,5,6] [--hidden 64]
                                  [--epochs 6] [--lr 0.002] [--no-shape] [--cache /tmp/pico_minilm.pt] [--json]
       python bench/bench_pico.py --reader encoder --crf-head [--cache /tmp/pico_minilm.pt] [...]
       python bench/bench_pico.py --from-marginals FILE [--mix FILE --mix-weight 0.7] --decode chain|gaps|...
       python bench/bench_pico.py --reader encoder --interventions [--interventions-subset random]
                                  [--interventions-weight 0.5] [--cache /tmp/pico_minilm.pt] [...]
       python bench/bench_pico.py --reader encoder --tune-blocks 2 [--encoder-lr 0.0002] [--interventions]
                                  [--threads 2] [--only-folds 0] [--cache /tmp/pico_minilm_lower.pt] [...]
       python bench/bench_pico.py --speed [--reader encoder] [--data-dir ../shared/data] [--sentences 10000] [--json]

A document's fold is a fixed SHA-256 hash of its id. Each fold's CRF is trained on the other folds (with
--interventions, also on the interventions.jsonl abstracts that share no run of 10 words with a test document,
for a second CRF of I alone whose marginal of I replaces the first one's) and reads the held-out fold; the scores
are those of `summarizer eval --task pico` (token level, in the reader's words). Two decisions are scored: the CRF's
best path, and the thresholds on its marginals, each fold's chosen on the other folds' out-of-fold marginals.
Needs python-crfsuite. Several minutes per variant on 2 cores.

--reader encoder cross-validates the MiniLM reader (engines/extractive/pico_encoder.py) on the same folds instead:
the frozen encoder's word vectors are computed once (cached in --cache, outside the repository), and each fold's
head is trained on the other folds' sentences for a fixed number of epochs (nothing is chosen on the test fold);
"best path" is then each word's likeliest label. Needs the encoder extra; --threads torch threads (default one).
With --interventions the frozen reader's head is also trained on interventions.jsonl's sentences, I alone labelled
(their vectors cached beside --cache, with "_interventions" added to its name): on their words not marked I only
a "not I" loss counts (weighted by --interventions-weight), and an abstract that shares a run of 10 words with a
test-fold document never trains that fold, as for the CRF; they are shared out over the epochs, each seen once.
With --tune-blocks N the encoder's top N blocks are fine-tuned with the head (summarizer.training.
pico_encoder_tuning; the frozen lower blocks' outputs are what --cache holds then), and --interventions adds
interventions.jsonl's sentences to each fold's training, I alone labelled (a "not I" loss on its other words), but
never an abstract that shares a run of 10 words with a test-fold document, as for the CRF.

--crf-head trains a BiLSTM-CRF head instead (summarizer.training.pico_crf_head: the CRF's transitions trained with
the head on the sentences' likelihood; its marginals are scored). --decode also scores a decoding of the marginals
(engines/extractive/pico_decoding.py): `chain`, a Viterbi chain whose transitions are counted on the other folds'
gold tags and whose biases and weight are chosen on their out-of-fold marginals, or a span rule (`gaps`: a one-word
gap between two I words filled; `lone`: a lone I function word untagged; `gaps+lone`; `-all`: for P and O too)
applied after each fold's thresholds. Works on saved marginals (--from-marginals), of some folds or all.

--speed times the shipped tagger's spans() instead, on real citing and case-report sentences
(clinical_citation_stance/dev.jsonl, then ade/dev.jsonl): microseconds a statement, on a first pass (each word's
features built on first sight) and a second (every word met before), the best of --repeat second passes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from summarizer.engines.extractive.pico import TAGS, decide
from summarizer.evaluation.pico import PICO_TAGS, token_metrics
from summarizer.training.pico import (
    FOLDS,
    FitSettings,
    FoldResult,
    cross_validate,
    fold_thresholds,
    interventions_only,
    load_intervention_abstracts,
    load_sentences,
    name_list_lexicons,
    pooled_thresholds,
    with_interventions_marginals,
)
from summarizer.training.pico_decoding import RULES


def _scores(results: Sequence[FoldResult], predicted: dict[int, list[str]]) -> dict[str, Any]:
    gold = [g for r in results for g in r.gold]
    pooled = token_metrics(gold, [p for r in results for p in predicted[r.fold]], sum(r.sentences for r in results))
    folds = [token_metrics(r.gold, predicted[r.fold], r.sentences) for r in results]
    return {"pooled": pooled, "folds": folds}


def _summary(name: str, scores: dict[str, Any]) -> str:
    lines = [f"{name}: macro-F1 {scores['pooled']['macro_f1']:.3f}"]
    for tag in PICO_TAGS:
        c = scores["pooled"]["per_class"][tag]
        f1s = [f["per_class"][tag]["f1"] for f in scores["folds"]]
        lines.append(
            f"  {tag}  P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}  "
            f"(folds {min(f1s):.3f}-{max(f1s):.3f})  support {c['support']}"
        )
    return "\n".join(lines)


def _texts(data_dir: Path, count: int) -> list[str]:
    texts: list[str] = []
    for corpus in ("clinical_citation_stance", "ade"):
        for line in (data_dir / corpus / "dev.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip() and len(texts) < count:
                texts.append(json.loads(line)["text"])
    return texts


def _speed(data_dir: Path, count: int, repeat: int) -> dict[str, Any]:
    from summarizer.engines.extractive.pico import load_pico_tagger, tokenise

    texts = _texts(data_dir, count)
    tagger = load_pico_tagger()
    if tagger is None:
        raise SystemExit("the PICO tagger's data file is missing: python scripts/train_pico.py")
    started = time.perf_counter()
    for text in texts:
        tagger.spans(text)
    first = time.perf_counter() - started
    warm = []
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            tagger.spans(text)
        warm.append(time.perf_counter() - started)
    words = sum(len(tokenise(text)) for text in texts)
    return {
        "sentences": len(texts),
        "words": words,
        "first_pass_us_per_statement": round(first / len(texts) * 1e6, 1),
        "warm_us_per_statement": round(min(warm) / len(texts) * 1e6, 1),
        "warm_us_per_word": round(min(warm) / words * 1e6, 2),
    }


def _encoder_speed(data_dir: Path, count: int, repeat: int, reader_dir: Path | None = None) -> dict[str, Any]:
    from summarizer.engines.extractive.pico import tokenise
    from summarizer.engines.extractive.pico_encoder import DATA_DIR, PicoEncoderTagger

    texts = _texts(data_dir, count)
    sentences = [[w for w, _, _ in tokenise(text)] for text in texts]
    started = time.perf_counter()
    tagger = PicoEncoderTagger.load(reader_dir or DATA_DIR, threads=1)
    load_seconds = time.perf_counter() - started
    passes = []
    for _ in range(repeat):
        started = time.perf_counter()
        tagger.tag_many(sentences)
        passes.append(time.perf_counter() - started)
    words = sum(map(len, sentences))
    started = time.perf_counter()
    for words_of_one in sentences[:500]:
        tagger.tag_words(words_of_one)
    one_by_one = (time.perf_counter() - started) / min(500, len(sentences))
    return {
        "sentences": len(texts),
        "words": words,
        "threads": 1,
        "load_seconds": round(load_seconds, 2),
        "batched_us_per_statement": round(min(passes) / len(texts) * 1e6, 1),
        "batched_us_per_word": round(min(passes) / words * 1e6, 2),
        "one_at_a_time_us_per_statement": round(one_by_one * 1e6, 1),
    }


def _encoder_variant(args: argparse.Namespace) -> Any:
    from summarizer.engines.extractive.pico_encoder import HeadConfig

    layers = tuple(int(x) for x in args.layers.split(","))
    return HeadConfig(layers=layers, hidden=args.hidden, shape=not args.no_shape)


def _cross_validate_encoder(args: argparse.Namespace, say: Any) -> tuple[dict[str, Any], list[FoldResult]]:
    import torch

    from summarizer.training.pico_encoder import (
        TrainSettings,
        cross_validate,
        inputs_of,
        with_interventions,
        word_vectors,
    )

    torch.set_num_threads(args.threads)
    sentences = load_sentences(args.data_dir / "ebm_nlp" / "dev.jsonl")
    config = _encoder_variant(args)
    if args.tune_blocks:
        return _cross_validate_tuned(args, sentences, config, say)
    vectors = word_vectors(sentences, args.cache, threads=1, progress=say)
    partial = 0
    if args.interventions:
        sentences, vectors, partial = with_interventions(
            sentences, vectors, args.data_dir / "ebm_nlp" / "interventions.jsonl", args.cache, 1, say,
            args.interventions_subset,
        )
    inputs = inputs_of(sentences, vectors, config)
    del vectors
    settings = TrainSettings(
        epochs=args.epochs, learning_rate=args.lr, seed=args.seed, partial_weight=args.interventions_weight
    )
    if args.crf_head:
        from summarizer.training.pico_crf_head import cross_validate_crf_head

        results = cross_validate_crf_head(sentences, inputs, config, settings, folds=args.folds, progress=say)
    else:
        results = cross_validate(sentences, inputs, config, settings, folds=args.folds, progress=say, partial=partial)
    variant = {"reader": "encoder", **config.to_json(), "epochs": settings.epochs, "lr": settings.learning_rate}
    if args.crf_head:
        variant["crf_head"] = True
    if settings.seed != TrainSettings.seed:
        variant["seed"] = settings.seed
    if partial:
        variant.update(interventions=partial, interventions_weight=settings.partial_weight)
    return variant, results


def _cross_validate_tuned(
    args: argparse.Namespace, sentences: Sequence[Any], config: Any, say: Any
) -> tuple[dict[str, Any], list[FoldResult]]:
    from summarizer.training.pico_encoder_tuning import TuneSettings, cross_validate_tuned, training_inputs

    settings = TuneSettings(
        blocks=args.tune_blocks, epochs=args.epochs, head_lr=args.lr, encoder_lr=args.encoder_lr, seed=args.seed
    )
    interventions = args.data_dir / "ebm_nlp" / "interventions.jsonl" if args.interventions else None
    sentences, lower, partial = training_inputs(
        sentences, config, settings.blocks, args.cache, args.threads, say, interventions, args.interventions_subset
    )
    only = [int(x) for x in args.only_folds.split(",")] if args.only_folds else None
    results = cross_validate_tuned(
        sentences, lower, config, settings, folds=args.folds, only=only, progress=say, partial=partial
    )
    variant = {"reader": "encoder", **config.to_json(), "tuned": settings.to_json(), "interventions": partial}
    return variant, results


def _likeliest(rows: Sequence[Sequence[float]]) -> list[str]:
    """Each word's likeliest tag, N being what its marginals of P, I and O leave."""
    return [TAGS[max(range(3), key=row.__getitem__)] if max(row) > 1 - sum(row) else "N" for row in rows]


def _save_marginals(path: Path, variant: dict[str, Any], results: Sequence[FoldResult]) -> None:
    folds = [{"fold": r.fold, "sentences": r.sentences, "gold": r.gold, "marginals": r.marginals} for r in results]
    path.write_text(json.dumps({"variant": variant, "folds": folds}), encoding="utf-8")


def _load_marginals(path: Path) -> list[dict[str, Any]]:
    try:
        folds: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["folds"]
    except (OSError, ValueError, KeyError) as exc:
        raise SystemExit(f"cannot read saved marginals {path}: {exc}") from None
    return folds


def _mixed(results: Sequence[FoldResult], others: Sequence[dict[str, Any]], weight: float) -> list[FoldResult]:
    """Each word's marginals averaged with another reader's for the same word (both read it out of fold); the best
    path becomes the likeliest tag of the average."""
    mixed = []
    for result, other in zip(results, others, strict=True):
        if other["fold"] != result.fold or other["gold"] != result.gold:
            raise SystemExit("the saved marginals are not of the same folds and words")
        rows = [
            tuple(weight * a + (1 - weight) * b for a, b in zip(mine, theirs, strict=True))
            for mine, theirs in zip(result.marginals, other["marginals"], strict=True)
        ]
        mixed.append(FoldResult(result.fold, result.gold, rows, _likeliest(rows), result.sentences))
    return mixed


def _decoded(
    args: argparse.Namespace, results: Sequence[FoldResult], thresholds: dict[int, dict[str, float]], say: Any
) -> dict[str, Any]:
    """The scores of the marginals decoded by --decode, each fold's decoding fitted on the other folds."""
    from summarizer.training.pico_decoding import chain_decoding, fold_words, rule_decoding

    words = fold_words(load_sentences(args.data_dir / "ebm_nlp" / "dev.jsonl"), results, args.folds)
    if args.decode == "chain":
        decoded, chains = chain_decoding(results, words, say)
        return {"decode": "chain", "decoded": _scores(results, decoded), "fold_chains": chains}
    return {"decode": args.decode, "decoded": _scores(results, rule_decoding(results, words, args.decode, thresholds))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--interventions", action="store_true",
                        help="also train on interventions.jsonl, I alone labelled (crf: a CRF of I; encoder: the head)")
    parser.add_argument("--lexicons", action="store_true", help="mark words of the project's drug and effect lists")
    parser.add_argument("--c1", type=float, default=FitSettings.c1)
    parser.add_argument("--c2", type=float, default=FitSettings.c2)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--speed", action="store_true", help="time the shipped tagger instead of cross-validating")
    parser.add_argument("--sentences", type=int, default=10_000, help="--speed: how many sentences")
    parser.add_argument("--repeat", type=int, default=3, help="--speed: warm passes, the best one counts")
    parser.add_argument("--reader", choices=("crf", "encoder"), default="crf", help="which reader (default crf)")
    parser.add_argument("--layers", default="1,2,3,4,5,6", help="encoder: the layers averaged (0 embeddings .. 6 last)")
    parser.add_argument("--hidden", type=int, default=64, help="encoder: LSTM size a direction (0: linear head)")
    parser.add_argument("--epochs", type=int, default=6, help="encoder: epochs of the head's training")
    parser.add_argument("--lr", type=float, default=2e-3, help="encoder: Adam's peak learning rate")
    parser.add_argument("--no-shape", action="store_true", help="encoder: leave the words' shape flags out")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/pico_minilm_vectors.pt"),
                        help="encoder: where the frozen encoder's word vectors are cached")
    parser.add_argument("--reader-dir", type=Path,
                        help="--speed --reader encoder: time the reader of this folder, not the bundled one")
    parser.add_argument("--interventions-subset", choices=("random", "difficult"),
                        help="encoder --interventions: only that subset of interventions.jsonl's abstracts")
    parser.add_argument("--interventions-weight", type=float, default=1.0,
                        help="encoder --interventions, frozen: the weight of their words' loss (1: as dev.jsonl's)")
    parser.add_argument("--tune-blocks", type=int, default=0,
                        help="encoder: fine-tune the top N blocks with the head (their inputs cached in --cache)")
    parser.add_argument("--encoder-lr", type=float, default=1e-4, help="--tune-blocks: the blocks' peak learning rate")
    parser.add_argument("--crf-head", action="store_true",
                        help="encoder: a BiLSTM-CRF head trained on the sentences' likelihood (training.pico_crf_head)")
    parser.add_argument("--seed", type=int, default=13, help="encoder: the head's training seed")
    parser.add_argument("--threads", type=int, default=1, help="encoder: torch threads")
    parser.add_argument("--only-folds", help="--tune-blocks: train and read only these folds (a time estimate)")
    parser.add_argument("--save-marginals", type=Path, metavar="FILE",
                        help="write each fold's out-of-fold marginals (JSON), for --mix")
    parser.add_argument("--from-marginals", type=Path, metavar="FILE",
                        help="score the marginals a run saved instead of cross-validating again (e.g. with --mix)")
    parser.add_argument("--mix", type=Path, metavar="FILE",
                        help="average the marginals with those another reader's run saved (same folds)")
    parser.add_argument("--mix-weight", type=float, default=0.5, help="--mix: the weight of this reader's marginals")
    parser.add_argument("--decode", choices=("chain", *RULES),
                        help="also score a decoding of the marginals (engines/extractive/pico_decoding.py): a chain "
                             "fitted on the other folds, or a span rule after each fold's thresholds")
    args = parser.parse_args(argv)
    if not args.interventions_weight > 0.0:
        parser.error("--interventions-weight must be above 0")
    if args.speed:
        if args.reader == "encoder":
            timing = _encoder_speed(args.data_dir, args.sentences, args.repeat, args.reader_dir)
        else:
            timing = _speed(args.data_dir, args.sentences, args.repeat)
        print(json.dumps(timing, indent=None if not args.json else 2))
        return 0

    started = time.perf_counter()

    def say(message: str) -> None:
        print(f"[{time.perf_counter() - started:.0f}s] {message}", file=sys.stderr, flush=True)

    variant: dict[str, Any]
    if args.from_marginals:
        saved = json.loads(args.from_marginals.read_text(encoding="utf-8"))
        variant = {**saved["variant"], "from": str(args.from_marginals)}
        results = [
            FoldResult(f["fold"], f["gold"], [(m[0], m[1], m[2]) for m in f["marginals"]], [], f["sentences"])
            for f in saved["folds"]
        ]
        for result in results:
            result.viterbi = _likeliest(result.marginals)
    elif args.reader == "encoder":
        variant, results = _cross_validate_encoder(args, say)
    else:
        folder = args.data_dir / "ebm_nlp"
        sentences = load_sentences(folder / "dev.jsonl")
        settings = FitSettings(c1=args.c1, c2=args.c2, lexicons=name_list_lexicons() if args.lexicons else {})
        results = cross_validate(sentences, settings, folds=args.folds, progress=say)
        if args.interventions:
            extra = load_intervention_abstracts(folder / "interventions.jsonl")
            i_results = cross_validate(interventions_only(sentences), settings, extra, folds=args.folds, progress=say)
            with_interventions_marginals(results, i_results)
        variant = {"interventions": args.interventions, "lexicons": args.lexicons, "c1": args.c1, "c2": args.c2}
    if args.save_marginals:
        _save_marginals(args.save_marginals, variant, results)
    if args.mix:
        results = _mixed(results, _load_marginals(args.mix), args.mix_weight)
        variant = {**variant, "mixed_with": str(args.mix), "mix_weight": args.mix_weight}
    viterbi = {r.fold: r.viterbi for r in results}
    if args.only_folds:
        # some folds only (a time estimate or a first look): no other folds to choose their thresholds on
        partial: dict[str, Any] = {"variant": variant, "folds_read": [r.fold for r in results],
                   "seconds": round(time.perf_counter() - started, 1), "best_path": _scores(results, viterbi)}
        print(json.dumps(partial, indent=2) if args.json else _summary("best path", partial["best_path"]))
        return 0
    thresholds = fold_thresholds(results)
    by_threshold = {r.fold: decide(r.marginals, [thresholds[r.fold][t] for t in TAGS]) for r in results}
    report = {
        "variant": variant,
        "folds": args.folds,
        "seconds": round(time.perf_counter() - started, 1),
        "best_path": _scores(results, viterbi),
        "thresholds": _scores(results, by_threshold),
        "fold_thresholds": thresholds,
        "pooled_thresholds": pooled_thresholds(results),
    }
    if args.decode:
        report.update(_decoded(args, results, thresholds, say))
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"variant {report['variant']}, {args.folds} folds, {report['seconds']} s")
        print(_summary("best path", report["best_path"]))
        print(_summary("thresholds on the marginals", report["thresholds"]))
        print("thresholds by fold:", json.dumps(thresholds))
        print("thresholds on all folds (what scripts/train_pico.py ships):", json.dumps(report["pooled_thresholds"]))
        if args.decode:
            print(_summary(f"decoded ({args.decode})", report["decoded"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
