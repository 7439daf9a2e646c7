"""Actor dictionaries: coverage of the packaged data, lookups, matching rules, user files,
validation errors and people's date-bounded roles (``tidings.actors.dictionary``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tidings.actors import ActorDictionary, Country, Org, Person, Place, Region
from tidings.actors.dictionary import AGENT_CODES, DATA_DIR, HEADERS
from tidings.errors import ResourceError

FIXTURES = Path(__file__).parent / "fixtures" / "actors"


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.fixture(scope="module")
def with_people() -> ActorDictionary:
    return ActorDictionary.load(extra=[FIXTURES / "people.tsv"])


def code_of(entry) -> str:
    """The code an entry stands for: a country's CAMEO code, an org's code, a sector."""
    value = entry.value
    if isinstance(value, Country | Org):
        return value.code
    if isinstance(value, Person):
        return value.name
    if isinstance(value, Region):
        return value.code
    if isinstance(value, Place):
        return value.kind
    return value.sector


def found(d: ActorDictionary, phrase: str) -> set[tuple[str, str]]:
    return {(e.kind, code_of(e)) for e in d.lookup(phrase)}


# --- coverage of the packaged data ------------------------------------------------------------


def test_every_un_member_and_observer_is_present(actors):
    members = [c for c in actors.countries.values() if c.status == "member"]
    observers = {c.iso3 for c in actors.countries.values() if c.status == "observer"}
    assert len(members) == 193
    assert observers == {"VAT", "PSE"}


# Seychelles: "Victoria" is left out on purpose (the Australian state in most news).
CAPITAL_LEFT_OUT = {"SYC"}


def test_every_member_has_capital_and_adjective(actors):
    members = [c for c in actors.countries.values() if c.status == "member"]
    assert [c.iso3 for c in members if not c.adjectives] == []
    assert {c.iso3 for c in members if not c.capitals} == CAPITAL_LEFT_OUT


def test_country_codes_are_unique(actors):
    codes = [c.code for c in actors.countries.values()]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize(
    "iso3,code,status",
    [
        ("TWN", "TWN", "territory"),
        ("XKX", "KSV", "territory"),  # Kosovo: no ISO code; CAMEO KSV
        ("HKG", "HKG", "territory"),
        ("ESH", "ESH", "territory"),
        ("SUN", "USR", "historical"),
        ("YUG", "YUG", "historical"),
    ],
)
def test_territories_and_historical_states(actors, iso3, code, status):
    country = actors.country(iso3)
    assert country is not None and (country.code, country.status) == (code, status)


def test_unknown_iso_code_is_none(actors):
    assert actors.country("ZZZ") is None


def test_packaged_sectors_are_documented_agent_codes(actors):
    used = {s.sector for s in actors.sectors} | {t.sector for t in actors.titles}
    used |= {o.sector for o in actors.orgs.values() if o.sector}
    assert used <= AGENT_CODES


def test_readme_documents_every_file_format():
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    for kind, columns in HEADERS.items():
        assert "\t".join(columns) in readme, kind
    for code in AGENT_CODES:
        assert f"| {code} |" in readme or f" {code} /" in readme or f"/ {code} |" in readme, code


def test_organisations_refer_to_known_countries(actors):
    assert actors.orgs["PSEREBHMS"].country == "PSE"
    assert all(o.country is None or o.country in actors.countries for o in actors.orgs.values())


# --- spot lookups -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase,kind,code",
    [
        ("China", "country", "CHN"),
        ("Chinese", "adjective", "CHN"),
        ("Beijing", "capital", "CHN"),
        ("U.S.", "country", "USA"),
        ("US", "country", "USA"),
        ("United States of America", "country", "USA"),
        ("Washington", "capital", "USA"),
        ("White House", "capital", "USA"),
        ("Belarusian", "adjective", "BLR"),
        ("Belarussian", "adjective", "BLR"),
        ("Kremlin", "capital", "RUS"),
        ("Downing Street", "capital", "GBR"),
        ("Britain", "country", "GBR"),
        ("England", "country", "GBR"),  # like Scotland, Wales and Northern Ireland
        ("Wales", "country", "GBR"),
        ("Kyiv", "capital", "UKR"),
        ("Kiev", "capital", "UKR"),
        ("Ivory Coast", "country", "CIV"),
        ("Gaza", "country", "PSE"),
        ("Palestinian", "adjective", "PSE"),
        ("Kosovo", "country", "KSV"),
        ("Soviet", "adjective", "USR"),
        ("Security Council", "org", "IGOUNOUNSC"),
        ("United Nations", "org", "IGOUNO"),
        ("UN", "org", "IGOUNO"),
        ("U.N.", "org", "IGOUNO"),
        ("European Union", "org", "IGOEUREEC"),
        ("NATO", "org", "IGONAT"),
        ("IAEA", "org", "IGOUNOIAE"),
        ("International Criminal Court", "org", "IGOJUDICC"),
        ("Amnesty International", "org", "NGOHRIAMN"),
        ("Red Cross", "org", "NGOHLHIRC"),
        ("Doctors Without Borders", "org", "NGOHLHMSF"),
        ("Hezbollah", "org", "LBNREBHEZ"),
        ("Islamic State", "org", "IMGMOSISIL"),
        ("Xinhua", "org", "CHNMEDXIN"),
        ("CCTV", "org", "CHNMEDCCT"),
        ("UNICEF", "org", "IGOUNOKID"),
        ("World Bank", "org", "IGOUNODEVWBK"),
        ("WTO", "org", "IGOBUSWTO"),
        ("OSCE", "org", "IGOEUROSCE"),
        ("ASEAN", "org", "IGOSEAASN"),
        ("Arab League", "org", "IGOMEAARL"),
        ("Gulf Cooperation Council", "org", "IGOMEAGCC"),
        ("ECOWAS", "org", "IGOWAFBUSWAS"),
        ("G20", "org", "IGOBUSGTW"),
        ("G-7", "org", "IGOBUSGOS"),
        ("Interpol", "org", "IGOCOPITP"),
        ("European Commission", "org", "IGOEUREECCOM"),
        ("European common market", "org", "IGOEUREEC"),  # any case after "European"
        ("General Assembly", "org", "IGOUNOUNGA"),
        ("Taliban", "org", "AFGREBTAL"),
        ("Houthi rebels", "org", "YEMREBHTH"),
        ("Wagner Group", "org", "IMGRUSWAG"),
        ("PKK", "org", "TURREBPKK"),
        ("FARC", "org", "COLREBFRC"),
        ("Boko Haram", "org", "NGAREBBKH"),
        ("al-Shabab", "org", "SOMREBSHB"),
        ("KCNA", "org", "PRKMEDKCN"),
        ("TASS", "org", "RUSMEDTAS"),
        ("Human Rights Watch", "org", "NGOHRIHRW"),
        ("Oxfam", "org", "NGODEVOXF"),
        ("Greenpeace", "org", "NGOENVGRP"),
        ("the Pentagon", "org", "USAMILPEN"),  # metonyms of one country's bodies are organisations
        ("Knesset", "org", "ISRLEGKNS"),
        ("Revolutionary Guards", "org", "IRNMILIRGC"),
        ("People's Liberation Army", "org", "CHNMILPLA"),
        ("troops", "sector", "MIL"),
        ("government", "sector", "GOV"),
        ("state media", "sector", "MED"),
        ("rebels", "sector", "REB"),
        ("parliament", "sector", "LEG"),
        ("civilians", "sector", "CVL"),
        ("Foreign Minister", "title", "GOV"),
        ("foreign minister", "title", "GOV"),
        ("Defence Minister", "title", "MIL"),
        ("Secretary-General", "title", "IGO"),
    ],
)
def test_lookup(actors, phrase, kind, code):
    assert (kind, code) in found(actors, phrase)


@pytest.mark.parametrize(
    "phrase,expected",
    [
        # ambiguity is returned, not resolved: the resolver decides with the context
        ("Congolese", {("adjective", "COD"), ("adjective", "COG")}),
        ("Congo", {("country", "COD"), ("country", "COG")}),
        ("Dominican", {("adjective", "DMA"), ("adjective", "DOM")}),
        ("Georgia", {("country", "GEO"), ("region", "USA")}),
        ("Turkey", {("country", "TUR")}),
        ("Türkiye", {("country", "TUR")}),
    ],
)
def test_lookup_returns_every_reading(actors, phrase, expected):
    assert found(actors, phrase) == expected


@pytest.mark.parametrize(
    "phrase,first",
    [
        ("Congolese", "COD"),
        ("Congo", "COD"),
        ("Dominican", "DOM"),
        ("Georgia", "GEO"),
        ("Tripoli", "LBY"),
    ],
)
def test_preferred_reading_comes_first(actors, phrase, first):
    assert code_of(actors.lookup(phrase)[0]) == first


@pytest.mark.parametrize(
    "phrase,kind,code",
    [
        ("Texas", "region", "USA"),
        ("New Mexico", "region", "USA"),  # not Mexico
        ("New Jersey", "region", "USA"),
        ("Indiana", "region", "USA"),  # a word of its own, not India
        ("State of Georgia", "region", "USA"),
        ("District of Columbia", "region", "USA"),
        ("British Columbia", "region", "CAN"),  # not British
        ("Quebec", "region", "CAN"),
        ("Western Australia", "region", "AUS"),
        ("Baja California", "region", "MEX"),  # not the US state
        ("East Azerbaijan", "region", "IRN"),  # the Iranian province
        ("Inner Mongolia", "region", "CHN"),  # not Mongolia
        ("Niger State", "region", "NGA"),  # not Niger
        ("Helmand", "region", "AFG"),
        ("North Kivu", "region", "COD"),
        ("South China Sea", "place", "sea"),
        ("East China Sea", "place", "sea"),
        ("Sea of Japan", "place", "sea"),
        ("Gulf of Mexico", "place", "gulf"),
        ("Persian Gulf", "place", "gulf"),
        ("Gulf of Guinea", "place", "gulf"),
        ("Indian Ocean", "place", "ocean"),
        ("Korean Peninsula", "place", "peninsula"),
        ("Taiwan Strait", "place", "strait"),
        ("Jordan Valley", "place", "valley"),
        ("Niger River", "place", "river"),
    ],
)
def test_regions_and_places(actors, phrase, kind, code):
    assert found(actors, phrase) == {(kind, code)}


def test_every_us_state_is_a_region(actors):
    us = [r for r in actors.regions.values() if r.country == "USA" and r.sector == "GOV"]
    assert len(us) == 51  # 50 states and the District of Columbia
    assert {"Texas", "New Mexico", "District of Columbia"} <= {r.name for r in us}


def test_cities_code_as_their_country_without_a_sector(actors):
    for name, iso3 in [("Istanbul", "TUR"), ("Jenin", "PSE"), ("Mosul", "IRQ"), ("Goma", "COD")]:
        (entry,) = actors.lookup(name)
        assert (entry.kind, entry.country, entry.value.sector) == ("region", iso3, None)


# --- matching rules -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase,code",
    [
        ("Côte d'Ivoire", "CIV"),  # accents
        ("Cote d'Ivoire", "CIV"),
        ("COTE D'IVOIRE", "CIV"),  # all-capital headline text
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Guinea Bissau", "GNB"),  # hyphen = space
        ("Guinea-Bissau", "GNB"),
        ("al Qaeda", "IMGMOSQAE"),
        ("Al-Qaeda", "IMGMOSQAE"),
        ("USA", "USA"),
        ("U.S.A.", "USA"),  # dots ignored
        ("UAE", "ARE"),
        ("the Kremlin", "RUS"),  # leading "the" optional
        ("The Hague", "NLD"),
        ("China's", "CHN"),  # attached possessive
        ("Hezbollah’s", "LBNREBHEZ"),  # typographic apostrophe
    ],
)
def test_tolerant_matching(actors, phrase, code):
    assert code in {code_of(e) for e in actors.lookup(phrase)}


@pytest.mark.parametrize(
    "phrase",
    [
        "us",  # the pronoun is not the United States
        "Us",
        "un",  # nor French "un" the UN
        "eu",
        "who",  # nor "who" the World Health Organization
        "Who",  # not even at the start of a sentence
        "Un",
        "Cis",
        "turkey",  # lower-case text does not match a capitalised name
        "china",
        "chad",
        "general",  # "in general": the military title is written capitalised
        "justice",
        "major",  # "a major attack"
        "",
        "the",
    ],
)
def test_case_rule_keeps_common_words_out(actors, phrase):
    assert actors.lookup(phrase) == []


@pytest.mark.parametrize("phrase", ["Secretary-General", "secretary general", "Vice-President"])
def test_spelling_variants_give_one_entry(actors, phrase):
    assert len(actors.lookup(phrase)) == 1


@pytest.mark.parametrize(
    "sentence,start,end,code",
    [
        ("the United Nations Security Council met", 0, 5, "IGOUNOUNSC"),
        ("the United Nations Security Council met", 1, 5, "IGOUNOUNSC"),
        ("the United Nations agency said", 1, 3, "IGOUNO"),
        ("officials in the U.S. said", 2, 4, "USA"),
        ("a U.S.-led coalition", 1, 2, "USA"),  # match ends inside a hyphenated token
        ("the Democratic Republic of Congo army", 0, 5, "COD"),
        ("fighters of al - Qaeda attacked", 2, 5, "IMGMOSQAE"),  # spaCy splits the hyphen
        ("China 's army", 0, 1, "CHN"),  # a separate "'s" is not part of the match
        ("South Korea and North Korea", 0, 2, "KOR"),
        ("South Korea and North Korea", 3, 5, "PRK"),
        ("the Chinese foreign ministry said", 2, 4, "GOV"),
        ("Chinese Foreign Minister Wang Yi", 1, 3, "GOV"),
        ("Lt. Gen. Sergei Surovikin", 0, 2, "MIL"),
        ("Latin American leaders met", 0, 2, "LAM"),  # a region, not American (USA)
        ("Western diplomats said", 0, 2, "WST"),
        ("militants in the Niger Delta", 2, 5, "NGA"),  # the delta is Nigeria's, not Niger's
        ("The Washington Post reported", 0, 3, "USAMEDWPO"),  # not the US capital
        ("the Guardian Council vetoed", 0, 3, "IRNGOVGDC"),
        # a country's name inside a longer name is not the country
        ("ships in the South China Sea", 2, 6, "sea"),
        ("the governor of New Mexico said", 3, 5, "USA"),
        ("Guinea-Bissau soldiers", 0, 1, "GNB"),
        ("Papua New Guinea police", 0, 3, "PNG"),
        ("Equatorial Guinea said", 0, 2, "GNQ"),
        ("the Dominican Republic closed", 0, 3, "DOM"),
        ("South Sudan accused Sudan", 0, 2, "SSD"),
        ("Nigeria and Niger", 0, 1, "NGA"),
        ("Northern Irish police said", 0, 2, "GBR"),  # not Irish (Ireland)
        ("American Indian tribes sued", 0, 2, "USA"),  # not Indian (India)
        ("West Indian migrants arrived", 0, 2, "CRB"),
        ("the Democratic Republic of the Congo said", 0, 6, "COD"),
        ("the Republic of Congo said", 0, 4, "COG"),
    ],
)
def test_longest_match(actors, sentence, start, end, code):
    result = actors.longest_match(sentence.split(), start)
    assert result is not None
    got_end, entries = result
    assert got_end == end
    assert code in {code_of(e) for e in entries}


@pytest.mark.parametrize(
    "sentence,start",
    [
        ("we told us nothing", 2),
        ("Victoria police said", 0),  # the Australian state, not the Seychelles capital
        ("New Jersey officials", 1),  # not the Channel Island
        ("West Yorkshire Police said", 0),  # not the West (WST)
        ("the talks ended", 0),
        ("he ate turkey", 2),
        ("a U.S.", 5),  # start outside the words
        ("Russia", -1),
    ],
)
def test_longest_match_none(actors, sentence, start):
    assert actors.longest_match(sentence.split(), start) is None


def test_max_phrase_words_covers_the_longest_names(actors):
    words = "the United Kingdom of Great Britain and Northern Ireland said".split()
    assert actors.longest_match(words, 0)[0] == 9
    assert actors.max_phrase_words >= 8


# --- user files -----------------------------------------------------------------------------------


def test_default_load_is_cached(actors):
    assert ActorDictionary.load() is actors


def test_user_files_are_read_again_when_edited(tmp_path):
    path = tmp_path / "orgs.tsv"
    path.write_text(f"{ORG_HEADER}\nNGOAAA\tFirst Watch\t\tNGO\t\n", encoding="utf-8")
    first = ActorDictionary.load(extra=[path])
    assert ActorDictionary.load(extra=[path]) is first  # unchanged: cached
    path.write_text(f"{ORG_HEADER}\nNGOAAA\tSecond Watch Group\t\tNGO\t\n", encoding="utf-8")
    second = ActorDictionary.load(extra=[path])
    assert found(second, "Second Watch Group") == {("org", "NGOAAA")}
    assert found(second, "First Watch") == set()
    assert second.version != first.version


def test_dictionary_survives_pickling(actors):
    # process pools and Spark ship the loaded dictionary to workers
    import pickle

    copy = pickle.loads(pickle.dumps(actors))
    assert copy.version == actors.version
    assert found(copy, "Kremlin") == {("capital", "RUS")}
    assert copy.longest_match("the U.N. Security Council".split(), 0)[0] == 4


def test_user_files_add_and_replace_entries(actors):
    d = ActorDictionary.load(extra=[FIXTURES / "organizations.tsv", FIXTURES / "countries.tsv"])
    assert found(d, "Northland Farmers Union") == {("org", "NGOAGRNFU")}
    assert found(d, "the Alliance") == {("org", "IGONAT")}  # the user's row replaced ours
    assert found(actors, "the Alliance") == set()
    assert found(d, "Arnorian") == {("adjective", "ARN")}
    assert d.version != actors.version
    assert str(FIXTURES / "countries.tsv") in d.files


def test_user_sector_and_title_files(actors, tmp_path):
    (tmp_path / "sectors.tsv").write_text(
        "phrase\tsector\tnote\nOfficers\tMIL\tin our corpus officers are soldiers\n"
        "border troops\tMIL\t\n",
        encoding="utf-8",
    )
    (tmp_path / "titles.tsv").write_text(
        "title\tsector\tnote\nfield commander\tREB\t\n", encoding="utf-8"
    )
    d = ActorDictionary.load(extra=[tmp_path])
    assert found(actors, "officers") == {("sector", "COP")}
    assert found(d, "Officers") == {("sector", "MIL")}  # replaced, whatever the spelling
    assert found(d, "border troops") == {("sector", "MIL")}
    assert found(d, "field commander") == {("title", "REB")}


def test_user_folder_loads_every_tsv(actors):
    d = ActorDictionary.load(extra=[FIXTURES])
    assert {"NGOAGRNFU", "IGONAT"} <= set(d.orgs)
    assert "XAR" in d.countries
    assert {"Tomas Novák", "Lena Ortiz"} <= {p.name for p in d.people}


def test_missing_user_file_is_a_resource_error(tmp_path):
    with pytest.raises(ResourceError, match="no such dictionary file"):
        ActorDictionary.load(extra=[tmp_path / "nope.tsv"])


COUNTRY_HEADER = "iso3\tcode\tname\taliases\tadjectives\tcapitals\tstatus"
ORG_HEADER = "code\tname\taliases\tsector\tcountry"
PEOPLE_HEADER = "name\taliases\tcountry\tcode\trole\tstart\tend"
REGION_HEADER = "region\taliases\tcountry\tsector\tcontext\tnote"
PLACE_HEADER = "place\tkind\tnote"
AMBIGUOUS_HEADER = "phrase\tprefer\tnote"


@pytest.mark.parametrize(
    "text,line,reason",
    [
        ("iso3\tname\n", 1, "unknown header"),
        ("# only a comment\n", None, "no header line"),
        (f"{ORG_HEADER}\nNGOX\tX\t\tNGO\t\textra\n", 2, "6 columns"),
        (f"{ORG_HEADER}\nNGOX\tX\t\tNGO\tUSA\nNGOX\tY\t\tNGO\t\n", 3, "duplicate code 'NGOX'"),
        (f"{ORG_HEADER}\nNGOX\tX\t\tNGO\tusa\n", 2, "bad ISO code"),
        (f"{ORG_HEADER}\nNGOX\tX\t\tNGO\tQQQ\n", 2, "unknown country 'QQQ'"),
        (f"{ORG_HEADER}\n\n# comment\nNGOX\t\t\tNGO\t\n", 4, "empty 'name'"),
        (f"{ORG_HEADER}\nngo x\tX\t\tNGO\t\n", 2, "bad code"),
        (f"{ORG_HEADER}\nNGOX\tX\t\tngo\t\n", 2, "bad sector"),
        (f"{COUNTRY_HEADER}\nUS\tUSA\tX\t\t\t\tmember\n", 2, "bad ISO code 'US'"),
        (f"{COUNTRY_HEADER}\nXAA\tXAA\tX\t\t\t\tcolony\n", 2, "bad status"),
        (f"{COUNTRY_HEADER}\nXAA\tCHN\tX\t\t\t\tterritory\n", 2, "duplicate code 'CHN'"),
        (f"{PEOPLE_HEADER}\nA B\t\tUSA\tUSAGOV\tPresident\t2020-13-01\t\n", 2, "bad date"),
        (
            f"{PEOPLE_HEADER}\nA B\t\tUSA\tUSAGOV\tPresident\t2020-01-01\t2019-01-01\n",
            2,
            "start 2020-01-01 is after end",
        ),
        (f"{PEOPLE_HEADER}\nA B\t\tUSA\tUSA\tPresident\t\t\n", 2, "bad code 'USA'"),
        (f"{PEOPLE_HEADER}\nA B\t\tUSA\tUSAGOV\t\t\t\n", 2, "empty 'role'"),
        (f"{REGION_HEADER}\nNorthland\t\t\tGOV\t\t\n", 2, "empty 'country'"),
        (f"{REGION_HEADER}\nNorthland\t\tQQQ\tGOV\t\t\n", 2, "unknown country 'QQQ'"),
        (f"{PLACE_HEADER}\nNorth Sea\tpuddle\t\n", 2, "bad kind 'puddle'"),
        (f"{AMBIGUOUS_HEADER}\nCongolese\tFRA\t\n", 2, "no reading of 'Congolese' belongs to FRA"),
        (f"{AMBIGUOUS_HEADER}\nCongolese\t\t\n", 2, "empty 'prefer'"),
    ],
)
def test_validation_errors_name_file_and_line(tmp_path, text, line, reason):
    path = tmp_path / "user.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ResourceError) as info:
        ActorDictionary.load(extra=[path])
    message = str(info.value)
    where = f"{path}:{line}: " if line else f"{path}: "
    assert message.startswith(where), message
    assert reason in message
    assert "\n" not in message


def test_trimmed_trailing_empty_cells_are_accepted(tmp_path):
    # editors that strip trailing whitespace eat an empty last cell
    path = tmp_path / "people.tsv"
    path.write_text(f"{PEOPLE_HEADER}\nAda Example\t\t\tIGOUNO\tEnvoy\t2020-01-01\n", "utf-8")
    d = ActorDictionary.load(extra=[path])
    assert found(d, "Ada Example") == {("person", "Ada Example")}


def test_user_regions_places_and_preferences(tmp_path):
    (tmp_path / "regions.tsv").write_text(
        f"{REGION_HEADER}\nNorthland\tNorthland Province\tNZL\tGOV\t\t\n", "utf-8"
    )
    (tmp_path / "places.tsv").write_text(f"{PLACE_HEADER}\nKenya Highlands\tregion\t\n", "utf-8")
    (tmp_path / "ambiguous.tsv").write_text(f"{AMBIGUOUS_HEADER}\nCongolese\tCOG\t\n", "utf-8")
    d = ActorDictionary.load(extra=[tmp_path])
    assert found(d, "Northland Province") == {("region", "NZL")}
    assert found(d, "Kenya Highlands") == {("place", "region")}
    assert code_of(d.lookup("Congolese")[0]) == "COG"  # the user's preference replaces ours


def test_non_utf8_file_is_a_resource_error(tmp_path):
    path = tmp_path / "latin1.tsv"
    path.write_bytes(f"{ORG_HEADER}\nNGOX\tCaf\xe9\t\tNGO\t\n".encode("latin-1"))
    with pytest.raises(ResourceError, match="not UTF-8"):
        ActorDictionary.load(extra=[path])


# --- people and their roles ---------------------------------------------------------------------


def person(d: ActorDictionary, name: str) -> Person:
    return next(p for p in d.people if p.name == name)


def test_rows_of_one_name_are_one_person(with_people):
    novak = person(with_people, "Tomas Novák")
    assert [r.role for r in novak.roles] == ["Foreign Minister", "President"]
    assert found(with_people, "Novak") == {("person", "Tomas Novák")}  # accents folded
    assert found(with_people, "Tomas J. Novák") == {("person", "Tomas Novák")}
    assert found(with_people, "Lena Maria Ortiz") == {("person", "Lena Ortiz")}


@pytest.mark.parametrize(
    "name,day,role",
    [
        ("Tomas Novák", date(2012, 6, 1), "Foreign Minister"),
        ("Tomas Novák", date(2017, 1, 20), "Foreign Minister"),  # end day is inclusive
        ("Tomas Novák", date(2018, 6, 1), None),
        ("Tomas Novák", date(2023, 3, 1), "President"),
        ("Tomas Novák", None, "President"),  # undated: the latest role
        ("Tomas Novák", "2023-03-01", "President"),  # an article's ISO date string
        ("Lena Ortiz", date(2010, 1, 1), "High Commissioner for Refugees"),
        ("Lena Ortiz", date(2030, 1, 1), "Secretary-General"),  # open end
        ("Lena Ortiz", None, "Secretary-General"),
    ],
)
def test_role_on(with_people, name, day, role):
    held = person(with_people, name).role_on(day)
    assert (held.role if held else None) == role


@pytest.mark.parametrize(
    "name,day,expected",
    [
        ("Tomas Novák", date(2023, 3, 1), ("CZEGOV", "CZE", "GOV")),
        ("Tomas Novák", date(2019, 5, 1), ("CZEELI", "CZE", "ELI")),  # between terms
        ("Tomas Novák", date(2026, 5, 1), ("CZEELI", "CZE", "ELI")),
        ("Lena Ortiz", date(2020, 1, 1), ("IGOUNO", None, "IGO")),
        ("Lena Ortiz", date(2003, 1, 1), ("ESPELI", "ESP", "ELI")),  # nearest: PM
        ("Lena Ortiz", date(2016, 6, 1), ("ELI", None, "ELI")),  # nearest: UNHCR
        ("Lena Ortiz", date(1990, 1, 1), ("ESPELI", "ESP", "ELI")),
    ],
)
def test_actor_code(with_people, name, day, expected):
    assert person(with_people, name).actor_code(day) == expected


# --- quality floor on the PLOVER gold standard ------------------------------------------------------

# Share of gold actor mentions (PLOVER dev, with a country code) whose text contains a dictionary
# phrase for the gold country; measured 266/306 = 0.869 on 2026-11-28.  The misses need people
# the files lack, context ("ethnic Albanians" coded SRB) or spelling repair.  Lower only with a
# written reason.
PLOVER_COUNTRY_FLOOR = 0.84


def countries_in(d: ActorDictionary, text: str) -> set[str]:
    words = text.replace("'s", " 's").split()
    found_codes: set[str] = set()
    for i in range(len(words)):
        match = d.longest_match(words, i)
        for entry in match[1] if match else ():
            value = entry.value
            if isinstance(value, Country):
                found_codes.add(value.iso3)
            elif isinstance(value, Org) and value.country:
                found_codes.add(value.country)
            elif isinstance(value, Person):
                found_codes.add(value.actor_code(None)[1] or "")
    return found_codes


def test_plover_gold_actor_countries_are_found(actors, shared_data):
    import json

    total = hits = 0
    with open(shared_data / "plover" / "plover_gsr_dev.jsonl", encoding="utf-8") as lines:
        for line in lines:
            for event in json.loads(line)["events"]:
                for actor in event["source"] + event["target"]:
                    if actor.get("code") in (None, "IGO", "NGO", "IMG"):
                        continue
                    total += 1
                    hits += actor["code"] in countries_in(actors, actor["text"])
    assert total > 300
    assert hits / total >= PLOVER_COUNTRY_FLOOR, f"{hits}/{total}"
