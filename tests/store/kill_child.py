"""Child of the kill test: saves answers as fast as it can, and reports each
save on stdout only after the call returned. The parent kills it at random.

    kill_child.py DATA_DIR TRIAL
"""
import datetime as dt
import os
import sys

from desktop.store import Store

PASSPHRASE = "kill test passphrase"
QIDS = ("decision_date", "nta_date", "date_of_birth", "last_arrival_date", "asylum_filed_date")
BASE = dt.date(1950, 1, 1)


def report(line: str) -> None:
    os.write(1, (line + "\n").encode())  # unbuffered: written means reported


def main() -> None:
    data_dir, trial = sys.argv[1], int(sys.argv[2])
    store = Store.open(data_dir, PASSPHRASE)
    report("ready")
    clients = []
    n = 0
    while True:
        if n % 25 == 0:
            c = store.new_client(f"trial {trial} client {len(clients)}")
            clients.append(c.id)
            report(f"C {c.id} {c.name}")
        client = clients[n % len(clients)]
        qid = QIDS[n % len(QIDS)]
        value = (BASE + dt.timedelta(days=n)).isoformat()
        store.set_answer(client, qid, value)
        report(f"A {client} {qid} {value}")
        n += 1


if __name__ == "__main__":
    main()
