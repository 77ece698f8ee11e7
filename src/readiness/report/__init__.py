"""Gap report: a language-specific view of an assessment, and one renderer per format."""
