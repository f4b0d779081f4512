"""How undoing line-end hyphenation in a PDF's text grows with the text.

Times `rejoin_hyphens` on 0.2 / 0.4 / 0.8 MB of text with 2k / 4k / 8k broken words and
prints each doubling's ratio: about 2 is linear (target <= 2.5); the version that searched
the whole text once per break took 0.7 / 2.4 / 10 s, a ratio of 4.

    python bench/bench_hyphens.py
"""

from __future__ import annotations

import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from quizgen._sources._hyphens import rejoin_hyphens

TARGET_RATIO = 2.5


def text_with_breaks(breaks: int) -> str:
    """About 100 characters a line; every line ends in a word broken by a hyphen."""
    stems = ("inter", "trans", "multi", "sub", "over")
    return "".join(
        f"Line {i} of the report, where the delegates discussed the {stems[i % 5]}-\n"
        f"national terms, well-known to all. "
        for i in range(breaks)
    )


def main() -> int:
    previous = None
    worst = 0.0
    for breaks in (2000, 4000, 8000):
        text = text_with_breaks(breaks)
        seconds = min(timeit.repeat(lambda t=text: rejoin_hyphens(t), number=1, repeat=5))
        ratio = seconds / previous if previous else None
        worst = max(worst, ratio or 0.0)
        shown = f"  x{ratio:.2f}" if ratio else ""
        print(f"{breaks:5} breaks, {len(text) / 1e6:.2f} MB: {seconds * 1000:7.1f} ms{shown}")
        previous = seconds
    print(f"worst doubling ratio {worst:.2f} (target <= {TARGET_RATIO})")
    return 0 if worst <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
