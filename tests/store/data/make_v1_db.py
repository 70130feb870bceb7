"""How store_v1.db was made: a store exactly as version 1 of the schema
wrote it (first release). Kept for the record; the .db file is the fixture,
do not regenerate it from a later schema.

    RELIEF_WIZARD_KDF_TEST=1 .venv/bin/python tests/store/data/make_v1_db.py
"""
import json
import sys
from pathlib import Path

from desktop.store import crypto, db

PASSPHRASE = "first version passphrase"
OUT = Path(__file__).with_name("store_v1.db")


def seal(aead, value, context):
    return crypto.seal(aead, json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(), context)


def seal_profile(aead, client_id, name, latin, lang):
    raw = "\x1f".join(("p1", name, latin, lang)).encode()
    return crypto.seal(aead, raw + b"\x00" * (-len(raw) % 64), f"client/{client_id}/profile")


def main():
    if OUT.exists():
        sys.exit(f"{OUT} exists; it is a frozen fixture")
    conn = db.connect(OUT, create=True)
    db.migrate(conn, upto=1)
    key = crypto.new_data_key()
    wk = crypto.wrap(key, PASSPHRASE, crypto.TEST_KDF)
    aead = crypto.aead_for(key)
    conn.execute("INSERT INTO keys VALUES (1, ?, ?, ?, ?)",
                 (wk.params.to_json(), wk.salt, wk.wrapped, "2026-11-20T10:00:00.000000+00:00"))
    conn.execute("INSERT INTO clients (id, code, profile, created, updated) VALUES (?, ?, ?, ?, ?)",
                 (1, "K7M-3QP", seal_profile(aead, 1, "রহিম উদ্দিন", "Rahim Uddin", "bn"),
                  "2026-11-20T10:00:00.000000+00:00", "2026-11-20T10:05:00.000000+00:00"))
    for qid, value, changed in [("decision_stage", "immigration_judge", "2026-11-20T10:01:00.000000+00:00"),
                                ("decision_date", "2026-11-02", "2026-11-20T10:05:00.000000+00:00"),
                                ("harm_reasons", ["religion", "political_opinion"],
                                 "2026-11-20T10:03:00.000000+00:00")]:
        conn.execute("INSERT INTO answers VALUES (1, ?, ?, ?)",
                     (qid, seal(aead, value, f"answer/1/{qid}"), changed))
    conn.execute("INSERT INTO settings VALUES ('purge_days', ?)", (seal(aead, 90, "setting/purge_days"),))
    conn.close()


if __name__ == "__main__":
    main()
