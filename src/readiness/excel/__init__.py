"""The questionnaire as an Excel workbook: layout, writer and reader (openpyxl, loaded lazily)."""
