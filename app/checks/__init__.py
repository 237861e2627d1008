"""The checks: rules as data, facts from the document and its value account, durable-rules.

The public interface is in :mod:`app.checks.rulebook` (``load_rulebook``, ``Rulebook``,
``check_document``, ``describe_condition``), :mod:`app.checks.catalogue` (areas, severities
and statuses, shared with triage and the templates) and :mod:`app.checks.cli` (the commands).
No Flask here apart from the command-line module, the views and the extension.
"""
