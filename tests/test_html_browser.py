"""The HTML pages in a real headless browser (Debian's `chromium`, no driver): they load with no
console message, the side-by-side view and the archive table render (read from the DOM the
browser built, after its scripts ran), and a screenshot is drawn. Skipped when chromium is absent;
CI installs it (scripts/install_system_deps.sh)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import CORPUS, vnplan
from seed_docs import seed_doc, write_batch

from vnplan.compare import compare_document, render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (scripts/install_system_deps.sh)")


def browse(url: str, *args: str) -> subprocess.CompletedProcess:
    """Chromium headless on `url`, as root, with no network service and a fresh profile."""
    with tempfile.TemporaryDirectory(prefix="vnplan-chromium-") as profile:
        return subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
             "--enable-logging=stderr", "--v=0", *args, url],
            capture_output=True, timeout=180, text=True,
        )


def console_messages(result: subprocess.CompletedProcess) -> list[str]:
    # every console.log/error and every uncaught exception is a "CONSOLE" line of chromium's log
    return [line for line in result.stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


class Dom(HTMLParser):
    """The elements of a dumped DOM: (tag, attributes, depth) in document order."""

    VOID = {"meta", "br", "img", "input", "link", "hr"}

    def __init__(self, text: str):
        super().__init__()
        self.elements: list[tuple[str, dict, int]] = []
        self.depth = 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), self.depth))
        if tag not in self.VOID:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag not in self.VOID:
            self.depth -= 1

    def find(self, tag=None, **attrs) -> list[tuple[str, dict, int]]:
        return [e for e in self.elements if (tag is None or e[0] == tag)
                and all(v in (e[1].get(k.rstrip("_")) or "").split() or e[1].get(k.rstrip("_")) == v for k, v in attrs.items())]

    def children(self, element) -> list[tuple[str, dict, int]]:
        i = self.elements.index(element)
        out = []
        for e in self.elements[i + 1:]:
            if e[2] <= element[2]:
                break
            if e[2] == element[2] + 1:
                out.append(e)
        return out


def dump(path: Path) -> tuple[Dom, list[str]]:
    result = browse(path.as_uri(), "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    return Dom(result.stdout), console_messages(result)


def test_console_errors_are_seen(tmp_path):
    # the check below must be able to fail: a page with a script error shows one
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html><body><script>noSuchFunction();</script></body></html>", encoding="utf-8")
    _, messages = dump(bad)
    assert any("Uncaught ReferenceError" in m for m in messages)


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pages")
    plan, ref = seed_doc("001_84f5cf27fdea967e"), seed_doc("004_771e3ed1f471eaca")
    (out / "vs1258.html").write_text(render(compare_document(plan, "1258"), "html", plan), encoding="utf-8")
    (out / "vs004.html").write_text(render(compare_document(plan, reference_doc=ref), "html", plan, ref), encoding="utf-8")
    result = vnplan("compare", "--batch", write_batch(out / "results"), "--against", "auto", "-o", out / "archive.html")
    assert result.returncode == 0, result.stderr.decode()
    result = vnplan("extract", CORPUS / "004_771e3ed1f471eaca.txt", "--html", out / "doc.html", "-o", out / "doc.json")
    assert result.returncode == 0, result.stderr.decode()
    return {p.stem: p for p in out.glob("*.html")}


def test_compare_page_side_by_side_against_a_summary(pages):
    dom, messages = dump(pages["vs1258"])
    assert messages == []
    side = dom.find(id="side-by-side")
    assert len(side) == 1
    cols = [c for c in dom.children(side[0]) if "col" in c[1].get("class", "").split()]
    assert [c[1].get("id") for c in cols] == ["plan", "reference"]
    # seed 001's 3%/năm underlined as stricter in the text, and 1258's targets listed on the right
    assert dom.find("mark", **{"data-verdict": "stricter"})
    assert len(dom.find("li", id="ref-target-0")) == 1
    assert {e[1]["class"] for e in dom.find("span", class_="verdict")} >= {"verdict v-stricter", "verdict v-missing"}
    ids = {e[1]["id"] for e in dom.elements if "id" in e[1]}
    links = {e[1]["href"][1:] for e in dom.find("a") if e[1].get("href", "").startswith("#")}
    assert {"plan-target-0", "ref-target-0"} <= links and links - ids == set()


def test_compare_page_links_aligned_passages(pages):
    dom, messages = dump(pages["vs004"])
    assert messages == []
    ids = {e[1]["id"] for e in dom.elements if "id" in e[1]}
    links = {e[1]["href"][1:] for e in dom.find("a") if e[1].get("href", "").startswith("#")}
    assert "pa-0" in ids and "ra-0" in ids and {"pa-0", "ra-0"} <= links
    assert links - ids == set(), "every link inside the page has its anchor"
    assert len(dom.find("div", class_="doc")) == 2  # both texts side by side


def test_archive_table_renders_five_sortable_rows(pages):
    dom, messages = dump(pages["archive"])
    assert messages == []
    rows = dom.find("tr", class_="plan-row")
    assert len(rows) == 5
    # the inline script marks the header cells sortable when it runs: seen only if it ran without error
    headers = dom.find("th")
    assert headers and all("sortable" in h[1].get("class", "") for h in headers)
    plan_links = [e[1]["href"] for e in dom.find("a") if e[1].get("href", "").startswith("archive_plans/")]
    assert len(plan_links) == 5 and all((pages["archive"].parent / h).is_file() for h in plan_links)


def test_document_page_highlights_every_item(pages):
    dom, messages = dump(pages["doc"])
    assert messages == []
    doc = seed_doc("004_771e3ed1f471eaca")
    assert len(dom.find("mark", class_="ent-target")) == len(doc.targets)
    assert len(dom.find("mark", class_="ent-legal_reference")) == len(doc.legal_references)
    assert len(dom.find("mark", class_="ent-deadline")) == len(doc.deadlines)


def test_screenshot_is_drawn(pages, tmp_path):
    shot = tmp_path / "shot.png"
    result = browse(pages["vs1258"].as_uri(), f"--screenshot={shot}", "--window-size=1400,1000")
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
