#!/usr/bin/env python3
"""Sends every operation of a running service's OpenAPI description (/v3/api-docs) odd path, query
and body values, and reports answers that break the API's promise: a 5xx, or a 4xx that is not an
RFC 9457 problem document (404 and 405 excepted, which the router may answer for a mangled path).
Ids and slugs for the paths are taken from the service's own lists. Python 3 standard library only.

Then, for every operation, five classes of input that arrive from outside every day:
  - odd bytes in every query parameter (invalid percent-encoded UTF-8, broken escapes): must be a 400 problem;
  - every single-valued query parameter given twice, once with an odd value: must not be accepted (2xx);
  - bodies declared in charsets that do not exist (must be 415) or that do (decoded: no 5xx);
  - bodies declared as a wildcard type (*/*, application/*), which names no type: must be a 415 problem;
  - control characters, noncharacters and stray marks in every string field, including an article that
    is then published; afterwards every feed and sitemap must answer 200 and parse as well-formed XML,
    and the content endpoints must answer JSON.
Exits with status 1 when there is any finding.

Usage: tools/fuzz_api.py BASE_URL ADMIN_KEY [ROUNDS] [SEED]
  e.g. NEWSROOM_DEMO=true NEWSROOM_ADMIN_KEY=fuzz-admin-key-0123456789abcdef java -jar target/newsroom-*.jar
       tools/fuzz_api.py http://127.0.0.1:8080 fuzz-admin-key-0123456789abcdef 4 11
It writes (and deletes) through the admin API: run it against a throwaway database only.
"""
import json
import random
import xml.etree.ElementTree as ElementTree
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
    count += odd_bytes(spec, findings)
    count += repeated_parameters(spec, findings)
    count += declared_charsets(spec, findings)
    count += control_characters(spec, findings)
    count += wildcard_types(spec, findings)
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
    return 1 if findings else 0

# --- input that arrives from outside every day ---------------------------------------------------

BAD_BYTES = ["%C3%28", "%FF", "%ED%A0%80", "%E2%82", "%G1", "abc%", "%4", "%C0%AF", "%FE%FF", "%F8%88%80%80%80"]
CHARSETS = {"foo": None, "UTF-7": None, "x-user-defined": None, '"bogus"': None, "utf-9": None,
            "UTF-16": "utf-16", "windows-1256": "cp1256", "ISO-8859-6": "iso8859_6", "UTF-32": "utf-32", "UTF-8": "utf-8"}
STRAY = "\x01\x08\x0b\x1f\x7f\x85\x9f\ufdd0\ufffe\ufeff\u200f\u202e\u00ad"

def operations(spec):
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            if method in ("get", "post", "put", "patch", "delete") and not ("api-keys" in path and method != "get"):
                yield path, method, op

def fill(path):
    while "{" in path:
        start, end = path.index("{"), path.index("}")
        path = path[:start] + (random.choice(HARVESTED) if HARVESTED else str(uuid.uuid4())) + path[end + 1:]
    return path

def query_parameters(spec, op):
    return [resolve(spec, p) for p in op.get("parameters", []) if resolve(spec, p).get("in") == "query"]

def plain_value(spec, prm):
    schema = resolve(spec, prm.get("schema", {}))
    if "enum" in schema:
        return schema["enum"][0]
    return {"integer": "5", "boolean": "true"}.get(schema.get("type"), "x")

def is_problem(status, ct):
    return "problem" in ct

def odd_bytes(spec, findings):
    count = 0
    for path, method, op in operations(spec):
        for prm in query_parameters(spec, op):
            bad = random.choice(BAD_BYTES)
            p = fill(path) + "?" + prm["name"] + "=" + bad
            status, ct, raw = call(method.upper(), p, "{}" if op.get("requestBody") else None)
            count += 1
            if status != 400 or not is_problem(status, ct):
                findings.append((status, method.upper(), p, "(odd bytes: expected a 400 problem)", raw[:400].decode("utf-8", "replace")))
    return count

def repeated_parameters(spec, findings):
    count = 0
    for path, method, op in operations(spec):
        if method != "get":
            continue
        for prm in query_parameters(spec, op):
            if resolve(spec, prm.get("schema", {})).get("type") == "array":
                continue
            odd = urllib.parse.quote(random.choice(ODD_STRINGS[1:]), safe="")
            p = fill(path) + "?" + prm["name"] + "=" + urllib.parse.quote(str(plain_value(spec, prm)), safe="") + "&" + prm["name"] + "=" + odd
            status, ct, raw = call("GET", p)
            count += 1
            if status < 400 or status >= 500 or not is_problem(status, ct):
                findings.append((status, "GET", p, "(repeated single-valued parameter: expected a 4xx problem)", raw[:400].decode("utf-8", "replace")))
    return count

