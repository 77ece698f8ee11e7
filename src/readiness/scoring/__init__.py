"""Scoring: answers in, an explainable assessment out. No I/O here."""
