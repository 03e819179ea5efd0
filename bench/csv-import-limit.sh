#!/usr/bin/env bash
# The largest CSV import testcase-service accepts, through the gateway: 50,000 rows (Limits'
# IMPORT_ROWS) in a file just under the 25 MB upload limit (30-word descriptions, three steps,
# two tags, a two-level suite per row), into a new project of the running stack (-Xmx256m).
# Prints the answer's status, the wall time and testcase-service's peak RSS.
#
#   bench/csv-import-limit.sh      (starts the stack if needed)
#   BENCH_APPS="<dir> …" bench/csv-import-limit.sh   builds side by side (bench/service-builds.sh)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
. bench/service-builds.sh

FILE=$BUILT/limit.csv
awk 'BEGIN {
  srand(1); split("checkout cart payment login search filter order invoice refund shipping address profile coupon discount wishlist", w, " ")
  print "title,description,tags,suite,steps"
  for (i = 0; i < 50000; i++) {
    d = ""; for (j = 0; j < 30; j++) d = d (j ? " " : "") w[int(rand() * 15) + 1]
    s = ""; for (k = 0; k < 3; k++) s = s (k ? "," : "") "{\"\"action\"\":\"\"" w[int(rand() * 15) + 1] " step " k "\"\",\"\"expectedResult\"\":\"\"" w[int(rand() * 15) + 1] " shown\"\"}"
    printf "Case %d %s,%s,%s;regression,Area %d / Sub %d,\"[%s]\"\n", i, w[int(rand() * 15) + 1], d, w[int(rand() * 15) + 1], i % 5, i % 3, s
  }
}' >"$FILE"
echo "file: $(wc -c <"$FILE") bytes"

for app in $(bench_builds); do
  use_build "$app"
  token=$(admin_token)
  project=$(new_project "$token" L)
  start=$(date +%s.%N)
  status=$(curl -sS -o "$BUILT/answer.json" -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
    --data-binary @"$FILE" "http://127.0.0.1:8080/api/tests/import?projectId=$project")
  end=$(date +%s.%N)
  echo "RESULT app=$app rows=50000 status=$status seconds=$(awk "BEGIN { printf \"%.2f\", $end - $start }")" \
    "peak_rss_mb=$(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$(cat .stack/pids/testcase-service.pid)/status")" \
    "answer=$(head -c 120 "$BUILT/answer.json")"
done
