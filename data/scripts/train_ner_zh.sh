#!/usr/bin/env bash
# Trains the Chinese name-finder model newslens ships (jobs/src/main/resources/io/newslens/actors/ner-zh.bin):
# Apache OpenNLP's perceptron trainer over characters, with HanLP's word features (io.newslens.actors.ChineseNer),
# on the MSRA NER training set of the SIGHAN 2006 bakeoff only (never its test set), then scores it on the MSRA test
# set in ../shared (the name finder alone on gold characters; NerEvaluation zh scores what newslens reports).
# The training set is not in ../shared: it is MSRA.zip of github.com/zhooufeng/Data @ 5336c79 (msra_train_bio,
# 45,000 sentences, 2,171,573 characters; see data/README.md for its source and terms). Deterministic: one thread.
# It takes about 50 minutes on one core and a 10 GB heap.
#
#   bash data/scripts/train_ner_zh.sh PATH/TO/msra_train_bio [../shared]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
train="${1:?usage: train_ner_zh.sh PATH/TO/msra_train_bio [../shared]}"
shared="${2:-$here/../shared}"
test="$shared/corpora/msra_ner_zh/msra_test_bio.txt.gz"
[[ -f "$train" ]] || { echo "train_ner_zh: $train not found" >&2; exit 2; }
[[ -f "$test" ]] || { echo "train_ner_zh: $test not found (give the shared folder as second argument)" >&2; exit 2; }
cd "$here"
mvn -B -q compile -pl jobs
mvn -B -q dependency:build-classpath -pl jobs -Dmdep.outputFile="$here/jobs/target/ner-classpath.txt" -Dmdep.includeScope=runtime
cp="jobs/target/classes:$(cat jobs/target/ner-classpath.txt)"
java -Xmx10g -cp "$cp" io.newslens.actors.ChineseNerTrainer jobs/src/main/resources/io/newslens/actors/ner-zh.bin \
  50 2 "$train" --test "$test"
