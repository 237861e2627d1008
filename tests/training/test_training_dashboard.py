"""The dashboard: the person's stage, progress per stage and what gets them to the next stage."""

from html import unescape

from .conftest import pass_modules, pass_stages


def dashboard(client) -> str:
    response = client.get("/training/")
    assert response.status_code == 200
    return unescape(response.get_data(as_text=True))


def test_a_new_trainee_starts_at_the_first_module(trainee_client):
    html = dashboard(trainee_client)
    assert 'id="your-stage">Not yet at stage 1<' in html
    assert 'id="working-towards">Stage 1: Aware (0 of 3 modules passed)<' in html
    assert 'id="next-module" href="/training/modules/M1.1"' in html
    assert "Take the placement self-assessment" in html


def test_progress_per_stage_and_the_modules_left_for_the_next_stage(
    trainee, trainee_client, curriculum
):
    pass_stages(trainee, curriculum, 1)
    pass_modules(trainee, curriculum, "M2.1")
    html = dashboard(trainee_client)
    assert 'id="your-stage">Stage 1: Aware<' in html
    assert 'id="working-towards">Stage 2: Informed (1 of 4 modules passed)<' in html
    assert 'id="next-module" href="/training/modules/M2.2"' in html
    to_next = html[html.index('id="to-next-stage"') :].split("</ul>")[0]
    assert "M2.2" in to_next and "M2.3" in to_next and "M2.4" in to_next
    assert "M2.1" not in to_next
    assert "3 of 3 modules passed." in html
    assert "1 of 4 modules passed." in html


def test_every_module_is_listed_with_its_state(trainee, trainee_client, curriculum):
    pass_modules(trainee, curriculum, "M1.1")
    html = dashboard(trainee_client)
    for module in curriculum.modules.values():
        assert f'href="/training/modules/{module.id}"' in html
    assert "Quiz not open yet" in html
    assert "Not started" in html


def test_the_dashboard_has_no_inline_styles_or_scripts(trainee_client):
    html = dashboard(trainee_client)
    assert "style=" not in html
    assert "<script>" not in html and "onclick" not in html
