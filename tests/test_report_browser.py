"""`kg report` opened in headless Chromium: the examples, the seed article and a denial, built for real.

Needs Debian's `chromium` at /usr/bin/chromium (`scripts/install_test_services.sh` installs it) and the `playwright`
package, which drives that browser; no browser is downloaded. Select or leave out with
`-m browser` / `-m "not browser"`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.pipeline import build_paths
from kg.report import write_report
from kg.store import KgStore

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DENIAL = {
    "id": "test-report-denial",
    "title": "Iran denies attacking Israel",
    "published": "2024-03-02",
    "url": "https://example.org/iran-denies-attacking-israel",
    "text": "Iran denied that it attacked Israel. The United States accused Iran of attacking a tanker on Friday.",
}


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory, pipeline: Any, seed_article_file: Path) -> Path:
    folder = tmp_path_factory.mktemp("report")
    denial = folder / "denial.jsonl"
    denial.write_text(json.dumps(DENIAL) + "\n", encoding="utf-8")
    with KgStore(folder / "store") as store:
        summary = build_paths([str(EXAMPLES), str(seed_article_file), str(denial)], store, pipeline=pipeline)
        assert summary.articles_stored == 9
        write_report(store.oxigraph, folder / "report.html")
    return folder / "report.html"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail("no /usr/bin/chromium: bash scripts/install_test_services.sh, or leave these out with -m 'not browser'")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield browser
        browser.close()


class Page:
    """One opened report, with every console message, page error and request it made."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1500, "height": 1200})
        self.messages: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda message: self.messages.append(f"{message.type}: {message.text}"))
        self.page.on("pageerror", lambda error: self.messages.append(f"pageerror: {error}"))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("html[data-ready=true]", timeout=60_000)

    def shown_facts(self) -> int:
        return int(self.page.evaluate("document.documentElement.dataset.shownFacts"))

    def edge(self, source: str, target: str, event_type: str) -> str | None:
        """The id of the drawn edge source -> target that carries an event of that type."""
        return self.page.evaluate(
            """([source, target, type]) => {
                const entities = JSON.parse(document.getElementById("kg-data").textContent).entities;
                const from = entities.findIndex((e) => e.label === source), to = entities.findIndex((e) => e.label === target);
                for (const [id, facts] of window.kgReport.edgeFacts()) {
                    const edge = window.kgReport.edges.get(id);
                    if (edge && edge.from === from && edge.to === to && facts.some((f) => f.type === type)) return id;
                }
                return null;
            }""",
            [source, target, event_type],
        )  # fmt: skip

    def click_edge(self, edge_id: str) -> None:
        """Click the drawn edge on the canvas, at a point of it that no node covers."""
        point = self.page.evaluate(
            """(id) => {
                const network = window.kgReport.network, edge = network.body.edges[id];
                const box = document.querySelector("#network canvas").getBoundingClientRect();
                for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
                    const dom = network.canvasToDOM(edge.edgeType.getPoint(t));
                    if (network.getEdgeAt(dom) === id && network.getNodeAt(dom) === undefined) return [box.left + dom.x, box.top + dom.y];
                }
                return null;
            }""",
            edge_id,
        )  # fmt: skip
        assert point is not None, f"edge {edge_id} is hidden under nodes"
        self.page.mouse.click(point[0], point[1])

    def set_field(self, selector: str, value: str) -> None:
        """Type a filter value, and wait until the network has settled again."""
        self.page.fill(selector, value)
        self.page.dispatch_event(selector, "change")
        self.page.locator(selector).blur()  # an open list of suggestions would take the next click
        self.page.wait_for_selector("html[data-network-stable=true]", timeout=60_000)


@pytest.fixture()
def page(browser: Any, report_file: Path) -> Iterator[Page]:
    opened = Page(browser, report_file)
    yield opened
    opened.page.close()


def test_report_loads_without_errors_or_requests_and_is_screenshotted(page: Page, report_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert page.messages == []
    assert all(url.startswith(("file://", "data:")) for url in page.requests), page.requests
    assert page.requests[0] == report_file.as_uri()
    screenshot = report_file.with_suffix(".png")
    page.page.screenshot(path=str(screenshot), full_page=True)
    with capsys.disabled():
        print(f"\nreport screenshot: {screenshot}")


def test_trump_maduro_call_is_an_edge_with_its_sentence_on_click(page: Page) -> None:
    call = page.edge("Donald Trump", "Nicolás Maduro", "Consult")
    assert call is not None
    page.click_edge(call)
    details = page.page.inner_text("#details")
    assert "Donald Trump → Nicolás Maduro" in details
    assert "spoke by phone" in details or "phone call" in details
    assert "Trump, Maduro held phone call last week amid US military buildup: NYT" in details
    assert "confidence" in details
    assert page.messages == []


def test_a_date_filter_changes_what_is_shown(page: Page) -> None:
    everything = page.shown_facts()
    page.set_field("#filter-from", "2025-11-01")
    page.set_field("#filter-to", "2025-11-30")
    november = page.shown_facts()
    assert 0 < november < everything
    assert page.edge("Donald Trump", "Nicolás Maduro", "Consult") is not None
    page.set_field("#filter-from", "2019-01-01")
    page.set_field("#filter-to", "2020-12-31")
    assert page.edge("Donald Trump", "Nicolás Maduro", "Consult") is None
    assert page.page.locator("#timeline .vis-item").count() > 0
    assert page.messages == []


def test_an_actor_filter_changes_what_is_shown(page: Page) -> None:
    everything = page.shown_facts()
    drawn = page.page.evaluate("window.kgReport.nodes.length")
    page.set_field("#filter-actor", "Nicolás Maduro")
    assert 0 < page.shown_facts() < everything
    assert 1 < page.page.evaluate("window.kgReport.nodes.length") < drawn
    assert page.edge("Donald Trump", "Nicolás Maduro", "Consult") is not None
    assert page.edge("United States", "Iran", "Accuse") is None
    page.set_field("#filter-actor", "Nobody of that name")
    assert page.shown_facts() == 0
    assert "no entity is named" in page.page.inner_text("#network-count")
    assert page.messages == []


def test_search_finds_entities_with_their_wikidata_links(page: Page) -> None:
    page.page.fill("#search", "madur")
    result = page.page.locator("#search-results li", has_text="Nicolás Maduro")
    assert result.count() == 1
    assert re.fullmatch(r"https://www\.wikidata\.org/wiki/Q[0-9]+", result.locator("a").get_attribute("href") or "")
    result.locator("button").click()
    assert page.page.inner_text("#details-title") == "Nicolás Maduro"
    assert page.page.locator("#details-head a.wikidata").count() == 1


def test_a_denied_fact_is_marked_on_its_edge_its_evidence_and_the_timeline(page: Page) -> None:
    page.set_field("#filter-actor", "Iran")
    denied = page.edge("Iran", "Israel", "Assault")
    assert denied is not None
    assert page.page.evaluate(f"window.kgReport.edges.get('{denied}').label").startswith("not ")
    page.click_edge(denied)
    card = page.page.locator("#details-body .fact")
    assert card.count() == 1
    assert "negated" in (card.get_attribute("class") or "")
    assert card.locator(".mark.negated").inner_text() == "DENIED"
    assert "Iran denied that it attacked Israel." in card.inner_text()
    assert page.page.locator("#timeline .vis-item.negated").count() >= 1
    assert page.messages == []
