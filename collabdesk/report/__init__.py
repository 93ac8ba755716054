"""Workshop summaries: the PDF (ReportLab), Markdown and CSV, all drawn from one report model."""
