"""Commands: import-proposal FILE [--org NAME] and export-proposal ID.

A file in proposal/1 or proposal/2 is imported; a proposal/1 file becomes a proposal/2 draft.
Exports are proposal/2, as every stored draft and version is.
"""

import json
from pathlib import Path

import click
from sqlalchemy import select

from ..accounts.models import Organisation, PublicBody
from ..accounts.services import find_organisation
from ..extensions import db
from .document import MAX_DOCUMENT_BYTES, DocumentInvalid
from .models import Proposal
from .services import import_document


def _organisation(name: str | None, document_name: str | None) -> Organisation:
    """The organisation named, or the document's own; created when it does not exist."""
    wanted = (name or document_name or "").strip()
    if not wanted:
        raise click.UsageError("the document names no organisation: give --org NAME")
    found = find_organisation(wanted)
    if found is None:
        found = Organisation(name=wanted[:200], type="other")
        db.session.add(found)
        db.session.flush()
    return found


def _public_body(name: str | None) -> PublicBody:
    """The public body named by the document; created when it does not exist."""
    wanted = (name or "").strip() or "Unnamed public body"
    found = db.session.scalar(select(PublicBody).where(PublicBody.name == wanted[:200]))
    if found is None:
        found = PublicBody(name=wanted[:200])
        db.session.add(found)
        db.session.flush()
    return found


@click.command("import-proposal")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--org", "org", default=None, help="The organisation it belongs to.")
def import_proposal(file: Path, org: str | None) -> None:
    """Import FILE (proposal/1 or proposal/2) as a draft; prints every error, or the new
    proposal's id last."""
    if file.stat().st_size > MAX_DOCUMENT_BYTES:
        raise click.ClickException(f"{file} is larger than 1 MB")
    raw = file.read_bytes()
    try:
        from .document import load_document

        document = load_document(raw)
    except DocumentInvalid as invalid:
        for error in invalid.errors:
            click.echo(f"{error.message} (at {error.path or '/'})", err=True)
        raise click.exceptions.Exit(2) from None
    organisation = _organisation(org, (document.get("organisation") or {}).get("name"))
    body = _public_body(document.get("commissioner"))
    proposal = import_document(raw, organisation, body, None)
    click.echo(f"Imported '{proposal.title}' for {organisation.name}, to {body.name}")
    click.echo(proposal.id)


@click.command("export-proposal")
@click.argument("proposal_id", type=int)
@click.option("--version", "number", type=int, default=None, help="A submitted version.")
def export_proposal(proposal_id: int, number: int | None) -> None:
    """Print a proposal's draft (or a submitted version) as JSON, in proposal/2."""
    proposal = db.session.get(Proposal, proposal_id)
    if proposal is None:
        raise click.ClickException(f"no proposal with id {proposal_id}")
    document = proposal.draft
    if number is not None:
        found = next((v for v in proposal.versions if v.number == number), None)
        if found is None:
            raise click.ClickException(f"proposal {proposal_id} has no version {number}")
        document = found.document
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))
