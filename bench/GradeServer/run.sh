#!/usr/bin/env bash
# bench/GradeServer/run.sh [RUNS]: grading after an edit, through the grade server and in-process, alternating so
# both see the same machine load. Each run appends a comment to a copy of exercise 01's solution (a changed file:
# a real compile, no cache hit) and times `./grade 01 --file <copy>`. Prints each pair and both medians.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-9}"
file="$(mktemp --suffix=.cs)"
trap 'rm -f "$file"; "$root/course" grade-server --stop >/dev/null 2>&1 || true' EXIT
cp "$root/exercises/01-hello-api/solution/Function.cs" "$file"
export COURSE_GRADE_SERVER=1
"$root/grade" 01 --file "$file" >/dev/null || true          # builds if needed; starts the server
for _ in $(seq 1 50); do compgen -G "$root/.build/grade/grade-*.sock" >/dev/null && break; sleep 0.2; done
"$root/grade" 01 --file "$file" >/dev/null || true          # the server's first request (warm-up)
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null || true; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
served=(); inproc=()
for i in $(seq 1 "$runs"); do
  echo "// edit a$i" >>"$file"; a=$(ms "$root/grade" 01 --file "$file")
  echo "// edit b$i" >>"$file"; b=$(COURSE_GRADE_SERVER=0 ms "$root/grade" 01 --file "$file")
  served+=("$a"); inproc+=("$b"); echo "run $i: served $a ms, in-process $b ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
echo "median after an edit: served $(median "${served[@]}") ms, in-process $(median "${inproc[@]}") ms"
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
