#!/usr/bin/env bash
# Re-plays the planted faults of issue 22 (docs/eventstoredb/double-fidelity.md): each patch of
# scripts/double-faults/ is applied to a scratch copy of HEAD — never to this working tree — and the
# suites that run on the EventStoreDB double run there: the double's own tests, the EventStore
# contract and the adapter's specs on it, and a few e2e specs on it. First without any fault (they
# must all pass), then once per fault; the tests that fail are listed.
#
# Slow (a few minutes per fault, a failing test waits out a 20 s timeout): not part of `npm test`.
# Usage: bash scripts/plant-double-faults.sh [substring of a patch name, e.g. "b-"]
set -euo pipefail

repo=$(git rev-parse --show-toplevel)
only=${1:-}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/kandas-double-faults.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

git -C "$repo" archive HEAD | tar -x -C "$scratch"
ln -s "$(realpath "$repo/node_modules")" "$scratch/node_modules"

# Which tests run: those on the double (the 'all' project) and the e2e specs most about the store.
readonly ON_THE_DOUBLE='test/eventstoredb-double/|test/contract/eventstoredb'
readonly E2E_ON_THE_DOUBLE='test/e2e/(subscriptions|checkpoints|idempotency-and-concurrency)\.e2e'

run_suites() {
  local label=$1
  echo "=== ${label}"
  (cd "$scratch" && npx jest --selectProjects all --testPathPatterns "$ON_THE_DOUBLE" \
    --testTimeout 20000 --json --outputFile "$scratch/all.json" >/dev/null 2>&1) || true
  (cd "$scratch" && npx jest --selectProjects 'e2e on eventstoredb' --testPathPatterns "$E2E_ON_THE_DOUBLE" \
    --testTimeout 20000 --json --outputFile "$scratch/e2e.json" >/dev/null 2>&1) || true
  node - "$scratch" <<'NODE'
const { readFileSync } = require('node:fs');
const scratch = process.argv[2];
for (const file of ['all.json', 'e2e.json']) {
  const result = JSON.parse(readFileSync(`${scratch}/${file}`, 'utf8'));
  console.log(`  ${file === 'all.json' ? 'double, contract, adapter' : 'e2e on eventstoredb'}: ` +
    `${result.numPassedTests} passed, ${result.numFailedTests} failed, ${result.numPendingTests} skipped`);
  for (const suite of result.testResults) {
    const failed = suite.assertionResults.filter((test) => test.status === 'failed');
    const path = suite.name.slice(scratch.length + 1);
    if (failed.length === 0 && suite.status === 'failed') console.log(`    ${path}: the file failed: ${suite.message.split('\n')[0]}`);
    for (const test of failed) console.log(`    ${path}: ${test.fullName}`);
  }
}
NODE
}

run_suites 'no fault planted'
for patch in "$repo"/scripts/double-faults/*.patch; do
  name=$(basename "$patch" .patch)
  [[ -n "$only" && "$name" != *"$only"* ]] && continue
  (cd "$scratch" && patch -s -p1 < "$patch")
  run_suites "fault ${name}"
  (cd "$scratch" && patch -s -R -p1 < "$patch")
done
