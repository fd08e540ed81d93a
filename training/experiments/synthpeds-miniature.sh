#!/usr/bin/env bash
# UP-Person's argument in miniature, on the CPU, with SynthPeds standing in for the real datasets:
#   1. a small CLIP is trained fully on set A (urban backgrounds), playing the part of CLIP pretraining;
#   2. on set B (other persons, park backgrounds) the base is evaluated as it is, then adapted with
#      PETL (backbone frozen) and, for comparison, fully fine-tuned.
# Results go to docs/benchmarks.md; everything is written under $WORK (default ./artifacts/miniature).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${WORK:-$repo/artifacts/miniature}
base_epochs=${BASE_EPOCHS:-30}
adapt_epochs=${ADAPT_EPOCHS:-20}
train=(dotnet run -c Release --no-build --project "$repo/training/UpPerson.Training" --)

dotnet build "$repo/training/UpPerson.Training" -c Release -nologo -v quiet
mkdir -p "$work"

"${train[@]}" synth --out "$work/set-a" --identities 600 --seed 11 --backgrounds urban --set-name a --split 0.9,0.05,0.05 --overwrite
"${train[@]}" synth --out "$work/set-b" --identities 300 --seed 23 --backgrounds park --set-name b --split 0.6,0.1,0.3 --overwrite

rm -rf "$work/base" "$work/petl" "$work/full"
"${train[@]}" train --data "$work/set-a/reid_raw.json" --out "$work/base" --preset small --random-init --no-petl --full \
  --epochs "$base_epochs" --warmup-epochs 3 --batch-size 64 --lr 1e-3

"${train[@]}" eval --data "$work/set-b/reid_raw.json" --checkpoint "$work/base" --json | tee "$work/base-on-b.json"

"${train[@]}" train --data "$work/set-b/reid_raw.json" --out "$work/petl" --preset small --base "$work/base" \
  --epochs "$adapt_epochs" --warmup-epochs 2 --batch-size 64 --lr 1e-3

"${train[@]}" train --data "$work/set-b/reid_raw.json" --out "$work/full" --preset small --base "$work/base" --no-petl --full \
  --epochs "$adapt_epochs" --warmup-epochs 2 --batch-size 64 --lr 1e-4
