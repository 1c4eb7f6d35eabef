#!/usr/bin/env python3
"""Turns a JMH JSON result file into a markdown table plus the ratios that compare benchmarks of the same run.

usage: summarize.py RESULT.json MACHINE.txt > latest.md
MACHINE.txt holds lines written by run.sh (date, nproc, CPU, java -version, load averages).
Standard library only.
"""
import json
import math
import os
import sys


VERIFY = "VerifierBenchmark.verifyValid [algorithm={alg}]"

# (label, numerator, denominator, meaning) for each HMAC algorithm VerifierBenchmark runs: {alg} stands for it.
PER_ALGORITHM_RATIOS = [
    ("valid / malformed ({alg})", VERIFY, "VerifierBenchmark.rejectMalformed [algorithm={alg}]",
     "a valid token costs this many times the pre-check's refusal of garbage"),
    ("bad signature / valid ({alg})", "VerifierBenchmark.rejectBadSignature [algorithm={alg}]", VERIFY,
     "a forged token relative to a valid one (below 1: cheaper)"),
    ("issue / verify ({alg})", "VerifierBenchmark.issue [algorithm={alg}]", VERIFY,
     "signing one token relative to verifying one"),
]

PATH = "VerificationPathsBenchmark.{name} [algorithm={alg}]"
JAVA_JWT = "JavaJwtBaselineBenchmark.verify [algorithm={alg}]"

# (label, numerator, denominator, meaning, goal) for each algorithm VerificationPathsBenchmark runs; the goals are
# those of the performance work (a ratio at most this), None where there is none.
PATH_RATIOS = [
    ("cache hit / java-jwt ({alg})", PATH.format(name="cacheHit", alg="{alg}"), JAVA_JWT,
     "a cached token against java-jwt's full verification", 0.1),
    ("first sight / java-jwt ({alg})", PATH.format(name="firstSight", alg="{alg}"), JAVA_JWT,
     "a first-seen token, one pass, against java-jwt", 1.0),
    ("first sight / raw JCA ({alg})", PATH.format(name="firstSight", alg="{alg}"),
     PATH.format(name="rawJca", alg="{alg}"), "everything else a verification does, on top of the signature",
     None),
    ("forged / raw JCA forged ({alg})", PATH.format(name="forged", alg="{alg}"),
     PATH.format(name="rawJcaForged", alg="{alg}"), "refusing a forged signature against the bare check", None),
    ("jose4j consumer / first sight ({alg})", PATH.format(name="jose4jConsumer", alg="{alg}"),
     PATH.format(name="firstSight", alg="{alg}"), "jose4j's own JwtConsumer against the one-pass path", None),
]
GOALS = {"first sight / raw JCA (RS256)": 1.15, "forged / raw JCA forged (HS256)": 2.0}

# (label, numerator, denominator, meaning) across benchmarks and parameters.
RATIOS = [
    ("verify HS512 / HS256", VERIFY.format(alg="HS512"), VERIFY.format(alg="HS256"),
     "cost of the larger MAC on the per-request path"),
    ("filter valid / verify (HS256)", "FilterBenchmark.validToken", VERIFY.format(alg="HS256"),
     "whole filter (header, wrapper, chain, test doubles) over verify() alone"),
    ("filter forged / filter valid", "FilterBenchmark.forgedToken", "FilterBenchmark.validToken",
     "a forged token through the filter, with its 401 response"),
    ("filter no token / filter valid", "FilterBenchmark.noToken", "FilterBenchmark.validToken",
     "the 401 challenge without a token"),
    ("rotate 4 threads / 1 thread", "RefreshBenchmark.rotate4Threads", "RefreshBenchmark.rotate",
     "throughput scaling of refreshes on H2 (2 cores)"),
    ("startFamily / rotate", "RefreshBenchmark.startFamily", "RefreshBenchmark.rotate",
     "logins per second relative to refreshes per second (one thread)"),
    ("findByHash / rotate", "RefreshBenchmark.findByHash", "RefreshBenchmark.rotate",
     "how many store reads fit in the time of one rotation (the rest is its write transaction)"),
    ("H2 connection / rotate", "RefreshBenchmark.h2Connection", "RefreshBenchmark.rotate",
     "how many bare connection opens fit in the time of one rotation (the store is unpooled)"),
]


def short(name):
    # org.jwtauth.bench.VerifierBenchmark.verifyValid -> VerifierBenchmark.verifyValid
    parts = name.split(".")
    return ".".join(parts[-2:])


