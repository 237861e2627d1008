"""The glossary: terms and their definitions, kept as data in glossary.yaml."""

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from itertools import groupby

import yaml


@dataclass(frozen=True)
class Term:
    """A term: its anchor slug, the term as written, its definition and where it comes from."""

    slug: str
    term: str
    definition: str
    source: str | None = None

    @property
    def letter(self) -> str:
        """The letter of the alphabet the term is listed under."""
        return self.term[0].upper()


@cache
def terms() -> tuple[Term, ...]:
    """Every term, in alphabetical order."""
    text = files(__package__).joinpath("glossary.yaml").read_text(encoding="utf-8")
    entries = [Term(**entry) for entry in yaml.safe_load(text)]
    return tuple(sorted(entries, key=lambda term: term.term.casefold()))


def by_letter() -> list[tuple[str, list[Term]]]:
    """The terms grouped under their first letter, for an A to Z list."""
    return [(letter, list(group)) for letter, group in groupby(terms(), key=lambda t: t.letter)]
