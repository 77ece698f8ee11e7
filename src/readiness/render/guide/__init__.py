"""The interview guide and the internal-audit checklist: view, workbooks."""
