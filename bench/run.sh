#!/usr/bin/env bash
# Builds the service and the bench, then runs a benchmark (see bench/README.md).
#   bench/run.sh                     the startup benchmark, 3 rounds
#   bench/run.sh --rounds 5          options pass through to the benchmark (--help lists them)
#   bench/run.sh startup --rounds 5  the same, naming the benchmark
#   bench/run.sh ingest              1,000,000 rows by CSV upload and by COPY, side by side
#   bench/run.sh ingest --rounds 2   options pass through as for startup (--help lists them)
#   bench/run.sh progress            whole-plan progress at ×1, ×10, ×50 corregimientos vs raw SQL
#   bench/run.sh progress --scales 1,10 --rounds 20   fewer scales or rounds
#   bench/run.sh survey              survey estimates, Java vs R's survey package (ENUSC + 1M synthetic)
#   bench/run.sh charts              chart rendering, PNG and SVG, ours vs bare JFreeChart (in-process)
#   bench/run.sh maps                choropleth maps of 18 and 700 synthetic units, SVG and PNG (in-process)
#   bench/run.sh backup              backup, restore and open export: demo and 1,000,000 measurements
#   bench/run.sh report              the demo accountability report as PDF and HTML: time and size (in-process)
#   bench/run.sh pages               page load: the plan overview and others at 50 concurrent clients
#   bench/run.sh national            national scale, simulated: a fraction of 80 districts, one district timed
#   bench/run.sh national --fraction 1   the whole country (7,560,000 rows; longer than 10 min here)
#   bench/run.sh replicas            the public plan overview on one service vs two on one database (round-robin)
#   bench/run.sh all                 every figure of issue 20 in one run, then one table (bench/all.sh)
#   bench/run.sh all --quick         the same at small sizes, to check that the run works
#   SKIP_BUILD=1 bench/run.sh        reuse the jars already in */target
#   MVN_ARGS=-o bench/run.sh         extra Maven arguments (here: offline)
# A benchmark always exits 0, whatever its runs did; only a failed build stops this script
# with an error.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bench=startup
if [[ $# -gt 0 && "$1" != -* ]]; then
  bench=$1
  shift
fi
if [[ "$bench" == all ]]; then
  exec bash bench/all.sh "$@"
fi
case "$bench" in
  startup) main=org.atalaya.bench.StartupBench ;;
  ingest) main=org.atalaya.bench.IngestBench ;;
  national) main=org.atalaya.bench.NationalBench ;;
  progress) main=org.atalaya.bench.ProgressBench ;;
  survey) main=org.atalaya.bench.SurveyBench inprocess=1 ;;
  charts) main=org.atalaya.bench.ChartBench inprocess=1 ;;
  maps) main=org.atalaya.bench.MapBench inprocess=1 ;;
  pages) main=org.atalaya.bench.PagesBench ;;
  replicas) main=org.atalaya.bench.ReplicasBench ;;
  backup) main=org.atalaya.bench.BackupBench ;;
  # The service's own classpath only: the bench jar's PostgreSQL binaries would clash with its own.
  report) main=org.atalaya.bench.ReportBench inprocess=1 benchjar=bench/target/original-atalaya-bench.jar ;;
  *)
    echo "Unknown benchmark '$bench'. Known: all, startup, ingest, national, progress, survey, charts, maps, report, pages, replicas, backup" >&2
    exit 2
    ;;
esac

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building (mvn -q -DskipTests package)..."
  # shellcheck disable=SC2086
  mvn -q -DskipTests ${MVN_ARGS:-} package
fi

# Benchmarks that launch the service keep their own JVM small; the service JVMs they launch
# get no extra flags unless given with --jvm-arg. In-process benchmarks run the service's
# classes inside this JVM, from the service's jar, with room for their data.
if [[ -n "${inprocess:-}" ]]; then
  exec "${JAVA:-java}" -Xmx${BENCH_HEAP:-4g} -Djava.awt.headless=true \
    -cp "${benchjar:-bench/target/atalaya-bench.jar}:service/target/atalaya-service-0.1.0-SNAPSHOT.jar" "$main" "$@"
fi
exec "${JAVA:-java}" -Xmx256m -XX:+UseSerialGC -cp bench/target/atalaya-bench.jar "$main" "$@"
