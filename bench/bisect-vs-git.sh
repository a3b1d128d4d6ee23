#!/usr/bin/env bash
# virt-regress bisect against git bisect run, side by side, on generated histories:
#   (a) a linear history of LINEAR_N commits (default 10000)
#   (b) a merge-heavy history with MERGE_BRANCHES side branches merged back (default 700, ~4,500 commits)
# Both run the same test, bench/predicate.sh: bad when CULPRIT is an ancestor of HEAD
# (git merge-base --is-ancestor). Prints probes, rounds, wall time, test time, overhead and the
# ratios; then accuracy under flakiness (TRIALS seeded in-process trials, a bad commit passes 10%).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$root/cli/target/virt-regress.jar"
LINEAR_N="${LINEAR_N:-10000}"
MERGE_BRANCHES="${MERGE_BRANCHES:-700}"
TRIALS="${TRIALS:-200}"

if [ ! -f "$jar" ]; then
  echo "building $jar" >&2
  (cd "$root" && if command -v mvn >/dev/null; then mvn -B -q -DskipTests -pl engine,cli -am package; \
    else ./mvnw -B -q -DskipTests -pl engine,cli -am package; fi) >&2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

now() { date +%s%N; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e9 }'; }
test_ns() { awk '{ s += $2 - $1 } END { printf "%d", s }' "$1"; }

make_repo() { # name kind args...
  local dir="$work/$1"; shift
  git init -q "$dir"
  python3 "$here/gen-history.py" "$@" | git -C "$dir" fast-import --quiet
  git -C "$dir" checkout -q main
}

row() { # label tool probes runs rounds wall_ns test_ns culprit_ok
  printf '%-13s %-34s %6s %6s %6s %8s %8s %9s  %s\n' "$1" "$2" "$3" "$4" "$5" "$(secs "$6")" "$(secs "$7")" \
    "$(secs $(( $6 - $7 )))" "$8"
}

run_git() { # label repo good bad culprit
  local clone="$work/git-clone" times="$work/git-times"
  rm -rf "$clone"; : > "$times"
  git clone -q "$2" "$clone"
  local start end out
  start=$(now)
  git -C "$clone" bisect start "$4" "$3" >/dev/null
  out="$(git -C "$clone" bisect run sh "$here/predicate.sh" "$5" "$times" 2>&1)" || true
  end=$(now)
  local found ok probes
  found="$(printf '%s\n' "$out" | sed -n 's/^\([0-9a-f]\{40\}\) is the first bad commit.*/\1/p' | head -1)"
  ok=$([ "$found" = "$5" ] && echo "yes" || echo "NO ($found)")
  probes=$(wc -l < "$times")
  GIT_PROBES=$probes GIT_WALL=$((end - start)) GIT_TEST=$(test_ns "$times")
  row "$1" "git bisect run" "$probes" "$probes" "$probes" "$GIT_WALL" "$GIT_TEST" "$ok"
}

run_ours() { # label repo good bad culprit k confirm
  local report="$work/report-$6-$7" times="$work/ours-times"
  rm -rf "$report"; : > "$times"
  local start end
  start=$(now)
  java -jar "$jar" bisect --repo "$2" --good "$3" --bad "$4" --probes "$6" --confirm "$7" --report "$report" \
    -- sh "$here/predicate.sh" "$5" "$times" > "$work/ours.out" 2>&1 || true
  end=$(now)
  read -r found probes rounds candidates < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
print((r.get("culprit") or {}).get("id", "-"), r["bisectionProbes"], r["rounds"], r["candidates"])' "$report/bisect.json")
  local ok runs
  ok=$([ "$found" = "$5" ] && echo "yes" || echo "NO ($found)")
  runs=$(wc -l < "$times")
  OURS_PROBES=$probes OURS_ROUNDS=$rounds OURS_WALL=$((end - start)) OURS_TEST=$(test_ns "$times") CANDIDATES=$candidates
  row "$1" "virt-regress k=$6 confirm $7" "$probes" "$runs" "$rounds" "$OURS_WALL" "$OURS_TEST" "$ok"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.2f", a / b }'; }

compare() { # label repo good bad culprit
  local label="$1"; shift
  run_git "$label" "$@"
  local gp=$GIT_PROBES gw=$GIT_WALL gt=$GIT_TEST
  run_ours "$label" "$@" 1 0
  echo "    ratio ours/git (k=1, no confirmation): probes $(ratio "$OURS_PROBES" "$gp"),"\
       "wall $(ratio "$OURS_WALL" "$gw"), overhead $(ratio $((OURS_WALL - OURS_TEST)) $((gw - gt)))"\
       "(ours also tests the bad end once: 1 extra run)"
  run_ours "$label" "$@" 1 3
  run_ours "$label" "$@" 3 0
  local bound
  bound=$(python3 -c "import math,sys; n=int(sys.argv[1]); print(math.ceil(math.log(n)/math.log(4)-1e-9)+1)" "$CANDIDATES")
  echo "    k=3: $OURS_ROUNDS rounds for $CANDIDATES candidates; goal <= ceil(log4 N)+1 = $bound:"\
       "$([ "$OURS_ROUNDS" -le "$bound" ] && echo met || echo MISSED)"
}

echo "generating histories (git fast-import) ..."
make_repo linear linear "$LINEAR_N"
make_repo merges merges "$MERGE_BRANCHES" 5
echo "linear: $(git -C "$work/linear" rev-list --count main) commits;" \
     "merge-heavy: $(git -C "$work/merges" rev-list --count main) commits, $(git -C "$work/merges" rev-list --count --merges main) merges"
echo
printf '%-13s %-34s %6s %6s %6s %8s %8s %9s  %s\n' history tool probes runs rounds "wall s" "test s" "overhead" culprit

lin_good="$(git -C "$work/linear" rev-list --max-parents=0 main)"
lin_culprit="$(git -C "$work/linear" rev-parse "main~$(( LINEAR_N * 32 / 100 ))")"
compare "linear" "$work/linear" "$lin_good" main "$lin_culprit"

mrg_good="$(git -C "$work/merges" rev-list --max-parents=0 main)"
mrg_culprit="$(git -C "$work/merges" rev-list --no-merges main | sed -n "$(( $(git -C "$work/merges" rev-list --count --no-merges main) * 3 / 5 ))p")"
compare "merge-heavy" "$work/merges" "$mrg_good" main "$mrg_culprit"

echo
java -cp "$jar" "$here/BisectAccuracy.java" "$TRIALS" 10000 0.1 3 3 1
