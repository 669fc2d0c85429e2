#!/usr/bin/env bash
# bench/GradeWatch/run.sh [EDITS]: `./grade 01 --watch` re-grading after a save, with the standby worker prepared
# (the default) and without (COURSE_GRADE_PREPARE=0), alternating so both see the same machine load. Two watchers run
# under pseudo-terminals, each over its own copy of exercise 01's solution; each edit appends a comment to one copy (a
# changed file: a real compile, no cache hit) and reads that watcher's `measured:` line (the grader's own real time
# for the re-grade; the debounce is not included). Prints each pair, both medians and ranges, and the machine's load.
# COURSE_GRADE_TIMINGS=1 in the environment keeps both logs with the grader's and the worker's phases in $TMPDIR.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
edits="${1:-9}"
work="$(mktemp -d)"
"$root/course" --help >/dev/null                              # builds the tool if needed
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
  sleep 0.5
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
start() {   # start <name> <COURSE_GRADE_PREPARE value>
  mkdir -p "$work/$1"
  cp "$root/exercises/01-hello-api/solution/Function.cs" "$work/$1/Function.cs"
  COURSE_GRADE_SERVER=0 COURSE_GRADE_PREPARE="$2" script -qfc "'$root/grade' 01 --file '$work/$1/Function.cs' --watch" "$work/$1.log" >/dev/null 2>&1 &
  pids+=($!)
}
count() { grep -ac 'measured:' "$work/$1.log" 2>/dev/null || true; }
edit() {    # edit <name> <n>: one save, wait for its re-grade, print its measured ms
  local before; before=$(count "$1")
  echo "// edit $2" >>"$work/$1/Function.cs"
  for _ in $(seq 1 150); do [[ $(count "$1") -gt $before ]] && break; sleep 0.1; done
  grep -ao 'measured: [0-9,]* ms' "$work/$1.log" | tail -1 | tr -d , | awk '{print $2}'
}
start prepared 1
start unprepared 0
for name in prepared unprepared; do
  for _ in $(seq 1 150); do grep -aq 'watching for changes' "$work/$name.log" 2>/dev/null && break; sleep 0.2; done
done
sleep 3                                                       # the first standby workers warm up
on=(); off=()
for i in $(seq 1 "$edits"); do
  a=$(edit prepared "$i"); sleep 2                            # the next standby warms up, as between saves
  b=$(edit unprepared "$i"); sleep 2
  on+=("$a"); off+=("$b"); echo "edit $i: prepared $a ms, unprepared $b ms"
done
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {printf "median %s ms (%s–%s)", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), a[1], a[NR]}'; }
echo "re-grade after a save over $edits edits: prepared $(stats "${on[@]}"); unprepared (COURSE_GRADE_PREPARE=0) $(stats "${off[@]}")"
if [[ -n "${COURSE_GRADE_TIMINGS:-}" ]]; then cp "$work/prepared.log" "$work/unprepared.log" "${TMPDIR:-/tmp}/"; fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
