#!/usr/bin/env python3
"""Checks issue #20's acceptance points 1-2 on a run's reports (e.g. BuzzFeed-Webis 2016, which has no dates):

    ./newslens all --input ../shared/corpora/buzzfeed_webis_2016/articles.jsonl.gz --output out/buzzfeed
    /usr/bin/python3 data/scripts/check_analyst_output.py out/buzzfeed

Prints each check and exits 1 if one fails. Stop words are the term reports' own lists (Lucene's Snowball English
list and newslens's news function words, jobs/src/main/resources/io/newslens/text/news-stopwords-en.txt) and, for
topic labels, the topic stop list of the label's language (io/newslens/topics/stopwords/). Reads the reports
through notebooks/newslens_reports.py (pyarrow, or DuckDB's JDBC driver and JPype as in CI).
"""
import os
import re
import sys
import zipfile
import glob

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ["NEWSLENS_REPORTS"] = os.path.abspath(sys.argv[1])
sys.path.insert(0, os.path.join(ROOT, "notebooks"))
from newslens_reports import manifest, report  # noqa: E402


def words(path):
    with open(path, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip() and not w.startswith("#")}


def snowball():
    jar = sorted(glob.glob(os.path.expanduser("~/.m2/repository/org/apache/lucene/lucene-analysis-common/*/*.jar")))[-1]
    text = zipfile.ZipFile(jar).read("org/apache/lucene/analysis/snowball/english_stop.txt").decode("utf-8")
    return {line.split("|")[0].strip() for line in text.splitlines() if line.split("|")[0].strip()}


RES = os.path.join(ROOT, "jobs/src/main/resources/io/newslens")
term_stop = snowball() | words(os.path.join(RES, "text/news-stopwords-en.txt"))
failed = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failed.append(what)


m = manifest()
for name in ["term_frequencies", "keyness", "collocations", "topics", "actor_attention"]:
    check(m["reports"][name]["rows"] > 0, f"{name} has {m['reports'][name]['rows']} rows")
outlets = set(report("articles")["source"].dropna())
comparisons = set(report("keyness")["comparison"])
check({f"{o} vs rest" for o in outlets} <= comparisons, f"keyness compares each of the {len(outlets)} outlets with the rest")
warned = [w for w in m["warnings"] if "empty reports:" in w]
check(bool(warned), "a warning names the period reports that cannot be computed: " + (warned[0][:120] if warned else "none"))

vocab = report("vocabulary")
top50 = list(vocab[vocab["n"] == 1].sort_values(["doc_freq", "term"], ascending=[False, True]).head(50)["term"])
url_piece = re.compile(r"^(https?|www|com|org|net|co|ly|pic|twitter|t\.co)$|[./:@]")
bad = [t for t in top50 if t in term_stop or url_piece.search(t) or not re.search(r"[^\W\d_]", t)]
check(not bad, f"top 50 vocabulary terms: no stop word, URL piece or number {bad if bad else ''}")
print("     ", " ".join(top50))

boiler = {(r.source, r.phrase) for r in report("boilerplate").itertuples()}
phrases = {p for _, p in boiler}
coll = list(report("collocations").sort_values("g2", ascending=False).head(20)["bigram"])
bad = [b for b in coll if any(b in p for p in phrases)]
check(not bad, f"top 20 collocations: none is part of a boilerplate phrase {bad if bad else ''}")
print("     ", " | ".join(coll))

summary = report("topic_summary")
bad = []
for r in summary.itertuples():
    stop = words(os.path.join(RES, "topics/stopwords/en.txt")) | term_stop
    if r.language != "en" and os.path.exists(os.path.join(RES, f"topics/stopwords/{r.language}.txt")):
        stop |= words(os.path.join(RES, f"topics/stopwords/{r.language}.txt"))
    bad += [w for w in re.split(r" / | ", r.label) if w in stop]
check(not bad, f"topic labels: no word of their topic stop list {bad if bad else ''}")
sys.exit(1 if failed else 0)
