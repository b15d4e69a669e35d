"""geo.recognise: which words name places, and whether as a place, an adjective or in a name."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from geo.gazetteer import Gazetteer, load_gazetteer
from geo.normalise import normalise
from geo.recognise import Mention, fuzzy_lookup, people, recognise, tokenize
from geo.segment import segment


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def found(gaz: Gazetteer, text: str) -> list[tuple[str, Mention]]:
    clean = normalise(text).text
    spans = [(s, e) for s, e, _ in segment(clean)]
    return [(clean[m.start:m.end], m) for m in recognise(clean, spans, gaz)]


def surfaces(gaz: Gazetteer, text: str) -> list[str]:
    return [s for s, _ in found(gaz, text)]


def mention(gaz: Gazetteer, text: str, surface: str) -> Mention:
    hits = [m for s, m in found(gaz, text) if s == surface]
    assert len(hits) == 1, (surface, surfaces(gaz, text))
    return hits[0]


# --- names of several words ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Officials from Burkina Faso arrived.", "Burkina Faso"),
        ("A conference on the Sahel opened in New York on Monday.", "New York"),
        ("Normally the United States doesn't care about that.", "United States"),
    ],
)
def test_multiword_names_matched_whole(gaz: Gazetteer, text: str, name: str) -> None:
    assert name in surfaces(gaz, text)
    assert not {w for w in name.split()} & set(surfaces(gaz, text))


def test_kati_barracks(gaz: Gazetteer) -> None:
    m = mention(gaz, "Malian soldiers from Kati barracks outside Bamako launched a coup.", "Kati")
    assert m.role == "place" and "city" in m.cues


def test_capital_cue(gaz: Gazetteer) -> None:
    text = "Gunfire rang out in Mali's capital Bamako on Wednesday."
    assert surfaces(gaz, text) == ["Mali", "Bamako"]
    assert "capital" in mention(gaz, text, "Bamako").cues


@pytest.mark.parametrize("text, name", [
    ("Attacks reached Yangasso in the Ségou region of central Mali.", "Ségou"),
    ("Shelling was reported in Kharkiv oblast.", "Kharkiv"),  # the words other countries use
    ("Fighting went on in the Idlib governorate.", "Idlib"),
    ("Sylhet division was worst hit.", "Sylhet"),
    ("Police in Zurich canton made arrests.", "Zurich"),
])
def test_region_cue(gaz: Gazetteer, text: str, name: str) -> None:
    assert "region" in mention(gaz, text, name).cues


@pytest.mark.parametrize("text", [
    "Mayors will appeal to the Quebec government this week.",
    "New York Governor Andrew Cuomo declared an emergency.",
    "Quebec Health Minister Gaetan Barrette said on Sunday.",
    "Quebec Minister Gaetan Barrette said on Sunday.",
    "Tolls rise from the New York border to Route 128.",
])
def test_polity_cue(gaz: Gazetteer, text: str) -> None:
    name = "Quebec" if "Quebec" in text else "New York"
    assert "polity" in mention(gaz, text, name).cues


def test_no_polity_cue_for_a_citys_own_officers(gaz: Gazetteer) -> None:
    assert "polity" not in mention(gaz, "The Quebec mayor spoke on Sunday.", "Quebec").cues


def test_northern_mali(gaz: Gazetteer) -> None:
    m = mention(gaz, "Militias asserted themselves in northern Mali.", "Mali")
    assert m.role == "place" and "part" in m.cues


def test_capitalised_northern_mali(gaz: Gazetteer) -> None:
    assert surfaces(gaz, "A military intervention in Northern Mali.") == ["Mali"]


def test_sentence_initial_country(gaz: Gazetteer) -> None:
    assert surfaces(gaz, "Mali is large.") == ["Mali"]


def test_fuzzy_misspelling_timbuktou(gaz: Gazetteer) -> None:
    m = mention(gaz, "Unverified reports from Mali's Timbuktou region on 16 April.", "Timbuktou")
    assert {str(gaz.name[c]) for c in m.candidates} == {"Timbuktu"}
    assert 0.85 <= m.fuzzy < 1.0
    rows, score = fuzzy_lookup(gaz, "timbuktou")
    assert "Timbuktu" in {str(gaz.name[r]) for r in rows} and score >= 0.88


def test_fuzzy_lookup_rejects_far_spellings(gaz: Gazetteer) -> None:
    rows, score = fuzzy_lookup(gaz, "xqzvwkjh")
    assert len(rows) == 0 and score == 0.0


@pytest.mark.parametrize(("key", "name"), [
    ("missisipi", "Mississippi"), ("mauritious", "Mauritius"), ("manchestor", "Manchester"),
    ("brahmaputra", None),  # the river: Brahmapur and three letters more, not a misspelling
    ("electricity", None), ("bakari", None),  # near a town's nickname, an old name
])
def test_fuzzy_lookup_matches_misspelt_names_not_other_words(
        gaz: Gazetteer, key: str, name: str | None) -> None:
    rows, _ = fuzzy_lookup(gaz, key)
    assert ({str(gaz.name[r]) for r in rows} >= {name}) if name else not len(rows)


# --- ordinary words, peoples, people ---------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Still, Dicko remains a factor in another important way.",
        "Reading the report, officials frowned.",
        "The Bambara population in the south receive the vast majority of assistance.",
    ],
)
def test_not_places(gaz: Gazetteer, text: str) -> None:
    assert surfaces(gaz, text) == []


def test_a_small_town_before_region_is_the_region_named_after_it(gaz: Gazetteer) -> None:
    """"The Ménaka region" (a region since 2016, which the gazetteer has only the town of) is
    kept where "the Bambara population" is not, and "the March 21 state meet" stays a date."""
    assert surfaces(gaz, "Clashes erupted in the Ménaka region.") == ["Ménaka"]
    assert surfaces(gaz, "Teams advanced to the March 21 state meet.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Cases of Lassa fever and Lyme disease were reported in Kerala.", ["Kerala"]),
    ("Marburg virus broke out in Uganda.", ["Uganda"]),
    # a country's name before such a word is still the country
    ("It was the worst United States flu season in years.", ["United States"]),
])
def test_a_town_s_name_before_a_disease_word_is_the_disease_s(
        gaz: Gazetteer, text: str, expected: list[str]) -> None:
    """"Lassa fever" is no Lhasa, "Marburg virus" no Marburg: diseases named after where
    they were first found."""
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(("text", "surface"), [
    ("Fans gathered at the Stade de France.", "France"),
    ("The Gare du Nord was closed.", "Nord"),
    ("Students at the Universidad de Chile marched.", "Chile"),
])
def test_a_place_in_a_romance_building_s_name_is_in_a_name(
        gaz: Gazetteer, text: str, surface: str) -> None:
    """"The Stade de France" is a stadium in Paris, "the Gare du Nord" a station: the place is
    inside the building's name, as in "the Bank of America"."""
    assert mention(gaz, text, surface).role == "in_name"


def test_a_romance_of_inside_a_town_s_own_name_is_no_building_s(gaz: Gazetteer) -> None:
    text = "He flew to Rio de Janeiro and Santiago de Chile."
    assert [m.role for _, m in found(gaz, text)] == ["place", "place"]


@pytest.mark.parametrize(("text", "surface", "role"), [
    ("The Toronto Raptors beat the Denver Nuggets.", "Toronto", "in_name"),
    ("The New York Yankees lost again.", "New York", "in_name"),
    ("Air France cancelled flights to Dakar.", "France", "in_name"),
    # a place's own plural words, and a country's or province's bodies, are no team's
    ("Tourists flocked to Niagara Falls.", "Niagara Falls", "place"),
    ("Officials of the U.S. Centers for Disease Control said so.", "U.S.", "place"),
])
def test_a_big_town_s_team_and_an_airline_are_names(
        gaz: Gazetteer, text: str, surface: str, role: str) -> None:
    """A capitalised plural after a big town's name makes a team ("the Toronto Raptors"), and
    "Air" before a country's an airline: the place is inside a longer name."""
    assert mention(gaz, text, surface).role == role


@pytest.mark.parametrize(("text", "expected"), [
    ("Troops in al-Mayadeen and al-Bukamal came under fire.", ["al-Mayadeen", "al-Bukamal"]),
    ("Fighters withdrew from al-Raqqa on Monday.", ["al-Raqqa"]),
    # after another name and a comma, it starts one again
    ("Cases rose in Hafr al-Batin, al-Kharj and Taif.", ["Hafr al-Batin", "al-Kharj", "Taif"]),
    # inside a person's name the article starts no place's
    ("Abu Bakr al-Baghdadi spoke.", []),
])
def test_a_name_starts_at_an_arabic_article_in_lower_case(
        gaz: Gazetteer, text: str, expected: list[str]) -> None:
    """English news writes "al-Raqqa" with the article in lower case: the name starts there,
    and "in" before the article is the name's locative."""
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen killed villagers in the Bankass cercle of the Mopti region.", ["Bankass", "Mopti"]),
    ("Refugees crossed into the Diffa département.", ["Diffa"]),
    ("Floods hit the Sunamganj upazila.", ["Sunamganj"]),
])
def test_a_town_before_another_country_s_unit_of_government_is_a_place(
        gaz: Gazetteer, text: str, expected: list[str]) -> None:
    """Mali's cercles, Niger's départements, Bangladesh's upazilas are named after their
    towns, as a region is: "the Bankass cercle" is no "Bambara population"."""
    assert surfaces(gaz, text) == expected


def test_common_word_at_sentence_start_but_place_later(gaz: Gazetteer) -> None:
    assert surfaces(gaz, "Still, the army held Bamako.") == ["Bamako"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a metropolis's name that is also a word stands for the city, first or not
        ("Berlin has promised support, the minister said.", ["Berlin"]),
        ("Warsaw said it would send troops.", ["Warsaw"]),
        ("Shanghai reported 20 new cases on Monday.", ["Shanghai"]),
        # a smaller town's does not ("Reading", Berkshire; "Sale", Salé's other name)
        ("Reading the report, he frowned.", []),
        ("Sale of the house was delayed.", []),
    ],
)
def test_a_metropolis_first_in_its_sentence(gaz: Gazetteer, text: str,
                                            expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a big town's name that is also a word, first in its sentence, in a province the
        # text names
        ("Heavy snow hit western New York. Buffalo received 30 inches.",
         ["New York", "Buffalo"]),
        ("Mobile was hit hardest as the storm crossed Alabama.", ["Mobile", "Alabama"]),
        # not without the province, nor a participle opening a clause
        ("Buffalo received 30 inches of snow.", []),
        ("Reading the report, officials in England frowned.", ["England"]),
    ],
)
def test_a_big_town_first_in_its_sentence_in_a_province_of_the_text(
        gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "people_names"),
    [
        ("Just yesterday Johnnie Carson urged the government in Bamako to act.", ["Carson"]),
        ("Affairs Esther Brimmer asked whether the US government would help.", ["Esther"]),
        ("Junta leader Captain Sanogo spoke in Bamako.", ["Sanogo"]),
        ("French president Francois Hollande agreed to participate.", ["Hollande"]),
        ("Senator Lincoln flew to Bamako.", ["Lincoln"]),  # Lincoln is also a city
        ("Johnnie Carson spoke. Later Carson flew to Bamako.", ["Carson"]),  # surname reused
    ],
)
def test_people_are_not_places(gaz: Gazetteer, text: str, people_names: list[str]) -> None:
    got = surfaces(gaz, text)
    assert not set(got) & set(people_names), got
    if "Bamako" in text:
        assert "Bamako" in got


