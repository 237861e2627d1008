"""The commissioner side: the submission workflow, judgements and decisions."""
