"""Checking a release package against the vendored OCDS 1.1.5 schemas and codelists.

The release package schema refers to the release schema by its published address; that
address is resolved to the copy in ``schema/`` so validation never needs the network.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

SCHEMA = Path(__file__).resolve().parent / "schema"


def _load(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA / name).read_text(encoding="utf-8"))


@cache
def validator() -> Draft4Validator:
    """A validator of release packages, the release schema resolved locally."""
    release = _load("release-schema.json")
    registry = Registry().with_resource(
        release["id"], Resource.from_contents(release, default_specification=DRAFT4)
    )
    return Draft4Validator(_load("release-package-schema.json"), registry=registry)


@cache
def codelist(name: str) -> frozenset[str]:
    """The codes of a vendored codelist, e.g. ``codelist("partyRole")``."""
    with (SCHEMA / "codelists" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return frozenset(row["Code"] for row in csv.DictReader(handle))


def codelist_problems(package: dict[str, Any]) -> list[str]:
    """Codes the package uses that their codelists do not have."""
    found: list[tuple[str, str, Any]] = []
    for n, release in enumerate(package.get("releases", [])):
        found += [(f"releases/{n}/tag", "releaseTag", tag) for tag in release.get("tag", [])]
        found.append(
            (f"releases/{n}/initiationType", "initiationType", release.get("initiationType"))
        )
        for party in release.get("parties", []):
            found += [
                (f"releases/{n}/parties", "partyRole", role) for role in party.get("roles", [])
            ]
        if "tender" in release:
            found.append(
                (f"releases/{n}/tender/status", "tenderStatus", release["tender"].get("status"))
            )
        for award in release.get("awards", []):
            found.append((f"releases/{n}/awards", "awardStatus", award.get("status")))
        for contract in release.get("contracts", []):
            found.append((f"releases/{n}/contracts", "contractStatus", contract.get("status")))
        documents = release.get("planning", {}).get("documents", [])
        found += [
            (f"releases/{n}/planning/documents", "documentType", d.get("documentType"))
            for d in documents
        ]
    return [
        f"{path}: {code!r} is not in {name}"
        for path, name, code in found
        if code not in codelist(name)
    ]


def problems(package: dict[str, Any]) -> list[str]:
    """Everything wrong with a package: schema errors, then unknown codes."""
    errors = [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator().iter_errors(package)
    ]
    return errors + codelist_problems(package)
