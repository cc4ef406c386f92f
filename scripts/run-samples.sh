#!/usr/bin/env bash
# Quick start: builds agora-fwlint and checks every bundled sample config.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
status=0
for f in samples/*/*; do
  case "$f" in *.expected.*) continue ;; esac
  echo "== $f"
  ./build/agora-fwlint "$f" || status=$?
  # 1 means the sample has findings, which is what the failing samples are for.
  if [ "$status" -gt 1 ]; then exit "$status"; fi
  status=0
  echo
done
