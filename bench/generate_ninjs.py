#!/usr/bin/env python3
"""Writes N ninjs 2.2 documents as NDJSON for the bulk import benchmark (bench/import.sh).

Like GenerateArticles.java: Arabic (80%) and English stories, bodies of about 2 KB drawn from a
Zipfian vocabulary, 3-8 subjects each from a Zipf-distributed set of TAGS tags, 20 sources.
Usage: generate_ninjs.py N TAGS > file.ndjson
"""
import bisect
import itertools
import json
import random
import sys

n, tag_count = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(42)


def words(count, letters, low, high, prefix, seed):
    r = random.Random(seed)
    out = set()
    while len(out) < count:
        out.add(prefix * (r.random() < 0.3) + "".join(r.choice(letters) for _ in range(r.randint(low, high))))
    return sorted(out)


def zipf_cdf(count):
    weights = [1.0 / (i + 1) for i in range(count)]
    return list(itertools.accumulate(weights))


def draw(cdf):
    return bisect.bisect_left(cdf, rnd.random() * cdf[-1])


arabic = words(30000, "ابتثجحخدذرزسشصضطظعغفقكلمنهوي", 3, 7, "ال", 7)
english = words(15000, "abcdefghijklmnopqrstuvwxyz", 3, 9, "", 8)
arabic_cdf, english_cdf = zipf_cdf(len(arabic)), zipf_cdf(len(english))
tags = [f"{arabic[i % len(arabic)]} {i}" if i % 5 else f"topic {english[i % len(english)]} {i}" for i in range(tag_count)]
tag_cdf = zipf_cdf(tag_count)
sources = [f"وكالة {arabic[i]}" for i in range(20)]


def text(vocabulary, cdf, count):
    return " ".join(vocabulary[draw(cdf)] for _ in range(count))


out = sys.stdout
for i in range(n):
    is_arabic = rnd.random() < 0.8
    vocabulary, cdf = (arabic, arabic_cdf) if is_arabic else (english, english_cdf)
    paragraphs = "".join(f"<p>{text(vocabulary, cdf, 60)}</p>" for _ in range(5))
    subjects = sorted({draw(tag_cdf) for _ in range(rnd.randint(3, 8))})
    document = {
        "uri": f"urn:bench:{i}",
        "type": "text",
        "versioncreated": "2026-11-01T00:00:00Z",
        "firstcreated": f"2026-{1 + i % 10:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00Z",
        "pubstatus": "usable",
        "language": "ar" if is_arabic else "en",
        "headlines": [{"role": "main", "value": f"{text(vocabulary, cdf, 8)} {i}"}],
        "descriptions": [{"role": "summary", "value": text(vocabulary, cdf, 25)}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": paragraphs}],
        "subjects": [{"name": tags[t]} for t in subjects],
        "infosources": [{"name": sources[i % len(sources)]}],
    }
    out.write(json.dumps(document, ensure_ascii=False))
    out.write("\n")
