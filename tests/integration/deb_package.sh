#!/usr/bin/env bash
# Builds the Debian package of a build directory with cpack, checks its control
# fields and contents, then (as root or with passwordless sudo) installs it with
# apt-get, runs the installed tool and man, and removes it again, with anything
# apt-get installed along with it.
# Usage: deb_package.sh CPACK BUILD_DIR SOURCE_DIR
# Exit 77 (skipped) when a tool is missing or there is no root, unless CI is set.
set -euo pipefail

cpack=$1
build_dir=$(realpath "$2")
source_dir=$(realpath "$3")

skip() {
  if [ -n "${CI:-}" ]; then
    echo "FAIL: $*"
    exit 1
  fi
  echo "SKIP: $*"
  exit 77
}
fail() {
  echo "FAIL: $*"
  exit 1
}

for tool in dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (Debian package dpkg-dev)"
done

tmp=$(mktemp -d)
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT

# --- build the package ---
echo "\$ cpack -G DEB --config $build_dir/CPackConfig.cmake -B $tmp"
"$cpack" -G DEB --config "$build_dir/CPackConfig.cmake" -B "$tmp" > "$tmp/cpack.log" 2>&1 \
  || { cat "$tmp/cpack.log"; fail "cpack failed"; }
debs=("$tmp"/*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then fail "cpack made no single .deb: ${debs[*]}"; fi
deb=${debs[0]}
echo "built $(basename "$deb")"

# --- control fields ---
info=$(dpkg-deb -I "$deb")
echo "$info"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = agora-fwlint ] || fail "Package is not agora-fwlint"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ "$(field Section)" = net ] || fail "Section is not net"
[ -n "$(field Description)" ] || fail "no Description"
# dpkg-shlibdeps: every shared library the binary links, with a minimum version.
depends=$(field Depends)
for lib in libc6 libstdc++6 libyaml-cpp libtinyxml2 libboost-program-options libantlr4-runtime; do
  grep -q "${lib}[^,]* (>= " <<<"$depends" || fail "Depends lacks $lib: $depends"
done

# --- contents ---
contents=$(dpkg-deb -c "$deb" | awk '{ print $NF }')
dpkg-deb -c "$deb"
for path in ./usr/bin/agora-fwlint \
            ./usr/share/man/man1/agora-fwlint.1.gz \
            ./usr/share/doc/agora-fwlint/copyright \
            ./usr/share/bash-completion/completions/agora-fwlint \
            ./usr/share/doc/agora-fwlint/README.md \
            ./usr/share/doc/agora-fwlint/docs/rules/FWL001.md \
            ./usr/share/agora-fwlint/rules/pack.schema.json \
            ./usr/share/agora-fwlint/rules/README.md; do
  grep -qxF "$path" <<<"$contents" || fail "the package lacks $path"
done
for pack in "$source_dir"/rules/*.yaml; do
  grep -qxF "./usr/share/agora-fwlint/rules/$(basename "$pack")" <<<"$contents" \
    || fail "the package lacks the pack $(basename "$pack")"
done
# Debian policy: man pages compressed with gzip -9n, a copyright file in the
# machine-readable format.
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/man/man1/agora-fwlint.1.gz | gzip -t \
  || fail "the man page is not gzip-compressed"
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/doc/agora-fwlint/copyright |
  grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' \
  || fail "the copyright file is not in the machine-readable format"
if grep -v '^\./usr/' <<<"$contents" | grep -qv '^\./$'; then
  fail "the package installs outside /usr"
fi

# --- install, use, remove ---
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  skip "installing the package needs root or passwordless sudo"
fi

# One install at a time on this machine: engineers share it.
exec 9>"${TMPDIR:-/tmp}/agora-fwlint-deb-test.lock"
flock -w 600 9 || fail "another deb_package test holds the lock"

if dpkg-query -W -f='${Status}' agora-fwlint 2>/dev/null | grep -q 'install ok installed'; then
  echo "SKIP: agora-fwlint is installed on this machine already; not replacing it"
  exit 77
fi

apt_get=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300)
installed() { dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' | awk '$1 == "ii" { print $2 }' | sort; }
installed > "$tmp/before"
# Removes what the install added: the package and the dependencies apt-get
# pulled in for it (marked automatic, so not someone else's install meanwhile).
restore() {
  installed > "$tmp/after"
  { echo agora-fwlint; apt-mark showauto; } | sort -u > "$tmp/ours"
  mapfile -t added < <(comm -13 "$tmp/before" "$tmp/after" | comm -12 - "$tmp/ours")
  if [ ${#added[@]} -gt 0 ]; then
    echo "\$ apt-get purge ${added[*]}"
    "${apt_get[@]}" purge "${added[@]}" > "$tmp/purge.log" 2>&1 || { cat "$tmp/purge.log"; return 1; }
  fi
}
trap 'restore || true; cleanup' EXIT

echo "\$ apt-get install ./$(basename "$deb")"
(cd "$tmp" && "${apt_get[@]}" install --no-install-recommends "./$(basename "$deb")") > "$tmp/install.log" 2>&1 \
  || { cat "$tmp/install.log"; fail "apt-get install failed"; }

echo "\$ /usr/bin/agora-fwlint samples/asa/compliant.cfg"
set +e
(cd "$source_dir" && /usr/bin/agora-fwlint samples/asa/compliant.cfg)
status=$?
set -e
[ "$status" -eq 0 ] || fail "the installed agora-fwlint exited $status on samples/asa/compliant.cfg"

if [ ! -f /usr/share/man/man1/agora-fwlint.1.gz ] &&
   grep -qrs '^path-exclude.*/usr/share/man' /etc/dpkg/dpkg.cfg.d/; then
  echo "note: dpkg on this machine does not install man pages (path-exclude in /etc/dpkg/dpkg.cfg.d)"
elif command -v man >/dev/null; then
  echo "\$ man -w -a agora-fwlint"
  man_paths=$(man -w -a agora-fwlint) || fail "man does not find the agora-fwlint page"
  echo "$man_paths"
  grep -qxF /usr/share/man/man1/agora-fwlint.1.gz <<<"$man_paths" || fail "man does not find the package's page"
else
  echo "note: man is not installed; checked the page's file instead"
  [ -f /usr/share/man/man1/agora-fwlint.1.gz ] || fail "the man page was not installed"
fi
bash -n /usr/share/bash-completion/completions/agora-fwlint || fail "the completion script is not valid bash"

trap cleanup EXIT
restore || fail "could not remove the package again"
[ ! -e /usr/bin/agora-fwlint ] || fail "/usr/bin/agora-fwlint is still there after the purge"
echo "PASS"
