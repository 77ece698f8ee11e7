"""The progress report: its view of a comparison and its renderers."""
