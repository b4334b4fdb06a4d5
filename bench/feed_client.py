#!/usr/bin/env python3
"""The feed server alone: FEEDS conditional GETs (each answered 304) from CLIENTS threads, as one
steady-state round asks them; prints requests per second. Usage: feed_client.py PORT FEEDS CLIENTS"""
import http.client
import sys
import threading
import time

PORT, FEEDS, CLIENTS = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
etags = {}


def fetch(n, etag=None):
    connection = http.client.HTTPConnection("127.0.0.1", PORT)  # a connection each, as the poller opens
    connection.request("GET", f"/feed/{n}.xml", headers={"If-None-Match": etag} if etag else {})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.getheader("ETag")


for n in range(FEEDS):
    etags[n] = fetch(n)
todo = list(range(FEEDS))
lock = threading.Lock()


def worker():
    while True:
        with lock:
            if not todo:
                return
            n = todo.pop()
        fetch(n, etags[n])


start = time.time()
threads = [threading.Thread(target=worker) for _ in range(CLIENTS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"{FEEDS / (time.time() - start):.0f}")
