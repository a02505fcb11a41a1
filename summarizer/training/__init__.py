"""Training the extractive engine's data files: its linear models, lexicons and taggers (`extractive`), and the
optional safety encoder's adapter (`encoder`). Needs the `train` extra (numpy, scipy, the name lists) and, for the
encoder, the `encoder` extra; run by scripts/train_extractive.py and scripts/train_encoder.py."""
