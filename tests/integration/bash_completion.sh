#!/usr/bin/env bash
# Drives the generated bash completion (packaging/bash-completion.in) the way
# bash does: COMP_WORDS/COMP_CWORD in, COMPREPLY out. Runs it on its own and,
# where the bash-completion package is installed, with its helpers loaded.
# Usage: bash_completion.sh COMPLETION_SCRIPT AGORA_FWLINT_BINARY SOURCE_DIR
set -euo pipefail

completion=$(realpath "$1")
binary=$(realpath "$2")
cd "$3"

check() {
  local helpers=$1
  bash --norc --noprofile -s "$completion" "$binary" "$helpers" <<'EOF'
set -u
completion=$1 binary=$2 helpers=$3
if [ -n "$helpers" ]; then source "$helpers"; fi
source "$completion"
status=0
# complete WORD...: the completions of the last word.
complete_words() {
  COMP_WORDS=("$binary" "$@")
  COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
  COMP_LINE="${COMP_WORDS[*]}"
  COMP_LINE=${COMP_LINE// = /=}               # as typed: --format=j
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _agora_fwlint
  printf '%s\n' "${COMPREPLY[@]}" | sort
}
expect() {  # expect "WANTED WORDS" WORD...
  local want=$1; shift
  local got
  got=$(complete_words "$@" | tr '\n' ' ' | sed 's/ $//')
  if [ "$got" != "$want" ]; then
    echo "FAIL${helpers:+ (with bash-completion)}: [$*] completed to [$got], expected [$want]"
    status=1
  fi
}
expect_some() {  # expect_some WANTED WORD...: WANTED is among the completions
  local want=$1; shift
  if ! complete_words "$@" | grep -qxF -- "$want"; then
    echo "FAIL${helpers:+ (with bash-completion)}: [$*] does not offer $want"
    status=1
  fi
}

expect "--format" --form
expect "json" --format j
expect "json" --format = j                 # bash splits --format=j at the '='
expect "json sarif text" -f ''
expect "asa iptables pf windows" --dialect ''
expect "domain private public" --profile ''
expect "auto gateway host" --mode ''
expect "rtm-native rtm-web" --sdk rtm
expect "rtc-native rtc-web" --pack agora@2020-09 --sdk rtc      # no rtc-native-domain-limit then
expect "rtc-native rtc-web" --pack = agora@2020-09 --sdk rtc
expect_some rtc-native-domain-limit --sdk rtc
expect_some agora --pack ag
expect_some agora@2020-09 --pack ag
expect_some agora@2026-02 --diff-packs agora@2020-09 ag
expect_some stream-channel --without ''
expect_some force-tcp --proxy-mode ''
expect_some FWL001 --explain FWL
expect "" --sdk-version ''
expect "samples/asa/small-office.cfg" --sdk rtm-web samples/asa/sm
expect "samples/asa/small-office.cfg" --config samples/asa/sm
# Every option of --help is offered.
for option in $("$binary" --help | grep -oE '^  (-[a-zA-Z0-9] \[ )?--[a-z0-9-]+' | grep -oE -- '--[a-z0-9-]+'); do
  expect_some "$option" "${option:0:3}"
done
exit $status
EOF
}

check ""
helpers=/usr/share/bash-completion/bash_completion
if [ -f "$helpers" ]; then
  check "$helpers"
else
  echo "note: $helpers is not installed; checked the completion without its helpers only"
fi
echo PASS
