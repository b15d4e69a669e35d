"""geo.resolve: choosing among candidates (focus country, containment, cues) and distances."""

import numpy as np
import pytest

import geo
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.normalise import normalise
from geo.recognise import recognise
from geo.resolve import confidence_label, focus, haversine_km, resolve
from geo.segment import segment

KATI_MALI = "geonames:2455558"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def mentions(gaz: Gazetteer, text: str):
    clean = normalise(text).text
    return recognise(clean, [(s, e) for s, e, _ in segment(clean)], gaz)


def row(text: str, surface: str):
    g = geo.geoparse(text)
    hits = g[g["surface"] == surface]
    assert len(hits) == 1, (surface, g["surface"].tolist())
    return hits.iloc[0]


# --- distances -------------------------------------------------------------------------------
def test_haversine_paris_london() -> None:
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=3)


def test_haversine_is_symmetric_zero_on_itself_and_vectorised() -> None:
    lat = np.array([12.64, 16.77, 40.71])
    lon = np.array([-8.0, -3.0, -74.01])
    d = haversine_km(lat[:, None], lon[:, None], lat[None, :], lon[None, :])
    assert d.shape == (3, 3)
    assert np.allclose(np.diag(d), 0)
    assert np.allclose(d, d.T)
    assert 600 < d[0, 1] < 800  # Bamako–Timbuktu
    assert haversine_km(0, 0, 0, 180) == pytest.approx(np.pi * 6371.0, rel=1e-6)


# --- focus country ---------------------------------------------------------------------------
MALI_TEXT = ("Mutineers seized the armoury in Kati. The junta in Mali promised elections, "
             "and Bamako was calm.")
IVORIAN_TEXT = ("Soldiers left Abidjan and Yamoussoukro for Bouaké, then reached Kati.")


def test_focus_is_the_country_the_text_is_about(gaz: Gazetteer) -> None:
    shares = focus(gaz, mentions(gaz, MALI_TEXT))
    assert max(shares, key=shares.get) == "ML"
    assert sum(shares.values()) == pytest.approx(1.0)
    shares = focus(gaz, mentions(gaz, IVORIAN_TEXT))
    assert max(shares, key=shares.get) == "CI"


def test_focus_country_drives_kati() -> None:
    mali = row(MALI_TEXT, "Kati")
    assert mali["place_id"] == KATI_MALI and mali["country_code"] == "ML"
    ivorian = row(IVORIAN_TEXT, "Kati")
    assert ivorian["country_code"] == "CI" and ivorian["place_id"] != KATI_MALI


def test_placement_reasons_and_runner_ups(gaz: Gazetteer) -> None:
    ms = mentions(gaz, MALI_TEXT)
    placements = resolve(gaz, ms)
    kati = placements[0]
    assert gaz.place_id[kati.row] == KATI_MALI
    assert "focus country ML" in kati.placed_by
    assert kati.candidates and {"place_id", "name", "score"} <= set(kati.candidates[0])
    assert KATI_MALI not in {c["place_id"] for c in kati.candidates}
    assert 0 < kati.confidence <= 1


# --- containment and cues --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("He moved to Paris, Texas last year.", "US"),
        ("He moved to Paris, France last year.", "FR"),
    ],
)
def test_containment_decides(text: str, country: str) -> None:
    paris = row(text, "Paris")
    assert paris["country_code"] == country
    if country == "US":
        assert "Texas" in paris["placed_by"]


def test_containment_keeps_the_city_in_its_state() -> None:
    dallas = row("Flooding hit Dallas, Texas on Monday.", "Dallas")
    assert dallas["country_code"] == "US" and dallas["feature"] == "city"
    assert haversine_km(dallas.geometry.y, dallas.geometry.x, 32.78, -96.80) < 50


def test_a_stated_province_outweighs_the_rest_of_the_text() -> None:
    """After "Victoria, British Columbia" and "Saanich", the text's focus, region and
    nearness all back the Canadian Victoria; "Victoria, Texas" still says which one it is."""
    g = geo.geoparse("Police in Victoria, British Columbia, arrested two men after a robbery "
                     "in Saanich. And in Victoria, Texas, a school was evacuated.")
    assert g.loc[g["surface"] == "Victoria", "country_code"].tolist() == ["CA", "US"]


def test_region_cue_prefers_the_region() -> None:
    region = row("Rebels hold the Timbuktu region.", "Timbuktu")
    city = row("Rebels hold the city of Timbuktu.", "Timbuktu")
    assert region["feature"] in ("admin1", "region")
    assert city["feature"] == "city"


def test_a_government_or_governor_makes_a_name_the_province() -> None:
    """A town named like its province is the town alone ("flights from New York"), the
    province before 'government', 'governor', 'border'…, and so are the name's other
    mentions in the text."""
    assert row("Flights from New York resumed.", "New York")["feature"] == "city"
    assert row("New York Governor Andrew Cuomo spoke.", "New York")["feature"] == "admin1"
    text = ("Mayors will appeal to the Quebec government. Right turns on red became legal in "
            "Quebec in 2003.")
    g = geo.geoparse(text)
    assert g.loc[g["surface"] == "Quebec", "feature"].tolist() == ["admin1", "admin1"]


def test_a_provinces_english_name_is_its_own_beside_villages_abroad() -> None:
    """"Normandy" is Lower Normandy's English name, not a borrowing that the own name of a
    Surrey village outranks, in a story set in Brittany and Cornwall; but "Latakia" is the
    city's own name and the governorate's only as another, and the city stays its reading."""
    text = ("Storm Ciarán battered Cornwall, cutting power to homes in Jersey. In Brittany, "
            "winds reached 200 km/h, and Normandy's ports were closed.")
    r = row(text, "Normandy")
    assert (r["country_code"], r["feature"]) == ("FR", "admin1")
    assert row("Clashes broke out in Latakia.", "Latakia")["feature"] == "city"


