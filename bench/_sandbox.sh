# Sourced by the benchmarks in bench/: start_sandbox ARGS... runs scripts/apimo-sandbox in the
# background, exports its APIMO_BASE_URL, APIMO_PROVIDER and APIMO_TOKEN, and stops it on exit.
bench_sandbox_pid=
start_sandbox() {
  local log
  log=$(mktemp)
  java -cp "$APIMO_CP" dev.apimoshell.sandbox.SandboxMain "$@" >"$log" 2>&1 &
  bench_sandbox_pid=$!
  trap 'kill "$bench_sandbox_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 600); do grep -q '^APIMO_TOKEN=' "$log" && break; sleep 0.1; done
  grep -q '^APIMO_TOKEN=' "$log" || { echo "the sandbox did not start:" >&2; cat "$log" >&2; exit 1; }
  export $(grep '^APIMO_' "$log" | xargs)
  rm -f "$log"
}

# bench_line NAME RATIO TARGET COMMAND: the line scripts/bench collects.
bench_line() {
  printf 'BENCH\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4"
}
