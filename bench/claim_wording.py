"""Checks of the claims' wording over a dump of findings (`bench/diff_findings.py dump OUT.json`): doubled words,
unmatched brackets, times and durations with a direction (to read their polarity), and claims of a change whose
quote also holds a non-significant result (to read that the claim says no more than its quote).

    python bench/claim_wording.py OUT.json
"""

from __future__ import annotations

import json
import re
import sys

_CHANGE = re.compile(r" (?:increased|decreased|improved|worsened|greater|smaller) with ")
_NOT_SIGNIFICANT = re.compile(
    r"not (?:statistically )?significant|non-?significant|did not reach|\bn\.?s\.?\b|"
    r"p\s*[>=]\s*0?\.(?:0[6-9]|[1-9])|\btrend\b|insignificant",
    re.IGNORECASE,
)
_TIMED = re.compile(r"\b(?:time|duration|length|latency|onset|period|days)\b", re.IGNORECASE)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python bench/claim_wording.py OUT.json (a dump of bench/diff_findings.py)", file=sys.stderr)
        return 2
    try:
        with open(argv[0], encoding="utf-8") as handle:
            briefs = json.load(handle)
    except (OSError, ValueError) as error:
        print(f"cannot read {argv[0]}: {error}", file=sys.stderr)
        return 2
    rows = [(target, *finding.partition(" || ")[::2]) for target, brief in briefs.items()
            for finding in brief["findings"]]
    doubled = [(t, c) for t, c, _ in rows if (m := re.search(r"\b(\w+)\s+\1\b", c, re.I)) and not m.group(1).isdigit()]
    brackets = [(t, c) for t, c, _ in rows if c.count("(") != c.count(")") or c.count("[") != c.count("]")]
    timed = [(t, c) for t, c, _ in rows
             if _TIMED.search(c.split(" with ")[0]) and re.search(r"\((?:an improvement|a worsening)\)", c)]
    beside = [(t, c) for t, c, q in rows
              if _CHANGE.search(c) and not c.startswith("No ") and _NOT_SIGNIFICANT.search(q)]
    print(f"{len(rows)} findings in {len(briefs)} briefs")
    for title, found in (("doubled words", doubled), ("unmatched brackets", brackets),
                         ("times with a direction (read their polarity)", timed),
                         ("a change beside a non-significant result (read them)", beside)):
        print(f"--- {title}: {len(found)}")
        for target, claim in found:
            print(f"  {target}: {claim}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
