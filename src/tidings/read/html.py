"""HTML pages: the main text and metadata (trafilatura, htmldate), and plain text of fragments."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)

_BLOCKS = frozenset(
    "address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul".split()
)  # fmt: skip
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head")


@dataclass(frozen=True, slots=True)
class Page:
    """What an HTML page gave: body text (paragraphs separated by blank lines) and metadata."""

    text: str
    title: str | None = None
    date: str | None = None
    site: str | None = None
    url: str | None = None


def extract_page(html: str, *, url: str | None = None) -> Page | None:
    """The article in a web page, or None when the page has no main text.

    trafilatura finds the main content (default settings: ``favor_precision`` loses more recall
    than it gains precision once our cleaner has run, see benchmarks/extraction.py) and the
    metadata: title, publication date (htmldate), site name and canonical URL.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False,
            include_tables=True, deduplicate=False,
        )  # fmt: skip
    except Exception as err:  # trafilatura raises many kinds on broken markup; one page fails
        log.debug("trafilatura failed on %s: %s", url or "page", err)
        doc = None
    if doc is None or not (doc.text or "").strip():
        text = fragment_text(html)
        return Page(text) if text and _has_prose(text) else None
    return Page(
        text=_paragraphs(doc.text),
        title=doc.title or None,
        date=doc.date or None,
        site=doc.sitename or None,
        url=doc.url or url,
    )


def _has_prose(text: str) -> bool:
    """Broken or tiny HTML that trafilatura rejects may still hold a few real sentences."""
    return bool(re.search(r"[^\W\d_]{2,}[^.!?]*[.!?]", text)) and len(text.split()) >= 8


def _paragraphs(text: str) -> str:
    # trafilatura puts one element per line; tidings separates paragraphs by a blank line.
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def fragment_text(html: str) -> str:
    """Visible text of an HTML page or fragment, one paragraph per block element.

    Used for feed entry content (short fragments that page extractors reject) and for pages
    where extraction finds nothing; keeps everything, furniture included, for the cleaner.
    """
    import lxml.html
    from lxml import etree

    if not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        try:
            root = lxml.html.document_fromstring(html.encode("utf-8", "replace"))
        except (etree.ParserError, ValueError):
            return ""
    for element in list(root.iter(*_INVISIBLE)):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif tag in _BLOCKS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    raw = root.text_content()
    blocks = (
        re.sub(r"[ \t\r\f\v\u00a0]+", " ", block).strip() for block in re.split(r"\n\s*\n", raw)
    )
    return "\n\n".join(
        "\n".join(line.strip() for line in block.splitlines() if line.strip())
        for block in blocks
        if block
    )
