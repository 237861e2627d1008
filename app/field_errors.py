"""An error a service raises about one form field, so the view can show it beside that field."""


class FieldError(Exception):
    """A request that cannot be carried out; `field` names the form field at fault."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message

    def attach(self, form) -> None:
        """Show the message on the form's field, keeping what the user typed."""
        target = form[self.field]
        target.errors = [*target.errors, self.message]
