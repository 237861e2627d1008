"""Module bodies: Markdown rendered with GOV.UK classes, raw HTML and unsafe links defused."""

from app.training.markup import render_markdown, safe_url


def test_raw_html_blocks_and_tags_are_shown_as_text():
    html = render_markdown(
        'Before <script>alert(1)</script> after.\n\n<div onclick="steal()">block</div>\n\n'
        "<script>\nalert(2)\n</script>\n\n<img src=x onerror=alert(3)>\n"
    )
    assert "<script" not in html
    assert "<div" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;div onclick=" in html


def test_links_with_unsafe_schemes_lose_their_target():
    html = render_markdown(
        "[one](javascript:alert(1)) [two](JaVaScRiPt:alert(2)) [three](java\tscript:x) "
        "[four](data:text/html;base64,PHNjcmlwdD4=) [safe](https://www.gov.uk/) [here](#quiz)"
    )
    assert "javascript" not in html.lower()
    assert "data:" not in html
    assert 'href="https://www.gov.uk/"' in html
    assert 'href="#quiz"' in html


def test_safe_url_allows_only_relative_http_https_and_mailto():
    assert safe_url("/training/")
    assert safe_url("https://example.org/a")
    assert safe_url("mailto:someone@example.org")
    assert not safe_url("javascript:alert(1)")
    assert not safe_url(" javascript:alert(1)")
    assert not safe_url("vbscript:msgbox")


def test_headings_lists_and_tables_get_govuk_classes_and_no_inline_style():
    html = render_markdown(
        "## Worked example\n\nText with **bold**.\n\n- one\n- two\n\n1. first\n2. second\n\n"
        "| Change | People |\n|:--|--:|\n| Less lonely | 70 |\n"
    )
    assert '<h2 class="govuk-heading-m">Worked example</h2>' in html
    assert '<p class="govuk-body">Text with <strong>bold</strong>.</p>' in html
    assert '<ul class="govuk-list govuk-list--bullet">' in html
    assert '<ol class="govuk-list govuk-list--number">' in html
    assert '<table class="govuk-table">' in html
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">70</td>' in html
    assert "style=" not in html


def test_every_module_body_renders_without_raw_html(curriculum):
    for module in curriculum.modules.values():
        html = render_markdown(module.body)
        assert "<script" not in html and "style=" not in html, module.id
        assert "govuk-heading-m" in html, module.id


def test_links_hiding_a_script_scheme_behind_entities_or_escapes_lose_their_target():
    html = render_markdown(
        "[a](JaVa&#115;cript:alert(1)) [b](&#106;avascript:alert(2)) "
        "[c](javascript&#58;alert(3)) [d](&#x6A;avascript:alert(4)) [e](<javascript:alert(5)>) "
        "[f](vbscript:msgbox) ![g](javascript:alert(6)) [h](javascript%3Aalert(7))"
    )
    assert "href=" not in html and "src=" not in html
    assert "javascript:" not in html.lower().replace("&#115;", "s")


def test_right_aligned_table_columns_are_numeric_cells():
    html = render_markdown("| Change | People |\n|:--|--:|\n| Less lonely | 70 |\n")
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">70</td>' in html
    assert '<td class="govuk-table__cell">Less lonely</td>' in html


def test_tables_scroll_on_a_narrow_screen_and_headers_name_their_columns():
    html = render_markdown("| Change | People |\n|:--|--:|\n| Less lonely | 70 |\n")
    assert html.startswith('<div class="app-table-scroll" role="region" tabindex="0"')
    assert html.rstrip().endswith("</table>\n</div>")
    assert '<th class="govuk-table__header" scope="col">Change</th>' in html


def test_a_table_paragraph_before_a_table_becomes_its_caption_and_names_its_region():
    html = render_markdown(
        "Table: Main change *each* person reported\n\n"
        "| Change | People |\n|:--|--:|\n| Less lonely | 70 |\n\n"
        "Table: a paragraph with no table after it\n"
    )
    assert 'aria-label="Main change each person reported, scrolls sideways' in html
    assert (
        '<table class="govuk-table">\n<caption class="govuk-table__caption '
        'govuk-table__caption--s">Main change <em>each</em> person reported</caption>'
    ) in html
    assert '<p class="govuk-body">Table: Main' not in html
    assert '<p class="govuk-body">Table: a paragraph with no table after it</p>' in html


def test_every_module_table_has_a_caption(curriculum):
    for module in curriculum.modules.values():
        html = render_markdown(module.body)
        tables = html.count("<table ")
        captions = html.count('<table class="govuk-table">\n<caption ')
        missing = tables - captions
        assert not missing, f'{module.id}: {missing} table(s) need a "Table: ..." line before them'
