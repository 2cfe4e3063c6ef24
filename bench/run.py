#!/usr/bin/env python3
"""newslens benchmark: one command, real corpus, optional scale-up, figures recorded.

    python3 bench/run.py                      # Reuters-21578 from ../shared, 1x, command 'terms'
    python3 bench/run.py --scale 4            # the corpus resampled 4 times (new ids, dates shifted a year per copy)
    python3 bench/run.py --corpus FILE.jsonl.gz --command all

Runs ./newslens with a local[2] master (the 2-core figure), reads the run manifest and records, per
stage, wall time, articles/s and MB/s of article text (title + body, UTF-8), plus the machine, in
bench/results/<run>.json and as a row of the table in docs/benchmarks.md. Python standard library only.
"""
import argparse, datetime, gzip, json, os, platform, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(ROOT, "..", "shared", "corpora", "reuters21578", "articles.jsonl.gz")


def scaled_corpus(src, scale, dst):
    """Writes `scale` copies of every record: new ids, dates shifted by whole years; returns (records, text bytes)."""
    records = text_bytes = 0
    with gzip.open(dst, "wt", encoding="utf-8") as out:
        for k in range(scale):
            with gzip.open(src, "rt", encoding="utf-8") as f:
                for line in f:
                    a = json.loads(line)
                    if k:
                        a["id"] = f"{a.get('id')}-x{k}"
                        p = a.get("published")
                        if isinstance(p, str) and len(p) >= 4 and p[:4].isdigit():
                            a["published"] = str(int(p[:4]) + k) + p[4:]
                    out.write(json.dumps(a, ensure_ascii=False) + "\n")
                    records += 1
                    text_bytes += len((a.get("title") or "").encode()) + len((a.get("text") or "").encode())
    return records, text_bytes


def text_size(src):
    records = text_bytes = 0
    opener = gzip.open if src.endswith(".gz") else open
    with opener(src, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            records += 1
            text_bytes += len((a.get("title") or "").encode()) + len((a.get("text") or "").encode())
    return records, text_bytes


def machine():
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            mem = f"{int(f.readline().split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    return {"cores": os.cpu_count(), "memory": mem, "os": platform.platform(),
            "java": subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="JSON Lines corpus (default: ../shared Reuters-21578)")
    ap.add_argument("--scale", type=int, default=1, help="resample the corpus this many times (default 1)")
    ap.add_argument("--command", default="terms", help="newslens command to time (default terms)")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--no-record", action="store_true", help="do not add a row to docs/benchmarks.md")
    args = ap.parse_args()
    if not os.path.exists(args.corpus):
        sys.exit(f"bench: corpus not found: {args.corpus} (the default needs ../shared/corpora next to the repo)")

    work = os.path.join(ROOT, "bench", "work")
    os.makedirs(work, exist_ok=True)
    if args.scale > 1:
        corpus = os.path.join(work, f"corpus-x{args.scale}.jsonl.gz")
        records, text_bytes = scaled_corpus(args.corpus, args.scale, corpus)
    else:
        corpus = args.corpus
        records, text_bytes = text_size(corpus)
    out = os.path.join(work, f"out-{args.command}-x{args.scale}")
    cmd = ["./newslens", args.command, "--input", corpus, "--output", out]
    env = dict(os.environ, NEWSLENS_MASTER=args.master)
    started = time.time()
    run = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.time() - started
    if run.returncode != 0:
        sys.stderr.write(run.stderr[-5000:])
        sys.exit(f"bench: newslens exited with {run.returncode}")
    manifest = json.load(open(os.path.join(out, "_manifest.json")))
    mb = text_bytes / 1e6
    stages = []
    for s in manifest["stages"]:
        sec = s["seconds"]
        stages.append({"stage": s["name"], "seconds": sec, "articles_per_s": round(records / sec, 1),
                       "text_mb_per_s": round(mb / sec, 2)})
    analysed = sum(s["seconds"] for s in manifest["stages"] if s["name"] in ("corpus", "terms"))
    result = {
        "run_id": manifest["run_id"], "date": datetime.date.today().isoformat(),
        "command": " ".join(["NEWSLENS_MASTER=" + args.master, "python3 bench/run.py", "--scale", str(args.scale),
                             "--command", args.command] + (["--corpus", args.corpus] if args.corpus != DEFAULT_CORPUS else [])),
        "corpus": os.path.relpath(args.corpus, ROOT), "scale": args.scale, "records": records,
        "text_mb": round(mb, 1), "wall_seconds_with_jvm_start": round(wall, 1),
        "stages": stages, "machine": machine(), "spark_version": manifest["spark_version"],
        "text_layer_and_terms": {"seconds": round(analysed, 1),
                                 "articles_per_s": round(records / analysed, 1) if analysed else None,
                                 "text_mb_per_s": round(mb / analysed, 2) if analysed else None},
    }
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    with open(os.path.join(ROOT, "bench", "results", manifest["run_id"] + ".json"), "w") as f:
        json.dump(result, f, indent=1)
    print(json.dumps(result, indent=1))
    if not args.no_record:
        record(result)


def record(r):
    path = os.path.join(ROOT, "docs", "benchmarks.md")
    row = "| {date} | {scale}x | {records:,} | {text_mb} | {stages} | {tt} s, {aps:,.0f} art/s, {mbs} MB/s | {wall} s | {cores} cores, {mem} |".format(
        date=r["date"], scale=r["scale"], records=r["records"], text_mb=r["text_mb"],
        stages=", ".join(f"{s['stage']} {s['seconds']:.1f} s" for s in r["stages"]),
        tt=r["text_layer_and_terms"]["seconds"], aps=r["text_layer_and_terms"]["articles_per_s"] or 0,
        mbs=r["text_layer_and_terms"]["text_mb_per_s"], wall=r["wall_seconds_with_jvm_start"],
        cores=r["machine"]["cores"], mem=r["machine"]["memory"])
    text = open(path).read() if os.path.exists(path) else ""
    marker = "<!-- bench rows -->"
    if marker not in text:
        sys.exit("bench: docs/benchmarks.md has no '<!-- bench rows -->' marker")
    text = text.replace(marker, row + "\n" + marker)
    open(path, "w").write(text)
    print(f"bench: recorded in {os.path.relpath(path, ROOT)}")


if __name__ == "__main__":
    main()
