"""The `flask curriculum check` command: validate the curriculum content."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from . import ROLE_NAMES
from .curriculum import read_curriculum

curriculum_cli = AppGroup("curriculum", help="Work with the training curriculum.")

FOLDER = click.Path(exists=True, file_okay=False, path_type=Path)


@curriculum_cli.command("check")
@click.option("--curriculum", "curriculum_dir", type=FOLDER, help="Check this folder instead.")
@click.option("--rules", "rules_dir", type=FOLDER, help="Read module references from here.")
def check_command(curriculum_dir: Path | None, rules_dir: Path | None) -> None:
    """Validate the modules, the model and its portfolio rubrics, the tracks, the placement
    questions and the rules' module ids, and hold every question bank to the size and balance
    standards at the pass mark."""
    root = curriculum_dir or Path(current_app.config["CURRICULUM_DIR"])
    rules = rules_dir or Path(current_app.config["RULES_DIR"])
    curriculum, problems = read_curriculum(
        root, rules, current_app.config["TRAINING_PASS_MARK"], ROLE_NAMES
    )
    if problems:
        for problem in problems:
            click.echo(str(problem), err=True)
        raise click.ClickException(f"{len(problems)} problem(s) in {root}")
    questions = sum(len(module.quiz) for module in curriculum.modules.values())
    placement = sum(len(items) for items in curriculum.placement.values())
    click.echo(
        f"The curriculum is valid: {len(curriculum.modules)} modules in "
        f"{len(curriculum.stages)} stages, {len(curriculum.tracks)} tracks, {questions} "
        f"questions in the quiz banks, {placement} placement questions."
    )
