"""Generate a synthetic wire-style corpus for ingest benchmarks (JSON Lines, one article a line).

    .venv/bin/python benchmarks/make_corpus.py corpus.jsonl --articles 5000

How it is made: every article is composed by this script from the sentence templates below,
filled with actors from tidings' own dictionaries (UN member countries with their adjectives
and capitals from ``countries.tsv``; G20 leaders in office on the article's date from
``people/g20.tsv``), topics and weekdays, with a seeded random generator (the same seed gives
the same corpus).  Nothing is copied from real articles or from ``../shared``.  A share of the
articles (``--republished``, default 5 %) are copies of an earlier story under another outlet
and id, with a different byline, so that near-duplicate detection has work to do.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "tidings" / "actors" / "data"

OUTLETS = (
    ("Tidings Wire", "tidingswire.example"),
    ("Meridian Herald", "meridianherald.example"),
    ("Eastbridge Post", "eastbridgepost.example"),
    ("Daily Ledger", "dailyledger.example"),
    ("Harbour Times", "harbourtimes.example"),
)

# {a}/{b}: country names; {a_adj}/{b_adj}: adjectives; {a_cap}: A's capital; {a_lead}: a leader
# of A in office (or "The {a_adj} president"); {topic}, {day}, {n}: fillers.
LEADS = (
    "{a} accused {b} of {accusation} on {day}, escalating a dispute that has simmered for months.",
    "{a_adj} troops shelled positions near the border with {b} on {day}, officials in {b_cap} said.",
    "{a} and {b} signed an agreement on {topic} on {day} after two days of talks in {a_cap}.",
    "{a} imposed sanctions on {b} on {day} over its {issue}, the {a_adj} foreign ministry said.",
    "{a_lead} met {b_adj} leaders in {b_cap} on {day} to discuss {topic}.",
    "{a} expelled {n} {b_adj} diplomats on {day}, accusing them of espionage.",
    "{a} pledged {money} in humanitarian aid to {b} on {day} after floods displaced thousands.",
    "{a} threatened on {day} to cut diplomatic ties with {b} unless it ends its {issue}.",
)
BODY = (
    "The {a_adj} foreign minister urged {b} to return to negotiations without preconditions.",
    "{b} rejected the accusation and said it would respond to any provocation.",
    "{b_adj} officials denied that their forces had crossed into {a_adj} territory.",
    "Diplomats said {a} and {b} had agreed to hold a further round of talks on {topic} next month.",
    "{c} called on both sides to show restraint and to respect international law.",
    "The United Nations Security Council is expected to meet on {day} to discuss the crisis.",
    "{a_lead} said the talks with {b} had been frank and constructive.",
    "Protesters gathered outside the {a_adj} embassy in {b_cap}, demanding an apology.",
    "{c} offered to mediate between {a} and {b}, a spokesman in {c_cap} said.",
    "{b} recalled its ambassador from {a_cap} for consultations.",
    "Analysts said the dispute over {topic} was unlikely to be settled soon.",
    "{a_adj} police arrested {n} opposition activists in {a_cap} on {day}.",
    "{b} agreed to release {n} prisoners as a goodwill gesture.",
    '"We will defend our sovereignty by every means," a {b_adj} government spokesman said.',
    '"There is no military solution to this conflict," {a_lead} told reporters in {a_cap}.',
    "{c} condemned the attack and urged an independent investigation.",
)
FILL = {
    "accusation": ("violating the ceasefire", "interfering in its elections", "sheltering militants",
                   "spying on its officials", "blocking humanitarian convoys"),
    "topic": ("border security", "trade and investment", "energy supplies", "water sharing",
              "refugee returns", "fisheries", "a prisoner exchange"),
    "issue": ("nuclear programme", "support for rebel groups", "crackdown on protesters",
              "military build-up on the border", "detention of foreign journalists"),
    "day": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "money": ("$20 million", "$50 million", "$100 million", "$250 million"),
}  # fmt: skip


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    adjective: str
    capital: str


def _rows(path: Path) -> list[dict[str, str]]:
    lines = [
        ln
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.lstrip().startswith("#")
    ]
    return list(csv.DictReader(lines, delimiter="\t"))


def load_countries() -> list[Country]:
    out = []
    for row in _rows(DATA / "countries.tsv"):
        adjectives = [a for a in (row.get("adjectives") or "").split(";") if a]
        capitals = [c for c in (row.get("capitals") or "").split(";") if c]
        if row.get("status") == "member" and adjectives and capitals:
            out.append(Country(row["iso3"], row["name"], adjectives[0], capitals[0]))
    return out


def load_leaders() -> list[tuple[str, str, str, str, str]]:
    """(name, iso3, role, start, end) for heads of state and government in ``g20.tsv``."""
    out = []
    for row in _rows(DATA / "people" / "g20.tsv"):
        if row.get("role") in ("President", "Prime Minister", "Chancellor") and row.get("country"):
            out.append(
                (row["name"], row["country"], row["role"], row["start"], row.get("end") or "9999")
            )
    return out


def leader(leaders: list[tuple[str, str, str, str, str]], country: Country, day: str) -> str:
    for name, iso3, role, start, end in leaders:
        if iso3 == country.iso3 and start <= day < end:
            return f"{country.adjective} {role} {name}"
    return f"The {country.adjective} president"


def make_article(
    rng: random.Random, i: int, countries: list[Country], leaders: list, start: dt.date
) -> dict:
    a, b, c = rng.sample(countries, 3)
    day = (start + dt.timedelta(days=rng.randrange(3650))).isoformat()
    values = {k: rng.choice(v) for k, v in FILL.items()}
    values |= {
        "a": a.name, "b": b.name, "c": c.name, "a_adj": a.adjective, "b_adj": b.adjective,
        "a_cap": a.capital, "b_cap": b.capital, "c_cap": c.capital,
        "a_lead": leader(leaders, a, day), "n": str(rng.randint(2, 40)),
    }  # fmt: skip
    lead = rng.choice(LEADS).format(**values)
    body = [s.format(**values) for s in rng.sample(BODY, rng.randint(3, 6))]
    outlet, domain = rng.choice(OUTLETS)
    paragraphs = [f"{a.capital.upper()} ({outlet}) — {lead}", *body]
    title = lead.split(",")[0].split(" on ")[0]
    return {
        "id": f"synth-{i:06d}", "title": title, "date": day, "source": outlet,
        "url": f"https://{domain}/world/{day.replace('-', '/')}/story-{i:06d}",
        "language": "en", "text": "\n\n".join(paragraphs),
    }  # fmt: skip


def republish(rng: random.Random, i: int, original: dict) -> dict:
    outlet, domain = rng.choice([o for o in OUTLETS if o[0] != original["source"]])
    byline = f"Reporting by {rng.choice(('Ana Ruiz', 'Tom Hale', 'Lena Berg', 'Omar Said'))}; editing by {rng.choice(('Kim Lowe', 'Raj Patel'))}."
    return original | {
        "id": f"synth-{i:06d}", "source": outlet,
        "url": f"https://{domain}/news/{original['date'].replace('-', '/')}/copy-{i:06d}",
        "text": original["text"] + "\n\n" + byline,
    }  # fmt: skip


def make_corpus(n: int, *, seed: int = 7, republished: float = 0.05) -> list[dict]:
    rng = random.Random(seed)
    countries, leaders = load_countries(), load_leaders()
    start = dt.date(2015, 1, 1)
    articles: list[dict] = []
    for i in range(n):
        if articles and rng.random() < republished:
            articles.append(republish(rng, i, rng.choice(articles)))
        else:
            articles.append(make_article(rng, i, countries, leaders, start))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="output JSON Lines file")
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--republished", type=float, default=0.05, help="share of republished copies"
    )
    args = parser.parse_args()
    articles = make_corpus(args.articles, seed=args.seed, republished=args.republished)
    with args.out.open("w", encoding="utf-8") as f:
        for article in articles:
            f.write(json.dumps(article, ensure_ascii=False) + "\n")
    words = sum(len(a["text"].split()) for a in articles)
    print(f"wrote {len(articles)} articles ({words} words) to {args.out}")


if __name__ == "__main__":
    main()