def test_a_town_named_like_a_province_gains_nothing_from_being_near() -> None:
    """Delaware, Ohio, lies near Louisville and Lexington; the state does not. Nearness
    is no evidence for a town that shares a province's name: 'a Delaware company' is the
    state. Inside the province of its name, nearness cannot tell the town from it, and the
    town stays the reading of its name alone."""
    text = ("Central Holdings, a Delaware limited liability company, owns apartments in "
            "Louisville and Lexington, Kentucky, and in Columbus, Ohio.")
    assert row(text, "Delaware")["feature"] == "admin1"
    text = "Rebels control key cities like Timbuktu, Gao and Kidal in northern Mali."
    assert row(text, "Timbuktu")["feature"] == "city"


def test_an_airport_in_the_news_is_the_airport() -> None:
    """'Heathrow' in a story about English fog is London's airport, not Heathrow, Florida."""
    heathrow = row("Fog in southern England disrupted flights at Heathrow and Gatwick.",
                   "Heathrow")
    assert heathrow["country_code"] == "GB" and heathrow["feature"] == "other"
    assert haversine_km(heathrow.geometry.y, heathrow.geometry.x, 51.47, -0.46) < 5
    # and with nothing English around it: its word is the airport's own name, no alternate
    heathrow = row("The flight from Heathrow was diverted to Shannon, Ireland.", "Heathrow")
    assert heathrow["country_code"] == "GB"


def test_a_local_phone_number_places_the_story() -> None:
    """'London police' alone is London, England; with a number in Ontario's 519 area code
    it is London, Ontario, and the explanation says why."""
    text = "London police are investigating. Anyone with information is asked to call {}."
    assert row(text.format("police"), "London")["country_code"] == "GB"
    london = row(text.format("519-661-5670"), "London")
    assert london["country_code"] == "CA"
    assert haversine_km(london.geometry.y, london.geometry.x, 42.98, -81.23) < 20
    assert "in the region (CA-08)" in london["placed_by"]  # Ontario, GeoNames code 08


def test_a_phone_number_right_after_a_town_is_in_its_province() -> None:
    """Ohio's South Charleston is nearer the text's other places; the number after the name
    is West Virginia's (area code 304), and so is the town it gives the number of."""
    r = row("She trained in Columbus and Dayton, Ohio. For appointments, call the hospital in "
            "South Charleston at 304-766-3413.", "South Charleston")
    assert "phone number after it" in r["placed_by"]
    assert haversine_km(r.geometry.y, r.geometry.x, 38.37, -81.70) < 20


@pytest.mark.parametrize(
    ("text", "surface", "admin1"),
    [
        ("Fans flew in from Springfield, IL on Monday.", "Springfield", "IL"),
        ("Fans flew in from Springfield, MO on Monday.", "Springfield", "MO"),
        ("The plant in Portland, ME closed.", "Portland", "ME"),
    ],
)
def test_a_postal_code_puts_the_town_in_its_province(gaz: Gazetteer, text: str, surface: str,
                                                     admin1: str) -> None:
    r = row(text, surface)
    assert (r["country_code"], str(gaz.admin1[gaz.index_of(r["place_id"])])) == ("US", admin1)


def test_approximate_placement_at_the_container(gaz: Gazetteer) -> None:
    ms = mentions(gaz, "Attacks reached as far south as Yangasso in the Ségou region of Mali.")
    placements = resolve(gaz, ms)
    approx = [p for m, p in zip(ms, placements) if m.key == "yangasso"]
    assert len(approx) == 1 and approx[0] is not None
    p = approx[0]
    assert p.row is None and p.approx_of is not None
    assert gaz.country_code[p.approx_of] == "ML"
    assert p.confidence < 0.5
    assert "approximately" in p.placed_by


def test_a_town_in_a_province_none_of_its_namesakes_is_in_is_placed_there() -> None:
    """The gazetteer's only Holliday is in Texas: "Holliday, Missouri" is another, and is
    placed approximately at Missouri; where the text names no province, Texas's stands."""
    text = "A man from Holliday, Missouri, was arrested in Columbia on Friday."
    r = row(text, "Holliday")
    assert r["place_id"] == "approx:holliday" and r["country_code"] == "US"
    assert r["placed_by"].startswith("no Holliday in the gazetteer is in Missouri; placed "
                                     "approximately in Missouri (the middle of its towns)")
    assert haversine_km(r.geometry.y, r.geometry.x, 39.49, -92.13) < 161  # Holliday, Missouri
    assert row("A man from Holliday was arrested in Wichita Falls.", "Holliday")[
        "place_id"].startswith("geonames:")
    # a chain of holders is no list: the gazetteer's Strouds are in England, the US, Australia
    assert row("A truck was stopped in Stroud, Ontario, Canada.", "Stroud")[
        "place_id"] == "approx:stroud"
    # England's Bradford is a city and a district: a town, all the same
    bradford = row("He will appear in a Bradford, Ontario court.", "Bradford")
    assert bradford["place_id"] == "approx:bradford"
    # at the middle of Ontario's towns, by Lake Ontario: Ontario's own point is 700 km north
    assert haversine_km(bradford.geometry.y, bradford.geometry.x, 44.11, -79.56) < 161
    # a town the gazetteer has in the named province keeps its own point
    assert row("A man from Columbia, Missouri, was arrested.", "Columbia")[
        "place_id"].startswith("geonames:")
    # so is a region the text puts in its province by a possessive: the gazetteer's
    # Kimberleys are in South Africa, Canada and England
    kimberley = row("Fires burned in Western Australia's Kimberley region.", "Kimberley")
    assert kimberley["place_id"] == "approx:kimberley" and kimberley["country_code"] == "AU"


def test_unknown_name_with_no_container_is_not_placed(gaz: Gazetteer) -> None:
    from geo.recognise import Mention

    m = Mention(0, 8, "yangasso", np.empty(0, dtype=np.int32))
    assert resolve(gaz, [m]) == [None]


@pytest.mark.parametrize(("value", "label"), [(0.95, "high"), (0.8, "high"), (0.6, "medium"),
                                              (0.5, "medium"), (0.3, "low"), (0.0, "low")])
def test_confidence_label(value: float, label: str) -> None:
    assert confidence_label(value) == label


