#!/usr/bin/env python3
"""Rebuild data/sample/ from ../shared/corpora: small, deterministic slices in several input formats.

Run from the repo root: python3 data/scripts/build_sample.py
The slices are committed; this script documents exactly how they were cut.
"""
import csv, glob, gzip, json, os, shutil, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(ROOT, "..", "shared", "corpora")
OUT = os.path.join(ROOT, "data", "sample")


def read_jsonl(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def reuters():
    """About 40 articles per month, February to October 1987, in corpus order (JSON Lines, gzip)."""
    per_month = {}
    for a in read_jsonl(os.path.join(SHARED, "reuters21578", "articles.jsonl.gz")):
        month = a["published"][:7]
        per_month.setdefault(month, [])
        if len(per_month[month]) < 40:
            per_month[month].append(a)
    rows = [a for m in sorted(per_month) for a in per_month[m]]
    with gzip.open(os.path.join(OUT, "reuters-1987.jsonl.gz"), "wt", encoding="utf-8") as f:
        for a in rows:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    return len(rows)


def buzzfeed():
    """Ten articles of each of the nine outlets (CSV with a header; bodies keep their newlines)."""
    per_source = {}
    for a in read_jsonl(os.path.join(SHARED, "buzzfeed_webis_2016", "articles.jsonl.gz")):
        per_source.setdefault(a["source"], [])
        if len(per_source[a["source"]]) < 10:
            per_source[a["source"]].append(a)
    cols = ["id", "title", "text", "author", "source", "url", "orientation", "veracity"]
    n = 0
    with open(os.path.join(OUT, "buzzfeed-2016.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL)
        w.writerow(cols)
        for s in sorted(per_source):
            for a in per_source[s]:
                w.writerow([a.get(c) or "" for c in cols])
                n += 1
    return n


def fakenewsnet():
    """The first 20 real and 20 fake BuzzFeed articles of FakeNewsNet, raw newspaper3k JSON files, unchanged."""
    dst = os.path.join(OUT, "fakenewsnet")
    os.makedirs(dst, exist_ok=True)
    n = 0
    for kind in ("RealNewsContent", "FakeNewsContent"):
        files = sorted(glob.glob(os.path.join(SHARED, "fakenewsnet_v1", "Data", "BuzzFeed", kind, "*.json")),
                       key=lambda p: int(os.path.basename(p).split("_")[2].split("-")[0]))
        for p in files[:20]:
            shutil.copyfile(p, os.path.join(dst, os.path.basename(p)))
            n += 1
    return n


def sogou():
    """The first 30 Chinese articles (JSON Lines, plain)."""
    rows = read_jsonl(os.path.join(SHARED, "sogou_zh", "articles.jsonl.gz"))[:30]
    with open(os.path.join(OUT, "sogou-zh-2012.jsonl"), "w", encoding="utf-8") as f:
        for a in rows:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    return len(rows)


def bbc():
    """Four articles of each of the five BBC categories as plain-text files: title on the first line."""
    per_cat = {}
    for a in read_jsonl(os.path.join(SHARED, "bbc", "articles.jsonl.gz")):
        per_cat.setdefault(a["category"], [])
        if len(per_cat[a["category"]]) < 4:
            per_cat[a["category"]].append(a)
    dst = os.path.join(OUT, "bbc-text")
    os.makedirs(dst, exist_ok=True)
    n = 0
    for cat in sorted(per_cat):
        for a in per_cat[cat]:
            with open(os.path.join(dst, a["id"] + ".txt"), "w", encoding="utf-8") as f:
                f.write(a["title"] + "\n\n" + a["text"] + "\n")
            n += 1
    return n


if __name__ == "__main__":
    if not os.path.isdir(SHARED):
        sys.exit("build_sample.py: ../shared/corpora not found next to the repo")
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    counts = {"reuters-1987.jsonl.gz": reuters(), "buzzfeed-2016.csv": buzzfeed(),
              "fakenewsnet/": fakenewsnet(), "sogou-zh-2012.jsonl": sogou(), "bbc-text/": bbc()}
    for k, v in counts.items():
        print(f"{v:5d}  {k}")
    print(f"{sum(counts.values()):5d}  total")
