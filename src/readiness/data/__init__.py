"""The shipped data: the catalogue, the question bank, labels and the workbook layout, loaded and checked."""
