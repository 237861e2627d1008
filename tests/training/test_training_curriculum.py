"""The curriculum check: the real content passes; broken content is named by file and problem."""

from pathlib import Path

import pytest

from app import create_app
from app.training.curriculum import CurriculumError, check_curriculum

from .conftest import ROOT, edit


def problems_in(content: Path) -> list[str]:
    return [str(p) for p in check_curriculum(content / "curriculum", content / "rules")]


def module_file(content: Path, module_id: str) -> Path:
    return content / "curriculum" / "modules" / f"{module_id}.md"


def test_the_curriculum_in_the_repository_has_no_problems():
    assert check_curriculum(ROOT / "curriculum", ROOT / "rules") == []


def test_the_curriculum_has_every_stage_and_module_of_the_model(curriculum):
    assert [stage.number for stage in curriculum.stages] == [1, 2, 3, 4, 5]
    assert len(curriculum.modules) == 19
    assert all(len(module.quiz) >= 5 for module in curriculum.modules.values())
    assert all(curriculum.placement[stage.number] for stage in curriculum.stages)


def test_a_repeated_module_id_names_both_files(content):
    path = module_file(content, "M1.2")
    edit(path, "id: M1.2", "id: M1.1")
    path.rename(path.with_name("M1.1-copy.md"))
    problems = problems_in(content)
    assert (
        "curriculum/modules/M1.1.md: module id M1.1 is also used by curriculum/modules/M1.1-copy.md"
        in problems
    )
    assert (
        "curriculum/modules/M1.1-copy.md: the file must be named M1.1.md, after its id" in problems
    )


def test_a_stage_without_modules_is_reported(content):
    for module_id in ("M5.1", "M5.2", "M5.3", "M5.4"):
        module_file(content, module_id).unlink()
    problems = problems_in(content)
    assert "curriculum/model.yaml: stage 5 (Leading) has no modules" in problems
    assert "curriculum/model.yaml: module M5.1 has no file (modules/M5.1.md)" in problems


def test_a_quiz_answer_that_is_not_an_option_is_reported(content):
    path = module_file(content, "M1.1")
    edit(
        path,
        '    answer: 2\n    explanation: "Workshops run',
        '    answer: 4\n    explanation: "Workshops run',
    )
    assert (
        "curriculum/modules/M1.1.md: quiz question 2: answer 4 is not one of the 4 options "
        "(numbered from 0 to 3)" in problems_in(content)
    )


def test_a_quiz_with_fewer_than_five_questions_is_reported(content, curriculum):
    path = module_file(content, "M2.1")
    text = path.read_text(encoding="utf-8")
    header, body = text.split("\n---\n", 1)
    questions = header.split("\n  - question:")
    path.write_text("\n  - question:".join(questions[:5]) + "\n---\n" + body, encoding="utf-8")
    assert len(curriculum.module("M2.1").quiz) > 4
    assert (
        "curriculum/modules/M2.1.md: the quiz has 4 questions; it needs at least 5"
        in problems_in(content)
    )


def test_a_rule_naming_a_module_that_does_not_exist_is_reported_on_the_rule_file(content):
    edit(
        content / "rules" / "vfm.yaml",
        "  modules: [M1.2]\n  path: /vfm\n",
        "  modules: [M1.2, M9.9]\n  path: /vfm\n",
    )
    assert (
        "rules/vfm.yaml: rule vfm.four-es-not-argued names module M9.9, which does not exist"
        in problems_in(content)
    )


def test_a_module_no_rule_names_must_say_why(content):
    for path in (content / "rules").glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("M5.4", "M5.3"), encoding="utf-8")
    problems = problems_in(content)
    assert any(
        p.startswith("curriculum/modules/M5.4.md: no rule names module M5.4")
        and "unreferenced_because" in p
        for p in problems
    )
    edit(
        module_file(content, "M5.4"),
        "\nstage: 5\n",
        '\nstage: 5\nunreferenced_because: "No check tests the equality duty yet."\n',
    )
    assert problems_in(content) == []


