"""The grammar as a table of news sentences: every claim each sentence holds, and no other.

Each case lists the claims of its sentence in order: the text of the claim, its value (the
(low, high) interval for ranges, lower bounds and less-than), its qualifier, its unit (pint's
name, a currency code, every reading joined by "|" when the unit is ambiguous, None for a
count), its subject and, where it says more than the unit, its dimension. Phrasing is lifted
from the seed articles, the public test sets of other quantity extractors (Recognizers-Text,
quantulum3) and the forms careful editors write (Wikipedia's conversions, news copy).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from testing.claims import claims_of
from testing.claims import unit_of


class Expect(NamedTuple):
    text: str
    value: float | tuple[float | None, float | None]
    qualifier: str = "exact"
    unit: str | None = None
    subject: str | None = None
    dimension: str | None = None  # checked when given


E = Expect
NONE: list[Expect] = []

SEEDS = [
    (
        "Sources stated that over 10,000 North Korean ground troops have been deployed.",
        [E("over 10,000", (10000, None), "lower-bound", None, "North Korean ground troops")],
    ),
    (
        "The decision follows Russia's deployment of over 10,000 North Korean troops.",
        [E("over 10,000", (10000, None), "lower-bound", None, "North Korean troops")],
    ),
    (
        "Russia's escalation included deploying 11,000 North Korean troops to Kursk.",
        [E("11,000", 11000, "exact", None, "North Korean troops")],
    ),
    (
        "The US believes that greater than 10,000 North Korean soldiers have been sent.",
        [E("greater than 10,000", (10000, None), "lower-bound", None, "North Korean soldiers")],
    ),
    (
        "According to two U.S. officials and a source familiar with the decision, Ukraine acts.",
        [E("two", 2, "exact", None, "U.S. officials")],
    ),
    (
        "Two US officials and a source accustomed to the choice said on Sunday that Biden agreed.",
        [E("Two", 2, "exact", None, "US officials")],
    ),
    (
        "This change comes just two months before Donald Trump takes office on January 20.",
        [E("two months", 2, "exact", "month")],
    ),
    (
        "The move comes two months before Trump takes office on Jan. 20 after months of requests.",
        [E("two months", 2, "exact", "month")],
    ),
    (
        "Advisors suggest that Ukraine agree to pause its NATO aspirations for 20 years.",
        [E("20 years", 20, "exact", "year", "NATO aspirations")],
    ),
    (
        "Officials want to make sure Ukraine can fight effectively next 12 months or negotiate.",
        [E("12 months", 12, "exact", "month")],
    ),
    (
        "ATACMS rockets have a range of up to 190 miles (306 km), officials said.",
        [
            E("up to 190 miles", 190, "upper-bound", "mile", "range"),
            E("306 km", 306, "exact", "kilometer", "range"),
        ],
    ),
    (
        "The Army Tactical Missile System has a range of about 190 miles.",
        [E("about 190 miles", 190, "approximate", "mile", "range")],
    ),
    (
        "The plan would secure an 800-mile buffer zone along current frontlines.",
        [E("800-mile", 800, "exact", "mile", "buffer zone")],
    ),
    (
        "The rockets can engage targets up to 190 miles (306 kilometers) away.",
        [
            E("up to 190 miles", 190, "upper-bound", "mile"),
            E("306 kilometers", 306, "exact", "kilometer"),
        ],
    ),
    (
        "ATACMS missiles have a reach of as much as 190 miles (306 km).",
        [
            E("as much as 190 miles", 190, "upper-bound", "mile", "reach"),
            E("306 km", 306, "exact", "kilometer", "reach"),
        ],
    ),
    ("Russia is advancing at its fastest pace since 2022 despite heavy losses.", NONE),
    ("Zelenskyy expressed hope for a resolution to the conflict by 2024.", NONE),
    ("Since Trump's victory on November 5, officials have said they might act.", NONE),
    ("Just like the ATACMS, HIMARS, Abrams tanks and F-16s, they came too late.", NONE),
    ("Dzhabarov warned it could escalate into World War Three.", NONE),
    ("Plitsas said Ukrainians fight with one hand tied behind their back.", NONE),
]

COUNTS = [
    ("The city has 10,000 residents.", [E("10,000", 10000, "exact", None, "residents")]),
    ("Police said 1,234 people were arrested.", [E("1,234", 1234, "exact", None, "people")]),
    ("The company employs 250 people.", [E("250", 250, "exact", None, "people")]),
    ("Officials counted 3 bodies in the rubble.", [E("3", 3, "exact", None, "bodies")]),
    ("The convoy of 12 trucks crossed the border.", [E("12", 12, "exact", None, "trucks")]),
    ("Roughly 40 villages lost power.", [E("Roughly 40", 40, "approximate", None, "villages")]),
    (
        "The economy added 1.5 million jobs last year.",
        [E("1.5 million", 1.5e6, "exact", None, "jobs")],
    ),
    ("China has 1 414 021 100 people.", [E("1 414 021 100", 1414021100, "exact", None, "people")]),
    ("The city has 40\u202f000 residents.", [E("40\u202f000", 40000, "exact", None, "residents")]),
    ("He earned 13 lakh rupees.", [E("13 lakh rupees", 1.3e6, "exact", "INR")]),
    ("Exactly 50 people came.", [E("50", 50, "exact", None, "people")]),
    ("Only 5 people came.", [E("5", 5, "exact", None, "people")]),
    ("Ukraine received F-16s and 31 Abrams tanks.", [E("31", 31, "exact", None, "Abrams tanks")]),
    ("Russia lost two Su-34 bombers.", [E("two", 2, "exact", None, "Su-34 bombers")]),
    ("Two MiG-29 fighters were shot down.", [E("Two", 2, "exact", None, "MiG-29 fighters")]),
    (
        "The country reported 1,200 COVID-19 cases.",
        [E("1,200", 1200, "exact", None, "COVID-19 cases")],
    ),
    (
        "Flight MH17 was shot down with 298 people on board.",
        [E("298", 298, "exact", None, "people")],
    ),
    ("The COP28 summit drew 70,000 delegates.", [E("70,000", 70000, "exact", None, "delegates")]),
    ("The G7 pledged $50bn.", [E("$50bn", 50e9, "exact", "USD")]),
    ("It announced new funding of $5bn.", [E("$5bn", 5e9, "exact", "USD", "new funding")]),
    ("The audit found a 55% cost overrun.", [E("55%", 55, "exact", "percent", "cost overrun")]),
    ("Zero deaths were recorded.", [E("Zero", 0, "exact", None, "deaths")]),
]

WORDS = [
    ("Twenty-five people were injured.", [E("Twenty-five", 25, "exact", None, "people")]),
    ("Ten thousand protesters marched.", [E("Ten thousand", 10000, "exact", None, "protesters")]),
    ("The army sent ninety-nine tanks.", [E("ninety-nine", 99, "exact", None, "tanks")]),
    ("A dozen eggs cost more than ever.", [E("A dozen", 12, "exact", None, "eggs")]),
    ("Half a dozen schools closed.", [E("Half a dozen", 6, "exact", None, "schools")]),
    ("Three dozen eggs were sold.", [E("Three dozen", 36, "exact", None, "eggs")]),
    ("Buyers ordered 3 dozen roses.", [E("3 dozen", 36, "exact", None, "roses")]),
    ("Half a million people fled.", [E("Half a million", 5e5, "exact", None, "people")]),
    ("A quarter million jobs were lost.", [E("A quarter million", 2.5e5, "exact", None, "jobs")]),
    (
        "The fund spent three quarters of a billion dollars.",
        [E("three quarters of a billion dollars", 7.5e8, "exact", "USD")],
    ),
    ("It took two and a half years.", [E("two and a half years", 2.5, "exact", "year")]),
    ("A million people voted.", [E("A million", 1e6, "exact", None, "people")]),
    ("Several hundred people watched.", NONE),
    ("Hundreds of people watched.", [E("Hundreds", (100, 1000), "range", None, "people")]),
    (
        "The army sent one hundred and six tanks.",
        [E("one hundred and six", 106, "exact", None, "tanks")],
    ),
    ("Fifty-two people were hurt.", [E("Fifty-two", 52, "exact", None, "people")]),
    ("Seven soldiers died.", [E("Seven", 7, "exact", None, "soldiers")]),
    ("3 injured soldiers were flown home.", [E("3", 3, "exact", None, "injured soldiers")]),
    ("Ten died in the attack.", [E("Ten", 10, "exact")]),
    ("One of them was hurt.", NONE),
    ("Which one do you prefer?", NONE),
    ("Let's try one last time.", NONE),
]

SCALES_AND_MONEY = [
    ("The deal was worth $5bn.", [E("$5bn", 5e9, "exact", "USD")]),
    ("He was paid £4.2m last year.", [E("£4.2m", 4.2e6, "exact", "GBP")]),
    ("The campaign raised 5k for charity.", [E("5k", 5000, "exact")]),
    ("The fund holds €3 billion in assets.", [E("€3 billion", 3e9, "exact", "EUR", "assets")]),
    ("The city will spend $2.5 million on parks.", [E("$2.5 million", 2.5e6, "exact", "USD")]),
    ("The club agreed a £45m fee for the striker.", [E("£45m", 45e6, "exact", "GBP", "fee")]),
    (
        "The EU pledged 4.5 billion euros in aid.",
        [E("4.5 billion euros", 4.5e9, "exact", "EUR", "aid")],
    ),
    ("The bank set aside 120 million dollars.", [E("120 million dollars", 1.2e8, "exact", "USD")]),
    (
        "Investors poured $1.2 trillion into the market.",
        [E("$1.2 trillion", 1.2e12, "exact", "USD")],
    ),
    (
        "Prices start at $12,345 for the base model.",
        [E("$12,345", 12345, "exact", "USD", "Prices")],
    ),
    ("A pizza costs $8.50 in the city.", [E("$8.50", 8.5, "exact", "USD", "pizza")]),
    (
        "Net interest income sank 27% in the quarter to $254 million.",
        [E("27%", 27, "exact", "percent"), E("$254 million", 254e6, "exact", "USD")],
    ),
    (
        "The firm won a $48.2 million army contract.",
        [E("$48.2 million", 48.2e6, "exact", "USD", "army contract")],
    ),
    ("He was fined 10,000 Swiss francs.", [E("10,000 Swiss francs", 10000, "exact", "CHF")]),
    ("Bayern Munich loaned €2 million to Dortmund.", [E("€2 million", 2e6, "exact", "EUR")]),
    (
        "Coyle's net worth was estimated at £8.10 million.",
        [E("£8.10 million", 8.1e6, "exact", "GBP", "Coyle's net worth")],
    ),
    ("It could cost as much as $10bn.", [E("as much as $10bn", 10e9, "upper-bound", "USD")]),
    (
        "The project costs 1.5 million dollars.",
        [E("1.5 million dollars", 1.5e6, "exact", "USD", "project")],
    ),
    ("The firm raised 100 billion yuan.", [E("100 billion yuan", 1e11, "exact", "CNY")]),
    ("A ticket costs 5 € at the door.", [E("5 €", 5, "exact", "EUR", "ticket")]),
    ("He paid 200 USD for the phone.", [E("200 USD", 200, "exact", "USD")]),
    ("He paid USD 200 for the phone.", [E("USD 200", 200, "exact", "USD")]),
    ("The loan was US$150 million.", [E("US$150 million", 150e6, "exact", "USD", "loan")]),
    ("Exports reached HK$10.05 billion.", [E("HK$10.05 billion", 10.05e9, "exact", "HKD")]),
    ("The tower cost 2 crore to build.", [E("2 crore", 2e7, "exact", None, "tower")]),
    ("The iPhone 15 costs $799.", [E("$799", 799, "exact", "USD")]),
    ("A 7-Eleven store was robbed of $200.", [E("$200", 200, "exact", "USD")]),
    ("They raised 20 million pounds.", [E("20 million pounds", 20e6, "exact", "pound|GBP")]),
    (
        "Oil rose to $80 a barrel.",
        [E("$80 a barrel", 80, "exact", "USD / oil_barrel", None, "currency / [length] ** 3")],
    ),
]

PERCENTAGES = [
    ("Prices rose 25% in a year.", [E("25%", 25, "exact", "percent")]),
    ("Prices rose 25 per cent in a year.", [E("25 per cent", 25, "exact", "percent")]),
    ("Support fell to 40 percent.", [E("40 percent", 40, "exact", "percent")]),
    (
        "Unemployment fell 3 percentage points.",
        [E("3 percentage points", 3, "exact", "percentage_point")],
    ),
    (
        "Turnout was about 60% in the capital.",
        [E("about 60%", 60, "approximate", "percent", "Turnout")],
    ),
    (
        "The party won more than 30 per cent of the vote.",
        [E("more than 30 per cent", (30, None), "lower-bound", "percent")],
    ),
    ("Inflation should stay below 2%.", [E("below 2%", (None, 2), "less-than", "percent")]),
    ("Growth slowed to 1.5 pct.", [E("1.5 pct", 1.5, "exact", "percent")]),
    ("Twenty percent of homes flooded.", [E("Twenty percent", 20, "exact", "percent")]),
    (
        "Sales rose 6.2% to $1.45 billion.",
        [E("6.2%", 6.2, "exact", "percent"), E("$1.45 billion", 1.45e9, "exact", "USD")],
    ),
    (
        "Fiscal fourth-quarter sales grew about 18% to $1.17 billion.",
        [E("about 18%", 18, "approximate", "percent"), E("$1.17 billion", 1.17e9, "exact", "USD")],
    ),
    (
        "Exports fell 19% from 1987 to HK$10.05 billion.",
        [E("19%", 19, "exact", "percent"), E("HK$10.05 billion", 10.05e9, "exact", "HKD")],
    ),
    (
        "The rate rose 0.25 percentage point.",
        [E("0.25 percentage point", 0.25, "exact", "percentage_point")],
    ),
    ("Rates were cut by 50 basis points.", [E("50 basis points", 50, "exact", "basis_point")]),
]

RANGES = [
    ("Ten to 12 people were arrested.", [E("Ten to 12", (9.5, 12.5), "range", None, "people")]),
    ("10-12 people were arrested.", [E("10-12", (9.5, 12.5), "range", None, "people")]),
    (
        "Between 10 and 12 people were arrested.",
        [E("Between 10 and 12", (9.5, 12.5), "range", None, "people")],
    ),
    (
        "Winds of 30 to 55 km/h are expected.",
        [E("30 to 55 km/h", (28.5, 55.5), "range", "kilometer / hour", "Winds")],
    ),
    (
        "Officials unveiled a $5-10bn package.",
        [E("$5-10bn", (4.5e9, 10.5e9), "range", "USD", "package")],
    ),
    ("Highs will reach 20 to 25C.", [E("20 to 25C", (19, 25.5), "range", "degree_Celsius")]),
    (
        "Between 5% and 10% of voters are undecided.",
        [E("Between 5% and 10%", (4.5, 10.5), "range", "percent")],
    ),
    (
        "The tunnel is 10 to 12 km long.",
        [E("10 to 12 km", (9.5, 12.5), "range", "kilometer", "tunnel")],
    ),
    (
        "A 10- to 12-foot wall was built.",
        [E("10- to 12-foot", (9.5, 12.5), "range", "foot", "wall")],
    ),
    ("The bridge spans 2.5-3 miles.", [E("2.5-3 miles", (2.45, 3.5), "range", "mile", "bridge")]),
    (
        "The storm dumped 20–30 cm of snow.",
        [E("20–30 cm", (19, 31.5), "range", "centimeter", "snow")],
    ),
    ("The talks lasted two or three days.", [E("two or three days", (1.5, 3.5), "range", "day")]),
    ("5 or 6 people were hurt.", [E("5 or 6", (4.5, 6.5), "range", None, "people")]),
    # two choices in one unit, written on each figure: one claim, as "16 or 32GB" is
    (
        "You can choose between 16GB or 32GB versions.",
        [E("16GB or 32GB", (15.5, 32.5), "range", "gigabyte")],
    ),
    ("Tickets cost £40 or £50.", [E("£40 or £50", (38, 52.5), "range", "GBP", "Tickets")]),
    ("A 5ft or 6ft fence went up.", [E("5ft or 6ft", (4.5, 6.5), "range", "foot", "fence")]),
    ("Shares could rise 5% or 10%.", [E("5% or 10%", (4.5, 10.5), "range", "percent")]),
    (
        "The plan costs $5 or $10 a month.",
        [E("$5 or $10 a month", (4.5, 10.5), "range", "USD / month", "plan", "currency / [time]")],
    ),
    # ... but another unit restates the first figure, and a choice told high to low is two
    (
        "It weighs 2 kg or 4.4 pounds.",
        [E("2 kg", 2, "exact", "kilogram"), E("4.4 pounds", 4.4, "exact", "pound|GBP")],
    ),
    (
        "They offered 10% or 20 percent.",
        [E("10%", 10, "exact", "percent"), E("20 percent", 20, "exact", "percent")],
    ),
    (
        "It comes with either 32GB or 16GB.",
        [E("32GB", 32, "exact", "gigabyte"), E("16GB", 16, "exact", "gigabyte")],
    ),
    ("Between $2m and $3m was stolen.", [E("Between $2m and $3m", (1.5e6, 3.5e6), "range", "USD")]),
    ("5%-10% of voters are undecided.", [E("5%-10%", (4.5, 10.5), "range", "percent")]),
    (
        "The death toll rose from 40 to 50 people.",
        [E("40", 40, "exact"), E("50", 50, "exact", None, "people")],
    ),
    (
        "Rents were cut from $1,200 to $1,000 a month.",
        [
            E("$1,200", 1200, "exact", "USD / month", None, "currency / [time]"),
            E("$1,000 a month", 1000, "exact", "USD / month", None, "currency / [time]"),
        ],
    ),
    (
        "Temperatures ranged from -34 °C to -18 °C overnight.",
        [E("-34 °C to -18 °C", (-34.5, -17.5), "range", "degree_Celsius")],
    ),
    (
        "They were given from 44 ml to 50 mg ethanol.",
        [E("44 ml", 44, "exact", "milliliter"), E("50 mg", 50, "exact", "milligram")],
    ),
    (
        "The range is 190 miles or 306 km.",
        [E("190 miles", 190, "exact", "mile", "range"), E("306 km", 306, "exact", "kilometer")],
    ),
]

QUALIFIERS = [
    ("Some 300 people attended the funeral.", [E("Some 300", 300, "approximate", None, "people")]),
    (
        "About 3,000 people fled the fighting.",
        [E("About 3,000", 3000, "approximate", None, "people")],
    ),
    ("Around 400 homes were destroyed.", [E("Around 400", 400, "approximate", None, "homes")]),
    (
        "Nearly 2,000 civilians have been evacuated.",
        [E("Nearly 2,000", 2000, "approximate", None, "civilians")],
    ),
    (
        "Approximately 1,500 firefighters battled the blaze.",
        [E("Approximately 1,500", 1500, "approximate", None, "firefighters")],
    ),
    ("Almost 600 flights were cancelled.", [E("Almost 600", 600, "approximate", None, "flights")]),
    (
        "Close to 70 countries signed the accord.",
        [E("Close to 70", 70, "approximate", None, "countries")],
    ),
    (
        "An estimated 1,200 migrants crossed.",
        [E("An estimated 1,200", 1200, "approximate", None, "migrants")],
    ),
    ("Circa 500 troops remain.", [E("Circa 500", 500, "approximate", None, "troops")]),
    (
        "The crowd numbered approx. 800 people.",
        [E("approx. 800", 800, "approximate", None, "people")],
    ),
    ("The trip takes ~40 minutes.", [E("~40 minutes", 40, "approximate", "minute")]),
    ("The journey takes 20 minutes or so.", [E("20 minutes or so", 20, "approximate", "minute")]),
    ("About 20 or so people came.", [E("About 20 or so", 20, "approximate", None, "people")]),
    (
        "Fewer than 100 people turned up.",
        [E("Fewer than 100", (None, 100), "less-than", None, "people")],
    ),
    ("Less than 50 homes survived.", [E("Less than 50", (None, 50), "less-than", None, "homes")]),
    (
        "Just under 500 ballots were spoiled.",
        [E("Just under 500", (None, 500), "less-than", None, "ballots")],
    ),
    ("Under 20 children attended.", [E("Under 20", (None, 20), "less-than", None, "children")]),
    ("Below 10 cases were recorded.", [E("Below 10", (None, 10), "less-than", None, "cases")]),
    (
        "Well under 300 seats remain.",
        [E("Well under 300", (None, 300), "less-than", None, "seats")],
    ),
    (
        "More than 5,000 people signed.",
        [E("More than 5,000", (5000, None), "lower-bound", None, "people")],
    ),
    (
        "At least 27 people were killed.",
        [E("At least 27", (27, None), "lower-bound", None, "people")],
    ),
    (
        "Upwards of 4,000 fans are expected.",
        [E("Upwards of 4,000", (4000, None), "lower-bound", None, "fans")],
    ),
    (
        "In excess of 900 vehicles were recalled.",
        [E("In excess of 900", (900, None), "lower-bound", None, "vehicles")],
    ),
    (
        "Well over 1,000 protesters gathered.",
        [E("Well over 1,000", (1000, None), "lower-bound", None, "protesters")],
    ),
    (
        "Just over 200 flights left.",
        [E("Just over 200", (200, None), "lower-bound", None, "flights")],
    ),
    (
        "No fewer than 30 ships sailed.",
        [E("No fewer than 30", (30, None), "lower-bound", None, "ships")],
    ),
    ("Only 40 percent agreed.", [E("40 percent", 40, "exact", "percent")]),
    (
        "No less than 40 percent agreed.",
        [E("No less than 40 percent", (40, None), "lower-bound", "percent")],
    ),
    (
        "Debts exceeding $2bn were written off.",
        [E("exceeding $2bn", (2e9, None), "lower-bound", "USD")],
    ),
    (
        "Temperatures above 40C are forecast.",
        [E("above 40C", (40, None), "lower-bound", "degree_Celsius")],
    ),
    (
        "10,000 or more troops were sent.",
        [E("10,000 or more", (10000, None), "lower-bound", None, "troops")],
    ),
    (
        "Two or more countries objected.",
        [E("Two or more", (2, None), "lower-bound", None, "countries")],
    ),
    (
        "As many as 200 soldiers were captured.",
        [E("As many as 200", 200, "upper-bound", None, "soldiers")],
    ),
    ("At most 30 trucks can cross.", [E("At most 30", 30, "upper-bound", None, "trucks")]),
    ("Up to 80 staff could lose their jobs.", [E("Up to 80", 80, "upper-bound", None, "staff")]),
    (
        "No more than 12 people may gather.",
        [E("No more than 12", 12, "upper-bound", None, "people")],
    ),
    (
        "The swell reached as high as 9 metres.",
        [E("as high as 9 metres", 9, "upper-bound", "meter")],
    ),
    (
        "A maximum of 50 guests may attend.",
        [E("A maximum of 50", 50, "upper-bound", None, "guests")],
    ),
    ("Essays must be 100 words or fewer.", [E("100", 100, "exact", None, "words")]),
    ("Groups of 6 people or fewer may meet.", [E("6", 6, "exact", None, "people")]),
    (
        "The plan will cost $5bn over five years.",
        [E("$5bn", 5e9, "exact", "USD"), E("five years", 5, "exact", "year")],
    ),
]

ADJECTIVAL = [
    ("The ATACMS has a 190-mile range.", [E("190-mile", 190, "exact", "mile", "range")]),
    ("Trump wants an 800-mile buffer zone.", [E("800-mile", 800, "exact", "mile", "buffer zone")]),
    (
        "The missile has a 306-kilometre range.",
        [E("306-kilometre", 306, "exact", "kilometer", "range")],
    ),
    ("It was a 24-hour strike.", [E("24-hour", 24, "exact", "hour", "strike")]),
    ("The union called a two-day walkout.", [E("two-day", 2, "exact", "day", "walkout")]),
    ("A 10-year-old boy was rescued.", [E("10-year-old", 10, "exact", "year", "boy", "age")]),
    ("Crews cleared a 5km stretch of road.", [E("5km", 5, "exact", "kilometer", "stretch")]),
    ("Guards patrol a 190-mile-long border.", [E("190-mile", 190, "exact", "mile", "border")]),
    ("A 3-metre wall surrounds the site.", [E("3-metre", 3, "exact", "meter", "wall")]),
    ("Police found a 1/4-inch gap.", [E("1/4-inch", 0.25, "exact", "inch", "gap")]),
    ("He set a 100-metre record.", [E("100-metre", 100, "exact", "meter", "record")]),
    ("The 5-star hotel has 300 rooms.", [E("300", 300, "exact", None, "rooms")]),
    ("A 1,000-page report was published.", NONE),
    ("Authorities reported a 7.8-magnitude earthquake.", NONE),
    ("A two-state solution is still possible.", NONE),
]

COMPOUNDS = [
    ("He is 5ft 11in tall.", [E("5ft 11in", 5 + 11 / 12, "exact", "foot")]),
    (
        "The suspect is 6 feet 2 inches tall.",
        [E("6 feet 2 inches", 6 + 2 / 12, "exact", "foot", "suspect")],
    ),
    ("He is 5 feet and 2 inches tall.", [E("5 feet and 2 inches", 5 + 2 / 12, "exact", "foot")]),
    (
        "The flight took 3 hours 20 minutes.",
        [E("3 hours 20 minutes", 3 + 20 / 60, "exact", "hour")],
    ),
    (
        "The baby weighed 7 pounds 6 ounces.",
        [E("7 pounds 6 ounces", 7 + 6 / 16, "exact", "pound", "baby")],
    ),
    ("He is about 5ft 11in tall.", [E("about 5ft 11in", 5 + 11 / 12, "approximate", "foot")]),
]

TEMPERATURES = [
    ("It was 86F in Miami on Tuesday.", [E("86F", 86, "exact", "degree_Fahrenheit")]),
    ("It was 30°C in Madrid.", [E("30°C", 30, "exact", "degree_Celsius")]),
    (
        "Temperatures reached 30 degrees Celsius.",
        [E("30 degrees Celsius", 30, "exact", "degree_Celsius")],
    ),
    (
        "The forecast is for highs of 98.6 degrees Fahrenheit.",
        [E("98.6 degrees Fahrenheit", 98.6, "exact", "degree_Fahrenheit", "highs")],
    ),
    ("Overnight lows fell to -5C in the north.", [E("-5C", -5, "exact", "degree_Celsius")]),
    ("The thermometer read minus 12C at dawn.", [E("minus 12C", -12, "exact", "degree_Celsius")]),
    (
        "The boiling point is 100° Celsius.",
        [E("100° Celsius", 100, "exact", "degree_Celsius", "boiling point")],
    ),
    (
        "The outside temperature is 40 deg celsius.",
        [E("40 deg celsius", 40, "exact", "degree_Celsius", "outside temperature")],
    ),
    ("Heat of 104 °F was recorded.", [E("104 °F", 104, "exact", "degree_Fahrenheit", "Heat")]),
    (
        "It was 40 degrees in the shade.",
        [E("40 degrees", 40, "exact", "degree_Celsius|degree_Fahrenheit")],
    ),
    ("The 1.5C target is slipping away.", [E("1.5C", 1.5, "exact", "degree_Celsius", "target")]),
    ("Absolute zero is 0 kelvin.", [E("0 kelvin", 0, "exact", "kelvin", "Absolute zero")]),
    # a bare "degrees" among words of turning is an angle, not a temperature
    (
        "It was a U-turn of 180 degrees.",
        [E("180 degrees", 180, "exact", "degree", "U-turn", "angle")],
    ),
    (
        "The camera rotates 360° in 2 seconds.",
        [E("360°", 360, "exact", "degree", None, "angle"), E("2 seconds", 2, "exact", "second")],
    ),
    (
        "Officials made a 180-degree turn on policy.",
        [E("180-degree", 180, "exact", "degree", "turn", "angle")],
    ),
    (
        "The road climbs at a 10 degree slope.",
        [E("10 degree", 10, "exact", "degree", "slope", "angle")],
    ),
    (
        "The frost came with temperatures falling to minus seven degrees.",
        [E("seven degrees", 7, "exact", "degree_Celsius|degree_Fahrenheit", None, "[temperature]")],
    ),
    (
        "The border follows the 40 degrees south line.",
        [E("40 degrees", 40, "exact", "degree", "south line", "angle")],
    ),
    (
        "It turned to 30 degrees Celsius.",
        [E("30 degrees Celsius", 30, "exact", "degree_Celsius", None, "[temperature]")],
    ),
    ("Charter a Boeing 777F to carry supplies.", NONE),
]

AREAS_VOLUMES = [
    ("The park covers 250 km².", [E("250 km²", 250, "exact", "kilometer ** 2", "park")]),
    (
        "The reserve covers 96 sq mi of forest.",
        [E("96 sq mi", 96, "exact", "mile ** 2", "forest")],
    ),
    ("The farm spans 1,200 acres.", [E("1,200 acres", 1200, "exact", "acre", "farm")]),
    ("The fire burned 4,000 hectares.", [E("4,000 hectares", 4000, "exact", "hectare")]),
    ("The flat is 85 square metres.", [E("85 square metres", 85, "exact", "meter ** 2", "flat")]),
    ("Italy covers 301,338 km2.", [E("301,338 km2", 301338, "exact", "kilometer ** 2", "Italy")]),
    ("The zone is 4 km squared.", [E("4 km squared", 4, "exact", "kilometer ** 2", "zone")]),
    (
        "The lake holds 500 million cubic metres of water.",
        [E("500 million cubic metres", 5e8, "exact", "meter ** 3", "water")],
    ),
    ("The tank holds 500 litres of fuel.", [E("500 litres", 500, "exact", "liter", "fuel")]),
    (
        "The tanker carried 2 million barrels of oil.",
        [E("2 million barrels", 2e6, "exact", "oil_barrel", "oil")],
    ),
    (
        "Output rose to 9.5 million bbl a day.",
        [
            E(
                "9.5 million bbl a day",
                9.5e6,
                "exact",
                "oil_barrel / day",
                None,
                "[length] ** 3 / [time]",
            )
        ],
    ),
    (
        "Drivers used 3.5 gallons of fuel.",
        [E("3.5 gallons", 3.5, "exact", "gallon|imperial_gallon", "fuel")],
    ),
    ("The bottle holds 750 ml.", [E("750 ml", 750, "exact", "milliliter")]),
    ("Add 3 tablespoons of butter.", [E("3 tablespoons", 3, "exact", "tablespoon", "butter")]),
    ("The pub sold 400 pints.", [E("400 pints", 400, "exact", "pint|imperial_pint")]),
]

ENERGY_POWER = [
    (
        "The plant produces 20 GWh a year.",
        [E("20 GWh a year", 20, "exact", "gigawatt_hour / year")],
    ),
    (
        "The reactor generates 1,600 MW of power.",
        [E("1,600 MW", 1600, "exact", "megawatt", "power")],
    ),
    (
        "A 500 MW power station will be built.",
        [E("500 MW", 500, "exact", "megawatt", "power station")],
    ),
    ("The battery stores 75 kWh.", [E("75 kWh", 75, "exact", "kilowatt_hour")]),
    ("The engine delivers 300 horsepower.", [E("300 horsepower", 300, "exact", "horsepower")]),
    ("The panel produces 400 watts.", [E("400 watts", 400, "exact", "watt")]),
    ("The meal contains 800 calories.", [E("800 calories", 800, "exact", "kilocalorie")]),
    ("The grid lost 2 GW overnight.", [E("2 GW", 2, "exact", "gigawatt")]),
    (
        "Coal yields about 15,000 British thermal units.",
        [E("about 15,000 British thermal units", 15000, "approximate", "british_thermal_unit")],
    ),
    (
        "Britain used 300 TWh of electricity.",
        [E("300 TWh", 300, "exact", "terawatt_hour", "electricity")],
    ),
    ("The blast released 4 megajoules.", [E("4 megajoules", 4, "exact", "megajoule")]),
]

MASS_LENGTH_SPEED = [
    ("The boxer weighs 70 kg.", [E("70 kg", 70, "exact", "kilogram", "boxer")]),
    ("The whale weighed 40 tonnes.", [E("40 tonnes", 40, "exact", "metric_ton", "whale")]),
    (
        "The ship carried 10 tons of grain.",
        [E("10 tons", 10, "exact", "short_ton|long_ton|metric_ton", "grain")],
    ),
    (
        "Police seized 2.5 kilograms of cocaine.",
        [E("2.5 kilograms", 2.5, "exact", "kilogram", "cocaine")],
    ),
    ("You weigh 200lbs.", [E("200lbs", 200, "exact", "pound")]),
    ("The cable is 2 mm thick.", [E("2 mm", 2, "exact", "millimeter", "cable")]),
    (
        "The tumour measured 2.3 cm x 2.3 cm.",
        [E("2.3 cm", 2.3, "exact", "centimeter"), E("2.3 cm", 2.3, "exact", "centimeter")],
    ),
    ("The plane flew at 35,000 feet.", [E("35,000 feet", 35000, "exact", "foot", "plane")]),
    ("The car reached 120 mph on the motorway.", [E("120 mph", 120, "exact", "mile / hour")]),
    ("Winds gusted at 100 km/h.", [E("100 km/h", 100, "exact", "kilometer / hour", "Winds")]),
    (
        "The car has a top speed of 200 km/h.",
        [E("200 km/h", 200, "exact", "kilometer / hour", "top speed")],
    ),
    ("The ship sailed at 20 knots.", [E("20 knots", 20, "exact", "knot", "ship")]),
    ("The jet was cruising at 30,000 feet.", [E("30,000 feet", 30000, "exact", "foot")]),
    (
        "Beryl packed winds of up to 130 mph.",
        [E("up to 130 mph", 130, "upper-bound", "mile / hour", "winds")],
    ),
    (
        "The storm moved at 15 miles an hour.",
        [E("15 miles an hour", 15, "exact", "mile / hour", "storm")],
    ),
    ("The fish was 40 cm long.", [E("40 cm", 40, "exact", "centimeter", "fish")]),
    (
        "Hubble could be off by up to 4,000 km.",
        [E("up to 4,000 km", 4000, "upper-bound", "kilometer")],
    ),
    (
        "L2 is at 1,500,000 kilometres from Earth.",
        [E("1,500,000 kilometres", 1.5e6, "exact", "kilometer")],
    ),
    (
        "The chip is 16.25 nanometers across.",
        [E("16.25 nanometers", 16.25, "exact", "nanometer", "chip")],
    ),
    (
        "The vessel is 5 nm off the coast.",
        [E("5 nm", 5, "exact", "nanometer|nautical_mile", "vessel")],
    ),
    ("The dose was 150 micrograms.", [E("150 micrograms", 150, "exact", "microgram", "dose")]),
    ("The runner covered 26.2 miles.", [E("26.2 miles", 26.2, "exact", "mile")]),
    ("The drone flew 1.5m above the ground.", [E("1.5m", 1.5, "exact", "meter|")]),
]

DURATIONS = [
    ("The siege lasted 20 years.", [E("20 years", 20, "exact", "year")]),
    ("The project was delayed by 12 months.", [E("12 months", 12, "exact", "month")]),
    ("The talks ended after two weeks.", [E("two weeks", 2, "exact", "week")]),
    ("The journey takes about 90 minutes.", [E("about 90 minutes", 90, "approximate", "minute")]),
    ("The blackout lasted 36 hours.", [E("36 hours", 36, "exact", "hour")]),
    ("She served three decades in Congress.", [E("three decades", 3, "exact", "decade_of_years")]),
    ("The prisoner was freed after 2 1/2 years.", [E("2 1/2 years", 2.5, "exact", "year")]),
    ("The launch took 90 seconds.", [E("90 seconds", 90, "exact", "second")]),
    ("He spent five days in custody.", [E("five days", 5, "exact", "day")]),
    ("The shortest day has only 3 hrs of light.", [E("3 hrs", 3, "exact", "hour", "light")]),
    ("Ceasefire talks began two months ago.", [E("two months", 2, "exact", "month")]),
    (
        "Forrest ran for 3 years, 2 months, 14 days.",
        [
            E("3 years", 3, "exact", "year", "Forrest"),
            E("2 months", 2, "exact", "month"),
            E("14 days", 14, "exact", "day"),
        ],
    ),
    ("Interstate 95 was closed for 6 hours.", [E("6 hours", 6, "exact", "hour")]),
    ("The Apollo 11 crew spent 21 hours on the Moon.", [E("21 hours", 21, "exact", "hour")]),
    ("The meeting starts at 10:30 and lasts 2 hours.", [E("2 hours", 2, "exact", "hour")]),
]

FRACTIONS = [
    ("The station is 1/4 mile from the border.", [E("1/4 mile", 0.25, "exact", "mile", "station")]),
    ("The crater is 2 1/2 miles wide.", [E("2 1/2 miles", 2.5, "exact", "mile", "crater")]),
    ("The door is 2 1/2 in thick.", [E("2 1/2 in", 2.5, "exact", "inch", "door")]),
    ("About 1/4 of the budget was spent.", [E("About 1/4", 0.25, "approximate")]),
    ("Add ½ cup of sugar.", [E("½ cup", 0.5, "exact", "cup|imperial_cup|metric_cup", "sugar")]),
    ("The shop is open 24/7 and employs 15 people.", [E("15", 15, "exact", None, "people")]),
    ("The 9/11 attacks killed 2,977 people.", [E("2,977", 2977, "exact", None, "people")]),
    ("Two thirds of voters backed the plan.", [E("Two thirds", 2 / 3)]),
    ("Three fifths of the seats went to the party.", [E("Three fifths", 0.6)]),
    ("Two-thirds of voters backed the plan.", [E("Two-thirds", 2 / 3)]),
    ("The probability is exactly one sixth.", [E("one sixth", 1 / 6)]),
    ("A die shows each face one sixth of the time.", [E("one sixth", 1 / 6)]),
    ("She would like two thirds of the cake.", [E("two thirds", 2 / 3)]),
    ("Is three halves a fraction?", [E("three halves", 1.5)]),
    ("The farm lies one-half mile east.", [E("one-half mile", 0.5, "exact", "mile")]),
    ("The wall is two thirds of a metre high.", [E("two thirds", 2 / 3, "exact", None, "wall")]),
    ("The two halves of the match were dull.", NONE),  # the parts, not a value of one
    ("He ate one and two thirds pies.", [E("one and two thirds", 5 / 3, "exact", None, "pies")]),
    (
        "The result is three and one fourth.",
        [E("three and one fourth", 3.25, "exact", None, "result")],
    ),
    ("It came to one hundred thirty two fifths.", NONE),
    ("Sales and two thirds of profits fell.", [E("two thirds", 2 / 3)]),
    (
        "Three quarters of a million people voted.",
        [E("Three quarters of a million", 750000, "exact", None, "people")],
    ),
    ("Output shrank for two quarters in a row.", [E("two", 2, "exact", None, "quarters")]),
    ("One in five adults smoked in 2010.", NONE),
    ("Four in 10 Americans own a gun.", NONE),
    ("Stage 4 cancer affects 1 in 20 patients.", NONE),
    ("A third of voters backed the plan, or 33%.", [E("33%", 33, "exact", "percent")]),
]

DATES_AND_YEARS = [
    ("In 2022, 10,000 troops were sent.", [E("10,000", 10000, "exact", None, "troops")]),
    ("By 2024 the army had 300 tanks.", [E("300", 300, "exact", None, "tanks")]),
    (
        "The war began in 2022 and 2,000 homes were lost.",
        [E("2,000", 2000, "exact", None, "homes")],
    ),
    ("From 2022-2024 the budget grew by $2bn.", [E("$2bn", 2e9, "exact", "USD")]),
    ("The 2022–23 season ended with 30 wins.", [E("30", 30, "exact", None, "wins")]),
    ("On November 5, 40 people were hurt.", [E("40", 40, "exact", None, "people")]),
    (
        "Trump takes office on Jan. 20 with 312 electoral votes.",
        [E("312", 312, "exact", None, "electoral votes")],
    ),
    ("On 20 January 1,500 guests attended.", [E("1,500", 1500, "exact", None, "guests")]),
    (
        "The vote is due on March 3 and 5,000 observers will attend.",
        [E("5,000", 5000, "exact", None, "observers")],
    ),
    ("The report dated 5/17/2018 listed 14 sites.", [E("14", 14, "exact", None, "sites")]),
    ("The 2021-06 report listed 40 incidents.", [E("40", 40, "exact", None, "incidents")]),
    ("The plan is due around 2030, officials said.", NONE),
    ("Around 2000 people attended.", [E("Around 2000", 2000, "approximate", None, "people")]),
    ("The 1990s saw 3 recessions.", [E("3", 3, "exact", None, "recessions")]),
    ("He is in his 50s and owns 2 houses.", [E("2", 2, "exact", None, "houses")]),
    (
        "The 21st century began with 6 billion people.",
        [E("6 billion", 6e9, "exact", None, "people")],
    ),
    ("The 1st Battalion lost 12 soldiers.", [E("12", 12, "exact", None, "soldiers")]),
    (
        "The 3rd Armored Division deployed 4,000 troops.",
        [E("4,000", 4000, "exact", None, "troops")],
    ),
    ("Upgrade to version 3.11 before 10 March.", NONE),
    ("The twenty-fifth anniversary was held.", NONE),
]

IDENTIFIERS = [
    ("A Boeing 737 carrying 150 passengers landed.", [E("150", 150, "exact", None, "passengers")]),
    (
        "Python 3.11 was released with 25 new features.",
        [E("25", 25, "exact", None, "new features")],
    ),
    ("NATO's Article 5 covers all 32 members.", [E("32", 32, "exact", None, "members")]),
    ("The convoy used Route 66 for 300 miles.", [E("300 miles", 300, "exact", "mile")]),
    (
        "Dzhabarov warned of World War Three as 5 missiles hit Kyiv.",
        [E("5", 5, "exact", None, "missiles")],
    ),
    ("Chapter 11 protects the firm's 5,000 jobs.", [E("5,000", 5000, "exact", None, "jobs")]),
    ("The Category 5 hurricane killed 40 people.", [E("40", 40, "exact", None, "people")]),
    ("Apollo 11 landed in 1969.", NONE),
    ("He lives at No. 10 with 2 cats.", [E("2", 2, "exact", None, "cats")]),
    ("The code 007 was used by 12 agents.", [E("12", 12, "exact", None, "agents")]),
    ("A 7-Eleven store opened.", NONE),
    ("Windows 11 runs on 400 million devices.", [E("400 million", 4e8, "exact", None, "devices")]),
    ("The 4K screen costs $500.", [E("$500", 500, "exact", "USD", "screen")]),
    ("The 5G network reaches 90% of homes.", [E("90%", 90, "exact", "percent", "network")]),
    ("Intel Core i7 860 Processor", NONE),
    ("He lives at 10 Downing Street with 2 cats.", [E("2", 2, "exact", None, "cats")]),
    ("The iOS 17 update fixed 12 bugs.", [E("12", 12, "exact", None, "bugs")]),
    ("Workers moved their 401(k) plans.", NONE),
    ("The S&P 500 rose 2% on Friday.", [E("2%", 2, "exact", "percent")]),
    ("The FTSE 100 fell 1.5%.", [E("1.5%", 1.5, "exact", "percent")]),
    ("Cannington—South 32 Ltd", NONE),
    (
        "The rocket carried a 1.7 eV detector.",
        [E("1.7 eV", 1.7, "exact", "electron_volt", "detector")],
    ),
    ("The drive holds 8 GB of data.", [E("8 GB", 8, "exact", "gigabyte", "data", "information")]),
    ("The sensor logged 20 dB of noise.", NONE),  # a unit numcheck does not read
    ("Carbon dioxide reached 420 ppm.", NONE),
]

TIMES_PHONES_SCORES = [
    ("Call 555-123-4567 for the 24 tickets left.", [E("24", 24, "exact", None, "tickets")]),
    ("Dial +44 20 7946 0958 to reach one of 3 agents.", [E("3", 3, "exact", None, "agents")]),
    ("Call (555) 123 4567 now.", NONE),
    (
        "Polls open at 10 a.m. and 4 million people are expected.",
        [E("4 million", 4e6, "exact", None, "people")],
    ),
    (
        "The match kicks off at 3pm in front of 60,000 fans.",
        [E("60,000", 60000, "exact", None, "fans")],
    ),
    ("The bank robbery began at 2pm and was over by 2.17pm.", NONE),
    ("Troops moved at 0900 GMT.", NONE),
    (
        "The resolution passed by a 2:1 majority with 120 votes.",
        [E("120", 120, "exact", None, "votes")],
    ),
    ("The team won 3-2 in front of 40,000 fans.", [E("40,000", 40000, "exact", None, "fans")]),
    ("City sealed a 2-1 victory over United.", NONE),
    ("The court's 5-4 vote upheld the law.", NONE),
    ("It was a 50-50 decision.", NONE),
    ("Chelsea lost 0-1 at home.", NONE),
    ("The score stood at 24-17 at half-time.", NONE),
    (
        "The car does 50 miles per gallon.",
        [E("50 miles per gallon", 50, "exact", "mile / gallon|mile / imperial_gallon")],
    ),
    ("It reached 20 km/ms.", [E("20 km/ms", 20, "exact", "kilometer / millisecond")]),
    ("The team won 3 games per season.", [E("3", 3, "exact", None, "games")]),
]

# The units and forms a careful editor writes beside a conversion (Wikipedia's ship, storm and
# weapon articles; news copy).
UNITS_READ = [
    (
        "The destroyer made 21 knots (39 km/h; 24 mph).",
        [
            E("21 knots", 21, "exact", "knot"),
            E("39 km/h", 39, "exact", "kilometer / hour"),
            E("24 mph", 24, "exact", "mile / hour"),
        ],
    ),
    (
        "The shell left the barrel at 2,800 ft/s (850 m/s).",
        [
            E("2,800 ft/s", 2800, "exact", "foot / second", "barrel", "[length] / [time]"),
            E("850 m/s", 850, "exact", "meter / second", "barrel"),
        ],
    ),
    (
        "The engine turns at 3,500 rpm.",
        [
            E(
                "3,500 rpm",
                3500,
                "exact",
                "revolution_per_minute_turns",
                "engine turns",
                "1 / [time]",
            )
        ],
    ),
    (
        "Her turbines gave 60,000 shp (45,000 kW).",
        [
            E("60,000 shp", 60000, "exact", "horsepower"),
            E("45,000 kW", 45000, "exact", "kilowatt"),
        ],
    ),
    (
        "The engine makes 300 hp at 6,000 rpm.",
        [
            E("300 hp", 300, "exact", "horsepower"),
            E("6,000 rpm", 6000, "exact", "revolution_per_minute_turns"),
        ],
    ),
    ("The plant adds 450 MW to the grid.", [E("450 MW", 450, "exact", "megawatt")]),
    (
        "Gas traded at $3.10 per mmBTU.",
        [E("$3.10 per mmBTU", 3.1, "exact", "USD / million_btu", "Gas")],
    ),
    ("The battery stores 75 kWh.", [E("75 kWh", 75, "exact", "kilowatt_hour")]),
    (
        "The ship displaced 3,200 long tons (3,250 t).",
        [
            E("3,200 long tons", 3200, "exact", "long_ton"),
            E("3,250 t", 3250, "exact", "metric_ton"),
        ],
    ),
    (
        "The truck carries 2 short tons (1.81 t).",
        [E("2 short tons", 2, "exact", "short_ton"), E("1.81 t", 1.81, "exact", "metric_ton")],
    ),
    ("The crane lifts 100t.", [E("100t", 100, "exact", "metric_ton")]),
    ("The cargo weighed 40 tonnes.", [E("40 tonnes", 40, "exact", "metric_ton", "cargo")]),
    ("The hold has 35 cu ft of space.", [E("35 cu ft", 35, "exact", "foot ** 3", "space")]),
    (
        "The tank holds 0.8 cubic metres.",
        [E("0.8 cubic metres", 0.8, "exact", "meter ** 3")],
    ),
    (
        "The patrol covered 200 nautical miles.",
        [E("200 nautical miles", 200, "exact", "nautical_mile")],
    ),
    ("The zone extends 12 nmi offshore.", [E("12 nmi", 12, "exact", "nautical_mile")]),
    (
        "The engine makes 310 pound-feet (420 N·m) of torque.",
        [
            E("310 pound-feet", 310, "exact", "pound_force * foot"),
            E("420 N·m", 420, "exact", "newton * meter"),
        ],
    ),
    ("It makes 310 lb-ft at idle.", [E("310 lb-ft", 310, "exact", "pound_force * foot")]),
    (
        "The phone has 512GB of storage and a 2 TB option.",
        [
            E("512GB", 512, "exact", "gigabyte", "storage", "information"),
            E("2 TB", 2, "exact", "terabyte", "option", "information"),
        ],
    ),
    ("It was a 16-bit chip.", [E("16-bit", 16, "exact", "bit", "chip", "information")]),
    ("A stamp costs 45 cents.", [E("45 cents", 0.45, "exact", "USD", "stamp", "currency")]),
    ("Shares closed at 212p.", [E("212p", 2.12, "exact", "GBP", "Shares")]),
    ("The coin is worth 3 dimes.", [E("3 dimes", 0.3, "exact", "USD")]),
    ("The 1080p screen costs $500.", [E("$500", 500, "exact", "USD", "screen")]),
    ("The pressure fell to 950 mbar.", [E("950 mbar", 950, "exact", "millibar")]),
    ("The chip runs at 2.80 GHz.", [E("2.80 GHz", 2.8, "exact", "gigahertz", "chip runs")]),
    ("The scan gave a dose of 14 mGy.", [E("14 mGy", 14, "exact", "milligray", "dose")]),
    ("The room is 10 dm wide.", [E("10 dm", 10, "exact", "decimeter", "room")]),
    ("The grid is 2 picometres across.", [E("2 picometres", 2, "exact", "picometer", "grid")]),
    ("The weight is 20 (kg).", [E("20 (kg)", 20, "exact", "kilogram", "weight")]),
    ("The arm turned 0.8rad.", [E("0.8rad", 0.8, "exact", "radian", None, "angle")]),
    ("The rocks formed 66 Ma ago.", [E("66 Ma", 66, "exact", "megayear")]),
    ("The factor was 2.48×10−5 in the test.", [E("2.48×10−5", 2.48e-5, "exact", None, "factor")]),
    (
        "Pour in 2 fl oz of milk.",
        [E("2 fl oz", 2, "exact", "fluid_ounce|imperial_fluid_ounce", "milk")],
    ),
    ("The jug holds 2 quarts.", [E("2 quarts", 2, "exact", "quart|imperial_quart")]),
]

# "in" is the inch only where a measure is expected.
INCHES = [
    (
        "The plate is 25 millimetres (0.98 in) thick.",
        [
            E("25 millimetres", 25, "exact", "millimeter", "plate"),
            E("0.98 in", 0.98, "exact", "inch", "plate"),
        ],
    ),
    (
        "The blade is 30 cm (12 in) long.",
        [E("30 cm", 30, "exact", "centimeter", "blade"), E("12 in", 12, "exact", "inch", "blade")],
    ),
    ("The battleship carried a 14 in gun.", [E("14 in", 14, "exact", "inch", "gun")]),
    ("He is 5 ft 2 in tall.", [E("5 ft 2 in", 5 + 2 / 12, "exact", "foot")]),
    ("The pipe is 6 in wide.", [E("6 in", 6, "exact", "inch", "pipe")]),
    ("The storm left 8 in of snow.", [E("8 in", 8, "exact", "inch", "snow")]),
    ("The length of my pencil is 2 in.", [E("2 in", 2, "exact", "inch", "pencil")]),
    ("Five in 10 voters agreed.", NONE),
    ("Only 5 in 10 voters agreed.", NONE),
    ("She was born in 1990.", NONE),
    ("The team scored 2 in Paris.", [E("2", 2, "exact")]),
    ("They won 3 in a row.", [E("3", 3, "exact")]),
    ("The firm sold 20 in total.", [E("20", 20, "exact")]),
    ("Of the 12 in custody, 3 are minors.", [E("12", 12, "exact"), E("3", 3, "exact")]),
    ("It is a one in one hundred chance.", NONE),  # only after a figure in digits
    (
        "Spills cost the maker a $100 million in lost sales.",
        [E("$100 million", 100e6, "exact", "USD", "lost sales")],
    ),
]

# Compound units as sources, in words and hyphenated, and mixed numbers.
COMPOUND_UNITS = [
    (
        "A 60-mile-per-hour (97 km/h) wind blew.",
        [
            E("60-mile-per-hour", 60, "exact", "mile / hour", "wind", "[length] / [time]"),
            E("97 km/h", 97, "exact", "kilometer / hour", "wind"),
        ],
    ),
    (
        "They built a 120,000-square-foot (11,000 m2) warehouse.",
        [
            E("120,000-square-foot", 120000, "exact", "foot ** 2", "warehouse"),
            E("11,000 m2", 11000, "exact", "meter ** 2", "warehouse"),
        ],
    ),
    (
        "The shell flew at 760 metres per second (2,490 ft/s).",
        [
            E("760 metres per second", 760, "exact", "meter / second", "shell"),
            E("2,490 ft/s", 2490, "exact", "foot / second", "shell"),
        ],
    ),
    (
        "It reached 50 centimeters/millisecond.",
        [E("50 centimeters/millisecond", 50, "exact", "centimeter / millisecond")],
    ),
    (
        "The flow was 3 cubic metres per second.",
        [E("3 cubic metres per second", 3, "exact", "meter ** 3 / second", "flow")],
    ),
    ("He drinks 2 litres a day.", [E("2 litres a day", 2, "exact", "liter / day")]),
    ("The tablet held 37.8 micrograms per gram.", NONE),  # a ratio numcheck does not read
    ("She sleeps 8 hours a day.", [E("8 hours", 8, "exact", "hour")]),
    (
        "The screen is 48 3⁄4 inches (124 cm) wide.",
        [
            E("48 3⁄4 inches", 48.75, "exact", "inch", "screen"),
            E("124 cm", 124, "exact", "centimeter", "screen"),
        ],
    ),
    (
        "The bore is 2 1 ⁄ 2 inches (64 mm) across.",
        [
            E("2 1 ⁄ 2 inches", 2.5, "exact", "inch", "bore"),
            E("64 mm", 64, "exact", "millimeter", "bore"),
        ],
    ),
    ("The ship carried a 4½ in gun.", [E("4½ in", 4.5, "exact", "inch", "gun")]),
    ("Add ⅜ cup of oil.", [E("⅜ cup", 0.375, "exact", "cup|imperial_cup|metric_cup", "oil")]),
]

# The inch mark against a figure, never a quotation mark that closes a quotation.
INCH_MARKS = [
    (
        'The pizza is 12" (30 cm) across.',
        [E('12"', 12, "exact", "inch", "pizza"), E("30 cm", 30, "exact", "centimeter", "pizza")],
    ),
    ('The diffuser takes 9" plates.', [E('9"', 9, "exact", "inch")]),
    ('Buy the adjustable wrench 8" today.', [E('8"', 8, "exact", "inch")]),
    ('The "Top 10" list has 8" plates.', [E('8"', 8, "exact", "inch")]),
    ('He said "we sold 5" and left.', [E("5", 5)]),
    ('He said "it is 12" long" twice.', [E("12", 12)]),
    ('The pipe is 2½" across.', [E('2½"', 2.5, "exact", "inch", "pipe")]),
    ('The verse reads: his number is "six".', [E("six", 6, "exact", None, None)]),
]

# Units divided by units, written as symbols or words, and how often a thing happens.
QUOTIENTS = [
    (
        "Gravity pulls at 9.81 m/s2 (32.2 ft/s2).",
        [
            E("9.81 m/s2", 9.81, "exact", "meter / second ** 2", "Gravity pulls"),
            E("32.2 ft/s2", 32.2, "exact", "foot / second ** 2", "Gravity pulls"),
        ],
    ),
    (
        "Violet light oscillates at 4e14 s-1.",
        [E("4e14 s-1", 4e14, "exact", "hertz", "Violet light oscillates", "1 / [time]")],
    ),
    (
        "The detectors reached over 5 fb−1 of data.",
        [E("over 5 fb−1", (5, None), "lower-bound", "1 / femtobarn", "data")],
    ),
    (
        "The link ran at 56 kb per second.",
        [
            E(
                "56 kb per second",
                56,
                "exact",
                "kilobit / second|kilobyte / second",
                "link",
                "information / [time]",
            )
        ],
    ),
    ("The file is 300 kb.", [E("300 kb", 300, "exact", "kilobit|kilobyte", "file")]),
    ("The heater draws -1e-3 W/min.", [E("-1e-3 W/min", -0.001, "exact", "watt / minute")]),
    ("The engine burns 10 l/km.", [E("10 l/km", 10, "exact", "liter / kilometer")]),
    ("The panel delivers 1,000 W/m2.", [E("1,000 W/m2", 1000, "exact", "watt / meter ** 2")]),
    (
        "Crews on Ceres take 20 J/m^2 per year.",
        [E("20 J/m^2 per year", 20, "exact", "joule / meter ** 2 / year")],
    ),
    ("He gave the answer 5 W/ and left.", [E("5", 5, "exact", None, "W")]),
    (
        "The gym is used four times per week.",
        [E("four times per week", 4, "exact", "1 / week", None, "1 / [time]")],
    ),
    ("Take the pill three times a day.", [E("three times a day", 3, "exact", "1 / day")]),
    ("He was arrested three times.", [E("three", 3, "exact", None, "times")]),
    ("It is three times as big.", [E("three", 3, "exact", None, "times")]),
    ("Sales were 3 times higher a year earlier.", [E("3", 3, "exact", None, "times")]),
]

# A figure and how far it may be off: the unit is written once, after both.
UNCERTAINTIES = [
    (
        "The bar weighs 2,000.45±0.01 pounds.",
        [E("2,000.45±0.01 pounds", 2000.45, "exact", "pound|GBP", "bar")],
    ),
    ("The rod is 25.0 ± 0.5 mm thick.", [E("25.0 ± 0.5 mm", 25, "exact", "millimeter", "rod")]),
    (
        "The probe fell at 9.83e-3 +/- 1e-5 km/s2.",
        [E("9.83e-3 +/- 1e-5 km/s2", 0.00983, "exact", "kilometer / second ** 2", "probe")],
    ),
    ("The score was 5 ± 2.", [E("5 ± 2", 5, "exact", None, "score")]),
]

# Below zero a range may be written from either end; absolute zero is a temperature.
BELOW_ZERO = [
    (
        "Temperatures ranged from -18 °C to -34 °C.",
        [E("-18 °C to -34 °C", (-34.5, -17.5), "range", "degree_Celsius")],
    ),
    (
        "Lows of -5 to -10 °C are expected.",
        [E("-5 to -10 °C", (-10.5, -4.5), "range", "degree_Celsius", "Lows")],
    ),
    (
        "It fell from -5 to -10 °C overnight.",
        [E("-5", -5), E("-10 °C", -10, "exact", "degree_Celsius")],
    ),
    ("The ratio went from -2 to -3.", [E("-2", -2), E("-3", -3)]),
    ("Matter at absolute zero is in its ground state.", [E("zero", 0, "exact", "kelvin")]),
    (
        "Nothing is colder than absolute zero (−273.15 °C).",
        [E("zero", 0, "exact", "kelvin"), E("−273.15 °C", -273.15, "exact", "degree_Celsius")],
    ),
    ("The score was zero.", [E("zero", 0, "exact", None, "score")]),
]

# An article is one of a unit only where a conversion in brackets follows it to check.
ARTICLES = [
    (
        "It lies about a mile (1.6 km) away.",
        [E("about a mile", 1, "approximate", "mile"), E("1.6 km", 1.6, "exact", "kilometer")],
    ),
    (
        "The bridge is half a mile (800 m) long.",
        [
            E("half a mile", 0.5, "exact", "mile", "bridge"),
            E("800 m", 800, "exact", "meter|", "bridge"),
        ],
    ),
    (
        "Add an inch (2.5 cm) of water.",
        [
            E("an inch", 1, "exact", "inch"),
            E("2.5 cm", 2.5, "exact", "centimeter"),
        ],
    ),
    ("He walked a mile to work.", NONE),
    ("A foot injury kept him out.", NONE),
    ("It took a year (2019) to finish.", NONE),  # the year, not a conversion
    ("It cost a dollar (90p).", [E("90p", 0.9, "exact", "GBP")]),
]

# Money rates are never plain amounts: their dimension says what they are counted per.
MONEY_RATES = [
    (
        "Petrol costs $3.40 per gallon.",
        [
            E(
                "$3.40 per gallon",
                3.4,
                "exact",
                "USD / gallon|USD / imperial_gallon",
                "Petrol",
                "currency / [length] ** 3",
            )
        ],
    ),
    (
        "The flat rents for $2,800 a month.",
        [E("$2,800 a month", 2800, "exact", "USD / month", "flat rents", "currency / [time]")],
    ),
    (
        "Brent traded at US $71.10 per barrel.",
        [E("US $71.10 per barrel", 71.1, "exact", "USD / oil_barrel", "Brent")],
    ),
    (
        "Cocaine sells for $12 per gram.",
        [E("$12 per gram", 12, "exact", "USD / gram", "Cocaine sells", "currency / [mass]")],
    ),
    ("Workers earn $15.40 an hour.", [E("$15.40 an hour", 15.4, "exact", "USD / hour")]),
    ("The job pays $15.4/hour.", [E("$15.4/hour", 15.4, "exact", "USD / hour")]),
    (
        "The firm paid a 12-cent-a-share dividend.",
        [E("12-cent-a-share", 0.12, "exact", "USD / share", "dividend", "currency / count")],
    ),
    (
        "Tickets cost $40 per head.",
        [E("$40 per head", 40, "exact", "USD / person", "Tickets", "currency / count")],
    ),
    (
        "Prices ranged from $5 to $10 per share.",
        [E("$5 to $10 per share", (4.5, 10.5), "range", "USD / share")],
    ),
    (
        "Power costs 12 cents per kWh.",
        [E("12 cents per kWh", 0.12, "exact", "USD / kilowatt_hour", "Power")],
    ),
    (
        "The plan costs $5bn a year.",
        [E("$5bn a year", 5e9, "exact", "USD / year", "plan", "currency / [time]")],
    ),
    (
        "The plan will cost $5bn over five years.",
        [E("$5bn", 5e9, "exact", "USD"), E("five years", 5, "exact", "year")],
    ),
    ("They paid $300 a night.", [E("$300", 300, "exact", "USD")]),  # a night is not a unit
    (
        "Sales grew to $1.17 billion a year earlier.",  # "a year earlier" is not "per year"
        [E("$1.17 billion", 1.17e9, "exact", "USD", None, "currency")],
    ),
    (
        "It listed $20,000.00 $37,305.97 in expenses.",  # a sign before a figure is its own
        [
            E("$20,000.00", 20000, "exact", "USD"),
            E("$37,305.97", 37305.97, "exact", "USD", "expenses"),
        ],
    ),
    ("It costs 15 dollars 50.", [E("15 dollars 50", 15.5, "exact", "USD")]),
    (
        "It cost thirteen dollars and forty-five cents.",
        [E("thirteen dollars and forty-five cents", 13.45, "exact", "USD")],
    ),
    (
        "He paid 15 dollars 50 times.",
        [E("15 dollars", 15, "exact", "USD"), E("50", 50, "exact", None, "times")],
    ),
]

# A change and the level it led to are two claims, not a range.
CHANGES = [
    (
        "Revenue increased by $12.5 billion to $260.3 billion.",
        [E("$12.5 billion", 12.5e9, "exact", "USD"), E("$260.3 billion", 260.3e9, "exact", "USD")],
    ),
    (
        "The stock rose 25 cents to $61.40.",
        [E("25 cents", 0.25, "exact", "USD"), E("$61.40", 61.4, "exact", "USD")],
    ),
    (
        "Sales fell $2 million to $40 million.",
        [E("$2 million", 2e6, "exact", "USD"), E("$40 million", 40e6, "exact", "USD")],
    ),
    (
        "Inflation rose 0.2 percentage points to 3.1%.",
        [
            E("0.2 percentage points", 0.2, "exact", "percentage_point"),
            E("3.1%", 3.1, "exact", "percent"),
        ],
    ),
    (
        "Prices are expected to rise 10 to 12 percent.",
        [E("10 to 12 percent", (9.5, 12.5), "range", "percent")],
    ),
    (
        "The fund holds $5bn to $10bn in bonds.",
        [E("$5bn to $10bn", (4.5e9, 10.5e9), "range", "USD", "bonds")],
    ),
    (
        "Profit fell 50% to 75% below the earlier level.",  # not three times the change: a range
        [E("50% to 75%", (47.5, 75.5), "range", "percent", "below")],
    ),
    (
        "The range is from 300 metres to one kilometre.",  # two units: two claims
        [E("300 metres", 300, "exact", "meter"), E("one kilometre", 1, "exact", "kilometer")],
    ),
    (
        "Scans were taken one and three years after treatment.",
        [E("one", 1, "exact", "year"), E("three years", 3, "exact", "year")],
    ),
]

# Magnitudes in words are intervals.
MAGNITUDES = [
    (
        "The repairs cost tens of thousands of dollars.",
        [E("tens of thousands of dollars", (1e4, 1e5), "range", "USD", "repairs")],
    ),
    ("Millions of Americans voted early.", [E("Millions", (1e6, 1e9), "range", None, "Americans")]),
    ("Dozens of weapons were seized.", [E("Dozens", (12, 144), "range", None, "weapons")]),
    (
        "Hundreds of thousands of refugees fled.",
        [E("Hundreds of thousands", (1e5, 1e6), "range", None, "refugees")],
    ),
    (
        "The storm damaged hundreds of miles of coastline.",
        [E("hundreds of miles", (100, 1000), "range", "mile")],
    ),
    ("Thousands marched.", NONE),  # only before "of"
]

# Ages are not durations.
AGES = [
    ("A 47 year-old man was arrested.", [E("47 year-old", 47, "exact", "year", "man", "age")]),
    ("The driver, aged 64, was unhurt.", [E("64", 64, "exact", "year", None, "age")]),
    ("A 16-year-old was arrested.", [E("16-year-old", 16, "exact", "year", None, "age")]),
    ("The baby, 6 months old, was unhurt.", [E("6 months old", 6, "exact", "month", None, "age")]),
    ("He is 64 years old.", [E("64 years old", 64, "exact", "year", None, "age")]),
    ("The war lasted 20 years.", [E("20 years", 20, "exact", "year", None, "[time]")]),
]

# Four digits without a comma count a noun in the middle of a sentence.
FOUR_DIGITS = [
    ("The firm has 1500 staff.", [E("1500", 1500, "exact", None, "staff")]),
    ("The army sent 2000 troops to the front.", [E("2000", 2000, "exact", None, "troops")]),
    ("It fielded a force of 1200 soldiers.", [E("1200", 1200, "exact", None, "soldiers")]),
    ("In 1999 voters rejected it.", NONE),
    ("The 2020 elections were close.", NONE),
    ("Observers say 2024 marks the turning point.", NONE),
    ("Since 2010 prices have doubled.", NONE),
    (
        "Lentjes had 1988 sales of 800 million marks.",
        [E("800 million", 8e8, "exact", None, "marks")],
    ),
    ("Their 1977 counterparts were slower.", NONE),
]


# Numbers in words joined by "&" or parted by a comma after a multiplier, powers of ten and
# of two, and "a baker's dozen"; with the neighbours that must stay as they are.
NUMBER_FORMS = [
    (
        "The bill came to three million, two hundred & forty dollars.",
        [E("three million, two hundred & forty dollars", 3000240, "exact", "USD")],
    ),
    (
        "They printed one million, two hundred thousand ballots.",
        [E("one million, two hundred thousand", 1.2e6, "exact", None, "ballots")],
    ),
    (  # a list: each figure is larger than the multiplier before the comma
        "The options were one thousand, two thousand or three thousand.",
        [
            E("one thousand", 1000, "exact", None, "options"),
            E("two thousand or three thousand", (1900, 3150), "range"),
        ],
    ),
    (  # one word after the comma is not a part of the number
        "He paid a thousand, two more than last year.",
        [E("a thousand", 1000), E("two", 2)],
    ),
    (
        "The firm hired two hundred & forty engineers.",
        [E("two hundred & forty", 240, "exact", None, "engineers")],
    ),
    ("Johnson & Johnson cut 2,000 jobs.", [E("2,000", 2000, "exact", None, "jobs")]),
    ("Five & six", [E("Five", 5), E("six", 6)]),
    ("A kibibyte is exactly 8x2^10 bits.", [E("8x2^10 bits", 8192, "exact", "bit")]),
    (
        "Light travels at 3 x 10^8 m/s.",
        [E("3 x 10^8 m/s", 3e8, "exact", "meter / second", "Light travels")],
    ),
    (
        "The mine produced 10^6 tonnes of ore.",
        [E("10^6 tonnes", 1e6, "exact", "metric_ton", "ore")],
    ),
    ("The drive stores 2^40 bytes.", [E("2^40 bytes", 2.0**40, "exact", "byte")]),
    ("We computed 3^4 = 81.", [E("81", 81)]),  # arithmetic is no quantity
    (  # a superscript after a year is a footnote mark
        "The report in 2019¹ said 40 people came.",
        [E("40", 40, "exact", None, "people")],
    ),
    (
        "Planck's constant is 6.626×10−34 J·s.",
        [E("6.626×10−34 J·s", 6.626e-34, "exact", "joule * second", "Planck's constant")],
    ),
    ("The spin was 45 Js.", [E("45 Js", 45, "exact", "joule * second", "spin")]),
    ("The firm sold 2 joule-seconds.", [E("2 joule-seconds", 2, "exact", "joule * second")]),
    (
        "A baker's dozen of rolls cost $5.",
        [E("A baker's dozen", 13), E("$5", 5, "exact", "USD", "rolls")],
    ),
    ("The baker's shop sold a dozen loaves.", [E("a dozen", 12, "exact", None, "loaves")]),
]


def _cases() -> list:
    tables = {
        "seeds": SEEDS, "counts": COUNTS, "words": WORDS, "money": SCALES_AND_MONEY,
        "percent": PERCENTAGES, "ranges": RANGES, "qualifiers": QUALIFIERS,
        "adjectival": ADJECTIVAL, "compounds": COMPOUNDS, "temperatures": TEMPERATURES,
        "areas": AREAS_VOLUMES, "energy": ENERGY_POWER, "mass-length-speed": MASS_LENGTH_SPEED,
        "durations": DURATIONS, "fractions": FRACTIONS, "dates": DATES_AND_YEARS,
        "identifiers": IDENTIFIERS, "times-phones-scores": TIMES_PHONES_SCORES,
        "units-read": UNITS_READ, "inches": INCHES, "compound-units": COMPOUND_UNITS,
        "money-rates": MONEY_RATES, "changes": CHANGES, "magnitudes": MAGNITUDES, "ages": AGES,
        "four-digits": FOUR_DIGITS, "inch-marks": INCH_MARKS, "quotients": QUOTIENTS,
        "uncertainties": UNCERTAINTIES, "below-zero": BELOW_ZERO, "articles": ARTICLES,
        "number-forms": NUMBER_FORMS,
    }  # fmt: skip
    return [
        pytest.param(sentence, expected, id=f"{name}: {sentence[:50]}")
        for name, table in tables.items()
        for sentence, expected in table
    ]


CASES = _cases()


def test_the_table_is_large() -> None:
    assert len(CASES) >= 200


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_claims_of_sentence(sentence: str, expected: list[Expect]) -> None:
    claims = claims_of(sentence)
    assert [c.text for c in claims] == [e.text for e in expected]
    for claim, want in zip(claims, expected, strict=True):
        if isinstance(want.value, tuple):
            assert (claim.low, claim.high) == pytest.approx(want.value), claim.text
        else:
            assert claim.value == pytest.approx(want.value), claim.text
        assert claim.qualifier == want.qualifier, claim.text
        assert unit_of(claim) == want.unit, claim.text
        assert claim.subject == want.subject, claim.text
        if want.dimension is not None:
            assert claim.dimension == want.dimension, claim.text
        assert sentence[claim.location.start : claim.location.end] == want.text


# (phrase, low, high): the interval each claim allows (see claims.interval).
INTERVALS = [
    ("11,000 troops", 10500, 11500),  # a round figure: half its last non-zero place, at most 5%
    ("306 km", 305.5, 306.5),  # every digit counts
    ("190 miles", 185, 195),
    ("300 km", 285, 315),  # 300 may be 306 rounded, but not by more than 5%
    ("1.5 million people", 1.45e6, 1.55e6),
    ("£4.2m", 4.15e6, 4.25e6),
    ("2.50 metres", 2.495, 2.505),
    ("about 190 miles", 171, 209),  # approximate: at least 10% either way
    ("about 3,000 people", 2700, 3300),
    ("roughly 306 km", 275.4, 336.6),
    ("over 10,000 troops", 10000, None),  # a lower bound
    ("at least 27 people", 27, None),
    ("10,000 or more troops", 10000, None),
    ("fewer than 100 people", None, 100),  # strictly less
    ("under 20 children", None, 20),
    ("up to 190 miles", 185, 195),  # a stated maximum: the maximum itself is the claim
    ("as many as 200 soldiers", 190, 210),
    ("10-12 people", 9.5, 12.5),  # a range spans both ends
    ("between 10 and 12 people", 9.5, 12.5),
    ("$5-10bn", 4.5e9, 10.5e9),
    ("30 to 55 km/h", 28.5, 55.5),
    ("2 1/2 miles", 2.4375, 2.5625),  # a fraction is known to the eighth
    ("two and a half miles", 2.25, 2.75),  # to the half written
    ("5ft 11in", 5 + 11 / 12 - 1 / 24, 5 + 11 / 12 + 1 / 24),  # to the inch
    ("minus 12C", -12.5, -11.5),
]


@pytest.mark.parametrize(("phrase", "low", "high"), INTERVALS, ids=[i[0] for i in INTERVALS])
def test_interval(phrase: str, low: float | None, high: float | None) -> None:
    (claim,) = claims_of(phrase)
    assert (claim.low, claim.high) == pytest.approx((low, high))


SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


def _seed_claims() -> list:
    claims = []
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        claims.extend(claims_of(path.read_text(encoding="utf-8"), path=path.name))
    return claims


def test_seed_articles_keep_their_claims() -> None:
    claims = _seed_claims()
    found = {(c.text, c.qualifier, c.unit, c.subject) for c in claims}
    assert ("up to 190 miles", "upper-bound", "mile", "range") in found
    assert ("over 10,000", "lower-bound", None, "North Korean troops") in found
    assert ("over 10,000", "lower-bound", None, "North Korean ground troops") in found
    assert ("greater than 10,000", "lower-bound", None, "North Korean soldiers") in found
    assert ("11,000", "exact", None, "North Korean troops") in found
    assert ("800-mile", "exact", "mile", "buffer zone") in found
    assert ("20 years", "exact", "year", "NATO aspirations") in found
    assert ("12 months", "exact", "month", None) in found


SEED_CLAIMS = {
    "000": ["two", "up to 190 miles", "306 km", "over 10,000"],
    "001": ["two", "up to 190 miles", "306 km", "two months", "over 10,000"],
    "002": ["11,000", "about 190 miles", "800-mile", "20 years"],
    "003": [
        "Two",
        "two months",
        "as much as 190 miles",
        "306 km",
        "12 months",
        "greater than 10,000",
    ],
    "004": ["two", "two months", "up to 190 miles", "306 kilometers"],
}


@pytest.mark.parametrize(("prefix", "texts"), list(SEED_CLAIMS.items()))
def test_seed_article_claims_and_nothing_else(prefix: str, texts: list[str]) -> None:
    """No claim on "F-16s", "2022", "by 2024", "January 20", "Jan. 20", "November 5", "World
    War Three", "one hand"."""
    (path,) = SEEDS_DIR.glob(f"{prefix}_*.txt")
    claims = claims_of(path.read_text(encoding="utf-8"), path=path.name)
    assert [c.text for c in claims] == texts
