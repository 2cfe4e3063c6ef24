#!/usr/bin/env python3
"""newslens benchmark: one command, real corpus, scale curve, single-thread baseline, LDA vs MALLET.

    python3 bench/run.py                         # all of it on Reuters-21578 from ../shared (~20 min on 2 cores)
    python3 bench/run.py --scales 1 --no-lda     # a quick smoke
    python3 bench/run.py --baseline-scale 25     # the baseline comparison on ~500k articles (slow)

1. Scale curve: `newslens terms --keep-duplicates` on the corpus resampled 1x, 2x, 4x (new ids, dates shifted
   by a year per copy; duplicates kept, else the copies would leave the analysis), submitted to a one-machine
   standalone cluster (Master + one Worker with every core) so the driver has its own JVM (-Xmx1g): per stage
   wall time, articles/s, MB/s of text, shuffle bytes and the driver's heap (peak, and after garbage collection).
2. Baseline: the single-threaded Java baseline (io.newslens.bench.Baseline: the same term counting and actor
   matching, no Spark) against `./newslens all --keep-duplicates --skip topics`, once limited to the two reports
   the baseline computes (`--reports term_frequencies,actor_mentions`: the same work) and once in full, on the
   same file; the counts must be equal; baseline time / newslens time is the speed-up over one thread.
3. LDA: newslens's topic model against MALLET 2.0.8 on the same articles, vocabulary and NPMI scorer.

Results: bench/results/<timestamp>.json and the generated part of docs/benchmarks.md. Python standard library;
Maven builds the jar and the test classes the Java parts need.
"""
import argparse, datetime, gzip, json, os, platform, shlex, subprocess, sys, time
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


LONG_SOURCES = ("bbc", "buzzfeed_webis_2016")


def long_corpus(articles, dst, parts=8):
    """The long-article scenario: `articles` records resampled from ../shared's BBC and BuzzFeed-Webis 2016 news
    (~2.8 KB of text each). Record j takes the title, outlet and paragraph shape of source article j mod n, and each
    of its sentences is drawn (seeded) from the sentences of that article's corpus (all of BBC, or all of BuzzFeed:
    an outlet of a few dozen articles would repeat its sentences so often that they became its boilerplate): real
    sentences at real article lengths, but no two records copies of each other (sharing a sentence here and there),
    so exact and near-duplicate detection do their ordinary work. Dates spread over 2016-2017. Written once as one gzip file and again as
    `parts` gzip files of a folder (a single gzip file is read by one task). Returns (one file, folder, records,
    text bytes); an earlier build with the same size is reused."""
    import random, re
    folder = dst[:-len(".jsonl.gz")] + f"-{parts}-files"
    if os.path.exists(dst) and os.path.isdir(folder) and len(os.listdir(folder)) == parts:
        return (dst, folder) + text_size(dst)
    shared = os.path.join(ROOT, "..", "shared", "corpora")
    split = re.compile(r"(?<=[.!?\"'])\s+(?=[A-Z\"'])")
    templates, pools = [], {}
    for name in LONG_SOURCES:
        with gzip.open(os.path.join(shared, name, "articles.jsonl.gz"), "rt", encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                text, outlet = (a.get("text") or "").strip(), a.get("source") or name
                if len(text) < 200:
                    continue
                shape = []
                for para in [p for p in text.split("\n") if p.strip()]:
                    sentences = [s for s in split.split(para.strip()) if s]
                    pools.setdefault(name, []).extend(sentences)
                    shape.append(len(sentences))
                templates.append((a.get("title") or "", outlet, name, shape))
    rng = random.Random(14)
    start = datetime.date(2016, 1, 1)
    records = text_bytes = 0
    os.makedirs(folder, exist_ok=True)
    outs = [gzip.open(os.path.join(folder, f"part-{k:02d}.jsonl.gz"), "wt", encoding="utf-8") for k in range(parts)]
    with gzip.open(dst, "wt", encoding="utf-8") as one:
        for j in range(articles):
            title, outlet, corpus, shape = templates[j % len(templates)]
            pool = pools[corpus]
            text = "\n".join(" ".join(rng.choice(pool) for _ in range(n)) for n in shape)
            day = start + datetime.timedelta(days=(j * 7919) % 731)
            line = json.dumps({"id": f"long-{j}", "title": title, "text": text, "source": outlet,
                               "published": f"{day.isoformat()}T{(j * 37) % 24:02d}:00:00Z"}, ensure_ascii=False) + "\n"
            one.write(line)
            outs[j % parts].write(line)
            records += 1
            text_bytes += len(title.encode()) + len(text.encode())
    for o in outs:
        o.close()
    return dst, folder, records, text_bytes


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


class StandaloneCluster:
    """A one-machine Spark standalone cluster (a Master and one Worker with every core, started from the jars Maven
    resolved) so that the driver runs in its own JVM and its heap is the driver's alone."""

    def __init__(self, work, worker_memory="12g"):
        import socket
        self.dir = os.path.join(work, "cluster")
        jars = os.path.join(self.dir, "spark-home", "jars")
        os.makedirs(jars, exist_ok=True)
        with open(os.path.join(ROOT, "jobs", "target", "spark-classpath.txt")) as f:
            for jar in f.read().strip().split(":"):
                link = os.path.join(jars, os.path.basename(jar))
                if not os.path.exists(link):
                    os.symlink(jar, link)
        ports = []
        for _ in range(3):
            with socket.socket() as sock:
                sock.bind(("127.0.0.1", 0))
                ports.append(sock.getsockname()[1])
        self.master = f"spark://127.0.0.1:{ports[0]}"
        self.procs = []
        self._daemon("master", ["org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", str(ports[0]),
                                "--webui-port", str(ports[1])])
        self._await("master", "I have been elected leader")
        self._daemon("worker", ["org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores",
                                str(os.cpu_count()), "--memory", worker_memory, "--webui-port", str(ports[2]), self.master])
        self._await("master", "Registering worker")

    def _daemon(self, name, args):
        env = dict(os.environ, SPARK_HOME=os.path.join(self.dir, "spark-home"), SPARK_SCALA_VERSION="2.13",
                   SPARK_LOCAL_IP="127.0.0.1", SPARK_WORKER_DIR=os.path.join(self.dir, name + "-work"))
        log = open(os.path.join(self.dir, name + ".log"), "w")
        cmd = ["java", "-Xmx512m"] + jvm_options() + [
            "-Dlog4j2.configurationFile=" + os.path.join(ROOT, "conf", "log4j2-daemon.properties"),
            "-cp", os.path.join(self.dir, "spark-home", "jars") + "/*"] + args
        self.procs.append(subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT))

    def _await(self, name, text, seconds=90):
        deadline = time.time() + seconds
        while time.time() < deadline:
            with open(os.path.join(self.dir, name + ".log")) as f:
                if text in f.read():
                    return
            time.sleep(0.3)
        sys.exit(f"bench: '{text}' not seen in {os.path.join(self.dir, name + '.log')}")

    def stop(self):
        for p in self.procs:
            p.terminate()
        for p in self.procs:
            p.wait()