def declared_charsets(spec, findings):
    count = 0
    for path, method, op in operations(spec):
        rb = op.get("requestBody")
        if not rb:
            continue
        mt = next(iter(rb.get("content", {})), "application/json")
        text = json.dumps(sample(spec, rb.get("content", {}).get(mt, {}).get("schema", {})), ensure_ascii=False)
        if "ndjson" in mt:
            text = json.dumps({"headline": "خبر بترميز معلن " + str(random.randint(0, 10**6))}, ensure_ascii=False)
        for name in random.sample(sorted(CHARSETS), 4):
            codec = CHARSETS[name]
            try:
                body = text.encode(codec or "utf-8")
            except UnicodeEncodeError:
                body = text.encode("utf-8", "replace")
            p = fill(path)
            status, ct, raw = call(method.upper(), p, body, mt + "; charset=" + name, {"If-Match": '"0"'})
            count += 1
            unknown = codec is None
            if status >= 500 or status == -1 or (unknown and status != 415) or (400 <= status < 500 and not is_problem(status, ct) and status not in (404, 405)):
                findings.append((status, method.upper(), p, f"(declared charset {name})", raw[:400].decode("utf-8", "replace")))
    return count

WILDCARD_TYPES = ["*/*", "application/*", "*/*; charset=UTF-8", "application/*+json"]

def wildcard_types(spec, findings):
    count = 0
    for path, method, op in operations(spec):
        rb = op.get("requestBody")
        if not rb or method not in ("post", "put", "patch"):
            continue
        mt = next(iter(rb.get("content", {})), "application/json")
        body = json.dumps(sample(spec, rb.get("content", {}).get(mt, {}).get("schema", {})), ensure_ascii=False)
        for ctype in random.sample(WILDCARD_TYPES, 2):
            p = fill(path)
            status, ct, raw = call(method.upper(), p, body, ctype, {"If-Match": '"0"'})
            count += 1
            if status != 415 or not is_problem(status, ct):
                findings.append((status, method.upper(), p, f"(Content-Type {ctype}: expected a 415 problem)", raw[:400].decode("utf-8", "replace")))
    return count

def strays(value):
    if isinstance(value, str):
        cut = random.randint(0, len(value)) if value else 0
        return value[:cut] + "".join(random.sample(STRAY, 4)) + value[cut:]
    if isinstance(value, dict):
        return {k: strays(v) for k, v in value.items()}
    if isinstance(value, list):
        return [strays(v) for v in value]
    return value

def control_characters(spec, findings):
    count = 0
    for path, method, op in operations(spec):
        rb = op.get("requestBody")
        if not rb or method == "delete":
            continue
        mt = next(iter(rb.get("content", {})), "application/json")
        if "ndjson" in mt:
            body = json.dumps(strays({"headline": "سطر مستورد", "bodyHtml": "<p>نص</p>", "tags": ["وسم", "إيران"]}))
        else:
            body = json.dumps(strays(sample(spec, rb.get("content", {}).get(mt, {}).get("schema", {}))))
        p = fill(path)
        status, ct, raw = call(method.upper(), p, body, mt, {"If-Match": '"0"'})
        count += 1
        if status >= 500 or status == -1 or (400 <= status < 500 and not is_problem(status, ct) and status not in (404, 405)):
            findings.append((status, method.upper(), p, "(control characters) " + body[:300], raw[:400].decode("utf-8", "replace")))
    # one article with stray characters in every field, published, so that the feeds and sitemaps carry them
    article = strays({"headline": "خبر عاجل من طهران", "subheadline": "عنوان فرعي", "excerpt": "مقتطف", "byline": "مراسلنا",
                      "bodyHtml": "<p>نص الخبر</p><blockquote>قول</blockquote>", "tags": ["إيران", "وسم جديد"],
                      "image": {"url": "https://example.com/i.jpg", "caption": "صورة", "credit": "مصور"}})
    status, ct, raw = call("POST", "/api/admin/articles", json.dumps(article))
    count += 1
    if status == 201:
        created = json.loads(raw)
        harvest(created)
        status, ct, raw = call("POST", "/api/admin/articles/" + created["id"] + "/publish", None)
        count += 1
        if status != 200:
            findings.append((status, "POST", "/api/admin/articles/{id}/publish", "(publish the article with stray characters)", raw[:400].decode("utf-8", "replace")))
    else:
        findings.append((status, "POST", "/api/admin/articles", "(article with stray characters) " + json.dumps(article)[:300], raw[:400].decode("utf-8", "replace")))
    for path, method, op in operations(spec):
        if method != "get" or "{" in path and not (path.startswith("/feeds") or path.startswith("/sitemap") or path.startswith("/api/content")):
            continue
        if not (path.startswith("/feeds") or path.startswith("/sitemap") or path.startswith("/api/content")):
            continue
        p = fill(path)
        status, ct, raw = call("GET", p)
        count += 1
        if status >= 500 or status == -1 or (status != 200 and "{" not in path):
            findings.append((status, "GET", p, "(read after stray characters)", raw[:400].decode("utf-8", "replace")))
        elif status == 200 and "xml" in ct:
            try:
                ElementTree.fromstring(raw)
            except ElementTree.ParseError as e:
                findings.append((status, "GET", p, "(not well-formed XML: " + str(e) + ")", raw[:400].decode("utf-8", "replace")))
        elif status == 200 and "json" in ct:
            try:
                json.loads(raw)
            except ValueError as e:
                findings.append((status, "GET", p, "(not JSON: " + str(e) + ")", raw[:400].decode("utf-8", "replace")))
    return count

sys.exit(main())
