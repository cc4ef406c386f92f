#!/usr/bin/env bash
# Validates agora-fwlint's SARIF with Microsoft's SARIF multitool
# (@microsoft/sarif-multitool, which scripts/install-deps.sh installs into
# .tools/): the SARIF of every bundled sample, of runs with options
# (--cloud-proxy, gateway paths, IPv6, a Windows program) and of multi-file runs
# (every sample at once; files outside the source tree, one with a fix on an
# iptables rule, one that cannot be analyzed), checked twice: with the default
# rule kinds (the SARIF schema and the spec's rules) and with GitHub's ingestion
# rules (--rule-kind Gh).
#
# Errors and warnings fail the test: both mean a consumer is expected to
# mishandle the log. Notes are advice (message arguments, Pascal-case rule
# names, embedded file contents, schema URL reachability) and are only counted.
#
# Usage: sarif_multitool.sh AGORA_FWLINT_BINARY SOURCE_DIR
# SARIF_MULTITOOL may name the multitool's executable instead of .tools/.
# Exit 77 (skipped) when the multitool is missing, unless CI is set.
set -euo pipefail

binary=$(realpath "$1")
source_dir=$(realpath "$2")
cd "$source_dir"

missing() {
  if [ -n "${CI:-}" ] && [ "${CI}" != "false" ]; then
    echo "FAIL: $* (scripts/install-deps.sh installs it into .tools/)"
    exit 1
  fi
  echo "SKIP: $*"
  exit 77
}

# The platform's executable, run directly: the package's bin.js passes its
# arguments through a shell, which splits "Error;Warning;Note" at the ';'.
multitool=${SARIF_MULTITOOL:-}
if [ -z "$multitool" ]; then
  [ -d .tools/node_modules/@microsoft/sarif-multitool ] || missing "the SARIF multitool is not installed"
  command -v node >/dev/null || missing "node is not installed"
  multitool=$(cd .tools && node -p "require('@microsoft/sarif-multitool')" 2>/dev/null) ||
    missing "the SARIF multitool has no executable for this platform"
fi
[ -x "$multitool" ] || missing "the SARIF multitool is not executable: $multitool"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/sarif" "$tmp/outside"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 HOME="$tmp"

fail() {
  echo "FAIL: $*"
  exit 1
}

# agora-fwlint --format sarif -o NAME.sarif ARGS...; EXPECT is the exit status
# the run must end with (0 or 1 when a check fails; 2 when an input is unusable).
runs=0
sarif() {
  local name=$1 expect=$2
  shift 2
  local status=0
  "$binary" --format sarif -o "$tmp/sarif/$name.sarif" "$@" 2>"$tmp/stderr" || status=$?
  if [ "$expect" = "0|1" ]; then
    [ "$status" -le 1 ] || fail "agora-fwlint $* exited $status: $(cat "$tmp/stderr")"
  else
    [ "$status" -eq "$expect" ] || fail "agora-fwlint $* exited $status, not $expect: $(cat "$tmp/stderr")"
  fi
  runs=$((runs + 1))
}

samples=()
for f in samples/*/*; do
  [ -f "$f" ] || continue
  samples+=("$f")
  base=${f#samples/}
  sarif "${base//\//_}" "0|1" "$f"
done
[ ${#samples[@]} -gt 0 ] || fail "no samples under $source_dir/samples"

sarif cloud-proxy-compliant "0|1" samples/asa/compliant.cfg --cloud-proxy
sarif cloud-proxy-europe-force-udp "0|1" samples/asa/small-office.cfg --cloud-proxy \
  --proxy-region europe --proxy-mode force-udp
sarif cloud-proxy-iptables "0|1" samples/iptables/laptop-host.rules --cloud-proxy
sarif gateway-eth1-eth0 "0|1" samples/iptables/docker-gateway.rules --mode gateway --from eth1 --to eth0
sarif gateway-em1 "0|1" samples/pf/openbsd-home-router.conf --mode gateway --from em1
sarif ipv6 "0|1" samples/iptables/host.rules.v6 --ipv6
sarif lan-sources "0|1" samples/iptables/stateless-replies.rules --source 192.168.10.0/24
sarif windows-app "0|1" samples/windows/hardened-workstation.gpo.xml \
  --app 'C:\Program Files\Contoso\Chat\chat.exe' --profile public
sarif every-sample "0|1" "${samples[@]}"
sarif every-sample-cloud-proxy "0|1" --cloud-proxy "${samples[@]}"

# Files outside the source tree (absolute file:// URIs): an iptables host whose
# last rule drops what the SDKs need (a fix before it), and an empty file that
# cannot be analyzed (executionSuccessful false, an error notification).
cat >"$tmp/outside/host.rules" <<'EOF'
*filter
:INPUT ACCEPT [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A OUTPUT -o lo -j ACCEPT
-A OUTPUT -p tcp -m multiport --dports 80,443 -j ACCEPT
-A OUTPUT -j DROP
COMMIT
EOF
: >"$tmp/outside/empty.cfg"
sarif outside-with-fix "0|1" "$tmp/outside/host.rules"
sarif outside-and-unusable 2 "$tmp/outside/host.rules" samples/pf/freebsd-server.conf "$tmp/outside/empty.cfg"
grep -q '"fixes"' "$tmp/sarif/outside-with-fix.sarif" || fail "no fix for '-A OUTPUT -j DROP'"
grep -q '"executionSuccessful": false' "$tmp/sarif/outside-and-unusable.sarif" ||
  fail "an unusable input did not make executionSuccessful false"

echo "$("$multitool" --version 2>&1 | awk 'NR == 1'); $runs SARIF logs of agora-fwlint"

# One validation per rule set over every log; the console lists each problem
# as "FILE(LINE,COL): LEVEL ID: MESSAGE".
failed=0
validate() {
  local label=$1
  shift
  local status=0
  "$multitool" validate "$tmp"/sarif/*.sarif "$@" --level "Error;Warning;Note" \
    --output "$tmp/validation-$label.sarif" --log ForceOverwrite >"$tmp/$label.txt" 2>&1 || status=$?
  local errors warnings notes
  errors=$(grep -c ': error ' "$tmp/$label.txt" || true)
  warnings=$(grep -c ': warning ' "$tmp/$label.txt" || true)
  notes=$(grep -c ': note ' "$tmp/$label.txt" || true)
  echo "$label: $errors errors, $warnings warnings, $notes notes (exit $status)"
  if [ "$notes" -gt 0 ]; then
    echo "  notes by rule:" $(grep -o ': note [A-Z]*[0-9]*' "$tmp/$label.txt" | sort | uniq -c |
      awk '{print $4 "=" $1}')
  fi
  if [ "$status" -ne 0 ] || [ "$errors" -gt 0 ] || [ "$warnings" -gt 0 ]; then
    grep -E ': (error|warning) ' "$tmp/$label.txt" | sed "s|$tmp/sarif/||" | awk 'NR <= 50'
    [ "$status" -eq 0 ] || tail -n 20 "$tmp/$label.txt"
    failed=1
  fi
}
validate default-rules
validate github-rules --rule-kind Gh

[ "$failed" -eq 0 ] || fail "the SARIF multitool found problems"
echo "PASS"
