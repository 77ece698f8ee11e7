"""What every workbook we write shares: cells that stay text, styles, and reproducible saving."""
