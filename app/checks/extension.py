"""Loading the rulebook once at start-up into app.extensions["rulebook"]."""

from pathlib import Path

from flask import Flask

from . import catalogue
from .rulebook import load_rulebook


def project_root(app: Flask) -> Path:
    """The folder holding app/, rules/ and curriculum/."""
    return Path(app.root_path).resolve().parent


def init_app(app: Flask) -> None:
    """Load rules, parameters (with the instance override) and the curriculum model, and give
    templates the checks' catalogue of areas, severities and statuses (``check_catalogue``).

    A broken rules file raises RulesError naming the file, the rule and the reason, so
    the app does not start with checks it cannot trust.
    """
    root = project_root(app)
    rules_dir = Path(app.config.get("RULES_DIR") or root / "rules")
    model = Path(app.config.get("CURRICULUM_MODEL") or root / "curriculum" / "model.yaml")
    override = Path(
        app.config.get("PARAMETERS_OVERRIDE") or Path(app.instance_path) / "parameters.yaml"
    )
    rulebook = load_rulebook(rules_dir, model, override)
    app.extensions["rulebook"] = rulebook
    app.jinja_env.globals["check_catalogue"] = catalogue
    app.extensions.setdefault("health_probes", {})["rules_engine"] = lambda: engine_state(rulebook)


def engine_state(rulebook) -> dict:
    """Whether the engine answers a check of a minimal document."""
    probe = {
        "format": "proposal/2",
        "kind": "propose",
        "title": "Health probe",
        "organisation": {"name": "Probe"},
    }
    try:
        report = rulebook.check(probe)
    except Exception as error:  # noqa: BLE001 (any failure means the engine is not ready)
        return {"ok": False, "error": type(error).__name__}
    return {"ok": "tier" in report, "rules": len(rulebook.rules)}
