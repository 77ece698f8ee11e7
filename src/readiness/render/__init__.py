"""Renderers: finished results in, documents out (HTML, Markdown, workbooks, MS Project XML); they decide nothing."""
