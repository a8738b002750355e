#!/usr/bin/env bash
# Paper-size N1/N2 timings on DL4J CPU (issue #5). The N2 training step needs about 9 GB (measured peak).
#   mvn -q -DskipTests package && bench/networks.sh [--predict-only | --n1 | --n2]
set -euo pipefail
cd "$(dirname "$0")/.."
target=org.autoimplant.core/target
jar=$(ls $target/org.autoimplant.core-*.jar | head -n 1)
exec java -Xmx3g -Dorg.bytedeco.javacpp.maxbytes=17g -Dorg.bytedeco.javacpp.maxphysicalbytes=21g \
  -cp "$jar:$target/lib/*" bench/NetworksBench.java "$@"
