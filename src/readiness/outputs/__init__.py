"""Outputs: the formats of each document, rendering them all in memory, and writing them safely."""
