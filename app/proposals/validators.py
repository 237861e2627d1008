"""Form checks that hold answers to the format's limits, each message naming the question.

What each message asks for is worded once, in ``wording.py``, which the document's errors (and
so the check-answers page) use too.
"""

import re
from decimal import Decimal
from urllib.parse import urlsplit

from wtforms.validators import ValidationError

from .kinds import lines
from .schema_rules import Limits
from .wording import (
    at_most_lines,
    enter_at_least,
    number_within,
    shorter_line,
    use_at_most,
    write_like,
)


def number_text(value: Decimal) -> str:
    """A limit as people write it: 1,000,000, 0.5, 25, and a year as 2100."""
    value = Decimal(value).normalize()
    return f"{value:,f}" if abs(value) >= 10_000 else f"{value:f}"


class TextLength:
    """Between the format's least and most characters."""

    def __init__(self, label: str, least: int, most: int):
        self.label, self.least, self.most = label, least, most
        self.short = f"{label}: {enter_at_least(least)}"

    def __call__(self, form, field) -> None:
        length = len((field.data or "").strip())
        if length < self.least:
            raise ValidationError(self.short)
        if length > self.most:
            raise ValidationError(f"{self.label}: {use_at_most(self.most)}")


class Pattern:
    """The form the format gives an answer, e.g. a price year "2012/13"."""

    def __init__(self, label: str, pattern: str, example: str):
        self.label, self.pattern, self.example = label, re.compile(pattern), example

    def __call__(self, form, field) -> None:
        text = (field.data or "").strip()
        if text and not self.pattern.search(text):
            raise ValidationError(f"{self.label}: {write_like(self.example)}")


class Link:
    """A web address people can follow: http or https, a site name, no spaces (and whatever
    else the format's own pattern asks)."""

    def __init__(self, label: str, example: str, pattern: str | None = None):
        self.pattern = re.compile(pattern) if pattern else None
        like = example or "https://www.example.org"
        self.message = f"{label}: enter a web address starting with https://, like {like}"

    def __call__(self, form, field) -> None:
        text = (field.data or "").strip()
        if not text:
            return
        try:
            host = urlsplit(text).hostname
        except ValueError:
            host = None
        followable = (
            text.startswith(("https://", "http://")) and host and not re.search(r"\s", text)
        )
        if not followable or (self.pattern and not self.pattern.search(text)):
            raise ValidationError(self.message)


class Lines:
    """One answer a line: no more lines, and no longer lines, than the format holds."""

    def __init__(self, label: str, limits: Limits):
        self.label, self.limits = label, limits

    def __call__(self, form, field) -> None:
        found = lines(field.data)
        most = self.limits.max_items
        if most is not None and len(found) > most:
            raise ValidationError(f"{self.label}: {at_most_lines(most)}")
        longest = self.limits.max_length
        for number, line in enumerate(found, start=1):
            if longest is not None and len(line) > longest:
                raise ValidationError(f"{self.label}: {shorter_line(number, longest)}")


class Range:
    """A number within the format's range, said in the page's units (a percentage, say)."""

    def __init__(self, label: str, low: Decimal, high: Decimal, exclusive: bool, unit: str = ""):
        self.label, self.low, self.high, self.exclusive = label, low, high, exclusive
        low_text, high_text = number_text(low) + unit, number_text(high) + unit
        self.message = f"{label}: {number_within(low_text, high_text, exclusive)}"

    def __call__(self, form, field) -> None:
        value = field.data
        if value is None:
            return
        too_low = value <= self.low if self.exclusive else value < self.low
        if too_low or value > self.high:
            raise ValidationError(self.message)
