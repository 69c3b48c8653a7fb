#!/usr/bin/env bash
# check-examples.sh XMLLINT SCHEMA.rng DIR: validates every *.rigwire under DIR
# against the RELAX NG schema. Fails if any file (or the schema) is invalid;
# passes with zero files, saying so.
set -u

if [ $# -ne 3 ]; then
  echo "usage: $0 XMLLINT SCHEMA.rng DIR" >&2
  exit 2
fi
xmllint=$1
schema=$2
dir=$3

if ! "$xmllint" --noout "$schema"; then
  echo "FAIL: $schema is not well-formed XML" >&2
  exit 1
fi

checked=0
invalid=0
while IFS= read -r -d '' file; do
  checked=$((checked + 1))
  if ! "$xmllint" --noout --relaxng "$schema" "$file"; then
    invalid=$((invalid + 1))
  fi
done < <(find "$dir" -name '*.rigwire' -type f -print0 | sort -z)

echo "checked $checked file(s) in $dir against $(basename "$schema"): $invalid invalid"
[ "$invalid" -eq 0 ]
