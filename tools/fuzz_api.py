#!/usr/bin/env python3
"""Sends every operation of a running service's OpenAPI description (/v3/api-docs) odd path, query
and body values, and reports answers that break the API's promise: a 5xx, or a 4xx that is not an
RFC 9457 problem document (404 and 405 excepted, which the router may answer for a mangled path).
Ids and slugs for the paths are taken from the service's own lists. Python 3 standard library only.

Usage: tools/fuzz_api.py BASE_URL ADMIN_KEY [ROUNDS] [SEED]
  e.g. NEWSROOM_DEMO=true NEWSROOM_ADMIN_KEY=fuzz-admin-key-0123456789abcdef java -jar target/newsroom-*.jar
       tools/fuzz_api.py http://127.0.0.1:8080 fuzz-admin-key-0123456789abcdef 4 11
It writes (and deletes) through the admin API: run it against a throwaway database only.
"""
import json
import random
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid

BASE, KEY = sys.argv[1], sys.argv[2]
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 3
random.seed(int(sys.argv[4]) if len(sys.argv) > 4 else 7)

def call(method, path, body=None, ctype="application/json", headers=None):
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else body.encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("Authorization", "Bearer " + KEY)
    if data is not None and ctype:
        req.add_header("Content-Type", ctype)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()
    except Exception as e:
        return -1, "", str(e).encode()

ODD_STRINGS = ["", " ", "a" * 5000, "ال" * 3000, "\u0000", "%00", "../../etc", "'; DROP TABLE x;--", "null", "-1",
               "99999999999999999999", "1e309", "NaN", "إيران", "<script>alert(1)</script>", "{\"a\":1}", "true", "2026-13-45T99:99:99Z", "\u202e\u0645",
               "a,b,c", "*", "&&||!:*", "😀" * 100]
ODD_VALUES = ODD_STRINGS + [None, 0, -1, 2**63, -2**63, 1.5, True, False, [], {}, [None], {"x": None}, ["ال"] * 1000]

def resolve(spec, schema):
    while schema and "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        schema = spec["components"]["schemas"][name]
    return schema or {}

def sample(spec, schema, depth=0):
    schema = resolve(spec, schema)
    if depth > 4:
        return None
    if random.random() < 0.15:
        return random.choice(ODD_VALUES)
    t = schema.get("type")
    if "enum" in schema:
        return random.choice(schema["enum"] + [random.choice(ODD_STRINGS)])
    if t == "object" or "properties" in schema:
        out = {}
        for k, v in schema.get("properties", {}).items():
            if random.random() < 0.85:
                out[k] = sample(spec, v, depth + 1)
        if random.random() < 0.1:
            out["unexpected"] = random.choice(ODD_VALUES)
        return out
    if t == "array":
        return [sample(spec, schema.get("items", {}), depth + 1) for _ in range(random.choice([0, 1, 2, 5, 300]))]
    if t == "integer":
        return random.choice([0, 1, -1, 10, 2**31, 2**63 - 1, 2**64, "x"])
    if t == "number":
        return random.choice([0, 1.5, -1e308, 1e300, "x"])
    if t == "boolean":
        return random.choice([True, False, "yes", 1])
    fmt = schema.get("format")
    if fmt == "uuid":
        return random.choice([str(uuid.uuid4()), "not-a-uuid", "00000000-0000-0000-0000-000000000000"])
    if fmt == "date-time":
        return random.choice(["2026-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "yesterday", "9999-12-31T23:59:59Z",
                              "-999999999-01-01T00:00:00Z", "2026-01-01T00:00:00+25:00"])
    if fmt == "uri":
        return random.choice(["https://example.com/a.jpg", "javascript:alert(1)", "http://", "ftp://x", "ال"])
    return random.choice(ODD_STRINGS + ["headline " + str(random.randint(0, 10**6)), "مقال " + str(random.randint(0, 10**6))])

HARVESTED = []

def harvest(value):
    if isinstance(value, dict):
        for k, v in value.items():
            if k in ("id", "slug") and isinstance(v, str):
                HARVESTED.append(v if k == "id" else urllib.parse.quote(v, safe=""))
            harvest(v)
    elif isinstance(value, list):
        for v in value:
            harvest(v)

def path_value():
    if HARVESTED and random.random() < 0.6:
        return random.choice(HARVESTED)
    return random.choice([str(uuid.uuid4()), "not-a-uuid", "%D8%A7%D9%84", "x" * 3000, "%25", "%2F", "..", "1", "-1",
                          "99999999999999999999", "%C0%AF", "%FF%FE"])

def main():
    status, _, raw = call("GET", "/v3/api-docs")
    spec = json.loads(raw)
    findings = []
    count = 0
    for path, ops in spec["paths"].items():
        if "{" not in path and "get" in ops:
            status, ct, raw = call("GET", path)
            if "json" in ct:
                try:
                    harvest(json.loads(raw))
                except ValueError:
                    pass
    print(f"harvested {len(HARVESTED)} ids and slugs")
    for _ in range(ROUNDS):
        for path, ops in spec["paths"].items():
            for method, op in ops.items():
                if method not in ("get", "post", "put", "patch", "delete"):
                    continue
                if "api-keys" in path and method != "get":
                    continue  # revoking or rotating the fuzzer's own key would end the run
                for attempt in range(6):
                    p = path
                    while "{" in p:
                        start, end = p.index("{"), p.index("}")
                        p = p[:start] + path_value() + p[end + 1:]
                    params = []
                    for prm in op.get("parameters", []):
                        prm = resolve(spec, prm)
                        if prm.get("in") == "query" and random.random() < 0.7:
                            v = sample(spec, prm.get("schema", {}))
                            v = json.dumps(v) if not isinstance(v, str) else v
                            params.append(prm["name"] + "=" + urllib.parse.quote(v, safe=""))
                    if params:
                        p += "?" + "&".join(params)
                    body = None
                    ctype = "application/json"
                    rb = op.get("requestBody")
                    if rb:
                        content = rb.get("content", {})
                        mt = next(iter(content), "application/json")
                        ctype = mt
                        kind = random.random()
                        if kind < 0.1:
                            body = "{not json"
                        elif kind < 0.15:
                            body = ""
                        elif kind < 0.2:
                            body = json.dumps([1, 2, 3])
                        elif "ndjson" in mt or "x-ndjson" in mt:
                            body = "\n".join(json.dumps(sample(spec, {"type": "object", "properties": {"uri": {}, "headlines": {}, "bodies": {}}})) for _ in range(3))
                        else:
                            body = json.dumps(sample(spec, content.get(mt, {}).get("schema", {})))
                    status, ct, raw = call(method.upper(), p, body, ctype)
                    count += 1
                    if status >= 500 or status == -1 or (400 <= status < 500 and "problem" not in ct and status not in (404, 405) ):
                        findings.append((status, method.upper(), p[:300], (body or "")[:400], raw[:400].decode("utf-8", "replace")))
    print(f"{count} requests, {len(findings)} findings")
    seen = set()
    for f in findings:
        key = (f[0], f[1], f[2].split("?")[0][:60])
        if key in seen:
            continue
        seen.add(key)
        print("----", f[0], f[1], f[2])
        print("body:", f[3])
        print("answer:", f[4])

main()
