"""tidings.read: every reader, encodings, ids, dates, streaming, and errors yielded not raised."""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc
from pathlib import Path

import pytest

from tidings.errors import InputError, TidingsError
from tidings.read import iter_articles, kind_of, read_path
from tidings.records import Article, article_id

FIXTURES = Path(__file__).parent / "fixtures" / "read"
SENTENCE = (
    "VILNIUS (Harbour Courier) — Lithuania's parliament voted on Thursday to extend a state of "
    "emergency on the border with Belarus, the speaker said."
)


def articles(*paths, **options) -> list[Article]:
    items = list(iter_articles(paths, **options))
    errors = [item for item in items if isinstance(item, InputError)]
    assert not errors, errors
    return items  # type: ignore[return-value]


def errors_of(*paths, **options) -> list[str]:
    return [str(item) for item in iter_articles(paths, **options) if isinstance(item, InputError)]


def test_text_file_is_cleaned_and_dated_from_its_header():
    (article,) = articles(FIXTURES / "scraped.txt")
    assert article.text == (FIXTURES / "scraped.expected").read_text(encoding="utf-8").strip()
    assert article.title == "Norway and Sweden agree to share Arctic patrol flights"
    assert article.date == "2024-04-03"
    assert article.language == "en"
    assert article.id == article_id(source=None, url=None, text=article.text)


def test_html_page_gives_body_and_metadata():
    (article,) = articles(FIXTURES / "page.html")
    assert article.title == "Chile and Peru sign fisheries accord"
    assert article.date == "2019-06-18"
    assert article.source == "Pacific Ledger"
    assert article.url == "https://pacificledger.example/world/2019/06/18/chile-peru-fisheries"
    assert article.text.startswith("LIMA (Pacific Ledger) — Chile and Peru signed an agreement")
    assert article.text.endswith("at the International Court of Justice in 2014.")
    for furniture in (
        "cookies",
        "Most read",
        "Markets rally",
        "All rights reserved",
        "By Lucia Ortega",
    ):
        assert furniture not in article.text
    assert article.text.count("\n\n") == 3  # four paragraphs


def test_broken_html_still_gives_its_text():
    (article,) = articles(FIXTURES / "broken.html")
    assert article.text.startswith("ULAANBAATAR (Steppe Post) — Mongolians voted on Wednesday")
    assert "Turnout was higher" in article.text


def test_jsonl_lines_with_text_or_html_ids_and_dates():
    items = articles(FIXTURES / "articles.jsonl")
    assert [a.id for a in items[:2]] == ["kenya-rail-2017", "42"]
    kenya, ethiopia, uganda = items
    assert (kenya.title, kenya.date, kenya.source) == (
        "Kenya opens Chinese-built railway",
        "2017-05-31",
        "Savanna Wire",
    )
    assert kenya.url == "https://savannawire.example/2017/05/31/kenya-rail"
    assert kenya.text.count("\n\n") == 1
    assert ethiopia.date == "2017-06-02"  # "June 2, 2017" normalised
    assert ethiopia.text.startswith("ADDIS ABABA (Savanna Wire)") and "<p>" not in ethiopia.text
    assert uganda.id == article_id(source=None, url=None, text=uganda.text)


@pytest.mark.parametrize(
    "content",
    [
        json.dumps([{"id": "lt-1", "text": SENTENCE}]),
        json.dumps({"id": "lt-1", "text": SENTENCE}, indent=2),
        json.dumps({"id": "lt-1", "text": SENTENCE}) + "\n",
    ],
    ids=["array", "pretty-printed object", "one object per line"],
)
def test_json_files(tmp_path, content):
    path = tmp_path / "batch.json"
    path.write_text(content, encoding="utf-8")
    (article,) = articles(path)
    assert (article.id, article.text) == ("lt-1", SENTENCE)


def test_json_file_without_article_fields(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"colour": "blue"}, indent=2), encoding="utf-8")
    assert errors_of(path) == [f"{path}: no 'text' or 'html' field"]


