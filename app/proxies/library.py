"""The financial proxy library: sourced values read once, validated, and searched by words.

The library is ``app/proxies/library/proxies.yaml`` (the Unit Cost Database v1.4 extract and
two HM Treasury values, kept exactly as published) with ``caveats.yaml`` beside it (which
entries are transfer payments or input costs, whom some must acknowledge, the attribution
the licence asks for). A deployment may add entries in ``instance/proxies.yaml``: the same
fields, each with a source, ids not used by the library. Every problem raises
:class:`ProxyLibraryError` naming the file, the entry and the reason, so the site does not
start with values it cannot trust. No Flask here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from app.proposals.references import SLUG

from .entry import KINDS, ROBUSTNESS, Entry

REQUIRED = ("id", "outcome", "unit", "value", "price_year", "kind", "who_benefits", "source")
TEXTS = ("location", "licence", "url", "quote", "original_source", "rag_rating",
         "agency_in_source", "notes", "acknowledgement", "credit", "attribution",
         "licence_url")  # fmt: skip
FLAGS = ("transfer_payment", "input_cost")
MAX_VALUE = 10**12  # the largest proxy value a proposal document accepts
# where a word is found says how well an entry answers: its outcome first, its notes last
WEIGHTS = (("outcome", 8), ("id", 4), ("unit", 2), ("who_benefits", 2), ("notes", 1))
STOP_WORDS = frozenset(
    "a an and as at by for from in is of on or per the to with".split()  # noqa: SIM905
)


class ProxyLibraryError(Exception):
    """A proxy file cannot be used; the message names the file, the entry and the reason."""

    def __init__(self, file: str, entry: str | None, reason: str) -> None:
        self.file, self.entry, self.reason = file, entry or "-", reason
        super().__init__(f"{file}: entry {self.entry}: {reason}")


@dataclass(frozen=True)
class Library:
    """Every entry, the library's first and a deployment's after, with its attribution."""

    entries: tuple[Entry, ...]
    attribution: str
    licence_url: str

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id, or None."""
        return next((entry for entry in self.entries if entry.id == entry_id), None)

    def search(self, query: str = "", kind: str | None = None) -> list[Entry]:
        """Entries matching every word of the query (and the kind), best matches first.

        A word matches the start of a word in an entry's outcome, id, unit, who benefits or
        notes; an entry scores each word by the best place it is found (see WEIGHTS), and
        ties keep the library's order. No words lists every entry of the kind.
        """
        terms = [_stem(word) for word in words(query) if word not in STOP_WORDS]
        scored = []
        for position, entry in enumerate(self.entries):
            if kind and entry.kind != kind:
                continue
            score = _score(entry, terms)
            if score is not None:
                scored.append((-score, position, entry))
        return [entry for _, _, entry in sorted(scored, key=lambda found: found[:2])]


def words(text: str) -> list[str]:
    """The lower-case words and numbers of a text."""
    return re.findall(r"[a-z0-9]+", text.lower())


def _stem(word: str) -> str:
    """A plural's stem, so 'crimes' finds crime and 'burglaries' burglary."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _score(entry: Entry, terms: list[str]) -> int | None:
    """How well an entry matches; None when some word is found nowhere."""
    fields = [(weight, words(str(getattr(entry, name)))) for name, weight in WEIGHTS]
    total = 0
    for term in terms:
        best = max(
            (weight for weight, found in fields if any(w.startswith(term) for w in found)),
            default=0,
        )
        if not best:
            return None
        total += best
    return total


def load_library(library: Path, caveats: Path, additions: Path | None = None) -> Library:
    """Read and validate the library, its caveats and (when the file exists) local additions."""
    notes = _read_caveats(caveats)
    extra = _caveat_fields(notes)
    entries = _read_entries(library, extra, local=False)
    unknown = sorted(set(extra) - set(entries))
    if unknown:
        raise ProxyLibraryError(str(caveats), unknown[0], f"no entry with this id in {library}")
    if additions is not None and Path(additions).exists():
        for entry_id, entry in _read_entries(Path(additions), {}, local=True).items():
            if entry_id in entries:
                raise ProxyLibraryError(
                    str(additions),
                    entry_id,
                    f"the id is already used by the library ({library}); give the entry another id",
                )
            entries[entry_id] = entry
    licensed = notes["attribution"]
    return Library(
        tuple(_attributed(entry, licensed) for entry in entries.values()),
        licensed["line"],
        licensed["licence_url"],
    )


def _attributed(entry: Entry, licensed: dict) -> Entry:
    """An entry from the licensed source, given the attribution line its licence asks for."""
    if entry.attribution or not entry.source.startswith(licensed["source_starts_with"]):
        return entry
    return replace(entry, attribution=licensed["line"], licence_url=licensed["licence_url"])


def _read_yaml(path: Path) -> Any:
    """One YAML file, any reading or syntax problem raised as a ProxyLibraryError."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ProxyLibraryError(str(path), None, f"cannot read the file: {error}") from None
    except yaml.YAMLError as error:
        detail = " ".join(str(error).split())
        raise ProxyLibraryError(str(path), None, f"not valid YAML: {detail}") from None


