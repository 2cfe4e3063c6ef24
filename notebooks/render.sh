#!/usr/bin/env bash
# Re-renders the committed notebooks with their outputs, and the README's figures (docs/figures), from one coherent
# corpus: the sample's Reuters-21578 slice (200 articles, one outlet, February to October 1987). Needs the shaded jar
# (mvn -B -DskipTests package) and the notebook packages (see .ci/run). Run after build_notebooks.py.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f out/reuters-1987/_manifest.json ]; then
  ./newslens all --input data/sample/reuters-1987.jsonl.gz --output out/reuters-1987
fi
figures=$(mktemp -d)
jar=$(ls ~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar | tail -1)
for nb in notebooks/0*.ipynb; do
  NEWSLENS_REPORTS="$PWD/out/reuters-1987" NEWSLENS_FIGURES="$figures" NEWSLENS_DUCKDB_JAR="$jar" \
    /usr/bin/python3 -m jupyter nbconvert --to notebook --execute --inplace "$nb"
done
# The figures the README shows.
for f in terms_trend topics_heatmap_time topics_heatmap_outlet actors_network actors_attention; do
  cp "$figures/$f.png" docs/figures/
done