def run_newslens(args, corpus, out, master, cluster=None, driver_memory="1g", executor_memory="10g", force=True):
    # --force: an earlier bench run's output over the same corpus would otherwise be republished unchanged, in seconds.
    args = args + (["--force"] if force else [])
    started = time.time()
    if cluster is None:
        env = dict(os.environ, NEWSLENS_MASTER=master)
        # The same heap as the single-thread baseline's JVM (in local mode the executors share the driver's).
        env.setdefault("NEWSLENS_DRIVER_MEMORY", "8g")
        cmd = ["./newslens"] + args + ["--input", corpus, "--output", out]
    else:
        # Client mode: the driver is this JVM, with a deliberately small heap; the executor runs in the Worker's.
        env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1")
        with open(os.path.join(ROOT, "jobs", "target", "spark-classpath.txt")) as f:
            spark_cp = f.read().strip()
        cmd = ["java", "-Xmx" + driver_memory] + jvm_options() + [
            "-Dlog4j2.configurationFile=" + os.path.join(ROOT, "conf", "log4j2.properties"), "-cp", spark_cp,
            "org.apache.spark.deploy.SparkSubmit", "--master", cluster.master, "--conf", "spark.driver.host=127.0.0.1",
            "--conf", "spark.ui.enabled=false", "--conf", "spark.executor.memory=" + executor_memory,
            # what a local[2] run uses (twice the cores), so the two modes shuffle alike
            "--conf", f"spark.sql.shuffle.partitions={2 * os.cpu_count()}",
            "--class", "io.newslens.cli.Main", os.path.join(ROOT, "jobs", "target", "newslens.jar")] + args + [
            "--input", corpus, "--output", out]
    run = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
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
                     "peak_heap_mb": s.get("peak_heap_mb"), "peak_heap_after_gc_mb": s.get("peak_heap_after_gc_mb")})
    return rows


# What the single-thread baseline computes: term counts and dictionary actor matching (no entity recognition).
SAME_WORK = ["all", "--keep-duplicates", "--skip", "topics", "--reports", "term_frequencies,actor_mentions",
             "--config", "bench/same-work.yaml"]


def run_baseline(corpus, verify_against, classpath, work):
    base_json = os.path.join(work, "baseline.json")
    run = subprocess.run(["java", "-Xmx8g"] + jvm_options() + ["-cp", classpath, "io.newslens.bench.Baseline",
                          corpus, "--verify", verify_against, "--json", base_json], cwd=ROOT, capture_output=True, text=True)
    sys.stderr.write(run.stderr[-3000:])
    with open(base_json) as f:
        return json.load(f)


