"""`python -m summarizer` runs the command line."""

import sys

from summarizer.cli import main

sys.exit(main())
