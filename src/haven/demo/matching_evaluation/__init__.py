"""Measuring identity matching, for ``haven match-eval``: labelled sets (the demo coalition's resubmitted
families, a real registry file, hard spellings), recall, precision and candidates per query, and the same
pairs scored side by side with OpenSanctions' matcher. Plain typed Python like :mod:`haven_core`, but
nothing Haven decides with: the matcher it measures is :mod:`haven_core.matching`."""
