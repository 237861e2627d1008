"""Writing a submission in a browser with JavaScript turned off.

GOV.UK Frontend only enhances the pages, so a member whose browser runs no scripts signs in,
starts a proposal, answers a section with radio buttons, is told about a mistake without
losing their answers, marks the section complete and sees the task list change.
"""

from playwright.sync_api import expect

TITLE = "Library home delivery for housebound readers"
SECTION = "Contract and appraisal"


def test_a_section_is_completed_without_javascript(visitor, audit):
    """Sign in, start a proposal, complete a section with radios: all without scripts."""
    member = visitor("library member", javascript=False)
    member.sign_in("library@demo.example.org", "demo-pass-2026")
    member.follow("Submissions")
    member.follow("Start a new submission")
    member.choose(
        "What do you want to do?",
        "Propose a service that is missing or fragmented (right to propose)",
    )
    member.select("Public body the submission goes to", "Wessex County Council")
    member.fill("Title", TITLE)
    member.press("Start", screenshot="no-js-task-list")
    expect(member.heading()).to_have_text(TITLE)
    expect(member.task_status(SECTION)).not_to_have_text("Completed")

    member.follow(SECTION)
    # The character count's live message is written by script: without it, the hint stays.
    expect(member.page.get_by_text("characters remaining")).to_have_count(0)
    member.fill("Proposed annual cost of the contract, in pounds", "48,500")
    member.fill("Contract length in years", "30")
    member.choose("Your rating of the risk", "Low")
    member.choose("Are benefits discounted from the first year?", "Yes")
    member.choose("Have you completed this section?", "Yes, I have completed this section")
    member.press("Save and continue", screenshot="no-js-section-error")
    expect(member.error_summary()).to_contain_text("Contract length in years")
    years = member.page.get_by_label("Contract length in years", exact=True)
    expect(years).to_have_value("30")
    cost = member.page.get_by_label("Proposed annual cost of the contract, in pounds", exact=True)
    expect(cost).to_have_value("48,500")
    expect(member.page.get_by_label("Low", exact=True)).to_be_checked()

    years.fill("3")
    member.choose("Have you completed this section?", "Yes, I have completed this section")
    member.press("Save and continue")
    expect(member.task_status(SECTION)).to_have_text("Completed")
    expect(member.page.get_by_text("You have completed 1 of")).to_be_visible()

    member.follow(SECTION)
    expect(member.page.get_by_label("Low", exact=True)).to_be_checked()
    expect(member.page.get_by_label("Contract length in years", exact=True)).to_have_value("3")
    audit.assert_clean()
