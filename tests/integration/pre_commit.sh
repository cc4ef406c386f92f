#!/usr/bin/env bash
# Runs this repository's pre-commit hook (.pre-commit-hooks.yaml) the way a user
# does: a git repository whose .pre-commit-config.yaml names the hook repository
# and a rev, agora-fwlint on PATH. The hook repository is a throwaway git repo
# holding the working tree's .pre-commit-hooks.yaml, so the test checks the file
# as it is now, on a clean checkout and in a dirty tree alike.
# Usage: pre_commit.sh AGORA_FWLINT_BINARY SOURCE_DIR
# Exit 77 (skipped) when pre-commit or git is missing, unless CI is set.
set -euo pipefail

binary=$(realpath "$1")
source_dir=$(realpath "$2")

for tool in git pre-commit python3; do
  if ! command -v "$tool" >/dev/null; then
    if [ -n "${CI:-}" ]; then
      echo "FAIL: $tool is not installed (scripts/install-deps.sh installs it)"
      exit 1
    fi
    echo "SKIP: $tool is not installed"
    exit 77
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Nothing outside $tmp: no global git config, no ~/.cache/pre-commit.
export HOME="$tmp/home" PRE_COMMIT_HOME="$tmp/pre-commit-cache" XDG_CACHE_HOME="$tmp/cache"
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid
export PRE_COMMIT_COLOR=never
mkdir -p "$HOME" "$tmp/bin"
git config --global init.defaultBranch main
ln -s "$binary" "$tmp/bin/agora-fwlint"
export PATH="$tmp/bin:$PATH"

fail() {
  echo "FAIL: $*"
  exit 1
}

# --- the files: pattern matches the names the docs promise, and no others ---
python3 - "$source_dir/.pre-commit-hooks.yaml" <<'EOF'
import re, sys, yaml
hook = yaml.safe_load(open(sys.argv[1]))[0]
files = re.compile(hook["files"])  # pre-commit uses re.search, as here
matched = """asa/edge.cfg configs/asa/edge.txt edge-asa.cfg asa5506_backup.cfg running-config
  edge-running-config.txt fw/startup-config.cfg etc/iptables/rules.v4 rules.v6
  etc/sysconfig/iptables etc/sysconfig/ip6tables iptables.rules ip6tables.save iptables-save.txt
  host-iptables.rules.v4 iptables/docker-gateway.rules iptables/host.rules.v6 pf.conf etc/pf.conf
  router.pf.conf edge-pf.conf pf/freebsd-server.conf office.gpo.xml gpreport.xml GPO/rsop.xml
  DomainSysvol/GPO/Machine/Registry.pol registry.pol fw-firewall.reg WindowsFirewall.xml
  windows-firewall/agora.reg""".split()
unmatched = """setup.cfg tox.ini nginx.conf etc/nginx/nginx.conf udev/99-usb.rules README.md
  docs/running-config.md iptables.sh etc/network/if-pre-up.d/iptables src/iptables/parser.cpp
  scripts/iptables-setup.py pom.xml global.asa nasa.cfg app.conf ipf.conf mypf.conf asa/README.md
  firewall.md""".split()
wrong = [f"should match: {f}" for f in matched if not files.search(f)]
wrong += [f"should not match: {f}" for f in unmatched if files.search(f)]
print("\n".join(wrong))
sys.exit(1 if wrong else 0)
EOF

# --- the hook repository: the working tree's hook file, committed ---
hooks="$tmp/hooks"
git init -q "$hooks"
cp "$source_dir/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -q -m hooks
rev=$(git -C "$hooks" rev-parse HEAD)

# --- a user's repository ---
work="$tmp/work"
git init -q "$work"
cd "$work"
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: agora-fwlint
        args: [--sdk, rtm-web, --without, stream-channel]
EOF
mkdir asa
cp "$source_dir/samples/asa/small-office.cfg" asa/small-office.cfg
cp "$source_dir/samples/asa/compliant.cfg" asa/compliant.cfg
# Not firewall configs: the tool would reject them (exit 2) if the hook passed them.
printf '[metadata]\nname = example\n' > setup.cfg
printf 'events {}\n' > nginx.conf
git add -A
git commit -q -m configs

run() {
  set +e
  out=$(pre-commit run --files "$@" 2>&1)
  status=$?
  set -e
  echo "\$ pre-commit run --files $*"
  echo "$out"
  echo "(exit $status)"
}

run asa/small-office.cfg
[ "$status" -ne 0 ] || fail "the hook passed a config with a blocked requirement"
grep -q 'Failed' <<<"$out" || fail "pre-commit did not report the hook as failed"
grep -q 'asa/small-office.cfg:[0-9]*:[0-9]*: error: rtm-web: .*\[FWL001\]' <<<"$out" \
  || fail "the finding (FWL001 for rtm-web, the SDK pinned by args) is not in the output"
if grep -q 'rtc-web' <<<"$out"; then fail "args: did not reach the tool (rtc-web was checked)"; fi

run asa/compliant.cfg
[ "$status" -eq 0 ] || fail "the hook failed on a compliant config"
grep -q 'Passed' <<<"$out" || fail "pre-commit did not report the hook as passed"

run setup.cfg nginx.conf
[ "$status" -eq 0 ] || fail "the hook ran on files its pattern should skip"
grep -q 'no files to check' <<<"$out" || fail "pre-commit did not skip setup.cfg and nginx.conf"

echo "PASS"
