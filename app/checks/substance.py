"""Whether a text says something about its own case, judged on reference and repetition.

A value case is not made by length. A text *refers to its case* when it names something the
case itself names (a stakeholder group, an outcome, an evidence item, an option, an input, a
protected characteristic) or gives a figure. A text *repeats itself* when a sentence comes
twice, when it is the same as another text of the case, or when few of its meaningful words
are different. A text that repeats itself, or refers to nothing of its case, is
**self-declared, not evidenced**: "We will deliver very good value." says the same of any
case.

Pure Python: :class:`Terms` holds the case's own names as word stems, :func:`read` measures
one text against them, :func:`self_declared` gives the verdict. No Flask, no document shape.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

_APART = str.maketrans(
    {mark: " " for mark in string.punctuation + "–—“”‘…•·«»" if mark != "'"} | {"’": "'"}
)
"""Punctuation read as a space (an apostrophe inside a word is kept: "today's")."""
_SENTENCE = re.compile(r"[.!?;\n]+")
_FIGURE = re.compile(r"(?<![\w.])£?\s?\d[\d,]*(?:\.\d+)?\s?(?:%|per ?cent\b|k\b|m\b|bn\b)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_RATE = re.compile(
    r"\b(?:per|for every|unit costs?|cost of (?:a|an|each|one)|costs? each|each costs?|"
    r"an? (?:hour|day|week|visit|session|case|meal|place|person|head|referral|user|"
    r"client|family|child|bed|night|call|loan|contact))\b",
    re.IGNORECASE,
)


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _set(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    us very was we were what when where which while who whom why will with would you your
    yours yourself yourselves may might must shall cannot can't won't it's we'll we're
    they're there's"""
)
"""English function words: they say nothing about any case."""

GENERIC = _set(
    """value values valuable good great better best excellent high higher quality deliver
    delivers delivered delivering delivery service services provide provides provided
    providing provision people person everyone everybody anyone all community communities
    local area outcome outcomes benefit benefits beneficial social money cost costs costly
    effective effectively efficient efficiently efficiency economy economic economical equity
    equitable fair fairly fairness spend spending spent improve improves improved improvement
    improvements ensure ensures ensuring support supports supported supporting work works
    working well new strong robust clear clearly significant significantly ambitious
    innovative proven approach approaches way ways lot lots many much really truly always
    every fully make makes making made case will also able help helps helping plan planned
    nothing something anything lost lose loses losing thing things overall total whole
    positive positively real wide range key offer offers offered meet meets need needs needed
    aim aims goal goals commit committed commitment less fewer more reduce reduced reduces
    reduction increase increased increases change changes changed number numbers year years
    month months week weeks day days start starts end ends used use report reports reported
    reporting effect effects result results level levels rate rates score scores"""
)
"""Words any value case uses: sharing them is not referring to this case."""
_SKIP = STOPWORDS | GENERIC

CHARACTERISTICS = {
    "age": "age aged older elderly young younger youth child children teenager pensioner",
    "disability": "disability disabled impairment impaired deaf blind autism autistic wheelchair",
    "gender_reassignment": "gender reassignment trans transgender",
    "marriage_civil_partnership": "marriage married civil partnership",
    "pregnancy_maternity": "pregnancy pregnant maternity mother mothers breastfeeding",
    "race": "race racial ethnic ethnicity minority minorities black asian traveller gypsy "
    "roma migrant refugee",
    "religion_belief": "religion religious belief faith muslim christian jewish hindu sikh",
    "sex": "sex women woman men man female male girls boys",
    "sexual_orientation": "sexual orientation gay lesbian bisexual lgbt lgbtq",
}
"""The protected characteristics of the Equality Act 2010 s.4 and words that name them."""


@functools.lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A word lowered and cut to a rough stem, so "carers" meets "carer"."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for ending in ("ies", "es", "s"):
        if len(word) > len(ending) + 3 and word.endswith(ending) and not word.endswith("ss"):
            return word[: -len(ending)] + ("y" if ending == "ies" else "")
    return word


def words(text: str) -> list[str]:
    """Every word of a text, lowered."""
    found = (word.strip("'") for word in text.lower().translate(_APART).split())
    return [word for word in found if word]


def normal(text: str) -> str:
    """A text as its words alone, lowered: two texts that say the same words are equal."""
    return " ".join(_parts(text)[1])


@functools.lru_cache(maxsize=8192)
def meaningful(text: str) -> tuple[str, ...]:
    """The stems of a text's words that could say something about one case.

    Kept for the texts last seen: a draft is checked again and again with most of its texts
    unchanged, and the stems of a text never change."""
    return tuple(_meaningful(words(text)))


def _meaningful(lowered: Iterable[str]) -> list[str]:
    found = []
    for word in lowered:
        if word in _SKIP or word.isdigit():
            continue
        stemmed = stem(word)
        if stemmed not in GENERIC and len(stemmed) > 1:
            found.append(stemmed)
    return found


@functools.lru_cache(maxsize=4096)
def figures(text: str) -> tuple[str, ...]:
    """The figures a text gives: amounts, counts and shares, but not a year on its own."""
    found = []
    for match in _FIGURE.finditer(text):
        figure = match.group().strip()
        if _YEAR.fullmatch(figure.replace(",", "")):
            continue
        found.append(figure)
    return tuple(found)


def relates_rates(text: str) -> bool:
    """Whether a text relates an amount to a unit of output (per visit, for every, a head)."""
    return bool(_RATE.search(text))


