"""Training: the curriculum, progress, quizzes, placement, learning plans and certificates.

``init_app`` loads and validates the curriculum once, at start-up, into
``app.extensions["curriculum"]``; an invalid curriculum stops the start with each file and
its problem.
"""

from pathlib import Path

from flask import Flask

from .curriculum import load_curriculum
from .marking import DEFAULT_PASS_MARK


def init_app(app: Flask) -> None:
    """Set the training defaults and load the curriculum."""
    project = Path(app.root_path).parent
    app.config.setdefault("CURRICULUM_DIR", str(project / "curriculum"))
    app.config.setdefault("RULES_DIR", str(project / "rules"))
    app.config.setdefault("TRAINING_PASS_MARK", DEFAULT_PASS_MARK)
    app.extensions["curriculum"] = load_curriculum(
        Path(app.config["CURRICULUM_DIR"]), Path(app.config["RULES_DIR"])
    )
