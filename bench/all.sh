#!/usr/bin/env bash
# Every figure of issue 20, one run: each benchmark in turn, then one table of their SUMMARY lines
# (figure, the reference measured in the same run, ratio, goal, verdict, load average).
#   bench/run.sh all            the full sizes (half an hour on a quiet 2-core machine)
#   bench/run.sh all --quick    small sizes, to check the run works (about 7 minutes)
# Each benchmark's whole output is kept in bench/target/all/<n>-<name>.txt; the table is printed at
# the end and kept in bench/target/all/summary.txt. Always exits 0 once the build has succeeded.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

quick=0
[[ "${1:-}" == --quick ]] && quick=1
if ((quick)); then
  legs=(
    "survey --size 200000 --rounds 3 --warmup 2 --http-warm 10"
    "progress --scales 1 --rounds 10"
    "pages --only overview,static --seconds 5 --warmup 15 --rounds 1"
    "replicas --seconds 5 --warmup 2 --rounds 1"
    "ingest --rows 100000 --rounds 1"
    "ingest --rows 100000 --rounds 1 --jvm-arg -Datalaya.upload.straight-copy=false"
    "startup --rounds 1 --cds"
    "national --fraction 0.02 --rounds 3"
  )
else
  legs=(
    "survey"
    "progress --scales 1,10,50 --rounds 30"
    "pages --only overview,static"
    "replicas"
    "ingest --rounds 1 --timeout 300"
    "ingest --rounds 1 --timeout 300 --jvm-arg -Datalaya.upload.straight-copy=false"
    "startup --rounds 3 --cds"
    "national --fraction 0.25"
  )
fi

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building (mvn -q -DskipTests package)..."
  # shellcheck disable=SC2086
  mvn -q -DskipTests ${MVN_ARGS:-} package || exit 1
fi

out=bench/target/all
rm -rf "$out" && mkdir -p "$out"
started=$(date -u +%FT%TZ)
n=0
for leg in "${legs[@]}"; do
  n=$((n + 1))
  name=$n-${leg%% *}
  echo "=== bench/run.sh $leg   $(date -u +%T)   load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/$name.txt"
  # shellcheck disable=SC2086
  SKIP_BUILD=1 bench/run.sh $leg 2>&1 | tee -a "$out/$name.txt"
  echo "=== end of $name   $(date -u +%T)   load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/$name.txt"
done

{
  echo
  echo "Issue 20, every figure of one run ($started to $(date -u +%FT%TZ)),"
  echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo),"\
    "git $(git rev-parse --short HEAD 2>/dev/null || echo '?')$( ((quick)) && echo ', QUICK sizes (not the goals'"'"' sizes)')"
  echo
  n=0
  for leg in "${legs[@]}"; do
    n=$((n + 1))
    name=$n-${leg%% *}
    lines=$(grep '^SUMMARY|' "$out/$name.txt")
    if [[ -z "$lines" ]]; then
      echo "[$name] no figures: see $out/$name.txt"
      continue
    fi
    echo "[bench/run.sh $leg]"
    while IFS='|' read -r _ path figure reference ratio goal met load; do
      echo "  $path"
      printf '    %-40s  reference: %s\n' "$figure" "$reference"
      printf '    ratio: %-30s  goal: %s -> %s   (load %s)\n' "$ratio" "$goal" "$met" "$load"
    done <<<"$lines"
  done
} | tee "$out/summary.txt"
exit 0
