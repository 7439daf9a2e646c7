"""tidings.clean: page furniture goes, every real sentence stays; unicode repair; language."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.clean import clean_article, clean_parts, clean_text, detect_language, load_rules
from tidings.errors import ResourceError
from tidings.records import Article

FIXTURES = Path(__file__).parent / "fixtures" / "read"

BODY = (
    "ANKARA (Steppe Post) — Turkey and Azerbaijan signed a defence pact on Monday, the two "
    "governments said, pledging to help each other if either is attacked.\n\n"
    "The pact was signed in Ankara by the two countries' defence ministers after talks that lasted "
    "most of the day."
)


def test_scraped_article_with_junk_at_both_ends_and_between_returns_exactly_the_body():
    scraped = (FIXTURES / "scraped.txt").read_text(encoding="utf-8")
    expected = (FIXTURES / "scraped.expected").read_text(encoding="utf-8").strip()
    assert clean_text(scraped) == expected


def test_clean_parts_finds_the_headline_above_the_article():
    parts = clean_parts((FIXTURES / "scraped.txt").read_text(encoding="utf-8"))
    assert parts.title == "Norway and Sweden agree to share Arctic patrol flights"
    assert "By Ingrid Vale and Peter Lund" in parts.head


@pytest.mark.parametrize(
    "junk",
    [
        "Menu Search",
        "Home > World > Asia",
        "By Lena Ford and Omar Haddad",
        "Updated March 4, 2021, 10:12 a.m. EST",
        "March 4, 2021",
        "5 min read",
        "Listen to this article",
        "Share Facebook Twitter Email Copy link",
        "Photo: Soldiers at a checkpoint near the border. (Steppe Post/File)",
        "Soldiers at a checkpoint near the border. (AP Photo/Lena Ford)",
        "Read more: Oil prices climb on supply worries",
        "Related: Parliament passes new budget",
        "Advertisement",
        "Story continues below advertisement",
        "Sign up for our daily newsletter",
        "We use cookies to improve your experience. Accept all Manage preferences",
        "Load more",
        "See all stories",
        "Click here to subscribe",
        "SHARE",
        "Table of contents",
        "Facebook Twitter LinkedIn",
        "Your email address will not be published. Required fields are marked *",
        "Oops! Something went wrong while submitting the form.",
        "Email address *",
        "$1,299",
    ],
)
def test_furniture_between_paragraphs_is_removed(junk):
    first, second = BODY.split("\n\n")
    assert clean_text(f"{first}\n\n{junk}\n\n{second}") == BODY


@pytest.mark.parametrize(
    "tail",
    [
        "Tags: Turkey, Azerbaijan, Defence",
        "© 2021 Steppe Post. All rights reserved.",
        "Related stories\n- Oil prices climb on supply worries\n- Parliament passes new budget",
        "Most Popular\n1. Ten recipes for the weekend\n2. Quiz: the week in news",
        "About us | Contact | Privacy Policy | Terms of Use",
        "Comments (12)",
    ],
)
def test_footer_blocks_are_removed(tail):
    assert clean_text(f"{BODY}\n\n{tail}\n\nSome closing line of the site") == BODY


@pytest.mark.parametrize(
    "sentence",
    [
        # each of these starts like furniture but is a sentence of the article
        "By Tuesday, the army had pulled back from the city, officials said.",
        "Published reports said the two sides had agreed to a prisoner exchange.",
        "Sunday marked the 2014 anniversary of the war, and crowds gathered in the capital.",
        "The newsletter of the opposition party was banned in 2019, its editor said.",
        "Related talks between the two ministries will continue in Geneva next week.",
        "Share prices in Istanbul fell by 3 percent after the announcement.",
        "Home Secretary Priya Patel said the border would stay open.",
        "Photos released by the army showed damaged tanks near the town.",
        "He declined to comment.",
        "Most popular parties backed the reform, according to a survey by the commission.",
        "Tags on the missile debris showed it had been made in 2019, investigators said.",
    ],
)
def test_real_sentences_are_never_dropped(sentence):
    first, second = BODY.split("\n\n")
    for text in (
        f"{first}\n\n{sentence}\n\n{second}",
        f"{sentence}\n\n{BODY}",
        f"{BODY}\n\n{sentence}",
    ):
        assert sentence in clean_text(text)


def test_wire_credit_after_the_last_paragraph_is_kept_but_junk_after_it_is_not():
    text = f"{BODY}\n\n(Reporting by Lena Ford; Editing by Omar Haddad)\n\nShare\n\nTags: Turkey"
    assert clean_text(text) == f"{BODY}\n\n(Reporting by Lena Ford; Editing by Omar Haddad)"


def test_repeated_short_lines_are_furniture():
    first, second = BODY.split("\n\n")
    text = f"Steppe Post live\n\n{first}\n\nSteppe Post live\n\n{second}\n\nSteppe Post live"
    assert clean_text(text) == BODY


def test_hard_wrapped_paragraphs_are_joined():
    wrapped = (
        "ANKARA (Steppe Post) — Turkey and Azerbaijan signed a defence pact on\n"
        "Monday, the two governments said, pledging to help each other if either\n"
        "is attacked."
    )
    assert clean_text(wrapped) == BODY.split("\n\n")[0]


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        (
            "The minister\u00e2\u20ac\u2122s office said talks would resume.",
            "The minister\u2019s office said talks would resume.",
        ),
        (
            "Talks in Z\u00c3\u00bcrich ended on Monday without a deal, officials said.",
            "Talks in Z\u00fcrich ended on Monday without a deal, officials said.",
        ),
        (
            "The court&#39;s ruling was final, the judge said on Monday.",
            "The court's ruling was final, the judge said on Monday.",
        ),
        (
            "Officials\u00a0said\u200b the  vote would go ahead.",
            "Officials said the vote would go ahead.",
        ),
    ],
)
def test_unicode_repair(broken, fixed):
    assert clean_text(broken) == fixed


def test_curly_quotes_are_kept():
    text = "\u201cWe will not give up,\u201d the president said on Monday in a speech."
    assert clean_text(text) == text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (BODY, "en"),
        (
            "Le gouvernement français a annoncé mardi de nouvelles sanctions contre la Russie après "
            "des frappes sur des villes ukrainiennes.",
            "fr",
        ),
        (
            "Die Bundesregierung hat am Dienstag neue Sanktionen gegen Russland angekündigt, teilte "
            "ein Sprecher in Berlin mit.",
            "de",
        ),
        (
            "El gobierno de España anunció el martes nuevas sanciones contra Rusia tras los ataques "
            "contra ciudades ucranianas.",
            "es",
        ),
        ("Talks resumed.", None),
        ("", None),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_clean_article_sets_language_and_title():
    raw = Article(id="a1", text=(FIXTURES / "scraped.txt").read_text(encoding="utf-8"))
    article = clean_article(raw)
    assert article.language == "en"
    assert article.title == "Norway and Sweden agree to share Arctic patrol flights"
    assert article.text.startswith("OSLO (Harbour Courier)")


def test_clean_article_marks_non_english_text():
    raw = Article(
        id="fr1",
        text="PARIS — Le président a reçu mardi son homologue allemand à "
        "l'Élysée pour parler de la guerre en Ukraine et des sanctions.",
    )
    assert clean_article(raw).language == "fr"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("junk\tok\nbogus\t.*\n", "rules.tsv:2: unknown kind 'bogus'"),
        ("# comment\n\njunk\t(unclosed\n", "rules.tsv:3: invalid regex"),
        ("junk\n", "rules.tsv:1: expected KIND<TAB>REGEX"),
    ],
)
def test_rules_file_errors_name_file_and_line(tmp_path, content, message):
    path = tmp_path / "rules.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResourceError, match=message.replace("(", r"\(")):
        load_rules(path)


def test_custom_rules_file_changes_what_is_removed(tmp_path):
    path = tmp_path / "rules.tsv"
    path.write_text("junk\tsteppe post live\n", encoding="utf-8")
    first, second = BODY.split("\n\n")
    parts = clean_parts(f"{first}\n\nSteppe Post Live\n\n{second}", rules=load_rules(path))
    assert parts.text == BODY


def test_packaged_rules_load():
    kinds = {rule.kind for rule in load_rules()}
    assert kinds == {"junk", "section", "end", "keep"}
