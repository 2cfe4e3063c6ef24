#!/usr/bin/env python3
"""Builds data/actors/actors.jsonl, the actor dictionary newslens ships, from public sources:

  * ../shared/dictionaries/countries/countries.json (mledoze/countries, ODbL 1.0): every country and territory
    with its names, ISO alpha-3 code, capitals (-> the government, as metonyms) and demonyms (-> the country);
  * data/actors/curated.jsonl (ours; role dates for people checked against the Phoenix/CAMEO dictionaries,
    MIT, where they cover them): extra aliases, historical countries, government bodies, parties,
    international organisations, companies and heads of state/government with dated roles;
  * the US states and a list of big cities below, which resolve to their country.

    python3 data/scripts/build_actors.py [--shared ../shared]

One actor per line: actor_id, name, type, country_code, cameo_code, aliases, demonyms, capitals, roles.
Python standard library only; the output is sorted, so a rebuild is byte-identical.
"""
import argparse, json, os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

US_STATES = ["Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
             "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana",
             "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana",
             "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York State", "North Carolina",
             "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina",
             "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington State", "West Virginia",
             "Wisconsin", "Wyoming"]

# AP-style state abbreviations, as US datelines write them ("STAMFORD, Conn.").
STATE_ABBREVIATIONS = {"Alabama": ["Ala."], "Arizona": ["Ariz."], "Arkansas": ["Ark."], "California": ["Calif."],
                       "Colorado": ["Colo."], "Connecticut": ["Conn."], "Delaware": ["Del."], "Florida": ["Fla."],
                       "Georgia": ["Ga."], "Illinois": ["Ill."], "Indiana": ["Ind."], "Kansas": ["Kan.", "Kans."],
                       "Kentucky": ["Ky."], "Louisiana": ["La."], "Maryland": ["Md."], "Massachusetts": ["Mass."],
                       "Michigan": ["Mich."], "Minnesota": ["Minn."], "Mississippi": ["Miss."], "Missouri": ["Mo."],
                       "Montana": ["Mont."], "Nebraska": ["Neb.", "Nebr."], "Nevada": ["Nev."], "New Hampshire": ["N.H."],
                       "New Jersey": ["N.J."], "New Mexico": ["N.M."], "New York State": ["N.Y."], "North Carolina": ["N.C."],
                       "North Dakota": ["N.D."], "Oklahoma": ["Okla."], "Oregon": ["Ore."], "Pennsylvania": ["Pa.", "Penn."],
                       "Rhode Island": ["R.I."], "South Carolina": ["S.C."], "South Dakota": ["S.D."], "Tennessee": ["Tenn."],
                       "Texas": ["Tex."], "Vermont": ["Vt."], "Virginia": ["Va."], "Washington State": ["Wash."],
                       "West Virginia": ["W.Va.", "W. Va."], "Wisconsin": ["Wis.", "Wisc."], "Wyoming": ["Wyo."]}

# Big non-capital cities (capitals come from the country data): city -> ISO alpha-3.
CITIES = {
    "USA": ["New York", "Chicago", "Los Angeles", "San Francisco", "Houston", "Dallas", "Boston", "Detroit",
            "Philadelphia", "Atlanta", "Miami", "Seattle", "Denver", "Minneapolis", "Pittsburgh", "Cleveland",
            "St. Louis", "Kansas City", "Phoenix", "San Diego", "Baltimore", "Cincinnati", "Milwaukee",
            "New Orleans", "Tulsa", "Omaha", "Des Moines", "Silicon Valley", "Oklahoma City", "Indianapolis",
            "Salt Lake City", "Nashville", "San Antonio", "Columbus", "Tampa", "Memphis", "Fort Worth", "Portland",
            "Hartford", "San Jose", "Stamford", "Akron", "Dayton", "Rochester", "Sacramento", "Las Vegas",
            "Boca Raton", "Palo Alto", "Santa Clara", "Beverly Hills"],
    "CAN": ["Toronto", "Montreal", "Vancouver", "Calgary"], "AUS": ["Sydney", "Melbourne", "Perth", "Brisbane"],
    "JPN": ["Osaka", "Yokohama", "Nagoya"], "CHN": ["Shanghai", "Guangzhou", "Shenzhen", "Wuhan", "Tianjin"],
    "DEU": ["Frankfurt", "Hamburg", "Munich", "Duesseldorf", "Düsseldorf", "Cologne"],
    "CHE": ["Zurich", "Geneva", "Basle", "Basel"], "ITA": ["Milan", "Turin", "Genoa", "Naples"],
    "GBR": ["Manchester", "Edinburgh", "Glasgow", "Birmingham", "Liverpool"], "FRA": ["Marseille", "Lyon"],
    "NLD": ["Rotterdam"], "IND": ["Bombay", "Mumbai", "Calcutta", "Kolkata", "Bangalore"],
    "BRA": ["Sao Paulo", "São Paulo", "Rio de Janeiro"], "ESP": ["Barcelona"], "RUS": ["St Petersburg", "Leningrad"],
    "TUR": ["Istanbul"], "PAK": ["Karachi"], "SAU": ["Jeddah"], "ZAF": ["Johannesburg", "Cape Town"],
    "VNM": ["Ho Chi Minh City", "Saigon"], "NGA": ["Lagos"], "KOR": ["Busan", "Pusan"],
}

