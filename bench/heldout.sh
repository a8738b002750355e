#!/usr/bin/env bash
# Issue #5's open question, reproducible with the CLI only: on phantoms never trained on, does the
# two-step pipeline (N1 → crop → N2) beat N1 alone (its upsampled coarse implant)? The set-up is the
# paper's at half scale: 256-voxel phantoms (bone 2.5× so that N1 still sees it after downsampling),
# 40-voxel cube defects at one fixed place (--defects fixed, as the 2020 training defects; with the
# generator's random places small networks do not generalise from a few phantoms), N1 at 32×32×16
# (÷8: at ÷4, 64×64×32, N1 alone is already within 0.04 of its resolution's ceiling and the small N2
# only ties with it), N2 on 64×64×32 full-resolution crops with margin 10 (20 at 512). The same
# set-up is the CI test HeldOutTest.
#   mvn -q -DskipTests package && bench/heldout.sh [DIR] [N1_STEPS] [N2_STEPS] [TRAIN_CASES]
# Note: N1 alone is scored on the raw upsampled coarse implant (predict --keep-coarse), which may
# overlap the remaining bone; the two-step result has that bone removed and is largest-component.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/autoimplant-heldout}
n1_steps=${2:-600}
n2_steps=${3:-1200}
cases=${4:-12}
rm -rf "$dir" && mkdir -p "$dir"
ai() { ./autoimplant "$@" 2>>"$dir/progress.log"; }
t() { local s=$(date +%s); "$@"; echo "  ($(( $(date +%s) - s )) s)"; }

ai phantom "$dir/train" --count "$cases" --seed 1 --voxels 256 --defects fixed --defect-size 40 --bone-scale 2.5 >/dev/null
ai phantom "$dir/held" --count 4 --seed 2 --voxels 256 --defects fixed --defect-size 40 --bone-scale 2.5 >/dev/null
echo "N1: $n1_steps steps on $cases phantoms"
t ai train-n1 --data "$dir/train" --val "$dir/held" --out "$dir/n1.zip" --input 32,32,16 --width 0.125 \
  --lr 1e-4 --steps "$n1_steps" --validate-every $(( n1_steps / 4 )) --checkpoint-every "$n1_steps"
echo "N2: $n2_steps steps on jittered true crops"
t ai train-n2 --data "$dir/train" --val "$dir/held" --out "$dir/n2.zip" --crops truth --jitter 3 --margin 10 \
  --input 64,64,32 --width 0.5 --lr 1e-3 --steps "$n2_steps" --validate-every $(( n2_steps / 4 )) \
  --checkpoint-every "$n2_steps"
ai predict "$dir/held/defective_skull" --n1 "$dir/n1.zip" --n2 "$dir/n2.zip" --out "$dir/pred" \
  --keep-coarse --largest-component >/dev/null
mkdir -p "$dir/coarse"
for f in "$dir"/pred/*-coarse.nrrd; do b=$(basename "$f"); mv "$f" "$dir/coarse/${b%-coarse.nrrd}.nrrd"; done
for method in coarse pred; do
  echo "== $([ $method = coarse ] && echo 'N1 alone (upsampled)' || echo 'two-step (N1 + N2)') on 4 held-out phantoms"
  ai evaluate --pred "$dir/$method" --truth "$dir/held/implant" --defective "$dir/held/defective_skull" \
    --out "$dir/$method.csv"
done
