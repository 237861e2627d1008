"""Templates: the GOV.UK Frontend macros and the navigation each role sees."""

from dataclasses import dataclass

from flask import Flask, request, url_for
from flask_login import current_user
from govuk_frontend_wtf.main import WTFormsHelpers
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader

from .accounts.models import Role
from .proposals.diff import shown
from .proposals.hints import glossary_hint
from .value.impact_map import ratio
from .value.money import format_number, format_pounds


def pounds(amount, places: int = 0) -> str:
    """Money for display, e.g. £12,400."""
    return "–" if amount is None else format_pounds(amount, places)


@dataclass(frozen=True)
class NavItem:
    """A link in the service navigation, shown to some roles."""

    endpoint: str
    text: str
    roles: frozenset[Role] | None = None  # None: everyone, signed in or not
    signed_in: bool = False


NAVIGATION = (
    NavItem("proposals.index", "Submissions", frozenset({Role.CSO})),
    NavItem("triage.queue", "Triage", frozenset({Role.COMMISSIONER})),
    NavItem("delivery.index", "Contracts", frozenset({Role.CSO, Role.COMMISSIONER})),
    NavItem("decommissioning.index", "Decommissioning", frozenset({Role.COMMISSIONER})),
    NavItem("training.dashboard", "Training", signed_in=True),
    NavItem("admin.users", "Admin", frozenset({Role.ADMIN})),
    NavItem("notifications.index", "Notifications", signed_in=True),
    NavItem("checks.rules_page", "Rules"),
    NavItem("register.index", "Register"),
    NavItem("baselines.index", "Services"),
)


def navigation_for(user, endpoints: set[str], current_path: str) -> list[dict]:
    """The navigation items this person may use, among the routes that exist."""
    items = []
    for item in NAVIGATION:
        if item.endpoint not in endpoints:
            continue
        if item.roles is not None and (not user.is_authenticated or user.role not in item.roles):
            continue
        if item.signed_in and not user.is_authenticated:
            continue
        href = url_for(item.endpoint)
        items.append({"href": href, "text": item.text, "active": current_path.startswith(href)})
    return items


def init_app(app: Flask) -> None:
    """Load the GOV.UK macros beside our templates and expose layout helpers."""
    app.jinja_loader = ChoiceLoader(
        [
            PackageLoader("app"),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    WTFormsHelpers(app)
    app.add_template_filter(pounds)
    app.add_template_filter(ratio)
    app.add_template_filter(shown)
    app.add_template_filter(format_number, "quantity")
    app.add_template_filter(glossary_hint, "glossary")

    @app.context_processor
    def layout_context() -> dict:
        return {
            "navigation": navigation_for(
                current_user, set(app.view_functions), request.path if request else "/"
            ),
            "Role": Role,
            "url_map_endpoints": app.view_functions,
        }
