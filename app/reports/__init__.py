"""PDF documents rendered with WeasyPrint: the assessment report and the decision letter."""