@pytest.mark.parametrize(("text", "expected"), [
    ("He was arrested at Paris City Hall on Friday.", ["Paris"]),
    ("Protesters gathered outside Austin City Hall.", ["Austin"]),
    ("Paris Hilton flew to Florence on Friday.", ["Florence"]),
])
def test_a_given_name_before_a_buildings_word_is_the_place(gaz: Gazetteer, text: str,
                                                            expected: list[str]) -> None:
    """"Paris City Hall" is no person called Paris: a building's word ends the name."""
    assert surfaces(gaz, text) == expected


def test_people_marks_title_and_given_name_runs(gaz: Gazetteer) -> None:
    text = "Captain Sanogo met Johnnie Carson in Bamako."
    spans = [(s, e) for s, e, _ in segment(text)]
    tokens = tokenize(text, spans)
    positions, surnames, _ = people(text, tokens, gaz)
    assert {tokens[p].text for p in positions} == {"Sanogo", "Johnnie", "Carson"}
    assert {"sanogo", "carson"} <= surnames
    assert "bamako" not in surnames


def test_a_word_out_of_use_is_no_word(gaz: Gazetteer) -> None:
    """Webster's 2nd lists "esperance" (hope); nobody writes it now, so "near Esperance" is the
    town. A word still in use stays one: "the State Duma" names no place."""
    assert surfaces(gaz, "Wetlands near Esperance are the likely cause, officials said.") == [
        "Esperance"]
    assert surfaces(gaz, "The State Duma approved the bill.") == []


def test_a_big_towns_old_name_inside_a_longer_name_is_no_place(gaz: Gazetteer) -> None:
    """"Baris" is an old name of Isparta (172,000 people): in "Baris Yilmaz" it is a man's
    name. A country's abbreviation or a city's still counts: "the U.S. Army", "South L.A."."""
    assert surfaces(gaz, "Baris Yilmaz, a Turkish engineer, moved to Ankara.") == [
        "Turkish", "Ankara"]
    assert surfaces(gaz, "Two men were shot in South L.A. on Friday.") == ["L.A."]
    # and a town's own body after a longer name is that name's: "Candler Park residents"
    assert surfaces(gaz, "Candler Park residents in Atlanta complained.") == ["Atlanta"]


@pytest.mark.parametrize(("text", "expected"), [
    # University, Florida has 41,000 people; not here
    ("He worked at University of Pittsburgh Medical Center.", ["Pittsburgh"]),
    ("Google cars have a human driver.", []),  # Topeka called itself Google for a month
    # Russia's parliament, not the Syrian town (written "Douma"); an aid society
    ("Talks with government officials and Duma deputies ended.", []),
    ("Following the fire, Red Cross in Waterbury provided shelter.", ["Waterbury"]),
])
def test_a_head_of_a_longer_name_is_no_town(gaz: Gazetteer, text: str,
                                            expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected


def test_a_surname_after_its_particle_is_no_place(gaz: Gazetteer) -> None:
    """"da Vinci", "van Gogh": Vinci is a Tuscan town, but not here."""
    assert surfaces(gaz, "It is the third known da Vinci sketch of the subject.") == []


def test_a_persons_surname_is_still_a_place_the_text_puts_in_a_province(gaz: Gazetteer
                                                                          ) -> None:
    """"Paul Jackson … said Jackson" is the man, but "born in Jackson, Mississippi" the town."""
    assert surfaces(gaz, "Paul Jackson, who was born in Jackson, Mississippi, said Jackson "
                         "was proud.") == ["Jackson", "Mississippi"]
    assert surfaces(gaz, "Ms. Austin, who grew up in Austin, Texas, teaches.") == [
        "Austin", "Texas"]


def test_a_name_given_an_age_is_a_persons(gaz: Gazetteer) -> None:
    """"Nakishia Sullivan, 24," is a person whatever her given name; alone, "Sullivan" is then
    her (not Sullivan, Missouri). A place stays a place: "Dayton, Ohio, 24, …"."""
    assert surfaces(gaz, "On the porch, Nakishia Sullivan, 24, was approached by two women. "
                         "Sullivan pulled a box cutter.") == []
    assert surfaces(gaz, "Police in Dayton, Ohio, 24, said so.") == ["Dayton", "Ohio"]
    assert surfaces(gaz, "Tanga Sheri Moon, 34, a caregiver, was charged.") == []
    # a given name we know stays one: "Georgia Stevens, 11, … said Georgia" is the girl
    assert surfaces(gaz, "Georgia Stevens, 11, won. \"It's fun,\" said Georgia.") == []


def test_a_given_name_and_a_surname_before_who_are_a_persons(gaz: Gazetteer) -> None:
    """"Jordan Henderson, who plays for Ajax": a given name that is also a country, then a
    surname that is also a city of Nevada; "who" says they are a person's name. A longer
    run stays what it was ("a Manhattan Democrat, who…" is the borough's), as does a
    place's own name ("New York, who…")."""
    assert surfaces(gaz, "Jordan Henderson, who plays for Liverpool, scored.") == ["Liverpool"]
    assert "Manhattan" in surfaces(gaz, "Rep. Tom Hawk, a Manhattan Democrat, who believes it.")
    assert surfaces(gaz, "Fans of New York, who won, cheered.") == ["New York"]


@pytest.mark.parametrize(("text", "expected"), [
    # a given name that is a place's, then a town's name with nothing between: a person
    ("Jordan Henderson scored twice as England beat Wales in Cardiff.",
     ["England", "Wales", "Cardiff"]),
    ("Officers Ron McCurry and Chad Walker were dispatched.", []),
    # a town of 15,000 before its province or country, as posts write it, is still the town
    ("We flew from Paris France to Austin Texas.", ["Paris", "France", "Austin", "Texas"]),
    ("Hypes said George Washington designed the trail.", []),  # George, Washington: 700
    # and a given name that is an everyday word stays one before a big town's name
    ("Will Houston vote for the bond?", ["Houston"]),
])
def test_a_place_named_given_name_before_a_towns_name_is_a_person(
        gaz: Gazetteer, text: str, expected: list[str]) -> None:
    """Two places side by side are written with a comma ("Henderson, Jordan"), so "Jordan
    Henderson" and "Chad Walker" are people."""
    assert surfaces(gaz, text) == expected


def test_place_after_titled_person_is_a_place(gaz: Gazetteer) -> None:
    assert mention(gaz, "President Traore met Captain Sanogo in Bamako.", "Bamako").role == "place"


def test_name_with_elided_particle(gaz: Gazetteer) -> None:
    assert "Côte d'Ivoire" in surfaces(gaz, "Soldiers left Côte d'Ivoire for Mali.")


def test_a_demonym_that_names_another_countrys_province_is_the_demonym(gaz: Gazetteer) -> None:
    """"Somali refugees" are from Somalia; "the Somali region" is Ethiopia's province."""
    assert mention(gaz, "Mostly Somali refugees live in the camps.", "Somali").role == \
        "adjective"
    assert mention(gaz, "Refugees crossed into the Somali region.", "Somali").role == "place"


def test_names_with_the_arabic_article(gaz: Gazetteer) -> None:
    """The article joined by a hyphen is part of the name, in any of its spellings ("ez-Zor");
    a place's name before it is the start of a longer name, not that place ("Bab", a Syrian
    town, in "Bab al-Hawa", a border crossing the gazetteer lacks)."""
    text = "Troops entered Deir ez-Zor and Jisr al-Shughour; rebels held Bab al-Hawa."
    assert surfaces(gaz, text) == ["Deir ez-Zor", "Jisr al-Shughour"]
    assert surfaces(gaz, "Rebels held Bab Al-Salam and Sharm El-Sheikh.") == ["Sharm El-Sheikh"]


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("Israeli strikes hit Deir al-Balah in Gaza.", "Deir al-Balah", "Dayr al Balaḩ"),
    ("Shelling of Maarat al-Numan in Idlib went on.", "Maarat al-Numan", "Ma‘arrat an Nu‘mān"),
    ("Turkish troops entered Tal Abyad in Syria.", "Tal Abyad", "Tall Abyaḑ"),
    ("The sarin attack on Khan Sheikhoun in Syria.", "Khan Sheikhoun", "Khān Shaykhūn"),
])
def test_an_arabic_name_in_another_transliteration(gaz: Gazetteer, text: str, surface: str,
                                                   name: str) -> None:
    """English writes Arabic names in many ways, GeoNames in a few: a name with an article
    or an Arabic place word first ("Tal", "Khan") is found by the letters all keep."""
    m = mention(gaz, text, surface)
    assert name in [str(gaz.name[r]) for r in m.candidates]
    assert "transliterated" in m.cues
    # a person's name is none, though written alike
    assert surfaces(gaz, "Bashar al-Assad and Ayman al-Zawahiri met.") == []


def test_names_whose_words_hyphens_join(gaz: Gazetteer) -> None:
    """Any small word hyphens join to capitalised ones is part of the name, not only the
    usual connectors ("-on-", "-en-"): "Weston-super-Mare" is not Weston."""
    text = "He moved from Stoke-on-Trent to Weston-super-Mare, then Newcastle-under-Lyme."
    assert surfaces(gaz, text) == ["Stoke-on-Trent", "Weston-super-Mare", "Newcastle-under-Lyme"]


# --- roles -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Earlier this year French military forces killed the Emir.", "French"),
        ("They easily routed the Malian army.", "Malian"),
        ("Malian soldiers from Kati barracks launched a coup.", "Malian"),
        ("ECOWAS missions in the Liberian civil war did not yield results.", "Liberian"),
        ("You did not hear much from the Americans about this.", "Americans"),
        ("He downplayed direct American military intervention.", "American"),
    ],
)
def test_adjectives(gaz: Gazetteer, text: str, surface: str) -> None:
    assert mention(gaz, text, surface).role == "adjective"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The general in charge of the US Africa Command visited.", "US"),
        ("The general in charge of the US Africa Command visited.", "Africa"),
        ("Islamic State in Greater Sahara (ISGS) has been growing.", "Sahara"),
        ("It supports the efforts of Mali, ECOWAS and the African Union.", "African"),
        ("A French Foreign Legion regiment is what is needed.", "French"),
        ("He left the ruling United Russia party.", "Russia"),  # a party, a club
        ("Real Madrid had traveled to Japan.", "Madrid"),
        ("Fans of Manchester United sang.", "Manchester"),
        ("Fishing boats in the Gulf of Gdansk near Poland.", "Gdansk"),  # a sea's name
    ],
)
def test_in_name(gaz: Gazetteer, text: str, surface: str) -> None:
    assert mention(gaz, text, surface).role == "in_name"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Until the Bamako government actually deals with the issues.", "Bamako"),
        ("A potential US and French backed intervention.", "US"),
        ("It supports the efforts of Mali, ECOWAS and the African Union.", "Mali"),
    ],
)
def test_place_used_as_modifier_is_a_place(gaz: Gazetteer, text: str, surface: str) -> None:
    assert mention(gaz, text, surface).role == "place"


