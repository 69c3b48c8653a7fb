#!/usr/bin/env bash
# bench-cli-batch.sh PROGRAM SOURCE_ROOT [N]: `rigwire --check`,
# `rigwire --grade` and `rigwire --export=FOLDER/` (a PDF sheet each) of a
# folder of N (1,000) small students' rigs, with one worker (--jobs=1) and
# with one per processor, side by side (issue #13: at least 1.8 times faster
# on 2 cores than one at a time). Prints a table of wall-clock medians of 5
# runs (RIGWIRE_BENCH_RUNS), and the speed-up; and, for --check and
# --export, the same files shared out to one process per processor, the
# speed-up the machine itself allows (see apart() below). A
# benchmark: figures, never pass or fail (it fails only when a run does not
# exit as expected).
set -u

program=$1
root=$2
n=${3:-1000}
cores=$(nproc)
work=$(mktemp -d "${TMPDIR:-/tmp}/rigwire-bench-batch.XXXXXX")
trap 'rm -rf "$work"' EXIT
unset DISPLAY WAYLAND_DISPLAY

exercise="$root/resources/examples/exercise-power-speakers.rigwire"
lesson="$root/resources/examples/lesson-aux-power-speakers.rigwire"
mkdir "$work/class"
# Students: the exercise as handed out, every third one with the lesson's
# cables pasted in (solved), each with its own title so no two files are
# the same bytes.
solution=$(sed -n '/<cable id="c2"/,/<\/cable>/p; /<cable id="c4"/,/<\/cable>/p' "$lesson")
for i in $(seq -w 1 "$n"); do
  if (( 10#$i % 3 == 0 )); then
    awk -v s="$solution" '/<\/cables>/ { print s } { print }' "$exercise"
  else
    cat "$exercise"
  fi | sed "s|<title>[^<]*</title>|<title>Student $i</title>|" > "$work/class/student-$i.rigwire"
done

# The wall-clock seconds of one run of "$@" into $result; it must exit with
# $expect.
timed () {
  local expect=$1; shift
  local start end status
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1
  status=$?
  end=$(date +%s.%N)
  if [ "$status" -ne "$expect" ]; then
    echo "FAIL: rigwire ${2:-} ${3:-} exited $status, not $expect" >&2
    exit 1
  fi
  result=$(echo "$end - $start" | bc -l)
}

# The median of the numbers given.
median () {
  printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"
}

# Other programs on the machine slow the run on every core most: the runs
# on 1 and on every core take turns (so a busy moment hits both alike), and
# the load average is printed with the figures.
# The machine's own ceiling: $cores separate processes of one worker, each
# checking its share of the files, all at once. Whatever the batch loses to
# them it loses in its own code and in the threads it shares a heap with;
# what they lose to one process is the machine's (caches and memory shared
# between cores) and the allocator's: on this 2-core virtual machine, two
# processes spent 3-12 % more CPU time than one alone on glibc's allocator,
# and 1-6 % on mimalloc, which the programs link where the build has it
# (app/meson.build).
# apart COMMAND: --check, or --export=FOLDER/.
apart () {
  local files=("$work"/class/*.rigwire) share pids=() k
  share=$(( (${#files[@]} + cores - 1) / cores ))
  for (( k = 0; k < cores; k++ )); do
    "$program" --jobs=1 "$1" "${files[@]:k * share:share}" > /dev/null 2>&1 &
    pids+=($!)
  done
  # Each share has unsolved students (--check: status 1); anything else is
  # a failure.
  for k in "${pids[@]}"; do
    wait "$k"
    [ $? -le 1 ] || return 2
  done
  return 0
}

runs=${RIGWIRE_BENCH_RUNS:-5}
echo "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
printf '%-8s %6s %10s %10s %8s\n' command files "1 worker" "$cores workers" speed-up
for command in check grade export; do
  if [ "$command" = check ]; then
    args=(--check "$work"/class/*.rigwire)
    expect=1 # the unsolved students' speakers get no signal: errors
  elif [ "$command" = grade ]; then
    args=(--grade "$exercise" "$work/class")
    expect=1
  else
    args=(--export="$work/sheets/" "$work"/class/*.rigwire)
    expect=0
  fi
  ones=() alls=()
  for _ in $(seq "$runs"); do
    timed "$expect" "$program" --jobs=1 "${args[@]}"
    ones+=("$result")
    timed "$expect" "$program" --jobs="$cores" "${args[@]}"
    alls+=("$result")
  done
  one=$(median "${ones[@]}")
  all=$(median "${alls[@]}")
  printf '%-8s %6d %9.3fs %9.3fs %7.2fx\n' "$command" "$n" "$one" "$all" \
    "$(echo "$one / $all" | bc -l)"
  if [ "$command" != grade ] && [ "$cores" -gt 1 ]; then
    sep=()
    for _ in $(seq "$runs"); do
      timed 0 apart "${args[0]}"
      sep+=("$result")
    done
    printf '%-8s %6d %10s %9.3fs %7.2fx  (%d processes, a share each: the ceiling)\n' "$command" \
      "$n" "" "$(median "${sep[@]}")" "$(echo "$one / $(median "${sep[@]}")" | bc -l)" "$cores"
  fi
done
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
