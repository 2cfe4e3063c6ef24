#!/usr/bin/env python3
"""newslens benchmark: one command, real corpus, scale curve, single-thread baseline, LDA vs MALLET.

    python3 bench/run.py                         # all of it on Reuters-21578 from ../shared (~20 min on 2 cores)
    python3 bench/run.py --scales 1 --no-lda     # a quick smoke
    python3 bench/run.py --baseline-scale 25     # the baseline comparison on ~500k articles (slow)

1. Scale curve: `./newslens terms --keep-duplicates` (local[2]) on the corpus resampled 1x, 2x, 4x (new ids,
   dates shifted by a year per copy; duplicates kept, else the copies would leave the analysis): per stage wall time, articles/s, MB/s of text, shuffle bytes and the driver's peak heap.
2. Baseline: `./newslens all --keep-duplicates --skip topics` and the single-threaded Java baseline
   (io.newslens.bench.Baseline: the same term counting and actor matching, no Spark) on the same file; their
   counts must be equal; the ratio baseline time / newslens time is the speed-up over one thread.
3. LDA: newslens's topic model against MALLET 2.0.8 on the same articles, vocabulary and NPMI scorer.

Results: bench/results/<timestamp>.json and the generated part of docs/benchmarks.md. Python standard library;
Maven builds the jar and the test classes the Java parts need.
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


def java_classpath():
    """The test classes plus every dependency (Baseline and LdaVsMallet live in the test sources)."""
    cp_file = os.path.join(ROOT, "bench", "work", "testcp.txt")
    subprocess.run(["mvn", "-B", "-q", "-DskipTests", "package", "dependency:build-classpath", "-pl", "jobs",
                    "-Dmdep.includeScope=test", "-Dmdep.outputFile=" + cp_file], cwd=ROOT, check=True)
    with open(cp_file) as f:
        deps = f.read().strip()
    return ":".join([os.path.join(ROOT, "jobs", "target", "test-classes"), os.path.join(ROOT, "jobs", "target", "classes"), deps])


def jvm_options():
    with open(os.path.join(ROOT, "jobs", "target", "jvm.options")) as f:
        return f.read().split()


def run_newslens(args, corpus, out, master):
    env = dict(os.environ, NEWSLENS_MASTER=master)
    started = time.time()
    run = subprocess.run(["./newslens"] + args + ["--input", corpus, "--output", out], cwd=ROOT, env=env,
                         capture_output=True, text=True)
    wall = time.time() - started
    if run.returncode != 0:
        sys.stderr.write(run.stderr[-5000:])
        sys.exit(f"bench: newslens exited with {run.returncode}")
    with open(os.path.join(out, "_manifest.json")) as f:
        return json.load(f), wall


def stage_rows(manifest, records, mb):
    rows = []
    for s in manifest["stages"]:
        sec = s["seconds"]
        rows.append({"stage": s["name"], "seconds": sec, "articles_per_s": round(records / sec, 1),
                     "text_mb_per_s": round(mb / sec, 2),
                     "shuffle_write_mb": round(s.get("shuffle_write_bytes", 0) / 1e6, 1),
                     "peak_heap_mb": s.get("peak_heap_mb")})
    return rows


def corpus_at(src, scale, work):
    if scale == 1:
        return (src,) + text_size(src)
    path = os.path.join(work, f"corpus-x{scale}.jsonl.gz")
    records, text_bytes = scaled_corpus(src, scale, path)
    return path, records, text_bytes


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="JSON Lines corpus (default: ../shared Reuters-21578)")
    ap.add_argument("--scales", default="1,2,4", help="scale factors of the curve (default 1,2,4)")
    ap.add_argument("--baseline-scale", type=int, default=1, help="scale of the baseline comparison (0 = skip)")
    ap.add_argument("--no-lda", action="store_true", help="skip LDA vs MALLET")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--no-record", action="store_true", help="do not rewrite docs/benchmarks.md")
    args = ap.parse_args()
    if not os.path.exists(args.corpus):
        sys.exit(f"bench: corpus not found: {args.corpus} (the default needs ../shared/corpora next to the repo)")
    work = os.path.join(ROOT, "bench", "work")
    os.makedirs(work, exist_ok=True)
    command = "python3 bench/run.py " + " ".join(a for a in sys.argv[1:])
    result = {"date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "command": command.strip(),
              "corpus": os.path.relpath(args.corpus, ROOT), "machine": machine(), "master": args.master}
    classpath = java_classpath()

    curve = []
    for scale in [int(x) for x in args.scales.split(",") if x]:
        corpus, records, text_bytes = corpus_at(args.corpus, scale, work)
        # The copies repeat titles and texts: without --keep-duplicates they would be removed as exact duplicates
        # and only ingest would grow with the scale.
        manifest, wall = run_newslens(["terms", "--keep-duplicates"], corpus, os.path.join(work, f"out-terms-x{scale}"),
                                      args.master)
        mb = text_bytes / 1e6
        stages = stage_rows(manifest, records, mb)
        run_seconds = sum(s["seconds"] for s in stages)
        curve.append({"scale": scale, "records": records, "text_mb": round(mb, 1), "stages": stages,
                      "stage_seconds": round(run_seconds, 1), "wall_seconds_with_jvm_start": round(wall, 1),
                      "articles_per_s": round(records / run_seconds, 1),
                      "peak_heap_mb": max(s["peak_heap_mb"] or 0 for s in stages),
                      "spark_version": manifest["spark_version"]})
        print(f"bench: terms x{scale}: {run_seconds:.1f} s of stages, {wall:.1f} s with JVM start", flush=True)
    result["scale_curve"] = curve
    if len(curve) > 1:
        result["wall_ratio_largest_to_1x"] = round(curve[-1]["stage_seconds"] / curve[0]["stage_seconds"], 2)

    if args.baseline_scale:
        corpus, records, text_bytes = corpus_at(args.corpus, args.baseline_scale, work)
        out = os.path.join(work, f"out-baseline-x{args.baseline_scale}")
        manifest, wall = run_newslens(["all", "--keep-duplicates", "--skip", "topics"], corpus, out, args.master)
        spark_seconds = sum(s["seconds"] for s in manifest["stages"])
        base_json = os.path.join(work, "baseline.json")
        run = subprocess.run(["java", "-Xmx8g"] + jvm_options() + ["-cp", classpath, "io.newslens.bench.Baseline",
                              corpus, "--verify", out, "--json", base_json], cwd=ROOT, capture_output=True, text=True)
        sys.stderr.write(run.stderr[-3000:])
        with open(base_json) as f:
            baseline = json.load(f)
        result["baseline"] = {"scale": args.baseline_scale, "records": records, "text_mb": round(text_bytes / 1e6, 1),
                              "newslens_stage_seconds": round(spark_seconds, 1),
                              "newslens_stages": stage_rows(manifest, records, text_bytes / 1e6),
                              "newslens_wall_with_jvm_start": round(wall, 1), "single_thread": baseline,
                              "speedup": round(baseline["seconds"] / spark_seconds, 2)}
        print(f"bench: baseline {baseline['seconds']} s vs newslens {spark_seconds:.1f} s; verified equal: "
              f"{baseline.get('verified_equal')}", flush=True)

    if not args.no_lda:
        lda_json = os.path.join(work, "lda.json")
        run = subprocess.run(["java", "-Xmx6g"] + jvm_options() + ["-Dspark.master=" + args.master, "-cp", classpath,
                              "io.newslens.bench.LdaVsMallet", args.corpus, "20", lda_json], cwd=ROOT,
                             capture_output=True, text=True)
        if run.returncode != 0:
            sys.stderr.write(run.stderr[-5000:])
            sys.exit("bench: LdaVsMallet failed")
        with open(lda_json) as f:
            lda = json.load(f)
        result["lda_vs_mallet"] = {k: lda[k] for k in ("articles", "vocabulary", "k", "newslens", "mallet")}
        print(f"bench: LDA newslens {lda['newslens']} / MALLET {lda['mallet']}", flush=True)

    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    name = datetime.datetime.now().strftime("%Y%m%dT%H%M%S") + ".json"
    with open(os.path.join(ROOT, "bench", "results", name), "w") as f:
        json.dump(result, f, indent=1)
    print(f"bench: wrote bench/results/{name}")
    if not args.no_record:
        record(result)


def record(r):
    """Rewrites the generated part of docs/benchmarks.md (between the bench markers) from one result."""
    lines = [f"Generated by `{r['command']}` on {r['date']}: {r['machine']['cores']} cores, {r['machine']['memory']}, "
             f"{r['machine']['java']}, master `{r['master']}`, corpus `{r['corpus']}`.", ""]
    if r.get("scale_curve"):
        lines += ["### Scale curve (`newslens terms --keep-duplicates`)", "",
                  "| scale | records | text MB | stages (s; shuffle written; peak heap) | stage total | articles/s | peak heap | wall incl. JVM start |",
                  "|---|---:|---:|---|---:|---:|---:|---:|"]
        for c in r["scale_curve"]:
            stages = ", ".join(f"{s['stage']} {s['seconds']:.1f} s; {s['shuffle_write_mb']} MB; {s['peak_heap_mb']} MB" for s in c["stages"])
            lines.append(f"| {c['scale']}x | {c['records']:,} | {c['text_mb']} | {stages} | {c['stage_seconds']} s | "
                         f"{c['articles_per_s']:,.0f} | {c['peak_heap_mb']} MB | {c['wall_seconds_with_jvm_start']} s |")
        if "wall_ratio_largest_to_1x" in r:
            lines += ["", f"wall({r['scale_curve'][-1]['scale']}x) / wall(1x) = **{r['wall_ratio_largest_to_1x']}** (stage time)."]
        lines.append("")
    if r.get("baseline"):
        b = r["baseline"]
        s = b["single_thread"]
        lines += ["### Single-thread baseline", "",
                  f"Corpus {b['scale']}x: {b['records']:,} records, {b['text_mb']} MB of text.", "",
                  "| run | seconds | articles/s | MB/s |", "|---|---:|---:|---:|",
                  f"| single-thread Java baseline (term counting + actor matching) | {s['seconds']} | {s['articles_per_s']:,} | {s['text_mb_per_s']} |",
                  f"| newslens `all --keep-duplicates --skip topics`, all stages | {b['newslens_stage_seconds']} | "
                  f"{round(b['records'] / b['newslens_stage_seconds']):,} | {round(b['text_mb'] / b['newslens_stage_seconds'], 2)} |",
                  "", "newslens stages: " + ", ".join(f"{x['stage']} {x['seconds']:.1f} s" for x in b["newslens_stages"]) + ".",
                  f"Counts verified equal: **{s.get('verified_equal')}**. Speed-up of newslens over one thread: **{b['speedup']}x**.", ""]
    if r.get("lda_vs_mallet"):
        l = r["lda_vs_mallet"]
        lines += ["### LDA: newslens vs MALLET", "",
                  f"{l['articles']:,} articles, {l['vocabulary']:,} words, k = {l['k']}, mean NPMI by the same scorer.", "",
                  "| model | fit seconds | mean NPMI |", "|---|---:|---:|",
                  f"| newslens ({l['newslens']['optimizer']}, {l['newslens']['iterations']} iterations, Spark {l['newslens']['spark_version']}, {l['newslens']['master']}) | {l['newslens']['fit_seconds']} | {l['newslens']['mean_npmi']} |",
                  f"| MALLET 2.0.8 (Gibbs, 200 iterations, 2 threads, hyper-parameters optimised every 10) | {l['mallet']['fit_seconds']} | {l['mallet']['mean_npmi']} |", ""]
    path = os.path.join(ROOT, "docs", "benchmarks.md")
    text = open(path).read()
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    if begin not in text or end not in text:
        sys.exit("bench: docs/benchmarks.md has no bench:begin/bench:end markers")
    text = text[:text.index(begin) + len(begin)] + "\n" + "\n".join(lines) + "\n" + text[text.index(end):]
    open(path, "w").write(text)
    print(f"bench: recorded in {os.path.relpath(path, ROOT)}")


if __name__ == "__main__":
    main()