def test_containment_noted(gaz: Gazetteer) -> None:
    assert mention(gaz, "He moved to Paris, Texas last year.", "Paris").near == "texas"
    assert mention(gaz, "Attacks reached as far south as Yangasso in the Ségou region.",
                   "Yangasso").near == "segou"


@pytest.mark.parametrize(("text", "surface", "near"), [
    # a continent or a part of one holding whole countries is in none of them: a list
    ("It served in the Far East, the Middle East, Italy and Russia.", "Middle East", None),
    ("Aid went to West Africa, Mali first.", "West Africa", None),
    # a physical region may be in a country
    ("Drought hit the Rift Valley, Kenya, last year.", "Rift Valley", "kenya"),
])
def test_a_region_spanning_countries_is_in_no_country(gaz: Gazetteer, text: str, surface: str,
                                                      near: str | None) -> None:
    assert mention(gaz, text, surface).near == near


def test_unknown_word_placed_only_when_located(gaz: Gazetteer) -> None:
    assert "Yangasso" in surfaces(gaz, "Attacks reached as far as Yangasso in the Ségou region.")
    assert "Yangasso" not in surfaces(gaz, "Attacks reached as far as Yangasso last week.")
    # … or put in a province or country after a comma
    assert surfaces(gaz, "Villagers in Kivalina, Alaska, say the sea is rising.") == [
        "Kivalina", "Alaska"]
    assert "Kivalina" not in surfaces(gaz, "Villagers said Kivalina, Alaska, is sinking.")
    # … or called a village ("the village of Cellardyke in Fife")
    assert surfaces(gaz, "A swan was found in the village of Cellardyke in Fife.") == [
        "Cellardyke", "Fife"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The company, based in Austin, TX, will hire in Raleigh, NC.",
         ["Austin", "TX", "Raleigh", "NC"]),
        ("Send letters to PO Box 12, Helena, MT 59601.", ["Helena", "MT"]),
        ("Write to 12 High St, Bendigo VIC 3550.", ["Bendigo", "VIC"]),
        ("Clinics in Kelowna, BC and Darwin, NT opened.", ["Kelowna", "BC", "Darwin", "NT"]),
        ("He lives in Kivalina, AK 99750.", ["Kivalina", "AK"]),  # located by the code
        # a code after no town, or after a town with no namesake in that province, is no place
        ("Dr. Jane Jackson, MD, said the risk was low.", []),
        ("IN OTHER NEWS, OR NOT, ME TOO", []),
        ("Traffic in Paris, IN the end, was light.", ["Paris"]),
    ],
)
def test_a_postal_code_after_a_town_is_its_province(gaz: Gazetteer, text: str,
                                                    expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # posts write places in lower case: a big place's own name right after "in", "to"…
        ("just landed in nyc!!! so excited", ["nyc"]),
        ("Massive flooding in chennai right now", ["chennai"]),
        ("moving to new zealand next year", ["new zealand"]),
        ("back in the uk finally", ["uk"]),
        ("we flew in the netherlands", ["the netherlands"]),
        # but no everyday word, no person after "to", no compass point, no town after "the"
        ("made in china, shipped to us", []),
        ("talking to georgia about it", []),
        ("damage in the north-west frontier", []),
        ("a port at the west end of the lake", []),
        ("houses in the north side of town", []),
        ("sandbagging hit high gear in the metro", []),
        ("a fire in waxahachie", []),  # a small town's name is too little to go on
    ],
)
def test_a_big_place_written_in_lower_case_after_in(gaz: Gazetteer, text: str,
                                                    expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected


def test_a_word_of_the_landscape_inside_a_longer_name_is_no_place(gaz: Gazetteer) -> None:
    """"Lakes" (South Sudan's Lakes state, an Alaskan town) in "Lakes Edge Apartments" is a
    word of the longer name, as "Islands" (Hong Kong's district) in "the Farallon Islands";
    a town's own body is still the town's ("the Delta Police Department")."""
    assert surfaces(gaz, "The firm bought Lakes Edge Apartments in Orlando, Florida.") == [
        "Orlando", "Florida"]
    assert "Islands" not in surfaces(gaz, "Seabirds starve on the Farallon Islands.")
    assert "Delta" in surfaces(gaz, "Surrey RCMP asked the Delta Police Department for help "
                                    "in British Columbia.")
    # nor is a province named by its kind ("Lakes State")
    assert surfaces(gaz, "Fighting in Lakes State, South Sudan, displaced thousands.") == [
        "Lakes", "South Sudan"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ships sailed through the South China Sea near Vietnam.", ["South China Sea", "Vietnam"]),
    ("The ship crossed the Indian Ocean and the Tasman Sea.", ["Indian Ocean", "Tasman Sea"]),
    ("Ferries cross the Bohol Sea near Cebu.", ["Cebu"]),  # a sea not in the table
    ("Ferries cross the Sulu Sea near Zamboanga.", ["Sulu Sea", "Zamboanga"]),
    ("Migrants crossed the Aegean from Turkey to Greece.", ["Aegean", "Turkey", "Greece"]),
    ("Rebels fired on ships in the Bab el-Mandeb and the Gulf of Aden.",
     ["Bab el-Mandeb", "Gulf of Aden"]),
    ("Oil was found in the North Sea off Scotland.", ["North Sea", "Scotland"]),
    ("He lives in North Sea, New York.", ["North Sea", "New York"]),  # the hamlet
    ("Fishing boats in the Aral Sea and the Dead Sea.", ["Aral Sea", "Dead Sea"]),  # lakes
])
def test_a_sea_s_name_is_no_place_of_its_words(gaz: Gazetteer, text: str,
                                               expected: list[str]) -> None:
    """A name before "Sea" or "Ocean" is a word of the sea's name: the sea where the gazetteer
    has it, else nothing (not China, India, the Tasman district or Bohol province); and the
    gazetteer has the straits and gulfs the news names ("the Bab el-Mandeb")."""
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Traffic was heavy near Park Central Square in Springfield.", ["Springfield"]),
    ("Gas could be drilled at the Rolling Hills Country Club.", ["Rolling Hills"]),  # its town
    ("He teaches at Wayne State College.", ["Wayne"]),  # in the college's name
    ("A Metcalfe County man was arrested.", ["Metcalfe County"]),
    ("Crowds gathered in Downtown Los Angeles.", ["Los Angeles"]),
])
def test_a_town_s_name_ending_a_longer_name_is_no_place(gaz: Gazetteer, text: str,
                                                        expected: list[str]) -> None:
    """Central Square (New York), Country Club (Missouri), State College (Pennsylvania) are
    towns, but here the end of a square's, a club's, a college's name; a county's or a big
    town's name stays a place."""
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Thoughts with everyone #NepalEarthquake", ["Nepal"]),
    ("#PrayForParis tonight", ["Paris"]),
    ("Rally today #BlackLivesMatter #MeToo", []),
])
def test_a_hashtag_s_words_written_together_name_a_big_place(
        gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected


def test_a_name_in_capitals_after_a_colon_is_no_dateline(gaz: Gazetteer) -> None:
    """"Source: NEMA, Abuja" names an agency, not Néma in Mauritania; "BAMAKO, Mali" first
    in its line is still a dateline's town."""
    assert surfaces(gaz, "Floods hit Kano.\nSource: NEMA, Abuja.") == ["Kano", "Abuja"]
    assert "dateline" in mention(gaz, "BAMAKO, Mali (AP) - Soldiers left.", "BAMAKO").cues


def test_nyc_is_new_york_city(gaz: Gazetteer) -> None:
    m = mention(gaz, "He moved to NYC in 2019.", "NYC")
    assert "New York City" in {str(gaz.name[r]) for r in m.candidates}


def test_a_postal_code_locates_its_town(gaz: Gazetteer) -> None:
    assert mention(gaz, "Fans flew in from Springfield, IL on Monday.", "Springfield").near == "il"
    nt = mention(gaz, "Clinics in Kelowna, BC and Darwin, NT opened.", "NT")
    assert {str(gaz.country_code[r]) for r in nt.candidates} == {"AU"}  # Darwin is no Canadian's


def test_possessive_dropped_from_span(gaz: Gazetteer) -> None:
    assert surfaces(gaz, "Bamako's authority is weak.") == ["Bamako"]
    assert surfaces(gaz, "Timbuktu’s manuscripts survived.") == ["Timbuktu"]


def test_month_and_weekday_names_not_places(gaz: Gazetteer) -> None:
    got = surfaces(gaz, "On Tuesday, May 1, troops in Bamako held firm until August.")
    assert got == ["Bamako"]


def test_another_places_alternate_name_needs_a_locative(gaz: Gazetteer) -> None:
    # "Kristina" is only an alternate (Swedish) name of the Finnish village Ristiina.
    assert "Kristina" not in surfaces(gaz, "Kristina and Tim Jones, both 27, adopted a girl.")
    assert "Kristina" in surfaces(gaz, "The ferry stopped in Kristina for the night.")


@pytest.mark.parametrize(("text", "surface"), [
    ("Tuition to Paris High School was more than expected.", "Paris"),
    ("He spoke for the Georgia School Boards Association.", "Georgia"),
    ("On Sunday Alexandria Police went to the home.", "Alexandria"),
])
def test_a_given_name_starting_an_organisations_name_is_a_place(gaz: Gazetteer, text: str,
                                                                 surface: str) -> None:
    assert mention(gaz, text, surface).role == "in_name"


def test_derived_words_and_movements_are_not_places(gaz: Gazetteer) -> None:
    text = "The Republican met Hamas envoys; the Republicans objected."
    assert surfaces(gaz, text) == []


def test_a_commonwealth_is_no_place_of_its_own(gaz: Gazetteer) -> None:
    """"The Commonwealth of Virginia": the state, not a Philippine barangay."""
    assert surfaces(gaz, "Alexandria is a city in the Commonwealth of Virginia.") == [
        "Alexandria", "Virginia"]


def test_a_province_named_like_an_adjective_before_a_noun_is_not_a_place(gaz: Gazetteer) -> None:
    assert surfaces(gaz, "Now France and other Western governments are on edge.") == ["France"]
    assert "Michigan" in surfaces(gaz, "Swans died in Michigan on the coast of Lake Erie.")


def test_tokens_carry_their_folded_key_and_first_word_flags() -> None:
    text = 'He said: "Ségou’s mayor" (Bamako) met al-Qaeda. DÉCOR'
    toks = tokenize(text, [(0, len(text))])
    assert [t.text for t in toks] == ["He", "said", "Ségou", "mayor", "Bamako", "met", "al",
                                      "Qaeda", "DÉCOR"]
    assert [t.key for t in toks][2:4] == ["segou", "mayor"]
    assert [t.first for t in toks] == [True, False, True, False, False, False, False, False,
                                       False]
    assert toks[7].hyphen_before and not toks[6].hyphen_before


def test_longest_name_across_connectors_but_not_people(gaz: Gazetteer) -> None:
    assert "Bosnia and Herzegovina" in surfaces(gaz, "Aid reached Bosnia and Herzegovina today.")
    found_here = surfaces(gaz, "Rio de Janeiro and Trinidad and Tobago were hit.")
    assert "Rio de Janeiro" in found_here and "Trinidad and Tobago" in found_here


def test_a_word_after_a_clause_mark_and_quotes_is_a_first_word() -> None:
    text = "Officials said; (\"Gao fell\") and: 'Kidal' too"
    toks = tokenize(text, [(0, len(text))])
    assert {t.text: t.first for t in toks} == {"Officials": True, "said": False, "Gao": True,
                                               "fell": False, "and": False, "Kidal": True,
                                               "too": False}
    assert [t.text for t in tokenize("Mali's and Niger’s", [(0, 18)])] == ["Mali", "and", "Niger"]


def test_capitalised_positions_and_runs() -> None:
    from geo.recognise import _capitalised, capital_runs

    text = "Yesterday Osama bin Laden met d'Ivoire officials in New York."
    toks = tokenize(text, [(0, len(text))])
    assert [toks[i].text for i in _capitalised(toks)] == ["Yesterday", "Osama", "Laden",
                                                          "d'Ivoire", "New", "York"]
    assert [(toks[i].text, toks[j].text) for i, j in capital_runs(text, toks)] == [
        ("Yesterday", "Laden"), ("d'Ivoire", "d'Ivoire"), ("New", "York")]


def test_people_given_the_runs_agrees_with_people_finding_them(gaz: Gazetteer) -> None:
    from geo.recognise import capital_runs

    text = "President Hollande met Johnnie Carson and Captain Sanogo in Paris."
    toks = tokenize(text, [(0, len(text))])
    assert people(text, toks, gaz, capital_runs(text, toks)) == people(text, toks, gaz)


def test_candidate_facts_are_computed_once_per_name(gaz: Gazetteer) -> None:
    from geo.recognise import _facts

    rows = gaz.lookup("mali")
    facts = _facts(gaz, "mali", rows)
    assert facts is _facts(gaz, "mali", gaz.lookup("mali"))
    assert facts.strong and facts.big and facts.countryish and facts.known and facts.own_name
    small = _facts(gaz, "zzz", rows[:0])
    assert not (small.strong or small.big or small.own_name or small.first_country)


def test_three_or_more_places_joined_by_commas_and_and_are_one_list(gaz: Gazetteer) -> None:
    text = ("Cases were reported in Arkansas, Colorado, Delaware and Idaho. "
            "She was born in Buffalo, New York. Troops left Gao and Kidal.")
    marks = {s: m.listed for s, m in found(gaz, text)}
    first = text.index("Arkansas")
    assert [marks[s] for s in ("Arkansas", "Colorado", "Delaware", "Idaho")] == [first] * 4
    # two names are more often a place and its container, or a pair: not a list
    assert marks["Buffalo"] is None and marks["New York"] is None
    assert marks["Gao"] is None and marks["Kidal"] is None


def test_a_comma_between_two_provinces_of_a_list_separates_them(gaz: Gazetteer) -> None:
    """In a list, "Oklahoma, Pennsylvania" is two states; "Cordova, Tennessee" and
    "Washington, D.C." are still a town and the place the text puts it in."""
    near = {s: m.near for s, m in found(gaz, "Cases were found in Georgia, Oklahoma, "
                                                 "Pennsylvania and California.")}
    assert near == {"Georgia": None, "Oklahoma": None, "Pennsylvania": None, "California": None}
    near = {s: m.near for s, m in found(gaz, "Stores in Nashville and Cordova, Tennessee, "
                                                 "Richmond, Virginia and Washington, D.C. closed.")}
    assert near["Cordova"] == "tennessee" and near["Richmond"] == "virginia"
    assert near["Washington"] == "d.c."


def test_a_comma_between_two_provinces_of_one_country_separates_them(gaz: Gazetteer) -> None:
    """"Felt in Niigata, Toyama and as far as Tokyo": two prefectures, not Niigata inside
    Toyama, though no list is found; "Victoria, British Columbia" is still the town in it."""
    near = {s: m.near for s, m in found(gaz, "Tremors were felt in Niigata, Toyama and as far "
                                             "as Tokyo.")}
    assert near["Niigata"] is None
    assert mention(gaz, "Storms hit Victoria, British Columbia.", "Victoria").near == \
        "british columbia"


def test_a_country_s_name_before_a_province_with_a_town_of_that_name_is_the_town(
        gaz: Gazetteer) -> None:
    """"Lebanon, Pennsylvania" and "Jordan, Minnesota" are towns in their states, not a country
    listed with a state of another; a list of countries stays a list."""
    near = {s: m.near for s, m in found(gaz, "Parades were held in Jordan, Minnesota, and in "
                                                 "Mexico, Missouri.")}
    assert near == {"Jordan": "minnesota", "Minnesota": None, "Mexico": "missouri",
                    "Missouri": None}
    near = {s: m.near for s, m in found(gaz, "Troops were sent to Lebanon, Syria and Iraq.")}
    assert near == {"Lebanon": None, "Syria": None, "Iraq": None}


def test_tokens_outside_the_sentences_given_are_left_out() -> None:
    text = "Gao fell. Kidal’s mayor left Tin-Essako."
    toks = tokenize(text, [(10, len(text))])
    assert [t.text for t in toks] == ["Kidal", "mayor", "left", "Tin", "Essako"]
    assert toks.glue == [False, True, True, True, False]  # "Kidal’s mayor" is not one name
    assert [t.hyphen_before for t in toks] == [False, False, False, False, True]
    assert [t.text for t in tokenize(text, [(0, 9)])] == ["Gao", "fell"]
    assert len(tokenize("", [])) == 0


def test_names_listed_before_counties_are_counties(gaz: Gazetteer) -> None:
    """"Douglas and Wyandotte counties" are two counties; "Indiana counties" are Indiana's."""
    ms = dict(found(gaz, "Jobs were cut in Douglas and Wyandotte counties. Boone County is "
                         "near the middle of Indiana counties."))
    assert (ms["Douglas"].key, ms["Wyandotte"].key) == ("douglas county", "wyandotte county")
    assert {str(gaz.feature[r]) for r in ms["Douglas"].candidates} == {"admin2"}
    assert "region" in ms["Wyandotte"].cues
    assert ms["Indiana"].key == "indiana"
    # a name that alone is no place is a county before 'counties' ("Oconee", "Preble")
    ms = dict(found(gaz, "The bridge between Walton and Oconee counties. It serves Butler, "
                         "Clark, Preble or Warren counties."))
    assert [ms[s].key for s in ("Oconee", "Preble", "Warren")] == [
        "oconee county", "preble county", "warren county"]
    # names before 'streets', 'avenues' are streets' ("Rivers" is a Nigerian state)
    assert surfaces(gaz, "He was hit near Rivers and Stokes avenues before 2 p.m.") == []
    assert surfaces(gaz, "It is on Main and Texas streets in Dallas.") == ["Dallas"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("State Rep. Jay Roberts filed the bill. Roberts is a manager.", []),
        ("Jerry Hughes bought a dog. Hughes said it was gone.", []),
        ("He moved to Prince Edward Island, then to King County.",
         ["Prince Edward Island", "King County"]),
        ("Bishop Auckland is a town in County Durham.", ["Bishop Auckland", "County Durham"]),
        ("Will Texas vote for him? The Jordan Junior Olympic team met.", ["Texas", "Jordan"]),
    ],
)
def test_titles_and_given_names_inside_a_run_mark_people_not_places(
    gaz: Gazetteer, text: str, places: list[str]
) -> None:
    """A title anywhere before a name ("State Rep. Jay Roberts") and a given name that is also
    a word ("Jerry") make a person, whose surname is then no place; unless the words are a
    place's name ("Prince Edward Island") or a big place ("Will Texas…", "Jordan …")."""
    assert surfaces(gaz, text) == places