def test_a_repeated_name_is_one_vote_for_the_texts_focus() -> None:
    import geo

    text = ("Dublin Arts Council awards grants. The Dublin council met in Dublin on Monday. "
            "Dublin schools and Dublin parks will benefit, the Dublin mayor said. "
            "The money comes from the state of Ohio.")
    g = geo.geoparse(text)
    assert set(g.loc[g["surface"] == "Dublin", "country_code"]) == {"US"}


def test_candidate_facts_are_computed_once_per_name(gaz: Gazetteer) -> None:
    from geo.resolve import _candidates

    first, second = (mentions(gaz, "Troops left Paris on Monday.")[0] for _ in range(2))
    second.candidates = second.candidates.copy()  # the same rows, as another text's array
    c = _candidates(gaz, first)
    assert _candidates(gaz, second) is c
    assert c.best in set(c.rows) and len(c.base) == len(c.rows) == len(c.features)


def test_placement_does_not_depend_on_what_was_placed_before(gaz: Gazetteer) -> None:
    text = "Officials in Paris, Texas, said Dallas and Paris schools would close."
    before = resolve(gaz, mentions(gaz, text))
    resolve(gaz, mentions(gaz, "Paris, the French capital, and Lyon welcomed him."))
    after = resolve(gaz, mentions(gaz, text))
    assert [(p.row, p.placed_by, p.candidates, p.confidence) for p in before] == [
        (p.row, p.placed_by, p.candidates, p.confidence) for p in after
    ]


def test_a_single_candidate_is_placed_with_the_mention_confidence(gaz: Gazetteer) -> None:
    text = "Troops reached Tessalit on Monday."
    clean = normalise(text).text
    spans = [(s, e) for s, e, _ in segment(clean)]
    mentions = recognise(clean, spans, gaz)
    placed = resolve(gaz, mentions)
    m, p = next((m, p) for m, p in zip(mentions, placed) if len(m.candidates) == 1)
    assert p.row == int(m.candidates[0]) and p.candidates == []
    assert p.confidence == round(m.fuzzy, 3) == 1.0
    assert p.placed_by.startswith("score ")


def near_km(gaz: Gazetteer, anchors, rows):
    """Distances of one candidate set to the anchors, as resolve fills them in."""
    from geo.resolve import _fill_near, _rows_key

    _fill_near(anchors, [(_rows_key(rows), rows.tolist(), gaz.lat[rows], gaz.lon[rows])])
    return anchors.near[_rows_key(rows)]


def test_near_km_is_the_distance_to_the_nearest_other_anchor_once_per_set(gaz: Gazetteer) -> None:
    from geo.resolve import _Anchors

    anchors_rows = np.array(sorted({int(gaz.lookup("bamako")[0]), int(gaz.lookup("gao")[0])}))
    anchors = _Anchors(anchors_rows, gaz.lat[anchors_rows], gaz.lon[anchors_rows])
    rows = gaz.lookup("kidal")
    near = near_km(gaz, anchors, rows)
    expected = haversine_km(gaz.lat[rows][:, None], gaz.lon[rows][:, None],
                            anchors.lat[None, :], anchors.lon[None, :]).min(axis=1)
    assert near is not None and near.tolist() == expected.tolist()
    assert near_km(gaz, anchors, rows) is near  # computed once
    assert near_km(gaz, anchors, rows[:1]) is None  # nothing to rank


@pytest.mark.parametrize(("text", "surface", "feature", "country"), [
    ("Health officials in Russia and Turkey were alerted. States with cases: Colorado, "
     "Georgia, Illinois and Ohio.", "Georgia", "admin1", "US"),
    ("Ministers from France, Georgia, Armenia and Germany met in Brussels.",
     "Georgia", "country", "GE"),
    ("Health officials in Mexico, China, Japan and Brazil reported cases.",
     "China", "country", "CN"),
    ("The victim was a 9-year-old girl from Buffalo, New York.", "New York", "admin1", "US"),
])
def test_a_name_is_read_as_the_kind_of_place_its_syntax_asks_for(text, surface, feature,
                                                                  country) -> None:
    """Listed with places of one kind; or holding the town before it: its province."""
    r = row(text, surface)
    assert (r["feature"], r["country_code"]) == (feature, country)


def test_near_km_of_many_sets_at_once_is_that_of_each_alone(gaz: Gazetteer) -> None:
    """The distances resolve takes for all of a text's names in one go are, to the bit, those
    of each name's candidates to the anchors that are not among them."""
    from geo.resolve import _Anchors, _fill_near, _rows_key

    names = ["kidal", "paris", "georgia", "santa ana", "springfield", "mali", "gao"]
    sets = [gaz.lookup(n) for n in names]
    anchor_rows = np.array(sorted({int(gaz.lookup("bamako")[0]), int(gaz.lookup("gao")[0]),
                                   int(sets[2][0]), int(sets[3][-1])}))
    batch = _Anchors(anchor_rows, gaz.lat[anchor_rows], gaz.lon[anchor_rows])
    _fill_near(batch, [(_rows_key(r), r.tolist(), gaz.lat[r], gaz.lon[r]) for r in sets])
    for rows in sets:
        alone = _Anchors(anchor_rows, gaz.lat[anchor_rows], gaz.lon[anchor_rows])
        keep = ~np.isin(anchor_rows, rows)
        expected = None
        if len(rows) > 1 and keep.any():
            expected = haversine_km(gaz.lat[rows][:, None], gaz.lon[rows][:, None],
                                    alone.lat[keep][None, :], alone.lon[keep][None, :]
                                    ).min(axis=1).tolist()
        near = batch.near[_rows_key(rows)]
        assert (None if near is None else near.tolist()) == expected
        near = near_km(gaz, alone, rows)
        assert (None if near is None else near.tolist()) == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Members of the media in New York City and Florida were told.", "Florida"),
        ("Cases rose in Hershey, Pennsylvania, and in Harrisburg. A company in California is "
         "suspected to be the source.", "California"),
    ],
)
def test_a_province_name_is_not_pulled_to_a_village_in_the_texts_region(text, surface):
    """Florida, New York and California, Pennsylvania exist; alone, the names are the states."""
    r = row(text, surface)
    assert (r["feature"], r["country_code"]) == ("admin1", "US")


