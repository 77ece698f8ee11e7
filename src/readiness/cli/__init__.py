"""The command line: one module per command (parse, call a job, print); the terminal views."""

from readiness.cli.app import app, main

__all__ = ["app", "main"]
