from __future__ import annotations

from quizgen.cli import main

main()