def test_a_town_and_the_county_it_is_in_place_each_other() -> None:
    """Alone, "Paris" is the French capital; with Henry County, it is Paris, Tennessee, and
    Henry County is the one in Tennessee, each placed for that reason."""
    assert row("Paris is rich in history and art.", "Paris")["country_code"] == "FR"
    text = "Paris and Henry County are rich in history and art."
    town, county = row(text, "Paris"), row(text, "Henry County")
    assert (town["country_code"], county["place_id"]) == (
        "US", "gn:adm2:US:tennessee:henry_county")
    assert abs(town.geometry.y - 36.30) < 0.1 and abs(town.geometry.x + 88.33) < 0.1
    assert "in Henry County, which the text names" in town["placed_by"]
    assert "holds Paris, which the text names" in county["placed_by"]


def test_a_capital_under_its_own_name_stands_for_its_government() -> None:
    """"Washington" in foreign affairs is the capital, not the state; in a list of states, or
    under another place's old name (Amman was Philadelphia), it is not."""
    r = row("Egypt cooperated closely with Washington, and Cairo welcomed the talks.",
            "Washington")
    assert (r["feature"], r["country_code"]) == ("city", "US")
    assert "national capital" in r["placed_by"]
    r = row("Cases were confirmed in Oregon, Idaho, Washington and Montana.", "Washington")
    assert r["feature"] == "admin1"
    # a body's base, in a story from England: the capital, not Washington, Tyne and Wear
    r = row("Officials in London met a Washington-based firm.", "Washington")
    assert (r["feature"], r["country_code"]) == ("city", "US")
    assert "a body's base" in r["placed_by"]
    r = row("He robbed a dealer in South Philadelphia.", "Philadelphia")
    assert r["country_code"] == "US"


def test_a_named_province_outweighs_ambiguous_towns_guesses(gaz: Gazetteer) -> None:
    """Marion and Clinton are in Indiana and in Ohio and Iowa; the province the text names
    weighs a whole vote, each town's first guess half of one."""
    g = geo.geoparse("Officials in Indiana said jobs fell in Marion and Clinton.")
    states = {s: str(gaz.admin1[gaz.index_of(p)]) for s, p in zip(g["surface"], g["place_id"])}
    assert states == {"Indiana": "IN", "Marion": "IN", "Clinton": "IN"}


@pytest.mark.parametrize(("text", "surface", "country"), [
    ("A concert series in New Jersey and New York kicked off a tour.", "New York", "US"),
    ("Laws in Oregon and Washington allow it.", "Washington", "US"),
    ("Melbourne and Victoria were affected.", "Victoria", "AU"),
])
def test_a_name_paired_with_a_province_or_town_is_a_province(text: str, surface: str,
                                                             country: str) -> None:
    """Paired with a province, a province of that country; with a town, the town's."""
    r = row(text, surface)
    assert (r["feature"], r["country_code"]) == ("admin1", country)


def test_a_town_paired_with_a_town_of_its_namesake_province_is_a_town() -> None:
    """"Between Gao and Ansongo": Ansongo is a town of the Gao region, and so is Gao."""
    assert row("The convoy was ambushed between Gao and Ansongo.", "Gao")["feature"] == "city"


def test_a_county_and_a_town_named_like_a_unitary_authority_are_in_one_region() -> None:
    """Cornwall and Devon are in England, as Plymouth the city is: Plymouth's unitary
    authority gains nothing over the city from them."""
    assert row("Storms battered Cornwall and Devon. Trains between Exeter and Plymouth were "
               "cancelled.", "Plymouth")["feature"] == "city"


def test_a_pair_takes_no_kind_from_the_pair_before_it() -> None:
    """Two pairs in a row are two pairs: Kharkiv is paired with Zaporizhzhia, not with
    Luhansk, a province, so it stays the city (each its oblast's namesake)."""
    g = geo.geoparse("Shelling hit the Donetsk and Luhansk regions, and around Kharkiv and "
                     "Zaporizhzhia.")
    assert dict(zip(g["surface"], g["feature"])) == {
        "Donetsk": "admin1", "Luhansk": "admin1", "Kharkiv": "city", "Zaporizhzhia": "city"}


def test_a_name_paired_with_a_country_is_a_country() -> None:
    """"Egypt and Niger" is the country Niger; "Niger State" beside Kano is Nigeria's."""
    g = geo.geoparse("Nigeria's Niger State and Kano reported cases; polio ended in Egypt "
                     "and Niger.")
    assert g[g["surface"] == "Niger"]["feature"].tolist() == ["admin1", "country"]


@pytest.mark.parametrize(("text", "town", "country"), [
    ("He moved to Athens, Georgia.", "Athens", "US"),
    ("He moved to Tbilisi, Georgia.", "Tbilisi", "GE"),
    ("Many countries, among them China, Japan, and the United Kingdom, warned the WHO.",
     "China", "CN"),
])
def test_the_place_a_text_puts_a_name_in_is_one_that_can_hold_it(text, town, country) -> None:
    """"Athens, Georgia" is the US state's Athens; a country is in no other country."""
    assert row(text, town)["country_code"] == country


def test_a_misspelling_is_read_only_in_a_country_the_text_is_about() -> None:
    """"Greenlane" in an Auckland story is not Greenland misspelt; "Timbuktou" in a story
    about Mali, or alone, is Timbuktu."""
    g = geo.geoparse("The yachtie spotted her at Greenlane, near Auckland, New Zealand.")
    assert "Greenlane" not in g["surface"].tolist()
    assert row("Troops reached Timbuktou and Gao in Mali.", "Timbuktou")["country_code"] == "ML"
    assert row("Troops reached Timbuktou.", "Timbuktou")["country_code"] == "ML"


def test_what_the_syntax_says_of_one_mention_holds_for_the_others(gaz: Gazetteer) -> None:
    """One sense per text: "Melbourne and Victoria" makes the earlier "Victoria" the state."""
    g = geo.geoparse("Officials in Texas and Houston warned about Victoria. Later, Melbourne "
                     "and Victoria were affected.")
    vic = g[g["surface"] == "Victoria"]
    assert len(vic) == 2 and set(vic["feature"]) == {"admin1"}
    assert set(vic["country_code"]) == {"AU"}