def test_a_month_abbreviation_before_a_day_is_a_date(gaz: Gazetteer) -> None:
    assert surfaces(gaz, "Parents learned Nov. 13 that it would close. By Nov 20 it had.") == []


def test_the_white_house_is_the_government_not_a_village(gaz: Gazetteer) -> None:
    assert surfaces(gaz, "The attack was condemned by the White House on Monday.") == []
    assert surfaces(gaz, "He lives in White House, Tennessee.") == ["White House", "Tennessee"]
    # without "the" as well: "a White House statement", "White House spokesman Tommy Vietor"
    assert surfaces(gaz, "A White House statement said so.") == []
    assert surfaces(gaz, "White House spokesman Tommy Vietor said Thursday.") == []


def test_a_british_spelling_of_a_word_inside_a_name_is_no_province(gaz: Gazetteer) -> None:
    """"Centre" is a French region's name, and a word in "the European Centre for…"."""
    assert "Centre" not in surfaces(gaz, "The European Centre for Disease Prevention and "
                                         "Control found cases in France.")


def test_a_given_name_alone_after_the_person_is_the_person(gaz: Gazetteer) -> None:
    """"Julia" (an old name of Plovdiv) after "Julia Krier" is her; a big place's own name,
    or one after "in", stays a place."""
    assert surfaces(gaz, "Julia Krier won the award. Julia said she was proud.") == []
    assert surfaces(gaz, "Georgia Stevens skates. She was born in Georgia.") == ["Georgia"]


def test_a_place_after_a_building_in_it_is_a_location_not_part_of_a_name(gaz: Gazetteer) -> None:
    """"… Hospital in Paisley" is where the hospital is; "Al-Qaeda in the Islamic Maghreb"
    is one name."""
    roles = {s: m.role for s, m in found(gaz, "She died at the Royal Alexandra Hospital in "
                                              "Paisley. Al-Qaeda in the Islamic Maghreb "
                                              "claimed it.")}
    assert roles["Paisley"] == "place"
    assert roles.get("Maghreb", "in_name") == "in_name"


def test_a_given_name_before_a_hyphen_starts_no_persons_name(gaz: Gazetteer) -> None:
    assert "Logan" in surfaces(gaz, "Logan-Rogersville students moved into a new building.")


