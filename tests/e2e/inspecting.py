"""What a page shows that axe-core does not judge: its width, clipped content and its tables.

Each check runs in the page and returns a list of readable problems, empty when there is
none. A page is too wide when the document scrolls sideways; a table region meant to scroll
(``overflow-x: auto`` or ``scroll``) holds its overflow, so it passes. Content is clipped
when a box with ``overflow: hidden`` (or ``clip``) is smaller than what it holds, except for
the one-pixel boxes that hide text for screen readers only.
"""

from playwright.sync_api import Page

# Shared by the checks: a short description of an element, for the report.
DESCRIBE = """
const describe = (el) => {
  let name = el.tagName.toLowerCase();
  if (el.id) name += '#' + el.id;
  const classes = [...el.classList].slice(0, 2);
  if (classes.length) name += '.' + classes.join('.');
  const text = (el.innerText || el.value || el.getAttribute('aria-label') || '')
    .replace(/\\s+/g, ' ').trim().slice(0, 40);
  return text ? `${name} "${text}"` : name;
};
const rendered = (el) => {
  const style = getComputedStyle(el);
  return el.getClientRects().length > 0 && style.visibility !== 'hidden';
};
"""

TOO_WIDE = (
    "() => {"
    + DESCRIBE
    + """
  const width = window.innerWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth <= width) return [];
  const holds = (el) => ['auto', 'scroll', 'hidden', 'clip'].includes(
    getComputedStyle(el).overflowX);
  const culprits = [];
  // Positioned boxes placed outside a scroll region, which its scrolling does not hold.
  const escapees = (region) => {
    for (const el of region.querySelectorAll('*')) {
      if (!['absolute', 'fixed'].includes(getComputedStyle(el).position)) continue;
      let held = false;
      for (let up = el.parentElement; up && !held; up = up.parentElement) {
        held = getComputedStyle(up).position !== 'static';
        if (up === region) break;
      }
      const right = el.getBoundingClientRect().right + window.scrollX;
      if (!held && right > width + 1) {
        culprits.push(`${describe(el)} is positioned outside its scroll region `
          + `${describe(region)}, at ${Math.round(right)}px`);
      }
    }
  };
  // The outermost boxes that stick out, and boxes whose text spills out of them.
  const walk = (el) => {
    for (const child of el.children) {
      if (!rendered(child)) continue;
      const box = child.getBoundingClientRect();
      const right = box.right + window.scrollX;
      const spill = box.left + window.scrollX + child.scrollWidth;
      if (right > width + 1) {
        culprits.push(`${describe(child)} reaches ${Math.round(right)}px`);
      } else if (holds(child)) {
        escapees(child);
      } else {
        const before = culprits.length;
        walk(child);
        const textSpills = spill > width + 1 && child.scrollWidth > child.clientWidth + 1;
        if (textSpills && culprits.length === before) {
          culprits.push(`${describe(child)} has text reaching ${Math.round(spill)}px`);
        }
      }
    }
  };
  walk(document.body);
  return [`page is ${scrollWidth}px wide in a ${width}px window: `
    + (culprits.slice(0, 4).join('; ') || 'no single element sticks out')];
}"""
)

CLIPPED = (
    "() => {"
    + DESCRIBE
    + """
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    const hidesX = ['hidden', 'clip'].includes(style.overflowX);
    const hidesY = ['hidden', 'clip'].includes(style.overflowY);
    if (!(hidesX || hidesY) || !rendered(el)) continue;
    if (el.matches('input, textarea, select')) continue;  // a long answer scrolls in its field
    if (el.clientWidth <= 1 || el.clientHeight <= 1) continue;  // visually hidden text
    if (style.textOverflow === 'ellipsis') continue;  // shortened on purpose, with a title
    const wide = hidesX && el.scrollWidth > el.clientWidth + 1;
    const tall = hidesY && el.scrollHeight > el.clientHeight + 1;
    if (wide || tall) {
      const how = wide ? `${el.scrollWidth}px of content in ${el.clientWidth}px`
                       : `${el.scrollHeight}px of content in ${el.clientHeight}px high`;
      found.push(`${describe(el)} cuts off its content (${how})`);
    }
  }
  return found.slice(0, 5);
}"""
)

TABLES = (
    "(abbreviations) => {"
    + DESCRIBE
    + """
  const found = [];
  document.querySelectorAll('table').forEach((table, index) => {
    // textContent, not innerText: a table in a closed <details> is checked all the same.
    const caption = table.querySelector(':scope > caption');
    const captionText = caption ? caption.textContent.replace(/\\s+/g, ' ').trim() : '';
    const named = captionText
      || table.getAttribute('aria-label') || table.getAttribute('aria-labelledby');
    const label = captionText.slice(0, 40) || (table.id ? '#' + table.id : `table ${index + 1}`);
    if (!named) found.push(`${describe(table)} has no caption, aria-label or aria-labelledby`);
    table.querySelectorAll('th').forEach((th) => {
      if (!th.hasAttribute('scope') && !th.closest('thead')) {
        found.push(`in "${label}", header ${describe(th)} has no scope`);
      }
      const expanded = new Set([...th.querySelectorAll('abbr[title]')]
        .filter((abbr) => abbr.title.trim()).map((abbr) => abbr.textContent.trim()));
      const words = (th.textContent.match(/[A-Za-z]+/g) || []);
      const context = (th.textContent + ' ' + captionText).toLowerCase();
      for (const [short, long] of Object.entries(abbreviations)) {
        if (words.includes(short) && !expanded.has(short) && !context.includes(long)) {
          found.push(`in "${label}", header ${describe(th)} uses ${short} without `
            + `<abbr title> or "${long}" spelled out`);
        }
      }
    });
  });
  return found;
}"""
)

# Abbreviations a table header must expand (in <abbr title> or words) for readers who
# do not already know the value account's vocabulary.
ABBREVIATIONS = {
    "DW": "deadweight",
    "AT": "attribution",
    "DO": "drop-off",
    "PV": "present value",
    "NPV": "net present value",
    "SROI": "social return on investment",
}


def too_wide(page: Page) -> list[str]:
    """The page is wider than the window: what sticks out, or nothing."""
    return page.evaluate(TOO_WIDE)


def clipped(page: Page) -> list[str]:
    """Boxes that hide part of what they hold."""
    return page.evaluate(CLIPPED)


def table_problems(page: Page) -> list[str]:
    """Tables without a name, headers without a scope, unexpanded abbreviations in headers."""
    return page.evaluate(TABLES, ABBREVIATIONS)
