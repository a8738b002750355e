#!/usr/bin/env bash
# Regenerates the example workflows (workflows/, and their .knwf archives) and the test workflows
# (test-workflows/) with KNIME's own WorkflowManager inside the headless framework
# (../shared/knime-sdk/headless). Build first: mvn -DskipTests package. --data also remakes the
# tiny phantoms and model stored with them.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
H=${KNIME_HEADLESS:-$repo/../shared/knime-sdk/headless}
P=$repo/org.autoimplant.nodes/target/plugins
[ -d "$P/org.autoimplant.nodes.tests" ] || { echo "build first: mvn -DskipTests package" >&2; exit 3; }
area=$(mktemp -d); trap 'rm -rf "$area"' EXIT
java -Xmx3g -Djava.awt.headless=true -Duser.name=AutoImplant -cp "$H/org.eclipse.osgi-3.19.0.jar:$H/launcher.jar" knime.headless.Launcher \
  --area "$area" --bundles "$H/bundles/3p" --bundles "$H/bundles/knime" --bundles "$H/bundles/own" \
  --bundles "$H/test-bundles/libs" --bundles "$P" \
  --main org.autoimplant.nodes/org.autoimplant.nodes.framework.WorkflowGenerator -- "$repo" "$@"
# The I/O testflow's DICOM series, written by pydicom (Debian's python3-pydicom), with its geometry.
if [[ " $* " == *" --data "* ]]; then
  py=python3; $py -c "import pydicom" 2>/dev/null || py=/usr/bin/python3
  d=$repo/test-workflows/AutoImplant-testflow-io/data
  rm -rf "$d/dicom"
  "$py" "$repo/org.autoimplant.core/src/test/resources/dicom/make_series.py" "$d/dicom" --slices 6 --rows 24 \
    --columns 20 > "$d/dicom.json"
  echo "[generator] wrote the DICOM series of the I/O testflow"
fi
# The README's picture of the two-step workflow, drawn from the files just written.
python3 "$repo/workflows/diagram.py" "$repo/workflows/AutoImplant - train and predict (two-step)" \
  "$repo/docs/workflow-two-step.svg"
echo "[generator] drew docs/workflow-two-step.svg"
