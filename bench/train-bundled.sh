#!/usr/bin/env bash
# Reproduces the bundled models in models/ from the SkullFix cases in ../shared/data (CC BY-NC-SA
# 4.0, Kodym et al., Data in Brief 35, 2021), in about 3.5 hours on 2 cores (55 min for step 1, 2.3 h for step 2):
#   1. N1 and the shape-completion network (varied extra defects) side by side, one core each;
#   2. N2 on both cores, on crops placed by that N1;
#   3. export without the optimiser's state into models/.
# The step counts are those the bundled run reached in its time (models/README.md has its times).
#
#   bench/train-bundled.sh [WORK_DIR] [coarse|n2|export|all]   (default: autoimplant-training, all)
#
# Split (fixed, stated in models/README.md): train on 000-023, hold out 024-029 (never trained or
# tuned on; the sample case comes from them). Every stage checkpoints every 25 steps and resumes
# when run again, so a killed run continues where it stopped. Build first: mvn -DskipTests package.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:-autoimplant-training}" && cd "${1:-autoimplant-training}" && pwd)
stage=${2:-all}
data=${SKULLFIX:-$here/../shared/data/skullfix/training_set}
if [ ! -d "$data/defective_skull" ]; then
  echo "train-bundled: no SkullFix data at $data (see ../shared/data/README.md; set SKULLFIX=... to point elsewhere)" >&2
  exit 3
fi
ai="$here/autoimplant"
N1_STEPS=${N1_STEPS:-398}
N2_STEPS=${N2_STEPS:-371}
COMPLETION_STEPS=${COMPLETION_STEPS:-383}
WIDTH=${WIDTH:-0.25}
LR=${LR:-1e-4}

split() {
  for part in train val; do
    for d in defective_skull implant complete_skull; do mkdir -p "$work/$part/$d"; done
  done
  for f in "$data"/defective_skull/*.nrrd; do
    c=$(basename "$f" .nrrd)
    part=train; (( 10#$c >= 24 )) && part=val
    for d in defective_skull implant complete_skull; do ln -sfn "$data/$d/$c.nrrd" "$work/$part/$d/$c.nrrd"; done
  done
  echo "split: $(ls "$work/train/defective_skull" | wc -l) training cases, $(ls "$work/val/defective_skull" | wc -l) held out"
}

timed() { local t0=$SECONDS; "$@"; echo "$*" | grep -o 'train-[a-z0-9]*' | head -n 1 | tr '\n' ' ' >> "$work/times.txt"; echo "$((SECONDS - t0)) s" >> "$work/times.txt"; }

one_core() { OMP_NUM_THREADS=1 JAVA_OPTS="${JAVA_OPTS:--Xmx3g}" "$@"; }
n1() {
  timed one_core "$ai" train-n1 --data "$work/train" --val "$work/val" --out "$work/n1.zip" --steps "$N1_STEPS" \
    --width "$WIDTH" --lr "$LR" --checkpoint-every 25 --resume > "$work/n1.log" 2>&1
}
completion() {
  timed one_core "$ai" train-completion --data "$work/train" --val "$work/val" --out "$work/completion.zip" \
    --steps "$COMPLETION_STEPS" --width "$WIDTH" --lr "$LR" --varied-defects 8 --checkpoint-every 25 --resume \
    > "$work/completion.log" 2>&1
}
coarse() { # N1 and completion side by side, one core each
  n1 & local a=$!
  completion & local b=$!
  wait $a && wait $b
}
n2() {
  timed "$ai" train-n2 --data "$work/train" --val "$work/val" --n1 "$work/n1.zip" --out "$work/n2.zip" \
    --steps "$N2_STEPS" --lr "$LR" --checkpoint-every 25 --resume > "$work/n2.log" 2>&1
}

export_models() {
  for m in n1 n2 completion; do "$ai" export-model "$work/$m.zip" "$here/models/$m.zip"; done
}

split
case $stage in
  coarse) coarse ;;
  n2) n2 ;;
  export) export_models ;;
  all) coarse; n2; export_models ;;
  *) echo "unknown stage $stage" >&2; exit 2 ;;
esac
