"""Actor resolution (``doc._.actors``): dictionary phrases grouped into actors, NER for unknown
names, date-bounded people and light coreference.  Sentences written for these tests."""

from __future__ import annotations

import pytest

from tidings.pipeline import default_pipeline
from tidings.records import Article


def mentions(text: str, date: str | None = "2023-03-15") -> list[tuple[str, str | None, str]]:
    doc = default_pipeline().parse(Article(id="t", text=text, date=date))
    return [(doc[m.start : m.end].text, m.actor.code, m.how) for m in doc._.actors]


def code_of(found: list[tuple[str, str | None, str]], words: str) -> set[str | None]:
    return {code for text, code, _ in found if text == words or text.endswith(words)}


CASES = [
    # (what, text, date, words of the mention, expected code)
    ("country", "Kenya closed the border.", "2023-03-15", "Kenya", "KEN"),
    ("a possessive inside a name", "The Democratic People's Republic of Korea fired a missile.", "2023-03-15",
     "Democratic People's Republic of Korea", "PRK"),
    ("country word and sector word on one noun", "A Chilean navy ship sank.", "2023-03-15", "Chilean navy", "CHLMIL"),
    ("a people of a country", "The Hungarians of northern Serbia voted.", "2023-03-15", "Hungarians of northern Serbia", "SRB"),
    ("capital stands for the government", "Beijing denied the report.", "2023-03-15", "Beijing", "CHNGOV"),
    ("nationality + sector word", "Ukrainian troops crossed the river.", "2023-03-15", "Ukrainian troops", "UKRMIL"),
    ("nationality + government", "The Chinese government denied the report.", "2023-03-15", "Chinese government", "CHNGOV"),
    ("unknown person: nationality + title", "The Chilean foreign minister arrived.", "2023-03-15", "Chilean foreign minister", "CHLGOV"),
    ("state broadcaster", "Chinese state broadcaster CCTV reported the visit.", "2023-03-15", "CCTV", "CHNMED"),
    ("sector word located by a preposition", "Police in Belarus detained protesters.", "2023-03-15", "Police in Belarus", "BLRCOP"),
    ("possessive country + title", "Lebanon's new president spoke.", "2023-03-15", "Lebanon's new president", "LBNGOV"),
    ("person in office (2023)", "Biden spoke.", "2023-03-15", "Biden", "USAGOV"),
    ("person in office as vice-president (2012)", "Biden spoke.", "2012-02-14", "Biden", "USAGOV"),
    ("person out of office (2018)", "Biden spoke.", "2018-06-01", "Biden", "USAELI"),
    ("former official is an elite", "Xi met former U.S. Secretary of State John Carter.", "2012-02-14", "John Carter", "USAELI"),
    ("IGO", "The United Nations condemned the attack.", "2023-03-15", "United Nations", "IGO"),
    ("minority in the country it lives in", "Ethnic Hungarians in Romania protested.", "2023-03-15",
     "Hungarians in Romania", "ROU"),
    ("an epithet of one state", "The Islamic Republic denied the charge.", "2023-03-15", "Islamic Republic", "IRN"),
    ("another epithet", "The Jewish state recalled its envoy.", "2023-03-15", "Jewish state", "ISR"),
    ("a singular form of an armed group", "A Tamil Tiger commander surrendered.", "2023-03-15",
     "Tamil Tiger commander", "LKAREB"),
    ("a sector word: rioters", "Indonesian rioters torched the shops.", "2023-03-15", "Indonesian rioters", "IDNOPP"),
    ("a sector word: delegation", "The Colombian delegation left the talks.", "2023-03-15",
     "Colombian delegation", "COLGOV"),
    ("a sector word: sailors", "Iranian sailors boarded the tanker.", "2023-03-15", "Iranian sailors", "IRNMIL"),
    ("a sector word: deputies", "Peruvian deputies voted to remove the president.", "2023-03-15",
     "Peruvian deputies", "PERLEG"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("what", "text", "date", "words", "code"), CASES, ids=[c[0] for c in CASES]
)
def test_actor(what: str, text: str, date: str, words: str, code: str) -> None:
    found = mentions(text, date)
    codes = code_of(found, words)
    assert any(c is not None and c.startswith(code) for c in codes), f"{what}: {found}"


COREF = [
    # (what, text, anaphor words, expected codes)
    ("he -> the latest person", "Putin arrived in Ankara. He met Erdogan.", "He", {"RUSGOV"}),
    ("it -> the latest country", "Japan protested. It summoned the ambassador.", "It", {"JPN"}),
    ("they -> the conjoined pair", "Kenya and Uganda met. They signed a deal.", "They", {"KEN", "UGA"}),
    ("the two leaders", "Putin met Xi in Moscow. The two leaders signed a pact.", "leaders", {"RUSGOV", "CHNGOV"}),
    ("the two countries", "Putin met Xi in Moscow. The two countries signed a pact.", "countries", {"RUS", "CHN"}),
    ("the ministry", "Ukraine protested. The ministry summoned the envoy.", "ministry", {"UKRGOV"}),
    ("the country", "Chad closed its border. The country is poor.", "country", {"TCD"}),
    ("its -> the country", "Chad closed its border.", "its", {"TCD"}),
    ("it -> a sector word completed by coreference", "Ukraine protested. The ministry said it summoned the envoy.",
     "it", {"UKRGOV"}),
]  # fmt: skip


@pytest.mark.parametrize(("what", "text", "words", "codes"), COREF, ids=[c[0] for c in COREF])
def test_coreference(what: str, text: str, words: str, codes: set[str]) -> None:
    found = mentions(text)
    got = {code for t, code, how in found if t.endswith(words) and how.startswith("coref")}
    assert got == codes, f"{what}: {found}"


def test_mentions_are_in_token_order_with_heads_inside() -> None:
    doc = default_pipeline().parse(
        Article(id="t", text="Kenya and Uganda met. They signed a deal with Chad.")
    )
    spans = [(m.start, m.end) for m in doc._.actors]
    assert spans == sorted(spans)
    assert all(m.start <= m.head < m.end for m in doc._.actors)


def test_unknown_names_come_from_ner() -> None:
    found = mentions("Mara Velinski told reporters the vote was fair.")
    assert ("Mara Velinski", None, "ner-person") in found


def test_lower_case_common_word_is_not_a_country() -> None:
    assert not any(code == "TUR" for _, code, _ in mentions("They ate turkey and rice."))


# --- country words inside other names, regions, ambiguous names ---------------------------------

PLACES = [
    # (what, text, words of the mention, expected code)
    ("a US state's governor is not Mexico's", "The governor of New Mexico vetoed the bill.",
     "governor of New Mexico", "USAGOV"),
    ("state officials", "Texas officials condemned the decision.", "Texas officials", "USAGOV"),
    ("state lawmakers, not India", "Indiana lawmakers approved the budget.", "Indiana lawmakers", "USALEG"),
    ("a bare state is its government", "California sued the federal government on Monday.", "California", "USAGOV"),
    ("New Jersey is a state, not the Channel Island", "New Jersey police arrested two men.",
     "New Jersey police", "USACOP"),
    ("a Canadian province, not British", "British Columbia officials ordered an evacuation.",
     "British Columbia officials", "CANGOV"),
    ("a Mexican state, not California", "Baja California police detained the suspects.",
     "Baja California police", "MEXCOP"),
    ("Congolese alone is the DRC", "Congolese soldiers clashed with rebels near Goma.", "Congolese soldiers", "CODMIL"),
    ("Congolese near Brazzaville is the Republic of the Congo",
     "Congolese police dispersed a rally in Brazzaville, the capital of the Republic of Congo.",
     "Congolese police", "COGCOP"),
    ("Congo with Kinshasa is the DRC", "Congo recalled its envoy from Kinshasa's neighbour.", "Congo", "COD"),
    ("Georgia the country by default", "Georgia accused Russia of moving the border fence.", "Georgia", "GEO"),
    ("Georgia's governor is the US state", "The governor of Georgia signed the voting law.",
     "governor of Georgia", "USAGOV"),
    ("the state of Georgia", "The state of Georgia sued the county.", "state of Georgia", "USAGOV"),
    ("Georgia with Tbilisi stays the country", "Georgia's president spoke in Tbilisi about the governor's race.",
     "Georgia's president", "GEOGOV"),
    ("Dominican alone is the Dominican Republic", "Dominican troops reinforced the border.", "Dominican troops", "DOMMIL"),
    ("Guinea-Bissau is not Guinea", "Guinea-Bissau soldiers arrested the minister.", "Guinea-Bissau soldiers", "GNBMIL"),
    ("Papua New Guinea is not Guinea", "Papua New Guinea police fired tear gas.", "Papua New Guinea police", "PNGCOP"),
    ("South Sudan is not Sudan", "South Sudan troops crossed the river.", "South Sudan troops", "SSDMIL"),
    ("Niger is not Nigeria", "Niger recalled its ambassador.", "Niger", "NER"),
    ("Tripoli alone is Libya's capital", "Tripoli rejected the proposal.", "Tripoli", "LBYGOV"),
    ("Tripoli with Lebanon is Lebanon's city", "Gunmen clashed in Tripoli, the second city of Lebanon.",
     "Tripoli", "LBN"),
    ("a state that does not act is a place", "A powerful earthquake struck southern California.", "California", "USA"),
    ("a city is its country", "Israeli troops raided Jenin on Monday.", "Jenin", "PSE"),
    ("a city with a sector word", "Istanbul prosecutors charged the journalists.", "Istanbul prosecutors", "TURJUD"),
    ("a province with a sector word", "Guangdong police detained the workers.", "Guangdong police", "CHNCOP"),
    ("a district is a place of its country", "Taliban fighters attacked a checkpoint in Helmand.", "Helmand", "AFG"),
]  # fmt: skip


@pytest.mark.parametrize(("what", "text", "words", "code"), PLACES, ids=[c[0] for c in PLACES])
def test_places_regions_and_ambiguous_names(what: str, text: str, words: str, code: str) -> None:
    found = mentions(text)
    assert code_of(found, words) == {code}, f"{what}: {found}"


NOT_ACTORS = [
    # (text, a country that must not be an actor in it)
    ("Fishing boats sheltered from the typhoon in the South China Sea.", "CHN"),
    ("Two destroyers patrolled the East China Sea on Sunday.", "CHN"),
    ("The storm moved across the Gulf of Mexico toward the coast.", "MEX"),
    ("Russian bombers flew over the Sea of Japan.", "JPN"),
    ("Pirates boarded a tanker in the Gulf of Guinea.", "GIN"),
    ("The navy escorted tankers through the Persian Gulf.", "IRN"),
    ("The frigate sailed into the Indian Ocean.", "IND"),
    ("Tension rose on the Korean Peninsula after the test.", "KOR"),
    ("Warships transited the Taiwan Strait on Friday.", "TWN"),
    ("Settlers expanded outposts in the Jordan Valley.", "JOR"),
    ("Floods swept villages along the Niger River.", "NER"),
    ("The governor of New Mexico declared an emergency.", "MEX"),
    ("The governor of Georgia signed the budget in Atlanta.", "GEO"),
]


@pytest.mark.parametrize(("text", "country"), NOT_ACTORS, ids=[c[0][:40] for c in NOT_ACTORS])
def test_country_words_inside_place_names_are_not_actors(text: str, country: str) -> None:
    found = mentions(text)
    assert not any(code and code.startswith(country) for _, code, _ in found), found


def test_us_state_suing_is_a_us_government_event() -> None:
    import tidings

    events = tidings.code_text("Texas sued the Environmental Protection Agency.", date="2023-03-15")
    assert events and {e.source.code for e in events} == {"USAGOV"}


def test_sea_name_gives_no_target_country() -> None:
    import tidings

    text = "Chinese coast guard ships attacked a Philippine supply boat in the South China Sea."
    events = tidings.code_text(text, date="2023-03-15")
    assert events
    assert all(e.target is None or e.target.country != "CHN" for e in events)
    assert {e.source.code for e in events} == {"CHNMIL"}


STANCES = [
    # (text, a country that must not be an actor: the name says whom the group is for,
    #  against, backed by or related to)
    ("Russia's allies condemned the vote.", "RUS"),
    ("The allies of Iran fired rockets at the base.", "IRN"),
    ("Ukraine's neighbours pledged more aid.", "UKR"),
    ("Pro-Russian separatists seized the airport.", "RUS"),
    ("Anti-American protesters burned flags outside the embassy.", "USA"),
    ("Anti-Chinese rioters looted shops in the capital.", "CHN"),
    ("Russian-backed separatists shelled the town.", "RUS"),
    ("U.S.-backed fighters captured the dam.", "USA"),
    ("Iranian-backed militias fired rockets at the base.", "IRN"),
    ("Russian-speaking residents fled the shelling.", "RUS"),
]


@pytest.mark.parametrize(("text", "country"), STANCES, ids=[c[0][:30] for c in STANCES])
def test_pro_anti_and_backed_name_no_country(text: str, country: str) -> None:
    found = mentions(text)
    assert not any(code and code.startswith(country) for _, code, _ in found), found


def test_anti_government_protesters_are_not_the_government() -> None:
    found = mentions("Thailand banned rallies. Anti-government protesters defied the ban.")
    assert code_of(found, "protesters") == {"THAOPP"}, found


def test_led_keeps_the_country() -> None:
    found = mentions("Saudi-led warplanes struck the port.")
    assert any(code and code.startswith("SAU") for _, code, _ in found), found


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("Vietnamese-led troops retook the village.", "Vietnamese-led troops", "VNMMIL"),
        (
            "A London-based rights group criticized the verdict.",
            "London-based rights group",
            "GBRHRI",
        ),
    ],
)
def test_led_and_based_join_the_name_to_its_group(text: str, words: str, code: str) -> None:
    assert code_of(mentions(text), words) == {code}


