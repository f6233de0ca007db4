#!/usr/bin/env bash
# Trains the mention tagger's models from ../shared/devdata (or CROSSWIRE_DEVDATA) and writes them
# into core/data/tagger/ (alphabetic.model, typing.model, alphabetic-<language>.model, cjk.model,
# thai.model). Deterministic: the same data gives the same bytes on every run. Only the `train`
# items of splits.tsv and the train files of CoNLL-2002/2003 and WikiANN are read (see
# toolchain/train_tagger.cc and core/data/tagger/NOTICE.md). Afterwards rebuild, and measure with
# `build/native/ner_eval ../shared/devdata`.
#   usage: toolchain/train-tagger.sh [--check]   (--check: train into a scratch directory and
#                                                  fail unless the bytes equal the committed models)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
devdata=${CROSSWIRE_DEVDATA:-$root/../shared/devdata}
[ -d "$devdata" ] || { echo "train-tagger: no devdata at $devdata" >&2; exit 2; }
cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native --target train_tagger >/dev/null
out=core/data/tagger
if [ "${1:-}" = "--check" ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
# The alphabetic model: 33,600 features (399 KB gzipped, within the 400 KB a model may take),
# kept by weight after 5 passes and then refitted alone for 5 more (--refit-epochs: the kept
# weights had been learnt beside the million dropped features; refitted, every held-out set
# scored higher). The Chinese/Japanese model: less text, so more passes over it (People's
# Daily zh val 0.62 after 10, 0.66 after 40) and 36,000 features, half for each language (375 KB
# gzipped, within the 400 KB a model may take); refitting it did not help (ja val 0.704 -> 0.691).
# WikiANN: the first 600 articles (13,200 sentences) of each language's train file (see
# toolchain/train_tagger.cc for why not all of it).
build/native/train_tagger "$devdata" "$out" --only alphabetic --epochs 5 --max-features 33600 \
  --wikiann de,en,es,nl,pl,ru --wikiann-articles 600 --refit-epochs 5
# The typing model: the alphabetic model's data and passes with 5,000 features (62 KB gzipped),
# which types the rules' candidates when the full tagger is off (the default). It is in the
# page's first visit, whose budget leaves no room for the full model; 10,000 features typed no
# better (CoNLL-2003 en val 0.727 against 0.729, BENCHMARKS.md).
build/native/train_tagger "$devdata" "$out" --only alphabetic --epochs 5 --max-features 5000 \
  --wikiann de,en,es,nl,pl,ru --wikiann-articles 600 --refit-epochs 5 --out-name typing
# The models of single languages (tagger/alphabetic-<language>.model), which read their language's
# sentences in place of the alphabetic model: each from its language's news and all of its WikiANN
# train file (the Polish and Russian ones from all the Slavic news), 20,000 features (about 230 KB
# gzipped each; 33,600 scored 0.2-0.6 points higher for 70% more bytes) and 8 passes before and
# after pruning (5: WikiANN val mean 0.768; 12: 0.777 but Slavic `xtopic` 0.827 against 0.834;
# BENCHMARKS.md, "Models of single languages").
for lang in en de es nl pl ru; do
  build/native/train_tagger "$devdata" "$out" --only alphabetic --epochs 8 --max-features 20000 \
    --wikiann "$lang" --refit-epochs 8 --lang "$lang"
done
build/native/train_tagger "$devdata" "$out" --only cjk --epochs 40 --max-features 36000
build/native/train_tagger "$devdata" "$out" --only thai --epochs 5 --refit-epochs 5
if [ "${1:-}" = "--check" ]; then
  for model in "$out"/*.model; do
    if ! cmp -s "$model" "core/data/tagger/$(basename "$model")"; then
      echo "train-tagger: $(basename "$model") differs from the committed model" >&2
      exit 1
    fi
  done
  echo "train-tagger: the committed models are reproduced byte for byte"
fi
