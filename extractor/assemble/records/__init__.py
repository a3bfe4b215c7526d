"""The records of one sentence: with a change trigger, and without one (a copula)."""
