#!/bin/sh
# check-potfiles.sh SOURCE_ROOT: every file with translatable strings is in
# po/POTFILES.in, and every file listed there exists. Files move as the code
# is reshaped; a string left out of the POT is never translated. The device
# catalog and the example rigs are translatable too (po/its/ names what
# xgettext extracts from them), so each of them must be listed as well.
set -eu
root=$1
cd "$root"
status=0
listed=$(grep -v '^#' po/POTFILES.in | grep -v '^$' | sort)
for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist" >&2
    status=1
  fi
done
found=$( (grep -rlE '(^|[^A-Za-z0-9_])(N?_|C_|g_dngettext|ngettext) \(' app widgets --include='*.c';
          grep -rl 'translatable="yes"' resources/ui --include='*.ui';
          # The catalog and the example rigs: po/its/ says what is extracted.
          ls resources/devices/*.xml resources/examples/*.rigwire) | sort)
for f in $found; do
  if ! printf '%s\n' "$listed" | grep -qx "$f"; then
    echo "$f has translatable strings but is not in po/POTFILES.in" >&2
    status=1
  fi
done
for f in po/its/rigwire-catalog.its po/its/rigwire-catalog.loc \
         po/its/rigwire-rig.its po/its/rigwire-rig.loc; do
  if [ ! -f "$f" ]; then
    echo "$f is missing: xgettext cannot extract the catalog and examples" >&2
    status=1
  fi
done
[ $status -eq 0 ] && echo "po/POTFILES.in lists every translatable file"
exit $status
