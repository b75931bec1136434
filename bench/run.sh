#!/usr/bin/env bash
# Benchmarks postie against newman on this machine and writes bench/RESULTS.md.
#
# Scenarios: start-up (`version`), a 1-request run, and a 1,000-request run,
# each request with a trivial test script, against a local HTTP server
# (bench/cmd/benchserver on 127.0.0.1). Wall time and peak memory (max RSS,
# from /usr/bin/time) are the medians of RUNS runs. newman is included when
# found at $NEWMAN or /tmp/newman/node_modules/.bin/newman; hyperfine, when
# installed, times the runs instead of the shell clock.
#
# Usage: bench/run.sh            (RUNS=5 SHORT_RUNS=20 N=1000 by default)
#        RUNS=10 N=2000 NEWMAN=/path/to/newman bench/run.sh
#        HYPERFINE=0 bench/run.sh   (shell clock even when hyperfine is installed)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-5}"
SHORT_RUNS="${SHORT_RUNS:-20}" # runs of the short scenarios (start-up, 1 request)
N="${N:-1000}"
NEWMAN="${NEWMAN:-/tmp/newman/node_modules/.bin/newman}"
OUT="${OUT:-$ROOT/bench/RESULTS.md}"
WORK="$(mktemp -d)"
SERVER_PID=""

cleanup() {
	if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; fi
	rm -rf "$WORK"
}
trap cleanup EXIT

if [[ ! -x /usr/bin/time ]]; then
	echo "bench: /usr/bin/time (GNU time) is required for peak memory: apt-get install -y time" >&2
	exit 2
fi
HAVE_NEWMAN=0
if [[ -x "$NEWMAN" ]]; then HAVE_NEWMAN=1; else echo "bench: newman not found at $NEWMAN; postie only" >&2; fi
HAVE_HYPERFINE=0
if [[ "${HYPERFINE:-1}" != 0 ]] && command -v hyperfine >/dev/null 2>&1; then HAVE_HYPERFINE=1; fi

echo "bench: building" >&2
# the machine's floor: a static Go program that prints one line
mkdir -p "$WORK/hello.src"
printf 'package main\n\nimport "os"\n\nfunc main() { os.Stdout.WriteString("hello\\n") }\n' >"$WORK/hello.src/main.go"
printf 'module hello\n\ngo 1.26\n' >"$WORK/hello.src/go.mod"
(cd "$WORK/hello.src" && CGO_ENABLED=0 go build -o "$WORK/hello" .)
(cd "$ROOT" && CGO_ENABLED=0 go build -o "$WORK/postie" ./cmd/postie \
	&& go build -o "$WORK/benchserver" ./bench/cmd/benchserver \
	&& go build -o "$WORK/gencollection" ./bench/cmd/gencollection)

"$WORK/benchserver" -addr 127.0.0.1:0 >"$WORK/server.url" 2>"$WORK/server.err" &
SERVER_PID=$!
for _ in $(seq 50); do [[ -s "$WORK/server.url" ]] && break; sleep 0.1; done
BASE="$(head -n1 "$WORK/server.url")"
[[ -n "$BASE" ]] || { echo "bench: benchserver did not start: $(cat "$WORK/server.err")" >&2; exit 1; }

"$WORK/gencollection" -n 1 -base "$BASE" -o "$WORK/c1.json"
"$WORK/gencollection" -n 1 -tests=false -base "$BASE" -o "$WORK/c1plain.json"
"$WORK/gencollection" -n "$N" -base "$BASE" -o "$WORK/cN.json"

# median reads numbers, one a line, and prints their median.
median() {
	sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) { print "nan"; exit } if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# measure NAME CMD...: runs CMD RUNS times; records wall ms and max RSS KiB.
# With RUNS=n before the name (measure_n N NAME CMD...), N runs instead.
measure() { measure_n "$RUNS" "$@"; }
measure_n() {
	local RUNS="$1"; shift
	local name="$1"; shift
	local wall="$WORK/$name.wall" rss="$WORK/$name.rss"
	: >"$wall"; : >"$rss"
	"$@" >/dev/null 2>&1 || true # warm-up (file cache, JIT caches)
	for _ in $(seq "$RUNS"); do
		local t0 t1 status=0
		t0=$EPOCHREALTIME
		/usr/bin/time -f "%M" -o "$WORK/time.out" "$@" >/dev/null 2>"$WORK/$name.stderr" || status=$?
		t1=$EPOCHREALTIME
		if [[ $status -ne 0 ]]; then
			echo "bench: $name exited $status: $(tail -n3 "$WORK/$name.stderr")" >&2
			echo "failed" >"$WORK/$name.failed"
		fi
		awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) * 1000 }' >>"$wall"
		tail -n1 "$WORK/time.out" >>"$rss"
	done
	if [[ $HAVE_HYPERFINE -eq 1 ]]; then
		hyperfine --runs "$RUNS" --warmup 1 --ignore-failure --style none --export-json "$WORK/$name.hf.json" \
			-- "$(printf '%q ' "$@")" >/dev/null 2>&1 || true
		if [[ -s "$WORK/$name.hf.json" ]]; then
			# hyperfine's median, in seconds, replaces the shell-clock times.
			grep -o '"median": *[0-9.e+-]*' "$WORK/$name.hf.json" | head -n1 | awk '{ printf "%.3f\n", $2 * 1000 }' >"$wall"
		fi
	fi
	printf '%s %s %s\n' "$name" "$(median <"$wall")" "$(median <"$rss")" >>"$WORK/results"
	echo "bench: $name: median $(median <"$wall") ms, peak RSS $(median <"$rss") KiB" >&2
}

