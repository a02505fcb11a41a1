"""Train the safety encoder's adapter (the extractive engine's data/ade_encoder.*) on TRAIN of the ADE dev file.

Usage: python scripts/train_encoder.py [--data-dir ../shared/data] [--epochs 3] [--seed 0]

Needs the encoder and training extras: pip install -e ".[encoder,train]". About 15 minutes on 2 cores.

TRAIN is what summarizer.evaluation.split_rows leaves after holding out 20% of the documents (the held-out part
is never read here). How the adapter is trained and its mix chosen: summarizer.training.encoder.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Sequence
from pathlib import Path

from summarizer.engines.extractive.encoder import ADAPTER_FILE, META_FILE
from summarizer.engines.extractive.resources import DATA_DIR
from summarizer.evaluation import load_dataset, split_rows
from summarizer.training.encoder import EPOCHS, save_adapter, train_adapter
from summarizer.training.extractive import raw_rows

ROOT = Path(__file__).resolve().parents[1]


def main(argv: Sequence[str] | None = None) -> int:
    """Train on TRAIN, choose the mix on validation, write the adapter and its settings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default=ROOT.parent / "shared" / "data", type=Path)
    parser.add_argument("--epochs", default=EPOCHS, type=float)
    parser.add_argument("--seed", default=0, type=int)
    parser.add_argument("--threads", default=2, type=int)
    parser.add_argument("--out", default=DATA_DIR, type=Path)
    args = parser.parse_args(argv)
    path = args.data_dir / "ade" / "dev.jsonl"
    train, _ = split_rows(load_dataset(path, "safety"))
    log = functools.partial(print, flush=True)
    trained = train_adapter(train, raw_rows(path), args.epochs, args.seed, args.threads, log)
    save_adapter(trained, args.out, args.epochs, args.seed)
    print(f"wrote {args.out / ADAPTER_FILE} and {args.out / META_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
