#!/usr/bin/env python3
"""A plain Python importer of Prowler OCSF findings (json + sqlite3), for comparison.

Usage: Benchmarks/reference_importer.py FILE.json DB.sqlite
Stores the same fields as Crosswalk (check, resource, account, region, severity, result, time,
title, requirement links) in one transaction with prepared statements.
"""
import json
import sqlite3
import sys
import time

start = time.time()
findings = json.load(open(sys.argv[1]))
db = sqlite3.connect(sys.argv[2])
db.executescript("""
PRAGMA journal_mode=WAL;
CREATE TABLE IF NOT EXISTS finding (id INTEGER PRIMARY KEY, uid TEXT UNIQUE, check_id TEXT, resource TEXT, account TEXT,
  region TEXT, severity TEXT, result TEXT, observed_at TEXT, title TEXT);
CREATE TABLE IF NOT EXISTS link (finding_id INTEGER, framework TEXT, requirement TEXT);
""")
with db:
    for f in findings:
        check = f["metadata"]["event_code"]
        res = f["resources"][0]
        account = f["cloud"]["account"]["uid"]
        uid = f"prowler|{check}|{account}|{res['region']}|{res['uid']}"
        cur = db.execute("INSERT OR IGNORE INTO finding (uid, check_id, resource, account, region, severity, result, observed_at, title)"
                         " VALUES (?,?,?,?,?,?,?,?,?)",
                         (uid, check, res["uid"], account, res["region"], f["severity"].lower(), f["status_code"],
                          f["finding_info"]["created_time_dt"], f["finding_info"]["title"]))
        fid = cur.lastrowid
        for key, ids in f["unmapped"]["compliance"].items():
            if key in ("SOC2", "HIPAA", "GDPR", "ISO27001-2022", "ISO27001-2013"):
                db.executemany("INSERT INTO link VALUES (?,?,?)", [(fid, key, i) for i in ids])
elapsed = time.time() - start
print(f"{len(findings)} findings in {elapsed:.2f} s: {len(findings) / elapsed:,.0f} findings/s")