@pytest.mark.parametrize("name", ["articles.csv"])
def test_csv_rows(name):
    estonia, latvia = articles(FIXTURES / name)
    assert (estonia.id, estonia.title, estonia.date) == (
        "baltic-1",
        "Estonia expels diplomat",
        "2021-09-03",
    )
    assert latvia.text.endswith("The first units are due to arrive next year, officials said.")


def test_tsv_rows(tmp_path):
    path = tmp_path / "a.tsv"
    path.write_text(f"id\ttext\nlt-2\t{SENTENCE}\n", encoding="utf-8")
    (article,) = articles(path)
    assert (article.id, article.text) == ("lt-2", SENTENCE)


def test_csv_without_text_column_is_an_error(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    assert errors_of(path) == [f"{path}: no 'text' column (columns: id, body)"]


def test_rss_feed_entries():
    bolivia, ecuador = articles(FIXTURES / "feed.rss")
    assert bolivia.source == "Andes Daily" and bolivia.date == "2020-02-11"
    assert bolivia.id == "https://andesdaily.example/2020/02/11/bolivia-paraguay-gas"
    assert bolivia.text.count("\n\n") == 1 and "<p>" not in bolivia.text
    assert ecuador.title == "Ecuador recalls ambassador to Colombia"
    assert ecuador.text.startswith("QUITO (Andes Daily)")


def test_atom_feed_entries():
    (article,) = articles(FIXTURES / "feed.atom")
    assert (article.id, article.date, article.source) == (
        "urn:harbour-courier:iceland-nordic-2023", "2023-05-04", "Harbour Courier",
    )  # fmt: skip
    assert article.text.startswith("REYKJAVIK (Harbour Courier) — Iceland hosted")


def _warc(path: Path, pages: list[tuple[str, str, str]], *, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for url, content_type, body in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode()), http_headers=headers
            )
            writer.write_record(record)