def test_words_that_are_never_places_are_no_misspelt_places_either(gaz: Gazetteer) -> None:
    """"Easter" is not a misspelling of "Eastern", nor "Xinhua" (the agency) a town."""
    assert surfaces(gaz, "Deaths on the roads over Easter rose, according to Xinhua.") == []


def test_a_town_named_like_a_word_is_a_place_after_in_from_or_to(gaz: Gazetteer) -> None:
    """"Dover" and "Calais" are also words; after "from" and "to" they are the towns. Months,
    seasons and what a number follows are not ("in March 2008", "in Spring")."""
    assert surfaces(gaz, "He sailed from Dover to Calais.") == ["Dover", "Calais"]
    assert surfaces(gaz, "It was formed in March 2009, and closed in Spring.") == []
    # … and so is a word listed after such a town: "in Malakal and Bor" ("bor", a neighbour)
    assert surfaces(gaz, "Gunfire was heard in Malakal and Bor.") == ["Malakal", "Bor"]
    assert surfaces(gaz, "Fighting in Juba, Malakal and Bor eased.") == ["Juba", "Malakal", "Bor"]


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        ("Boko Haram in Nigeria attacked a school.", "Nigeria", "place"),
        ("He told Agence France-Presse in Nairobi.", "Nairobi", "place"),
        ("He told Agence France-Presse in Nairobi.", "France", "in_name"),
        ("A DeKalb man was arrested.", "DeKalb", "place"),
        ("The Edwardsville City Council met.", "Edwardsville", "in_name"),
    ],
)
def test_roles_of_places_next_to_organisations(gaz: Gazetteer, text, surface, role) -> None:
    """A place after "X in" is part of X's name only inside a longer name ("Islamic State in
    Greater Sahara"); a sentence's first "A"/"The" begins no name."""
    assert mention(gaz, text, surface).role == role


def test_firms_and_old_names_are_no_places(gaz: Gazetteer) -> None:
    """"Stevens & Wilkinson" are a firm's partners; "The City" was Oakville's name."""
    assert surfaces(gaz, "The city hired Stevens & Wilkinson. The City of Edwardsville "
                         "agreed.") == ["Edwardsville"]


def test_a_countrys_or_provinces_own_body_stands_for_the_place(gaz: Gazetteer) -> None:
    text = "The California Department of Public Health and the Texas Medical Association met."
    assert mention(gaz, text, "California").role == "place"
    assert mention(gaz, text, "Texas").role == "in_name"


def test_a_town_named_like_a_word_is_a_place_before_its_province(gaz: Gazetteer) -> None:
    """"Buffalo, New York" first in its sentence is the town; "Still, Texas…" is no place
    (no "Still" is in Texas)."""
    assert surfaces(gaz, "Buffalo, New York may be a destination. Still, Texas was hot.") == [
        "Buffalo", "New York", "Texas"]


def test_a_province_named_like_a_word_is_a_place_after_its_town(gaz: Gazetteer) -> None:
    """"Michigan" is a card game too, and "Michigan had…" could start a sentence about one;
    after "Lansing, " it is the province Lansing is in, wherever the sentence starts."""
    assert surfaces(gaz, "Lansing, Michigan had snow.") == ["Lansing", "Michigan"]
    assert surfaces(gaz, "Bamako, Michigan had snow.") == ["Bamako"]  # no Bamako there


def test_a_plural_of_a_places_name_is_no_misspelling_of_it(gaz: Gazetteer) -> None:
    """"The Dakotas" are two states, not a misspelt "Dakota" (a town of Minnesota); "the
    Americas", a place of its own, are not a misspelt "America" (the United States)."""
    assert surfaces(gaz, "Cases rose across the Dakotas, and in Timbuktou.") == ["Timbuktou"]
    americas = mention(gaz, "Cases rose across the Americas.", "Americas")
    assert {str(gaz.feature[r]) for r in americas.candidates} == {"region"}


def test_lower_case_particles_inside_names(gaz: Gazetteer) -> None:
    assert surfaces(gaz, "A summit in Dar es Salaam and in Port-au-Prince.") == [
        "Dar es Salaam", "Port-au-Prince"]


def test_phone_numbers_say_which_province_a_local_story_is_in(gaz: Gazetteer) -> None:
    from geo.recognise import phone_areas

    ontario = next(str(gaz.admin1[r]) for r in gaz.lookup("ontario")
                   if gaz.feature[r] == "admin1")
    text = ("Call London police at 519-661-5670 or (806) 423-1033, or 806.423.1033, or "
            "Crime Stoppers at 1-800-222-8477. Figures for 2017-2018 and 12-345-6789 differ.")
    assert phone_areas(text, gaz) == [("CA", ontario), ("US", "TX")]
    assert phone_areas("No numbers here, only 2,500 people in 2012.", gaz) == []


@settings(max_examples=3000, deadline=None)
@example("Call (806) 423-1253.")
@example("2459231253 or 245.923.1253, x245 923-1253")
@given(st.lists(st.sampled_from(["(", ")", " ", "-", ".", "x", "0", "1", "2", "9", "806", "423",
                                  "1253", "45"]), max_size=14).map("".join))
def test_the_digit_search_never_hides_a_phone_number(text: str) -> None:
    """phone_areas skips texts where the cheap search finds nothing: that must mean none."""
    from geo.recognise import _PHONE, _PHONE_DIGITS

    assert _PHONE_DIGITS.search(text) is not None or _PHONE.search(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("The ferry reached St. John's, Newfoundland on Monday.", ["St. John's"]),
    ("Police in Lee's Summit, Missouri arrested a man.", ["Lee's Summit", "Missouri"]),
    ("She lives in St. Paul's suburbs.", ["St. Paul"]),  # St. Paul's possessive
    ("Crowds gathered in St. Peter's Square in Rome.", ["Rome"]),  # a saint's, not a town's
    ("She was taken to St. Michael's Hospital in Toronto.", ["Toronto"]),
    ("Pupils at St. Mary's High School in Woodstock.", ["Woodstock"]),
])
def test_an_apostrophe_s_in_a_name(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    """A place's own name may end in "'s" (it is looked up with it), and "St. X's" before a
    building's name is a saint's."""
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("WASHINGTON Barack Obama pardoned his last turkey.", ["WASHINGTON"]),
    ("DETROIT The Transportation Department issued rules.", ["DETROIT"]),
    ("CHARLESTON, W.Va. -- The storm passed.", ["CHARLESTON", "W.Va."]),
    ("GREEN fingered residents in Leeds won.", ["Leeds"]),
    # a dictionary word ("manila" paper) on a dateline is the town, with or without its dash
    ("MANILA — A quake struck off Mindanao.", ["MANILA", "Mindanao"]),
    ("READING -- Police said.", ["READING"]),
    ("UPDATE — Police said.", []),
])
def test_a_dateline_whose_dash_was_lost(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    """A text's first word in capitals before a sentence is a dateline's town."""
    assert surfaces(gaz, text) == expected
    assert not expected or "dateline" in found(gaz, text)[0][1].cues or expected == ["Leeds"]


@pytest.mark.parametrize(("text", "expected", "cue"), [
    ("Aurora is a city in Arapahoe County, Colorado.", "Aurora", "city"),
    ("Normal is a town in McLean County, Illinois.", "Normal", "city"),
    ("Mobile is the county seat of Mobile County, Alabama.", "Mobile", "city"),
])
def test_a_sentence_that_says_what_a_place_is(gaz: Gazetteer, text: str, expected: str,
                                              cue: str) -> None:
    """A word that is also a common word, first in its sentence, is a place when the sentence
    says what kind of place it is (gazetteers' and encyclopaedias' way of writing)."""
    m = mention(gaz, text, expected)
    assert {"defined", cue} <= m.cues
    assert surfaces(gaz, "Still is a great place to live.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("She spoke only French and Farsi when she moved to Arlington.", ["Arlington"]),
    ("She speaks fluent French and teaches English in Lyon.", ["Lyon"]),
    ("The ad airs in English and Spanish in Miami.", ["Miami"]),
    ("Help for English language learners in Boston.", ["Boston"]),
    ("Drawing in Turkish troops, the war spread to Syria.", ["Turkish", "Syria"]),
    ("Drawing in Turkish and Russian troops, it spread.", ["Turkish", "Russian"]),
    ("A show of what went on in Russian-American art.", ["Russian", "American"]),
    ("Starbucks is in 130 Chinese cities.", ["Chinese"]),
    ("Native Americans built mounds near Charleston.", ["Charleston"]),  # a people
    ("Arab countries met in Cairo.", ["Cairo"]),  # not Arab, Alabama
])
def test_a_language_or_a_people_is_no_place(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    """A demonym that names a language ("speaks French") places nothing; one before a noun
    still does ("Turkish troops")."""
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A 1992 Toyota Corolla driven by a Reno woman hit a bus. The Toyota failed to yield.",
     ["Reno"]),
    ("Police in Fresno stopped a 2001 Cadillac on Main Street.", ["Fresno"]),
    ("A 1993 brown Cadillac was westbound near Berea.", ["Berea"]),
    ("A Ford Bronco and a Toyota Camry driven by a Paris woman collided.", ["Paris"]),
    ("Vandals smashed his Toyota Hilux again in Oxford.", ["Oxford"]),
    ("She was driving a Lincoln when she left Omaha.", ["Omaha"]),
    # the towns themselves
    ("Workers at the plant in Toyota went on strike.", ["Toyota"]),
    ("The mayor of Lincoln, Nebraska, said a 2005 Honda was stolen.", ["Lincoln", "Nebraska"]),
])
def test_a_makers_name_used_for_a_vehicle_is_no_place(
        gaz: Gazetteer, text: str, expected: list[str]) -> None:
    """A crash report names cars ("a 1992 Toyota Corolla"), not towns; what one mention says
    the maker's name is, it says of all in the text ("the Toyota failed to yield")."""
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Nine-year-old Georgia Stevens skates in Red Deer. Georgia began at four. \"I love it,\" "
     "said Georgia.", ["Red Deer"]),
    ("Georgia Stevens won. \"She works hard,\" said Cory Stevens, Georgia's father.", []),
    ("Sydney Smith scored twice. Sydney herself was surprised.", []),
    # a place all the same: where the person went, or nobody speaks
    ("Georgia Stevens moved to Georgia in May. \"It is warm,\" she said.", ["Georgia"]),
    ("Sydney Smith met officials from Sydney on Monday.", ["Sydney"]),
])
def test_a_persons_given_name_that_the_text_calls_them_by_is_no_place(
        gaz: Gazetteer, text: str, expected: list[str]) -> None:
    """A big place's name that is a person's given name in the text is the person wherever
    one of its mentions speaks ("said Georgia"), has kin ("Georgia's father") or
    "herself" after it."""
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("FIRE IN DALLAS KILLS TWO\nA fire killed two people on Sunday.", ["DALLAS"]),
    ("BY CHAD KLIMACK\nThe council met on Monday.", []),  # a byline's given name
    ("TWO KILLED IN FIRE IN DALLAS\nA fire killed two people on Sunday.", ["DALLAS"]),
    ("STORM BATTERS ISTANBUL\nWinds reached 100 km/h.", ["ISTANBUL"]),
])
def test_a_name_in_a_headline_written_in_capitals(
        gaz: Gazetteer, text: str, expected: list[str]) -> None:
    """A name between words in capitals, or in a line of three words or more all in
    capitals, is written so with its line, not an acronym."""
    assert surfaces(gaz, text) == expected


