"""Savings confirmed by those who save: the bodies a case says save answer for their lines."""
