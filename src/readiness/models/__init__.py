"""Pydantic models: the catalogue, the question bank, answer files and assessments."""
