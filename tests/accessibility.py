"""axe-core in headless Chromium, for the --html page (tests/test_html.py).

axe-core comes from npm into tests/axe/node_modules (``.ci/run`` runs ``npm ci`` there). A copy
of the page gets axe.min.js and a few lines that run it over the document for the WCAG 2.1 A
and AA rules and write the violations, as JSON, into an element appended after the run;
``chromium --headless --dump-dom`` prints the DOM once the scripts are done. The page itself
has no script: the copy's additions don't change what axe looks at.

Chromium is found as the product finds it (``mvi_xl.browser.find_browser``). Absent Chromium or
axe-core skips the tests, except under CI=true, where they must run.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import tempfile
from pathlib import Path

import pytest

from mvi_xl.browser import browser_command, find_browser
from mvi_xl.html_page import PRINTABLE_MM

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TIMEOUT = 120
RESULT_ID = "mvi-xl-axe-results"

_RUNNER = """
<script>
(function () {
  function done(text) {
    var out = document.createElement("pre");
    out.id = "%(id)s";
    out.textContent = text;
    document.documentElement.appendChild(out);
  }
  axe.run(document, {runOnly: {type: "tag", values: %(tags)s}, resultTypes: ["violations"]})
    .then(function (r) { done(JSON.stringify(r.violations)); })
    .catch(function (e) { done("ERROR " + e); });
})();
</script>
"""


def chromium() -> Path | None:
    """The browser, or None. Under CI=true its absence fails the test instead."""
    found = find_browser()
    if found is None and os.environ.get("CI") == "true":
        pytest.fail("Chromium is required when CI=true (apt-get install chromium)")
    return found


def axe_script() -> str | None:
    if AXE.is_file():
        return AXE.read_text(encoding="utf-8")
    if os.environ.get("CI") == "true":
        pytest.fail("axe-core is required when CI=true (cd tests/axe && npm ci)")
    return None


def axe_violations(browser: Path, page: str, axe: str) -> list[dict]:
    """The WCAG 2.1 A/AA violations axe-core finds in ``page`` (the HTML text)."""
    inline = axe.replace("</script", "<\\/script")
    runner = f"<script>{inline}</script>" + _RUNNER % {
        "id": RESULT_ID,
        "tags": json.dumps(TAGS),
    }
    assert "</body>" in page
    instrumented = page.replace("</body>", runner + "</body>", 1)
    with tempfile.TemporaryDirectory(prefix="mvi-xl-axe-") as tmp:
        folder = Path(tmp)
        copy = folder / "page.html"
        copy.write_text(instrumented, encoding="utf-8")
        command = [
            *browser_command(browser, folder / "profile"),
            "--dump-dom",
            "--virtual-time-budget=30000",
            copy.as_uri(),
        ]
        done = subprocess.run(
            command, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL, check=False
        )
    dom = done.stdout.decode("utf-8", errors="replace")
    found = re.search(rf'<pre id="{RESULT_ID}">(.*?)</pre>', dom, re.S)
    assert found, f"axe-core gave no result:\n{done.stderr.decode(errors='replace')[-2000:]}"
    text = html.unescape(found[1])
    assert not text.startswith("ERROR"), text
    return json.loads(text)


def summary(violations: list[dict]) -> str:
    """One line per violation and node, for the assertion message."""
    lines = []
    for violation in violations:
        for node in violation["nodes"][:5]:
            lines.append(f"{violation['id']}: {node.get('target')} {node.get('failureSummary')}")
    return "\n".join(lines)


_MEASURE = """
<script>
window.addEventListener("load", function () {
  var sheet = document.querySelector(".sheet");
  var out = document.createElement("pre");
  var mm = document.createElement("div");
  mm.style.height = "%(height)smm";
  document.body.appendChild(mm);
  out.id = "%(id)s";
  out.textContent = Math.ceil(sheet.getBoundingClientRect().height) + " " + mm.offsetHeight;
  document.documentElement.appendChild(out);
});
</script>
"""


def printed_heights(browser: Path, page: str) -> tuple[int, int]:
    """The printed page's content height and the height of the A4 landscape sheet less its
    margins, in CSS px: the page laid out with its print style as the screen style, at the
    printable width. Content higher than the sheet would go on to a second page."""
    screen = page.replace("@media print{", "@media all{").replace(
        "@media (max-width:60rem)", "@media (max-width:1px)"
    )
    screen = screen.replace("<body>", '<body style="width:281mm;margin:0">', 1)
    measure = _MEASURE % {"id": RESULT_ID, "height": PRINTABLE_MM[1]}
    screen = screen.replace("</body>", measure + "</body>", 1)
    with tempfile.TemporaryDirectory(prefix="mvi-xl-print-") as tmp:
        folder = Path(tmp)
        copy = folder / "page.html"
        copy.write_text(screen, encoding="utf-8")
        command = [
            *browser_command(browser, folder / "profile"),
            "--window-size=1200,900",
            "--dump-dom",
            "--virtual-time-budget=10000",
            copy.as_uri(),
        ]
        done = subprocess.run(
            command, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL, check=False
        )
    found = re.search(rf'<pre id="{RESULT_ID}">(\d+) (\d+)</pre>', done.stdout.decode("utf-8"))
    assert found, done.stderr.decode(errors="replace")[-2000:]
    return int(found[1]), int(found[2])
