"""The certification project plan's renderers: HTML and Markdown, Gantt chart, workbook, MS Project XML."""
