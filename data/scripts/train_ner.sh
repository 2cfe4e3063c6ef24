#!/usr/bin/env bash
# Trains the English name-finder model newslens ships (jobs/src/main/resources/io/newslens/actors/ner-en.bin)
# with Apache OpenNLP's own perceptron trainer on CoNLL-2003 eng.train only (never testa/testb), then scores
# it on eng.testb (the name finder alone on gold tokens; NerEvaluation without a model scores what newslens reports).
# Deterministic: one thread, fixed feature set, so a rerun gives the same model and the same scores.
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
model=jobs/src/main/resources/io/newslens/actors/ner-en.bin
java -Xmx3g -cp "$cp" io.newslens.actors.NerTrainer "$conll/eng.train.gz" "$model" 100
java -cp "$cp" io.newslens.actors.NerEvaluation en "$conll/eng.testb.gz" "$model"