: >"$WORK/results"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
measure_n "$SHORT_RUNS" floor "$WORK/hello"
measure_n "$SHORT_RUNS" postie-startup "$WORK/postie" version
measure_n "$SHORT_RUNS" postie-1plain "$WORK/postie" run "$WORK/c1plain.json"
measure_n "$SHORT_RUNS" postie-1 "$WORK/postie" run "$WORK/c1.json"
measure postie-N "$WORK/postie" run "$WORK/cN.json"
if [[ $HAVE_NEWMAN -eq 1 ]]; then
	measure newman-startup "$NEWMAN" --version
	measure newman-1plain "$NEWMAN" run "$WORK/c1plain.json"
	measure newman-1 "$NEWMAN" run "$WORK/c1.json"
	measure newman-N "$NEWMAN" run "$WORK/cN.json"
fi

LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"
get() { awk -v n="$1" -v f="$2" '$1 == n { print $f }' "$WORK/results"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a + 0 == 0) print "-"; else printf "%.1fx", b / a }'; }
fmt_ms() { [[ -n "$1" ]] && awk -v v="$1" 'BEGIN { printf "%.1f ms", v }' || echo "-"; }
fmt_mb() { [[ -n "$1" ]] && awk -v v="$1" 'BEGIN { printf "%.1f MiB", v / 1024 }' || echo "-"; }
failed() { [[ -e "$WORK/$1.failed" ]] && echo " (run failed)" || true; }

CPU="$(awk -F: '/model name/ { sub(/^ +/, "", $2); print $2; exit }' /proc/cpuinfo)"
NEWMAN_VERSION="-"
[[ $HAVE_NEWMAN -eq 1 ]] && NEWMAN_VERSION="$("$NEWMAN" --version 2>/dev/null || echo '?')"
NODE_VERSION="$(node --version 2>/dev/null || echo '-')"

{
	echo "# Benchmark results"
	echo
	echo "Generated by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Medians of $SHORT_RUNS runs (start-up, 1 request) or $RUNS runs"
	echo "($N requests) after one warm-up run; postie is built static (\`CGO_ENABLED=0\`);"
	echo "wall time $( [[ $HAVE_HYPERFINE -eq 1 ]] && echo 'from hyperfine' || echo 'from the shell clock around /usr/bin/time' ),"
	echo "peak memory is the maximum resident set size reported by \`/usr/bin/time\`."
	echo "Each request is a GET to a local server (\`bench/cmd/benchserver\`, 127.0.0.1) with one"
	echo "\`pm.test\` status assertion (except in the \"no script\" row); both tools use their default cli"
	echo "reporter, output to /dev/null."
	echo
	echo "Machine: $(nproc) cores, $CPU, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)."
	echo "Load average (1, 5, 15 min) at start: $LOAD_START; at end: $LOAD_END. On a busy machine all"
	echo "times grow; compare the two tools within one run of this script."
	echo "Versions: postie $("$WORK/postie" version) ($(go version | awk '{ print $3 }')), newman $NEWMAN_VERSION (node $NODE_VERSION)."
	echo
	echo "| scenario | postie wall | newman wall | postie speed-up | postie peak RSS | newman peak RSS | postie / newman memory |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
	for s in startup 1plain 1 N; do
		case $s in
			startup) label="start-up (\`version\`)" ;;
			1plain) label="1-request run, no script" ;;
			1) label="1-request run" ;;
			N) label="$N-request run" ;;
		esac
		pw="$(get "postie-$s" 2)"; nw="$(get "newman-$s" 2)"
		pr="$(get "postie-$s" 3)"; nr="$(get "newman-$s" 3)"
		mem="-"
		[[ -n "$pr" && -n "$nr" ]] && mem="$(awk -v a="$pr" -v b="$nr" 'BEGIN { printf "%.2f", a / b }')"
		echo "| $label | $(fmt_ms "$pw")$(failed "postie-$s") | $(fmt_ms "$nw")$(failed "newman-$s") | $(ratio "$pw" "$nw") | $(fmt_mb "$pr") | $(fmt_mb "$nr") | $mem |"
	done
	echo
	echo "Machine floor: a static Go program that only prints a line takes $(fmt_ms "$(get floor 2)") here (process creation"
	echo "and page faults in this VM), part of every postie figure above."
	echo
	echo "Targets: 1-request run under 30 ms; $N requests at least 5x faster than newman; peak memory under 1/3 of newman's."
} >"$OUT"

echo "bench: wrote $OUT" >&2
cat "$OUT"
