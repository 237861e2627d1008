"""The questions of a submission, declared once each, by area of the case (no Flask)."""
