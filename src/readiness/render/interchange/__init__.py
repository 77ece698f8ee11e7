"""Files other tools import: OSCAL, a CISO Assistant library and assessment, tracker CSVs.

One module per target; each exposes ``..._bytes(...)`` functions over finished results.
"""
