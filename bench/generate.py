"""Deterministic generator of news-like prose for benchmarking numcheck.

Two modes:

    python bench/generate.py OUT_DIR --megabytes 20
    python bench/generate.py OUT_DIR --articles 10000 --stories 300

Articles are grouped by story, one directory per story (``OUT_DIR/story_0001/...``). Every story
has its own facts (a place, a weapon or project or company, a count, a distance with its
conversion, a date, a percentage, a money figure); every article of a story retells those facts
with its own wording, qualifiers, units order and spelling. A small share of articles carries a
deliberate error: a wrong conversion, or a figure that disagrees with the rest of the story.
Those are listed in a manifest written next to the corpus (``OUT_DIR.manifest.json``), with the
exact text of each injected phrase.

The same arguments and seed always give byte-identical output.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

import newswords as W

# --------------------------------------------------------------------------------------------
# Numbers and units
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitPair:
    """A source unit and the unit news copy converts it to."""

    key: str
    src: tuple[str, ...]
    src_adj: str | None
    dst_us: tuple[str, ...]
    dst_uk: tuple[str, ...]
    dst_adj_us: tuple[str, ...]
    dst_adj_uk: tuple[str, ...]
    factor: float
    offset: float = 0.0

    def convert(self, value: float) -> float:
        return (value - self.offset) * self.factor


UNITS: dict[str, UnitPair] = {
    "mi": UnitPair(
        "mi",
        ("miles",),
        "mile",
        ("km", "km", "kilometers"),
        ("km", "km", "kilometres"),
        ("km", "kilometer"),
        ("km", "kilometre"),
        1.609344,
    ),
    "mph": UnitPair(
        "mph",
        ("mph", "mph", "miles per hour"),
        None,
        ("km/h", "kph", "kilometers per hour"),
        ("km/h", "kph", "kilometres per hour"),
        (),
        (),
        1.609344,
    ),
    "acre": UnitPair(
        "acre",
        ("acres",),
        "acre",
        ("hectares", "hectares", "ha"),
        ("hectares", "hectares", "ha"),
        ("hectare",),
        ("hectare",),
        0.40468564224,
    ),
    "ft": UnitPair(
        "ft",
        ("feet", "feet", "ft"),
        "foot",
        ("meters", "m"),
        ("metres", "m"),
        ("meter",),
        ("metre",),
        0.3048,
    ),
    "degF": UnitPair(
        "degF",
        ("F", "°F", " degrees Fahrenheit"),
        None,
        ("C", "°C", " degrees Celsius"),
        ("C", "°C", " degrees Celsius"),
        (),
        (),
        5 / 9,
        32.0,
    ),
}


def fmt_int(n: int) -> str:
    return f"{n:,}"


def round_nice(x: float, digits: int = 2) -> int:
    """Round to ``digits`` significant figures (at least 1)."""
    if x <= 0:
        return 0
    mag = 10 ** max(int(math.floor(math.log10(x))) - digits + 1, 0)
    return int(round(x / mag) * mag)


def fmt_decimal(x: float) -> str:
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def count_words(n: int) -> str | None:
    """Spell a round count in words when news copy might ("ten thousand", "1.5 million")."""
    if n >= 1_000_000 and n % 100_000 == 0:
        return f"{fmt_decimal(n / 1_000_000)} million"
    if n % 1000 == 0 and 1000 <= n <= 12000:
        return f"{W.SMALL_NUMBER_WORDS[n // 1000]} thousand"
    return None


def small_word(n: int) -> str:
    return W.SMALL_NUMBER_WORDS[n] if 0 <= n < len(W.SMALL_NUMBER_WORDS) else str(n)


ARTICLE_RE = re.compile(r"\b(a|an|A|An) (?=(\w))")


def _fix_article(match: re.Match[str]) -> str:
    word = match.group(1)
    if match.group(2).isdigit():
        return match.group(0)
    vowel = match.group(2) in "AEIOaeio"
    fixed = ("an" if vowel else "a") if word.islower() else ("An" if vowel else "A")
    return fixed + " "


def relative_error(a: float, b: float) -> float:
    return abs(a - b) / max(abs(b), 1e-9)


# --------------------------------------------------------------------------------------------
# Story facts
# --------------------------------------------------------------------------------------------


@dataclass
class Measure:
    """A quantity written with a conversion beside it, e.g. 190 miles (306 km)."""

    name: str
    unit: str
    value: int
    quals: tuple[str, ...]
    alt: int = 0

    def converted(self, value: int) -> int:
        return int(round(UNITS[self.unit].convert(value)))


@dataclass
class Count:
    """A head count with a lower bound and a point figure: over 10,000 / 11,000 troops."""

    name: str
    low: int
    point: int
    nouns: tuple[str, ...]
    adjective: str
    alt: int = 0


@dataclass
class Money:
    name: str
    amount: float
    scale: str  # "bn" or "m"
    currency: str
    alt: float = 0.0


@dataclass
class Percent:
    name: str
    value: int
    alt: int = 0


@dataclass
class Story:
    index: int
    genre: str
    slots: dict[str, str]
    measures: dict[str, Measure]
    count: Count
    money: Money
    pct: Percent
    date: tuple[int, int]  # month index, day
    year: int
    tags: tuple[str, ...] = ()
    cast: tuple[str, ...] = ()  # "Name, title" of the people this story quotes
    orgs: tuple[str, ...] = ()


def pick(rng: random.Random, seq: tuple[Any, ...] | list[Any]) -> Any:
    return seq[rng.randrange(len(seq))]


def person(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return f"{pick(rng, W.FIRST_NAMES)} {pick(rng, W.LAST_NAMES)}"
    return f"{pick(rng, W.FIRST_NAMES)} {made_up_name(rng, W.SURNAME_END)}"


def made_up_name(rng: random.Random, endings: tuple[str, ...]) -> str:
    return pick(rng, W.NAME_START) + pick(rng, W.NAME_MIDDLE) + pick(rng, endings)


def place(rng: random.Random, *, town: bool = False) -> str:
    name = made_up_name(rng, W.PLACE_END)
    if town:
        return name
    style = rng.random()
    if style < 0.2:
        return f"the {made_up_name(rng, ('a', 'o', 'en', 'ar'))} valley"
    if style < 0.3:
        return f"{pick(rng, ('North', 'South', 'East', 'West', 'Upper', 'Lower'))} {name}"
    return name


def alt_value(rng: random.Random, value: float, low: float = 0.35, high: float = 0.55) -> float:
    """A figure that cannot be squared with ``value``: far below or far above it."""
    if rng.random() < 0.5:
        return value * rng.uniform(low, high)
    return value * rng.uniform(1.7, 2.4)


def make_story(seed: int, index: int) -> Story:
    rng = random.Random(f"{seed}/story/{index}")
    genre = pick(rng, GENRE_NAMES)
    nation, enemy = rng.sample(W.NATIONS, 2)
    third = pick(rng, [n for n in W.NATIONS if n not in (nation, enemy)])
    supplier, supplier_adj = pick(rng, W.SUPPLIERS)
    cast = tuple(f"{person(rng)}, {pick(rng, W.TITLES)}" for _ in range(rng.randrange(4, 8)))
    orgs = tuple(rng.sample(W.GENRE_ORGS[genre], 3))
    year = rng.randrange(2019, 2026)
    month = rng.randrange(12)
    day = rng.randrange(1, W.MONTHS[month][2] + 1)
    slots: dict[str, str] = {
        "country": nation[0],
        "demonym": nation[1],
        "capital": nation[2],
        "region": pick(rng, nation[3]) if rng.random() < 0.3 else place(rng),
        "enemy": enemy[0],
        "enemy_demonym": enemy[1],
        "enemy_capital": enemy[2],
        "enemy_region": pick(rng, enemy[3]) if rng.random() < 0.3 else place(rng),
        "third_demonym": third[1],
        "supplier": supplier,
        "supplier_adj": supplier_adj,
        "leader": person(rng),
        "minister": person(rng),
        "analyst": person(rng),
        "city": pick(rng, W.CITIES) if rng.random() < 0.3 else place(rng, town=True),
        "city2": pick(rng, W.CITIES) if rng.random() < 0.3 else place(rng, town=True),
        "n_officials": f"{small_word(rng.choice((2, 2, 3, 4)))} "
        f"{pick(rng, ('officials', 'diplomats', 'people familiar with the matter'))}",
        "duration": pick(
            rng,
            (
                "two months",
                "three weeks",
                "six weeks",
                "two years",
                "18 months",
                "nine days",
                "four months",
            ),
        ),
        "history": pick(rng, ("20 years", "a decade", "three decades", "15 years", "40 years")),
    }
    small_money = genre in ("aviation", "fire")
    money_scale = "bn" if rng.random() < (0.2 if small_money else 0.75) else "m"
    if money_scale == "bn":
        amount = pick(rng, (0.5, 1.2, 2, 2.5, 3, 4.5, 5, 6, 7.5, 8, 10, 12, 15, 20, 25, 30, 61))
    else:
        amount = pick(rng, (45, 80, 120, 150, 250, 300, 400, 450, 600, 750, 900))
    currency = pick(rng, ("$", "$", "$", "$", "£", "€"))
    money = Money("money", amount, money_scale, currency)
    money.alt = float(round_nice(alt_value(rng, amount), 2))

    build = GENRES[genre]
    measures, count, pct, tags = build(rng, slots)
    for m in measures.values():
        m.alt = round_nice(alt_value(rng, m.value), 2)
    # Far below the lower bound, so it contradicts "over N" as well as the point figure.
    count.alt = round_nice(count.low * rng.uniform(0.25, 0.45), 2)
    pct.alt = max(1, min(95, int(round(alt_value(rng, pct.value)))))
    if pct.alt == pct.value:
        pct.alt = pct.value + 20
    return Story(
        index, genre, slots, measures, count, money, pct, (month, day), year, tags, cast, orgs
    )


def _count(
    rng: random.Random, name: str, lows: tuple[int, ...], nouns: tuple[str, ...], adjective: str
) -> Count:
    low = pick(rng, lows)
    point = round_nice(low * rng.uniform(1.06, 1.3), 2)
    if point <= low:
        point = low + round_nice(low * 0.1, 1)
    return Count(name, low, point, nouns, adjective)


Built = tuple[dict[str, Measure], Count, Percent, tuple[str, ...]]


def build_military(rng: random.Random, slots: dict[str, str]) -> Built:
    weapon, kind = pick(rng, W.WEAPONS)
    slots.update(weapon=weapon, weapon_kind=kind, model=pick(rng, W.MILITARY_MODELS))
    rng_mi = pick(rng, (70, 93, 120, 150, 155, 180, 190, 250, 310, 340, 500, 620, 1000))
    measures = {
        "dist": Measure("range", "mi", rng_mi, ("up to", "as much as", "about", "", "roughly")),
    }
    count = _count(
        rng,
        "troops",
        (1500, 3000, 5000, 8000, 10000, 12000, 15000, 20000, 40000),
        ("troops", "soldiers", "ground troops", "troops", "military personnel"),
        slots["third_demonym"],
    )
    pct = Percent("attacks", pick(rng, (12, 15, 18, 20, 25, 30, 35, 40, 60)))
    return measures, count, pct, ("defence", "conflict")


def build_infra(rng: random.Random, slots: dict[str, str]) -> Built:
    key, pattern, noun = pick(rng, W.PROJECTS)
    name = pick(rng, W.PROJECT_NAMES)
    slots.update(
        project=pattern.format(name=name),
        project_short=f"the {noun}",
        noun=noun,
        model=pick(
            rng,
            (
                "Velaro Novo trains",
                "TBM 2000 boring machines",
                "Class 810 units",
                "Liebherr LR 13000 cranes",
                "Pipelay Vessel 7",
            ),
        ),
    )
    length = pick(rng, (38, 45, 62, 75, 110, 140, 190, 230, 325, 470, 750))
    depth = pick(rng, (120, 250, 400, 650, 1200, 2300))
    measures = {
        "dist": Measure("length", "mi", length, ("", "about", "some", "roughly", "nearly")),
        "depth": Measure("depth", "ft", depth, ("", "about", "nearly")),
    }
    count = _count(
        rng,
        "workers",
        (800, 1200, 2500, 4000, 6000, 9000, 15000),
        ("workers", "construction workers", "staff", "workers"),
        "",
    )
    pct = Percent("overrun", pick(rng, (12, 18, 25, 30, 40, 55, 70)))
    return measures, count, pct, ("infrastructure", "transport")


def build_storm(rng: random.Random, slots: dict[str, str]) -> Built:
    slots.update(
        storm=f"Hurricane {pick(rng, W.HURRICANE_NAMES)}",
        model=f"Category {rng.randrange(2, 6)}",
    )
    wind = pick(rng, (90, 105, 110, 120, 125, 130, 140, 145, 155, 160, 180))
    off = pick(rng, (15, 20, 30, 45, 60, 70, 85, 120))
    measures = {
        "dist": Measure("landfall", "mi", off, ("about", "", "roughly", "some", "nearly")),
        "wind": Measure("winds", "mph", wind, ("up to", "", "about", "as much as")),
    }
    count = _count(
        rng,
        "evacuees",
        (20000, 50000, 100000, 250000, 400000, 1000000),
        ("residents", "people", "residents", "inhabitants"),
        "",
    )
    pct = Percent("outage", pick(rng, (15, 22, 30, 38, 45, 60, 72)))
    return measures, count, pct, ("weather", "disaster")


def build_fire(rng: random.Random, slots: dict[str, str]) -> Built:
    slots.update(fire=f"the {pick(rng, W.FIRE_NAMES)} Fire", model="Boeing 747 Supertanker")
    area = pick(rng, (1200, 4500, 8000, 12000, 25000, 48000, 96000, 150000))
    dist = pick(rng, (5, 8, 12, 18, 25, 40, 60))
    temp = pick(rng, (95, 100, 104, 108, 110, 113, 118))
    measures = {
        "dist": Measure("distance", "mi", dist, ("about", "", "roughly", "some")),
        "area": Measure("area", "acre", area, ("more than", "", "about", "nearly")),
        "temp": Measure("temperature", "degF", temp, ("", "", "nearly")),
    }
    count = _count(
        rng,
        "firefighters",
        (600, 900, 1500, 2400, 4000, 6000),
        ("firefighters", "firefighters", "crew members", "personnel"),
        "",
    )
    pct = Percent("containment", pick(rng, (5, 10, 15, 20, 25, 35, 45, 60)))
    return measures, count, pct, ("wildfire", "climate")


def build_corporate(rng: random.Random, slots: dict[str, str]) -> Built:
    company, product = pick(rng, W.COMPANIES)
    slots.update(company=company, product=product, model=pick(rng, W.CORP_MODELS))
    dist = pick(rng, (12, 20, 30, 40, 55, 80, 120))
    site = pick(rng, (150, 300, 500, 800, 1200, 2000))
    measures = {
        "dist": Measure("distance", "mi", dist, ("about", "", "some", "roughly")),
        "site": Measure("site", "acre", site, ("", "about", "nearly")),
    }
    count = _count(
        rng,
        "jobs",
        (500, 800, 1200, 2000, 3000, 4500, 7000),
        ("jobs", "jobs", "positions", "new jobs"),
        "",
    )
    pct = Percent("profit", pick(rng, (8, 12, 17, 21, 25, 33, 48)))
    return measures, count, pct, ("business", "industry")


def build_aviation(rng: random.Random, slots: dict[str, str]) -> Built:
    slots.update(
        airline=pick(rng, W.AIRLINES),
        model=pick(rng, W.AIRCRAFT),
        flight=f"Flight {rng.randrange(100, 2999)}",
    )
    alt = pick(rng, (9000, 12000, 16000, 21000, 30000, 35000, 37000))
    dist = pick(rng, (60, 90, 140, 200, 260, 410))
    measures = {
        "dist": Measure("diversion", "mi", dist, ("about", "", "some", "roughly", "nearly")),
        "alt": Measure("altitude", "ft", alt, ("", "about", "nearly")),
    }
    count = _count(
        rng,
        "passengers",
        (120, 150, 170, 180, 220, 300),
        ("passengers", "passengers", "people on board"),
        "",
    )
    pct = Percent("bookings", pick(rng, (6, 9, 12, 15, 20, 28)))
    return measures, count, pct, ("aviation", "safety")


GENRES: dict[str, Callable[[random.Random, dict[str, str]], Built]] = {
    "military": build_military,
    "infra": build_infra,
    "storm": build_storm,
    "fire": build_fire,
    "corporate": build_corporate,
    "aviation": build_aviation,
}
GENRE_NAMES: tuple[str, ...] = (
    "military",
    "military",
    "military",
    "infra",
    "storm",
    "fire",
    "corporate",
    "aviation",
)

# --------------------------------------------------------------------------------------------
# Templates. {slot} names are resolved by Writer.slot(); fact slots render a number phrase.
#   {count}      qualifier + number + noun     "more than 10,000 Korvian troops"
#   {count_num}  qualifier + number            "more than 10,000"
#   {dist}       measure with qualifier        "up to 190 miles (306 km)"
#   {dist_adj}   adjectival measure            "190-mile (306-km)"
#   {money}      "about $5bn"                  {money_adj} "$5bn" (no qualifier)
#   {pct}        "25%"
#   {date}       event date                    {year} story year
#   {<measure>} / {<measure>_adj} for the genre's other measures (wind, area, depth...)
# --------------------------------------------------------------------------------------------

Templates = dict[str, tuple[str, ...]]

MILITARY: Templates = {
    "headline": (
        "{supplier_cap} allows {country} to use {weapon} missiles inside {enemy}",
        "{country} cleared to strike deep into {enemy} with {supplier_adj} weapons",
        "{enemy} deploys {third_demonym} troops as {country} gets long-range green light",
    ),
    "lede": (
        "{supplier_adj_cap} officials said on {weekday} that {country} has been authorised to use "
        "{supplier_adj}-made long-range weapons to strike targets deep inside {enemy}, a "
        "significant shift in policy.",
        "{country} plans to deploy {weapon} missiles, a {supplier_adj} {weapon_kind} with a range "
        "of {dist}, against military installations inside {enemy}, {sources_said}.",
        "The government in {capital} has been given permission to use {supplier_adj}-supplied "
        "weapons for strikes deep into {enemy}, according to {n_officials} and a source familiar "
        "with the decision.",
    ),
    "count": (
        "Sources said {count} have been deployed to {enemy_region}, with some already engaged in "
        "combat.",
        "The decision follows {enemy}'s deployment of {count} to bolster its forces.",
        "{enemy} has moved {count} into {enemy_region}, according to {org}.",
        "According to {official}, {count} are now stationed near the border.",
        "The change was largely a response to the arrival of {count} in {enemy_region}.",
        "Intelligence estimates put the number of {third_demonym} troops in {enemy_region} at "
        "{count_num}.",
    ),
    "dist": (
        "{weapon} missiles, which have a range of {dist}, are expected to be used in the first "
        "strikes.",
        "The {weapon}, a {weapon_kind} with a range of {dist}, can reach targets far behind the "
        "front line.",
        "With a {dist_adj} range, the {weapon} puts airfields and supply depots within reach.",
        "The first deep strikes are likely to be carried out with {weapon} rockets, capable of "
        "hitting targets {dist} away.",
        "Military analysts note that the {weapon} can strike targets at a distance of {dist}.",
        "The weapons in question include the long-range {weapon}, which has a range of {dist}.",
    ),
    "money": (
        "The announcement comes on top of a {money_adj} military aid package approved earlier "
        "this year.",
        "{supplier} has committed {money} in military assistance since the start of the war.",
        "Lawmakers in {supplier} approved {money} in new funding for air defence and ammunition.",
        "The latest package, worth {money}, includes ammunition and spare parts.",
    ),
    "pct": (
        "Drone attacks on {region} have risen by {pct} since the summer, according to {org}.",
        "{org} recorded a {pct} rise in drone and missile attacks over the past month.",
        "Officials in {capital} reported a {pct} increase in attacks on energy infrastructure.",
    ),
    "date": (
        "The move comes {duration} before {leader} is due to take office on {date}.",
        "{leader} is set to be sworn in on {date}, raising questions about future support.",
        "The policy is expected to be reviewed after {date}, when {leader} takes office.",
    ),
    "model": (
        "{country} received its first {model} this summer, and crews are still completing their "
        "training.",
        "The package also includes spare parts for {model} and additional artillery shells.",
        "{official} said deliveries of {model} had fallen behind schedule.",
    ),
    "filler": (
        "{enemy} has warned that easing the restrictions would be a significant escalation.",
        "Officials in {capital} and {enemy_capital} declined to comment.",
        "{country}'s foreign ministry did not immediately reply to requests for comment.",
        "Some officials remain sceptical that long-range strikes will change the course of the "
        "war.",
        "{leader} has long criticised the scale of military aid and vowed to end the war quickly.",
        "{enemy_demonym} lawmakers reacted with outrage, but the government in {enemy_capital} "
        "has yet to issue a formal statement.",
        "Operational security concerns prevented the disclosure of specific details.",
        "Officials said the decision could strengthen {country}'s hand in any future ceasefire "
        "talks.",
        "Fighting has intensified around {enemy_region} in recent weeks.",
        "{country} has held parts of {enemy_region} since its surprise incursion in the summer.",
        "{enemy} denies targeting civilian areas and says its strikes are aimed at military sites.",
        "Air raid sirens sounded across {region} for much of the night.",
        "{country}'s allies have been divided over how far to go in supporting its campaign.",
        "Western diplomats said the policy change had been discussed for weeks in private.",
        "Military commanders have warned of shortages of artillery ammunition along the front.",
        "{leader}'s team has not said whether the decision will be reversed.",
    ),
}

INFRA: Templates = {
    "headline": (
        "{project_cap} {headline_verb} a new timetable",
        "Costs of {project} climb as work resumes",
        "{minister} defends {project} amid budget row",
    ),
    "lede": (
        "Construction of {project}, which will link {city} and {city2}, resumed on {weekday} after "
        "a pause of {duration}, the government said.",
        "The government has approved {project}, a {dist_adj} link between {city} and {city2}, "
        "despite warnings about its cost.",
        "Work on {project} is running behind schedule and over budget, {sources_said}.",
    ),
    "count": (
        "{count_num_cap} workers are employed on the project, according to the contractor.",
        "The contractor said {count} were on site at the peak of construction.",
        "The project employs {count}, many of them hired from the surrounding region.",
    ),
    "dist": (
        "When complete, {project_short} will run for {dist} between {city} and {city2}.",
        "The {dist_adj} {noun} is the largest project of its kind in the region.",
        "{project_cap} will stretch {dist}, crossing three rivers and two national parks.",
        "Engineers said the full route of {dist} would be finished in stages.",
    ),
    "depth": (
        "At its deepest point, {project_short} lies {depth} below the surface.",
        "Tunnelling crews are working at depths of {depth}.",
    ),
    "money": (
        "The total cost is now estimated at {money}, according to the national audit office.",
        "The {money_adj} project is funded partly by the state and partly by private investors.",
        "Ministers have set aside {money} for the next phase of the work.",
    ),
    "pct": (
        "The audit found the project was {pct} over its original budget.",
        "Costs have overrun by {pct}, the audit office said.",
        "A report published on {weekday} put the cost overrun at {pct}.",
    ),
    "date": (
        "The first section is due to open on {date_year}.",
        "Officials now say {project_short} will open on {date}.",
        "The opening has been pushed back to {date}.",
    ),
    "model": (
        "The operator has ordered new {model} for the route.",
        "Crews are using {model} on the most difficult sections.",
    ),
    "filler": (
        "Environmental groups have challenged the route in court.",
        "Residents along the route have complained about noise and traffic.",
        "The transport ministry said the project would cut journey times significantly.",
        "Opposition politicians have called for the project to be scrapped.",
        "{minister} said the project was essential for the country's economic future.",
        "The contractor blamed supply chain problems and higher energy prices for the delays.",
        "Local councils along the route have been promised new investment.",
        "The national audit office has criticised the way the contracts were awarded.",
        "Construction unions have warned of a shortage of skilled labour.",
        "The first trial runs are expected to take place next year.",
        "Archaeologists have made several finds along the route, causing further delays.",
    ),
}

STORM: Templates = {
    "headline": (
        "{storm} makes landfall near {city}",
        "{storm} leaves trail of damage across the coast",
        "Millions brace as {storm} strengthens",
    ),
    "lede": (
        "{storm} made landfall near {city} on {weekday} as a {model} storm, bringing destructive "
        "winds and a life-threatening storm surge.",
        "{storm} slammed into the coast {dist} south of {city} late on {weekday}, with winds of "
        "{wind}.",
        "Emergency crews worked through the night after {storm} tore through the region, "
        "{sources_said}.",
    ),
    "count": (
        "Authorities ordered {count} to evacuate ahead of the storm.",
        "More shelters were opened after {count} fled their homes.",
        "Officials said {count} had been moved from low-lying areas.",
        "Evacuation orders covered {count_num} people along the coast.",
    ),
    "dist": (
        "The storm made landfall {dist} south of {city}.",
        "The eye of the storm came ashore {dist} from {city}, {org} said.",
        "Forecasters said the centre passed {dist} off the coast before turning inland.",
    ),
    "wind": (
        "The storm brought sustained winds of {wind}, according to {org}.",
        "Gusts reached {wind} near the coast.",
        "At its peak, {storm} packed winds of {wind}.",
    ),
    "money": (
        "Early estimates put insured losses at {money}.",
        "Analysts said the damage could cost insurers {money}.",
        "The governor requested {money} in federal disaster aid.",
    ),
    "pct": (
        "About {pct} of homes in the region were without power on {weekday}.",
        "Utilities said {pct} of customers had lost electricity.",
        "Power outages affected {pct} of households in the state.",
    ),
    "date": (
        "The storm made landfall on {date}.",
        "Schools will remain closed until at least {date}.",
    ),
    "model": (
        "Forecasters upgraded the storm to a {model} hurricane overnight.",
        "The storm weakened after landfall but remained a {model} system.",
    ),
    "filler": (
        "Officials urged residents to stay indoors until the all-clear was given.",
        "Rescue teams were searching flooded neighbourhoods for people trapped in their homes.",
        "The governor declared a state of emergency across the coastal counties.",
        "Airports along the coast suspended all flights.",
        "Forecasters warned of flash flooding well inland.",
        "The storm surge swept boats onto roads and into parking lots.",
        "Power companies said it could take days to restore electricity to some areas.",
        "Long queues formed at petrol stations as residents fled inland.",
        "Hospitals in the area moved patients to facilities further from the coast.",
        "The national weather service warned that the danger was far from over.",
        "Volunteers handed out water and food at emergency shelters.",
    ),
}

FIRE: Templates = {
    "headline": (
        "{fire_cap} forces thousands from homes near {city}",
        "Crews battle {fire} as heatwave grips the state",
        "{fire_cap} grows overnight, threatening {city}",
    ),
    "lede": (
        "{fire_cap}, burning {dist} north of {city}, has scorched {area} since it broke out, "
        "officials said on {weekday}.",
        "Firefighters were battling {fire} on {weekday} as strong winds pushed the flames towards "
        "{city}.",
        "Thousands of people were ordered to leave their homes as {fire} grew rapidly, "
        "{sources_said}.",
    ),
    "count": (
        "{count_num_cap} firefighters are now battling the blaze.",
        "Fire officials said {count} had been deployed to the fire lines.",
        "{count} are working in steep terrain to contain the flames.",
    ),
    "dist": (
        "The fire is burning {dist} north of {city}.",
        "Flames came within {dist} of the town's outskirts.",
        "Smoke from the fire could be seen {dist} away.",
    ),
    "area": (
        "The blaze has burned {area} of forest and grassland.",
        "{fire_cap} has grown to {area}, according to the state fire agency.",
        "Officials said the fire had consumed {area} by {weekday} evening.",
    ),
    "temp": (
        "Temperatures reached {temp} on {weekday}, with humidity in single digits.",
        "Forecasters expect highs of {temp} later in the week.",
    ),
    "money": (
        "The cost of fighting the fire has already exceeded {money}.",
        "State officials estimated the damage at {money}.",
    ),
    "pct": (
        "The fire was {pct} contained as of {weekday} evening.",
        "Containment rose to {pct} overnight, officials said.",
        "Crews have contained {pct} of the fire's perimeter.",
    ),
    "date": (
        "The fire broke out on {date} and spread quickly through dry brush.",
        "Evacuation orders will remain in place until at least {date}.",
    ),
    "model": ("A {model} was brought in to drop retardant along the ridge.",),
    "filler": (
        "Evacuation centres have been set up in schools and community halls.",
        "The cause of the fire is under investigation.",
        "Strong, dry winds are expected to continue through the weekend.",
        "Air quality alerts were issued for much of the region.",
        "Several homes and outbuildings have been destroyed.",
        "Residents described seeing the hills glowing orange overnight.",
        "Firefighting aircraft were grounded for several hours because of high winds.",
        "Officials warned residents not to return until the area had been declared safe.",
        "The blaze jumped a highway overnight, forcing new evacuations.",
        "Utility companies cut power to thousands of homes to reduce the risk of new fires.",
    ),
}

CORPORATE: Templates = {
    "headline": (
        "{company} picks {city} for new {product} plant",
        "{company} profits jump as demand surges",
        "{company} {headline_verb} major expansion",
    ),
    "lede": (
        "{company} said on {weekday} it would build a new {product} plant near {city}, one of the "
        "largest industrial investments in the region in {history}.",
        "{company} will invest {money} in a {product} factory {dist} from {city}, the company "
        "said.",
        "The {product} maker {company} has chosen a site near {city} for its next plant, "
        "{sources_said}.",
    ),
    "count": (
        "The plant is expected to create {count} when it reaches full production.",
        "{company} said the site would provide {count}.",
        "Local officials said the factory would bring {count} to the area.",
    ),
    "dist": (
        "The site lies {dist} from {city}, close to a major motorway junction.",
        "The factory will be built {dist} east of {city}.",
        "Suppliers are expected to cluster within {dist} of the plant.",
    ),
    "site": (
        "The plant will occupy a {site_adj} site on former farmland.",
        "The company has bought {site} of land for the project.",
    ),
    "money": (
        "The investment, worth {money}, is backed by government subsidies.",
        "{company} will spend {money} on the factory over the next five years.",
        "The state offered {money} in tax breaks to win the project.",
    ),
    "pct": (
        "{company} reported a {pct} rise in quarterly profit on {weekday}.",
        "Quarterly profit rose {pct}, beating analysts' forecasts.",
        "Profit climbed {pct} from a year earlier, the company said.",
    ),
    "date": (
        "Production is due to start on {date}.",
        "Construction will begin on {date_year}.",
    ),
    "model": (
        "Demand for the {model} has outstripped supply for months.",
        "The plant will supply components for the {model}.",
    ),
    "filler": (
        "Shares in the company rose in early trading.",
        "Union leaders welcomed the announcement but called for guarantees on pay.",
        "The company has been expanding rapidly across Europe and North America.",
        "Competition for new factories between regions has intensified.",
        "{analyst}, an industry analyst, said the choice of site was a surprise.",
        "The company did not say how much of the cost would be covered by subsidies.",
        "The company's chief executive said the decision followed months of negotiations.",
        "Environmental campaigners raised concerns about the plant's water use.",
        "The region has struggled to attract new industry since the closure of its coal mines.",
        "Analysts said the move reflected a broader shift in the company's strategy.",
    ),
}

AVIATION: Templates = {
    "headline": (
        "{airline} {model} makes emergency landing",
        "Regulators ground {model} jets after mid-air incident",
        "{airline} flight diverted after cabin panel blows out",
    ),
    "lede": (
        "A {airline} {model} made an emergency landing on {weekday} after a cabin panel blew out "
        "shortly after take-off, the airline said.",
        "{airline} {flight} was diverted to {city2} after a loss of cabin pressure at {alt}.",
        "Aviation regulators have opened an investigation into an incident on board a {airline} "
        "jet, {sources_said}.",
    ),
    "count": (
        "The aircraft was carrying {count} and six crew members.",
        "{count_num_cap} passengers were on board, and none was seriously injured.",
        "{count} were rebooked on later flights.",
    ),
    "dist": (
        "The aircraft landed safely in {city2}, {dist} from its planned destination.",
        "The jet was diverted to an airport {dist} away.",
        "The crew turned back {dist} into the flight.",
    ),
    "alt": (
        "The panel blew out as the aircraft was climbing through {alt}.",
        "The jet was cruising at {alt} when the crew declared an emergency.",
    ),
    "money": (
        "The airline said the grounding would cost it about {money}.",
        "Regulators could impose a fine of {money}.",
        "{airline} has set aside {money} to compensate passengers.",
    ),
    "pct": (
        "Bookings on the route fell {pct} in the following week.",
        "{airline} reported a {pct} drop in bookings after the incident.",
    ),
    "date": (
        "The incident happened on {date}.",
        "Inspections of the fleet must be completed by {date}.",
    ),
    "model": (
        "Regulators ordered checks on all {model} aircraft with the same configuration.",
        "The {model} entered service with the airline last year.",
    ),
    "filler": (
        "Passengers described scenes of panic as oxygen masks dropped from the ceiling.",
        "The manufacturer said it was working closely with the investigators.",
        "The airline apologised to passengers for the disruption.",
        "Investigators recovered the missing panel from a garden near the airport.",
        "Air safety experts said the incident raised questions about quality control.",
        "The manufacturer's shares fell sharply in pre-market trading.",
        "Safety investigators are expected to publish a preliminary report within weeks.",
        "Passengers said the crew had remained calm throughout the emergency.",
        "The airline said it had removed the aircraft from service pending inspection.",
    ),
}

TEMPLATES: dict[str, Templates] = {
    "military": MILITARY,
    "infra": INFRA,
    "storm": STORM,
    "fire": FIRE,
    "corporate": CORPORATE,
    "aviation": AVIATION,
}

GENERIC_FILLER: tuple[str, ...] = (
    "{opener} {reaction_lc}.",
    "{reaction}.",
    "{reaction}, {sources_said}.",
    "{background}.",
    "“{quote},” {official} said.",
    "“{quote},” said {official_named}.",
    "{official_named_cap}, told reporters: “{quote}.”",
    "“{quote}. {quote2},” {official} said in a statement.",
    "The details could not be independently verified.",
    "{org_cap} said it was following developments closely.",
    "{opener} {org} urged all sides to show restraint.",
    "Speaking on {weekday}, {official_named}, said the government would not change course.",
    "A spokesperson for {org} declined to comment on the figures.",
    "The reports were first published by local media and later confirmed by {n_officials}.",
    "{background}, and the latest development is likely to add to the pressure.",
    "It is not clear how quickly the plans could be put into effect.",
    "{opener} the issue is expected to dominate talks at the G7 summit.",
    "The debate comes as the government faces a difficult budget season.",
    "{official_named_cap}, said the government would publish more details in the coming days.",
    "The announcement was made hours after a cabinet meeting in {capital}.",
    "Opposition leaders demanded that ministers explain the decision to parliament.",
    "{org_cap} is expected to discuss the matter at its next meeting.",
    "“{quote},” {official_named}, told a news conference.",
    "Public reaction has been mixed, according to local media reports.",
    "{opener} officials stressed that the situation remained fluid.",
    "The government did not say when the measures would take effect.",
    "Several questions remain unanswered, including who will bear the cost.",
    "{background}, officials said.",
    "Some commentators described the move as a gamble.",
    "Others said it was long overdue.",
)


# --------------------------------------------------------------------------------------------
# Writing one article
# --------------------------------------------------------------------------------------------


@dataclass
class Injection:
    kind: str  # "conversion" or "disagreement"
    fact: str
    at_mention: int = 0  # which mention of the fact carries the error
    done: bool = False
    text: str = ""
    expected: str = ""


@dataclass
class Writer:
    story: Story
    rng: random.Random
    uk: bool
    curly: bool
    curly_apostrophe: bool = False
    injection: Injection | None = None
    mentions: dict[str, int] = field(default_factory=dict)
    decks: dict[int, list[str]] = field(default_factory=dict)

    # -- plumbing ------------------------------------------------------------------------

    def draw(self, items: tuple[str, ...]) -> str:
        """Draw from a shuffled deck of ``items``: no repeat until the deck is used up."""
        deck = self.decks.get(id(items))
        if not deck:
            deck = list(items)
            self.rng.shuffle(deck)
            self.decks[id(items)] = deck
        return deck.pop()

    def sentence(self, templates: tuple[str, ...]) -> str:
        return self.fill(self.draw(templates))

    def fill(self, template: str, *, top: bool = True) -> str:
        out: list[str] = []
        pos = 0
        while True:
            start = template.find("{", pos)
            if start < 0:
                out.append(template[pos:])
                break
            end = template.index("}", start)
            out.append(template[pos:start])
            out.append(self.slot(template[start + 1 : end]))
            pos = end + 1
        text = "".join(out)
        if not top:
            return text
        text = text[0].upper() + text[1:]
        text = ARTICLE_RE.sub(_fix_article, text)
        if not self.curly:
            text = text.replace("“", '"').replace("”", '"').replace("’", "'")
        elif self.curly_apostrophe:
            text = text.replace("'", "’")
        return text

    def slot(self, name: str) -> str:
        rng = self.rng
        s = self.story
        if name in s.slots:
            return s.slots[name]
        if name.endswith("_cap"):
            value = self.slot(name[:-4])
            return value[0].upper() + value[1:]
        if name.endswith("_lc"):
            value = self.slot(name[:-3])
            return value[0].lower() + value[1:]
        if name == "count":
            return self.count_phrase(with_noun=True)
        if name == "count_num":
            return self.count_phrase(with_noun=False)
        if name == "money":
            return self.money_phrase(qualified=True)
        if name == "money_adj":
            return self.money_phrase(qualified=False)
        if name == "pct":
            return self.pct_phrase()
        if name == "date":
            return self.date_phrase()
        if name == "date_year":
            year = self.story.year
            return f"{self.date_phrase()} {year}" if self.uk else f"{self.date_phrase()}, {year}"
        if name == "year":
            return str(s.year)
        if name.endswith("_adj") and name[:-4] in s.measures:
            return self.measure_phrase(name[:-4], adjective=True)
        if name in s.measures:
            return self.measure_phrase(name, adjective=False)
        if name == "weekday":
            return pick(rng, W.WEEKDAYS)
        if name == "org":
            return pick(rng, s.orgs)
        if name == "opener":
            return self.draw(W.OPENERS)
        if name == "reaction":
            return self.draw(W.REACTIONS)
        if name in ("quote", "quote2"):
            return self.draw(W.QUOTES)
        if name == "background":
            return self.fill(self.draw(W.BACKGROUND), top=False)
        if name == "official":
            return pick(rng, W.TITLES)
        if name == "official_named":
            return pick(rng, s.cast)
        if name == "headline_verb":
            return pick(rng, W.HEADLINE_VERBS)
        if name == "sources_said":
            return self.fill(
                top=False,
                template=pick(
                    rng,
                    (
                        "the sources said",
                        "according to {n_officials}",
                        "{n_officials} said",
                        "officials said",
                        "people familiar with the matter said",
                    ),
                ),
            )
        raise KeyError(f"unknown template slot {name!r}")

    def _mention(self, fact: str) -> tuple[bool, bool]:
        """Count a mention of ``fact``; return (use the disagreeing figure, wrong conversion)."""
        index = self.mentions.get(fact, 0)
        self.mentions[fact] = index + 1
        inj = self.injection
        if inj is None or inj.fact != fact or inj.done:
            return False, False
        if inj.kind == "disagreement":
            # A story-level disagreement repeats the figure; a document-level one changes only
            # one mention.
            return (index >= inj.at_mention), False
        return False, index >= inj.at_mention

    def _record(self, text: str, expected: str) -> None:
        inj = self.injection
        assert inj is not None
        if not inj.done and not inj.text:
            inj.text = text
            inj.expected = expected
        if inj.kind == "conversion" or inj.at_mention > 0:
            inj.done = True

    # -- fact phrases ----------------------------------------------------------------------

    def count_phrase(self, *, with_noun: bool) -> str:
        c = self.story.count
        rng = self.rng
        alt, _ = self._mention("count")
        style = rng.random()
        if alt:
            qual = pick(rng, ("about", "around", "up to", "fewer than", "roughly"))
            number = c.alt
        elif style < 0.5:
            qual = pick(rng, ("over", "more than", "more than", "at least", "upwards of"))
            number = c.low
        else:
            qual = pick(rng, ("", "", "", "some", "about", "an estimated", "nearly", "around"))
            number = c.point
        words = count_words(number) if rng.random() < 0.12 else None
        num = words or fmt_int(number)
        phrase = f"{qual} {num}".strip()
        if with_noun:
            noun = pick(rng, c.nouns)
            adj = c.adjective if c.adjective and rng.random() < 0.8 else ""
            phrase = " ".join(p for p in (phrase, adj, noun) if p)
        if alt:
            self._record(phrase, f"{fmt_int(c.low)}+ / {fmt_int(c.point)}")
        return phrase

    def money_phrase(self, *, qualified: bool) -> str:
        m = self.story.money
        rng = self.rng
        alt, _ = self._mention("money")
        amount = m.alt if alt else m.amount
        cur = m.currency
        num = fmt_decimal(amount) if m.scale == "bn" else str(int(amount))
        word = "billion" if m.scale == "bn" else "million"
        style = rng.random()
        if style < 0.45:
            text = f"{cur}{num}{m.scale}"
        elif style < 0.9 or not qualified:
            text = f"{cur}{num} {word}"
        else:
            names = {"$": "dollars", "£": "pounds", "€": "euros"}
            text = f"{num} {word} {names[cur]}"
        if qualified and rng.random() < 0.4:
            text = f"{pick(rng, ('about', 'around', 'roughly', 'some', 'nearly'))} {text}"
        if alt:
            self._record(text, f"{cur}{fmt_decimal(m.amount)}{m.scale}")
        return text

    def pct_phrase(self) -> str:
        p = self.story.pct
        alt, _ = self._mention("pct")
        value = p.alt if alt else p.value
        style = self.rng.random()
        if style < 0.7:
            text = f"{value}%"
        elif self.uk:
            text = f"{value} per cent"
        else:
            text = f"{value} percent"
        if alt:
            self._record(text, f"{p.value}%")
        return text

    def date_phrase(self) -> str:
        month, day = self.story.date
        name, abbr, _ = W.MONTHS[month]
        if self.uk:
            return f"{day} {name}"
        return f"{abbr if self.rng.random() < 0.3 else name} {day}"

    def measure_phrase(self, key: str, *, adjective: bool) -> str:
        m = self.story.measures[key]
        rng = self.rng
        unit = UNITS[m.unit]
        alt, wrong = self._mention(key)
        value = m.alt if alt else m.value
        right = m.converted(value)
        conv = right
        force_conversion = wrong
        if wrong:
            conv = wrong_conversion(rng, unit, value, right)
        with_conversion = force_conversion or rng.random() < 0.7
        dst = unit.dst_uk if self.uk else unit.dst_us
        dst_adj = unit.dst_adj_uk if self.uk else unit.dst_adj_us
        if m.unit == "degF":
            i = rng.randrange(len(unit.src))
            src_text = f"{value}{unit.src[i]}"
            dst_text = f"{conv}{dst[i]}"
            text = f"{src_text} ({dst_text})" if with_conversion else src_text
            if rng.random() < 0.2 and with_conversion:
                text = f"{dst_text} ({src_text})"
        elif adjective and unit.src_adj and dst_adj:
            src_text = f"{fmt_int(value)}-{unit.src_adj}"
            dst_text = f"{fmt_int(conv)}-{pick(rng, dst_adj)}"
            text = f"{src_text} ({dst_text})" if with_conversion else src_text
        else:
            src_text = f"{fmt_int(value)} {pick(rng, unit.src)}"
            if rng.random() < 0.15 and conv >= 100 and not wrong:
                conv = round_nice(right, 2) if rng.random() < 0.5 else int(round(right, -1))
            dst_text = f"{fmt_int(conv)} {pick(rng, dst)}"
            if not with_conversion:
                text = src_text if rng.random() < 0.8 else dst_text
            elif rng.random() < (0.35 if self.uk else 0.1):
                text = f"{dst_text} ({src_text})"
            else:
                text = f"{src_text} ({dst_text})"
            if m.quals and not adjective:
                qual = pick(rng, m.quals)
                text = f"{qual} {text}".strip()
        if alt:
            self._record(text, f"{fmt_int(m.value)} {unit.src[0]}")
        elif wrong:
            self._record(text, f"{fmt_int(value)} {unit.src[0]} = {fmt_int(right)} {dst[0]}")
        return text


def wrong_conversion(rng: random.Random, unit: UnitPair, value: int, right: int) -> int:
    """A conversion that a hurried writer might get wrong, well beyond rounding."""
    candidates: list[int] = []
    if unit.offset:
        candidates.append(int(round(value * unit.factor)))  # forgot the offset
    else:
        candidates.append(int(round(value / unit.factor)))  # divided instead of multiplied
    digits = str(right)
    if len(digits) >= 3 and digits[-2] != digits[-1]:
        candidates.append(int(digits[:-2] + digits[-1] + digits[-2]))  # swapped digits
    candidates.append(int(round(right * rng.choice((1.25, 1.4, 0.7, 0.75)))))
    rng.shuffle(candidates)
    for c in candidates:
        if c > 0 and relative_error(c, right) > 0.15:
            return c
    return int(round(right * 1.5))


def fact_keys(story: Story) -> list[str]:
    return [
        "count",
        "dist",
        "money",
        "pct",
        "date",
        "model",
        *(k for k in story.measures if k != "dist"),
    ]


def pick_sentence(w: Writer, genre: Templates, key: str) -> str:
    return w.sentence(genre[key])


def filler_sentence(w: Writer, genre: Templates) -> str:
    if w.rng.random() < 0.4:
        return pick_sentence(w, genre, "filler")
    return w.sentence(GENERIC_FILLER)


def article_paragraphs(w: Writer, target: int) -> list[str]:
    """Lede, then paragraphs mixing fact sentences and background until ``target`` chars."""
    rng = w.rng
    genre = TEMPLATES[w.story.genre]
    paragraphs = [pick_sentence(w, genre, "lede")]
    keys = fact_keys(w.story)
    # Every article tells the count and the distance; the other facts most of the time.
    plan = ["count", "dist"] + [k for k in keys[2:] if rng.random() < 0.75]
    rng.shuffle(plan)
    # Long articles restate a fact or two in other words.
    size = len(paragraphs[0])
    while size < target:
        sentences: list[str] = []
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            if plan and rng.random() < 0.45:
                sentences.append(pick_sentence(w, genre, plan.pop()))
            elif not plan and rng.random() < 0.12:
                sentences.append(pick_sentence(w, genre, pick(rng, keys)))
            else:
                sentences.append(filler_sentence(w, genre))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 1
    for key in plan:
        paragraphs.append(pick_sentence(w, genre, key))
    # An article chosen to carry an error always carries it: add a mention if needed.
    inj = w.injection
    tries = 0
    while inj is not None and not inj.text and tries < 8:
        sentence = pick_sentence(w, genre, inj.fact)
        paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), sentence)
        tries += 1
    return paragraphs


def headline(w: Writer) -> str:
    return pick_sentence(w, TEMPLATES[w.story.genre], "headline")


def slugify(text: str) -> str:
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in text)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")[:60]


def render_text(w: Writer, paragraphs: list[str]) -> str:
    rng = w.rng
    lines: list[str] = []
    if rng.random() < 0.4:
        lines.extend([headline(w), ""])
    sep = "\n\n" if rng.random() < 0.5 else "\n"
    body = sep.join(paragraphs)
    tail = pick(rng, ("", "", "", "Leave a comment", "Reporting by {r}; editing by {e}"))
    if tail:
        body += sep + tail.format(r=person(rng), e=person(rng))
    return "\n".join(lines) + body + "\n"


def render_markdown(w: Writer, paragraphs: list[str]) -> str:
    rng = w.rng
    s = w.story
    title = headline(w)
    month, day = s.date
    out: list[str] = []
    if rng.random() < 0.2:
        out += [
            "---",
            f'title: "{title}"',
            f"date: {s.year}-{month + 1:02d}-{day:02d}",
            f"author: {person(rng)}",
            f"tags: [{', '.join(s.tags)}]",
            "---",
            "",
        ]
    out += [f"# {title}", ""]
    if rng.random() < 0.5:
        out += [f"*By {person(rng)}, {W.MONTHS[month][0]} {day}, {s.year}*", ""]
    link_done = False
    next_heading = rng.randrange(3, 7)
    for i, paragraph in enumerate(paragraphs):
        if i == next_heading and i < len(paragraphs) - 2:
            out += [f"## {w.draw(SUBHEADS)}", ""]
            next_heading += rng.randrange(4, 9)
        if not link_done and i > 0 and rng.random() < 0.25:
            slug = slugify(title)
            url = (
                f"https://news.example.com/{s.year}/{month + 1:02d}/{day:02d}/{slug}-"
                f"{rng.randrange(1000, 99999)}"
            )
            paragraph += f" Read the [full report]({url}) from {pick(rng, s.orgs)}."
            link_done = True
        if paragraph.startswith(("“", '"')) and rng.random() < 0.5:
            paragraph = "> " + paragraph
        out += [paragraph, ""]
        if i == 1 and rng.random() < 0.3:
            out += ["Key figures:", ""]
            for key in ("count", "dist", "money"):
                label = {"count": "People", "dist": "Distance", "money": "Money"}[key]
                value = {
                    "count": w.count_phrase(with_noun=True),
                    "dist": w.measure_phrase("dist", adjective=False),
                    "money": w.money_phrase(qualified=True),
                }[key]
                out.append(f"- **{label}:** {value}")
            out.append("")
        if i == 2 and rng.random() < 0.12:
            out += code_block(w)
        if i == 3 and rng.random() < 0.08:
            out += [
                f"![Map of the area](https://cdn.example.com/img/{s.year}/map-1200x800.png)",
                "",
            ]
    return "\n".join(out).rstrip("\n") + "\n"


SUBHEADS: tuple[str, ...] = (
    "What we know",
    "Background",
    "Reaction",
    "What happens next",
    "The numbers",
    "Why it matters",
    "Analysis",
    "On the ground",
    "Political fallout",
    "The cost",
)


def code_block(w: Writer) -> list[str]:
    s = w.story
    rng = w.rng
    kind = rng.random()
    if kind < 0.4:
        return [
            "```json",
            json.dumps(
                {
                    "story": s.index,
                    "count": s.count.point,
                    "dist_km": s.measures["dist"].converted(s.measures["dist"].value) + 7,
                    "year": s.year,
                }
            ),
            "```",
            "",
        ]
    if kind < 0.7:
        return [
            "```html",
            f'<iframe src="https://video.example.com/embed/{rng.randrange(10**6, 10**7)}" '
            'width="560" height="315" frameborder="0"></iframe>',
            "```",
            "",
        ]
    return [
        "```",
        f"SOURCE: wire {s.year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d} "
        f"{rng.randrange(0, 24):02d}:{rng.randrange(0, 60):02d} UTC  ref={rng.randrange(10**5)}",
        f"RANGE_MI={s.measures['dist'].value * 3}  PCT={s.pct.value + 11}",
        "```",
        "",
    ]


# --------------------------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------------------------


@dataclass
class Article:
    relpath: str
    text: str
    injection: Injection | None


def make_article(
    seed: int, story: Story, index: int, *, error_rate: float, md_share: float
) -> Article:
    rng = random.Random(f"{seed}/story/{story.index}/article/{index}")
    uk = rng.random() < 0.35
    curly = rng.random() < 0.6
    w = Writer(story, rng, uk=uk, curly=curly, curly_apostrophe=curly and rng.random() < 0.7)
    roll = rng.random()
    if roll < error_rate:
        conv_keys = [k for k in story.measures]
        w.injection = Injection("conversion", pick(rng, conv_keys), rng.choice((0, 0, 1)))
    elif roll < 2 * error_rate:
        fact = pick(rng, ("count", "dist", "money", "pct"))
        w.injection = Injection("disagreement", fact, 0 if rng.random() < 0.75 else 1)
    target = int(rng.triangular(1900, 5600, 3200))
    paragraphs = article_paragraphs(w, target)
    markdown = rng.random() < md_share
    text = render_markdown(w, paragraphs) if markdown else render_text(w, paragraphs)
    suffix = ".md" if markdown else ".txt"
    name = f"{index:03d}_{rng.getrandbits(64):016x}{suffix}"
    inj = w.injection if w.injection is not None and w.injection.text else None
    return Article(f"story_{story.index:04d}/{name}", text, inj)


def story_sizes(seed: int, articles: int, stories: int) -> list[int]:
    rng = random.Random(f"{seed}/sizes")
    weights = [rng.uniform(0.3, 1.7) for _ in range(stories)]
    total = sum(weights)
    sizes = [max(1, int(articles * wt / total)) for wt in weights]
    i = 0
    while sum(sizes) < articles:
        sizes[i % stories] += 1
        i += 1
    while sum(sizes) > articles:
        j = max(range(stories), key=lambda k: sizes[k])
        sizes[j] -= 1
    return sizes


def write_corpus(
    out_dir: Path,
    *,
    seed: int,
    megabytes: float | None,
    articles: int | None,
    stories: int | None,
    error_rate: float,
    md_share: float,
) -> dict[str, Any]:
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    manifest: list[dict[str, Any]] = []
    total_bytes = 0
    n_articles = 0
    n_stories = 0

    def emit(story: Story, index: int) -> int:
        nonlocal n_articles
        art = make_article(seed, story, index, error_rate=error_rate, md_share=md_share)
        data = art.text.encode("utf-8")
        path = out_dir / art.relpath
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        n_articles += 1
        if art.injection is not None:
            inj = art.injection
            offset = art.text.find(inj.text)
            line = art.text.count("\n", 0, offset) + 1 if offset >= 0 else None
            column = offset - art.text.rfind("\n", 0, offset) if offset >= 0 else None
            manifest.append(
                {
                    "path": art.relpath,
                    "line": line,
                    "column": column,
                    "kind": inj.kind,
                    "fact": inj.fact,
                    "text": inj.text,
                    "story_value": inj.expected,
                }
            )
        return len(data)

    if megabytes is not None:
        limit = int(megabytes * 1_000_000)
        rng = random.Random(f"{seed}/megabytes")
        index = 0
        while total_bytes < limit:
            story = make_story(seed, index)
            n_stories += 1
            for j in range(rng.choice((1, 1, 2, 2, 3, 4, 5, 6))):
                total_bytes += emit(story, j)
                if total_bytes >= limit:
                    break
            index += 1
    else:
        assert articles is not None and stories is not None
        for index, size in enumerate(story_sizes(seed, articles, stories)):
            story = make_story(seed, index)
            n_stories += 1
            for j in range(size):
                total_bytes += emit(story, j)
    summary = {
        "seed": seed,
        "articles": n_articles,
        "stories": n_stories,
        "bytes": total_bytes,
        "injected": len(manifest),
        "injections": manifest,
    }
    manifest_path = out_dir.with_name(out_dir.name + ".manifest.json")
    manifest_path.write_text(
        json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="directory to (re)create")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--megabytes", type=float, help="write at least this many MB (10^6 bytes)")
    mode.add_argument("--articles", type=int, help="number of articles (needs --stories)")
    parser.add_argument("--stories", type=int, help="number of stories the articles retell")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--error-rate",
        type=float,
        default=0.02,
        help="share of articles with a wrong conversion, and again with a "
        "disagreeing figure (default 0.02 each)",
    )
    parser.add_argument("--markdown-share", type=float, default=0.25)
    args = parser.parse_args(argv)
    if args.articles is not None and not args.stories:
        parser.error("--articles needs --stories")
    if args.articles is not None and args.stories > args.articles:
        parser.error("--stories must not exceed --articles")
    summary = write_corpus(
        args.out_dir,
        seed=args.seed,
        megabytes=args.megabytes,
        articles=args.articles,
        stories=args.stories,
        error_rate=args.error_rate,
        md_share=args.markdown_share,
    )
    print(
        f"{args.out_dir}: {summary['articles']} articles, {summary['stories']} stories, "
        f"{summary['bytes'] / 1e6:.2f} MB, {summary['injected']} injected errors",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
