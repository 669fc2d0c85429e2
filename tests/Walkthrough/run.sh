#!/usr/bin/env bash
# Clone to green, as a new learner would: a fresh clone of this repository's HEAD in a temp folder, then in it
# README's first command (`./grade 01`: builds the tool with progress, grades the starter), the solution
# (`./grade 01 --file …/solution/Function.cs`), the `./grade` listing, `./course reset`, and bin/run.sh.
# (README's second command, .ci/run, is what runs this script, so it is not run again here.)
# Ends with "N passed, N failed"; exits 1 when anything failed. .ci/run runs it.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0; failed=0
export COURSE_GRADE_SERVER=0   # enabled below for the grade-server step only

check() {   # check <description> <command…>: passes when the command succeeds
  local what="$1"; shift
  if "$@"; then passed=$((passed + 1)); echo "  ok   $what"; else failed=$((failed + 1)); echo "  FAIL $what"; fi
}

echo "== walkthrough: fresh clone into $work/course"
git clone --quiet "$root" "$work/course" || { echo "0 passed, 1 failed"; exit 1; }
cd "$work/course" || exit 1
[[ ! -e .build ]] || { echo "the clone has a .build folder"; echo "0 passed, 1 failed"; exit 1; }

start=$SECONDS
./grade 01 >"$work/starter.out" 2>"$work/starter.err"; code=$?
echo "  (first ./grade 01 took $((SECONDS - start)) s, the tool's build included)"
check "README's first command (./grade 01) grades the starter: exit 1" test "$code" -eq 1
check "the first build shows its steps and elapsed time" grep -qE "building the course tool|built in [0-9]+ s" "$work/starter.err"
check "the starter run has hints" grep -q "hint:" "$work/starter.out"
check "the starter run says which file to edit and where the tasks are" \
  grep -q "edit   exercises/01-hello-api/Function.cs" "$work/starter.out"
grep -q "tasks  exercises/01-hello-api/README.md" "$work/starter.out" || { failed=$((failed + 1)); echo "  FAIL tasks line"; }

./grade 01 --file exercises/01-hello-api/solution/Function.cs >"$work/solution.out" 2>&1; code=$?
check "the solution scores 100 %: exit 0" test "$code" -eq 0
check "the solution's report says 10/10 (100 %)" grep -q "score 10/10 (100 %)" "$work/solution.out"
next_exercise=$(ls exercises | sed -n 2p)   # the exercise after 01 in course order
check "100 % points to the next lesson and exercise" grep -q "next exercise  $next_exercise" "$work/solution.out"

./grade >"$work/list.out" 2>&1; code=$?
check "./grade alone lists the exercises: exit 0" test "$code" -eq 0
check "the listing shows the starter's score for 01 and 'not started' for 04" \
  grep -qE "01-hello-api .* [0-9]+/10$" "$work/list.out"
grep -qE "04-init-once .* not started$" "$work/list.out" || { failed=$((failed + 1)); echo "  FAIL 04 not started"; cat "$work/list.out"; }
check "the listing suggests the next exercise" grep -q "next: ./grade 01" "$work/list.out"

cp exercises/01-hello-api/solution/Function.cs exercises/01-hello-api/Function.cs
./grade 01 >/dev/null 2>&1
./grade >"$work/list2.out" 2>&1
check "after the learner's own file passes, the listing says passed" grep -qE "01-hello-api .* passed$" "$work/list2.out"
./course reset 01 >"$work/reset.out" 2>&1; code=$?
check "./course reset 01 restores the starter and keeps a backup" test "$code" -eq 0
check "the restored file is the starter" cmp -s exercises/01-hello-api/Function.cs exercises/01-hello-api/.starter/Function.cs
check "the learner's file is kept" bash -c 'ls exercises/01-hello-api/Function.cs.bak-* >/dev/null 2>&1'
check "git sees only the backup as new (no other learner file touched)" \
  test "$(git status --porcelain | grep -v 'Function.cs.bak-' | wc -l)" -eq 0

# The grade server: the first run grades in-process and starts it; the next run is answered by it, identically.
export COURSE_GRADE_SERVER=1 COURSE_GRADE_SERVER_IDLE=120
trap './course grade-server --stop >/dev/null 2>&1; rm -rf "$work"' EXIT
./grade 01 >"$work/inproc.out" 2>&1
for _ in $(seq 1 50); do compgen -G ".build/grade/grade-*.sock" >/dev/null && break; sleep 0.2; done
COURSE_GRADE_TIMINGS=1 ./grade 01 >"$work/served.out" 2>"$work/served.err"; code=$?
check "a later ./grade is answered by the grade server" grep -q "graded by the grade server" "$work/served.err"
check "the server's answer is the in-process report (exit 1, same lines)" \
  bash -c "test $code -eq 1 && diff <(grep -v '^measured:' '$work/inproc.out') <(grep -v '^measured:' '$work/served.out')"
check "./course grade-server --stop stops it" bash -c './course grade-server --stop | grep -q "grade server stopped" && ! compgen -G ".build/grade/grade-*.sock" >/dev/null'
export COURSE_GRADE_SERVER=0

mkdir -p "$work/in"; cp exercises/01-hello-api/.starter/Function.cs "$work/in/"
bin/run.sh hello-api "$work/in" "$work/exercism" >/dev/null 2>&1; code=$?
check "bin/run.sh writes results.json v3 and exits 0" test "$code" -eq 0
grep -q '"version": 3' "$work/exercism/results.json" || { failed=$((failed + 1)); echo "  FAIL results.json version"; }

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
