"""Assurance statements: who verified a published case, a contract's results or a
decommissioning assessment, against which standard, when, over what scope, and what they
concluded; entered by a person an admin has made an assurer."""
