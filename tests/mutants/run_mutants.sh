#!/usr/bin/env bash
# The accept-implies-compiles campaign (issue 18): COUNT mutated models (make_mutants.cpp) go
# through ctnn-convert; each must be rejected cleanly (exit 2, one `ctnn-convert: error: FILE:
# ...` line, never "operator #-1") or converted into a header that compiles and whose model
# instantiates. A crash, a hang (10 s), an unclear rejection or an accepted model that does
# not compile is a failure; the files of every failure are kept in WORK/failures/.
#
#   tests/mutants/run_mutants.sh --convert PATH [--count N] [--seed S] [--work DIR] [--jobs J]
#
# `scripts/test.sh --full` runs it on 400 mutants; it is too slow for every commit (each accepted
# mutant is a compile).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
convert="" count=200 seed=1 work="" jobs="${CTNN_JOBS:-2}"
while [ $# -gt 0 ]; do
  case "$1" in
    --convert) convert="$2"; shift 2 ;;
    --count) count="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    *) echo "usage: $0 --convert PATH [--count N] [--seed S] [--work DIR] [--jobs J]" >&2; exit 2 ;;
  esac
done
[ -x "$convert" ] || { echo "run_mutants: --convert must name the ctnn-convert executable" >&2; exit 2; }
[ -n "$work" ] || work="$(mktemp -d)"
rm -rf "$work/models" "$work/failures"
mkdir -p "$work/models" "$work/failures"
work="$(cd "$work" && pwd)"  # absolute: each generated .cpp includes its header by path
convert="$(cd "$(dirname "$convert")" && pwd)/$(basename "$convert")"
cxx="${CXX:-c++}"
"$cxx" -std=c++20 -O1 -o "$work/make_mutants" "$here/make_mutants.cpp"
"$work/make_mutants" "$work/models" "$count" "$seed"

check_one() {  # <model.tflite> -> prints "<class> <file>"
  local model="$1" stem="${1%.tflite}" rc=0
  timeout 10 "$convert" --namespace mutant -o "$stem.hpp" "$model" 2>"$stem.err" >/dev/null || rc=$?
  if [ "$rc" -eq 124 ]; then echo "hang $model"; return; fi
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; then echo "crash $model"; return; fi
  if [ "$rc" -eq 2 ]; then
    if [ "$(wc -l < "$stem.err")" -eq 1 ] && grep -q "^ctnn-convert: error: $model: " "$stem.err" && ! grep -q "operator #-" "$stem.err"; then
      echo "rejected $model"
    else
      echo "unclear $model"
    fi
    return
  fi
  printf '#include "%s"\nstatic ctnn::instance<mutant::model> net;\nint main() { net.invoke(); net.invoke_reference(); }\n' "$stem.hpp" > "$stem.cpp"
  if timeout 120 "$cxx" -std=c++20 -O0 -c -I"$root/include" -fconstexpr-ops-limit=4294967296 -fconstexpr-loop-limit=16777216 \
       "$stem.cpp" -o /dev/null 2>"$stem.compile"; then
    echo "accepted $model"
  else
    echo "uncompilable $model"
  fi
}
export -f check_one
export convert root cxx
ls "$work/models"/*.tflite | xargs -P "$jobs" -I{} bash -c 'check_one {}' > "$work/results.txt"

for class in rejected accepted crash hang unclear uncompilable; do
  printf '%-13s %s\n' "$class" "$(grep -c "^$class " "$work/results.txt" || true)"
done
failed=0
while read -r class model; do
  case "$class" in
    rejected|accepted) ;;
    *) failed=$((failed + 1)); cp "${model%.tflite}".* "$work/failures/" 2>/dev/null || true
       echo "FAIL $class: $model ($(head -1 "${model%.tflite}.txt"); $(grep edit "${model%.tflite}.txt" | tr -d '\n'))" ;;
  esac
done < "$work/results.txt"
total=$(wc -l < "$work/results.txt")
echo "mutants: $((total - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
