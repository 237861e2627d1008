"""Fixtures for training: the real curriculum, a copy of the content to break, and trainees."""

import shutil
from pathlib import Path

import pytest

from app.accounts.models import Role
from app.training import services
from app.training.content import Curriculum, Module
from app.training.curriculum import load_curriculum

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def curriculum() -> Curriculum:
    """The curriculum in the repository."""
    return load_curriculum(ROOT / "curriculum", ROOT / "rules")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of curriculum/ and rules/ in a temporary folder, to break."""
    shutil.copytree(ROOT / "curriculum", tmp_path / "curriculum")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of text in a file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {path} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def right_answers(module: Module) -> dict[str, str]:
    """The quiz form data that answers every question right."""
    return {f"q{n}": str(q.answer) for n, q in enumerate(module.quiz, start=1)}


def wrong_choice(question) -> int:
    """An option that is not the answer."""
    return (question.answer + 1) % len(question.options)


def pass_modules(user, curriculum: Curriculum, *module_ids: str) -> None:
    """Pass these modules' quizzes, through the service the quiz page uses."""
    for module_id in module_ids:
        module = curriculum.module(module_id)
        services.record_attempt(user, module, [q.answer for q in module.quiz], 80, curriculum)


def pass_stages(user, curriculum: Curriculum, *stages: int) -> None:
    """Pass every module of these stages."""
    for stage in stages:
        pass_modules(user, curriculum, *curriculum.stage(stage).module_ids)


@pytest.fixture
def trainee(make_user):
    """A person with an account and no organisation."""
    return make_user(Role.MEMBER, name="Tara Trainee")


@pytest.fixture
def trainee_client(client, trainee, sign_in):
    """The client, signed in as the trainee."""
    return sign_in(trainee)
