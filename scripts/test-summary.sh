#!/usr/bin/env bash
# Adds up the counts of every test runner in a `make test` log and prints one closing line.
set -euo pipefail
log="${1:-target/make-test.log}"
awk '
  /^test result: / { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed;?$/) p += $i; if ($(i+1) ~ /^failed;?$/) f += $i } }
  # "runner: N passed, N failed" (vitest, the no-network check)
  /^[a-z-]+: [0-9]+ passed, [0-9]+ failed/ { p += $2; f += $4 }
  END {
    if (p == 0) { print "total: no test ran"; exit 1 }
    printf "total: %d passed, %d failed\n", p, f
    exit (f > 0)
  }' "$log"
