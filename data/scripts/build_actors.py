#!/usr/bin/env python3
"""Builds data/actors/actors.jsonl, the actor dictionary newslens ships, from public sources:

  * ../shared/dictionaries/countries/countries.json (mledoze/countries, ODbL 1.0): every country and territory
    with its names, ISO alpha-3 code, capitals (-> the government, as metonyms) and demonyms (-> the country);
  * data/actors/curated.jsonl (ours; role dates for people checked against the Phoenix/CAMEO dictionaries,
    MIT, where they cover them): extra aliases, historical countries, government bodies, parties,
    international organisations, companies and heads of state/government with dated roles;
  * the US states and a list of big cities below, which resolve to their country;
  * ../shared/dictionaries/phoenix/Phoenix.Countries.actors.txt (Phoenix/CAMEO, MIT): every person who held a
    government (XXXGOV) code of a G20 country, with their full-name aliases and dated codes.

    python3 data/scripts/build_actors.py [--shared ../shared]

One actor per line: actor_id, name, type, country_code, cameo_code, aliases, demonyms, capitals, roles.
Python standard library only; the output is sorted, so a rebuild is byte-identical.
"""
import argparse, json, os, unicodedata

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


G20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU",
       "ZAF", "TUR", "GBR", "USA"}
TITLES = ("PRESIDENT", "PRIME", "SECRETARY", "MINISTER", "MR", "MRS", "MS", "DR", "FORMER", "GENERAL", "GEN", "SEN",
          "SENATOR", "GOVERNOR", "GOV", "CHANCELLOR", "PREMIER", "KING", "QUEEN", "PRINCE", "VICE", "US", "U.S.", "UN",
          "FOREIGN", "DEFENSE", "DEFENCE", "FINANCE", "CHIEF", "LEADER", "COL", "ADMIRAL", "AMBASSADOR", "SPEAKER",
          "REP", "REPRESENTATIVE", "DEPUTY", "ACTING", "THE")


def phoenix_date(s):
    """yymmdd or yyyymmdd to yyyy-mm-dd (two-digit years before 30 are 20xx)."""
    if len(s) == 6:
        yy = int(s[:2])
        s = ("20" if yy < 30 else "19") + s
    if len(s) != 8 or not s.isdigit():
        return None
    month, day = int(s[4:6]) or 1, int(s[6:8]) or 1
    return f"{s[:4]}-{month:02d}-{day:02d}"


def phoenix_name(raw):
    """ "JAMES_A._BAKER_III_" -> "James A. Baker III"; None for a title-led or one-word name."""
    words = [w for w in raw.strip().strip("_").split("_") if w]
    if len(words) < 2 or words[0].upper() in TITLES:
        return None
    out = []
    for w in words:
        out.append(w if w in ("II", "III", "IV", "JR.", "SR.") or "." in w and len(w) <= 3 else w[:1] + w[1:].lower())
    name = " ".join(out)
    return name.replace("Jr.", "Jr.").replace(" Mc", " Mc")


def phoenix_people(path, taken):
    """People of the Phoenix country dictionary who held a G20 government code, as our actors."""
    import re
    people, cur = [], None
    with open(path, encoding="latin-1") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line[0] in " \t":
                if cur is not None:
                    for m in re.finditer(r"\[([A-Z]{3,})\s*([^\]]*)\]", line):
                        cur["codes"].append((m.group(1), m.group(2).strip()))
                continue
            if line.startswith("+"):
                if cur is not None:
                    cur["aliases"].append(line[1:].split(";")[0])
                continue
            cur = {"name": line.split(";")[0], "aliases": [], "codes": []}
            people.append(cur)
    actors = {}
    for p in people:
        gov = [c for c, _ in p["codes"] if c[:3] in G20 and c[3:6] == "GOV"]
        name = phoenix_name(p["name"])
        if not gov or name is None:
            continue
        aliases = []
        for a in [p["name"]] + p["aliases"]:
            n = phoenix_name(a)
            if n and n not in aliases and n.lower() not in taken:
                aliases.append(n)
        if not aliases:
            continue
        roles, default = [], None
        for code, dates in p["codes"]:
            if not dates:
                default = code
                continue
            start = end = None
            if dates.startswith(">"):
                start = phoenix_date(dates[1:])
            elif dates.startswith("<"):
                end = phoenix_date(dates[1:])
            elif "-" in dates:
                a, b = dates.split("-", 1)
                start, end = phoenix_date(a), phoenix_date(b)
            role = {"code": code}
            if start:
                role["from"] = start
            if end:
                role["to"] = end
            roles.append(role)
        aid = "PHX_" + p["name"].strip().strip("_").upper()
        actors[aid] = {"actor_id": aid, "name": name, "type": "person", "country_code": gov[0][:3],
                       "cameo_code": default or gov[0], "aliases": aliases, "demonyms": [], "capitals": [], "roles": roles}
        taken.update(a.lower() for a in aliases)
    return actors


def han(name):
    """Every character a Han ideograph: 中国, 美国, 日本."""
    return all(unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH") for ch in name)


def clean(names):
    """Names of at least three characters (two-letter Latin strings are codes, not names), or two Han characters:
    most Chinese country names are two (中国, 美国, 日本, 英国), and a two-character Chinese word is a word."""
    out = []
    for n in names:
        n = (n or "").strip()
        if (len(n) >= 3 or len(n) == 2 and han(n)) and n not in out:
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
    # Phoenix people last: a name ours already has (curated leaders, places) stays ours.
    taken = {a.lower() for actor in actors.values() for a in actor["aliases"] + actor["demonyms"] + actor["capitals"]}
    phoenix = os.path.join(args.shared, "dictionaries", "phoenix", "Phoenix.Countries.actors.txt")
    people = phoenix_people(phoenix, taken)
    actors.update(people)
    out = os.path.join(ROOT, "data", "actors", "actors.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for aid in sorted(actors):
            f.write(json.dumps(actors[aid], ensure_ascii=False) + "\n")
    print(f"wrote {len(actors)} actors to {out}")


if __name__ == "__main__":
    main()