def test_bracketed_acronym_is_not_the_person_of_those_initials() -> None:
    # "AKK" is also Annegret Kramp-Karrenbauer's nickname; after a name in brackets it abbreviates it
    found = mentions("Serbian Mayors Association (AKK) officials demanded new funds.")
    assert not any(code and code.startswith("DEU") for _, code, _ in found), found
    assert code_of(found, "officials") == {"SRBGOV"}, found


def test_a_far_common_context_word_does_not_make_georgia_a_us_state() -> None:
    found = mentions("Georgia's central bank governor raised interest rates.")
    assert any(code and code.startswith("GEO") for _, code, _ in found), found


def test_a_us_city_anywhere_in_the_article_makes_georgia_the_state() -> None:
    found = mentions("Georgia sued the county over the ballots. The hearing is in Atlanta.")
    assert code_of(found, "Georgia") == {"USAGOV"}, found


def test_a_city_naming_where_something_is_gives_no_actor() -> None:
    found = mentions("The court convicted him of plotting the Mumbai attacks.")
    assert not any(code and code.startswith("IND") for _, code, _ in found), found


FLEEING = [
    ("Aid groups fed refugees fleeing the fighting in Somalia.", "refugees fleeing the fighting in Somalia", "SOMREF"),
    ("Volunteers helped civilians fleeing Mariupol.", "civilians fleeing Mariupol", "UKRCVL"),
    ("Jordan sheltered families who fled from Aleppo.", "families who fled from Aleppo", "SYRCVL"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words", "code"), FLEEING, ids=[c[2] for c in FLEEING])
def test_people_fleeing_a_place_are_its_people(text: str, words: str, code: str) -> None:
    found = mentions(text)
    assert code_of(found, words) == {code}, found


def test_people_fleeing_to_a_place_are_not_its_people() -> None:
    found = mentions("Hundreds of refugees fled to Chad on Sunday.")
    assert not any(
        code and code.startswith("TCD") and text.startswith("refugees") for text, code, _ in found
    ), found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hunter Biden appeared in court on Tuesday.", "Hunter Biden"),  # not the president
        ("Michelle Obama praised the volunteers.", "Michelle Obama"),
        ("Donald Trump Jr. criticized the ruling.", "Donald Trump Jr."),
    ],
)
def test_a_longer_name_around_a_known_person_is_someone_else(text: str, name: str) -> None:
    found = mentions(text)
    assert (name, None, "ner-person") in found, found