# Adjectives that differ from the data's demonyms.
ADJECTIVES = {"TUR": ["Turkish"], "SWE": ["Swedish"], "ESP": ["Spanish"], "DNK": ["Danish"], "POL": ["Polish"],
              "FIN": ["Finnish"], "IRL": ["Irish"], "NOR": ["Norwegian"], "CHE": ["Swiss"], "THA": ["Thai"],
              "GBR": ["British"], "FRA": ["French"], "NLD": ["Dutch"], "ISL": ["Icelandic"], "HUN": ["Hungarian"],
              "PRT": ["Portuguese"], "GRC": ["Greek"], "ARG": ["Argentine"], "IRQ": ["Iraqi"], "ISR": ["Israeli"]}

# Capitals too common as other words or names to be read as a government.
CAPITAL_BLOCK = {"Victoria", "Hamilton", "Kingston", "George Town", "Jamestown", "Saint Helier", "Road Town",
                 "Charlotte Amalie", "Plymouth", "Philipsburg", "Marigot", "Gustavia", "King Edward Point",
                 "Adamstown", "Flying Fish Cove", "West Island", "Kingston", "Douglas", "St. Peter Port",
                 "Washington D.C.", "Brades", "The Valley", "Avarua", "Alofi"}


def clean(names):
    out = []
    for n in names:
        n = (n or "").strip()
        if len(n) >= 3 and n not in out:
            out.append(n)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    args = ap.parse_args()
    with open(os.path.join(args.shared, "dictionaries", "countries", "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    actors = {}
    for c in countries:
        code = c["cca3"]
        names = [c["name"]["common"], c["name"]["official"]] + [a for a in c.get("altSpellings", []) if not a.isupper()]
        zh = c.get("translations", {}).get("zho", {})
        names += [zh.get("common"), zh.get("official")]
        dem = c.get("demonyms", {}).get("eng", {})
        actors[code] = {"actor_id": code, "name": c["name"]["common"], "type": "country", "country_code": code,
                        "cameo_code": code, "aliases": clean(names),
                        "demonyms": clean([dem.get("m"), dem.get("f")] + ADJECTIVES.get(code, [])),
                        "capitals": [], "roles": []}
        capitals = clean([x for x in c.get("capital", []) if x not in CAPITAL_BLOCK])
        actors[code + "_GOV"] = {"actor_id": code + "_GOV", "name": "Government of " + c["name"]["common"],
                                 "type": "government body", "country_code": code, "cameo_code": code + "GOV",
                                 "aliases": [], "demonyms": [], "capitals": capitals, "roles": []}
    for state in US_STATES:
        aid = "USA_" + state.upper().replace(" ", "_").replace("_STATE", "")
        actors[aid] = {"actor_id": aid, "name": state.replace(" State", ""), "type": "place", "country_code": "USA",
                       "cameo_code": "USA", "aliases": [state] + STATE_ABBREVIATIONS.get(state, []), "demonyms": [],
                       "capitals": [], "roles": []}
    for code, cities in CITIES.items():
        for city in cities:
            aid = code + "_" + city.upper().replace(" ", "_").replace(".", "")
            actors[aid] = {"actor_id": aid, "name": city, "type": "place", "country_code": code, "cameo_code": code,
                           "aliases": [city], "demonyms": [], "capitals": [], "roles": []}
    with open(os.path.join(ROOT, "data", "actors", "curated.jsonl"), encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            cur = json.loads(line)
            cur.pop("note", None)
            base = actors.get(cur["actor_id"])
            if base is None:
                base = {"actor_id": cur["actor_id"], "name": cur.get("name", cur["actor_id"]), "type": cur.get("type"),
                        "country_code": cur.get("country_code"), "cameo_code": cur.get("cameo_code"),
                        "aliases": [], "demonyms": [], "capitals": [], "roles": []}
                actors[cur["actor_id"]] = base
            for key in ("name", "type", "country_code", "cameo_code"):
                if key in cur:
                    base[key] = cur[key]
            for key in ("aliases", "demonyms", "capitals"):
                for a in cur.get(key, []):
                    if a not in base[key]:
                        base[key].append(a)
            base["roles"] = cur.get("roles", base["roles"])
            # A capital given in the curated file goes to the government actor of that country.
            if base["type"] == "country" and base["capitals"] and cur.get("capitals"):
                gov = actors.setdefault(base["actor_id"] + "_GOV", {
                    "actor_id": base["actor_id"] + "_GOV", "name": "Government of " + base["name"],
                    "type": "government body", "country_code": base["country_code"],
                    "cameo_code": (base["cameo_code"] or base["actor_id"]) + "GOV",
                    "aliases": [], "demonyms": [], "capitals": [], "roles": []})
                for a in base["capitals"]:
                    if a not in gov["capitals"]:
                        gov["capitals"].append(a)
                base["capitals"] = []
    out = os.path.join(ROOT, "data", "actors", "actors.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for aid in sorted(actors):
            f.write(json.dumps(actors[aid], ensure_ascii=False) + "\n")
    print(f"wrote {len(actors)} actors to {out}")


if __name__ == "__main__":
    main()
