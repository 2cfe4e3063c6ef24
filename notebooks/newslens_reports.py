"""Reads newslens reports into pandas, whatever this machine has.

    from newslens_reports import report, manifest, figure
    articles = report("articles")

The folder is $NEWSLENS_REPORTS (default: out/sample of the repository). With pyarrow installed
(`pip install -r notebooks/requirements.txt`) reports are read by pandas directly; without it (Debian's
packages, as in CI) through DuckDB's JDBC driver and JPype. Both give the same ordinary DataFrames:
strings, numbers, booleans, lists, and datetime64 columns for dates and timestamps.
"""
import glob
import json
import os
import tempfile

import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.abspath(os.environ.get("NEWSLENS_REPORTS", os.path.join(ROOT, "out", "sample")))
FIGURES = os.environ.get("NEWSLENS_FIGURES")


def manifest():
    with open(os.path.join(OUT, "_manifest.json"), encoding="utf-8") as f:
        return json.load(f)


def report(name):
    path = os.path.join(OUT, name)
    if not os.path.isdir(path):
        raise FileNotFoundError(f"no report {name!r} in {OUT} (run ./newslens all first, or set NEWSLENS_REPORTS)")
    try:
        import pyarrow  # noqa: F401
        return pd.read_parquet(path)
    except ImportError:
        return _duckdb(path)


def figure(fig, name):
    """Saves a figure as PNG to $NEWSLENS_FIGURES (if set), for the docs."""
    if FIGURES:
        os.makedirs(FIGURES, exist_ok=True)
        fig.savefig(os.path.join(FIGURES, name + ".png"), dpi=110, bbox_inches="tight")


_connection = None


def _duckdb_jar():
    jar = os.environ.get("NEWSLENS_DUCKDB_JAR")
    if jar:
        return jar
    found = sorted(glob.glob(os.path.expanduser("~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar")))
    if not found:
        raise RuntimeError("no pyarrow and no DuckDB JDBC jar: pip install pyarrow, or set NEWSLENS_DUCKDB_JAR "
                           "(mvn dependency:get -Dartifact=org.duckdb:duckdb_jdbc:1.4.4.0 downloads it)")
    return found[-1]


def _duckdb(path):
    global _connection
    import jpype
    import jpype.imports  # noqa: F401
    if not jpype.isJVMStarted():
        # Debian's JPype needs its own support jar first on the class path.
        support = [p for p in ["/usr/share/java/org.jpype.jar"] if os.path.exists(p)]
        jpype.startJVM(classpath=support + [_duckdb_jar()], convertStrings=True)
    if _connection is None:
        from java.sql import DriverManager
        _connection = DriverManager.getConnection("jdbc:duckdb:")
    source = f"read_parquet('{path}/**/*.parquet', hive_partitioning = true)"
    statement = _connection.createStatement()
    types = {}
    rs = statement.executeQuery(f"DESCRIBE SELECT * FROM {source}")
    while rs.next():
        types[rs.getString(1)] = rs.getString(2)
    with tempfile.TemporaryDirectory() as tmp:
        target = os.path.join(tmp, "report.json")
        statement.execute(f"COPY (SELECT * FROM {source}) TO '{target}' (FORMAT JSON)")
        frame = pd.read_json(target, lines=True, dtype=False, convert_dates=False) if os.path.getsize(target) \
            else pd.DataFrame(columns=list(types))
    statement.close()
    for column, kind in types.items():
        if kind == "DATE" or kind.startswith("TIMESTAMP"):
            frame[column] = pd.to_datetime(frame[column], utc=kind.endswith("TIME ZONE"))
    return frame[list(types)]
