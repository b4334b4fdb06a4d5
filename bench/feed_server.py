#!/usr/bin/env python3
"""Serves FEEDS RSS 2.0 feeds of ITEMS Arabic stories each on 127.0.0.1, for bench/feeds.sh.

/feed/<n>.xml: feed n, built once from a seeded generator and kept in memory with a strong ETag and a
Last-Modified; a conditional GET that matches answers 304 with no body. /stats answers how many
requests were answered 200 and 304. Items are of realistic size: a headline of 8-14 words, a
description (lead) of 30-50 words and a content:encoded body of 250-500 words in paragraphs, drawn
from the project's Arabic words and a long tail of rare made-up ones (below).

About one story in ten is told again by another feed in its own words (a third of the words
replaced, the numbers and places kept), so the same-story check has real work to do: those items
should join the first telling's story.

Usage: feed_server.py PORT FEEDS ITEMS VOCABULARY_FILE [--bulk | --retellings]
(--bulk: print the same stories as the lines of a bulk import instead, and exit; --retellings: print
"feed item retold-feed" for every retelling, the truth the same-story joins are checked against)
"""
import hashlib
import json
import itertools
import random
import sys
import threading
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

PORT, FEEDS, ITEMS = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
COMMON = [w for w in open(sys.argv[4], encoding="utf-8").read().split() if len(w) > 2]
# Running text draws on a vocabulary far larger than the project's Arabic files: names of people,
# places, bodies and things, most of them rare. 40,000 made-up words of 4-7 letters stand for them,
# ranked after the real words, and the whole is drawn Zipf-like (rank r weighs 1/(r + 10)): common
# words come up often, most words rarely, as in news text.
_letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_rng = random.Random(1)
RARE = sorted({"".join(_rng.choice(_letters) for _ in range(_rng.randint(4, 7))) for _ in range(40000)} - set(COMMON))
_rng.shuffle(RARE)
WORDS = COMMON + RARE
CUMULATIVE = list(itertools.accumulate(1.0 / (rank + 10) for rank in range(len(WORDS))))
LAST_MODIFIED = formatdate(usegmt=True)
RETOLD_SHARE = 0.1


def words(rng, low, high):
    return rng.choices(WORDS, cum_weights=CUMULATIVE, k=rng.randint(low, high))


def story(seed):
    rng = random.Random(str(seed))
    return {"headline": words(rng, 8, 14) + [str(rng.randint(2, 900))], "lead": words(rng, 30, 50),
            "body": [words(rng, 40, 80) for _ in range(rng.randint(5, 8))]}


def retold(original, seed):
    """The same event in another outlet's words: a third of the words replaced, numbers kept."""
    rng = random.Random(str(seed))

    def reword(text):
        return [w if w.isdigit() or rng.random() > 0.33 else rng.choices(WORDS, cum_weights=CUMULATIVE)[0] for w in text]
    return {"headline": reword(original["headline"]), "lead": reword(original["lead"]),
            "body": [reword(p) for p in original["body"]]}


def feed_stories(n):
    """Feed n's items: (item number, text, its two categories, the feed whose first item it retells or None)."""
    rng = random.Random(n * 7919)
    for i in range(ITEMS):
        source_feed = None
        if n > 0 and i > 0 and rng.random() < RETOLD_SHARE:
            # a story an earlier feed told (its first item, never itself a retelling), in this outlet's words
            source_feed = rng.randrange(0, n)
            text = retold(story((source_feed, 0)), (n, i))
        else:
            text = story((n, i))
        yield i, text, [WORDS[(n + i) % 200], WORDS[(n * 3 + i) % 400]], source_feed


def bulk_lines():
    """The same stories as lines of a bulk import (the admin API's shape), for the write path's comparison."""
    for n in range(FEEDS):
        for i, text, categories, _ in feed_stories(n):
            yield json.dumps({"externalId": f"bulk-{n}-{i}", "status": "PUBLISHED", "language": "ar",
                              "headline": " ".join(text["headline"]), "excerpt": " ".join(text["lead"]),
                              "bodyHtml": "".join(f"<p>{' '.join(p)}</p>" for p in text["body"]),
                              "sourceUrl": f"https://outlet-{n}.example/news/{i}", "tags": categories}, ensure_ascii=False)


def feed_document(n):
    items = []
    for i, text, categories, _ in feed_stories(n):
        body = "".join(f"<p>{escape(' '.join(p))}</p>" for p in text["body"])
        items.append(
            f"<item><guid isPermaLink=\"false\">bench-{n}-{i}</guid><title>{escape(' '.join(text['headline']))}</title>"
            f"<link>https://outlet-{n}.example/news/{i}</link><pubDate>{LAST_MODIFIED}</pubDate>"
            + "".join(f"<category>{escape(c)}</category>" for c in categories) +
            f"<description>{escape(' '.join(text['lead']))}</description>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>")
    xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
           f"<channel><title>منفذ {n}</title><link>https://outlet-{n}.example/</link><language>ar</language>"
           + "".join(items) + "</channel></rss>").encode("utf-8")
    return xml, '"' + hashlib.sha1(xml).hexdigest() + '"'


DOCUMENTS = {}
LOCK = threading.Lock()
COUNTS = {"200": 0, "304": 0}


def document(n):
    with LOCK:
        if n not in DOCUMENTS:
            DOCUMENTS[n] = feed_document(n)
        return DOCUMENTS[n]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path == "/stats":
            return self.answer(200, f"{COUNTS['200']} {COUNTS['304']}".encode(), {})
        if not (self.path.startswith("/feed/") and self.path.endswith(".xml")):
            return self.answer(404, b"", {})
        n = int(self.path[6:-4])
        if not 0 <= n < FEEDS:
            return self.answer(404, b"", {})
        body, etag = document(n)
        if self.headers.get("If-None-Match") == etag:
            with LOCK:
                COUNTS["304"] += 1
            return self.answer(304, None, {"ETag": etag})
        with LOCK:
            COUNTS["200"] += 1
        self.answer(200, body, {"ETag": etag, "Last-Modified": LAST_MODIFIED, "Content-Type": "application/rss+xml; charset=utf-8"})

    def answer(self, status, body, headers):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if body is not None:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    if len(sys.argv) > 5 and sys.argv[5] == "--retellings":
        for n in range(FEEDS):
            sys.stdout.writelines(f"{n} {i} {source}\n" for i, _, _, source in feed_stories(n) if source is not None)
        sys.exit(0)
    if len(sys.argv) > 5 and sys.argv[5] == "--bulk":
        sys.stdout.writelines(line + "\n" for line in bulk_lines())
        sys.exit(0)
    for n in range(FEEDS):
        document(n)  # built before the clock starts
    sizes = [len(DOCUMENTS[n][0]) for n in range(FEEDS)]
    print(f"feed server: {FEEDS} feeds of {ITEMS} items, {sum(sizes) // FEEDS // 1024} KiB a feed on average", flush=True)
    ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
