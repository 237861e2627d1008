"""Whole-database backups: every table's rows as one JSON document, and their restore."""