def test_names_listed_before_a_plural_are_peers_not_containers(gaz: Gazetteer) -> None:
    """In "Becker, Clay, Douglas, Grant … counties" each comma separates two counties: Douglas
    is not put in Grant County (a Washington pair), it is listed with the rest."""
    listed = found(gaz, "Flood watches affect Becker, Clay, Douglas, Grant, Mahnomen, Otter "
                        "Tail, Swift and Wilkin counties in Minnesota.")[:8]
    assert [m.key for _, m in listed][2] == "douglas county"
    assert all(m.near is None for _, m in listed)
    assert len({m.listed for _, m in listed}) == 1 and listed[0][1].listed is not None


@pytest.mark.parametrize(("text", "expected"), [
    ("She won the Miss Ohio title in Mansfield.", ["Ohio", "Mansfield"]),
    ("Rebekah Zoz was crowned Miss Butler County on Sunday.", ["Butler County"]),
    ("Miss Florence Smith taught in Paris.", ["Paris"]),  # a woman: Florence is a town's name
])
def test_a_beauty_pageants_title_names_its_place(
        gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected


def test_a_street_named_after_people_and_places_names_no_person(gaz: Gazetteer) -> None:
    """"Old Alton Edwardsville Road" is a road, not a man called Alton Edwardsville Road: the
    text's other Edwardsvilles stay places. A surname that is a street's word stays a
    surname ("Virginia L. Lane")."""
    text = ("The City of Edwardsville has three districts. The plan covers Old Alton "
            "Edwardsville Road.")
    assert surfaces(gaz, text)[0] == "Edwardsville"
    assert "Virginia" not in surfaces(gaz, "In the Honda, driver Virginia L. Lane, 77, died.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Yesterday Jordan Peterson spoke in Toronto.", ["Toronto"]),
    ("The Jordan Valley is dry.", ["Jordan"]),  # an everyday word after it: a place's name
    ("Officials in Amman said Jordan Asks For Aid.", ["Amman", "Jordan"]),  # a verb's form
    ("Mali Asks ECOWAS For Military Support\n\nThe interim president asked.", ["Mali"]),
])
def test_a_given_name_that_is_a_word_and_a_country_before_a_surname(
        gaz: Gazetteer, text: str, expected: list[str]) -> None:
    """"Jordan" is a given name, a word and a country: before a surname it is the person."""
    assert surfaces(gaz, text) == expected


def test_a_relative_named_after_a_place_is_a_person(gaz: Gazetteer) -> None:
    """A given name right after a kin word is the relative's: "with his wife, Georgia", "their
    son Jordan"; a kin word with more words between says nothing ("Her daughter lives in
    Paris")."""
    assert surfaces(gaz, "He moved to Phoenix with his wife, Georgia, and their son Jordan."
                    ) == ["Phoenix"]
    assert surfaces(gaz, "Her daughter lives in Paris.") == ["Paris"]
    # an obituary's "X of Y": the person X, who lives in Y
    assert surfaces(gaz, "She is survived by her sons, Michael of Dallas and David of Austin."
                    ) == ["Dallas", "Austin"]


@pytest.mark.parametrize("text", [
    "He is survived by his daughter, Mary Jones of Champaign.",
    "Mary Jones of Peoria and Tom Lee of Champaign attended.",
])
def test_a_town_after_a_persons_full_name_and_of_is_where_they_live(gaz: Gazetteer,
                                                                     text: str) -> None:
    """"Mary Jones of Champaign": Champaign, where she lives, though "champaign" is also a
    word (open country) and is no place on its own mid-sentence."""
    assert "Champaign" in surfaces(gaz, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("A third defendant, Kodie L. Tyler, who passed up bond, is in jail.", []),
    ("Officials included U.S. Rep. Harold “Hal” Rogers and Gov. Steve Beshear.", ["U.S."]),
    # a kind word before the name stays a place's; two initials are no middle one
    ("McLean County Coroner Beth C. Kimmerling has not released the name.", ["McLean County"]),
    ("Protesters gathered in Washington D. C. on Monday.", ["Washington D. C."]),
])
def test_a_middle_initial_or_a_nickname_makes_a_persons_name(gaz: Gazetteer, text: str,
                                                              expected: list[str]) -> None:
    """"Kodie L. Tyler", "Harold “Hal” Rogers": how people's names are written, though the
    given name is unknown or a quote breaks the name; Tyler and Rogers are big towns too."""
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The vaccine holds an A/California/7/2009 (H1N1) pdm09-like virus.", []),
    ("The A/goose/Guangdong/1/96 lineage spread to Vietnam.", ["Vietnam"]),
    ("Flights run Paris/London daily.", ["Paris", "London"]),
    # a disease named after a place, without its word ("Ebola virus")
    ("Two people have died from Ebola in the Republic of Congo.", ["Republic of Congo"]),
])
def test_a_virus_strains_place_is_its_name(gaz: Gazetteer, text: str,
                                          expected: list[str]) -> None:
    """A strain is named by where it was isolated, between slashes and before its number:
    the name of a virus, not a place of the text."""
    assert surfaces(gaz, text) == expected


def test_a_name_before_administration_is_a_presidents(gaz: Gazetteer) -> None:
    """"The Bush administration" is a president's, not Būsh, Egypt; a country's or province's
    administration is still the place's."""
    assert surfaces(gaz, "The Bush administration said the plan would go ahead.") == []
    assert surfaces(gaz, "The Texas administration said the plan would go ahead.") == ["Texas"]


def test_a_titled_nickname_in_quotes_is_no_surname(gaz: Gazetteer) -> None:
    """'Mr. Arlington' in quotes is a town's man, a nickname: Arlington is no one's surname in
    the text, and stays the town elsewhere (a title before a name outside quotes still makes it
    a surname: "Ms. Austin … Austin said")."""
    text = ("Harold Patterson, former mayor known as 'Mr. Arlington,' dies at 79. The Harold "
            "Patterson Sports Center in Arlington is named in his honor.")
    assert surfaces(gaz, text) == ["Arlington"]
    assert surfaces(gaz, "Ms. Austin spoke first. Austin said the plan would work.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("He died in Duluth Monday morning.", ["Duluth"]),
    ("Four passengers died in a crash in Montana Sunday.", ["Montana"]),
    ("Friday Harbor is a town on San Juan Island.", ["Friday Harbor"]),
])
def test_a_weekday_after_a_place_is_no_part_of_its_name(gaz: Gazetteer, text: str,
                                                        expected: list[str]) -> None:
    """News writes "in Duluth Monday" without "on": the day ends the capitalised run, which
    had been read as one longer name that is no place's."""
    assert surfaces(gaz, text)[: len(expected)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Shanghai reported 20 new cases on Monday. Schools in Shanghai closed.",
     ["Shanghai", "Shanghai"]),
    ("Reading is fun. He lives in Oxford.", ["Oxford"]),
    # or heads a list of places
    ("New cases were found; Phoenix and Mesa were hit hardest.", ["Phoenix", "Mesa"]),
    ("Cases rose. Michigan, Oregon and Idaho report cases.", ["Michigan", "Oregon", "Idaho"]),
    ("March and April were wet in Texas.", ["Texas"]),
])
def test_a_sentences_first_word_is_the_place_the_text_names_elsewhere(
        gaz: Gazetteer, text: str, expected: list[str]) -> None:
    """"Shanghai" (also a verb in the dictionary) first in its sentence says nothing by
    itself; where the text names Shanghai elsewhere, it is that place too (one sense per
    text). So is a town of 15,000 or more listed with other places ("Phoenix and Mesa")."""
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("He works at the detention facility in Lumpkin, Ga., officials said.", ["Lumpkin", "Ga."]),
    ("The cat was found in Wainwright, Alta., by a conductor.", ["Wainwright", "Alta."]),
])
def test_a_dictionary_word_put_in_its_province_by_abbreviation(
        gaz: Gazetteer, text: str, expected: list[str]) -> None:
    """"Wainwright" (a wagon-maker) is the town the text puts in Alberta, whose abbreviation
    "Alta." is read as such (not as Alta, Norway)."""
    assert surfaces(gaz, text) == expected


def test_a_dictionary_word_before_a_towns_own_body_is_the_town(gaz: Gazetteer) -> None:
    """"Hurricane police", "the Concord Police Department": a town's police, not a storm; a
    word that is no town's name stays a word ("the Liberal police" names no place)."""
    assert surfaces(gaz, "Sheriff's deputies and Hurricane police found the two.") == [
        "Hurricane"]
    assert surfaces(gaz, "Detectives of the Concord Police Department testified.") == [
        "Concord"]
    # after "the", and with "City" between: "the Laconia police", "the Bend City Council"
    assert surfaces(gaz, "It was the only report the Laconia police had pending.") == [
        "Laconia"]
    assert surfaces(gaz, "Firefighters rested, said Litchfield Fire Chief Jim Koser.") == [
        "Litchfield"]
    assert surfaces(gaz, "Officials said the Bend City Council approved it at Bend City "
                         "Hall, not at Centennial Hall.") == ["Bend", "Bend"]
    # "Springfield City" is another name of the Massachusetts one: the council is the town's
    # whose name comes before "City" (unless that is its own name: "Kansas City Council")
    council = found(gaz, "The Springfield City Council met, Greene County officials said.")
    assert [s for s, _ in council] == ["Springfield", "Greene County"]
    assert surfaces(gaz, "The Kansas City Council met.") == ["Kansas City"]
    # a town's chamber of commerce is the town's, and its mayor's breakfast no town's
    assert surfaces(gaz, "He spoke to the annual Woodstock District Chamber of Commerce "
                         "Mayor's Breakfast.") == ["Woodstock"]


def test_a_dictionary_word_for_a_towns_people_is_the_town(gaz: Gazetteer) -> None:
    """"A Republic man": Republic, Missouri, has 16,000 people; "a Hope man" is left alone
    (Hope, Arkansas, has under 15,000: too small to outweigh the word)."""
    assert surfaces(gaz, "A jury convicted a Republic man of murder.") == ["Republic"]
    assert surfaces(gaz, "A jury convicted a Hope man of murder.") == []


def test_a_dictionary_word_the_text_calls_a_town_is_one(gaz: Gazetteer) -> None:
    """"the northern town of Calais", "the city of Bam": the text says what the word is."""
    assert surfaces(gaz, "Migrants camped in the northern town of Calais.") == ["Calais"]
    assert surfaces(gaz, "In 2003 an earthquake in the city of Bam left 25,000 dead.") == ["Bam"]


