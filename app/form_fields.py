"""Form fields whose conversion errors name the field, as the error-summary pattern needs."""

from decimal import Decimal, InvalidOperation

from wtforms import DecimalField, IntegerField


class WholeNumberField(IntegerField):
    """An integer field that says which field was not a whole number."""

    def process_formdata(self, valuelist: list[str]) -> None:
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        text = valuelist[0].strip().replace(",", "")
        try:
            self.data = int(text)
        except ValueError:
            self.data = None
            raise ValueError(f"{self.label.text}: enter a whole number, like 12") from None


class NumberField(DecimalField):
    """A decimal field for money and shares that accepts £ and commas and names itself."""

    def process_formdata(self, valuelist: list[str]) -> None:
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        text = valuelist[0].strip().replace(",", "").removeprefix("£")
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            self.data = None
            raise ValueError(f"{self.label.text}: enter a number, like 1250.50")
        self.data = value