def key(result):
    params = result.get("params") or {}
    label = short(result["benchmark"])
    if params:
        label += " [" + ", ".join(f"{k}={v}" for k, v in sorted(params.items())) + "]"
    return label


def fmt(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:,.1f}"
    return f"{value:,.2f}"


def main():
    results = json.load(open(sys.argv[1]))
    machine = open(sys.argv[2]).read().strip() if len(sys.argv) > 2 else ""
    by_key = {}
    best_by_key = {}
    rows = []
    for r in results:
        m = r["primaryMetric"]
        score, error, unit = m["score"], m.get("scoreError"), m["scoreUnit"]
        forks = r.get("forks")
        raw = [x for fork in m.get("rawData", []) for x in fork]
        samples = len(raw)
        # The least disturbed sample: on a shared machine other load only ever makes an iteration slower.
        best = (min(raw) if unit.endswith("/op") else max(raw)) if raw else score
        k = key(r)
        by_key[k] = (score, error if isinstance(error, (int, float)) else float("nan"))
        best_by_key[k] = best
        if unit == "ns/op":
            per_second = 1e9 / score
        elif unit == "ops/s":
            per_second = score
        else:
            per_second = None
        rows.append((k, r["mode"], r.get("threads", 1), forks, samples, score, error, best, unit, per_second))

    out = []
    out.append(f"## Figures from `{os.path.basename(sys.argv[1])}`")
    out.append("")
    if machine:
        out.append("```")
        out.append(machine)
        out.append("```")
        out.append("")
    out.append("| benchmark | mode | threads | forks × iterations | score | ± error (99.9%) | best iteration | unit "
               "| ≈ per second |")
    out.append("|---|---|---:|---:|---:|---:|---:|---|---:|")
    for k, mode, threads, forks, samples, score, error, best, unit, per_second in rows:
        err = fmt(error) if isinstance(error, (int, float)) else "n/a"
        out.append(f"| {k} | {mode} | {threads} | {forks} × {samples // max(forks or 1, 1)} | {fmt(score)} | {err} "
                   f"| {fmt(best)} | {unit} | {fmt(per_second) if per_second else ''} |")
    out.append("")
    out.append("`score`: the mean over all measurement iterations; `best iteration`: the fastest (average time) or "
               "highest (throughput) single iteration. `≈ per second`: for average-time rows, 1e9 / score on one "
               "thread; for throughput rows, the score itself (all threads together).")
    out.append("")

    ratios = []

    def ratio(label, a, b, meaning):
        if a in by_key and b in by_key:
            (sa, ea), (sb, eb) = by_key[a], by_key[b]
            value = sa / sb
            # Relative errors added in quadrature: a rough band, the two intervals are not independent samples.
            rel = math.sqrt((ea / sa) ** 2 + (eb / sb) ** 2) if not (math.isnan(ea) or math.isnan(eb)) else float("nan")
            goal = GOALS.get(label)
            if goal is not None:
                meaning += f" (goal: at most {goal:g}; {'met' if value <= goal else 'missed'})"
            ratios.append((label, value, value * rel, best_by_key[a] / best_by_key[b], meaning))

    for alg in ("HS256", "HS512"):
        for label, a, b, meaning in PER_ALGORITHM_RATIOS:
            ratio(label.format(alg=alg), a.format(alg=alg), b.format(alg=alg), meaning)
    for alg in ("HS256", "RS256", "ES256", "EdDSA"):
        for label, a, b, meaning, goal in PATH_RATIOS:
            name = label.format(alg=alg)
            if goal is not None:
                GOALS.setdefault(name, goal)
            ratio(name, a.format(alg=alg), b.format(alg=alg), meaning)
    for label, a, b, meaning in RATIOS:
        ratio(label, a, b, meaning)

    if ratios:
        out.append("### Ratios within this run")
        out.append("")
        out.append("| ratio | of scores | ≈ ± | of best iterations | meaning |")
        out.append("|---|---:|---:|---:|---|")
        for label, value, err, best, meaning in ratios:
            band = "n/a" if math.isnan(err) else f"{err:.2g}"
            out.append(f"| {label} | {value:.3g} | {band} | {best:.3g} | {meaning} |")
        out.append("")
        out.append("`≈ ±`: the two scores' relative errors added in quadrature, a rough band. `of best iterations`: "
                   "the same ratio from each benchmark's least disturbed iteration (fastest time, highest "
                   "throughput), less sensitive to other load on the machine.")
        out.append("")
    print("\n".join(out))


if __name__ == "__main__":
    main()
