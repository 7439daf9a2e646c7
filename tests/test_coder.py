"""The coder, one construction per row: sentences written for these tests, coded through
``code_text``/``Pipeline`` with the packaged dictionaries and lexicon."""

from __future__ import annotations

import pytest

from test_pipeline_articles import matches
from tidings.pipeline import default_pipeline
from tidings.records import Article, Event


@pytest.fixture(scope="module")
def pipe():  # type: ignore[no-untyped-def]
    return default_pipeline()


def code(pipe, text: str, date: str = "2023-03-15") -> list[Event]:  # type: ignore[no-untyped-def]
    return pipe.code_article(Article(id="t", text=text, date=date, language="en")).events


def show(events: list[Event]) -> str:
    return "\n".join(
        f"{e.source.code} {e.cameo} {e.plover} -> {e.target.code if e.target else None} "
        f"{e.modality} neg={e.negated} spk={e.speaker.code if e.speaker else None} {e.date} [{e.evidence.trigger}]"
        for e in events
    )


# (construction, text, article date, pattern that some event must match)
EXPECTED = [
    ("compound subject, first", "Kenya and Tanzania signed a border agreement in Nairobi on Monday.", "2023-03-15",
     {"source": "KEN", "plover": "SUPPORT", "cameo": "057"}),
    ("compound subject, second", "Kenya and Tanzania signed a border agreement in Nairobi on Monday.", "2023-03-15",
     {"source": "TZA", "plover": "SUPPORT", "cameo": "057"}),
    ("passive with agent", "The embassy in Kabul was attacked by Pakistani militants.", "2023-03-15",
     {"source": "PAK", "plover": "ASSAULT", "modality": "asserted"}),
    ("reduced passive relative: the noun is the patient", "Ghana opened its border to refugees expelled by Togo.", "2023-03-15",
     {"source": "TGO", "plover": "COERCE"}),
    ("passive without agent: the place's authorities", "An American journalist was arrested in Iran on Monday.", "2023-03-15",
     {"source": "IRN", "target": "USA", "plover": "COERCE"}),
    ("raising: is expected to", "The Iranian foreign minister is expected to visit Moscow on Sunday.", "2023-03-15",
     {"source": "IRNGOV", "target": "RUS", "modality": "intended", "date": "2023-03-19"}),
    ("capital stands for the government", "Tokyo condemned the missile launch by North Korea.", "2023-03-15",
     {"source": "JPNGOV", "plover": "ACCUSE"}),
    ("capital as target", "Seoul accused Pyongyang of violating the armistice.", "2023-03-15",
     {"source": "KORGOV", "target": "PRKGOV", "plover": "ACCUSE"}),
    ("nationality + sector", "Ukrainian troops shelled Russian positions near the border.", "2023-03-15",
     {"source": "UKRMIL", "plover": "ASSAULT"}),
    ("nationality + government", "The Indian government expelled two Canadian diplomats.", "2023-03-15",
     {"source": "INDGOV", "target": "CAN"}),
    ("unknown person with title and nationality", "The Chilean foreign minister met with Argentina's ambassador in Santiago.", "2023-03-15",
     {"source": "CHLGOV", "plover": "CONSULT"}),
    ("stated intent: wants to meet is an intent to meet (036)", "Turkey wants to meet with Greece to discuss maritime borders.", "2023-03-15",
     {"source": "TUR", "target": "GRC", "plover": "AGREE", "cameo": "036", "modality": "asserted"}),
    ("object control: urged X to", "France urged Iran to release the detained aid workers.", "2023-03-15",
     {"source": "FRA", "target": "IRN", "plover": "REQUEST"}),
    ("appeal: called on X to", "Egypt called on Israel to halt its offensive in Gaza.", "2023-03-15",
     {"source": "EGY", "target": "ISR", "plover": "REQUEST", "modality": "asserted"}),
    ("conjoined verbs share the subject", "Brazil welcomed the proposal and praised Argentina for its efforts.", "2023-03-15",
     {"source": "BRA", "target": "ARG", "plover": "SUPPORT"}),
    ("negation", "Vietnam did not condemn the Chinese naval exercises.", "2023-03-15",
     {"source": "VNM", "plover": "ACCUSE", "negated": True}),
    ("negation by never", "Norway has never sold weapons to Saudi Arabia, the ministry said.", "2023-03-15",
     {"source": "NOR", "negated": True}),
    ("hypothetical: could", "Australia could impose sanctions on Myanmar's generals.", "2023-03-15",
     {"source": "AUS", "modality": "hypothetical"}),
    ("hypothetical: conditional clause", "If Serbia attacks Kosovo, NATO will respond.", "2023-03-15",
     {"source": "SRB", "plover": "ASSAULT", "modality": "hypothetical"}),
    ("stated intent: plans to send arms is an intent to give military aid", "Germany plans to send tanks to Poland next year.", "2023-03-15",
     {"source": "DEU", "target": "POL", "plover": "AGREE", "cameo": "0332", "modality": "asserted"}),
    ("intended: tried to", "Sudanese rebels tried to seize the airport in Khartoum.", "2023-03-15",
     {"source": "SDN", "plover": "ASSAULT", "modality": "intended"}),  # seizing a place is an assault
    ("alleged: accused X of", "Azerbaijan accused Armenia of shelling its villages.", "2023-03-15",
     {"source": "ARM", "plover": "ASSAULT", "modality": "alleged"}),
    ("accusation itself is asserted", "Azerbaijan accused Armenia of shelling its villages.", "2023-03-15",
     {"source": "AZE", "target": "ARM", "plover": "ACCUSE", "modality": "asserted"}),
    ("reported speech: speaker of said", "Mexico's president said the United States had deported thousands of migrants.", "2023-03-15",
     {"source": "USA", "modality": "reported", "speaker": "MEX"}),
    ("reported speech two levels deep", "Xinhua reported that Xi Jinping said China was ready to deepen cooperation with Brazil.", "2023-03-15",
     {"source": "CHN", "target": "BRA", "plover": "AGREE", "speaker": "CHNGOV", "modality": "reported"}),
    ("direct quote credited to the speaker", '"We demand an immediate ceasefire," Erdogan said.', "2023-03-15",
     {"source": "TURGOV", "plover": "REQUEST", "speaker": "TURGOV"}),
    ("future cooperative act is a statement of intent", "Japan will provide emergency aid to Turkey.", "2023-03-15",
     {"source": "JPN", "plover": "AGREE", "cameo": "03"}),
    ("announced refusal is a rejection", "Hungary said it will not accept more refugees from Serbia.", "2023-03-15",
     {"source": "HUN", "plover": "REJECT", "negated": False}),
    ("conditional future act is a threat", "Ghana will recall its ambassador from Togo unless the border is reopened.", "2023-03-15",
     {"source": "GHA", "plover": "THREATEN"}),
    ("conditional offer stays an offer", "Iran said it would meet the American envoy if he came to Oman.", "2023-03-15",
     {"plover": "AGREE", "cameo": "03", "modality": ["asserted", "reported"]}),
    ("obligation stated by a speaker is a demand", "Britain said Libya must hand over the two suspects.", "2023-03-15",
     {"source": "GBR", "target": "LBY", "plover": "REQUEST", "modality": "asserted"}),
    ("dateline is cut off", "LOME (Tidings Wire) — Police in Togo arrested opposition leaders on Monday.", "2023-03-15",
     {"source": "TGOCOP", "plover": ["COERCE", "ASSAULT"]}),
    ("coreference: the three governments",
     "France, Germany and Britain met in Paris. The three governments urged Iran to return to the talks.", "2023-03-15",
     {"source": "DEU", "target": "IRN", "plover": "REQUEST"}),
    ("conjoined destinations", "The Iranian foreign minister will travel to Beijing and then to Moscow.", "2023-03-15",
     {"source": "IRNGOV", "target": "RUSGOV"}),
    ("'against X' names a target even where objects do not", "Kurdish students staged a rally in Ankara against the Turkish government.", "2023-03-15",
     {"plover": "PROTEST", "target": "TURGOV"}),
    ("relative date: on Tuesday", "Chinese troops attacked Indian soldiers on Tuesday.", "2023-03-16",
     {"source": "CHN", "date": "2023-03-14"}),
    ("relative date: yesterday", "Poland expelled a Russian diplomat yesterday.", "2023-03-16",
     {"source": "POL", "date": "2023-03-15"}),
    ("no date expression: the article date", "Poland expelled a Russian diplomat.", "2023-03-16",
     {"source": "POL", "date": "2023-03-16"}),
    ("obligation stated by a speaker: a demand, whatever the verb",
     "The Greek foreign minister reiterated that Turkey must hand back the two soldiers.", "2023-03-16",
     {"source": "GRC", "target": "TUR", "plover": "REQUEST"}),
    ("a purpose clause lends its target", "Chile opened its border crossings to allow food deliveries to Bolivia.",
     "2023-03-16", {"source": "CHL", "target": "BOL"}),
    ("conjoined objects: the last one's target", "Ethiopian troops launched drone, tank, and artillery fire against Eritrean villages.",
     "2023-03-16", {"source": "ETH", "target": "ERI", "plover": "ASSAULT"}),
    ("a verb conjoined to a passive: its patient acts", "The Peruvian minister was censured by Congress and will resign.",
     "2023-03-16", {"source": "PER"}),
    ("a purpose's object when the act's own object is the source's", "Farmers in Poland blocked their roads to show their anger at Ukraine.",
     "2023-03-16", {"source": "POL", "target": "UKR"}),
    ("a people of a country belongs to it", "The Hungarians of southern Slovakia demanded autonomy from the Slovak government.",
     "2023-03-16", {"source": "SVK", "target": "SVKGOV", "plover": "REQUEST"}),
    ("a minority acting in a country belongs to it", "Hundreds of ethnic Hungarians demonstrated on Sunday in Romania.",
     "2023-03-16", {"source": "ROU", "plover": "PROTEST"}),
    ("a light noun takes its meaning from its compound; 'between' names the parties",
     "Norway launched a mediation effort between Colombia and Venezuela.",
     "2023-03-16", {"source": "NOR", "target": "VEN", "plover": "CONSULT"}),
    ("the other party of the occasion", "Kenyan doctors called off their strike after talks with the Kenyan government.",
     "2023-03-16", {"source": "KEN", "target": "KENGOV", "plover": "CONCEDE"}),
    ("a protest without a target is aimed at the rulers where it happens", "Hundreds of Serbs demonstrated in Serbia on Sunday.",
     "2023-03-16", {"source": "SRB", "target": "SRBGOV", "plover": "PROTEST"}),
    ("what a noun names was done by its agent", "Kenyan police broke up a rally organised by Ugandan exiles.",
     "2023-03-16", {"source": "KEN", "target": "UGA"}),
    ("one actor for a country and a sector word in one phrase", "A Turkish air force jet shot down a drone near the border.",
     "2023-03-16", {"source": "TURMIL", "plover": "ASSAULT"}),
    # stated intentions (cues.tsv intend … express): coded like "will", as the intent or threat
    ("stated intent relayed by a verb of saying", "The Qatari emir said his government wants to host talks between Sudan and Chad.",
     "2023-03-16", {"source": "QAT", "plover": "AGREE", "cameo": "036", "modality": "reported"}),
    ("stated intent: hopes to visit", "The Kenyan president hopes to visit Ethiopia next month.",
     "2023-03-16", {"source": "KENGOV", "target": "ETH", "plover": "AGREE", "cameo": "036"}),
    ("stated intent: seeks to improve ties", "Iraq is seeking to improve its relations with Kuwait.",
     "2023-03-16", {"source": "IRQ", "target": "KWT", "plover": "AGREE", "cameo": "03"}),
    ("stated intent: aims to mediate", "Egypt aims to mediate between the Sudanese army and the rebels.",
     "2023-03-16", {"source": "EGY", "plover": "AGREE", "cameo": "039"}),
    ("stated intent to attack is a threat", "The Houthis vowed to attack Saudi oil facilities.",
     "2023-03-16", {"target": "SAU", "plover": "THREATEN", "cameo": "138", "modality": "asserted"}),
    ("stated intent to sanction is a threat", "Canada wants to impose new sanctions on Iran.",
     "2023-03-16", {"source": "CAN", "target": "IRN", "plover": "THREATEN", "cameo": "1312"}),
    ("open to working with: an intent to cooperate", "The Mexican president said he was open to working with Cuba on migration.",
     "2023-03-16", {"source": "MEXGOV", "target": "CUB", "plover": "AGREE", "cameo": "031"}),
    ("no intent code for a verbal act: it stays intended", "Canada wants to condemn Iran at the United Nations.",
     "2023-03-16", {"source": "CAN", "plover": "ACCUSE", "modality": "intended"}),
    ("does not want to meet: a rejection", "Serbia does not want to meet the Kosovar delegation in Brussels.",
     "2023-03-16", {"source": "SRB", "plover": "REJECT", "cameo": "125", "negated": False}),
    ("has no plans to meet: a rejection", "The Serbian president has no plans to meet Kosovo's prime minister.",
     "2023-03-16", {"source": "SRBGOV", "target": "KSVGOV", "plover": "REJECT", "cameo": "125"}),
    ("not ready to meet: the negation on the copula", "Armenia is not ready to meet the Azerbaijani delegation.",
     "2023-03-16", {"source": "ARM", "plover": "REJECT", "cameo": "125", "negated": False}),
    ("work with: cooperation", "The Kenyan coast guard worked with India against piracy last year.",
     "2023-03-16", {"source": "KEN", "target": "IND", "plover": "COOPERATE", "cameo": "060"}),
    ("a resignation is a retreat", "The Bulgarian finance minister resigned on Friday.",
     "2023-03-16", {"source": "BGRGOV", "plover": "RETREAT", "cameo": "0831", "modality": "asserted"}),
    ("an announced resignation is an intent to change leadership", "The Pakistani prime minister will resign next week.",
     "2023-03-16", {"source": "PAKGOV", "plover": "AGREE", "cameo": "0341"}),
    ("a refused resignation is a rejection", "The Pakistani prime minister said he would not resign.",
     "2023-03-16", {"source": "PAKGOV", "plover": "REJECT", "cameo": "1231", "negated": False}),
    ("an unnamed crowd protesting in a place is that country's", "Hundreds of inmates rioted at a prison in Quito on Sunday.",
     "2023-03-16", {"source": "ECU", "target": "ECUGOV", "plover": "PROTEST"}),
    ("a crowd named by a participle", "Police fired tear gas at students protesting the election results in Lusaka.",
     "2023-03-16", {"source": "ZMB", "plover": "PROTEST"}),
    ("a protest naming no target or place is aimed at the protesters' own rulers", "Nigerian students marched through the streets on Monday.",
     "2023-03-16", {"source": "NGA", "target": "NGAGOV", "plover": "PROTEST"}),
    ("a protest outside an embassy is aimed at its country", "Serbian students protested outside the American embassy on Friday.",
     "2023-03-16", {"source": "SRB", "target": "USA", "plover": "PROTEST"}),
    ("a purpose clause is done by the subject, not the place 'on' names", "Nigerian farmers descended on Abuja to protest the ban.",
     "2023-03-16", {"source": "NGA", "plover": "PROTEST"}),
    ("a noun of stated intention: expressed readiness to", "Iran expressed its readiness to resume talks with the United States.",
     "2023-03-16", {"source": "IRN", "target": "USA", "plover": "AGREE", "cameo": "036"}),
    ("stated intent: is looking to", "Seoul is looking to improve relations with Tokyo.",
     "2023-03-16", {"source": "KORGOV", "target": "JPNGOV", "plover": "AGREE", "cameo": "03"}),
    ("a vow reaching through 'continue'", "The Taliban vowed to continue fighting the Afghan army.",
     "2023-03-16", {"plover": "THREATEN", "cameo": "138"}),
    ("a government's protest is an official complaint", "Beijing protested that the American warship had entered Chinese waters.",
     "2023-03-16", {"source": "CHNGOV", "plover": "ACCUSE", "cameo": "114"}),
    ("what 'alleged' crimes name is alleged", "Rights groups documented alleged war crimes committed by Sudanese militias in Darfur.",
     "2023-03-16", {"source": "SDN", "plover": "ASSAULT", "modality": "alleged"}),
    ("an appeal's addressee after 'from'", "Lebanon sought emergency aid from France after the blast.",
     "2023-03-16", {"source": "LBN", "target": "FRA", "plover": "REQUEST"}),
    ("not interested in working with: a refusal to cooperate", "The Kremlin is not interested in working with Kyiv.",
     "2023-03-16", {"source": "RUSGOV", "target": "UKRGOV", "plover": "REJECT", "negated": False}),
    ("unwilling to: a refusal", "Serbia is unwilling to recognize Kosovo's independence.",
     "2023-03-16", {"source": "SRB", "plover": "REJECT", "negated": False}),
    ("reluctant to meet: a refusal to meet", "The Greek government is reluctant to meet the Turkish delegation.",
     "2023-03-16", {"source": "GRCGOV", "plover": "REJECT", "cameo": "125"}),
    ("unable to: did not happen", "Armenia was unable to attend the summit in Moscow.",
     "2023-03-16", {"source": "ARM", "plover": "CONSULT", "negated": True}),
    ("wanting another actor to act is an appeal to it", "Kyiv wants Berlin to send more tanks before the spring.",
     "2023-03-16", {"source": "UKRGOV", "target": "DEUGOV", "plover": "REQUEST", "cameo": "020"}),
    ("a pledge's target in its complement, past the source's own troops", "Moscow pledged to withdraw its troops from Moldova.",
     "2023-03-16", {"source": "RUSGOV", "target": "MDA", "plover": "AGREE", "cameo": "0356"}),
    ("the infinitive's object when no row names the infinitive", "Britain pledged to send more troops to Estonia.",
     "2023-03-16", {"source": "GBR", "target": "EST", "plover": "AGREE", "cameo": "0312"}),
    ("a bare promise to strike is a threat", "Hezbollah promised to strike Israel.",
     "2023-03-16", {"target": "ISR", "plover": "THREATEN"}),
    ("protesting that something is so is a complaint against whom it names", "Amnesty International protested that the Croatian authorities were failing to protect refugees.",
     "2023-03-16", {"source": "NGO", "target": "HRVGOV", "plover": "ACCUSE", "cameo": "114"}),
    ("hosting a foreign base is military cooperation", "Djibouti hosts a large Chinese naval base.",
     "2023-03-16", {"source": "DJI", "target": "CHN", "plover": "COOPERATE", "cameo": "062"}),
    ("an attack's target, not whom it supports", "Hezbollah fired rockets at Israel in support of Hamas.",
     "2023-03-16", {"source": "LBNREBHEZ", "target": "ISR", "plover": "ASSAULT"}),
    ("a visit's place is its host", "The Kenyan president arrived in Kampala on Monday.",
     "2023-03-16", {"source": "KENGOV", "target": "UGA", "cameo": "042"}),
    ("hosting a person is a visit", "Turkey hosted the Iranian foreign minister on Monday.",
     "2023-03-16", {"source": "TUR", "target": "IRNGOV", "cameo": "043"}),
]  # fmt: skip

