"""The file's check run while the passphrase is typed, and the first page of
the client list without reading every name."""
import os

import pytest
from store_helpers import PASSPHRASE

from desktop.store import DamagedDatabase, HealthCheck, Store, WrongPassphrase, db


def _store(data_dir, n=40):
    s = Store.create(data_dir, PASSPHRASE)
    with s.batch():
        for i in range(n):
            c = s.new_client(f"client {i}", f"Latin {i}")
            s.set_answer(c.id, "detained", "yes")
    s.close()
    Store.open(data_dir, PASSPHRASE).close()  # today's backup and the name index


def _corrupt(path):
    with open(path, "r+b") as fh:
        fh.seek(2 * 4096)
        fh.write(os.urandom(2 * 4096))


def test_a_check_ahead_is_used_and_not_repeated(data_dir, monkeypatch):
    _store(data_dir)
    health = HealthCheck(data_dir)
    health.wait()

    def again(conn):
        raise AssertionError("the file was checked twice")

    monkeypatch.setattr(db, "check_health", again)
    with pytest.raises(WrongPassphrase):
        Store.open(data_dir, "a wrong passphrase", health=health)
    with Store.open(data_dir, PASSPHRASE, health=health) as s:
        assert len(s.list_clients()) == 40


def test_damage_after_the_check_ahead_is_still_reported(data_dir):
    _store(data_dir)
    health = HealthCheck(data_dir)
    health.wait()  # found the file healthy
    _corrupt(data_dir / "clients.db")
    with pytest.raises(DamagedDatabase):
        Store.open(data_dir, PASSPHRASE, health=health)


def test_damage_found_ahead_comes_before_a_wrong_passphrase(data_dir):
    _store(data_dir)
    _corrupt(data_dir / "clients.db")
    health = HealthCheck(data_dir)
    with pytest.raises(DamagedDatabase):
        Store.open(data_dir, "a wrong passphrase", health=health)


def test_first_page_is_the_head_of_the_whole_list(data_dir):
    _store(data_dir)
    with Store.open(data_dir, PASSPHRASE) as s:
        count, page = s.recent_clients(25)
        assert s._listing is None  # no name read beyond the page
        whole = s.list_clients()
        assert count == len(whole) == 40 and page == whole[:25]
        s.set_answer(whole[30].id, "detained", "no")
        count, page = s.recent_clients(25)  # from the list in memory now
        assert count == 40 and page[0].id == whole[30].id
