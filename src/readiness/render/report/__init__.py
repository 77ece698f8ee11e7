"""The gap report: its view of an assessment and its renderers."""
