"""``/docs`` and ``/redoc`` work on an intranet: every asset comes from the hub itself."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
import requests

from hub.seed import SeedSizes
from hub.server import start_embedded


@pytest.fixture(scope="module")
def docs_url() -> Iterator[str]:
    """A small hub of its own (the docs do not depend on the database backend)."""
    hub = start_embedded(sizes=SeedSizes(1, 1, 1, 1))
    yield hub.url
    hub.stop()


class _Refs(HTMLParser):
    """Collects every ``src``/``href`` and every URL string in inline scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.refs.append(value)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_page_references_only_the_hub(docs_url: str, page: str) -> None:
    """The page names no other host, and every asset it names loads from the hub (200)."""
    resp = requests.get(docs_url + page, timeout=30)
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/html")
    parser = _Refs()
    parser.feed(resp.text)
    assert parser.refs, "the page names its assets"
    script_text = "".join(parser.scripts)
    assert "http://" not in script_text and "https://" not in script_text
    for ref in parser.refs:
        assert not urlsplit(ref).netloc, f"{page} references another host: {ref}"
        asset = requests.get(urljoin(docs_url + page, ref), timeout=30)
        assert asset.status_code == 200, ref
        assert len(asset.content) > 100, ref
    assert "fonts.googleapis" not in resp.text and "cdn." not in resp.text


def test_swagger_ui_has_no_validator_badge(docs_url: str) -> None:
    """Swagger UI's default validator badge would load an image from the public validator."""
    html = requests.get(docs_url + "/docs", timeout=30).text
    assert '"validatorUrl": null' in html


def test_openapi_document_loads(docs_url: str) -> None:
    """The document both pages render lists the protocol's routes."""
    spec = requests.get(docs_url + "/openapi.json", timeout=30).json()
    assert "/api/v1/session" in spec["paths"]
    assert "/api/v1/cases" in spec["paths"]
