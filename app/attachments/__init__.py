"""Files attached to a submission: letters of support, evidence, accounts."""
