#!/usr/bin/env bash
# Paper-size N1/N2 timings on DL4J CPU (issue #5). The N2 training step needs about 9 GB (measured peak; 17 GB with the launcher's malloc settings).
#   mvn -q -DskipTests package && bench/networks.sh [--predict-only | --n1 | --n2]
# The launcher's glibc settings (one arena keeping freed memory; see ./autoimplant) are not applied
# here; to measure what the command line does on a machine with 22 GB or more (peak RSS then 17 GB), run
#   MALLOC_ARENA_MAX=1 MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=68719476736 bench/networks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
target=org.autoimplant.core/target
jar=$(ls $target/org.autoimplant.core-*.jar | head -n 1)
exec java -Xmx3g -Dorg.bytedeco.javacpp.maxbytes=17g -Dorg.bytedeco.javacpp.maxphysicalbytes=21g \
  -cp "$jar:$target/lib/*" bench/NetworksBench.java "$@"
