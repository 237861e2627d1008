"""Reading a proposal document from JSON text: size, encoding, syntax, numbers and depth."""

from __future__ import annotations

import codecs
import json
import math
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from .wording import DocumentError, DocumentInvalid, quote

MAX_DOCUMENT_BYTES = 1_000_000
MAX_DEPTH = 64


# In JSON text a NUL or a surrogate can only be written as itself or as a \u escape (an
# escaped backslash followed by "u0000" is a harmless false alarm).
_ESCAPED_BAD_CHARACTER = re.compile(r"\\u(?:0000|[dD][89a-fA-F])")


class _Refused(Exception):
    """Internal: a JSON text the parser must not accept."""


class ReadDocument(NamedTuple):
    """A document just read from JSON text, with what reading it has shown."""

    document: dict
    storable: bool
    """The text holds no NUL and no surrogate, written or escaped. As every number read is
    finite, every key is text and nesting is within MAX_DEPTH, no value needs a further look."""
    conforms: bool
    """The ``conforms`` check given to :func:`read_document` said yes."""


def parse_document(raw: bytes | str) -> dict:
    """Read JSON text into a dict, refusing anything the format cannot hold."""
    return read_document(raw).document


def _no(_document: Any) -> bool:
    return False


def read_document(raw: bytes | str, conforms: Callable[[Any], bool] = _no) -> ReadDocument:
    """Read JSON text into a dict, refusing anything the format cannot hold.

    ``conforms`` is a check whose yes guarantees nesting within MAX_DEPTH (a schema that
    closes every object and types every list): a document it accepts needs no depth count.
    """
    text = _decode(raw)
    try:
        document = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except _Refused as exc:
        raise _invalid(str(exc)) from None
    except json.JSONDecodeError as exc:
        if not exc.doc.strip():
            raise _invalid("The file is empty: it should hold one JSON object.") from None
        where = f"line {exc.lineno}, column {exc.colno}"
        raise _invalid(f"The file is not valid JSON: {exc.msg} at {where}.") from None
    except RecursionError:
        raise _invalid(_too_deep()) from None
    except ValueError:
        raise _invalid("The file holds a number with too many digits to read.") from None
    if not isinstance(document, dict):
        found = "a list" if isinstance(document, list) else "a single value"
        raise _invalid(f"The file must hold one JSON object ({{...}}) at the top, not {found}.")
    fits = conforms(document)
    if not fits and _depth(document) > MAX_DEPTH:
        raise _invalid(_too_deep())
    return ReadDocument(document, _storable(text, from_bytes=not isinstance(raw, str)), fits)


def _storable(text: str, from_bytes: bool) -> bool:
    """True when ``text`` holds no NUL and no surrogate, written or escaped."""
    if "\x00" in text or ("\\u" in text and _ESCAPED_BAD_CHARACTER.search(text)):
        return False
    if from_bytes or text.isascii():
        return True  # strict UTF-8 decoding never gives a surrogate
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _decode(raw: bytes | str) -> str:
    if isinstance(raw, str):
        size = len(raw) if len(raw) > MAX_DOCUMENT_BYTES else _utf8_size(raw)
        _check_size(size)
        return raw.removeprefix("\ufeff")
    _check_size(len(raw))
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _invalid("The file is UTF-16 text; save it as UTF-8 and try again.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _invalid(
            f"The file is not UTF-8 text (byte {exc.start + 1} cannot be read); "
            "save it as UTF-8 and try again."
        ) from None


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _check_size(size: int) -> None:
    if size > MAX_DOCUMENT_BYTES:
        raise _invalid(
            f"The file is larger than 1 MB ({size:,} bytes; at most {MAX_DOCUMENT_BYTES:,} "
            "are allowed). Shorten long text or remove pasted data."
        )


def _refuse_constant(name: str) -> float:
    raise _Refused(
        f"The file holds {name}, which is not a number JSON allows: use a number or null."
    )


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"The file holds the number {quote(text)}, which is too large to use.")
    return value


def _too_deep() -> str:
    return f"The file nests lists and objects more than {MAX_DEPTH} levels deep."


def _invalid(message: str) -> DocumentInvalid:
    return DocumentInvalid([DocumentError("", message)])


def _depth(value: Any, level: int = 1) -> int:
    """How deep lists and objects nest, counted no further than one past MAX_DEPTH."""
    if isinstance(value, dict):
        children = value.values()
    elif isinstance(value, list):
        children = value
    else:
        return 0
    if level > MAX_DEPTH:
        return level
    deepest = level
    for child in children:
        if isinstance(child, dict | list):
            deepest = max(deepest, _depth(child, level + 1))
            if deepest > MAX_DEPTH:
                break
    return deepest
