"""Inputs from outside, all untrusted: answer files (YAML, workbooks), saved assessments."""
