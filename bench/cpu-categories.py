"""Where an evaluation's CPU goes (bench/profile.sh).

Usage: cpu-categories.py SAMPLES THREADS_BEFORE THREADS_AFTER REQUESTS

SAMPLES is `jfr print --events jdk.ExecutionSample --stack-depth 256` of a recording taken while the service
answered REQUESTS requests; THREADS_BEFORE and THREADS_AFTER are "name<TAB>clock ticks" lines, one per thread of the
service (/proc/PID/task/*), taken at the start and the end of it. Prints a markdown table of the service's CPU per
request in each part of answering POST /api/v1/evaluations.

The threads' own CPU is exact: the audit writer, the garbage collector, the JIT compilers, everything else. The
request threads' CPU is split between parts by their execution samples: a sample belongs to the first part, in the
order below, whose marker is on its stack.
"""
import os
import re
import sys
from collections import Counter

REQUEST_PARTS = [
    ("audit hand-over", ("JdbcAuditTrail.record", "AuditTrail.record")),
    ("rules", ("dev.ormadvisor.evaluation.Evaluation.of(",)),
    ("serialise", ("ObjectMapper.writeValueAsString", "EvaluationController.withReceipt",
                   "writeWithMessageConverters")),
    ("parse", ("EvaluationRequestConverter", "EvaluationRequestReader",
               "RequestBodyLimitFilter.readAtMostOnePastLimit")),
    ("observe", ("io.micrometer.", "ch.qos.logback.", "org.slf4j.")),
    ("framework", ("",)),
]
THREAD_GROUPS = [
    ("request threads", ("http-nio",)),
    ("audit writer (signing, Merkle nodes, JDBC; SQLite runs in it)", ("audit-writer",)),
    ("garbage collector", ("GC Thread", "G1 ", "VM Thread", "ZGC", "ZWorker", "ZDriver", "ZDirector")),
    ("JIT compilers", ("C1 CompilerThre", "C2 CompilerThre")),
    ("other threads", ("",)),
]
THREAD = re.compile(r'sampledThread = "([^"]*)"')


def request_samples(lines):
    """Yields the stack of each sample taken on a request thread."""
    thread, frames = None, []
    for line in lines:
        match = THREAD.search(line)
        if match:
            thread, frames = match.group(1), []
        elif line.startswith("    ") and thread is not None:
            frames.append(line.strip())
        elif line.startswith("}") and thread is not None:
            if thread.startswith("http-nio-"):
                yield "\n".join(frames)
            thread = None


def thread_ticks(path):
    ticks = {}
    with open(path) as lines:
        for line in lines:
            name, _, value = line.rstrip("\n").rpartition("\t")
            ticks[name] = ticks.get(name, 0) + int(value)
    return ticks


def group_of(thread_name):
    return next(group for group, prefixes in THREAD_GROUPS if thread_name.startswith(prefixes))


def main(samples_path, before_path, after_path, requests):
    per_request_us = 1e6 / os.sysconf("SC_CLK_TCK") / int(requests)
    before, after = thread_ticks(before_path), thread_ticks(after_path)
    group_ticks = Counter()
    for name, ticks in after.items():
        group_ticks[group_of(name)] += ticks - before.get(name, 0)

    parts = Counter()
    with open(samples_path) as lines:
        for stack in request_samples(lines):
            parts[next(part for part, markers in REQUEST_PARTS if any(m in stack for m in markers))] += 1
    sampled = sum(parts.values())
    if sampled == 0:
        sys.exit("no execution samples of request threads in the recording")

    rows = [(f"request threads: {part}", group_ticks["request threads"] * parts[part] / sampled * per_request_us)
            for part, _ in REQUEST_PARTS]
    rows += [(group, group_ticks[group] * per_request_us) for group, _ in THREAD_GROUPS[1:]]
    total = sum(us for _, us in rows)
    print("| where | CPU per request | share |")
    print("|---|---|---|")
    for where, us in rows:
        print(f"| {where} | {us:.0f} µs | {100 * us / total:.0f} % |")
    print(f"| all (request threads: {sampled} samples) | {total:.0f} µs | 100 % |")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
