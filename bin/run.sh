#!/usr/bin/env bash
# bin/run.sh <exercise-slug> <solution-dir> <output-dir>
# Exercism's test-runner interface: grades the handler in <solution-dir> against the course's exercise <slug>
# (01-hello-api, hello-api or 01) and writes <output-dir>/results.json (Exercism results.json v3).
# Exits 0 whenever results.json was written, whatever the checks say (the runner itself did not fail);
# 2 for bad arguments. COURSE_EXE overrides the tool to run (default: ./course at the course root).
set -uo pipefail
if [[ $# -ne 3 ]]; then
  echo "usage: bin/run.sh <exercise-slug> <solution-dir> <output-dir>" >&2
  exit 2
fi
slug="$1"; input="${2%/}"; output="${3%/}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

exercise=""
for dir in "$root/exercises/$slug" "$root"/exercises/*-"$slug" "$root"/exercises/"$slug"-*; do
  if [[ -f "$dir/exercise.yaml" ]]; then exercise="$dir"; break; fi
done
if [[ -z "$exercise" ]]; then
  echo "bin/run.sh: no exercise '$slug' under $root/exercises" >&2
  exit 2
fi
# handler.file from exercise.yaml (default Function.cs).
file=$(awk '/^handler:/ { h = 1; next } h && /^[^ ]/ { h = 0 } h && $1 == "file:" { print $2; exit }' "$exercise/exercise.yaml")
file="${file:-Function.cs}"
mkdir -p "$output"

export COURSE_GRADE_SERVER=0   # one grade per run: a background server would only linger
if [[ -n "${COURSE_EXE:-}" ]]; then read -ra tool <<<"$COURSE_EXE"; else tool=("$root/course"); fi
if [[ ! -f "$input/$file" ]]; then
  printf '{\n  "version": 3,\n  "status": "error",\n  "message": "%s is missing: the solution must hold %s."\n}\n' "$file" "$file" >"$output/results.json"
  exit 0
fi

cd "$input" && "${tool[@]}" grade "$exercise" --file "$input/$file" --format json >"$output/results.json.tmp" 2>"$output/runner.log"
code=$?
if [[ $code -le 2 && -s "$output/results.json.tmp" ]]; then
  mv "$output/results.json.tmp" "$output/results.json"
  exit 0
fi
echo "bin/run.sh: the grader failed (exit $code); see $output/runner.log" >&2
rm -f "$output/results.json.tmp"
exit 1