def test_a_region_cue_on_one_mention_makes_every_mention_the_province() -> None:
    """"The province of Ontario" says what every "Ontario" of the text is: not the village of
    Ontario, New York, near the text's Buffalo."""
    g = geo.geoparse("A ward closed at a hospital in Toronto, Canada. Services for newborns in "
                     "Ontario are strained. New patients will go to other hospitals in the "
                     "province of Ontario, or to Buffalo, New York in the United States.")
    ontario = g[g["surface"] == "Ontario"]
    assert len(ontario) == 2
    assert set(ontario["feature"]) == {"admin1"} and set(ontario["country_code"]) == {"CA"}


def test_a_lake_is_the_lake_and_places_the_towns_on_its_shore() -> None:
    """"Lake Chad" is not Chad; "Lake Erie near Toledo" is Toledo, Ohio, not Belize's Toledo."""
    assert row("Fighters attacked islands in Lake Chad.", "Lake Chad")["place_id"] == \
        "ne:lake:lake_chad"
    toledo = row("Algae bloomed in Lake Erie near Toledo.", "Toledo")
    assert toledo["country_code"] == "US" and toledo["feature"] == "city"


@pytest.mark.parametrize(("text", "surface", "near"), [
    # the river at its mouth, as GeoNames places it, not the country or state of its name
    ("Boats on the Niger River reached Mopti.", "Niger River", (4.4, 6.3)),
    ("Boats on the Niger river reached Mopti.", "Niger river", (4.4, 6.3)),
    ("The Mississippi River crested at St. Louis.", "Mississippi River", (29.3, -89.2)),
    ("A body was pulled from the River Thames near Putney.", "River Thames", (51.5, 0.4)),
    # a tributary ends where it meets the river it feeds: the Arkansas at the Mississippi
    ("Barges on the Arkansas River near Little Rock were halted.", "Arkansas River",
     (33.8, -91.1)),
])
def test_a_river_is_the_river_at_its_mouth(text: str, surface: str,
                                            near: tuple[float, float]) -> None:
    r = row(text, surface)
    assert r["feature"] == "other" and r["place_id"].startswith("ne:river:")
    assert haversine_km(r.geometry.y, r.geometry.x, *near) < 30
    assert "river, at its mouth" in r["placed_by"]  # the dot's reason says where it stands


def test_a_rivers_name_alone_is_the_river_after_the_only() -> None:
    """"The Thames", "the Danube": a river's name alone, after "the" and before no other
    capitalised word, is the river. "Thames Water" is a company, "Amazon said" one too, and
    "Niger", a country's name, stays the country."""
    assert row("Police pulled a body from the Thames near Putney.", "Thames")[
        "name"] == "River Thames"
    assert row("Barges sailed along the Danube to Budapest.", "Danube")["name"] == \
        "Danube River"

    def rivers(text: str) -> list[str]:
        g = geo.geoparse(text)
        return g.loc[g["place_id"].str.startswith("ne:river:"), "surface"].tolist()

    assert rivers("Thames Water raised its bills in London.") == []
    # a name that is mostly something else's, or an everyday word where rivers are so named
    assert rivers("Workers at the Amazon warehouse voted on Tuesday.") == []
    assert rivers("The Grande was packed for the concert.") == []
    assert rivers("Amazon said on Tuesday it would open a warehouse in Dallas.") == []
    assert rivers("Soldiers crossed into Niger from Mali.") == []
    assert rivers("Farmers along the Thames Valley in England lost crops.") == []


@pytest.mark.parametrize(("text", "surface", "near"), [
    ("A ship sank off Cape Hatteras in a storm.", "Cape Hatteras", (35.2, -75.5)),
    ("Yachts rounded the Cape of Good Hope and Cape Horn.", "Cape of Good Hope", (-34.3, 18.4)),
    ("Yachts rounded the Cape of Good Hope and Cape Horn.", "Cape Horn", (-55.9, -67.2)),
    ("Bombers flew from Diego Garcia, in the Indian Ocean, to strike targets.", "Diego Garcia",
     (-7.3, 72.4)),
    ("Tourists crowded Iguazu Falls on the border.", "Iguazu Falls", (-25.6, -54.6)),
    ("Hikers walked from Land's End to John o' Groats.", "Land's End", (50.1, -5.7)),
])
def test_capes_islands_and_waterfalls_are_places(text: str, surface: str,
                                                  near: tuple[float, float]) -> None:
    """Natural Earth's geography points, under the English names the news uses ("Cape Horn",
    not "Cabo de Hornos")."""
    r = row(text, surface)
    assert r["feature"] == "other" and r["place_id"].startswith("ne:landmark:")
    assert haversine_km(r.geometry.y, r.geometry.x, *near) < 30


@pytest.mark.parametrize(("text", "surface", "near"), [
    ("The eruption of Etna sent ash over Sicily.", "Etna", (37.75, 14.99)),
    ("Climbers returned to Everest base camp in Nepal.", "Everest", (27.99, 86.93)),
    ("Mount St. Helens in Washington erupted in 1980.", "Mount St. Helens", (46.19, -122.2)),
    # the volcano in Hawaii, not the village of Kīlauea on Kauai, 500 km away
    ("Kilauea volcano erupted again, and residents of Pahoa in Hawaii were told to leave.",
     "Kilauea", (19.42, -155.29)),
])
def test_mountains_and_volcanoes_are_places(text: str, surface: str,
                                            near: tuple[float, float]) -> None:
    """Our own table of the peaks the news names, which no source here has, at their summits."""
    r = row(text, surface)
    assert r["feature"] == "other" and r["place_id"].startswith("placeline:peak:")
    assert haversine_km(r.geometry.y, r.geometry.x, *near) < 30


