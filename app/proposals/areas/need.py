"""The evidence the case rests on, the need, and the options appraised (no Flask)."""

from ..questions import Page, Section, ask

EVIDENCE_KINDS = (
    ("published_study", "A published study"),
    ("own_monitoring", "Your own monitoring data"),
    ("stakeholder_survey", "A survey of stakeholders"),
    ("anecdote", "Anecdote: stories from people who use the service"),
)
OPTION_KINDS = (
    ("status_quo", "The status quo: things carry on as they are"),
    ("do_minimum", "Do the minimum"),
    ("proposal", "Your proposal"),
    ("other", "Another option"),
)
CITE_HINT = "Add evidence items first to choose them here."

EVIDENCE = Section(
    "evidence",
    "Evidence",
    pages=(
        Page(
            "",
            "",
            (
                ask(
                    "claim",
                    "claim",
                    "text",
                    "What the evidence shows, in a sentence",
                    "For example: Young carers miss more school than their classmates.",
                ),
                ask(
                    "figure",
                    "figure",
                    "text",
                    "The figure the claim rests on",
                    "For example: 38% of 212 young carers surveyed.",
                ),
                ask(
                    "kind",
                    "kind",
                    "choice",
                    "What kind of evidence is it?",
                    choices=EVIDENCE_KINDS,
                ),
                ask(
                    "sample_size",
                    "sample_size",
                    "whole",
                    "How many people or cases it covers",
                    "Leave blank if the source does not say.",
                ),
            ),
        ),
        Page(
            "source",
            "Where the evidence comes from",
            (
                ask("source_title", "source.title", "text", "Title of the source"),
                ask("source_publisher", "source.publisher", "text", "Who published it"),
                ask("source_year", "source.year", "whole", "Year it was published"),
                ask(
                    "source_url",
                    "source.url",
                    "link",
                    "Link to it",
                    "A web address starting with https:// or http://.",
                    example="https://www.example.org/report",
                ),
            ),
        ),
    ),
    list_path=("evidence",),
    item_name="evidence item",
    id_from="claim",
    intro="Add each piece of evidence once, then cite it where your case relies on it: the "
    "need, each outcome and payment by results.",
)

NEED = Section(
    "need",
    "Need and objectives",
    (
        ask("evidence", "need.evidence", "longtext", "Evidence of need"),
        ask(
            "evidence_ids",
            "need.evidence_ids",
            "evidence",
            "Evidence items that show the need",
            CITE_HINT,
        ),
        ask("objectives", "need.objectives", "lines", "Objectives", "One per line."),
        ask(
            "objectives_set_with",
            "need.objectives_set_with",
            "stakeholders",
            "Who helped set the objectives",
            "Add stakeholders first to choose them here.",
        ),
    ),
)

OPTIONS = Section(
    "options",
    "Options appraised",
    pages=(
        Page(
            "",
            "",
            (
                ask("name", "name", "text", "Option name", "For example: Do the minimum."),
                ask(
                    "kind",
                    "kind",
                    "choice",
                    "What kind of option is it?",
                    "For a challenge, the [[status quo|counterfactual]] is today's service: your "
                    "case is judged on the difference your proposal makes over it.",
                    choices=OPTION_KINDS,
                ),
                ask("description", "description", "longtext", "Description"),
                ask("chosen", "chosen", "yesno", "Is this the option you propose?"),
            ),
        ),
        Page(
            "values",
            "The option's costs and value",
            (
                ask(
                    "annual_cost",
                    "annual_cost",
                    "money",
                    "What the option costs each year, in pounds",
                ),
                ask(
                    "value_estimate",
                    "value_estimate",
                    "amount",
                    "The present value the option creates, in pounds",
                    "Write a minus sign before a value the option destroys.",
                ),
                ask(
                    "quantities",
                    "quantities",
                    "quantities",
                    "How many would experience each outcome under this option",
                    "Each outcome is valued with its own [[proxy|financial-proxy]], duration, "
                    "[[deadweight]], [[attribution]], [[displacement]] and [[drop-off]], at the "
                    "number you give here.",
                ),
            ),
        ),
    ),
    list_path=("need", "options"),
    item_name="option",
    id_from="name",
    intro="Appraise every realistic option, including doing the minimum.",
)