def test_a_title_that_differs_from_the_model_is_reported(content):
    edit(
        module_file(content, "M1.3"),
        'title: "The rights to challenge and to propose',
        'title: "The right to challenge and to propose',
    )
    problems = problems_in(content)
    assert any(p.startswith("curriculum/modules/M1.3.md: the title differs from") for p in problems)


def test_a_module_missing_from_the_model_is_reported(content):
    path = module_file(content, "M4.4")
    edit(path, "id: M4.4", "id: M4.5")
    path.rename(path.with_name("M4.5.md"))
    problems = problems_in(content)
    assert "curriculum/modules/M4.5.md: module M4.5 is not in curriculum/model.yaml" in problems
    assert "curriculum/model.yaml: module M4.4 has no file (modules/M4.4.md)" in problems


def test_an_unknown_prerequisite_is_reported(content):
    edit(module_file(content, "M2.2"), "prerequisites: [M2.1]", "prerequisites: [M2.1, M2.9]")
    assert "curriculum/modules/M2.2.md: prerequisite M2.9 does not exist" in problems_in(content)


def test_a_body_under_six_hundred_words_is_reported(content):
    path = module_file(content, "M3.4")
    header = path.read_text(encoding="utf-8").split("\n---\n", 1)[0]
    path.write_text(header + "\n---\n## Short\n\nOnly a few words here.\n", encoding="utf-8")
    assert "curriculum/modules/M3.4.md: the body has 6 words; it needs at least 600" in problems_in(
        content
    )


def test_a_file_without_a_header_or_with_bad_yaml_is_reported(content):
    module_file(content, "M1.2").write_text("## No header\n", encoding="utf-8")
    edit(module_file(content, "M1.3"), "\nstage: 1\n", "\nstage: [1\n")
    problems = problems_in(content)
    assert (
        "curriculum/modules/M1.2.md: no header: the file must start with a '---' line" in problems
    )
    assert any(
        p.startswith("curriculum/modules/M1.3.md: the header is not valid YAML") for p in problems
    )


def test_a_missing_header_field_is_reported(content):
    edit(module_file(content, "M2.3"), "\nminutes: ", "\nduration: ")
    problems = problems_in(content)
    assert "curriculum/modules/M2.3.md: missing header field 'minutes'" in problems
    assert "curriculum/modules/M2.3.md: unknown header field 'duration'" in problems


def test_placement_problems_name_the_placement_file(content):
    path = content / "curriculum" / "placement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - stage: 5\n", "  - stage: 6\n"), encoding="utf-8")
    problems = problems_in(content)
    assert "curriculum/placement.yaml: stage 5 has no questions" in problems
    assert "curriculum/placement.yaml: stage 6 is not in the model" in problems


def test_the_check_command_reports_a_valid_curriculum(runner):
    result = runner.invoke(args=["curriculum", "check"])
    assert result.exit_code == 0, result.output
    assert "The curriculum is valid: 19 modules in 5 stages" in result.output


def test_the_check_command_lists_each_problem_and_fails(runner, content):
    edit(module_file(content, "M2.2"), "prerequisites: [M2.1]", "prerequisites: [M7.1]")
    module_file(content, "M1.2").write_text("no header\n", encoding="utf-8")
    result = runner.invoke(
        args=[
            "curriculum",
            "check",
            "--curriculum",
            str(content / "curriculum"),
            "--rules",
            str(content / "rules"),
        ]
    )
    assert result.exit_code == 1
    assert "curriculum/modules/M2.2.md: prerequisite M7.1 does not exist" in result.output
    assert "curriculum/modules/M1.2.md: no header" in result.output
    assert "problem(s) in" in result.output


def test_an_invalid_curriculum_stops_start_up_naming_the_file_and_reason(content):
    edit(module_file(content, "M2.2"), "prerequisites: [M2.1]", "prerequisites: [M7.1]")
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "SQLALCHEMY_DATABASE_URI": "sqlite://",
        "CURRICULUM_DIR": str(content / "curriculum"),
    }
    with pytest.raises(CurriculumError) as raised:
        create_app(config)
    assert "curriculum/modules/M2.2.md: prerequisite M7.1 does not exist" in str(raised.value)
