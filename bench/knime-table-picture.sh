#!/usr/bin/env bash
# The README's picture of a KNIME table with volume thumbnails (docs/knime-table.png): the NRRD
# Reader on three held-out SkullFix cases (../shared/data, CC BY-NC-SA 4.0, Kodym et al. 2021),
# shown in KNIME's classic table view with our renderer, painted off-screen in the headless
# framework. Build first: mvn -DskipTests package.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
H=${KNIME_HEADLESS:-$here/../shared/knime-sdk/headless}
data=${1:-$here/../shared/data/skullfix/training_set}
[ -d "$data/defective_skull" ] || { echo "no SkullFix data at $data (see ../shared/data/README.md)" >&2; exit 3; }
cases=$(mktemp -d); trap 'rm -rf "$cases" "$area"' EXIT
for d in defective_skull implant complete_skull; do
  mkdir -p "$cases/$d"; for c in 024 027 029; do ln -s "$data/$d/$c.nrrd" "$cases/$d/$c.nrrd"; done
done
area=$(mktemp -d)
P=$here/org.autoimplant.nodes/target/plugins
java -Xmx4g -Djava.awt.headless=true -cp "$H/org.eclipse.osgi-3.19.0.jar:$H/launcher.jar" knime.headless.Launcher \
  --area "$area" --bundles "$H/bundles/3p" --bundles "$H/bundles/knime" --bundles "$H/bundles/own" \
  --bundles "$H/test-bundles/libs" --bundles "$P" \
  --main org.autoimplant.nodes/org.autoimplant.nodes.framework.TablePicture -- "$cases" "$here/docs/knime-table.png" 3
