#!/usr/bin/python3
"""Checks a /metrics text with Prometheus's own Python parser (python3-prometheus-client)
plus the rules it lets pass: every family has HELP and TYPE before its samples and is not
split, names are valid, histogram buckets rise to +Inf equal to _count.

  check_metrics.py FILE [NAME{labels}=MIN ...]   exit 1 with a message when anything is wrong
Prints "name{labels} value" of every sample, for the caller to compare two scrapes."""
import re
import sys

from prometheus_client.parser import text_string_to_metric_families

NAME = re.compile(r"^[a-zA-Z_:][a-zA-Z0-9_:]*$")


def fail(message):
    print("FAIL " + message, file=sys.stderr)
    sys.exit(1)


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    if not text.endswith("\n"):
        fail("the text must end with a line feed")
    typed, seen, current = {}, set(), None
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("# HELP "):
            name = line.split(" ", 3)[2]
            if name in seen:
                fail(f"line {number}: family {name} appears twice")
            seen.add(name)
            current = name
        elif line.startswith("# TYPE "):
            _, _, name, kind = line.split(" ", 3)
            if name != current or kind not in ("counter", "gauge", "histogram", "summary", "untyped"):
                fail(f"line {number}: TYPE without its HELP, or an unknown type: {line}")
            typed[name] = kind
        elif line.strip():
            sample = re.split(r"[{ ]", line, 1)[0]
            if not NAME.match(sample):
                fail(f"line {number}: bad metric name {sample}")
            base = re.sub(r"_(bucket|sum|count)$", "", sample) if typed.get(current) == "histogram" else sample
            if base != current:
                fail(f"line {number}: sample {sample} outside its family ({current})")
    samples = {}
    try:
        for family in text_string_to_metric_families(text):
            if family.type == "histogram":
                series = {}
                for s in family.samples:
                    key = tuple(sorted((k, v) for k, v in s.labels.items() if k != "le"))
                    series.setdefault(key, {"buckets": [], "count": None})
                    if s.name.endswith("_bucket"):
                        series[key]["buckets"].append((float(s.labels["le"]), s.value))
                    elif s.name.endswith("_count"):
                        series[key]["count"] = s.value
                for key, h in series.items():
                    values = [v for _, v in sorted(h["buckets"])]
                    if values != sorted(values) or not h["buckets"] or h["buckets"][-1][0] != float("inf") \
                            or values[-1] != h["count"]:
                        fail(f"histogram {family.name}{dict(key)}: buckets not cumulative up to +Inf = count")
            for s in family.samples:
                labels = ",".join(f'{k}="{v}"' for k, v in sorted(s.labels.items()))
                samples[f"{s.name}{{{labels}}}"] = s.value
    except ValueError as e:
        fail(f"the parser refused the text: {e}")
    for name, value in sorted(samples.items()):
        print(f"{name} {value:g}")


main()