PAGE = (FIXTURES / "page.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses(tmp_path, name):
    path = tmp_path / name
    _warc(path, [
        ("https://pacificledger.example/a", "text/html; charset=utf-8", PAGE),
        ("https://pacificledger.example/logo.png", "image/png", "\x89PNG"),
    ], gz=name.endswith(".gz"))  # fmt: skip
    (article,) = articles(path)
    assert article.text.startswith("LIMA (Pacific Ledger)")
    assert article.url == "https://pacificledger.example/a"  # the URL the crawler fetched
    assert article.source == "Pacific Ledger"


def test_truncated_warc_gz_keeps_pages_before_the_damage(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    _warc(
        path,
        [
            ("https://a.example/1", "text/html", PAGE),
            ("https://a.example/2", "text/html", PAGE * 3),
        ],
        gz=True,
    )
    data = path.read_bytes()
    first_record_end = data.index(b"\x1f\x8b", 10)  # each record is its own gzip member
    path.write_bytes(data[: first_record_end + (len(data) - first_record_end) // 2])
    first, error = read_path(path)
    assert isinstance(first, Article) and first.url == "https://a.example/1"
    assert (
        str(error) == f"{path}: truncated gzip file after 1 pages (compressed stream ended early)"
    )


def test_directory_is_read_recursively_by_extension(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "b.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "sub" / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / ".hidden.txt").write_text(SENTENCE, encoding="utf-8")
    items = articles(tmp_path)
    assert [a.text[:8] for a in items] == ["VILNIUS ", "LIMA (Pa"]


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16", b""),  # Python writes the BOM
        ("utf-16-le", b""),  # no BOM
        ("cp1252", b""),
        ("latin-1", b""),
    ],
)
def test_encodings(tmp_path, encoding, prefix):
    text = "MÜNSTER (Harbour Courier) — Germany’s president met Françoise Lévy on Monday, officials said."
    if encoding == "latin-1":
        text = text.replace("’", "'").replace("—", "-")
    path = tmp_path / "a.txt"
    path.write_bytes(prefix + text.encode(encoding))
    (article,) = articles(path)
    assert article.text == text


def test_mojibake_is_repaired(tmp_path):
    text = "MÜNSTER (Harbour Courier) — Germany’s president met Françoise Lévy on Monday, officials said."
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8").decode("cp1252").encode("utf-8"))  # double-encoded
    (article,) = articles(path)
    assert article.text == text


@pytest.mark.parametrize("name", ["a.txt.gz", "a.jsonl.gz"])
def test_gzipped_inputs(tmp_path, name):
    content = SENTENCE if name.startswith("a.txt") else json.dumps({"id": "g1", "text": SENTENCE})
    path = tmp_path / name
    path.write_bytes(gzip.compress(content.encode("utf-8"), mtime=0))
    (article,) = articles(path)
    assert article.text == SENTENCE


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (PAGE, "html"),
        ((FIXTURES / "feed.rss").read_text(encoding="utf-8"), "feed"),
        (json.dumps({"id": "s1", "text": SENTENCE}) + "\n", "jsonl"),
        (SENTENCE, "text"),
    ],
)
def test_kind_is_sniffed_without_a_known_extension(tmp_path, content, kind):
    path = tmp_path / "download.dat"
    path.write_text(content, encoding="utf-8")
    assert kind_of(path) is None
    (article,) = articles(path)[:1]
    assert article.text.startswith(("LIMA", "LA PAZ", "VILNIUS"))


def test_date_and_source_fill_only_what_the_input_lacks():
    items = articles(
        FIXTURES / "articles.jsonl", FIXTURES / "page.html", date="2001-01-01", source="Desk"
    )
    scraped, page = items[1], items[3]
    assert (scraped.date, scraped.source) == ("2017-06-02", "Desk")
    assert (page.date, page.source) == ("2019-06-18", "Pacific Ledger")
    uganda = articles(FIXTURES / "articles.jsonl", date="2001-01-01")[2]
    assert uganda.date == "2001-01-01"


def test_bad_date_option_is_a_user_error():
    with pytest.raises(TidingsError, match="not a day in the form YYYY-MM-DD"):
        list(iter_articles([FIXTURES / "scraped.txt"], date="03/04/2021"))


def test_clean_false_keeps_the_furniture():
    (article,) = articles(FIXTURES / "scraped.txt", clean=False)
    assert article.text.startswith("Harbour Courier — News you can trust")
    assert "Most Popular" in article.text


def test_ids_are_stable_across_runs():
    def ids() -> list[str]:
        return [a.id for a in iter_articles([FIXTURES]) if isinstance(a, Article)]

    first = ids()
    assert len(first) == 11 and first == ids()
    assert len(set(first)) == len(first)


def test_jsonl_is_streamed_not_loaded(tmp_path):
    path = tmp_path / "big.jsonl"
    line = json.dumps({"text": SENTENCE + " " + "More detail follows here. " * 40})
    with open(path, "w", encoding="utf-8") as out:
        for number in range(5000):
            out.write(line.replace("VILNIUS", f"VILNIUS {number}") + "\n")
    items = iter_articles([path])
    tracemalloc.start()
    first = next(items)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(first, Article) and first.text.startswith("VILNIUS 0")
    assert peak < path.stat().st_size / 4  # far less than the 5,000 lines


def test_invalid_json_line_is_named_and_the_rest_are_read(tmp_path):
    path = tmp_path / "a.jsonl"
    good = json.dumps({"id": "ok", "text": SENTENCE})
    path.write_text(
        f'{good}\n{{"id": "bad", "text": \n{good}\n[1, 2]\n{{"id": "x"}}\n', encoding="utf-8"
    )
    items = list(read_path(path))
    assert [a.id for a in items if isinstance(a, Article)] == ["ok", "ok"]
    assert [str(e) for e in items if isinstance(e, InputError)] == [
        f"{path}: line 2: invalid JSON (Expecting value at column 24)",
        f"{path}: line 4: expected a JSON object, got list",
        f"{path}: line 5: no 'text' or 'html' field",
    ]


def test_size_limit_applies_per_file_and_per_line(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(SENTENCE * 100, encoding="utf-8")
    lines = tmp_path / "lines.jsonl"
    lines.write_text(
        json.dumps({"id": "long", "text": SENTENCE * 100})
        + "\n"
        + json.dumps({"id": "short", "text": SENTENCE})
        + "\n",
        encoding="utf-8",
    )
    items = list(iter_articles([big, lines], max_bytes=4096))
    assert [str(i) for i in items if isinstance(i, InputError)] == [
        f"{big}: too big (0 MB; the limit is 0 MB, see --max-size)",
        f"{lines}: line 1: longer than the limit of 0 MB",
    ]
    assert [a.id for a in items if isinstance(a, Article)] == ["short"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.html", b"  \n\n ", "empty file"),
        ("empty.jsonl", b"", "empty file"),
        ("binary.txt", bytes(range(256)) * 8, "binary file"),
        ("binary.dat", b"\x00\x01\x02\xff" * 500, "binary file"),
        (
            "truncated.txt.gz",
            gzip.compress(SENTENCE.encode() * 50, mtime=0)[:60],
            "truncated gzip file",
        ),
        ("notgzip.txt.gz", b"plain text, not gzip at all", "corrupt gzip file"),
        ("no_text.html", (FIXTURES / "no_text.html").read_bytes(), "no article text"),
        (
            "titles.rss",
            (FIXTURES / "feed_titles_only.rss").read_bytes(),
            "feed has no entries with content",
        ),
        ("notwarc.warc", b"this is not a web archive\n" * 10, "not a WARC file"),
        ("empty.warc.gz", gzip.compress(b"", mtime=0), "empty file"),
        (
            "furniture.txt",
            b"Menu Search\n\nAdvertisement\n\n(c) 2020 Site. All rights reserved.",
            "no article text",
        ),
    ],
)
def test_bad_inputs_are_yielded_as_errors(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    (error,) = errors_of(path)
    assert error.startswith(f"{path}: {reason}")
    assert "\n" not in error


def test_missing_path_is_an_error_and_others_are_still_read(tmp_path):
    items = list(iter_articles([tmp_path / "missing.txt", FIXTURES / "feed.atom"]))
    assert str(items[0]) == f"{tmp_path / 'missing.txt'}: no such file or directory"
    assert isinstance(items[1], Article)


def test_empty_directory_is_an_error(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK")
    assert errors_of(tmp_path) == [
        f"{tmp_path}: directory has no input files (extensions read: "
        ".atom .csv .htm .html .json .jsonl .ndjson .rdf .rss .shtml .text .tsv .txt .warc .xhtml .xml)"
    ]


def test_warc_without_html_pages_is_an_error(tmp_path):
    path = tmp_path / "images.warc"
    _warc(path, [("https://a.example/logo.png", "image/png", "\x89PNG")], gz=False)
    assert errors_of(path) == [f"{path}: no HTML response records in this WARC"]


def test_html_declared_charset_is_used(tmp_path):
    body = (
        "МОСКВА — Министр иностранных дел России провёл в понедельник переговоры со своим "
        "коллегой из Китая, сообщило министерство."
    )
    page = f'<html><head><meta charset="windows-1251"><title>Переговоры</title></head><body><p>{body}</p></body></html>'
    path = tmp_path / "ru.html"
    path.write_bytes(page.encode("cp1251"))
    (article,) = articles(path)
    assert article.text == body
    assert article.language == "ru"


def test_csv_row_with_empty_text_is_named_and_the_rest_are_read(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(f'id,text\nr1,""\nr2,"{SENTENCE}"\n', encoding="utf-8")
    items = list(read_path(path))
    assert str(items[0]) == f"{path}: line 2: empty 'text'"
    assert isinstance(items[1], Article) and items[1].id == "r2"


def test_utf16_jsonl_is_streamed(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(
        json.dumps({"id": "u16", "text": SENTENCE}, ensure_ascii=False).encode("utf-16")
    )
    (article,) = articles(path)
    assert (article.id, article.text) == ("u16", SENTENCE)


def test_non_english_article_is_read_and_marked_not_refused(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_text(
        "PARIS (Harbour Courier) — Le président français a reçu mardi le chancelier allemand à "
        "l'Élysée pour discuter de la guerre en Ukraine, a indiqué la présidence.",
        encoding="utf-8",
    )
    (article,) = articles(path)
    assert article.language == "fr"