FORBIDDEN = [
    ("negated event is not asserted", "Vietnam did not condemn the Chinese naval exercises.",
     {"plover": "ACCUSE", "negated": False}),
    ("alleged event is not asserted", "Azerbaijan accused Armenia of shelling its villages.",
     {"plover": "ASSAULT", "modality": ["asserted", "reported"]}),
    ("hypothetical veto", "Russia would have the power to veto any such resolution.",
     {"modality": ["asserted", "reported"]}),
    ("tag list without a finite verb", "Tags: Russia, Ukraine, sanctions, attack, talks",
     {}),
    ("complement of a coded act is its content", "Iran threatened to attack Israel.",
     {"plover": "ASSAULT"}),
    ("complement of a proposal has not happened", "Ghana turned down a request for its soldiers to be sent to Mali.",
     {"plover": "MOBILIZE", "modality": ["asserted", "reported"]}),
    ("what someone is suspected of is alleged", "Three Syrians suspected by Germany of bombing the embassy were extradited.",
     {"plover": "ASSAULT", "modality": ["asserted", "reported"]}),
    ("an unresolved subject is not replaced by the speaker",
     "The ruling council of Colonel Baro imposed a curfew, detaining critics, a spokesman for the French embassy said.",
     {"source": "FRA"}),
    ("a purpose clause is part of the act", "Kenyan police fired tear gas to disperse the protesters.",
     {"plover": "PROTEST"}),
    ("the purpose of a protest is no separate demand", "Farmers in France staged rallies to demand higher prices.",
     {"plover": "REQUEST"}),
    ("an agreement's content has not happened yet", "Peru and Chile signed an agreement to increase trade.",
     {"plover": "COOPERATE"}),
    ("a rejected plan's content", "Germany rejected plans to sell tanks to Qatar.",
     {"plover": "AID"}),
    ("a refused acceptance is no acceptance", "Farmers condemned the Polish government's refusal to accept the grain deal.",
     {"plover": "AGREE", "negated": False}),
    ("an agentless participle describes", "A village was raided by Sudanese gunmen armed with rifles.",
     {"plover": "AID"}),
    ("a gerund subject names an act to talk about", "Lifting the sanctions on Cuba is out of the question, Washington said.",
     {"plover": "RETREAT"}),
    ("a gerund under a noun names a kind of act", "Britain banned the group over its involvement in killing soldiers.",
     {"plover": "ASSAULT"}),
    ("troops arriving are no diplomatic visit", "Indian peacekeeping troops arrived in South Sudan on Monday.",
     {"plover": "CONSULT"}),
    ("nationals abroad keep their country", "Americans in Iraq protested against the war.",
     {"source": "IRQ"}),
    ("an obligation on oneself is no demand", "Iran said it must defend its borders.",
     {"plover": "REQUEST"}),
    ("the condition of a threat is what it demands", "Syria threatened to close the border unless Turkey withdrew its troops.",
     {"plover": "RETREAT"}),
    ("what an agreement says should happen", "Peru and Chile agreed that their navies should cooperate.",
     {"plover": "COOPERATE"}),
    ("a wanted meeting has not happened", "Turkey wants to meet with Greece to discuss maritime borders.",
     {"plover": "CONSULT"}),
    ("seeking to do something is no appeal", "Iraq is seeking to improve its relations with Kuwait.",
     {"plover": "REQUEST"}),
    ("a vow to attack is no promise to cooperate", "The Houthis vowed to attack Saudi oil facilities.",
     {"plover": ["AGREE", "ASSAULT"]}),
    ("not ready to meet is no intent to meet", "Armenia is not ready to meet the Azerbaijani delegation.",
     {"plover": "AGREE"}),
    ("no plans to meet is no intent to meet", "The Serbian president has no plans to meet Kosovo's prime minister.",
     {"plover": ["AGREE", "CONSULT"], "negated": False}),
    ("an intention in a condition was stated by nobody", "If Russia wants to attack Moldova, NATO will respond.",
     {"source": "RUS", "plover": "THREATEN"}),
    ("an alleged intention is no threat", "Moscow accused Kyiv of planning to attack Crimea.",
     {"plover": "THREATEN"}),
    ("an attempt is not a statement of intent", "Sudanese rebels tried to seize the airport in Khartoum.",
     {"plover": "AGREE"}),
    ("working with reporters is no cooperation between actors", "The minister worked with reporters for years.",
     {}),
    ("a pronoun is no unnamed crowd", "They protested in Quito on Sunday.",
     {"source": "ECU"}),
    ("a government's protest is not aimed at itself", "The Turkish government protested on Friday.",
     {"target": "TURGOV"}),
    ("a state's protest is not aimed at its own government", "China protested against the arms sale to Taiwan.",
     {"target": "CHNGOV"}),
    ("a place after 'on' is no controller of a purpose clause", "Nigerian farmers descended on Abuja to protest the ban.",
     {"source": "NGAGOV"}),
    ("readiness to resume talks is no resumption", "Iran expressed its readiness to resume talks with the United States.",
     {"plover": "CONSULT"}),
    ("no desire to fight is no fighting", "Kenya has no desire to fight Somalia.",
     {"plover": "ASSAULT", "negated": False}),
    ("a vow to keep fighting is no promise to cooperate", "The Taliban vowed to continue fighting the Afghan army.",
     {"plover": "AGREE"}),
    ("a government does not demonstrate in the street", "Beijing protested that the American warship had entered Chinese waters.",
     {"plover": "PROTEST"}),
    ("alleged abuses are not told as fact", "Rights groups documented alleged war crimes committed by Sudanese militias in Darfur.",
     {"plover": "ASSAULT", "modality": ["asserted", "reported"]}),
    ("seeking to do something is trying, not appealing", "Russia is seeking to expand its military presence in Africa.",
     {"plover": "REQUEST"}),
    ("a protest in a place the dictionaries do not know is not aimed at the protesters' rulers",
     "Pro-Russian protesters rallied in the eastern cities of Donetsk and Luhansk.",
     {"target": "RUSGOV"}),
    ("unwilling to recognize is no recognition", "Serbia is unwilling to recognize Kosovo's independence.",
     {"plover": "SUPPORT", "negated": False}),
    ("unable to attend is no attendance", "Armenia was unable to attend the summit in Moscow.",
     {"plover": "CONSULT", "negated": False}),
    ("what one actor wants another to do has not happened", "Kyiv wants Berlin to send more tanks before the spring.",
     {"plover": "AID"}),
    ("wanting to act oneself is no appeal", "Turkey wants to meet with Greece to discuss maritime borders.",
     {"plover": "REQUEST"}),
    ("a pledge to send troops to an ally is no threat", "Britain pledged to send more troops to Estonia.",
     {"plover": ["THREATEN", "MOBILIZE"]}),
    ("a promise to strike is no promise to cooperate", "Hezbollah promised to strike Israel.",
     {"plover": "AGREE"}),
    ("demonstrating that something is so is showing it", "Russia demonstrated that it could strike anywhere in Ukraine.",
     {"plover": "PROTEST"}),
    ("an NGO protesting in the street still protests", "Greenpeace protested outside the Brazilian embassy on Friday.",
     {"plover": "ACCUSE"}),
    ("an organisation protesting that … makes no street protest", "Amnesty International protested that the Croatian authorities were failing to protect refugees.",
     {"plover": "PROTEST"}),
    ("what a resolution aims at", "Brazil backed a resolution that aims to impose sanctions on Venezuela.",
     {"plover": ["COERCE", "SANCTION"]}),
    ("where a meeting takes place is no party to it", "The African Union's council met in Addis Ababa on Friday.",
     {"plover": "CONSULT", "target": "ETH"}),
    ("a base is not a visitor", "Bahrain hosts a large American naval base.",
     {"cameo": "043"}),
    ("whom an attack is in support of is not its target", "The rebels in Yemen say their strikes target tankers bound for Israel, in support of Palestinians in Gaza.",
     {"plover": "ASSAULT", "target": "PSE"}),
    ("whom a strike is in solidarity with is not its target", "Militants in Lebanon fired rockets in solidarity with the Palestinians.",
     {"plover": "ASSAULT", "target": "PSE"}),
]  # fmt: skip