def long_scenario(args, work, classpath):
    """Long articles (~2.8 KB): the same work as the baseline on one gzip file and on the same records in 8 files,
    the baseline on the one file (verified equal), and language identification's cost per article."""
    one, folder, records, text_bytes = long_corpus(args.long, os.path.join(work, f"long-{args.long}.jsonl.gz"))
    mb = text_bytes / 1e6
    runs = {}
    for name, corpus in (("one_file", one), ("8_files", folder)):
        out = os.path.join(work, f"out-long-{name}")
        manifest, wall = run_newslens(SAME_WORK, corpus, out, args.master)
        seconds = sum(s["seconds"] for s in manifest["stages"])
        runs[name] = {"input": os.path.relpath(corpus, ROOT), "stage_seconds": round(seconds, 1),
                      "text_mb_per_s": round(mb / seconds, 2), "stages": stage_rows(manifest, records, mb),
                      "wall_with_jvm_start": round(wall, 1), "output": out}
        print(f"bench: long {name}: {seconds:.1f} s, {mb / seconds:.2f} MB/s", flush=True)
    single = run_baseline(one, runs["one_file"]["output"], classpath, work)
    for r in runs.values():
        r["speedup"] = round(single["seconds"] / r["stage_seconds"], 2)
    lid_json = os.path.join(work, "language-id.json")
    lid_cmd = ["java", "-Xmx4g", "-cp", classpath, "io.newslens.bench.LanguageIdCost", one, "--limit", "20000", "--json", lid_json]
    if args.sentences:
        lid_cmd.append(args.sentences)
    subprocess.run(lid_cmd, cwd=ROOT, check=True, capture_output=True)
    with open(lid_json) as f:
        lid = json.load(f)
    print(f"bench: baseline {single['seconds']} s; language id {lid['micros_per_article']} us/article", flush=True)
    return {"articles": records, "text_mb": round(mb, 1), "command": "newslens " + " ".join(SAME_WORK),
            "newslens": runs, "single_thread": single, "language_id": lid}


INCREMENTAL_PARTS = 100
INCREMENTAL_WORK = ["all", "--keep-duplicates", "--skip", "topics"]


