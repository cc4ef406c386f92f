#!/usr/bin/env bash
# Installs the Debian 12 packages agora-fwlint needs to build and test,
# skipping the ones already present. Safe to run repeatedly.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  antlr4 default-jre-headless libantlr4-runtime-dev
  libboost-program-options-dev libtinyxml2-dev libyaml-cpp-dev nlohmann-json3-dev
  libgtest-dev
  python3 python3-jsonschema
  git pre-commit help2man dpkg-dev man-db
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
