"""The curriculum check: the real content passes; broken content is named by file and problem."""

from pathlib import Path

import pytest
import yaml

from app import create_app
from app.training.curriculum import CurriculumError, check_curriculum, load_curriculum

from .conftest import ROOT, edit


def problems_in(content: Path) -> list[str]:
    return [str(p) for p in check_curriculum(content / "curriculum", content / "rules")]


def module_file(content: Path, module_id: str) -> Path:
    return content / "curriculum" / "modules" / f"{module_id}.md"


def rewrite_quiz(path: Path, change) -> None:
    """Rewrite a module file's quiz through ``change(quiz)``, keeping the rest of the file."""
    text = path.read_text(encoding="utf-8")
    header, body = text.split("\n---\n", 1)
    fields = yaml.safe_load(header.removeprefix("---\n"))
    fields["quiz"] = change(fields["quiz"])
    dumped = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=1000)
    path.write_text(f"---\n{dumped}---\n{body}", encoding="utf-8")


REPOSITORY_PROBLEMS = check_curriculum(ROOT / "curriculum", ROOT / "rules")
MODULE_IDS = sorted(path.stem for path in (ROOT / "curriculum" / "modules").glob("M*.md"))


@pytest.mark.parametrize("module_id", MODULE_IDS)
def test_each_module_in_the_repository_has_no_problems(module_id):
    label = f"curriculum/modules/{module_id}.md"
    assert [str(p) for p in REPOSITORY_PROBLEMS if p.file == label] == []


@pytest.mark.parametrize("stage", [1, 2, 3, 4, 5])
def test_each_placement_stage_in_the_repository_has_no_problems(stage):
    found = [
        str(p)
        for p in REPOSITORY_PROBLEMS
        if p.file == "curriculum/placement.yaml" and p.message.startswith(f"stage {stage}")
    ]
    assert found == []


def test_the_rest_of_the_curriculum_in_the_repository_has_no_problems():
    rest = [
        str(p)
        for p in REPOSITORY_PROBLEMS
        if not p.file.startswith("curriculum/modules/")
        and not (p.file == "curriculum/placement.yaml" and p.message.startswith("stage "))
    ]
    assert rest == []


def test_the_curriculum_has_every_stage_and_module_of_the_model(curriculum):
    assert [stage.number for stage in curriculum.stages] == [1, 2, 3, 4, 5]
    assert len(curriculum.modules) == 20
    assert all(curriculum.placement[stage.number] for stage in curriculum.stages)


def test_a_repeated_module_id_names_both_files(content):
    path = module_file(content, "M1.2")
    edit(path, "\nid: M1.2\n", "\nid: M1.1\n")
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
    for module_id in ("M5.1", "M5.2", "M5.3", "M5.4", "M5.5"):
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


def test_a_bank_of_fewer_than_twelve_questions_fails_the_check_but_not_start_up(content):
    rewrite_quiz(module_file(content, "M2.1"), lambda quiz: quiz[:11])
    assert (
        "curriculum/modules/M2.1.md: the quiz has 11 questions; it needs at least 12"
        in problems_in(content)
    )
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "SQLALCHEMY_DATABASE_URI": "sqlite://",
        "CURRICULUM_DIR": str(content / "curriculum"),
    }
    started = create_app(config)
    assert len(started.extensions["curriculum"].module("M2.1").quiz) == 11


def test_a_bank_whose_right_answers_are_mostly_the_longest_is_reported(content):
    def lengthen(quiz):
        for entry in quiz[:5]:
            entry["options"][entry["answer"]] += " " + "and a great deal more besides" * 3
        return quiz

    rewrite_quiz(module_file(content, "M3.2"), lengthen)
    [problem] = [p for p in problems_in(content) if p.startswith("curriculum/modules/M3.2.md")]
    assert "the right answer is the longest option (or ties for it) in" in problem
    assert "M3.2-q01, M3.2-q02, M3.2-q03, M3.2-q04, M3.2-q05" in problem
    assert "so that always choosing the longest option cannot pass" in problem


def test_a_question_without_an_id_or_with_a_stray_id_is_reported(content):
    def renumber(quiz):
        del quiz[0]["id"]
        quiz[1]["id"] = "M2.2-question-two"
        quiz[2]["id"] = quiz[3]["id"]
        return quiz

    rewrite_quiz(module_file(content, "M2.2"), renumber)
    problems = problems_in(content)
    assert "curriculum/modules/M2.2.md: quiz question 1: needs an 'id' (a text)" in problems
    assert (
        "curriculum/modules/M2.2.md: question id 'M2.2-question-two' is not like M2.2-q07 "
        "(the module id, -q, a number)" in problems
    )
    assert "curriculum/modules/M2.2.md: question id 'M2.2-q04' is used more than once" in problems


