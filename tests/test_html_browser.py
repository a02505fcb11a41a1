"""The HTML brief in headless Chromium, driven over the DevTools protocol: it loads offline, without errors,
without network requests, and hostile statement text stays inert. Also writes docs/brief-example.png."""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chromium import SKIP_REASON, find_chromium

from summarizer.models import Annotation, Brief, Quote, Statement
from summarizer.pipeline import summarize
from summarizer.readers import load_statements
from summarizer.renderers.html import render_html
from summarizer.tally import compute_coverage, compute_tally

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURE_BRIEF = REPO_ROOT / "tests" / "fixtures" / "render" / "example-brief.json"
EXAMPLE_PATH = REPO_ROOT / "examples" / "uc-msc-covid19-scite-page.txt"
SCREENSHOT_PATH = REPO_ROOT / "docs" / "brief-example.png"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
]
HOSTILE_TEXTS = [
    "<script>document.title='pwned';window.__pwned=1</script> MSC infusion was well tolerated.",
    "<img src=x onerror=\"document.title='pwned';window.__pwned=2\"> No adverse events were seen.",
    '</td></tr></table><svg onload="window.__pwned=3"></svg><a href="javascript:window.__pwned=4">x</a>',
]

websockets_sync = pytest.importorskip(
    "websockets.sync.client", reason="the browser test needs `pip install websockets`"
)


def _chromium() -> str | None:
    return find_chromium()


pytestmark = pytest.mark.skipif(_chromium() is None, reason=SKIP_REASON)


