#!/usr/bin/env bash
# Validates red-team-c.jsonl (schema, family params, script compilation, review derivation) and prints counts.
# Needs the experiments module built: mvn -o -q -Dspotless.check.skip=true -pl libs/experiments -am package -DskipTests
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../../.." && pwd)"
target="$root/libs/experiments/target"
cp="$(ls "$target"/experiments-*-script-runtime.jar | head -1):$target/script-lib/*"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
javac -nowarn -cp "$cp" -d "$build" "$here/Check.java"
java -cp "$build:$cp" Check "$here/../red-team-c.jsonl" "$cp"
