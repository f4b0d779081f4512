from __future__ import annotations

from quizgen._cli import main

main()