# Never drop an event for want of a code; only political actors make events (the recall and
# precision issues of 2026-12: every sentence below was written for these tests)
EXPECTED += [
    ("a sector word without a country takes the country of the place",
     "Riot police detained forty students in Nairobi on Tuesday.", "2023-03-15",
     {"source": "KENCOP", "plover": "COERCE"}),
    ("an uncoded source keeps its words", "A spokesman for the Sahel rebel alliance rejected the truce offer.", "2023-03-15",
     {"source_code": None, "source_text": "spokesman", "plover": "REJECT"}),
    ("a pronoun source carries the name of what it stands for", "Hungary said it will back the new resolution.", "2023-03-15",
     {"source": "HUN", "source_name": "Hungary", "plover": "AGREE"}),
    ("an unknown person acting on a state", "Senator Ruiz Delgado sharply criticized Venezuela on Monday.", "2023-03-15",
     {"source_code": None, "target": "VEN", "plover": "ACCUSE"}),
    ("the victims of an agentless passive are its target", "Four Malian soldiers were killed near the border with Niger.", "2023-03-15",
     {"source_code": None, "target": "MLIMIL", "plover": "ASSAULT"}),
    ("a joint act is one event each way, first", "Kenya and Uganda signed a trade treaty in Kampala.", "2023-03-15",
     {"source": "KEN", "target": "UGA", "plover": "SUPPORT"}),
    ("a joint act is one event each way, second", "Kenya and Uganda signed a trade treaty in Kampala.", "2023-03-15",
     {"source": "UGA", "target": "KEN", "plover": "SUPPORT"}),
    ("the two leaders met: each met the other", "Lula visited Beijing in April. The two leaders met at the Great Hall.", "2023-04-14",
     {"source": "BRAGOV", "target": "CHNGOV", "plover": "CONSULT"}),
    ("workers threatening a walkout act politically", "Kenyan teachers threatened a walkout over pay.", "2023-03-15",
     {"source": "KEN", "plover": "THREATEN"}),
    ("whom an arrest is aimed at, though no dictionary knows him", "Egyptian police arrested the blogger Samir Fawzi in Cairo.", "2023-03-15",
     {"source": "EGYCOP", "target_text": "Samir Fawzi", "plover": "COERCE"}),
    ("fire aimed at a place hits its country", "Syrian artillery shelled rebel positions in Idlib.", "2023-03-15",
     {"source": "SYRMIL", "plover": "ASSAULT"}),
]  # fmt: skip

