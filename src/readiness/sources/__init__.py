"""Located documents: safe YAML that remembers where each value came from, and validation into problems that name the place."""
