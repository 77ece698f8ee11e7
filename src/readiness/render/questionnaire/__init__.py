"""The blank or filled questionnaire given to the client: the workbook and the YAML form."""
