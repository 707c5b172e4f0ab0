"""The exclusion rules: what the grammar parses that is not a quantity, each rule with
sentences it must exclude and neighbours it must leave alone."""

from __future__ import annotations

import pytest

from numcheck.extraction.exclusions import RULES
from numcheck.extraction.exclusions import exclusion_reason
from numcheck.extraction.grammar import parse_at

# (sentence, where the candidate claim starts, the rule that excludes it or None)
CASES = [
    # glued_to_text: part of a longer token
    ("Ukraine received F-16s last year.", "16s", "glued_to_text"),
    ("The 21st century began.", "21st", "glued_to_text"),
    ("The 3rd Armored Division moved.", "3rd", "glued_to_text"),
    ("The 1990s saw 3 recessions.", "1990s", "glued_to_text"),
    ("Upgrade to 3.11.2 now.", "3.11.2", "glued_to_text"),
    ("The meeting starts at 10:30.", "10:30", "glued_to_text"),
    ("It passed by a 2:1 majority.", "2:1", "glued_to_text"),
    ("The shop is open 24/7.", "24/7", "glued_to_text"),
    ("The 2021-06 report was late.", "2021-06", "glued_to_text"),
    ("The 5-star hotel opened.", "5-star", "glued_to_text"),
    ("The twenty-fifth anniversary came.", "twenty-fifth", "glued_to_text"),
    ("It covers 4km^4 of land.", "4km", "glued_to_text"),
    ("It covers 4km^2 of land.", "4km^2", None),  # a unit
    ("It weighs 2,000.45±0.01 pounds.", "2,000.45±0.01 pounds", None),  # an uncertainty
    ("The ratio was 2±.", "2", "glued_to_text"),
    ("The 4K screen costs more.", "4K", "glued_to_text"),
    ("The 5G network grew.", "5G", "glued_to_text"),
    ("Workers moved their 401(k) plans.", "401", "glued_to_text"),
    ("The firm (5) was named.", "5", None),
    ("A 10-year-old boy was found.", "10-year-old", None),  # an age
    ("A 190-mile-long border runs east.", "190-mile", None),
    ("A 190-mile range.", "190-mile", None),
    # leading_zero
    ("The code 007 was used.", "007", "leading_zero"),
    ("Troops moved at 0900 hours.", "0900", "leading_zero"),
    ("Only 0.5 percent agreed.", "0.5 percent", None),
    # year
    ("The war began in 2022.", "2022", "year"),
    ("It will be over by 2024.", "2024", "year"),
    ("The 2022-2024 budget grew.", "2022-2024", "year"),
    ("The 2022–23 season ended.", "2022–23", "glued_to_text"),
    ("The plan is due around 2030, officials said.", "around 2030", "year"),
    ("Around 2000 people attended.", "Around 2000", None),  # qualified and counting a noun
    ("In 1812 Napoleon marched.", "1812", "year"),
    ("Some 2,022 people came.", "2,022", None),  # grouped: a count
    ("It cost $2022.", "$2022", None),  # money
    ("The car costs 2022 dollars.", "2022 dollars", None),
    ("The 3000 metres race starts.", "3000 metres", None),
    ("It has 1500 staff.", "1500", None),  # four digits before a plural noun: a count
    ("In 1999 voters rejected it.", "1999", "year"),  # unless a word of time comes before
    ("The 2020 elections were close.", "2020", "year"),
    ("1500 staff were hired.", "1500", "year"),  # or it starts the sentence
    ("Officials say 2024 marks a turning point.", "2024", "year"),  # or a verb follows
    # date
    ("Trump takes office on January 20.", "20", "date"),
    ("Trump takes office on Jan. 20 and will speak.", "20", "date"),
    ("The vote is on 20 January.", "20 January", "date"),
    ("Since Trump's victory on November 5, talks stalled.", "5", "date"),
    ("Talks begin on the 5 of March.", "5 of March", "date"),
    ("On 20 January 1,500 guests attended.", "1,500", None),  # a day is 1 to 31
    ("The vote is due on March 3 and 5,000 observers will attend.", "5,000", None),
    # time_of_day
    ("Polls open at 10 a.m. on Monday.", "10", "time_of_day"),
    ("The strike began at 3 pm local time.", "3", "time_of_day"),
    ("It ends at 10 o'clock.", "10", "time_of_day"),
    ("Troops moved at 9 GMT.", "9", "time_of_day"),
    ("It ends at 10 and resumes.", "10", None),
    # phone_number
    ("Call 555-123-4567 today.", "555", "glued_to_text"),
    ("Call 555 123 4567 today.", "555 123", "phone_number"),
    ("Call 555.123.4567 today.", "555", "glued_to_text"),
    ("Dial +44 20 7946 0958 now.", "20", "phone_number"),
    ("Call (555) 123 4567 now.", "555", "phone_number"),
    ("China has 1 234 567 people.", "1 234 567", None),  # a number grouped with spaces
    ("Between 10 and 12 people came.", "Between 10 and 12", None),
    # address
    ("He lives at 10 Downing Street.", "10", "address"),
    ("The detective lived at 221 Baker Street.", "221", "address"),
    ("He lives 10 streets away.", "10", None),
    ("Crowds filled 3 Paris streets.", "3", None),
    # labelled_identifier
    ("NATO's Article 5 was invoked.", "5", "labelled_identifier"),
    ("He lives at No. 10 with his wife.", "10", "labelled_identifier"),
    ("Python version 3.11 is out.", "3.11", "labelled_identifier"),
    ("The convoy used Route 66.", "66", "labelled_identifier"),
    ("The Category 5 storm hit.", "5", "labelled_identifier"),
    ("Chapter 11 protects the firm.", "11", "labelled_identifier"),
    ("The #3 seed won.", "3", "labelled_identifier"),
    ("The article cited 5 sources.", "5", None),
    # name_with_number
    ("A Boeing 737 crashed.", "737", "name_with_number"),
    ("Dzhabarov warned of World War Three.", "Three", "name_with_number"),
    ("The Apollo 11 crew returned.", "11", "name_with_number"),
    ("Apollo 11 landed in 1969.", "11", "name_with_number"),  # a name even to start a sentence
    ("Intel Core i7 860 Processor", "860", "name_with_number"),
    ("They chartered a Boeing 777F to India.", "777F", "name_with_number"),
    ("The iOS 17 update shipped.", "17", "name_with_number"),
    ("The S&P 500 rose.", "500", "name_with_number"),
    ("Exactly 50 people came.", "50", None),
    ("Only 5 people came.", "5", None),
    ("In 10 years the city grew.", "10 years", None),
    ("In May 300 people left.", "300", None),  # a month is not a name
    ("On Monday 300 people left.", "300", None),
    ("Two US officials said so.", "Two", None),
    ("Ukraine received 31 Abrams tanks.", "31", None),
    ("Russia lost 11,000 Soldiers.", "11,000", None),
    # label_fraction
    ("The 9/11 attacks changed everything.", "9/11", "label_fraction"),
    ("The 3/11 bombings killed 193.", "3/11", "label_fraction"),
    ("About 1/4 of the budget was spent.", "About 1/4", None),
    ("The station is 1/4 mile away.", "1/4 mile", None),
    ("The crater is 2 1/2 miles wide.", "2 1/2 miles", None),
    ("Add ½ cup of sugar.", "½ cup", None),
    # ordinal_after
    ("Two thirds of voters agreed.", "Two thirds", None),  # a fraction in words
    ("Three fifths of the seats changed.", "Three fifths", None),
    ("A hundred thousandths of a second.", "A hundred", "ordinal_after"),
    ("Three halves make one and a half.", "Three halves", None),
    ("Twenty thirds make no sense.", "Twenty", "ordinal_after"),
    ("The two halves of the match were dull.", "two", "ordinal_after"),
    # fraction_in_a_number
    ("It came to one hundred thirty two fifths.", "two fifths", "fraction_in_a_number"),
    ("I counted six million and two thirds.", "two thirds", "fraction_in_a_number"),
    ("Sales and two thirds of profits fell.", "two thirds", None),
    ("Of the ten, two thirds agreed.", "two thirds", None),
    ("It measured forty two and a third.", "forty two", "ordinal_after"),
    ("It took two and a half years.", "two and a half years", None),
    ("Two quarters of growth followed.", "Two", None),  # fiscal quarters are counted
    ("Two thirty-year bonds sold.", "Two", None),
    # ratio
    ("One in five adults smoke.", "five", "ratio"),
    ("Four in 10 Americans own a gun.", "Four", "ratio"),
    ("Four in 10 Americans own a gun.", "10", "ratio"),
    ("Two out of three voters agreed.", "three", "ratio"),
    ("He scored 10 in 2022.", "10", None),  # a year is not the other side of a ratio
    ("Five in the morning is early.", "Five", None),
    # unknown_rate
    ("The tablet held 37.8 micrograms per gram.", "37.8 micrograms", "unknown_rate"),
    ("The car does 50 miles per person.", "50 miles", "unknown_rate"),
    ("The car does 50 miles per gallon.", "50 miles per gallon", None),  # a rate numcheck reads
    ("It reached 20 km/ms.", "20 km/ms", None),
    ("Tolls are $5 per car.", "$5", None),  # a price per item is still money
    ("Growth was 2% per year.", "2%", None),
    ("The car reached 120 km per hour.", "120 km per hour", None),  # a unit of its own
    # unknown_unit
    ("The detector reads 1.7 eV.", "1.7 eV", None),  # units numcheck reads
    ("The drive holds 8 GB.", "8 GB", None),
    ("The chip runs at 2.80 GHz.", "2.80 GHz", None),
    ("The file takes 100 mb.", "100", "unknown_unit"),  # millibars or megabytes
    ("CO2 reached 420 ppm.", "420", "unknown_unit"),
    ("The noise reached 90 decibels.", "90", "unknown_unit"),
    ("The file is 700 megabytes.", "700 megabytes", None),
    # video_mode
    ("The 1080p screen is sharp.", "1080p", "video_mode"),
    ("Shares fell 12p to 212p.", "12p", None),
    ("Two MiG-29 fighters fell.", "Two", None),
    ("Two US officials said so.", "Two", None),
    # score
    ("The team won 3-2 on Sunday.", "3-2", "glued_to_text"),  # a descending "range"
    ("Chelsea lost 0-1 at home.", "0-1", "score"),
    ("United lost 2-3 to City.", "2-3", "score"),
    ("The court's 5-4 vote upheld the law.", "5-4", "glued_to_text"),
    ("The board voted 4-5 against.", "4-5", "score"),
    ("10-12 people were arrested.", "10-12", None),
    ("Highs of 20–25C are forecast.", "20–25C", None),
    # lone_one
    ("One of them was hurt.", "One", "lone_one"),
    ("Which one do you prefer?", "one", "lone_one"),
    ("One or two people were hurt.", "One or two", None),  # a range
    ("One million people voted.", "One million", None),
    ("One hour passed.", "One hour", None),
    ("More than one person was hurt.", "More than one", None),  # qualified
    # capitalised_word_number
    ("The band played Three at the end.", "Three", "capitalised_word_number"),
    ("Three soldiers died.", "Three", None),  # a capital to start a sentence
    ("“Three soldiers died,” he said.", "Three", None),
]


def _match(sentence: str, start: str):
    match = parse_at(sentence, sentence.index(start))
    assert match is not None, f"the grammar reads no claim at {start!r}"
    return match


@pytest.mark.parametrize(
    ("sentence", "start", "reason"), CASES, ids=[f"{c[0]} @ {c[1]}" for c in CASES]
)
def test_exclusion(sentence: str, start: str, reason: str | None) -> None:
    match = _match(sentence, start)
    assert exclusion_reason(sentence, match) == reason
    if reason is None:
        assert sentence[match.start : match.end] == start


def test_every_rule_has_examples() -> None:
    named = {reason for _, _, reason in CASES if reason}
    assert {rule.__name__ for rule in RULES} <= named


@pytest.mark.parametrize("rule", RULES, ids=[rule.__name__ for rule in RULES])
def test_every_rule_is_documented(rule) -> None:
    assert rule.__doc__ and rule.__doc__.strip()
