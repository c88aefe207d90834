#!/usr/bin/env python3
"""Builds the de-identification assistant's word lists in src/main/resources/deidentify/.

Run from the project root on a machine with ../shared/data and Debian's wamerican package
(/usr/share/dict/american-english):  python3 bench/deidentify-lists.py
The lists are committed; nothing runs this at build or run time. See deidentify/SOURCE.txt.
"""
import csv
import re
from collections import Counter
from pathlib import Path

SHARED = Path("../shared/data")
OUT = Path("src/main/resources/deidentify")
DICTIONARY = Path("/usr/share/dict/american-english")

FIRST_MIN = 20      # babies given the name in its most popular year
SURNAME_MIN = 300   # people with the surname in the 2010 Census
SAFENET_MIN = 3     # times a word is written in lower case in SAFENET narratives

first = {}
for line in (SHARED / "names/ssa_firstnames_maxoccurbysex.txt").read_text().splitlines():
    name, _, count, _ = line.split(",")
    if int(count) >= FIRST_MIN:
        first[name] = True
surnames = {}
with open(SHARED / "names/census2010_surnames.csv") as f:
    for row in list(csv.reader(f))[1:]:
        if int(row[1]) >= SURNAME_MIN:
            surnames[row[0].capitalize()] = True

cities = set()
with open(SHARED / "places/us_cities.csv") as f:
    for row in list(csv.reader(f))[1:]:
        cities.add(row[3].strip())
counties = set()
for line in (SHARED / "places/census2017_gazetteer_counties.txt").read_text(encoding="utf-8", errors="replace").splitlines():
    counties.add(line.split("|")[3].strip())
states = [line.split("|")[2].strip() for line in (SHARED / "places/census_states.txt").read_text().splitlines()]

# Ordinary words: lower-case dictionary entries, capitalised ones that are neither a person's name
# nor a US place (nationalities, holidays, months...), and words SAFENET's writers put in lower case.
# Compared without case: the dictionary writes "McDowell", the Census "MCDOWELL" (kept as "Mcdowell").
known_names = {w.lower() for w in first} | {w.lower() for w in surnames} | {c.lower() for c in cities}
ordinary = set()
for word in DICTIONARY.read_text(encoding="utf-8").splitlines():
    word = word.strip()
    if not word.isalpha():
        continue
    if word.islower():
        ordinary.add(word)
    elif word.isupper() and word not in first and word not in surnames and word not in cities:
        ordinary.add(word.lower())  # initialisms (ER, GA, MBA): as written
    elif word[0].isupper() and word.lower() not in known_names:
        ordinary.add(word.lower())
lower = Counter()
with open(SHARED / "safenet/safenet_1999_2021_combined.csv", encoding="utf-8", errors="replace") as f:
    for row in csv.DictReader(f):
        for word in re.findall(r"(?<![\w'])[a-z]{3,}(?![\w'])", row.get("Narrative") or ""):
            lower[word] += 1
ordinary.update(w for w, n in lower.items() if n >= SAFENET_MIN)

def write(name, lines):
    (OUT / name).write_text("\n".join(sorted(lines)) + "\n", encoding="utf-8")

write("first-names.txt", first)
write("surnames.txt", surnames)
write("ordinary-words.txt", ordinary)
write("us-places.txt", {c for c in cities | counties if c and c not in states})
print(len(first), "first names,", len(surnames), "surnames,", len(ordinary), "ordinary words,",
      len(cities | counties), "places")
