#!/usr/bin/env bash
# Installs the Debian 12 packages agora-fwlint needs to build and test,
# skipping the ones already present, then the npm tools the tests drive.
# Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake ninja-build pkg-config
  antlr4 default-jre-headless libantlr4-runtime-dev
  libboost-program-options-dev libtinyxml2-dev libyaml-cpp-dev nlohmann-json3-dev
  libgtest-dev
  python3 python3-jsonschema
  git pre-commit help2man dpkg-dev man-db
)
# node and npm for the SARIF multitool, unless some node is there already
# (NodeSource's nodejs brings its own npm and conflicts with Debian's).
if ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
apt_install "${packages[@]}"

# Microsoft's SARIF multitool (tests/integration/sarif_multitool.sh), pinned,
# into the repository's .tools/ (gitignored), so that building and testing
# download nothing. The overrides pin the platform package too (its parent
# asks for ^VERSION). Without it that test is skipped, or fails in CI.
sarif_multitool_version=5.7.0
installed=$(node -p "require('./.tools/node_modules/@microsoft/sarif-multitool/package.json').version + ' ' +
                     require('./.tools/node_modules/@microsoft/sarif-multitool-' + process.platform + '/package.json').version" \
            2>/dev/null || true)
if [ "$installed" != "$sarif_multitool_version $sarif_multitool_version" ]; then
  echo "Installing @microsoft/sarif-multitool@$sarif_multitool_version into .tools/"
  mkdir -p .tools
  cat >.tools/package.json <<JSON
{
  "private": true,
  "description": "Tools the agora-fwlint tests drive; written by scripts/install-deps.sh",
  "dependencies": { "@microsoft/sarif-multitool": "$sarif_multitool_version" },
  "overrides": {
    "@microsoft/sarif-multitool-darwin": "$sarif_multitool_version",
    "@microsoft/sarif-multitool-linux": "$sarif_multitool_version",
    "@microsoft/sarif-multitool-win32": "$sarif_multitool_version"
  }
}
JSON
  npm install --prefix .tools --no-audit --no-fund --loglevel=error ||
    echo "warning: could not install the SARIF multitool; its test will be skipped (failed in CI)" >&2
fi
