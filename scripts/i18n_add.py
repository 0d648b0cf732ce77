#!/usr/bin/env python3
"""Add or update translation keys in translations/{en,sv,nb}.json at once.

Usage: scripts/i18n_add.py FILE.tsv
Each line of FILE.tsv: key<TAB>English<TAB>Swedish<TAB>Norwegian Bokmål.
"\\n" in a text is a newline; a text like {"one": "...", "other": "..."} is a
plural message. Lines starting with # are comments. Files stay sorted; a lock
keeps two runs from overwriting each other.
"""
import collections, fcntl, json, os, sys

base = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "translations")
langs = ("en", "sv", "nb")

with open(os.path.join(base, ".lock"), "w") as lock:
    fcntl.flock(lock, fcntl.LOCK_EX)
    files = {}
    for l in langs:
        p = os.path.join(base, l + ".json")
        files[l] = json.load(open(p, encoding="utf-8"), object_pairs_hook=collections.OrderedDict) if os.path.exists(p) else {}
    for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4 or not all(p.strip() for p in parts):
            sys.exit(f"{sys.argv[1]}:{n}: want key and three non-empty texts separated by tabs")
        for l, v in zip(langs, parts[1:]):
            v = v.replace("\\n", "\n")
            if v.startswith("{") and v.endswith("}") and '"other"' in v:
                v = json.loads(v)
            files[l][parts[0]] = v
    for l, d in files.items():
        with open(os.path.join(base, l + ".json"), "w", encoding="utf-8") as f:
            json.dump(collections.OrderedDict(sorted(d.items())), f, ensure_ascii=False, indent=2)
            f.write("\n")
    print({l: len(d) for l, d in files.items()})
