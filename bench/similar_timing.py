"""Reads /actuator/prometheus from standard input and prints where a similar list's time goes in the
service: computing the ranking (the tag index merge and its queries) against the whole request,
both means since the service started."""
import re
import sys

text = sys.stdin.read()


def mean_ms(name, labels=""):
    # a metric without labels has no braces at all
    total = re.search(name + r"_sum(?:\{" + labels + r"[^}]*\})? (\S+)", text)
    count = re.search(name + r"_count(?:\{" + labels + r"[^}]*\})? (\S+)", text)
    if not total or not count or float(count.group(1)) == 0:
        return float("nan")
    return 1000 * float(total.group(1)) / float(count.group(1))


ranking = mean_ms("newsroom_similar_ranking_seconds")
request = mean_ms("http_server_requests_seconds", r'[^}]*uri="/api/content/articles/\{slug\}/similar"')
print(f"similar list, service side, means since start: ranking {ranking:.2f} ms of a request's {request:.2f} ms")