@dataclass(frozen=True, eq=False)
class Terms:
    """The case's own vocabulary: for each thing the case names (a key such as
    ``stakeholder:young-carers``), the stems that pick it out; and for each stem, the things
    it picks out.

    A stem shared by ``common`` or more things of one kind (a town's name in the names of
    three public bodies, say) picks none of them out.
    """

    named: Mapping[str, frozenset[str]]
    index: Mapping[str, frozenset[str]]

    @classmethod
    def build(cls, texts: Mapping[str, Iterable[str]], common: int = 3) -> Terms:
        """Terms from the texts that name each thing (its name, id, description)."""
        stems = {
            key: {w for text in parts if text for w in meaningful(text.replace("-", " "))}
            for key, parts in texts.items()
        }
        counts: dict[tuple[str, str], int] = {}  # (kind, stem): how many things of a kind
        for key, found in stems.items():
            kind = _kind(key)
            for word in found:
                counts[kind, word] = counts.get((kind, word), 0) + 1
        named = {
            key: frozenset(w for w in found if counts[_kind(key), w] < common)
            for key, found in stems.items()
        }
        for characteristic, stems_of in CHARACTERISTIC_STEMS.items():
            named[f"characteristic:{characteristic}"] = stems_of
        named = {key: found for key, found in named.items() if found}
        index: dict[str, set[str]] = {}
        for key, found in named.items():
            for word in found:
                index.setdefault(word, set()).add(key)
        return cls(named, {word: frozenset(keys) for word, keys in index.items()})

    def mentioned(self, stems: Iterable[str]) -> frozenset[str]:
        """The keys of the things these stems name: one stem names a group, an outcome, an
        evidence item or a characteristic; an input or an option, named by a phrase, takes
        two of its stems (or its only one)."""
        shared: dict[str, int] = {}
        for word in set(stems):
            for key in self.index.get(word, ()):
                shared[key] = shared.get(key, 0) + 1
        return frozenset(
            key
            for key, count in shared.items()
            if _kind(key) not in _PHRASES or count >= min(2, len(self.named[key]))
        )


_PHRASES = ("input", "option")
"""Things a text names by a phrase of their name, not by one word of it."""


@functools.lru_cache(maxsize=256)
def terms_of(named: tuple[tuple[str, tuple[str, ...]], ...]) -> Terms:
    """:meth:`Terms.build` of ``(key, texts)`` pairs, kept for the vocabularies last seen (a
    draft checked again keeps its names)."""
    return Terms.build(dict(named))


CHARACTERISTIC_STEMS = {
    key: frozenset(stem(word) for word in listed.split()) for key, listed in CHARACTERISTICS.items()
}
"""The stems that name each protected characteristic."""


def _kind(key: str) -> str:
    return key.split(":", 1)[0]


@dataclass(frozen=True)
class Reading:
    """What one text says about its case."""

    given: bool
    meaningful: int
    distinct: int
    figures: tuple[str, ...]
    mentions: frozenset[str]
    repeated: bool

    def mentions_any(self, *kinds: str) -> bool:
        """Whether the text names something of one of these kinds (``stakeholder``, ...)."""
        return any(_kind(key) in kinds for key in self.mentions)

    @property
    def repetition(self) -> float:
        """The share of meaningful words that repeat an earlier one (0 with none)."""
        return 1 - self.distinct / self.meaningful if self.meaningful else 0.0


NOTHING = Reading(False, 0, 0, (), frozenset(), False)


def read(
    text: object,
    terms: Terms | None = None,
    others: Collection[str] = (),
    max_repetition: float = 0.5,
) -> Reading:
    """Read one text against the case's terms; ``others`` are the case's other judged texts
    (each as :func:`normal` gives it), which it must not simply copy."""
    if not isinstance(text, str) or not text.strip():
        return NOTHING
    return _read(text, terms, frozenset(others), max_repetition)


@functools.lru_cache(maxsize=4096)
def _read(text: str, terms: Terms | None, others: frozenset[str], max_repetition: float) -> Reading:
    """:func:`read`, kept for the texts last read against the same terms (terms are kept
    themselves, :func:`terms_of`, so a draft checked again reads its texts once)."""
    stems, said, found = _parts(text)
    distinct = len(set(stems))
    repeated = (
        " ".join(said) in others
        or len(said) != len(set(said))
        or (len(stems) >= 6 and distinct / len(stems) < 1 - max_repetition)
    )
    mentions = terms.mentioned(stems) if terms else frozenset()
    return Reading(True, len(stems), distinct, found, mentions, repeated)


@functools.lru_cache(maxsize=4096)
def _parts(text: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A text's meaningful stems, its sentences as words alone, and its figures (kept for the
    texts last seen, as :func:`meaningful` is)."""
    sentences = [found for found in map(words, _SENTENCE.split(text)) if found]
    stems = _meaningful(word for sentence in sentences for word in sentence)
    return tuple(stems), tuple(" ".join(sentence) for sentence in sentences), figures(text)


def self_declared(reading: Reading) -> bool:
    """A text is self-declared when it repeats itself or names nothing of its case and gives
    no figure."""
    return reading.given and (reading.repeated or not (reading.mentions or reading.figures))


def substantive(reading: Reading, least: int = 2) -> bool:
    """Whether a reason says something: at least ``least`` different meaningful words, and
    no repetition. (A reason need not name the case: "the evidence is weak and the amount
    small" is a reason.)"""
    return reading.given and not reading.repeated and reading.distinct >= least
