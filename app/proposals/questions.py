"""How questions, pages and task-list sections are declared (no Flask).

A question (:class:`Field`) is declared once, in an area module under ``areas/``: its name on
the page, where its answer lives in the document, the kind of answer it takes and its words.
What the format allows (lengths, ranges, list sizes, the values of a choice) is read from the
JSON Schema (``schema_rules.py``), never copied here, and a test ties every question to it.
"""

from dataclasses import dataclass
from typing import Any

Path = tuple[str, ...]
BOTH = ("challenge", "propose")
ANSWERED = "answered"  # a page `when` value: shown once the answer there is anything but null


@dataclass(frozen=True)
class Field:
    """One question: where its answer lives in the document and how it is typed."""

    name: str
    path: Path
    kind: str  # one of kinds.KINDS
    label: str
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    kinds: tuple[str, ...] = BOTH
    # the fixed parts of a compound question, e.g. the protected characteristics
    parts: tuple[tuple[str, str], ...] = ()
    # how a well-formed answer looks, for the message when one does not match the format
    example: str = ""


@dataclass(frozen=True)
class Page:
    """One question page of a section; a section's first page has the key ""."""

    key: str
    title: str
    fields: tuple[Field, ...]
    intro: str = ""
    # shown only when the answer at this path (in the item, for items) has this value
    when: tuple[Path, Any] | None = None

    def fields_for(self, kind: str) -> tuple[Field, ...]:
        """The page's questions for a challenge or a proposal."""
        return tuple(f for f in self.fields if kind in f.kinds)


@dataclass(frozen=True)
class Section:
    """A task-list section: pages of questions, or a list of items each added page by page.

    A section asks its `fields` on one page unless it declares `pages`, in which case its
    fields are those of its pages, in order.
    """

    key: str
    title: str
    fields: tuple[Field, ...] = ()
    kinds: tuple[str, ...] = BOTH
    list_path: Path | None = None  # set for repeating items
    item_name: str = ""
    id_from: str | None = None  # items get a slug id made from this field
    optional_object: Path | None = None  # null when the toggle field is "no"
    toggle: str | None = None
    intro: str = ""
    pages: tuple[Page, ...] = ()

    def __post_init__(self) -> None:
        if not self.pages:
            object.__setattr__(self, "pages", (Page("", "", self.fields),))
        elif not self.fields:
            object.__setattr__(self, "fields", tuple(f for p in self.pages for f in p.fields))

    @property
    def title_in_sentence(self) -> str:
        """The title within a sentence ("Change the four Es of value for money"): only its
        first letter is lowered, so names and abbreviations keep their capitals."""
        return self.title[:1].lower() + self.title[1:]

    @property
    def repeating(self) -> bool:
        """Whether the section is a list of items."""
        return self.list_path is not None

    def fields_for(self, kind: str) -> tuple[Field, ...]:
        """The questions that apply to a challenge or a proposal."""
        return tuple(f for f in self.fields if kind in f.kinds)

    def pages_for(self, kind: str) -> tuple[Page, ...]:
        """The pages with questions for a challenge or a proposal."""
        return tuple(page for page in self.pages if page.fields_for(kind))

    def page(self, key: str, kind: str) -> Page | None:
        """The page with this key, if a challenge or proposal has it."""
        return next((page for page in self.pages_for(kind) if page.key == key), None)

    def schema_path(self, spec: Field) -> Path:
        """Where a question's answer sits in the document; "*" stands for any item of a list."""
        return (*self.list_path, "*", *spec.path) if self.list_path else spec.path


def ask(name: str, path: str, kind: str, label: str, hint: str = "", **more) -> Field:
    """Declare a question, its path written with dots ("proxy.value")."""
    return Field(name, tuple(path.split(".")) if path else (), kind, label, hint, **more)
