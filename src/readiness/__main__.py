"""``python -m readiness``."""

from readiness.cli.app import main

main()
