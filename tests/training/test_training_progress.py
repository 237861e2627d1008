"""Stage gating and a person's stage, from the modules passed and the placement."""

from dataclasses import replace

from app.training.content import Curriculum
from app.training.progress import IN_PROGRESS, LOCKED, NOT_STARTED, PASSED, PLACED, progress

STAGE_1 = ("M1.1", "M1.2", "M1.3")
STAGE_2 = ("M2.1", "M2.2", "M2.3", "M2.4")


def test_a_new_person_can_take_only_stage_one_quizzes(curriculum):
    state = progress(curriculum, passed=())
    assert state.level == 0
    assert [stage.open for stage in state.stages] == [True, False, False, False, False]
    assert state.quiz_open("M1.2")
    assert not state.quiz_open("M2.1")
    assert state.module_state("M2.1").state == LOCKED
    assert state.next_module.id == "M1.1"


def test_stage_two_opens_only_when_every_stage_one_module_is_passed(curriculum):
    partly = progress(curriculum, passed=STAGE_1[:2])
    assert not partly.quiz_open("M2.1")
    assert partly.stage_of(1).passed_count == 2 and not partly.stage_of(1).passed
    passed = progress(curriculum, passed=STAGE_1)
    assert passed.stage_of(1).passed
    assert passed.quiz_open("M2.1")
    assert not passed.quiz_open("M3.1")
    assert passed.level == 1
    assert passed.working_towards.stage.number == 2


def test_placement_opens_the_stage_placed_at_and_covers_the_stages_below(curriculum):
    state = progress(curriculum, passed=(), placement_stage=3)
    assert state.level == 2
    assert state.quiz_open("M3.1") and state.quiz_open("M1.1")
    assert not state.quiz_open("M4.1")
    assert state.module_state("M1.1").state == PLACED
    assert state.module_state("M3.1").state == NOT_STARTED
    assert not state.stage_of(1).passed and state.stage_of(1).done
    assert not state.stage_of(3).done
    assert state.passed_ids == frozenset()


def test_placement_at_the_first_stage_opens_nothing_more(curriculum):
    placed = progress(curriculum, passed=(), placement_stage=1)
    assert placed.stages == progress(curriculum, passed=()).stages
    assert placed.level == 0


def test_module_states_show_passed_attempted_and_not_started(curriculum):
    state = progress(curriculum, passed=("M1.1",), attempted=("M1.2",))
    assert state.module_state("M1.1").state == PASSED
    assert state.module_state("M1.2").state == IN_PROGRESS
    assert state.module_state("M1.3").state == NOT_STARTED
    assert state.module_state("M1.2").label == "Not passed yet"


def test_the_next_module_is_the_first_in_order_of_the_stage_not_done(curriculum):
    assert progress(curriculum, passed=STAGE_1).next_module.id == "M2.1"
    assert progress(curriculum, passed=STAGE_1 + ("M2.1",)).next_module.id == "M2.2"
    assert progress(curriculum, passed=(), placement_stage=4).next_module.id == "M4.1"


def test_the_next_module_waits_for_its_prerequisites(curriculum):
    modules = dict(curriculum.modules)
    modules["M2.1"] = replace(modules["M2.1"], prerequisites=("M2.2",))
    modules["M2.2"] = replace(modules["M2.2"], prerequisites=())
    edited = Curriculum(curriculum.stages, modules, curriculum.placement)
    assert progress(edited, passed=STAGE_1).next_module.id == "M2.2"


def test_the_stage_is_the_highest_with_every_stage_below_done(curriculum):
    state = progress(curriculum, passed=STAGE_1 + STAGE_2, placement_stage=0)
    assert state.level == 2
    assert state.current.stage.name == "Informed"
    everything = [module.id for module in curriculum.ordered_modules()]
    finished = progress(curriculum, passed=everything)
    assert finished.level == 5
    assert finished.working_towards is None and finished.next_module is None


def test_passes_of_modules_no_longer_in_the_curriculum_are_ignored(curriculum):
    state = progress(curriculum, passed=("M1.1", "M1.9"))
    assert state.passed_ids == {"M1.1"}
