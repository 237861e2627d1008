"""Names people read as someone's identity: normalised so look-alikes cannot impersonate.

Organisation, body and person names and proposal titles are NFKC-normalised (so a
full-width "Ｋirkfield" or a ligature "ﬁ" becomes plain text), refuse the invisible and
direction-changing characters that make one name display as another, and compare
case-folded, so "Kirkfield Trust" and "KIRKFIELD  trust" are the same organisation.
"""

import re
import unicodedata

# Bidirectional embeddings, overrides and isolates, and the marks that flip text direction.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Characters that take no width, so two names differing only by them look identical.
ZERO_WIDTH = frozenset("\u00ad\u034f\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff")

_SPACES = re.compile(r"\s+")


class UnsafeName(ValueError):
    """A name holding characters that would let it pass for another."""


def hidden_characters(text: str) -> list[str]:
    """The invisible or direction-changing characters in a text, as U+ codes."""
    return [
        f"U+{ord(char):04X}"
        for char in text
        if char in BIDI_CONTROLS
        or char in ZERO_WIDTH
        or (unicodedata.category(char) in {"Cc", "Cf", "Co", "Cn"} and char not in "\t\n\r")
    ]


def clean_name(text: str) -> str:
    """The name NFKC-normalised with its spaces collapsed; UnsafeName if it hides characters."""
    hidden = hidden_characters(text)
    if hidden:
        raise UnsafeName(
            "must not contain invisible or direction-changing characters "
            f"({', '.join(dict.fromkeys(hidden))})"
        )
    return normalise_name(text)


def normalise_name(text: str) -> str:
    """NFKC-normalised with spaces collapsed; hidden characters are refused before this."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def name_key(text: str) -> str:
    """The form names are compared in: normalised, spaces collapsed, case-folded."""
    return unicodedata.normalize("NFKC", normalise_name(text).casefold())
