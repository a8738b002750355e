#!/usr/bin/env bash
# Runs our nodes in KNIME's own engine (../shared/knime-sdk/headless), as `mvn verify` does after
# packaging the plugin:
#   1. the bundle resolves against KNIME 5.5.3 with no unresolved requirement;
#   2. every test workflow in test-workflows/ executes (all nodes EXECUTED), and each one named
#      *-broken-* fails with the message stated in its expected-failure.txt;
#   3. the JUnit classes of the test fragment run inside the framework and pass.
# Usage: run.sh HEADLESS_DIR PLUGINS_DIR TEST_WORKFLOWS_DIR
set -euo pipefail
H=$1; PLUGINS=$(cd "$2" && pwd); FLOWS=$(cd "$3" && pwd)
RUN=$PLUGINS/../knime-run            # the plugin alone, as a user's KNIME has it
rm -rf "$RUN"; mkdir -p "$RUN"; ln -s "$PLUGINS/org.autoimplant.nodes" "$RUN/org.autoimplant.nodes"
LOG=$PLUGINS/../knime-logs; rm -rf "$LOG"; mkdir -p "$LOG"
fail() { echo "[knime-headless] FAILED: $*" >&2; exit 1; }

echo "[knime-headless] 1. bundle resolution"
area=$(mktemp -d); trap 'rm -rf "$area"' EXIT
java -cp "$H/org.eclipse.osgi-3.19.0.jar:$H/launcher.jar" knime.headless.Launcher --area "$area" \
  --bundles "$H/bundles/3p" --bundles "$H/bundles/knime" --bundles "$H/bundles/own" --bundles "$RUN" \
  --resolve-only > "$LOG/resolve.txt" 2>&1 || { cat "$LOG/resolve.txt"; fail "bundles do not resolve"; }
grep -q " 0 unresolved" "$LOG/resolve.txt" || { cat "$LOG/resolve.txt"; fail "unresolved bundles"; }
grep -E "^org.autoimplant.nodes " "$LOG/resolve.txt"

echo "[knime-headless] 2. test workflows"
for wf in "$FLOWS"/*/; do
  wf=${wf%/}; name=$(basename "$wf")
  [ -f "$wf/workflow.knime" ] || continue
  set +e; "$H/run-workflow.sh" "$RUN" "$wf" --timeout 600 > "$LOG/$name.txt" 2>&1; rc=$?; set -e
  if [[ $name == *-broken-* ]]; then
    expected=$(cat "$wf/expected-failure.txt")
    [ $rc -eq 1 ] || { cat "$LOG/$name.txt"; fail "$name should fail (rc 1), got rc $rc"; }
    grep -qF -- "$expected" "$LOG/$name.txt" || { cat "$LOG/$name.txt"; fail "$name: no message '$expected'"; }
    echo "  $name failed as expected: $(grep -F -- "$expected" "$LOG/$name.txt" | head -1 | sed 's/^ *//')"
  else
    [ $rc -eq 0 ] || { cat "$LOG/$name.txt"; fail "$name: rc $rc"; }
    grep "^\[summary\]" "$LOG/$name.txt" | sed 's/^/  /'
  fi
done

echo "[knime-headless] 3. JUnit inside the framework (one JVM per class: each starts KNIME and ND4J afresh)"
classes=$(cd "$PLUGINS/org.autoimplant.nodes.tests" && find org -name '*Test.class' ! -name '*$*' | sed 's/\.class$//; s#/#.#g' | sort)
[ -n "$classes" ] || fail "no test classes in the fragment"
for c in $classes; do
  log=$LOG/junit-${c##*.}.txt
  AUTOIMPLANT_TEST_WORKFLOWS=$FLOWS TEST_TIMEOUT=${TEST_TIMEOUT:-600s} \
    "$H/run-tests.sh" "$PLUGINS" org.autoimplant.nodes "$c" > "$log" 2>&1 || true
  grep -E "^\[junit\] (SUCCESSFUL|FAILED|ABORTED|SKIPPED)" "$log" | sed 's/^/  /'
  grep -q "^\[junit\] classes failed: 0 of 1" "$log" || { tail -40 "$log"; fail "$c (see $log)"; }
done
echo "[knime-headless] all passed"