@pytest.mark.parametrize(("text", "surface", "country"), [
    ("Climbers returned to Everest base camp in Nepal.", "Everest", "NP"),  # on the border
    ("Ash from Mount Pelée fell on Fort-de-France.", "Mount Pelée", "MQ"),  # as its towns
    ("The Matterhorn towers over Zermatt.", "Matterhorn", "CH"),  # the outlines' answer
])
def test_a_peak_is_in_the_country_the_news_and_its_towns_give(text: str, surface: str,
                                                              country: str) -> None:
    """A summit on a border is in the country the news puts it in, and a volcano of an
    overseas department in the country GeoNames gives its towns, not France."""
    assert row(text, surface)["country_code"] == country


def test_a_peaks_name_that_is_a_towns_in_its_province_is_the_town() -> None:
    """"Etna, Pennsylvania" is the borough, not the volcano."""
    r = row("Police in Etna, Pennsylvania, closed a road.", "Etna")
    assert r["feature"] == "locality" and r["country_code"] == "US"


def test_a_small_islands_name_alone_is_no_place() -> None:
    """"Necker" alone is a surname as often as Richard Branson's island; "Necker Island" is
    the island, and a prominent atoll's name alone is the atoll ("Kwajalein")."""
    assert geo.geoparse("Necker announced new investments on Tuesday.").empty
    assert row("Guests flew to Necker Island for the wedding.", "Necker Island")[
        "place_id"].startswith("ne:landmark:")
    assert row("Missiles were tested at Kwajalein in the Marshall Islands.", "Kwajalein")[
        "place_id"].startswith("ne:landmark:")


def test_rivers_listed_after_the_or_before_rivers_are_rivers() -> None:
    """"The Tigris and Euphrates rivers": both short names are the rivers; and "the Euphrates
    river in Iraq" is the river, which flows through Iraq and more (not a town the gazetteer
    lacks, placed approximately in Iraq)."""
    g = geo.geoparse("Ancient cities rose on the Tigris and Euphrates rivers.")
    assert g["name"].tolist() == ["Tigris River", "Euphrates River"]
    assert row("Floods rose along the Euphrates river in Iraq.", "Euphrates river")[
        "place_id"].startswith("ne:river:euphrates")
    assert "Euphrates" not in geo.geoparse("Euphrates Ventures bought a firm in Dallas.")[
        "surface"].tolist()
    assert "Amazon" not in geo.geoparse("Ads by the Republicans and Amazon ran in Rio de "
                                        "Janeiro.")["surface"].tolist()


def test_a_river_needs_another_place_of_the_text_in_its_country_or_up_its_course() -> None:
    """The gazetteer has the big rivers only: "the Red River" in a story from Fargo is not
    Vietnam's (its mouth is 12,000 km away), nor "the Thames River" in one from London,
    Ontario, England's: each is a river the gazetteer lacks, by the text's town. In a story
    from Hanoi or London it is."""
    red = row("The Red River will crest at 39 feet in Fargo, North Dakota.", "Red River")
    assert red["place_id"] == "approx:red river" and "by Fargo" in red["placed_by"]
    thames = row("Canoeists paddled the Thames River through London, Ontario.", "Thames River")
    assert thames["country_code"] == "CA" and thames["place_id"].startswith("approx:")
    red = row("The Red River flooded streets in Hanoi, Vietnam.", "Red River")
    assert haversine_km(red.geometry.y, red.geometry.x, 20.3, 106.5) < 30
    assert row("Rowers raced on the River Thames in London, England.", "River Thames")[
        "country_code"] == "GB"
    # and a cape: Antarctica's Cape Ann is not the one by Gloucester, Massachusetts
    g = geo.geoparse("Fishermen off Cape Ann landed cod in Gloucester, Massachusetts.")
    assert "Cape Ann" not in g["surface"].tolist()


def test_a_small_town_nothing_in_the_text_supports_is_no_place() -> None:
    """"The Marburg virus" in a story about Angola and Uganda is a virus; "Titan said" among
    Texan places is a company; the same holds inside a longer name. A word that says it is a
    place, or a text that names it alone, keeps it."""
    def surfaces(text: str) -> list[str]:
        return geo.geoparse(text)["surface"].tolist()

    assert surfaces("The Marburg virus is spreading in Angola and Uganda.") == [
        "Angola", "Uganda"]
    assert "Titan" not in surfaces("Titan plans to drill near Arlington, Texas. Titan said "
                                   "the wells are safe.")
    assert surfaces("Pataskala zoning allows a burned block to be rebuilt.") == ["Pataskala"]
    assert "Marburg" in surfaces("Officials in Angola said a nurse from Marburg was ill.")
    # so inside a name: Brazil's Federal Police are no town in Argentina
    assert surfaces("Police raided offices in Rio de Janeiro, the Federal Police in Brasilia "
                    "said.") == ["Rio de Janeiro", "Brasilia"]


def test_a_town_of_unknown_population_counts_as_a_small_town(gaz: Gazetteer) -> None:
    """GeoNames gives no population for Twickenham: it starts as a town of 1,000, ahead of
    Huntsville, Alabama, which bore the name two centuries ago (an alternate name, marked
    down), not at nothing."""
    from geo.resolve import UNKNOWN_POPULATION, _candidates
    (m,) = mentions(gaz, "Signs went up in Twickenham.")
    c = _candidates(gaz, m)
    start = dict(zip((str(gaz.name[r]) for r in c.rows), c.base, strict=True))
    assert start["Twickenham"] == pytest.approx(0.5 * np.log10(UNKNOWN_POPULATION + 1))
    assert start["Twickenham"] > start["Huntsville"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Fans travelled from Southampton to Warwick for the match.",
     [("Southampton", "GB"), ("Warwick", "GB")]),
    ("He was born in Hamilton.", [("Hamilton", "CA")]),
])
def test_a_small_countrys_province_is_no_match_for_a_big_town(
        text: str, expected: list[tuple[str, str]]) -> None:
    """Bermuda's parishes (Southampton, Warwick, Hamilton) start as towns as big as the
    average parish, not as a province of a big country: the English cities and Hamilton,
    Ontario, win."""
    g = geo.geoparse(text)
    assert [(r["surface"], r["country_code"]) for _, r in g.iterrows()] == expected


