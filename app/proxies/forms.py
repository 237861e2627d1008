"""The form that uses one library entry as an outcome's proxy."""

from flask_wtf import FlaskForm
from wtforms import HiddenField


class ChooseProxyForm(FlaskForm):
    """Use a library entry for an outcome, as the page showed the outcome."""

    entry = HiddenField()
    revision = HiddenField()
    item_version = HiddenField()
