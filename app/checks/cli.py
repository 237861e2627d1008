"""Command-line commands: ``flask rules test|list|vocabulary`` and ``flask check FILE``.

The app factory registers them with ``app.cli.add_command(rules_cli)`` and
``app.cli.add_command(check_command)``; they read the rulebook from
``current_app.extensions["rulebook"]``.
"""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from app.checks.catalogue import AREA_NAMES, AREAS, SEVERITIES
from app.checks.rulebook import Rulebook
from app.checks.vocabulary import vocabulary_table
from app.proposals.document import DocumentInvalid, load_document

rules_cli = AppGroup("rules", help="Test, list and document the check rules.")


def current_rulebook() -> Rulebook:
    """The rulebook the app loaded at start-up."""
    rulebook = current_app.extensions.get("rulebook")
    if rulebook is None:
        raise click.ClickException("the rulebook is not loaded (extensions['rulebook'])")
    return rulebook


@rules_cli.command("test")
def test_rules() -> None:
    """Run every rule's test cases through the engine; exit 1 if any fails."""
    results = current_rulebook().run_rule_tests()
    for result in results:
        click.echo(f"{'PASS' if result.passed else 'FAIL'} {result.rule_id}")
        for failure in result.failures:
            click.echo(f"     {failure}")
    failed = sum(not result.passed for result in results)
    click.echo(f"{len(results) - failed} passed, {failed} failed")
    if failed:
        raise SystemExit(1)


@rules_cli.command("list")
def list_rules() -> None:
    """One line per rule: id, severity, modules and path."""
    for rule in current_rulebook().rules:
        modules = ",".join(rule.modules)
        severity = "/".join(dict.fromkeys(rule.severities.values()))
        click.echo(f"{rule.id:<50} {severity:<14} {modules:<12} {rule.path}")


@rules_cli.command("vocabulary")
def print_vocabulary() -> None:
    """Print the fact vocabulary as the Markdown table docs/rules.md carries."""
    click.echo(vocabulary_table(), nl=False)


@click.command("check")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@with_appcontext
def check_command(file: Path, as_json: bool) -> None:
    """Check a proposal document FILE (proposal/1 or proposal/2) and print its report (exit 2
    if it is invalid, listing every error at the file's own paths)."""
    try:
        document = load_document(file.read_bytes())
    except DocumentInvalid as invalid:
        errors = [error.as_dict() for error in invalid.errors]
        if as_json:
            click.echo(json.dumps({"errors": errors}, indent=2, ensure_ascii=False))
        else:
            click.echo(f"{file} is not a valid proposal document:", err=True)
            for error in errors:
                click.echo(f"  {error['path'] or '/'}: {error['message']}", err=True)
        raise SystemExit(2) from None
    report = current_rulebook().check(document)
    if as_json:
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(report))


def render_text(report: dict) -> str:
    """The report for people: tier, areas, then findings grouped by area and severity."""
    lines = [f"Tier: {report['tier']}", "", "Areas:"]
    for area in AREAS:
        summary = report["areas"][area]
        lines.append(f"  {AREA_NAMES[area]:<30} {summary['status']:<5} score {summary['score']}")
    risk = report.get("risk")
    if risk:
        reasons = "; ".join(risk["reasons"]) or "nothing in it raises the risk"
        lines += ["", f"Risk: stated {risk['stated']}, shown by the document {risk['derived']}"]
        lines.append(f"  {reasons}")
    flags = report.get("flags") or {}
    if flags.get("self_declared"):
        fields = ", ".join(flag["path"] for flag in flags["self_declared"])
        lines.append(f"Self-declared, not evidenced: {fields}")
    if flags.get("transparency_gap"):
        lines.append("Transparency gap: the commissioner withheld today's cost")
    for area in AREAS:
        found = [f for f in report["findings"] if f["area"] == area]
        count = f"{len(found)} finding{'s' if len(found) != 1 else ''}"
        lines += ["", f"{AREA_NAMES[area]} ({count})"]
        for severity in SEVERITIES:
            for finding in (f for f in found if f["severity"] == severity):
                lines.append(f"  [{severity}] {finding['rule']}  at {finding['path']}")
                lines.append(f"      {finding['message']}")
                lines.append(f"      modules: {', '.join(finding['modules'])}")
    return "\n".join(lines)
