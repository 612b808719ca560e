"""Where bench/startup.sh's start-ups spent their time, from the service's own log.

Reads lines "NAME START_MS ANSWER_MS LOG" on stdin (START_MS: the process start, ANSWER_MS: the first answer,
epoch milliseconds; LOG: the service's output) and prints, per NAME, the median of every phase and milestone,
then, last, the median first answer of the production runs as `first answer: N ms`.
"""
import re
import statistics
import sys
from datetime import datetime

TIMESTAMP = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})Z ")
# Milestones: the first log line matching each, in milliseconds since the process started.
MILESTONES = {
    "spring_first_line": r"Starting OrmAdvisorApplication",
    "web_server_created": r"Root WebApplicationContext: initialization completed",
    "rules_begin": r"Loading the rules from",
    "rules_in_service": r"Rule set \S+ in service",
    "pool_begin": r"HikariPool-1 - Starting",
    "tomcat_started": r"Tomcat started on port",
    "application_started": r"Started OrmAdvisorApplication",
}
FLYWAY = re.compile(r"\] (o\.f\.|org\.flywaydb\.)")
WAITED = re.compile(r"Waited (\d+) ms for the rules to load")
COMPILED = re.compile(r"compiled in (\d+) ms, scenarios checked in (\d+) ms")


def millis(line):
    match = TIMESTAMP.match(line)
    return datetime.fromisoformat(match.group(1)).timestamp() * 1000 if match else None


def phases(start, answer, log):
    found = {"first_answer": answer - start}
    with open(log, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            at = millis(line)
            if at is None:
                continue
            for name, pattern in MILESTONES.items():
                if name not in found and re.search(pattern, line):
                    found[name] = at - start
            if FLYWAY.search(line):
                found["flyway_end"] = at - start
            waited = WAITED.search(line)
            if waited:
                found["waited"] = int(waited.group(1))
            compiled = COMPILED.search(line)
            if compiled and "compile" not in found:
                found["compile"], found["scenario_check"] = map(int, compiled.groups())
    spans = {
        "JVM start, to Spring's first log line": ("0", "spring_first_line"),
        "Spring context, to the web server's creation": ("spring_first_line", "web_server_created"),
        "rules loaded (compile + scenario check)": ("rules_begin", "rules_in_service"),
        "database pool + Flyway migration": ("pool_begin", "flyway_end"),
        "Tomcat started, to the first answer": ("tomcat_started", "first_answer"),
    }
    result = {}
    for label, (begin, end) in spans.items():
        if (begin == "0" or begin in found) and end in found:
            result[label] = found[end] - (0 if begin == "0" else found[begin])
    for label, name in (("  of which the compile", "compile"), ("  of which the scenario check", "scenario_check"),
                        ("  of which the start waited for", "waited")):
        if name in found:
            result[label] = found[name]
    for label, name in (("rules in service", "rules_in_service"), ("Tomcat started", "tomcat_started"),
                        ("application started", "application_started"), ("first answer", "first_answer")):
        if name in found:
            result["at " + label] = found[name]
    return result


def main():
    by_name = {}
    for line in sys.stdin:
        name, start, answer, log = line.split(maxsplit=3)
        by_name.setdefault(name, []).append(phases(int(start), int(answer), log.strip()))
    names = list(by_name)
    labels = list(dict.fromkeys(label for runs in by_name.values() for run in runs for label in run))
    print()
    print(f"{'median of the runs, ms':<48}" + "".join(f"{name:>12}" for name in names))
    for label in labels:
        cells = []
        for name in names:
            values = [run[label] for run in by_name[name] if label in run]
            cells.append(f"{statistics.median(values):>12.0f}" if values else f"{'-':>12}")
        print(f"{label:<48}" + "".join(cells))
    production = by_name.get("production", [])
    if production:
        print(f"first answer: {statistics.median(run['at first answer'] for run in production):.0f} ms")


main()
