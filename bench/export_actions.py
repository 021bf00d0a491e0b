#!/usr/bin/env python3
"""What an integrator would write instead of apimo-shell: every action of every user of an agency
to CSV, one request at a time (urllib, json, csv, gzip; no throttle). The baseline of
bench/python-baseline. Usage: APIMO_BASE_URL=... APIMO_PROVIDER=... APIMO_TOKEN=...
bench/export_actions.py AGENCY FILE"""
import base64, csv, gzip, json, os, sys, urllib.parse, urllib.request

BASE = os.environ["APIMO_BASE_URL"]
CREDENTIALS = f'{os.environ["APIMO_PROVIDER"]}:{os.environ["APIMO_TOKEN"]}'.encode()
HEADERS = {"Authorization": "Basic " + base64.b64encode(CREDENTIALS).decode(), "Accept-Encoding": "gzip"}
COLUMNS = ["id", "type", "user", "contact", "date", "time_start", "time_end", "subject", "content",
           "referral", "properties.id", "properties.report", "properties.price", "properties.currency",
           "properties.assessment", "properties.rating", "subreferral", "created_at", "updated_at"]


def get(path, **query):
    request = urllib.request.Request(f"{BASE}{path}?{urllib.parse.urlencode(query)}", headers=HEADERS)
    with urllib.request.urlopen(request) as response:
        body = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
    return json.loads(body)


def records(path, key, size=1000):
    offset = 0
    while True:
        page = get(path, limit=size, offset=offset)
        yield from page[key]
        offset += size
        if not page[key] or offset >= int(page.get("total_items") or 0):
            return


def flat(record, prefix=""):
    for name, value in record.items():
        if isinstance(value, dict):
            yield from flat(value, prefix + name + ".")
        elif isinstance(value, list):
            yield prefix + name, json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        else:
            yield prefix + name, "" if value is None else value


agency, target = sys.argv[1], sys.argv[2]
with open(target, "w", newline="", encoding="utf-8") as file:
    out = csv.DictWriter(file, COLUMNS, extrasaction="ignore")
    out.writeheader()
    for user in records(f"/agencies/{agency}/users", "users"):
        for action in records(f"/agencies/{agency}/users/{user['id']}/actions", "actions"):
            out.writerow(dict(flat(action)))
