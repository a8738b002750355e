#!/usr/bin/env bash
# Scores a model set (default: the bundled models/) on the held-out SkullFix cases 024-029 at full
# resolution with our metrics, as models/README.md reports them:
#   1. two-step (N1 + N2) on the cases' own defects, and N1 alone (its upsampled coarse implant as
#      predict --keep-coarse writes it, before the two-step clean-up);
#   2. completion on the same defects;
#   3. completion on varied defects injected into the held-out complete skulls (3 per case; shape,
#      size 96-160 in-plane voxels and place drawn from the seed), and two-step on them for comparison.
#
#   bench/evaluate-bundled.sh [WORK_DIR] [MODELS_DIR]      (default: autoimplant-evaluation, models/)
#
# Needs ../shared/data (the SkullFix cases; see ../shared/data/README.md). Build first:
# mvn -DskipTests package. Prints each evaluation's table (mean, std, median, min, max) and keeps
# the CSVs and predictions in WORK_DIR.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:-autoimplant-evaluation}" && cd "${1:-autoimplant-evaluation}" && pwd)
models=$(cd "${2:-$here/models}" && pwd)
data=${SKULLFIX:-$here/../shared/data/skullfix/training_set}
if [ ! -d "$data/defective_skull" ]; then
  echo "evaluate-bundled: no SkullFix data at $data (see ../shared/data/README.md; set SKULLFIX=... to point elsewhere)" >&2
  exit 3
fi
ai="$here/autoimplant"
val=$work/val varied=$work/varied
for d in defective_skull implant complete_skull; do mkdir -p "$val/$d" "$varied/$d"; done
cases=(024 025 026 027 028 029)
for c in "${cases[@]}"; do
  for d in defective_skull implant complete_skull; do ln -sfn "$data/$d/$c.nrrd" "$val/$d/$c.nrrd"; done
done

evaluate() { # NAME PRED_DIR TRUTH_SET
  echo "== $1"
  "$ai" evaluate --pred "$2" --truth "$3/implant" --defective "$3/defective_skull" --out "$work/$1.csv" | tail -n 8
}
timed() { local t0=$SECONDS; "$@" > "$work/$(basename "${*: -1}").log"; echo "($((SECONDS - t0)) s: ${*:2:1} …)"; }

# 1-2: the held-out cases' own defects
timed "$ai" predict "$val/defective_skull" --models "$models" --out "$work/two-step" --keep-coarse
mkdir -p "$work/n1-alone"
for c in "${cases[@]}"; do mv -f "$work/two-step/$c-coarse.nrrd" "$work/n1-alone/$c.nrrd"; done
timed "$ai" predict "$val/defective_skull" --models "$models" --mode completion --out "$work/completion"
evaluate two-step "$work/two-step" "$val"
evaluate n1-alone "$work/n1-alone" "$val"
evaluate completion "$work/completion" "$val"

# 3: varied defects cut from the held-out complete skulls
for c in "${cases[@]}"; do
  for k in 1 2 3; do
    seed=$((10#$c * 10 + k)); size=$((96 + (seed * 37) % 65))
    [ -f "$varied/implant/$c-$k.nrrd" ] || "$ai" defect "$val/complete_skull/$c.nrrd" --shape varied --size "$size" \
      --seed "$seed" --defective "$varied/defective_skull/$c-$k.nrrd" --implant "$varied/implant/$c-$k.nrrd" > /dev/null
  done
done
timed "$ai" predict "$varied/defective_skull" --models "$models" --mode completion --out "$work/varied-completion"
timed "$ai" predict "$varied/defective_skull" --models "$models" --out "$work/varied-two-step"
evaluate varied-completion "$work/varied-completion" "$varied"
evaluate varied-two-step "$work/varied-two-step" "$varied"