FORBIDDEN += [
    ("a fire is no assault", "A large fire swept through the suburbs of Perth overnight.", {}),
    ("a crime between private people is no political event", "A man shot his neighbour during a quarrel in Ohio.", {}),
    ("a match is no battle", "The striker attacked the goal twice in the first half.", {}),
    ("a firm's denial is no political rejection", "The company denied the report about its profits.", {}),
    ("talking to the press is no consultation", "The minister spoke to reporters in Nairobi.", {"plover": "CONSULT"}),
    ("the place of an agentless killing is not its source", "Six soldiers were killed in eastern Afghanistan.",
     {"source": "AFG"}),
    ("the place of an arrest is not the arrested", "Riot police detained forty students in Nairobi on Tuesday.",
     {"target_code": "KEN"}),
    ("nobody met anybody", "Officials met on Monday.", {}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("construction", "text", "date", "pattern"), EXPECTED, ids=[r[0] for r in EXPECTED]
)
def test_construction_is_coded(
    pipe, construction: str, text: str, date: str, pattern: dict
) -> None:  # type: ignore[no-untyped-def]
    events = code(pipe, text, date)
    assert any(matches(e, pattern) for e in events), f"{construction}\n{show(events)}"


@pytest.mark.parametrize(
    ("construction", "text", "pattern"), FORBIDDEN, ids=[r[0] for r in FORBIDDEN]
)
def test_construction_is_not_coded(pipe, construction: str, text: str, pattern: dict) -> None:  # type: ignore[no-untyped-def]
    bad = [e for e in code(pipe, text) if matches(e, pattern)]
    assert not bad, f"{construction}\n{show(bad)}"


def test_event_records_evidence_and_rule(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Officials met on Monday.\n\nKenya and Tanzania signed a border agreement in Nairobi."
    events = code(pipe, text)
    assert events
    for e in events:
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text
        assert e.evidence.trigger and e.evidence.trigger.split()[0] in e.evidence.text
        assert e.rule.split(":")[0] in ("verbs.tsv", "nouns.tsv")
        assert e.sentence == 1 and e.article_id == "t"
        assert e.plover and e.cameo_name and e.quad_class in (1, 2, 3, 4)


def test_code_text_api() -> None:
    import tidings

    events = tidings.code_text("Kenya and Tanzania signed a border agreement.", date="2023-01-02")
    assert {e.source.code for e in events} >= {"KEN", "TZA"}
    assert all(e.date == "2023-01-02" for e in events)


def test_adjectival_participle_is_not_an_event(pipe) -> None:  # type: ignore[no-untyped-def]
    events = code(pipe, "The visiting Iranian delegation toured the factory.")
    assert "visiting" not in {e.evidence.trigger for e in events}


def test_a_blank_line_ends_a_sentence(pipe) -> None:  # type: ignore[no-untyped-def]
    # a headline without final punctuation is not run into the paragraph after it
    events = code(
        pipe, "Turkey protests\n\nThe Greek navy seized a Turkish ship near Lesbos on Monday."
    )
    assert events and all(
        e.evidence.text.startswith(("Turkey protests", "The Greek")) for e in events
    )
    assert all("\n" not in e.evidence.text for e in events)


def test_participle_takes_the_noun_it_modifies_as_object(pipe) -> None:  # type: ignore[no-untyped-def]
    # "a statement released by his office" was coded as a release of persons (084): the lexicon's
    # object cue (release + statement = a statement, 010) did not see the modified noun
    events = code(
        pipe, "Lukashenko backed the plan, according to a statement released by his office."
    )
    assert not [e for e in events if e.cameo.startswith("084")], show(events)
    events = code(pipe, "The hostages released by Hamas crossed into Egypt on Friday.")
    assert any(e.cameo == "0841" and e.source.code.startswith("PSE") for e in events), show(events)
