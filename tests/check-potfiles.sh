#!/bin/sh
# check-potfiles.sh SOURCE_ROOT: every file with translatable strings is in
# po/POTFILES.in, and every file listed there exists. Files move as the code
# is reshaped; a string left out of the POT is never translated.
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
          grep -rl 'translatable="yes"' resources/ui --include='*.ui') | sort)
for f in $found; do
  if ! printf '%s\n' "$listed" | grep -qx "$f"; then
    echo "$f has translatable strings but is not in po/POTFILES.in" >&2
    status=1
  fi
done
[ $status -eq 0 ] && echo "po/POTFILES.in lists every translatable file"
exit $status
