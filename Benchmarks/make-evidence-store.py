#!/usr/bin/env python3
"""Fills an evidence store (created by crosswalk, so the schema is Crosswalk's own) with COUNT items:
half manual evidence attached to the shipped customer controls (accepted, submitted and expired in
a fixed pattern), half automated findings of the controls' Prowler checks (one in eleven FAIL).

Usage: Benchmarks/make-evidence-store.py STORE.sqlite COUNT CONTROLS.json
"""
import json
import sqlite3
import sys

path, count, controls_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
controls = json.load(open(controls_file))
ids = [c["id"] for c in controls]
checks = sorted({check for c in controls for check in c["automation"]["prowler"]})
db = sqlite3.connect(path)
with db:
    cur = db.cursor()
    for i in range(count):
        manual = i % 2 == 0
        kind = "document" if manual else "automated-finding"
        expires = "2027-0%d-01" % (1 + i % 9) if i % 7 else "2026-03-01"
        status = "accepted" if i % 5 else "submitted"
        cur.execute(
            "INSERT INTO evidence (uid, kind, title, owner, source, effective_from, added_at, expires_at, status, notes, revision)"
            " VALUES (?, ?, ?, 'Owner', 'benchmark', ?, '2026-10-01T00:00:00Z', ?, ?, '', 1)",
            (f"bench:{i}", kind, f"Evidence {i}", "2026-0%d-01" % (1 + i % 9), expires if manual else None, status if manual else "accepted"))
        eid = cur.lastrowid
        if manual:
            cur.execute("INSERT INTO evidence_link (evidence_id, control_id) VALUES (?, ?)", (eid, ids[i % len(ids)]))
        else:
            cur.execute(
                "INSERT INTO finding VALUES (?, 'prowler', ?, ?, '111122223333', 'eu-west-1', 'high', ?, '2026-11-01T00:00:00Z', 1793491200000000)",
                (eid, checks[i % len(checks)], f"arn:aws:s3:::bench-{i}", "FAIL" if i % 11 == 0 else "PASS"))