def _read_entries(path: Path, extra: dict[str, dict], local: bool) -> dict[str, Entry]:
    """Every entry of one file by id; an empty additions file adds nothing."""
    raw = _read_yaml(path)
    if raw is None and local:
        return {}
    if not isinstance(raw, list) or (not raw and not local):
        raise ProxyLibraryError(str(path), None, "the file must be a list of entries")
    entries: dict[str, Entry] = {}
    for position, item in enumerate(raw, start=1):
        entry = _read_entry(str(path), position, item, extra, local)
        if entry.id in entries:
            raise ProxyLibraryError(str(path), entry.id, "the id is used twice in this file")
        entries[entry.id] = entry
    return entries


def _read_entry(file: str, position: int, raw: Any, extra: dict[str, dict], local: bool) -> Entry:
    """One validated entry, with what the caveats file says of it."""
    name = raw.get("id") if isinstance(raw, dict) else None
    label = name if isinstance(name, str) and name else f"#{position}"

    def fail(reason: str) -> ProxyLibraryError:
        return ProxyLibraryError(file, label, reason)

    if not isinstance(raw, dict):
        raise fail("each entry must be a mapping of fields")
    unknown = sorted(set(map(str, raw)) - set(REQUIRED) - set(TEXTS) - set(FLAGS))
    if unknown:
        raise fail(f"unknown field(s): {', '.join(unknown)}")
    missing = [field for field in REQUIRED if raw.get(field) in (None, "")]
    if missing:
        why = " (every entry needs a source)" if "source" in missing else ""
        raise fail(f"missing field(s): {', '.join(missing)}{why}")
    if not isinstance(name, str) or not SLUG.fullmatch(name):
        raise fail("the id must be lower-case letters, digits and hyphens, e.g. my-local-cost")
    fields = {field: _text(raw, field, fail) for field in REQUIRED if field != "value"}
    fields |= {field: _text(raw, field, fail) for field in TEXTS if raw.get(field) is not None}
    fields |= {field: _flag(raw, field, fail) for field in FLAGS if field in raw}
    if fields["kind"] not in KINDS:
        raise fail(f"kind must be one of {', '.join(KINDS)}, not {fields['kind']!r}")
    if fields.get("rag_rating", "") not in ROBUSTNESS:
        raise fail("rag_rating must be R, A, G or empty")
    for link in ("url", "licence_url"):  # shown as links: never a script
        if fields.get(link) and not re.match(r"https?://", fields[link]):
            raise fail(f"{link} must start with http:// or https://")
    fields = fields | extra.get(name, {})
    return Entry(value=_value(raw["value"], fail), file=file, local=local, **fields)


def _text(raw: dict, field: str, fail) -> str:
    """A text field; a year written as a number (price_year: 2019) is read as text."""
    value = raw[field]
    if field == "price_year" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise fail(f"'{field}' must be text")
    return value.strip()


def _flag(raw: dict, field: str, fail) -> bool:
    if not isinstance(raw[field], bool):
        raise fail(f"'{field}' must be true or false")
    return raw[field]


def _value(value: Any, fail) -> int | float:
    """Pounds per unit: a number from 0 to a trillion."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise fail(f"value must be a number of pounds, not {value!r}")
    if not math.isfinite(value) or not 0 <= value <= MAX_VALUE:
        raise fail(f"value must be from 0 to {MAX_VALUE:,} pounds")
    return value


def _read_caveats(path: Path) -> dict:
    """The caveats file, its shape checked."""
    raw = _read_yaml(path)
    attribution = raw.get("attribution") if isinstance(raw, dict) else None
    if not isinstance(attribution, dict) or not all(
        isinstance(attribution.get(key), str) and attribution[key]
        for key in ("source_starts_with", "line", "licence_url")
    ):
        raise ProxyLibraryError(
            str(path), None, "attribution needs source_starts_with, line and licence_url"
        )
    for key in FLAGS:
        if not _id_list(raw.get(key)):
            raise ProxyLibraryError(str(path), None, f"'{key}' must be a list of entry ids")
    for item in raw.get("acknowledgements") or []:
        if (
            not isinstance(item, dict)
            or not _id_list(item.get("ids"))
            or not all(isinstance(item.get(key), str) and item[key] for key in ("credit", "text"))
        ):
            raise ProxyLibraryError(
                str(path), None, "each acknowledgement needs credit, text and a list of ids"
            )
    return raw


def _id_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _caveat_fields(notes: dict) -> dict[str, dict]:
    """What the caveats file adds to entries, by id (attribution is given by source)."""
    extra: dict[str, dict] = {}
    for key in FLAGS:
        for entry_id in notes[key]:
            extra.setdefault(entry_id, {})[key] = True
    for item in notes.get("acknowledgements") or []:
        for entry_id in item["ids"]:
            extra.setdefault(entry_id, {}).update(
                acknowledgement=" ".join(item["text"].split()), credit=item["credit"]
            )
    return extra
