#!/usr/bin/env python3
"""Builds a large Prowler OCSF file by replicating the shared real scan with new resource ids.

Usage: Benchmarks/make-findings.py COUNT OUT.json [SCAN.ocsf.json]
Every copy of a finding gets a new resource uid (and finding uid), so each is a distinct
finding for the importer; everything else is the real scan's content, byte for byte.
"""
import json
import sys

count = int(sys.argv[1])
out = sys.argv[2]
scan = sys.argv[3] if len(sys.argv) > 3 else "../shared/data/prowler/scan-medirec/prowler-output-210987654321-20261122152348.ocsf.json"
findings = json.load(open(scan))
with open(out, "w") as f:
    f.write("[")
    for i in range(count):
        base = findings[i % len(findings)]
        copy = json.loads(json.dumps(base))
        suffix = f"-bench{i // len(findings)}"
        for resource in copy["resources"]:
            resource["uid"] = resource["uid"] + suffix
        copy["finding_info"]["uid"] = copy["finding_info"]["uid"] + suffix
        if i:
            f.write(",\n")
        f.write(json.dumps(copy, indent=2))
    f.write("]\n")