def test_a_middle_name_keeps_the_person() -> None:
    found = mentions("Barack Hussein Obama signed the bill.", date="2010-03-23")
    assert code_of(found, "Obama") == {"USAGOV"}, found


def test_a_news_outlet_is_not_the_country_of_what_follows() -> None:
    text = (
        "Somalia's president returned to Mogadishu on Saturday. A BBC reporter said the city "
        "was calm. The rebels opened fire soon after he arrived."
    )
    assert code_of(mentions(text), "rebels") == {"SOMREB"}


def test_a_news_outlet_alone_still_gives_its_country() -> None:
    found = mentions("Xinhua reported the decision. The government said it would appeal.")
    assert code_of(found, "government") == {"CHNGOV"}, found


def test_anti_riot_police_are_police() -> None:
    found = mentions("Kenya banned the march. Anti-riot police fired tear gas at the crowd.")
    assert any(code == "KENCOP" for _, code, _ in found), found


def test_user_region_and_place_files_through_the_pipeline(tmp_path) -> None:
    from tidings.pipeline import Pipeline

    regions = tmp_path / "regions.tsv"
    regions.write_text(
        "region\taliases\tcountry\tsector\tcontext\tnote\nNorthland\t\tNZL\tGOV\t\t\n", "utf-8"
    )
    places = tmp_path / "places.tsv"
    places.write_text("place\tkind\tnote\nKenya Highlands\tregion\t\n", "utf-8")
    pipeline = Pipeline(actor_files=[regions, places])
    events = pipeline.code_text("Northland officials accused Fiji of lying.", "2023-03-15")
    assert any(e.source.code == "NZLGOV" and e.target and e.target.code == "FJI" for e in events)
    events = pipeline.code_text(
        "Farmers in the Kenya Highlands accused Uganda of theft.", "2023-03-15"
    )
    assert not any(e.source.country == "KEN" for e in events), events


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        (
            "California Gov. Gavin Newsom criticized the plan.",
            "California Gov. Gavin Newsom",
            "USAGOV",
        ),
        ("Sen. Ted Cruz of Texas accused China of spying.", "Sen. Ted Cruz of Texas", "USALEG"),
        ("Maria Ivanova of Bulgaria won the vote.", "Maria Ivanova of Bulgaria", "BGR"),
    ],
)
def test_us_style_titles_and_people_of_a_place(text: str, words: str, code: str) -> None:
    assert code_of(mentions(text), words) == {code}


def test_a_person_in_a_place_is_not_from_it() -> None:
    found = mentions("Maria Ivanova arrived in Bulgaria on Monday.")
    assert ("Maria Ivanova", None, "ner-person") in found, found


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        # a common word that is also a listed person's name needs the article's backing
        ("Bush scored twice for the Saints on Sunday.", "Bush", None),
        ("President Bush met the Russian leader in Moscow.", "Bush", "USA"),
        ("Sharon baked bread for the village fair.", "Sharon", None),
        # a distinctive name needs none
        ("Putin spoke for an hour.", "Putin", "RUS"),
    ],
)
def test_common_one_word_names_need_backing(text: str, word: str, code: str | None) -> None:
    found = [(t, c) for t, c, _how in mentions(text) if t.endswith(word)]
    got = next((c for _t, c in found if c), None)
    assert (got[:3] if got else None) == code, found
