#!/usr/bin/env python3
"""How long from an editor's save to the CDN serving the new version.

Usage: scale_freshness.py ADMIN_BASE KEY CDN_BASE SAMPLES
For SAMPLES published articles: the article is read through the CDN until it is a cached copy, its
headline is changed through the admin API (merge patch with If-Match), and the CDN is asked every 5 ms
until it answers the new headline. Prints one line: the samples' median and p99 in milliseconds, and
how many never showed the change within 10 s (a stale page left behind), and how many answers
were not 200 (a reader's error) while waiting.
"""
import json
import sys
import time
import urllib.parse
import urllib.error
import urllib.request

admin, key, cdn, samples = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3].rstrip("/"), int(sys.argv[4])


def call(method, url, body=None, headers=None):
    request = urllib.request.Request(url, data=None if body is None else json.dumps(body).encode(), method=method)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


auth = {"Authorization": "Bearer " + key}
_, _, listed = call("GET", f"{admin}/api/admin/articles?status=PUBLISHED&limit={samples}", headers=auth)
articles = json.loads(listed)["items"][:samples]
times, stale, errors = [], 0, 0
for n, item in enumerate(articles):
    url = f"{cdn}/api/content/articles/" + urllib.parse.quote(item["slug"])
    for _ in range(3):  # the CDN stores it and answers it from its copy
        call("GET", url)
    _, headers, body = call("GET", f"{admin}/api/admin/articles/{item['id']}", headers=auth)
    # the change is recognised by a marker of its own: the service collapses white space in a headline,
    # so the whole new headline may come back spelled otherwise than it was sent
    marker = f"{time.time_ns()}-{n}"
    headline = f"{json.loads(body)['headline'][:80].strip()} {marker}"
    status, _, answer = call("PATCH", f"{admin}/api/admin/articles/{item['id']}", {"headline": headline},
                             {**auth, "If-Match": headers["ETag"], "Content-Type": "application/merge-patch+json"})
    if status != 200:
        sys.exit(f"the save answered {status}: {answer[:300]!r}")
    saved = time.monotonic()
    while True:
        status, _, page = call("GET", url)
        if status != 200:
            errors += 1
        elif marker in page.decode():
            times.append((time.monotonic() - saved) * 1000)
            break
        if time.monotonic() - saved > 10:
            stale += 1
            break
        time.sleep(0.005)
times.sort()
p50 = times[len(times) // 2] if times else float("nan")
p99 = times[min(len(times) - 1, int(len(times) * 0.99))] if times else float("nan")
print(f"{p50:.0f} {p99:.0f} {len(times)} {stale} {errors}")