def test_villages_named_after_a_big_city_stay_small() -> None:
    """Xi'an's namesake villages have no population in GeoNames: beside the city of 9.6
    million they count as nothing, however near the text's other places (Guangzhou) one is."""
    r = row("Chinese authorities locked down Xi'an and parts of Guangzhou and Shenzhen.", "Xi'an")
    assert haversine_km(r.geometry.y, r.geometry.x, 34.26, 108.93) < 50


def test_a_region_goes_by_the_english_names_given_it() -> None:
    """"Middle East" is a name Western Asia is given, not borrowed: no hamlet called Middle
    East in the text's focus country (Pennsylvania's) outranks it."""
    g = geo.geoparse("Units from Gainesville, Texas, served in the Pacific, the Middle East "
                     "and Italy, and some returned to Lindsay, Texas.")
    assert g.loc[g["surface"] == "Middle East", ["name", "feature"]].values.tolist() == [
        ["Western Asia", "region"]]


def test_a_metropolis_s_peer_is_a_city() -> None:
    """In a story about Texan firms, "New York and London" is London, England, not a
    California village of 1,869 the text's focus and region would pick; "Melbourne and
    Victoria" stays the town and its state."""
    g = geo.geoparse("Exxon said it would move from Irving, Texas, to Houston. Chevron, based "
                     "in San Ramon, California, moved last year. Analysts in New York and "
                     "London said the move would save money.")
    assert g.loc[g["surface"] == "London", "country_code"].tolist() == ["GB"]
    g = geo.geoparse("Fires burned between Melbourne and Victoria's border.")
    assert g.loc[g["surface"] == "Victoria", "feature"].tolist() == ["admin1"]


def test_a_metropolis_s_own_name_is_no_match_for_a_village_s_old_one() -> None:
    """Willard, Ohio, was once Chicago Junction: in an Ohio story "Chicago" is still the
    city of 2.7 million, however much of the text is in Ohio."""
    g = geo.geoparse("Flights to Chicago were cancelled in Ohio, where storms hit Toledo.")
    assert g.loc[g["surface"] == "Chicago", ["name", "country_code"]].values.tolist() == [
        ["Chicago", "US"]]


def test_a_seas_short_name_after_the_is_the_sea_whatever_the_texts_country() -> None:
    """"The Pacific" in a story about Alaska is the ocean, not Pacific, Missouri (a town of
    7,000 in the text's focus country); a town stated in its state keeps the name."""
    text = ("Birds most at risk are on the Pacific side of the Americas in Alaska and Oregon. "
            "The Atlantic flyway brings birds from Europe to Maine and Florida.")
    assert row(text, "Pacific")["name"] == "Pacific Ocean"
    assert row(text, "Atlantic")["name"] == "Atlantic Ocean"
    town = row("A man from Atlantic, Iowa, was hurt near Red Oak.", "Atlantic")
    assert (town["name"], town["country_code"]) == ("Atlantic", "US")


def test_names_listed_after_regions_of_are_regions() -> None:
    """"The regions of Donetsk and Luhansk" are the two oblasts, not their capital cities."""
    text = "The separatist regions of Donetsk and Luhansk were discussed in Minsk."
    assert row(text, "Donetsk")["feature"] == "admin1"
    assert row(text, "Luhansk")["feature"] == "admin1"


def test_a_town_a_compass_point_from_another_is_near_it() -> None:
    """"Waterloo, south of Brussels" is the Belgian town (30,000 people), not Waterloo, Iowa
    (68,000)."""
    assert row("Napoleon was defeated at Waterloo, south of Brussels.",
               "Waterloo")["country_code"] == "BE"


def test_the_object_of_a_verb_of_place_is_where_something_happened() -> None:
    """"Reached Timbuktu" says Timbuktu is a place as "in Timbuktu" would, in a text that
    names no other place in Mali."""
    text = "The expedition reached Timbuktu in 1828, having crossed the Sahara from Tangier."
    assert row(text, "Timbuktu")["country_code"] == "ML"


@pytest.mark.parametrize(
    ("text", "surface", "country", "lat", "lon"),
    [
        # regions made of whole counties (ADMIN2_UNIONS in the data scripts), at the middle
        # of their counties' towns, in their province
        ("Flooding closed roads across Long Island on Tuesday.", "Long Island", "US", 40.8,
         -73.1),  # not the Bahamas' island, nor Long Island City
        ("Beaches along the Jersey Shore reopened after the storm.", "Jersey Shore", "US",
         40.0, -74.3),  # not Jersey Shore, Pennsylvania
        ("Tech firms in Silicon Valley and the Bay Area laid off workers.", "Bay Area", "US",
         37.9, -122.3),
        ("The ferry from Orkney to Shetland was cancelled.", "Orkney", "GB", 59.0, -3.0),
        ("The ferry from Orkney to Shetland was cancelled.", "Shetland", "GB", 60.5, -1.2),
        ("Hunters in the Upper Peninsula braced for snow.", "Upper Peninsula", "US", 46.4,
         -87.0),
    ],
)
def test_a_region_made_of_counties(text: str, surface: str, country: str, lat: float,
                                   lon: float) -> None:
    r = row(text, surface)
    assert r["country_code"] == country
    assert haversine_km(r.geometry.y, r.geometry.x, lat, lon) < 80


def test_the_name_after_a_provinces_region_is_the_province() -> None:
    """"Long Island, New York": New York holds the region, so it is the state, as it is in
    "Buffalo, New York" (not New York City, a city holds no region)."""
    r = row("People fell ill in Long Island, New York, and in Pennsylvania.", "New York")
    assert r["feature"] == "admin1"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # England's regions by the names British news gives them, among English towns: not
        # Zimbabwe's Midlands province nor Singapore's North East district
        ("Snow fell across the North East, closing roads in Newcastle, Durham and Sunderland.",
         "North East"),
        ("Train services across the Midlands were cancelled, as Birmingham and Coventry "
         "flooded.", "Midlands"),
        ("Flooding hit the South West, with Exeter, Plymouth and Truro cut off.", "South West"),
    ],
)
def test_englands_regions_by_their_short_names(text: str, surface: str) -> None:
    r = row(text, surface)
    assert (r["name"], r["country_code"], r["feature"]) == (surface, "GB", "admin1")