def test_a_small_place_s_name_that_speaks_is_a_person(gaz: Gazetteer) -> None:
    """"Ellis said" is a person (Ellis, a small town, is never put anywhere); "Moscow said" is
    its government, and "in Waxahachie" a place whatever follows."""
    text = ('"It was an accident," Ellis said. Police in Waxahachie said the driver was '
            'released. "We will not accept this," Moscow said.')
    assert surfaces(gaz, text) == ["Waxahachie", "Moscow"]
    # a name the text puts somewhere stays a place, though it speaks elsewhere
    text = "Welch said the mine would close. Welch, West Virginia, lost 200 jobs."
    assert surfaces(gaz, text) == ["Welch", "Welch", "West Virginia"]
    # a country that speaks is its government, unless a person of the text bears its name
    text = "Michael Jordan visited Chad. Jordan said he was moved."
    assert surfaces(gaz, text) == ["Chad"]
    text = "King Abdullah met officials in Amman. Jordan said it would close the border."
    assert surfaces(gaz, text) == ["Amman", "Jordan"]
    # a name of two words too: "St. Clair said"
    text = 'Raynola St. Clair runs the society. "They will carry this on," St. Clair said.'
    assert surfaces(gaz, text) == []
    # a mountain range or a desert never speaks for anyone; a continent may ("Europe said")
    assert surfaces(gaz, "Shackleton said the expedition was ready.") == []
    assert surfaces(gaz, "Europe said no to the plan.") == ["Europe"]


def test_a_name_that_does_what_only_a_person_does_is_a_person(gaz: Gazetteer) -> None:
    """"Lincoln visited", "Lincoln died": no place, not even a big town speaking for its
    government, does that; so every mention of the name is the person, unless the text puts
    one somewhere ("in Lincoln, Nebraska"): then the name stays a place, as for speakers."""
    text = ("When Confederate troops came within five miles, Lincoln visited the capital's "
            "defenders. Lincoln probably is the only president to come under fire.")
    assert surfaces(gaz, text) == []
    text = "Lincoln died in 1865. The museum in Lincoln, Nebraska, opened in May."
    assert surfaces(gaz, text)[-2:] == ["Lincoln", "Nebraska"]
    assert surfaces(gaz, "Texas voted for the bill.") == ["Texas"]


@pytest.mark.parametrize(("text", "expected"), [
    ("“We cooperated completely with the auditors,” French said.", []),
    ("Finn said pairing with the project is ideal.", []),
    # the people or their government; and an adjective after a speech word still
    ("The French said they would stay.", ["French"]),
    ("He told French media the plans were clear.", ["French"]),
])
def test_a_demonym_that_speaks_is_a_surname(gaz: Gazetteer, text: str,
                                            expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected


def test_in_before_a_date_is_no_locative_cue(gaz: Gazetteer) -> None:
    """Numbers are no words: in "In 2009, Texas passed a law", "in" is not before Texas."""
    assert "locative" not in mention(gaz, "In 2009, Texas passed a law.", "Texas").cues
    assert "locative" in mention(gaz, "A law was passed in Texas.", "Texas").cues


def test_a_small_place_s_possessive_used_as_a_noun_is_a_shop(gaz: Gazetteer) -> None:
    """"at McDonald's," is the restaurant (a town's possessive stands before a noun), and so
    is the text's "McDonald's restaurant"; "Peoria's schools" stays the town's."""
    text = ("A spokeswoman for McDonald's, Jo Reed, said a McDonald's restaurant in Peoria "
            "was closed. Peoria's schools stayed open.")
    assert surfaces(gaz, text) == ["Peoria", "Peoria"]


def test_a_name_after_a_kin_word_is_a_person_s(gaz: Gazetteer) -> None:
    """"Her cousin, Jenny Palma": Palma is a surname of the text, though Jenny is also a word
    and Palma a big town, so "Palma said" is the cousin."""
    text = ('Her cousin, Jenny Palma, owns a salon in Toronto. "She had a heart of gold," '
            'Palma said.')
    assert surfaces(gaz, text) == ["Toronto"]


def test_a_name_listed_after_a_locative_and_another_word_is_where_too(gaz: Gazetteer) -> None:
    """"in Meppadi and Kalpetta": Kalpetta (GeoNames' Kalpatta) is where, as Meppadi is,
    though the gazetteer knows no Meppadi."""
    m = mention(gaz, "Relief camps had been opened in Meppadi and Kalpetta.", "Kalpetta")
    assert "locative" in m.cues


@pytest.mark.parametrize(("text", "expected"), [
    ("LONDON/FRANKFURT, March 5 (Reuters) - Shares fell.", ["LONDON", "FRANKFURT"]),
    ("NEW YORK/LONDON (Reuters) - Oil prices rose.", ["NEW YORK", "LONDON"]),
])
def test_a_dateline_of_two_towns(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    """Each town of a dateline that names two, with a slash between, is a dateline's town."""
    assert surfaces(gaz, text) == expected
    assert all("dateline" in m.cues for _, m in found(gaz, text))


def test_a_lawmaker_s_home_after_the_party_letter_is_a_place(gaz: Gazetteer) -> None:
    """"Tom Bakk, DFL-Cook", "Marty Seifert, R-Marshall": a US lawmaker's home town or county,
    though "Cook" is a word and "Marshall" a surname, and both stand in a capitalised run."""
    text = ("Senate Tax Chairman Tom Bakk, DFL-Cook, said the plan failed. Minority Leader "
            "Marty Seifert, R-Marshall, agreed.")
    assert surfaces(gaz, text) == ["Cook", "Marshall"]


def test_a_place_hyphened_to_a_place_is_one_too(gaz: Gazetteer) -> None:
    """"Fargo-Moorhead": Moorhead is a town beside Fargo, not a word of a longer name."""
    assert surfaces(gaz, "The river crested at 41 feet in Fargo-Moorhead on Friday.") == [
        "Fargo", "Moorhead"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Migrants from Latin America crossed into Texas.", ["Latin America", "Texas"]),
        ("Storms hit County Kerry and Co. Mayo overnight.", ["County Kerry", "Co. Mayo"]),
        ("Farmers across the Midwest and New England face drought.", ["Midwest",
                                                                      "New England"]),
        ("Locusts reached the Horn of Africa.", ["Horn of Africa"]),
        ("Frogs have declined across the Americas.", ["Americas"]),
    ],
)
def test_a_region_named_by_its_parts_is_one_name(gaz: Gazetteer, text: str,
                                                 expected: list[str]) -> None:
    """Regions the news names that are made of countries or provinces are places of their own
    (``COUNTRY_GROUPS``, ``ADMIN1_UNIONS`` in the data scripts): "Latin America" is not
    "America", and "County Kerry" is Kerry's county, not a person."""
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ships crossed the Pacific to reach Japan.", ["Pacific", "Japan"]),
        ("The virus is found in the Baltic Sea and the Mediterranean.", ["Baltic Sea",
                                                                        "Mediterranean"]),
        ("Storms in the Gulf of Mexico.", ["Gulf of Mexico"]),  # not Mexico
        # a sea's short name is the sea only standing alone after "the"
        ("Virgin Atlantic pilots voted to strike.", []),
        ("A video by The Atlantic showed it.", []),
        ("The Pacific Decadal Oscillation is a cycle.", []),
    ],
)
def test_a_sea_is_a_place(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    """Oceans, seas and gulfs are places (``SEAS`` in the data script), as the corpora
    annotate them; "Pacific" alone is the ocean only as "the Pacific"."""
    assert surfaces(gaz, text) == expected


def test_a_title_that_is_also_a_verb_is_a_title_only_capitalised(gaz: Gazetteer) -> None:
    """"Expected to miss Rochester" names no Miss Rochester, whose surname would then hide
    every "Rochester" of the text; "Miss Marple" is still a woman."""
    assert surfaces(gaz, "Storm expected to miss Rochester. Snow fell north of Rochester.") == [
        "Rochester", "Rochester"]
    assert "Marple" not in surfaces(gaz, "Miss Marple came to Ely.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a heading in title case capitalises every word but the small ones; this is a
        # sentence, whose capitalised words are names
        ("Floods hit Reading and Slough as Thames rises", ["Reading", "Slough", "Thames"]),
        ("Floods Hit Reading and Slough as Thames Rises", []),
        # in a headline in capitals, a word before a comma is no dateline
        ("EXPLOSION REPORTED NEAR BEIRUT PORT, LEBANESE MEDIA SAY", ["BEIRUT", "LEBANESE"]),
        ("CHARLESTON, W.Va. -- A fire broke out.", ["CHARLESTON", "W.Va."]),
        # the first word after a dateline's agency starts the story
        ("ATLANTA (AP) — Reading was hit by floods.", ["ATLANTA"]),
    ],
)
def test_headings_and_datelines(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "The Fort" is a name, but no place here: the name after "The" is
        ("The Fort Worth police said the suspect fled.", ["Fort Worth"]),
        # a hyphenated county's name before "counties"
        ("Residents of Miami-Dade and Broward counties were told to leave.",
         ["Miami-Dade", "Broward"]),
    ],
)
def test_names_after_the_and_hyphenated_counties(gaz: Gazetteer, text: str,
                                                  expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected
    if "Miami" in text:
        assert mention(gaz, text, "Miami-Dade").key == "miami-dade county"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was in the DeKalb area on Christmas Day.", ["DeKalb"]),  # "the X area"
        ("Downtown Greer has become a destination in itself.", ["Greer"]),  # a town's part
        ("The Bambara population grew.", []),  # "the X" before another word: a people
    ],
)
def test_a_towns_area_and_its_downtown(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flights left the Greenville-Spartanburg International Airport.",
         ["Greenville", "Spartanburg"]),
        ("Fly into John Wayne Airport in Orange County.", ["Orange County"]),  # a person's
    ],
)
def test_the_towns_an_airport_is_named_after_are_places(gaz: Gazetteer, text: str,
                                                        expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname alone with an age after it is a person, here and later in the text
        ("Deputies chatted with McDonald, 24, of Gainesville, Florida. Later McDonald was "
         "charged.", ["Gainesville", "Florida"]),
        ("The couple lost their first child, Hailey, in May 2006.", []),  # a kin word
        ("Texas, 24, Oklahoma 17.", ["Texas", "Oklahoma"]),  # a big place's name: a score
    ],
)
def test_a_surname_with_an_age_and_a_child_named_after_a_place(
        gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected


def test_given_names_that_are_words_include_those_common_in_the_us() -> None:
    """The name list marks each name's frequency by country; "Chad" and "Montana" are common
    first names in the U.S. (its column, not only Britain's and Ireland's), so "Chad
    LaBumbard, technical director" is a person."""
    from geo.lexicon import given_words

    assert {"chad", "montana", "jerry"} <= given_words()
    text = 'The lights "will make a vast improvement." Chad LaBumbard, technical director, said.'
    assert surfaces(load_gazetteer(), text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Retired workers Brent and Lynnette Hain believe the cat is theirs.", []),  # a couple
        ("Twin sisters Lindsay and Charlotte Graham won.", []),
        # after "of", a place: "Norb Mages of Lindsay and Dennis Lowe"
        ("Machinists Norb Mages of Lindsay, Texas, and Dennis Lowe worked.", ["Lindsay",
                                                                            "Texas"]),
    ],
)
def test_a_given_name_and_another_person_s_full_name_is_a_couple(
        gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a firm's legal form its name is over: the place is where it is
        ("The scallions were grown by Boskovich Farms Inc. of Oxnard, California.",
         ["Oxnard", "California"]),
        # a surname alone before ", who" is a person, unless "of" or "in" puts it
        ("Ivins, who worked in Frederick, Maryland, was charged.", ["Frederick", "Maryland"]),
        ("Police named Daniel Hufstetler of Roswell, who was hurt.", ["Roswell"]),
    ],
)
def test_a_firm_of_a_town_and_a_surname_before_who(gaz: Gazetteer, text: str,
                                                   expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected
    if "Oxnard" in text:
        assert mention(gaz, text, "Oxnard").role == "place"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word hyphened to a name makes it where something is, even first in its sentence
        # and even where the name is an everyday word ("geneva", a gin; "reading")
        ("Geneva-based officials urged vaccination.", ["Geneva"]),
        ("Reading-born actor Kate Winslet returned home.", ["Reading"]),
        ("Geneva was drunk in the old port.", []),  # the gin, first in its sentence
        # after "the", as a big town's name is ("the Bambara population" is a people)
        ("Apple, the Cupertino-based company, said.", ["Cupertino"]),
    ],
)
def test_a_name_hyphened_to_based_or_born_is_a_place(gaz: Gazetteer, text: str,
                                                     expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # first in its sentence, an everyday word before its town's own body is the town,
        # where the text names its province (by an abbreviation too)
        ("The suspect fled toward Nashua, N.H. Concord police later closed the road.",
         ["Nashua", "N.H.", "Concord"]),
        ("Concord police later closed the road.", []),  # no province named: no evidence
        ("Storms hit Ala. overnight. Mobile was hit hardest.", ["Ala.", "Mobile"]),
    ],
)
def test_a_first_word_before_its_towns_body_in_a_named_province(
        gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place named after its owner is no place of the owner's name ("Harper, Kansas")
        ("We left Harper's Ferry and crossed at Kelly's Ford.", []),
        ("Georgia's Lake Lanier rose.", ["Georgia", "Lake Lanier"]),  # the owner's lake
        # a building's name that is only another name of a small town ("Union Station" of
        # Union, South Carolina) is no place
        ("Chicago's Union Station reopened.", ["Chicago"]),
        # older texts space a state's initials; "B.C." after a year is an era
        ("Raleigh, N. C., and Columbia, S. C., were taken.",
         ["Raleigh", "N. C.", "Columbia", "S. C."]),
        ("The city was founded in 500 B.C. and rebuilt in 300 B. C. by Greeks.", ["Greeks"]),
        ("Vancouver, B.C., grew.", ["Vancouver", "B.C."]),
    ],
)
def test_owned_places_buildings_spaced_initials_and_eras(gaz: Gazetteer, text: str,
                                                         expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The crop is worth $US 1.5 billion a year.", []),  # a currency
        ("The county gets the biggest boost from the US-24 project.", []),  # a road
        ("Aid to the US rose.", ["US"]),
    ],
)
def test_currencies_and_roads_named_by_a_country(gaz: Gazetteer, text: str,
                                                 expected: list[str]) -> None:
    assert surfaces(gaz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Fighting in Chin State continued.", ["Chin"]),
    ("Floods hit villages in Rivers State.", ["Rivers"]),
    # a university's team, and a state's nickname
    ("Duke plays Michigan State today.", []),
    ("He moved to the Bay State last year.", []),
])
def test_an_everyday_word_before_its_province_s_kind(gaz: Gazetteer, text: str,
                                                     expected: list[str]) -> None:
    """Myanmar's and Nigeria's states go by their name and "State": "in Chin State" is the
    state, though "chin" is a word and the two a capitalised run."""
    assert surfaces(gaz, text) == expected


