#!/bin/sh
# help2man runs this in place of agora-fwlint (the binary is $FWLINT_BINARY):
# the same --help and --version, with Boost's "-f [ --format ] arg" spelled
# "-f, --format=ARG" as man pages do, and the closing "Exit status:" paragraph
# under a heading of its own (help2man's "*Section*" line).
set -e
out=$("$FWLINT_BINARY" "$@")
printf '%s\n' "$out" | sed \
  -e 's/^  -\([A-Za-z0-9]\) \[ \(--[A-Za-z0-9-]*\) \]/  -\1, \2/' \
  -e 's/^\(  \(-[A-Za-z0-9], \)\{0,1\}--[A-Za-z0-9-]*\) arg\([ ]\|$\)/\1=ARG\3/' \
  -e 's/^Exit status: */*Exit status*\
/'
