#!/usr/bin/env bash
# Fuzzing campaign: each fuzz test (@FuzzTest) fuzzed for real by Jazzer, one after the other, in its own JVM.
#   bench/fuzz.sh [SECONDS_PER_TARGET] [TARGET_FILTER]      defaults: 600, every target
# Prints one line per target (executions, executions per second, crashes) and writes them to
# target/fuzz/summary.txt; each target's full log is target/fuzz/<target>.log. A crash is stored by Jazzer as a
# crash-* file in the target's committed inputs (src/test/resources/.../<Class>Inputs/<method>/), so that
# `./mvnw verify` replays it until it is fixed: commit it with the fix. The inputs the fuzzer found interesting
# go to .cifuzz-corpus/ (not committed). Exits 1 when any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
filter="${2:-}"

# Class#method|classes instrumented for coverage besides ours (the parsers the input goes through).
targets=(
    "dev.ormadvisor.evaluation.FactsJsonFuzzTests#aQuestionIsReadOrRefusedNamingTheFieldAtFault|tools.jackson.**"
    "dev.ormadvisor.scenarios.ScenarioFilesFuzzTests#aScenarioFileIsReadOrRefusedNamingIt|tools.jackson.**,org.snakeyaml.**"
    "dev.ormadvisor.web.AuditParametersFuzzTests#theEvaluationListsQueryIsReadOrRefusedNamingAParameter|"
    "dev.ormadvisor.transparency.SignedCheckpointFuzzTests#aSignedCheckpointIsReadExactlyOrRefused|"
    "dev.ormadvisor.transparency.SignedCheckpointFuzzTests#aVerifierKeyIsReadOrRefused|"
    "dev.ormadvisor.cli.VerifyReceiptFuzzTests#aReceiptIsProvenOrRefusedSayingWhy|tools.jackson.**"
)

out=target/fuzz
mkdir -p "$out"
./mvnw -B -q -ntp test-compile
summary="$out/summary.txt"
printf '%-75s %8s %12s %10s %8s\n' target seconds executions "exec/s" crashes | tee "$summary"
failed=0
for entry in "${targets[@]}"; do
    test="${entry%%|*}"
    extra="${entry#*|}"
    [[ -n "$filter" && "$test" != *"$filter"* ]] && continue
    class="${test%%#*}"
    method="${test#*#}"
    inputs="src/test/resources/$(echo "${class%.*}" | tr . /)/${class##*.}Inputs/$method"
    crashes_before=$(find "$inputs" -name 'crash-*' 2>/dev/null | wc -l)
    log="$out/${class##*.}-$method.log"
    instrument="dev.ormadvisor.**${extra:+,$extra}"
    # keep_going: go on after a finding, to count the distinct ones in one campaign.
    JAZZER_FUZZ=1 ./mvnw -B -ntp surefire:test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
        -Djazzer.max_duration="${seconds}s" -Djazzer.hooks=true -Djazzer.keep_going=20 \
        -Djazzer.instrument="$instrument" >"$log" 2>&1 || true
    runs=$(sed -n 's/.*Done \([0-9]*\) runs in.*/\1/p' "$log" | tail -1)
    if [[ -z "$runs" ]]; then
        # Stopped early (a finding with keep_going exhausted, or a failure to start): the last status line.
        runs=$(sed -n 's/^#\([0-9]*\)[[:space:]].*/\1/p' "$log" | tail -1)
    fi
    crashes=$(( $(find "$inputs" -name 'crash-*' 2>/dev/null | wc -l) - crashes_before ))
    rate=$(( ${runs:-0} / seconds ))
    printf '%-75s %8s %12s %10s %8s\n' "$test" "$seconds" "${runs:-?}" "$rate" "$crashes" | tee -a "$summary"
    if [[ -z "$runs" || "$crashes" -gt 0 ]] || grep -q 'Tests run:.*Errors: [1-9]\|Tests run:.*Failures: [1-9]' "$log"; then
        failed=1
    fi
done
exit "$failed"
