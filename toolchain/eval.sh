#!/usr/bin/env bash
# Development evaluations on ../shared/devdata (or CROSSWIRE_DEVDATA): language identification
# against CLD2, date reading (Recognizers-Text specs), name matching, typed mention spans, Thai
# entity detection, entity linking on the Slavic news, story clustering (B-cubed) and scale.
# Prints numbers for BENCHMARKS.md; never fails on a score.
#   usage: toolchain/eval.sh [--no-scale]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
devdata=${CROSSWIRE_DEVDATA:-$root/../shared/devdata}
[ -d "$devdata" ] || { echo "eval: no devdata at $devdata" >&2; exit 2; }
cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native >/dev/null
bin=build/native

echo "== language identification: agreement with CLD2"
$bin/language_eval . "$devdata"
echo "== dates: Recognizers-Text specs (cases, found, false per language)"
$bin/dates_eval "$devdata"
echo "== name matching: Wikidata pairs vs shuffled non-pairs, Thai loanwords"
$bin/names_eval "$devdata"/names/wikidata_russian.tsv "$devdata"/names/wikidata_arabic.tsv \
  "$devdata"/names/wikidata_hebrew.tsv "$devdata"/names/thai_english_loanwords.tsv
echo "== typed mention spans through the analyzer: rules, then rules + trained tagger"
$bin/ner_eval "$devdata"
$bin/ner_eval "$devdata" --tagger
echo "== Thai entity detection: ThaiNER"
$bin/thainer_eval "$devdata"/thainer/train.txt
echo "== entity linking on the Slavic news: score_slavic.py on val and xtopic, then by language pair"
$bin/crosswire analyze "$devdata"/slavic/docs > build/slavic.json || true
for split in val xtopic; do
  echo "-- $split"
  python3 "$devdata"/../tools/score_slavic.py build/slavic.json --split "$split"
  python3 toolchain/linking_pairs.py build/slavic.json "$devdata" --split "$split"
done
echo "== stories: B-cubed on ECB+"
$bin/stories_eval "$devdata"/ecbplus
if [ "${1:-}" != "--no-scale" ]; then
  echo "== scale: 1k-10k articles"
  $bin/stories_scale "$devdata"/ecbplus tests/golden/seeds
fi
