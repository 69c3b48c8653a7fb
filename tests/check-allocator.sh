#!/bin/sh
# check-allocator.sh PROGRAM...: each headless program, built with mimalloc
# (app/meson.build says why), really runs on it. Linking the library is not
# enough: it must come before the C library in the program's search order,
# or GLib and libxml2 still get the C library's malloc() and free(). The
# dynamic linker tells where it binds each library's calls (LD_DEBUG); this
# fails unless both libraries' malloc() and free() are bound to mimalloc.
set -u

status=0
for program in "$@"; do
  name=$(basename "$program")
  bindings=$(LD_DEBUG=bindings "$program" --version 2>&1 >/dev/null)
  for library in libglib-2.0.so libxml2.so; do
    for symbol in malloc free; do
      if printf '%s\n' "$bindings" \
          | grep -q "binding file [^ ]*/$library[^ ]* .* to [^ ]*/libmimalloc\.so[^ ]* .*symbol \`$symbol'"; then
        echo "ok: $name: $library's $symbol() is mimalloc's"
      else
        echo "FAIL: $name: $library's $symbol() is not mimalloc's"
        printf '%s\n' "$bindings" | grep "$library.*symbol \`$symbol'" | head -n 3
        status=1
      fi
    done
  done
done
exit $status
