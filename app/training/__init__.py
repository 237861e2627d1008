"""Training: the curriculum and its tracks, progress, quizzes, exercises, placement, learning
plans, portfolios, CPD records and certificates.

``init_app`` loads and validates the curriculum once, at start-up, into
``app.extensions["curriculum"]``; content the site cannot serve stops the start with each file
and its problem. A question bank below the assessment standards is logged as a warning here
and fails ``flask curriculum check`` (and so the test suite), which is what keeps it from
being released.
"""

from pathlib import Path

from flask import Flask

from ..accounts.models import Role
from .curriculum import CurriculumError, read_curriculum
from .marking import DEFAULT_PASS_MARK
from .retakes import DEFAULT_COOLDOWN_HOURS, DEFAULT_PLACEMENT_RETAKE_DAYS

ROLE_NAMES = tuple(role.value for role in Role)
"""The roles a track may start people on (curriculum/tracks.yaml names them)."""


def init_app(app: Flask) -> None:
    """Set the training defaults and load the curriculum."""
    project = Path(app.root_path).parent
    app.config.setdefault("CURRICULUM_DIR", str(project / "curriculum"))
    app.config.setdefault("RULES_DIR", str(project / "rules"))
    app.config.setdefault("TRAINING_PASS_MARK", DEFAULT_PASS_MARK)
    app.config.setdefault("QUIZ_COOLDOWN_HOURS", DEFAULT_COOLDOWN_HOURS)
    app.config.setdefault("PLACEMENT_RETAKE_DAYS", DEFAULT_PLACEMENT_RETAKE_DAYS)
    curriculum, problems = read_curriculum(
        Path(app.config["CURRICULUM_DIR"]),
        Path(app.config["RULES_DIR"]),
        app.config["TRAINING_PASS_MARK"],
        ROLE_NAMES,
    )
    blocking = [problem for problem in problems if problem.blocking]
    if blocking:
        raise CurriculumError(blocking)
    for problem in problems:
        app.logger.warning("curriculum below the assessment standards: %s", problem)
    app.extensions["curriculum"] = curriculum