def test_a_name_hyphened_to_a_small_word_and_more_is_a_longer_name(gaz: Gazetteer) -> None:
    """"Pul" of "Pul-e-Khumri" is no Poole (one of its old names): a name hyphened to a small
    word and a capitalised one starts a longer name; found hyphened throughout, as the news
    writes GeoNames' "Pul-e Khumrī"."""
    assert surfaces(gaz, "The Taliban took Pul-e-Khumri on Sunday.") == ["Pul-e-Khumri"]
    assert surfaces(gaz, "The Taliban took Pul-e-Xyzzy on Sunday.") == []
    assert surfaces(gaz, "Talks in Aix-en-Provence ended.") == ["Aix-en-Provence"]


def test_the_last_word_of_a_name_the_gazetteer_lacks_is_no_place(gaz: Gazetteer) -> None:
    """"Casitas Springs" is a hamlet the gazetteer lacks, not Springs, New York; "Palm
    Springs" is found whole."""
    assert surfaces(gaz, "Evacuations were ordered in Casitas Springs.") == []
    assert surfaces(gaz, "Evacuations were ordered in Palm Springs.") == ["Palm Springs"]


def test_a_saint_with_his_epithet_is_the_saint(gaz: Gazetteer) -> None:
    """"Saint James the Great" is the apostle, not a parish of Jamaica or Barbados named
    after him; "Saint James, Barbados" is the parish."""
    assert surfaces(gaz, "Its origin is the shrine of Saint James the Great.") == []
    assert surfaces(gaz, "She flew to Saint James, Barbados.") == ["Saint James", "Barbados"]


@pytest.mark.parametrize(("text", "surface", "role"), [
    ("Boise State beat the Wyoming Cowboys in Laramie.", "Wyoming", "in_name"),
    ("She watched the Minnesota Vikings play.", "Minnesota", "in_name"),
    # a party's members in the state, and a place's own plural word
    ("The Texas Democrats met in Austin.", "Texas", "place"),
    ("Storms hit the Florida Keys.", "Florida Keys", "place"),
])
def test_a_province_s_team_is_in_a_name(gaz: Gazetteer, text: str, surface: str,
                                        role: str) -> None:
    """A state's name before a plural after "the" names a team, as a big town's does ("the
    Toronto Raptors"): off the map by default."""
    assert mention(gaz, text, surface).role == role


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials in Beaumont said the Neches River rose.", ["Beaumont", "Neches River"]),
    ("Fishermen on the River Tay near Perth were warned.", ["River Tay", "Perth"]),
    ("Except for the Lake Lanier and Lake Hartwell basins, Georgia is wet.",
     ["Lake Lanier", "Lake Hartwell", "Georgia"]),
    ("Volunteers cleaned the banks of the Kanawha River.", ["Kanawha River"]),
    ("Rep. Torrey Westrom, R-Elbow Lake, spoke.", ["Elbow Lake"]),
    ("Swimmers crossed Nizhne-Imeritinskaya Bay.", ["Nizhne-Imeritinskaya Bay"]),
    # a name from the next word on, after an article or an abbreviation
    ("A Goose Creek man was hurt.", ["Goose Creek"]),
    ("Samples went to the NY Plum Island Animal Disease Center.", ["Plum Island"]),
    ("Residents of Lake in the Hills met.", ["Lake in the Hills"]),  # a town's name
    # a mountain: not the country, nor the town it is named after
    ("Climbers on Mount Meru and Mt. Baker were stranded.", ["Mount Meru", "Mt. Baker"]),
    ("Two climbers died on Mount St. Elias in Alaska.", ["Mount St. Elias", "Alaska"]),
    ("Mount Vernon police met.", ["Mount Vernon"]),  # a town the gazetteer has
    # a saint's possessive in a school's name, not a mountain's
    ("She studied at Mount St. Mary's University in Maryland.", ["Maryland"]),
    ("Mount St. Elias's Hubbard Glacier moved.", ["Mount St. Elias"]),
    # a street, a person, a team named after a town, a lake the gazetteer has
    ("He lives on Zorbal Creek Road in Austin.", ["Austin"]),
    ("River Phoenix starred in a film shot in Portland.", ["Portland"]),
    ("The Tampa Bay Buccaneers beat Dallas.", ["Tampa", "Dallas"]),
    ("Boats sailed on Lake Tahoe.", ["Lake Tahoe"]),
])
def test_a_water_an_island_or_a_mountain_the_gazetteer_lacks_is_a_place(
        gaz: Gazetteer, text: str, expected: list[str]) -> None:
    """A river's, lake's, bay's, island's or mountain's name is a place of its own, not the
    town or the county whose name it starts with: "the Kanawha River" is no Kanawha County,
    "Mount Meru" no Meru."""
    assert surfaces(gaz, text) == expected


def test_a_water_the_gazetteer_lacks_is_a_natural_place(gaz: Gazetteer) -> None:
    m = mention(gaz, "Officials in Beaumont said the Neches River rose.", "Neches River")
    assert "natural" in m.cues and m.role == "place" and not len(m.candidates)
    # named after a province: by it (a small town's namesakes are too many)
    m = mention(gaz, "Remains were found on Delaware Bay beach.", "Delaware Bay")
    assert {str(gaz.feature[r]) for r in m.candidates} == {"admin1"}
    assert not len(mention(gaz, "A body was found in Kish River.", "Kish River").candidates)
    # a water's name GeoNames lists only as another name of a town: the water's
    m = mention(gaz, "A barge sank in the East River.", "East River")  # not Wallingford's
    assert "natural" in m.cues and not len(m.candidates)
    m = mention(gaz, "Peace River police met.", "Peace River")  # the town's own name
    assert "locality" in {str(gaz.feature[r]) for r in m.candidates}


def test_a_river_written_in_lower_case_after_its_name_is_a_natural_place(gaz: Gazetteer) -> None:
    """"the Kosi river", as British and Indian news write it, is a river the gazetteer lacks,
    not the town of Kosi; a river it has keeps its name ("the Niger river"), and a people's
    adjective before "river" names none ("the Chinese river systems")."""
    m = mention(gaz, "In Bihar, the Kosi river burst its banks near Saharsa.", "Kosi river")
    assert "natural" in m.cues and m.role == "place"
    assert "Gandak river" in surfaces(gaz, "In Bihar, the Gandak river rose near Gopalganj.")
    m = mention(gaz, "The Niger river rose in Mali.", "Niger river")
    assert {str(gaz.feature[r]) for r in m.candidates} == {"river"}
    found = surfaces(gaz, "Officials said the Chinese river systems were stressed in Delhi.")
    assert "Chinese" in found and not any(s.endswith(" river") for s in found)
    # nor is a lower-case river after a name that does not follow "the": "Patna river front"
    assert "Patna river" not in surfaces(gaz, "Officials in Patna river front offices met.")