def test_a_metropoliss_peer_is_the_metropolis_of_its_name() -> None:
    """"A trip to Paris and Rome" from Tyler, Texas, is no trip to Paris, Texas (100 km
    away): beside a metropolis, a name that is another metropolis's is that one."""
    text = "The Tyler, Texas, woman returned from a trip to Paris and Rome last week."
    assert row(text, "Paris")["country_code"] == "FR"
    assert row(text, "Rome")["country_code"] == "IT"
    # beside a metropolis, a name no metropolis bears is still read as a city
    assert row("Flights from Dallas and Tyler were cancelled.", "Tyler")["country_code"] == "US"


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        # beside a metropolis, a name that is only a province in its country is the province
        ("Storms hit Sydney and Victoria.", "Victoria", "AU"),  # not Hong Kong's Victoria
        ("The team flew from Perth to Darwin, then on to Bali and Jakarta.", "Bali", "ID"),
        ("Storms hit London and Kent.", "Kent", "GB"),
    ],
)
def test_a_metropoliss_peer_that_is_only_a_province_there(text: str, surface: str,
                                                          country: str) -> None:
    r = row(text, surface)
    assert (r["country_code"], r["feature"]) == (country, "admin1")
    # and one with a town there is the town: "New York and Washington"
    assert row("Talks in New York and Washington ended.", "Washington")["feature"] == "city"


def test_a_part_of_a_big_town_as_of_a_province() -> None:
    """"north Arlington" is a part of a big town as "northern Mali" is of a country; but
    where a province bears the name, the word speaks for it ("central Ontario", not Ontario,
    California)."""
    r = row("A site on a horse farm in north Arlington.", "Arlington")
    assert "'northern/southern…' cue" in r["placed_by"]
    assert (r["country_code"], r["feature"]) == ("US", "city")
    r = row("A family reunion in central Ontario's cottage country was marred by tragedy, a "
            "Pasadena woman said.", "Ontario")
    assert (r["country_code"], r["feature"]) == ("CA", "admin1")
    # (and the word gives the town nothing, wherever else the text leans)
    r = row("The Riverside native drowned at a lake in central Ontario.", "Ontario")
    assert r["feature"] != "city" or "'northern/southern…' cue" not in r["placed_by"]


def test_the_gaza_strip_and_the_west_bank_are_two_places() -> None:
    """Natural Earth's stand-ins for them had been no place: both names were the Palestinian
    Territory's, one point between them."""
    text = "Fighting spread from the West Bank to the Gaza Strip."
    gaza, west = row(text, "Gaza Strip"), row(text, "West Bank")
    assert (gaza["country_code"], gaza["feature"]) == ("PS", "admin1")
    assert (west["country_code"], west["feature"]) == ("PS", "admin1")
    assert gaza.geometry.distance(west.geometry) > 0.5  # degrees: 70 km and more apart


def test_a_comma_between_towns_listed_is_no_container() -> None:
    """In "Sirte, Ajdabiya and Bani Walid", Ajdabiya is a town and the district named after
    it, in which Sirte is not: the comma lists two towns (it had put Sirte at Ajdabiya). A
    place in the province is still in it ("Long Island, New York, and New Jersey")."""
    r = row("Libyan forces fought in Sirte, Ajdabiya and Bani Walid.", "Sirte")
    assert (r["name"], r["feature"]) == ("Sirte", "city")
    assert abs(r.geometry.x - 16.59) < 0.1
    text = "People fell ill in Long Island, New York, and New Jersey."
    assert row(text, "New York")["feature"] == "admin1"


@pytest.mark.parametrize(("text", "surface", "by", "lat", "lon"), [
    # no such river in the gazetteer: by the town the text names most, or in the sentence
    ("FARGO, N.D. -- The Red River will crest at 40 feet, Fargo officials said.",
     "Red River", "by Fargo", 46.88, -96.79),
    ("Torrington police said so. The Torrington fire chief agreed. Torrington residents "
     "watched the Naugatuck River rise, a Waterbury man said.", "Naugatuck River",
     "by Torrington", 41.80, -73.12),
    # where the text puts it, as it placed that place: Scotland's Perth, not Australia's
    ("Fishermen on the River Tay near Perth, Scotland were warned.", "River Tay", "at Perth",
     56.40, -3.43),
    # by the province or big town it is named after
    ("Remains were found on Delaware Bay beach.", "Delaware Bay", "in Delaware", 39.1, -75.5),
    ("Tolls rose at the Boston Harbor tunnels.", "Boston Harbor", "by Boston", 42.36, -71.06),
    ("Trails on Mount Bachelor's slopes near Portland, Oregon, reopened.", "Mount Bachelor",
     "by Portland", 45.52, -122.68),
    # a region of England (coded by no province): at its point, not at UK towns abroad
    ("The aqueduct over the River Lune is the finest in North West England.", "River Lune",
     "North West", 53.7, -2.5),
])
def test_a_water_the_gazetteer_lacks_is_placed_by_the_texts_places(
        text: str, surface: str, by: str, lat: float, lon: float) -> None:
    r = row(text, surface)
    assert by in r["placed_by"] and r["feature"] == "other" and r["confidence"] < 0.5
    assert haversine_km(r.geometry.y, r.geometry.x, lat, lon) < 50


def test_a_water_the_gazetteer_lacks_is_not_put_in_the_middle_of_a_country() -> None:
    """Where the text names only countries, nothing says where in them the river is."""
    g = geo.geoparse("The Mithi River flooded parts of India.")
    assert g["surface"].tolist() == ["India"]


def test_a_town_named_after_a_creek_is_no_water_placed_by_another_town() -> None:
    """"Battle Creek" is a town's own name: in a story from Alberta it is the Michigan town
    or nothing, not a creek placed approximately by Peace River."""
    g = geo.geoparse("Peace River, Alberta had snow. Battle Creek had snow too.")
    creek = g[g["surface"] == "Battle Creek"]
    assert not creek["place_id"].str.startswith("approx:").any()
    assert not (creek["country_code"] == "CA").any()
