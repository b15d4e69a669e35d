"""Word lists that decide whether a capitalised word is a place, a person or a name part.

The large lists (common English words that are also place names, given names) are derived
by ``scripts/derive_data.py`` into ``data/lexicon/``; the short closed classes live here.
"""

from __future__ import annotations

import functools
from pathlib import Path

LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicon"

# Words before a name that make it a person: "president Francois Hollande", "Captain Sanogo".
TITLES = frozenset(
    """
president vice-president prime premier minister secretary chancellor senator sen rep representative
governor gov mayor judge justice sheriff deputy chief officer detective sergeant sgt captain capt
colonel col lieutenant lt general gen major maj admiral commander mr mrs ms miss dr doctor prof
professor rev reverend pastor father bishop cardinal pope imam sheikh emir king queen prince
princess lord sir dame ambassador envoy commissioner director coach spokesman spokeswoman
preacher cleric leader chairman chairwoman ceo founder councilman councilwoman superintendent
principal attorney lawyer candidate dictator strongman warlord mullah ayatollah emperor sultan
""".split()
)

# Head words of organisation names: a place inside "US Africa Command" is part of a name.
ORG_WORDS = frozenset(
    """
command brigade brigades battalion regiment division legion army navy corps police guard guards
front movement party group university college school academy institute council committee
commission union league association federation foundation society company corporation corp inc
ltd llc bank agency authority board bureau department ministry office service services court
parliament senate assembly congress times post news herald journal tribune gazette press daily
radio television tv club team fc airlines airways railway railways hospital clinic church
agence presse
community organization organisation alliance coalition mission operation fund initiative
program programme project network observatory caliphate emirate cup championship open
magazine review channel broadcasting studios records museum stadium center centre voice
library libraries sheriff jail prison schools united real athletic chamber
""".split()
)

# Lower-case words that may sit inside a place name: "Bosnia and Herzegovina", "Rio de Janeiro".
CONNECTORS = frozenset(
    "of de del da do dos das la le les du and on upon in the el al des di y sur am an der den "
    "van von es au aux".split()
)

# Particles inside people's names: "Yahya Abou al-Hammam", "Osama bin Laden".
# Words a sentence starts with that begin no name: "A DeKalb man", "The Edwardsville council".
FUNCTION_WORDS = frozenset(
    """
a an the this that these those his her its their our my your in at on for from to by with as
of and but or if when while after before since during about some many all most every each no
""".split()
)
NAME_PARTICLES = frozenset("al el bin ibn ben abou abu ould ag van von de da di du le la".split())

