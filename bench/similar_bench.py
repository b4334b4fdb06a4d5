#!/usr/bin/env python3
"""Latency harness for similar lists (bench/similar.sh): from-scratch computation over 1,000 random
articles (admin endpoint: no response cache), how soon a new publication shows in a list, and the
paths file for the warm wrk run. Usage: similar_bench.py BASE ADMIN_KEY SLUGS_FILE PATHS_OUT"""
import http.client
import json
import os
import random
import re
import statistics
import sys
import time
import urllib.parse

base, key, slugs_file, paths_out = sys.argv[1:5]
host = urllib.parse.urlparse(base)
connection = http.client.HTTPConnection(host.hostname, host.port)


def call(method, path, body=None):
    headers = {"Authorization": f"Bearer {key}"}
    if body is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps(body)
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    if response.status >= 400:
        raise SystemExit(f"{method} {path}: {response.status} {data[:300]}")
    return json.loads(data) if data else None


def ranking_histogram():
    """Cumulative counts of the service's own timer of one list's computation (seconds), by bucket bound."""
    # metrics are on the management port (MANAGEMENT_PORT in bench/lib.sh), not the service's
    management = http.client.HTTPConnection(host.hostname, int(os.environ.get("MANAGEMENT_PORT", "8090")))
    management.request("GET", "/actuator/prometheus")
    text = management.getresponse().read().decode()
    buckets = {}
    for match in re.finditer(r'^newsroom_similar_ranking_seconds_bucket\{[^}]*le="([^"]+)"[^}]*\} ([0-9.eE+]+)', text, re.M):
        if match.group(1) != "+Inf":
            buckets[float(match.group(1))] = float(match.group(2))
    return buckets


def histogram_quantile(before, after, q):
    bounds = sorted(after)
    total = max(after[b] - before.get(b, 0) for b in bounds)
    for bound in bounds:
        if after[bound] - before.get(bound, 0) >= q * total:
            return bound * 1000
    return float("inf")


def share_within(before, after, bound):
    """The share of lists computed within {bound} seconds (a bucket bound of the timer: 5 ms is one)."""
    total = max(after[b] - before.get(b, 0) for b in after)
    return (after[bound] - before.get(bound, 0)) / total if bound in after and total else float("nan")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1)]


slugs = [line.strip() for line in open(slugs_file) if line.strip()]
rng = random.Random(1)
sample = rng.sample(slugs, 2000)
ids = [call("GET", f"/api/content/articles/{slug}")["id"] for slug in sample]

for label, batch in (("first pass (cold buffers and JIT)", ids[:1000]), ("second pass, other articles", ids[1000:])):
    timings = []
    before = ranking_histogram()
    for article_id in batch:
        started = time.perf_counter()
        call("GET", f"/api/admin/articles/{article_id}/similar?limit=10")
        timings.append((time.perf_counter() - started) * 1000)
    after = ranking_histogram()
    print(f"from scratch, {label}, 1,000 random articles: computing the list (service timer, histogram bucket bounds) "
          f"p50 <= {histogram_quantile(before, after, 0.5):.1f} ms, p99 <= {histogram_quantile(before, after, 0.99):.1f} ms; "
          f"whole admin request seen by the client p50 {statistics.median(timings):.1f} ms, p99 {percentile(timings, 99):.1f} ms")
    print(f"  lists computed within 5 ms: {100 * share_within(before, after, 0.005):.1f}% (target p99 <= 5 ms: at least 99%)")

# How soon a publication is reflected: a new article with all of a seed's tags, then poll the seed's list.
delays = []
for trial in range(10):
    seed = call("GET", f"/api/content/articles/{sample[trial]}")
    call("GET", f"/api/content/articles/{urllib.parse.quote(seed['slug'])}/similar?limit=10")  # cached before the change
    created = call("POST", "/api/admin/articles", {"headline": f"Benchmark story {time.time()} {trial}",
                                                  "bodyHtml": "<p>x</p>", "tags": [t["name"] for t in seed["tags"]]})
    call("POST", f"/api/admin/articles/{created['id']}/publish")
    published = time.perf_counter()
    while True:
        items = call("GET", f"/api/content/articles/{urllib.parse.quote(seed['slug'])}/similar?limit=10")["items"]
        if any(item["id"] == created["id"] for item in items):
            delays.append((time.perf_counter() - published) * 1000)
            break
        if time.perf_counter() - published > 10:
            raise SystemExit("a new publication did not show within 10 s")
    call("DELETE", f"/api/admin/articles/{created['id']}")
print(f"publication reflected in the seed's list after: median {statistics.median(delays):.1f} ms, max {max(delays):.1f} ms "
      f"(10 trials; from the publish response to the first list that has it)")

with open(paths_out, "w") as out:
    for slug in sample[:1000]:
        out.write(f"/api/content/articles/{slug}/similar?limit=10\n")
