#!/bin/sh
# check-pot-catalog.sh SOURCE_ROOT: xgettext, with the ITS rules of po/its/,
# extracts what users read from the device catalog and the example rigs (a
# model's name, description, keywords with their translator note, a jack's
# name, an example's title and notes) and leaves the data alone (ids,
# device labels). Skipped (77) without xgettext.
set -eu
root=$1
command -v xgettext >/dev/null 2>&1 || { echo "no xgettext: skipped"; exit 77; }
pot=$(mktemp "${TMPDIR:-/tmp}/rigwire-catalog-XXXXXX.pot")
log=$(mktemp "${TMPDIR:-/tmp}/rigwire-catalog-XXXXXX.log")
trap 'rm -f "$pot" "$log"' EXIT
cd "$root"
# The catalog is UTF-8 (Ω); xgettext warns about every such msgid, which is
# noise here: its log is shown only when it fails. (--omit-header would drop
# every non-ASCII character: the header declares the charset.)
export LC_ALL=C.UTF-8
if ! GETTEXTDATADIRS="$root/po" xgettext --from-code=UTF-8 --no-wrap -o "$pot" \
     resources/devices/*.xml resources/examples/*.rigwire 2>"$log"; then
  cat "$log" >&2
  exit 1
fi
status=0
expect() {
  if ! grep -qxF -- "$1" "$pot"; then
    echo "the catalog's POT lacks: $1" >&2
    status=1
  fi
}
refuse() {
  if grep -qxF -- "$1" "$pot"; then
    echo "the catalog's POT holds data users do not read: $1" >&2
    status=1
  fi
}
expect 'msgid "Headphones (32 Ω)"'
expect 'msgid "Closed-back consumer headphones, 32 Ω and 100 dB SPL/mW: loud enough from any phone or laptop."'
expect 'msgid "headphones closed consumer 32 ohm 3.5 portable"'
expect 'msgid "Headphone plug"'
expect 'msgid "Car audio"'
expect 'msgid "A phone plays into the head unit'"'"'s front aux input; the head unit'"'"'s four built-in amplifier channels drive the four door speakers."'
expect 'msgid "Can aux in be used as aux out?"'
refuse 'msgid "headphones-32"'
refuse 'msgid "Front left door"'
refuse 'msgid "Rigwire examples"'
if ! grep -B6 -xF 'msgid "headphones closed consumer 32 ohm 3.5 portable"' "$pot" \
     | grep -q '^#\. Search words for this device'; then
  echo "the keywords lack their translator note" >&2
  status=1
fi
[ $status -eq 0 ] && echo "the catalog's POT holds the names, descriptions, keywords, jacks and examples"
exit $status
