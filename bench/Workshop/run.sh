#!/usr/bin/env bash
# bench/Workshop/run.sh [N] [JOBS]: grades N synthetic submissions of exercise 01 with `./course workshop grade
# --jobs JOBS` and prints the elapsed time. Each submission is the solution with its own comment line, so every
# one is a distinct file (a real compile, no cache hit) and every one scores 10/10. Defaults: 100 submissions, 2 jobs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-100}"; jobs="${2:-2}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for i in $(seq -w 1 "$n"); do
  dir="$work/submissions/student-$i/exercises/01-hello-api"
  mkdir -p "$dir"
  { echo "// submission $i"; cat "$root/exercises/01-hello-api/solution/Function.cs"; } >"$dir/Function.cs"
done
"$root/course" --help >/dev/null   # build the tool first if needed (not timed)
start=$(date +%s.%N)
"$root/course" workshop grade "$work/submissions" --exercise 01 --jobs "$jobs" --out "$work/out" 2>/dev/null
end=$(date +%s.%N)
passed=$(awk -F, 'NR > 1 && $2 == 10' "$work/out/gradebook.csv" | wc -l)
echo "graded $n submissions with $jobs jobs in $(echo "$end - $start" | bc) s; $passed scored 10/10"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1-3 /proc/loadavg)"