class DevTools:
    """A minimal DevTools-protocol session on one page target."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.call(f"{domain}.enable")

    def call(self, method: str, timeout: float = 20, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its result, keeping the events that arrive meanwhile."""
        message_id = next(self.ids)
        message: dict[str, Any] = {"id": message_id, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        self.ws.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while True:
            reply = json.loads(self.ws.recv(timeout=max(deadline - time.monotonic(), 0.1)))
            if reply.get("id") == message_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, event: str, timeout: float = 20) -> dict[str, Any]:
        """Wait for an event (or return one that already arrived)."""
        deadline = time.monotonic() + timeout
        while True:
            for seen in self.events:
                if seen["method"] == event:
                    return seen
            reply = json.loads(self.ws.recv(timeout=max(deadline - time.monotonic(), 0.1)))
            if "method" in reply:
                self.events.append(reply)

    def open(self, url: str) -> None:
        """Navigate and wait for the load event, then let the page settle."""
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")
        self.evaluate("new Promise(r => setTimeout(r, 200))", await_promise=True)

    def evaluate(self, expression: str, await_promise: bool = False) -> Any:
        """The value of a JavaScript expression in the page."""
        reply = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=await_promise)
        if "exceptionDetails" in reply:
            raise RuntimeError(f"page exception: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def requested_urls(self) -> list[str]:
        """Every URL the page requested since it was opened."""
        return [e["params"]["request"]["url"] for e in self.events if e["method"] == "Network.requestWillBeSent"]

    def errors(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions and browser log errors (CSP violations included)."""
        found = []
        for e in self.events:
            params = e.get("params", {})
            if e["method"] == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                found.append(f"console.{params['type']}: {params.get('args')}")
            elif e["method"] == "Runtime.exceptionThrown":
                found.append(f"exception: {params.get('exceptionDetails')}")
            elif e["method"] == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                found.append(f"log: {params['entry'].get('text')}")
        return found


@pytest.fixture(scope="module")
def browser() -> Iterator[DevTools]:
    binary = _chromium()
    assert binary is not None
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        proc = subprocess.Popen(
            [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its renderer and helper processes share the group, and all are stopped
        )
        try:
            assert proc.stderr is not None
            ws_url = None
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and ws_url is None:
                line = proc.stderr.readline()
                if not line and proc.poll() is not None:
                    break
                match = re.search(r"DevTools listening on (ws://\S+)", line)
                if match:
                    ws_url = match.group(1)
            assert ws_url, "Chromium did not report a DevTools endpoint"
            # Drain stderr so that Chromium never blocks on a full pipe.
            threading.Thread(target=proc.stderr.read, daemon=True).start()
            with websockets_sync.connect(ws_url, max_size=None, open_timeout=10) as ws:
                yield DevTools(ws)
        finally:
            _stop_group(proc)


def _stop_group(proc: subprocess.Popen[str]) -> None:
    """Stop Chromium and every process it started, and wait until none is left: a helper still writing into the
    profile would make removing it fail."""
    for sig, wait in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 10.0)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=wait)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                os.killpg(proc.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)


def _example_brief() -> Brief:
    """The brief of the bundled example, made by the default (extractive) engine."""
    return summarize(load_statements(EXAMPLE_PATH))


def _hostile_brief() -> Brief:
    brief = Brief.model_validate_json(FIXTURE_BRIEF.read_text(encoding="utf-8"))
    extra = [
        Statement(
            id=f"S{len(brief.statements) + i}",
            text=text,
            section="<b>Discussion</b>",
            annotation=Annotation(topics=["safety"], polarity="favourable", annotated_by="hand-written fixture"),
        )
        for i, text in enumerate(HOSTILE_TEXTS, start=1)
    ]
    finding = brief.safety.findings[0].model_copy(
        update={
            "statement_ids": [extra[1].id],
            "quotes": [Quote(statement_id=extra[1].id, text="<img src=x onerror=")],
        }
    )
    statements = [*brief.statements, *extra]
    safety = brief.safety.model_copy(update={"findings": [*brief.safety.findings, finding]})
    return brief.model_copy(
        update={
            "statements": statements,
            "safety": safety,
            "tally": compute_tally(statements),
            "coverage": compute_coverage(statements, safety, brief.efficacy, brief.contrasting),
        }
    )


def _write(tmp_path: Path, name: str, html: str) -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def test_example_brief_from_the_cli_loads_offline_without_errors(browser: DevTools, tmp_path: Path) -> None:
    page = tmp_path / "brief.html"
    subprocess.run(
        [sys.executable, "-m", "summarizer", "brief", str(EXAMPLE_PATH), "--format", "html", "-o", str(page)],
        check=True,
        cwd=REPO_ROOT,
        timeout=120,
    )
    brief = _example_brief()
    browser.open(page.as_uri())
    assert browser.errors() == []
    assert browser.requested_urls() == [page.as_uri()]
    rows = browser.evaluate("document.querySelectorAll('#statement-table tbody tr').length")
    assert rows == len(brief.statements) == 4
    shown_text = browser.evaluate("document.getElementById('S1').innerText")
    assert brief.statements[0].text[:60] in " ".join(shown_text.split())
    assert browser.evaluate("document.querySelectorAll('svg.chart').length") >= 2
    assert browser.evaluate("document.querySelector('.verdict .label').textContent")


def test_filter_script_runs_under_the_content_security_policy(browser: DevTools, tmp_path: Path) -> None:
    brief = Brief.model_validate_json(FIXTURE_BRIEF.read_text(encoding="utf-8"))
    page = _write(tmp_path, "brief.html", render_html(brief))
    browser.open(page.as_uri())
    assert browser.evaluate("document.getElementById('filters').hidden") is False
    assert browser.evaluate("document.getElementById('filter-count').textContent") == "Showing 4 of 4 statements"
    visible = browser.evaluate(
        "(() => { const s = document.getElementById('filter-section'); s.value = 'Discussion';"
        " s.dispatchEvent(new Event('change'));"
        " return Array.from(document.querySelectorAll('#statement-table tbody tr'))"
        ".filter(r => !r.hidden).map(r => r.id); })()"
    )
    assert visible == ["S1", "S3"]
    visible = browser.evaluate(
        "(() => { document.getElementById('filter-reset').click();"
        " const t = document.getElementById('filter-topic'); t.value = 'efficacy';"
        " t.dispatchEvent(new Event('change'));"
        " return Array.from(document.querySelectorAll('#statement-table tbody tr'))"
        ".filter(r => !r.hidden).map(r => r.id); })()"
    )
    assert visible == ["S2"]
    assert browser.errors() == []


@pytest.mark.parametrize("strip_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_hostile_statement_text_stays_inert(browser: DevTools, tmp_path: Path, strip_csp: bool) -> None:
    html = render_html(_hostile_brief())
    if strip_csp:
        # Without the policy, escaping alone must keep the hostile text from running or loading anything.
        html, removed = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
        assert removed == 1
    page = _write(tmp_path, "hostile.html", html)
    browser.open(page.as_uri())
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.evaluate("document.title").startswith("Evidence brief:")
    assert browser.requested_urls() == [page.as_uri()]
    assert browser.errors() == []
    assert browser.evaluate("document.querySelectorAll('#statement-table img, #statement-table svg').length") == 0
    assert browser.evaluate("document.querySelectorAll('script').length") == 1
    shown = browser.evaluate("document.getElementById('statement-table').innerText")
    for text in HOSTILE_TEXTS:
        assert text in shown
    marked = browser.evaluate("Array.from(document.querySelectorAll('mark')).map(m => m.textContent)")
    assert "<img src=x onerror=" in marked


def test_screenshot_of_the_example_brief(browser: DevTools, tmp_path: Path) -> None:
    page = _write(tmp_path, "brief.html", render_html(_example_brief()))
    browser.call("Emulation.setDeviceMetricsOverride", width=1200, height=1000, deviceScaleFactor=1, mobile=False)
    browser.call("Emulation.setScrollbarsHidden", hidden=True)
    try:
        browser.open(page.as_uri())
        shot = browser.call("Page.captureScreenshot", format="png")
    finally:
        browser.call("Emulation.clearDeviceMetricsOverride")
        browser.call("Emulation.setScrollbarsHidden", hidden=False)
    png = base64.b64decode(shot["data"])
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(png) > 20_000
    SCREENSHOT_PATH.parent.mkdir(parents=True, exist_ok=True)
    SCREENSHOT_PATH.write_bytes(png)
