"""Word documents: the shared machinery and the gap report, plan and progress report."""