def test_a_placement_stage_with_too_few_questions_is_reported(content):
    path = content / "curriculum" / "placement.yaml"
    placement = yaml.safe_load(path.read_text(encoding="utf-8"))
    placement["stages"][1]["questions"] = placement["stages"][1]["questions"][:2]
    path.write_text(yaml.safe_dump(placement, allow_unicode=True), encoding="utf-8")
    assert "curriculum/placement.yaml: stage 2 has 2 questions; it needs at least 5" in problems_in(
        content
    )
    assert len(load_curriculum(content / "curriculum", content / "rules").placement[2]) == 2


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
    relink(content, "vfm.yaml", "vfm.decommissioning-plan-missing", "[M5.1]")
    for rule_id in (
        "vfm.decommission-staff-transfer-not-planned",
        "vfm.decommission-care-continuity-not-planned",
    ):
        relink(content, "decommissioning.yaml", rule_id, "[M5.1]")
        edit(module_file(content, "M5.1"), "\ncloses:\n", f"\ncloses:\n  - {rule_id}\n")
    problems = problems_in(content)
    assert any(
        p.startswith("curriculum/modules/M5.5.md: no rule names module M5.5")
        and "unreferenced_because" in p
        for p in problems
    )
    edit(
        module_file(content, "M5.5"),
        "\nstage: 5\n",
        '\nstage: 5\nunreferenced_because: "No check asks for a transition plan yet."\n',
    )
    assert problems_in(content) == []


def relink(content: Path, file: str, rule_id: str, modules: str) -> None:
    """Give one rule of a rules file these modules (e.g. ``[M3.4, M4.2]``)."""
    path = content / "rules" / file
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"- id: {rule_id}")
    at = next(n for n in range(start, len(lines)) if lines[n].startswith("  modules: "))
    lines[at] = f"  modules: {modules}"
    path.write_text("\n".join(lines), encoding="utf-8")


def test_every_rule_links_only_modules_that_declare_they_close_its_finding():
    modules = load_curriculum(ROOT / "curriculum", ROOT / "rules").modules
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        if path.name == "parameters.yaml":
            continue
        for rule in yaml.safe_load(path.read_text(encoding="utf-8")):
            for module_id in rule["modules"]:
                assert rule["id"] in modules[module_id].closes, (rule["id"], module_id)


def test_a_rule_linked_to_a_module_that_does_not_teach_its_finding_fails_the_check(content):
    relink(
        content, "proportionality.yaml", "proportionality.contract-value-unknown", "[M3.4, M4.2]"
    )
    assert (
        "rules/proportionality.yaml: rule proportionality.contract-value-unknown names module "
        "M4.2, but curriculum/modules/M4.2.md does not say that it teaches how to close "
        "proportionality.contract-value-unknown: add proportionality.contract-value-unknown to "
        "the module's 'closes' once its text teaches it, or name a module that does"
    ) in problems_in(content)
    relink(content, "proportionality.yaml", "proportionality.contract-value-unknown", "[M3.4]")
    assert problems_in(content) == []


def test_the_check_command_fails_on_a_link_the_module_does_not_back(runner, content):
    relink(content, "vfm.yaml", "vfm.decommissioning-plan-missing", "[M4.2]")
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
    assert "rule vfm.decommissioning-plan-missing names module M4.2, but" in result.output
    assert "curriculum/modules/M4.2.md does not say that it teaches" in result.output


def test_a_casework_gap_linked_to_a_module_that_does_not_close_it_is_reported(content):
    edit(module_file(content, "M1.3"), "  - casework.deadline\n", "")
    assert any(
        p.startswith(
            "app/training/casework.py: the casework gap casework.deadline names module M1.3, "
            "but curriculum/modules/M1.3.md does not say"
        )
        for p in problems_in(content)
    )


def test_a_module_that_claims_to_close_a_finding_no_rule_has_is_reported(content):
    edit(module_file(content, "M3.4"), "closes:\n", "closes:\n  - proportionality.made-up\n")
    assert (
        "curriculum/modules/M3.4.md: 'closes' lists proportionality.made-up, which is neither "
        "a rule's id nor a casework gap"
    ) in problems_in(content)


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
    edit(path, "\nid: M4.4\n", "\nid: M4.5\n")
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
    assert "The curriculum is valid: 20 modules in 5 stages" in result.output
    assert "questions in the quiz banks" in result.output


def test_the_check_command_fails_on_a_bank_below_the_standards(runner, content):
    rewrite_quiz(module_file(content, "M1.2"), lambda quiz: quiz[:6])
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
    assert "curriculum/modules/M1.2.md: the quiz has 6 questions; it needs at least 12" in (
        result.output
    )


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