# Words after a name that make it a people, not a place: "the Bambara population".
PEOPLE_WORDS = frozenset(
    """
population populations people peoples tribe tribes tribesmen tribal militia militias rebel rebels
separatists separatist allies leader leaders fighters language languages ethnic community clan clans
herders nomads minority majority countries nations nationality nationals
""".split()
)

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Capitalised words that are never places on their own, though places bear their names
# ("the Duma" is Russia's parliament; the Syrian town is written "Douma"; "died from Ebola in
# Congo" is the virus, named after a river).
NOT_PLACES = WEEKDAYS | frozenset(
    """
january february april june july
august september october november december christmas easter thanksgiving halloween ramadan
hamas hezbollah hizbollah fatah taliban nato xinhua reuters god commonwealth google duma
ebola zika covid
""".split()
) | {"red cross", "red crescent"}
# Seats of government named in news for the government itself ("the White House said", "a
# White House statement"), which share a spelling with some village ("White House",
# Tennessee): the village only where the text puts it in its province.
SEATS_OF_GOVERNMENT = frozenset({"white house"})
# Buildings and sites, which stand in the place named after them ("the Royal Alexandra Hospital
# in Paisley", "Franklin Elementary in Santa Ana"): that place is a location, not part of a name.
FACILITY_WORDS = frozenset(
    """
hospital clinic school elementary academy college university campus centre center church
cathedral mosque temple synagogue airport hotel museum prison jail courthouse station stadium
arena library mall plant factory base barracks park zoo theatre theater hall farm mine port
""".split()
)
# Makers of cars and motorcycles, several of which are also towns ("Toyota", "Lincoln",
# "Cadillac", "Plymouth"): a text about a crash names the car, not the town (see VEHICLE_WORDS).
VEHICLE_MAKES = frozenset(
    """
acura alfa aston audi bentley bmw buick cadillac chevrolet chevy chrysler citroen dacia daewoo
datsun dodge ducati fiat ford freightliner gmc harley holden honda hummer hyundai infiniti isuzu
jaguar jeep kawasaki kenworth kia lada lexus lincoln mack mazda mercedes mercury mitsubishi
nissan oldsmobile opel peterbilt peugeot plymouth pontiac porsche renault saab saturn scion
seat skoda subaru suzuki tata tesla toyota vauxhall volkswagen volvo yamaha
""".split()
)
# Words around a maker's name that make it a vehicle: "a Toyota pickup", "a Toyota Camry
# driven by…", "driving a Cadillac".
VEHICLE_WORDS = frozenset(
    """
car cars truck trucks pickup pickups sedan suv suvs van minivan coupe convertible wagon
hatchback limousine vehicle vehicles motorcycle motorcycles motorbike dealership dealerships
dealer dealers driven
""".split()
)
# The last words of street names: "Old Alton Edwardsville Road" names no person Alton (not
# "Lane", a surname).
STREET_WORDS = frozenset(
    """
street st road rd avenue ave boulevard blvd drive dr ln highway hwy parkway pkwy pike turnpike
expressway freeway terrace
""".split()
)
# Months and seasons that are also towns' names ("March", Cambridgeshire; "Spring", Texas).
SEASONS = frozenset("march may spring summer fall autumn winter".split())
# A country's or province's own bodies: "the California Department of Public Health".
GOVERNMENT_WORDS = frozenset(
    """
department dept ministry government army navy military police parliament congress senate
assembly legislature court courts embassy consulate forces
""".split()
)
# Postal abbreviations of provinces, which addresses and much web news write after a town
# ("Kelowna, BC", "Bendigo VIC 3550"): a place only there (see recognise). The US states'
# are GeoNames' own admin-1 codes ("Austin, TX"), so they need no list.
POSTAL_PROVINCES = {
    "CA": {"AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
           "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories",
           "NU": "Nunavut", "ON": "Ontario", "PE": "Prince Edward Island", "QC": "Quebec",
           "SK": "Saskatchewan", "YT": "Yukon"},
    "AU": {"ACT": "Australian Capital Territory", "NSW": "New South Wales",
           "NT": "Northern Territory", "QLD": "Queensland", "SA": "South Australia",
           "TAS": "Tasmania", "VIC": "Victoria", "WA": "Western Australia"},
}
# Words of the landscape that some province or town is named by alone ("Gulf", Papua New
# Guinea; "Islands", Hong Kong; "Lakes", South Sudan): in the news mostly the word itself or
# a word of a longer name ("the Gulf", "the Farallon Islands"; see recognise and resolve)
LANDSCAPE_WORDS = frozenset("lakes islands island gulf delta coast bay valley highlands plains "
                            "hills peninsula desert river mountains".split())
# Month abbreviations, which are dates before a day's number ("Nov. 24", "Sept 3"); else a
# name may be a place ("Nice", "Mar del Plata").
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Movements, agencies and alliances that share a spelling with some place ("Hamas" is also an
# old name of Hamm) are listed above with the calendar words: in news they are never places.

# English endings of derived words ("Republican", "Danish"): such a word is not a misspelt
# place name, so it is never matched by spelling alone.
DERIVED_ENDINGS = ("an", "ans", "ian", "ians", "ese", "ish", "ist", "ists", "ism", "ic", "ics")


@functools.cache
def _words(name: str) -> frozenset[str]:
    path = LEXICON / f"{name}.txt"
    return frozenset(path.read_text(encoding="utf-8").split("\n")) - {""}


def common_words() -> frozenset[str]:
    """Place names that are also everyday lower-case English words ("still", "reading")."""
    return _words("common_words")


def given_names() -> frozenset[str]:
    """Folded given names ("johnnie", "mahmoud") from gender-guesser's list."""
    return _words("given_names")


def given_words() -> frozenset[str]:
    """Given names that are also everyday words ("jay", "jerry", "will"): names only
    mid-sentence, before a name that is no big place ("Jerry Hughes", not "Will Texas")."""
    return _words("given_words")