def incremental_scenario(args, work, long_articles=0):
    """Daily runs: the corpus (Reuters-21578 x scale, or with `long_articles` that many long articles as in the
    long-article scenario) in INCREMENTAL_PARTS files by date, the newest two held back; a full run over the others,
    then the first held-back file added and a run with --since its first date (no --force: the article store left by
    the first run is used), then the second added the same way: a later day of a series, whose store batch usually
    takes in the day before it (ArticleStore.toMerge). Wall times and stage times of the three runs are recorded."""
    if long_articles:
        src, _, records, text_bytes = long_corpus(long_articles, os.path.join(work, f"long-{long_articles}.jsonl.gz"))
        base = os.path.join(work, f"incremental-long-{long_articles}")
        label = (f"{records:,} long articles (~{text_bytes / records / 1000:.1f} KB of text each, resampled from BBC and "
                 "BuzzFeed-Webis 2016 as in the long-article scenario; dates spread over 2016-2017)")
    else:
        src, records, text_bytes = corpus_at(args.corpus, args.incremental, work)
        base = os.path.join(work, f"incremental-x{args.incremental}")
        label = f"Reuters-21578 x{args.incremental} ({records:,} records)"
    folder = os.path.join(base, "in")
    held = [os.path.join(base, "new-day.jsonl.gz"), os.path.join(base, "second-day.jsonl.gz")]
    import shutil
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(folder)
    with gzip.open(src, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    lines.sort(key=lambda l: (json.loads(l).get("published") or ""))
    per = -(-len(lines) // INCREMENTAL_PARTS)
    days = INCREMENTAL_PARTS - len(held)
    for k in range(INCREMENTAL_PARTS):
        with gzip.open(held[k - days] if k >= days else os.path.join(folder, f"part-{k:03d}.jsonl.gz"), "wt",
                       encoding="utf-8") as out:
            out.writelines(lines[k * per:(k + 1) * per])
    added = [lines[(days + i) * per:(days + i + 1) * per] for i in range(len(held))]
    since = [(json.loads(a[0]).get("published") or "")[:10] for a in added]
    del lines
    out = os.path.join(base, "out")
    full, full_wall = run_newslens(INCREMENTAL_WORK, folder, out, args.master)
    runs = []
    for path, day, first in zip(held, added, since):
        shutil.copy(path, os.path.join(folder, os.path.basename(path)))
        runs.append(run_newslens(INCREMENTAL_WORK + ["--since", first], folder, out, args.master, force=False) + (len(day),))
    mb = text_bytes / 1e6
    full_records = records - sum(len(a) for a in added)

    def day_result(manifest, wall, day_records, records_then):
        return {"wall_with_jvm_start": round(wall, 1), "stage_seconds": round(sum(x["seconds"] for x in manifest["stages"]), 1),
                "stages": stage_rows(manifest, records_then, mb), "report_seconds": report_seconds(manifest),
                "new_records": day_records,
                "ingest_store": manifest["counts"]["ingest"].get("store"),
                "terms_store": manifest["counts"].get("terms", {}).get("store"),
                "actors_store": manifest["counts"].get("actors", {}).get("store")}

    (inc, inc_wall, inc_records), (second, second_wall, second_records) = runs
    result = {"scale": args.incremental or None, "long_articles": long_articles or None, "corpus_label": label,
              "text_mb": round(text_bytes / 1e6, 1), "records": records, "new_records": inc_records, "files": INCREMENTAL_PARTS,
              "held_back_files": len(held), "command": "newslens " + " ".join(INCREMENTAL_WORK), "since": since[0],
              "second_since": since[1],
              "full": {"wall_with_jvm_start": round(full_wall, 1), "stage_seconds": round(sum(x["seconds"] for x in full["stages"]), 1),
                       "stages": stage_rows(full, full_records, mb), "report_seconds": report_seconds(full)},
              "incremental": day_result(inc, inc_wall, inc_records, full_records + inc_records),
              "second_day": day_result(second, second_wall, second_records, records)}
    result["incremental_share_of_full"] = round(inc_wall / full_wall, 3)
    result["second_day_share_of_full"] = round(second_wall / full_wall, 3)
    print(f"bench: incremental {label}: full {full_wall:.1f} s, one more day ({inc_records} articles) "
          f"{inc_wall:.1f} s = {100 * inc_wall / full_wall:.0f}% of the full run, a second day ({second_records} articles) "
          f"{second_wall:.1f} s = {100 * second_wall / full_wall:.0f}%", flush=True)
    return result


def report_seconds(manifest):
    """Seconds each report took to compute and write (the manifest's reports.<name>.seconds), slowest first."""
    reports = manifest.get("reports", {})
    return dict(sorted(((name, r.get("seconds")) for name, r in reports.items() if r.get("seconds") is not None),
                       key=lambda kv: -kv[1]))


def corpus_at(src, scale, work):
    if scale == 1:
        return (src,) + text_size(src)
    path = os.path.join(work, f"corpus-x{scale}.jsonl.gz")
    # Scaling is deterministic: a copy made earlier from the same source is reused.
    if os.path.exists(path) and os.path.getmtime(path) > os.path.getmtime(src):
        return (path,) + text_size(path)
    records, text_bytes = scaled_corpus(src, scale, path)
    return path, records, text_bytes


def curve_point(args, work, scale, cluster):
    corpus, records, text_bytes = corpus_at(args.corpus, scale, work)
    # The copies repeat titles and texts: without --keep-duplicates they would be removed as exact duplicates
    # and only ingest would grow with the scale.
    manifest, wall = run_newslens(["terms", "--keep-duplicates"], corpus, os.path.join(work, f"out-terms-x{scale}"),
                                  args.master, cluster, args.driver_memory)
    mb = text_bytes / 1e6
    stages = stage_rows(manifest, records, mb)
    run_seconds = sum(s["seconds"] for s in stages)
    print(f"bench: terms x{scale}: {run_seconds:.1f} s of stages, {wall:.1f} s with JVM start", flush=True)
    return {"scale": scale, "records": records, "text_mb": round(mb, 1), "stages": stages,
            "stage_seconds": round(run_seconds, 1), "wall_seconds_with_jvm_start": round(wall, 1),
            "articles_per_s": round(records / run_seconds, 1),
            "peak_heap_mb": max(s["peak_heap_mb"] or 0 for s in stages),
            "peak_heap_after_gc_mb": max(s["peak_heap_after_gc_mb"] or 0 for s in stages),
            "spark_version": manifest["spark_version"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="JSON Lines corpus (default: ../shared Reuters-21578)")
    ap.add_argument("--scales", default="1,2,4", help="scale factors of the curve (default 1,2,4)")
    ap.add_argument("--baseline-scale", type=int, default=1, help="scale of the baseline comparison (0 = skip)")
    ap.add_argument("--baseline-runs", default="same,full",
                    help="newslens runs compared with the baseline: same (only the reports the baseline computes), "
                         "full (every report of ingest, terms and actors); default both")
    ap.add_argument("--no-lda", action="store_true", help="skip LDA vs MALLET")
    ap.add_argument("--lda-seeds", default="1,2,3,4,5", help="seeds of the LDA comparison, each fitted by both (default 1,2,3,4,5)")
    ap.add_argument("--master", default="local[2]", help="master of the baseline comparison (default local[2])")
    ap.add_argument("--curve-local", action="store_true",
                    help="run the scale curve on --master instead of a one-machine standalone cluster (then the heap "
                         "figures include the executors)")
    ap.add_argument("--driver-memory", default="1g", help="driver heap of the scale curve's cluster runs (default 1g)")
    ap.add_argument("--ner", action="store_true",
                    help="only what entity recognition costs: `newslens actors` on the corpus with actors.recognise off "
                         "and on, and the recognisers' tokens/s on one thread (CoNLL-2003 eng.testb, MSRA test)")
    ap.add_argument("--long", type=int, default=0, metavar="N",
                    help="only the long-article scenario: N records resampled from ../shared's BBC and BuzzFeed news "
                         "(~2.8 KB each), same work as the baseline on one file and on 8 files, the baseline, and language "
                         "identification's cost per article")
    ap.add_argument("--sentences", metavar="DIR",
                    help="with --long: labelled sentences (one file per ISO 639-1 code, e.g. Lingua's language-testdata/"
                         "sentences) for language identification's accuracy")
    ap.add_argument("--incremental", type=int, default=0, metavar="SCALE",
                    help="only the daily-run scenario: the corpus x SCALE in 100 files by date, a full run over 98, then "
                         "the 99th file added and a --since run that uses the article store, then the 100th the same way; "
                         "the three wall times")
    ap.add_argument("--incremental-long", type=int, default=0, metavar="N",
                    help="only the daily-run scenario on N long articles (as --long builds them) instead of Reuters-21578 "
                         "copies")
    ap.add_argument("--no-record", action="store_true", help="do not rewrite docs/benchmarks.md")
    ap.add_argument("--record-from", metavar="RESULT_JSON", help="only rewrite docs/benchmarks.md from an earlier result")
    args = ap.parse_args()
    if args.record_from:
        with open(args.record_from) as f:
            r = json.load(f)
        record(r, "bench-incremental-long" if r.get("incremental", {}).get("long_articles")
               else "bench-incremental" if r.get("incremental") else "bench-long" if r.get("long") else "bench-ner" if r.get("ner") else "bench-lda" if not r.get("scale_curve") and not r.get("baseline")
               else "bench" if r.get("scale_curve") or r.get("baseline", {}).get("scale", 1) == 1 else "bench-large")
        return
    if not os.path.exists(args.corpus):
        sys.exit(f"bench: corpus not found: {args.corpus} (the default needs ../shared/corpora next to the repo)")
    work = os.path.join(ROOT, "bench", "work")
    os.makedirs(work, exist_ok=True)
    command = "python3 bench/run.py " + shlex.join(sys.argv[1:])
    result = {"date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "command": command.strip(),
              "corpus": os.path.relpath(args.corpus, ROOT), "machine": machine(), "master": args.master}
    classpath = java_classpath()

    if args.ner:
        result["ner"] = ner_cost(args, work, classpath)
        save(result, "bench-ner", args)
        return
    if args.incremental:
        result["incremental"] = incremental_scenario(args, work)
        save(result, "bench-incremental", args)
        return
    if args.incremental_long:
        result["corpus"] = "bbc + buzzfeed_webis_2016 from ../shared/corpora, sentences resampled (bench/run.py long_corpus)"
        result["incremental"] = incremental_scenario(args, work, args.incremental_long)
        save(result, "bench-incremental-long", args)
        return
    if args.long:
        result["corpus"] = "bbc + buzzfeed_webis_2016 from ../shared/corpora, sentences resampled (bench/run.py long_corpus)"
        result["long"] = long_scenario(args, work, classpath)
        save(result, "bench-long", args)
        return

    scales = [int(x) for x in args.scales.split(",") if x]
    cluster = StandaloneCluster(work) if scales and not args.curve_local else None
    result["curve_master"] = ("standalone cluster on this machine (1 worker with every core; the driver in its own "
                              f"JVM, -Xmx{args.driver_memory})") if cluster else args.master
    try:
        curve = [curve_point(args, work, scale, cluster) for scale in scales]
    finally:
        if cluster:
            cluster.stop()
    result["scale_curve"] = curve
    if len(curve) > 1:
        result["wall_ratio_largest_to_1x"] = round(curve[-1]["stage_seconds"] / curve[0]["stage_seconds"], 2)

    if args.baseline_scale:
        corpus, records, text_bytes = corpus_at(args.corpus, args.baseline_scale, work)
        runs = {}
        # "same": only what the baseline computes (plus articles, quarantine and duplicates, which every run
        # writes); "full": every report of the three stages.
        variants = {"same": SAME_WORK,
                    "full": ["all", "--keep-duplicates", "--skip", "topics"]}
        for name in [v for v in args.baseline_runs.split(",") if v]:
            out = os.path.join(work, f"out-baseline-{name}-x{args.baseline_scale}")
            manifest, wall = run_newslens(variants[name], corpus, out, args.master)
            seconds = sum(s["seconds"] for s in manifest["stages"])
            runs[name] = {"command": "newslens " + " ".join(variants[name]), "stage_seconds": round(seconds, 1),
                          "stages": stage_rows(manifest, records, text_bytes / 1e6), "wall_with_jvm_start": round(wall, 1),
                          "output": out}
            print(f"bench: newslens {name} x{args.baseline_scale}: {seconds:.1f} s", flush=True)
        verify_against = next(iter(runs.values()))["output"]
        baseline = run_baseline(corpus, verify_against, classpath, work)
        for r in runs.values():
            r["speedup"] = round(baseline["seconds"] / r["stage_seconds"], 2)
        result["baseline"] = {"scale": args.baseline_scale, "records": records, "text_mb": round(text_bytes / 1e6, 1),
                              "newslens": runs, "verified_against": os.path.relpath(verify_against, ROOT),
                              "single_thread": baseline}
        print(f"bench: baseline {baseline['seconds']} s; newslens " + ", ".join(
            f"{k} {v['stage_seconds']} s ({v['speedup']}x)" for k, v in runs.items())
              + f"; verified equal: {baseline.get('verified_equal')}", flush=True)

    if not args.no_lda:
        lda_json = os.path.join(work, "lda.json")
        run = subprocess.run(["java", "-Xmx6g"] + jvm_options() + ["-Dspark.master=" + args.master, "-cp", classpath,
                              "io.newslens.bench.LdaVsMallet", args.corpus, "20", lda_json, args.lda_seeds], cwd=ROOT,
                             capture_output=True, text=True)
        if run.returncode != 0:
            sys.stderr.write(run.stderr[-5000:])
            sys.exit("bench: LdaVsMallet failed")
        with open(lda_json) as f:
            lda = json.load(f)
        result["lda_vs_mallet"] = {k: lda[k] for k in ("articles", "vocabulary", "k", "seeds", "newslens", "mallet", "runs")}
        print(f"bench: LDA newslens {lda['newslens']} / MALLET {lda['mallet']}", flush=True)

    # A baseline-only run on a scaled corpus, or an LDA-only run, has its own section, so the default run's
    # figures stay.
    if not scales and args.baseline_scale > 1:
        save(result, "bench-large", args)
    elif not scales and args.baseline_scale == 0 and not args.no_lda:
        save(result, "bench-lda", args)
    else:
        save(result, "bench", args)


def ner_cost(args, work, classpath):
    """actors stage time and mentions with recognition off and on; the recognisers' own throughput."""
    corpus, records, text_bytes = corpus_at(args.corpus, 1, work)
    runs = {}
    for recognise in ("false", "true"):
        cfg = os.path.join(work, f"ner-{recognise}.yaml")
        with open(cfg, "w") as f:
            f.write(f"actors:\n  recognise: {recognise}\n")
        out = os.path.join(work, f"out-ner-{recognise}")
        manifest, wall = run_newslens(["actors", "--keep-duplicates", "--reports", "actor_mentions", "--config", cfg],
                                      corpus, out, args.master)
        stage = next(s for s in manifest["stages"] if s["name"] == "actors")
        counts = manifest["counts"]["actors"]
        runs[recognise] = {"actors_seconds": stage["seconds"], "mentions": counts["mentions"],
                           "recognised_actors": counts.get("recognised_actors")}
        print(f"bench: actors recognise={recognise}: {stage['seconds']:.1f} s, {counts['mentions']} mentions", flush=True)
    shared = os.path.join(os.path.dirname(ROOT), "shared", "corpora")
    throughput = {}
    for lang, gold in (("en", "conll2003_en/eng.testb.gz"), ("zh", "msra_ner_zh/msra_test_bio.txt.gz")):
        path = os.path.join(shared, gold)
        if not os.path.exists(path):
            continue
        run = subprocess.run(["java", "-Xmx2g", "-cp", classpath, "io.newslens.actors.NerEvaluation", lang, path],
                             cwd=ROOT, capture_output=True, text=True)
        line = next(l for l in run.stdout.splitlines() if l.startswith("recogniser alone"))
        throughput[lang] = {"gold": gold, "tokens_per_s_one_thread": float(line.split(", ")[-1].split(" ")[0]), "line": line}
        print("bench: " + line, flush=True)
    return {"records": records, "text_mb": round(text_bytes / 1e6, 1), "runs": runs, "throughput": throughput}


def save(result, marker, args):
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    name = datetime.datetime.now().strftime("%Y%m%dT%H%M%S") + ".json"
    with open(os.path.join(ROOT, "bench", "results", name), "w") as f:
        json.dump(result, f, indent=1)
    print(f"bench: wrote bench/results/{name}")
    if not args.no_record:
        record(result, marker)


def newslens_lda_settings(n):
    """The fit's settings in words: online = mini-batch iterations then full-corpus steps."""
    if n.get("optimizer") == "online" and "batch_iterations" in n:
        return (f"online, {n['iterations']} mini-batch iterations of {n['subsampling_rate']:.0%} "
                f"+ {n['batch_iterations']} full-corpus steps")
    if n.get("optimizer") == "gibbs":
        starts = n.get("starts", 1)
        start = f"best of {starts} starts after 40 sweeps, " if starts > 1 else ""
        return f"Gibbs, {n['iterations']} sweeps, {start}partitions synchronised every 10, α optimised"
    return f"{n['optimizer']}, {n['iterations']} iterations"


def record(r, marker):
    """Rewrites one generated part of docs/benchmarks.md (between the marker's begin and end) from one result."""
    lines = [f"Generated by `{r['command']}` on {r['date']}: {r['machine']['cores']} cores, {r['machine']['memory']}, "
             f"{r['machine']['java']}, master `{r['master']}`, corpus `{r['corpus']}`.", ""]
    if r.get("scale_curve"):
        lines += ["### Scale curve (`newslens terms --keep-duplicates`)", "",
                  f"Master: {r.get('curve_master', r['master'])}. Heap figures are the driver JVM's: its peak use (garbage "
                  "included) and its largest use right after a garbage collection (what it holds).", "",
                  "| scale | records | text MB | stages (s; shuffle written; driver heap peak / after GC) | stage total | articles/s | driver heap peak | driver heap after GC | wall incl. JVM start |",
                  "|---|---:|---:|---|---:|---:|---:|---:|---:|"]
        for c in r["scale_curve"]:
            stages = ", ".join(f"{s['stage']} {s['seconds']:.1f} s; {s['shuffle_write_mb']} MB; {s['peak_heap_mb']} / "
                               f"{s.get('peak_heap_after_gc_mb')} MB" for s in c["stages"])
            lines.append(f"| {c['scale']}x | {c['records']:,} | {c['text_mb']} | {stages} | {c['stage_seconds']} s | "
                         f"{c['articles_per_s']:,.0f} | {c['peak_heap_mb']} MB | {c.get('peak_heap_after_gc_mb')} MB | "
                         f"{c['wall_seconds_with_jvm_start']} s |")
        if "wall_ratio_largest_to_1x" in r:
            lines += ["", f"wall({r['scale_curve'][-1]['scale']}x) / wall(1x) = **{r['wall_ratio_largest_to_1x']}** (stage time)."]
        lines.append("")
    if r.get("baseline"):
        b = r["baseline"]
        s = b["single_thread"]
        lines += ["### Single-thread baseline", "",
                  f"Corpus {b['scale']}x: {b['records']:,} records, {b['text_mb']} MB of text; newslens on `{r['master']}`.", "",
                  "| run | seconds | articles/s | MB/s | speed-up over one thread |", "|---|---:|---:|---:|---:|",
                  f"| single-thread Java baseline (term counting + actor matching) | {s['seconds']} | {s['articles_per_s']:,} | {s['text_mb_per_s']} | 1 |"]
        for name, run in b["newslens"].items():
            lines.append(f"| `{run['command']}` | {run['stage_seconds']} | {round(b['records'] / run['stage_seconds']):,} | "
                         f"{round(b['text_mb'] / run['stage_seconds'], 2)} | **{run['speedup']}x** |")
        lines.append("")
        for name, run in b["newslens"].items():
            lines.append(f"- {name}: " + ", ".join(f"{x['stage']} {x['seconds']:.1f} s" for x in run["stages"]) + ".")
        lines += ["", f"Counts (term_frequencies, actor_mentions of `{b['verified_against']}`) verified equal to the "
                      f"baseline's: **{s.get('verified_equal')}**.", ""]
    if r.get("long"):
        g = r["long"]
        s1 = g["single_thread"]
        lid = g["language_id"]
        lines += ["### Long articles: same work as the single-thread baseline", "",
                  f"{g['articles']:,} records, {g['text_mb']} MB of text ({g['text_mb'] * 1e6 / g['articles'] / 1000:.1f} KB per "
                  f"article); `{g['command']}` on `{r['master']}`.", "",
                  "| run | input | seconds | MB/s of text | speed-up over one thread |", "|---|---|---:|---:|---:|",
                  f"| single-thread Java baseline (term counting + actor matching) | one gzip file | {s1['seconds']} | "
                  f"{s1['text_mb_per_s']} | 1 |"]
        for name, run in g["newslens"].items():
            lines.append(f"| newslens | {'one gzip file' if name == 'one_file' else '8 gzip files'} | {run['stage_seconds']} | "
                         f"{run['text_mb_per_s']} | **{run['speedup']}x** |")
        lines += ["", "Per stage (seconds, MB/s of text):", ""]
        for name, run in g["newslens"].items():
            lines.append(f"- {name.replace('_', ' ')}: " + ", ".join(
                f"{x['stage']} {x['seconds']:.1f} s ({x['text_mb_per_s']} MB/s)" for x in run["stages"]) + ".")
        lines += ["", f"Counts (term_frequencies, actor_mentions of the one-file run) verified equal to the baseline's: "
                      f"**{s1.get('verified_equal')}**.", "",
                  f"Language identification (`io.newslens.bench.LanguageIdCost`, one thread, first {lid['articles']:,} records, "
                  f"median of three passes): **{lid['micros_per_article']} µs per article** (Lingua alone: "
                  f"{lid['lingua_alone_micros_per_article']} µs), agreeing with Lingua alone on {lid['agreement_with_lingua_alone']:.2%}."]
        if "sentences_accuracy" in lid:
            lines.append(f"On labelled three-sentence samples of the 16 default languages: accuracy {lid['sentences_accuracy']:.4f} "
                         f"(Lingua alone {lid['sentences_lingua_alone_accuracy']:.4f}).")
        lines.append("")
    if r.get("ner"):
        n = r["ner"]
        off, on = n["runs"]["false"], n["runs"]["true"]
        lines += ["### Entity recognition: what it costs", "",
                  f"`newslens actors --keep-duplicates --reports actor_mentions` on {n['records']:,} records "
                  f"({n['text_mb']} MB of text), `actors.recognise` off and on:", "",
                  "| actors.recognise | actors stage seconds | MB/s | mentions | recognised actors |", "|---|---:|---:|---:|---:|",
                  f"| false (dictionary only) | {off['actors_seconds']:.1f} | {n['text_mb'] / off['actors_seconds']:.2f} | {off['mentions']:,} | - |",
                  f"| true (default) | {on['actors_seconds']:.1f} | {n['text_mb'] / on['actors_seconds']:.2f} | {on['mentions']:,} | {on['recognised_actors']:,} |",
                  ""]
        if n["throughput"]:
            lines += ["| recogniser | gold set | tokens/s on one thread (after three warm-up passes) |", "|---|---|---:|"]
            for lang, t in n["throughput"].items():
                name = "OpenNLP name finder (ner-en.bin)" if lang == "en" else "OpenNLP name finder over characters with HanLP word features (ner-zh.bin)"
                lines.append(f"| {lang}: {name} | {t['gold']} | {t['tokens_per_s_one_thread']:,.0f} |")
            lines.append("")
    if r.get("incremental"):
        g = r["incremental"]
        full, inc, second = g["full"], g["incremental"], g.get("second_day")
        ist, tst, ast = inc.get("ingest_store") or {}, inc.get("terms_store") or {}, inc.get("actors_store") or {}
        held = g.get("held_back_files", 1)

        def stages(run):
            return ", ".join(f"{x['stage']} {x['seconds']:.1f} s" for x in run["stages"])

        lines += ["### A daily run: one more day on an existing output", "",
                  f"{g.get('corpus_label') or 'Reuters-21578 x%s (%s records)' % (g['scale'], format(g['records'], ','))} "
                  f"in {g['files']} files by date; `{g['command']}` "
                  f"on `{r['master']}` over the first {g['files'] - held} files, then the "
                  + ("next" if second else "newest") + f" file "
                  f"({g['new_records']:,} records, {g['new_records'] / g['records']:.1%}) added and the same command run with "
                  f"`--since {g['since']}` (no `--force`: the article store of the first run is used)"
                  + (f"; then the newest file ({second['new_records']:,} records) added the same way, with "
                     f"`--since {g['second_since']}`: a later day of a series." if second else "."), "",
                  "| run | wall incl. JVM start (s) | share of the full run | stage seconds | stages |", "|---|---:|---:|---:|---|",
                  f"| full run, {g['files'] - held} files | {full['wall_with_jvm_start']} | | {full['stage_seconds']} | {stages(full)} |",
                  f"| one more day | {inc['wall_with_jvm_start']} | {g['incremental_share_of_full']:.1%} | {inc['stage_seconds']} | {stages(inc)} |"]
        if second:
            lines.append(f"| a second day | {second['wall_with_jvm_start']} | {g['second_day_share_of_full']:.1%} | "
                         f"{second['stage_seconds']} | {stages(second)} |")
        lines += ["", f"One more day costs **{g['incremental_share_of_full']:.1%}** of the full run's wall time. Ingest read "
                  f"{ist.get('files_read')} file(s) and took {ist.get('records_reused', 0):,} records from the store; the terms "
                  f"stage counted the n-grams of {tst.get('articles_worked_on', 0):,} articles and reused {tst.get('articles_reused', 0):,}; "
                  f"the actors stage analysed {ast.get('articles_worked_on', 0):,} articles and reused {ast.get('articles_reused', 0):,}."
                  + (f" The second day costs **{g['second_day_share_of_full']:.1%}**; its store batch took in "
                     f"{(second.get('actors_store') or {}).get('batches_merged', 0)} earlier batch(es) of the actors store and "
                     f"{(second.get('terms_store') or {}).get('batches_merged', 0)} of the terms store." if second else ""), ""]
    if r.get("lda_vs_mallet"):
        l = r["lda_vs_mallet"]
        seeds = l.get("seeds", [42])
        lines += ["### LDA: newslens vs MALLET", "",
                  f"{l['articles']:,} articles, {l['vocabulary']:,} words, k = {l['k']}, mean NPMI by the same scorer; "
                  f"each model fitted once per seed ({', '.join(str(x) for x in seeds)}), means over the seeds.", "",
                  "| model | mean fit seconds | mean NPMI |", "|---|---:|---:|",
                  f"| newslens ({newslens_lda_settings(l['newslens'])}, Spark {l['newslens']['spark_version']}, {l['newslens']['master']}) | {l['newslens']['fit_seconds']:.1f} | {l['newslens']['mean_npmi']:.3f} |",
                  f"| MALLET 2.0.8 (Gibbs, 200 iterations, 2 threads, hyper-parameters optimised every 10) | {l['mallet']['fit_seconds']:.1f} | {l['mallet']['mean_npmi']:.3f} |", ""]
        if l.get("runs"):
            lines += ["| seed | newslens fit s | newslens NPMI | MALLET fit s | MALLET NPMI |", "|---:|---:|---:|---:|---:|"]
            lines += [f"| {x['seed']} | {x['newslens_fit_seconds']:.1f} | {x['newslens_mean_npmi']:.4f} | "
                      f"{x['mallet_fit_seconds']:.1f} | {x['mallet_mean_npmi']:.4f} |" for x in l["runs"]]
            lines.append("")
    path = os.path.join(ROOT, "docs", "benchmarks.md")
    text = open(path).read()
    begin, end = f"<!-- {marker}:begin -->", f"<!-- {marker}:end -->"
    if begin not in text or end not in text:
        sys.exit(f"bench: docs/benchmarks.md has no {marker}:begin/{marker}:end markers")
    text = text[:text.index(begin) + len(begin)] + "\n" + "\n".join(lines) + "\n" + text[text.index(end):]
    open(path, "w").write(text)
    print(f"bench: recorded in {os.path.relpath(path, ROOT)}")


if __name__ == "__main__":
    main()
