"""Using the site with the keyboard alone: moving the focus by name and following it.

`tab_to` presses Tab until the element with the focus has the accessible name wanted, as a
screen reader would announce it (from ``aria-labelledby``, ``aria-label``, its label, or its
text, visually hidden text included). `activate` presses Enter on it after checking that a
sighted keyboard user can see where they are: the element is on screen, not covered, and
shows a focus indicator (the GOV.UK yellow, an outline or a box shadow).
"""

import re

from playwright.sync_api import Page

MOST_PRESSES = 100
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const squash = (text) => (text || '').replace(/\\s+/g, ' ').trim();
  const byIds = (ids) => ids.split(/\\s+/)
    .map((id) => document.getElementById(id)).filter(Boolean).map((n) => n.innerText).join(' ');
  let name = '';
  if (el.getAttribute('aria-labelledby')) name = byIds(el.getAttribute('aria-labelledby'));
  if (!squash(name)) name = el.getAttribute('aria-label') || '';
  if (!squash(name) && el.labels && el.labels.length) name = el.labels[0].innerText;
  if (!squash(name)) name = el.innerText || el.value || el.title || '';
  const tag = el.tagName.toLowerCase();
  const roles = {a: 'link', button: 'button', select: 'combobox', textarea: 'textbox'};
  const inputs = {radio: 'radio', checkbox: 'checkbox', submit: 'button', button: 'button'};
  const role = el.getAttribute('role')
    || (tag === 'input' ? inputs[el.type] || 'textbox' : roles[tag] || tag);
  return {name: squash(name), role};
}"""
FOCUS_SHOWN = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
    && box.top < window.innerHeight && box.left < window.innerWidth
    && getComputedStyle(el).visibility !== 'hidden';
  const x = Math.min(Math.max(box.left + box.width / 2, 0), window.innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), window.innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const uncovered = !!hit && (el === hit || el.contains(hit) || hit.contains(el));
  // A GOV.UK radio or checkbox shows its focus on the label's box, drawn before the label.
  const drawn = ['radio', 'checkbox'].includes(el.type) && el.nextElementSibling
    ? getComputedStyle(el.nextElementSibling, '::before') : getComputedStyle(el);
  const clear = (colour) => colour === 'transparent' || /rgba\\(.*,\\s*0\\)$/.test(colour);
  const outline = drawn.outlineStyle !== 'none' && parseFloat(drawn.outlineWidth) > 0
    && !clear(drawn.outlineColor);
  const shadow = drawn.boxShadow !== 'none';
  const yellow = drawn.backgroundColor === 'rgb(255, 221, 0)';
  return {onScreen, uncovered, indicator: outline || shadow || yellow,
          what: `${el.tagName.toLowerCase()} "${(el.innerText || el.value || '').trim()}"`};
}"""


def focused(page: Page) -> dict | None:
    """The role and accessible name of the element with the focus, or None if nothing has it."""
    return page.evaluate(FOCUSED)


def tab_to(
    page: Page, name: str | re.Pattern, role: str | None = None, backwards: bool = False
) -> None:
    """Press Tab (or Shift+Tab) until the focus is on the element with this name (and role)."""
    seen = []
    for _ in range(MOST_PRESSES):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        now = focused(page)
        if now is None:
            continue
        seen.append(f"{now['role']} {now['name'][:40]!r}")
        named = name.search(now["name"]) if isinstance(name, re.Pattern) else now["name"] == name
        if named and role in (None, now["role"]):
            return
    raise AssertionError(
        f"{MOST_PRESSES} presses of Tab never reached {role or ''} {name!r}: {seen}"
    )


def assert_focus_shown(page: Page) -> None:
    """The focused element is on screen, uncovered and shows that it has the focus."""
    shown = page.evaluate(FOCUS_SHOWN)
    assert shown["onScreen"], f"{shown['what']} has the focus but is off screen"
    assert shown["uncovered"], f"{shown['what']} has the focus but something covers it"
    assert shown["indicator"], f"{shown['what']} has the focus but shows no focus indicator"


def activate(page: Page) -> None:
    """Press Enter on the focused link or button, once its focus is seen, and wait for the page."""
    assert_focus_shown(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def type_into(page: Page, name: str | re.Pattern, text: str) -> None:
    """Tab to a text field by its label and type into it."""
    tab_to(page, name, "textbox")
    page.keyboard.type(text)
