import datetime as dt
import re
import sqlite3

import pytest
from store_helpers import PASSPHRASE, snapshot

from desktop.logic.validation import AnswerError
from desktop.store import BadClientField, NoStore, Store, StoreExists, UnknownClient, WeakPassphrase, WrongPassphrase
from desktop.store import clients as clients_mod
from desktop.store.clients import DamagedRecord, fold, normalize_code


def test_create_then_open(data_dir):
    assert not Store.exists(data_dir)
    with pytest.raises(NoStore):
        Store.open(data_dir, PASSPHRASE)
    s = Store.create(data_dir, PASSPHRASE)
    c = s.new_client("Ana")
    s.close()
    assert Store.exists(data_dir)
    with pytest.raises(StoreExists):
        Store.create(data_dir, "another passphrase")
    with Store.open(data_dir, PASSPHRASE) as s:
        assert [x.id for x in s.list_clients()] == [c.id]


def test_short_passphrase_refused(data_dir):
    with pytest.raises(WeakPassphrase) as err:
        Store.create(data_dir, "short")
    assert "at least 8" in err.value.message.render()
    assert not Store.exists(data_dir)


def test_wrong_passphrase_changes_nothing(data_dir):
    s = Store.create(data_dir, PASSPHRASE)
    c = s.new_client("Ana")
    s.set_answer(c.id, "detained", "no")
    s.close()
    before = snapshot(data_dir)
    with pytest.raises(WrongPassphrase) as err:
        Store.open(data_dir, "not the passphrase")
    assert err.value.message.render() == "The passphrase is not right. Nothing was changed."
    assert err.value.exit_code == 3
    assert snapshot(data_dir) == before


def test_passphrase_is_unicode_normalized(data_dir):
    composed, decomposed = "caf\u00e9 passphrase", "cafe\u0301 passphrase"
    Store.create(data_dir, composed).close()
    Store.open(data_dir, decomposed).close()


def test_client_code_shape(store):
    codes = {store.new_client(f"n{i}").code for i in range(50)}
    assert len(codes) == 50
    for code in codes:
        assert re.fullmatch(r"[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}", code)
        assert not set(code) & set("01ILOU")


def test_normalize_code():
    assert normalize_code("k7m3qp") == "K7M-3QP"
    assert normalize_code(" K7M 3QP") == "K7M-3QP"
    assert normalize_code("K7M-3QP") == "K7M-3QP"
    assert normalize_code("K0M-3QP") is None
    assert normalize_code("K7M-3Q") is None


def test_new_client_fields(store):
    c = store.new_client("রহিম উদ্দিন", "Rahim Uddin", "bn")
    assert (c.name, c.name_latin, c.lang, c.last_question) == ("রহিম উদ্দিন", "Rahim Uddin", "bn", None)
    assert c.created.tzinfo is not None and c.updated >= c.created
    with pytest.raises(BadClientField):
        store.new_client("x", lang="fr")
    with pytest.raises(BadClientField):
        store.new_client("x" * 500)


def test_list_most_recent_first_and_touch_by_answer(store):
    a, b, _ = (store.new_client(n) for n in ("A", "B", "C"))
    assert [x.name for x in store.list_clients()] == ["C", "B", "A"]
    store.set_answer(a.id, "detained", "yes")
    assert [x.name for x in store.list_clients()] == ["A", "C", "B"]
    store.update_client(b.id, name="Bee")
    assert [x.name for x in store.list_clients()] == ["Bee", "A", "C"]


def test_search_names_codes_case_accents(store):
    jose = store.new_client("José Núñez", "Jose Nunez", "es")
    rahim = store.new_client("রহিম উদ্দিন", "Rahim Uddin", "bn")
    store.new_client("Maria Lopez")
    names = lambda q: sorted(c.name for c in store.list_clients(q))
    assert names("jose") == ["José Núñez"]
    assert names("NUÑEZ") == ["José Núñez"]
    assert names("uddin") == ["রহিম উদ্দিন"]
    assert names("রহিম") == ["রহিম উদ্দিন"]
    assert names("lopez maria") == ["Maria Lopez"]
    assert names("nobody") == []
    assert len(store.list_clients("")) == 3
    for form in (rahim.code, rahim.code.lower(), rahim.code.replace("-", ""), rahim.code[:4]):
        assert rahim.id in [c.id for c in store.list_clients(form)], form
    assert store.list_clients(jose.code)[0].id == jose.id


def test_fold():
    assert fold("JOSÉ") == fold("jose") == "jose"
    assert fold("Straße") == "strasse"


def test_get_client_by_code_or_id(store):
    c = store.new_client("Ana")
    assert store.get_client(c.id) == c
    assert store.get_client(c.code) == c
    assert store.get_client(c.code.lower().replace("-", "")) == c
    with pytest.raises(UnknownClient) as err:
        store.get_client("ZZZ-ZZZ")
    assert err.value.exit_code == 2
    with pytest.raises(UnknownClient):
        store.get_client(9999)


def test_update_client(store):
    c = store.new_client("Ana", "Ana", "es")
    u = store.update_client(c.id, name_latin="Ana B", lang="en")
    assert (u.name, u.name_latin, u.lang) == ("Ana", "Ana B", "en")
    assert u.updated > c.updated
    assert store.get_client(c.code) == u


def test_answers_roundtrip_and_resume(data_dir):
    s = Store.create(data_dir, PASSPHRASE)
    c = s.new_client("Ana")
    s.set_answer(c.id, "decision_stage", "immigration_judge")
    s.set_answer(c.id, "decision_date", "2026-01-05")
    s.set_answer(c.id, "harm_reasons", ["race", "religion"])
    s.set_answer(c.id, "children_status", [])
    s.set_answer(c.id, "decision_stage", "bia")  # changed answer: last value wins
    s.close()
    with Store.open(data_dir, PASSPHRASE) as s:
        got = s.get_client(c.code)
        assert got.last_question == "decision_stage"
        assert s.answers(c.id) == {"decision_stage": "bia", "decision_date": "2026-01-05",
                                   "harm_reasons": ["race", "religion"], "children_status": []}
        times = s.answer_times(c.id)
        assert times["decision_stage"] > times["decision_date"]


def test_not_sure_accepted_where_the_wizard_offers_it(store):
    c = store.new_client("Ana")
    for qid in ("decision_date", "country_of_nationality", "harm_reasons", "detained", "decision_stage"):
        store.set_answer(c.id, qid, "not_sure")
    assert set(store.answers(c.id).values()) == {"not_sure"}


@pytest.mark.parametrize("qid, value, field", [
    ("no_such_question", "yes", "no_such_question"),
    ("detained", "maybe", "detained"),
    ("decision_date", "2025-02-30", "decision_date"),
    ("decision_date", "2999-01-01", "decision_date"),
    ("harm_reasons", ["race", "race"], "harm_reasons"),
    ("country_of_nationality", "XX", "country_of_nationality"),
])
def test_bad_answers_refused_and_not_saved(store, qid, value, field):
    c = store.new_client("Ana")
    with pytest.raises(AnswerError) as err:
        store.set_answer(c.id, qid, value)
    assert err.value.field == field
    assert store.answers(c.id) == {}
    assert store.get_client(c.id).last_question is None


def test_answer_for_unknown_client(store):
    with pytest.raises(UnknownClient):
        store.set_answer(42, "detained", "yes")
    with pytest.raises(UnknownClient):
        store.answers(42)


def test_clear_answer_moves_last_question_back(store):
    c = store.new_client("Ana")
    store.set_answer(c.id, "detained", "yes")
    store.set_answer(c.id, "decision_stage", "bia")
    store.clear_answer(c.id, "decision_stage")
    assert store.answers(c.id) == {"detained": "yes"}
    assert store.get_client(c.id).last_question == "detained"
    store.clear_answer(c.id, "detained")
    store.clear_answer(c.id, "detained")  # already gone: no error
    assert store.get_client(c.id).last_question is None


def test_delete_client(store):
    a, b = store.new_client("A"), store.new_client("B")
    store.set_answer(a.id, "detained", "yes")
    store.delete_client(a.id)
    assert [c.id for c in store.list_clients()] == [b.id]
    with pytest.raises(UnknownClient):
        store.answers(a.id)
    with pytest.raises(UnknownClient):
        store.delete_client(a.id)
    rows = store._conn.execute("SELECT count(*) FROM answers WHERE client_id=?", (a.id,)).fetchone()[0]
    assert rows == 0


def test_purge_untouched_clients(store, monkeypatch):
    real_now = clients_mod._now
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=40)).isoformat(timespec="microseconds")
    monkeypatch.setattr(clients_mod, "_now", lambda: old)
    stale = store.new_client("Stale")
    touched = store.new_client("Touched later")
    monkeypatch.setattr(clients_mod, "_now", real_now)
    store.set_answer(touched.id, "detained", "no")
    fresh = store.new_client("Fresh")
    assert (store.count_stale(60), store.count_stale(30)) == (0, 1)  # what the screen asks about
    assert store.purge(60) == 0
    assert store.purge(30) == 1
    assert store.count_stale(30) == 0
    assert {c.id for c in store.list_clients()} == {touched.id, fresh.id}
    with pytest.raises(UnknownClient):
        store.get_client(stale.id)
    with pytest.raises(BadClientField):
        store.purge(0)
    with pytest.raises(BadClientField):
        store.count_stale(True)


def test_settings_defaults_and_persist(data_dir):
    s = Store.create(data_dir, PASSPHRASE)
    assert s.settings.get("idle_lock_minutes") == 10
    assert s.settings["purge_days"] is None
    s.settings["purge_days"] = 90
    s.settings.set("paper_size", "a4")
    s.close()
    with Store.open(data_dir, PASSPHRASE) as s:
        assert s.settings.all()["purge_days"] == 90
        assert s.settings["paper_size"] == "a4"
    raw = sqlite3.connect(data_dir / "clients.db").execute("SELECT value FROM settings").fetchall()
    assert all(b"a4" not in bytes(v) for (v,) in raw)


def test_change_passphrase_seals_everything_under_a_new_key(data_dir, tmp_path):
    """Issue 13, finding 5: a copy of the file taken before the change, with
    the old passphrase, must not open what is added after it."""
    import shutil

    s = Store.create(data_dir, PASSPHRASE)
    c = s.new_client("Ana")
    s.set_answer(c.id, "detained", "yes")
    s._checkpoint()
    old_copy = tmp_path / "old-copy"
    shutil.copytree(data_dir, old_copy)
    old_key = s._key
    profile_before = s._conn.execute("SELECT profile FROM clients").fetchone()[0]
    with pytest.raises(WrongPassphrase):
        s.change_passphrase("wrong passphrase", "new passphrase 2")
    with pytest.raises(WeakPassphrase):
        s.change_passphrase(PASSPHRASE, "short")
    with pytest.raises(WeakPassphrase):
        s.change_passphrase(PASSPHRASE, "password")
    s.change_passphrase(PASSPHRASE, "new passphrase 2")
    assert s._key != old_key
    assert s._conn.execute("SELECT profile FROM clients").fetchone()[0] != profile_before
    later = s.new_client("Added after the change")
    s.set_answer(later.id, "detained", "no")
    s.close()
    # The old key, which the old passphrase unwraps from the old copy, opens
    # nothing that is in the file now.
    from desktop.store import crypto, records

    old_aead = crypto.aead_for(old_key)
    conn = sqlite3.connect(data_dir / "clients.db")
    for cid, code, created, updated, version, profile, doc in conn.execute(
            "SELECT id, code, created, updated, version, profile, doc FROM clients"):
        keys = records.RowKeys(cid, code, created, updated, version)
        with pytest.raises(records.Unreadable):
            records.open_profile(old_aead, keys, profile)
        with pytest.raises(records.Unreadable):
            records.open_doc(old_aead, keys, doc)
    conn.close()
    with pytest.raises(WrongPassphrase):
        Store.open(data_dir, PASSPHRASE)
    with Store.open(data_dir, "new passphrase 2") as s:
        assert s.answers(c.id) == {"detained": "yes"}
        assert s.answers(later.id) == {"detained": "no"}
    with Store.open(old_copy, PASSPHRASE) as s:  # the old copy opens as it was
        assert [x.name for x in s.list_clients()] == ["Ana"]


def test_a_window_with_the_old_key_stops_writing(data_dir):
    from desktop.store.errors import KeyChanged

    one = Store.create(data_dir, PASSPHRASE)
    c = one.new_client("Ana")
    two = Store.open(data_dir, PASSPHRASE)
    one.change_passphrase(PASSPHRASE, "new passphrase 2")
    with pytest.raises(KeyChanged):
        two.new_client("Sealed with the old key")
    with pytest.raises((KeyChanged, DamagedRecord)):
        two.set_answer(c.id, "detained", "yes")
    two.close()
    one.close()
    with Store.open(data_dir, "new passphrase 2") as s:
        assert [x.name for x in s.list_clients()] == ["Ana"]
        assert s.answers(c.id) == {}


def test_second_window_sees_changes(data_dir):
    one = Store.create(data_dir, PASSPHRASE)
    a = one.new_client("A")
    two = Store.open(data_dir, PASSPHRASE)
    assert [c.id for c in two.list_clients()] == [a.id]
    b = one.new_client("B")
    one.update_client(a.id, name="A2")
    assert [c.name for c in two.list_clients()] == ["A2", "B"]
    two.delete_client(b.id)
    assert [c.name for c in one.list_clients()] == ["A2"]
    one.close()
    two.close()


def test_sealed_value_is_bound_to_its_place(store):
    a, b = store.new_client("A"), store.new_client("B")
    store.set_answer(a.id, "detained", "yes")
    store.set_answer(b.id, "detained", "no")
    blob = store._conn.execute("SELECT doc FROM clients WHERE id=?", (a.id,)).fetchone()[0]
    # Someone with the file moves A's sealed answers onto B: refused, not read as B's.
    store._conn.execute("UPDATE clients SET doc=? WHERE id=?", (blob, b.id))
    with pytest.raises(DamagedRecord):
        store.answers(b.id)


def test_tampered_profile_is_refused(store):
    c = store.new_client("A")
    blob = bytearray(store._conn.execute("SELECT profile FROM clients WHERE id=?", (c.id,)).fetchone()[0])
    blob[20] ^= 1
    store._conn.execute("UPDATE clients SET profile=? WHERE id=?", (bytes(blob), c.id))
    store._entries.clear()
    got = store.get_client(c.id)
    assert got.damaged and got.name == "" and got.code == c.code
    other = store.new_client("B")
    # One bad record does not take the list down with it.
    assert [(x.id, x.damaged) for x in store.list_clients()] == [(other.id, False), (c.id, True)]
    with pytest.raises(DamagedRecord):
        store.export_client(c.id, store.data_dir.parent / "x.rwclient", "12345678")  # would carry an empty name
    assert store.update_client(c.id, name="Retyped").damaged is False  # typing the name again repairs it


def test_no_clear_text_in_rows(store):
    c = store.new_client("Zebulon Quartz", "Zebulon Quartz", "es")
    store.set_answer(c.id, "criminal_history", "aggravated_felony")
    dump = "\n".join(store._conn.iterdump())
    assert "Zebulon" not in dump and "aggravated_felony" not in dump and "'es'" not in dump


def test_batch_commits_once(store):
    with store.batch():
        ids = [store.new_client(f"c{i}").id for i in range(20)]
        for i in ids:
            store.set_answer(i, "detained", "no")
    assert len(store.list_clients()) == 20


def test_batch_rolls_back_on_error(store):
    with pytest.raises(RuntimeError), store.batch():
        store.new_client("never saved")
        raise RuntimeError("stop")
    assert store.list_clients() == []


def test_closed_store_refuses_use(store):
    store.close()
    with pytest.raises(RuntimeError):
        store.list_clients()
    store.close()  # twice is fine


def test_name_index_serves_the_first_listing(data_dir, monkeypatch):
    s = Store.create(data_dir, PASSPHRASE)
    ids = [s.new_client(f"Client {i}", f"Latin {i}").id for i in range(30)]
    assert len(s.list_clients()) == 30
    s.close()  # writes the index

    def no_decrypt(*a):
        raise AssertionError("profile decrypted one by one although the index is current")

    monkeypatch.setattr(Store, "_open_profile", no_decrypt)
    s = Store.open(data_dir, PASSPHRASE)
    # Unlocking reads no names; the first page decrypts only its own profiles.
    monkeypatch.setattr(Store, "_open_profile", lambda self, keys, blob: (f"Client {keys.id - 1}", f"Latin {keys.id - 1}", "en", None))
    count, page = s.recent_clients(5)
    assert count == 30 and [c.name for c in page] == [f"Client {i}" for i in range(29, 24, -1)]
    assert s._listing is None
    monkeypatch.setattr(Store, "_open_profile", no_decrypt)
    assert sorted(c.name for c in s.list_clients("client 7")) == ["Client 17", "Client 27", "Client 7"]
    assert len(s.list_clients()) == 30
    monkeypatch.undo()
    monkeypatch.setenv("RELIEF_WIZARD_KDF_TEST", "1")
    # Another window renames one client and deletes another: the index is stale
    # for both, and must not be believed.
    other = Store.open(data_dir, PASSPHRASE)
    other.update_client(ids[3], name="Renamed")
    other.delete_client(ids[4])
    other.close()
    names = {c.id: c.name for c in s.list_clients()}
    assert names[ids[3]] == "Renamed" and ids[4] not in names and len(names) == 29
    s.close()
    with Store.open(data_dir, PASSPHRASE) as s:
        assert {c.id: c.name for c in s.list_clients()} == names


def test_stale_or_broken_name_index_is_only_a_cache(data_dir):
    s = Store.create(data_dir, PASSPHRASE)
    c = s.new_client("Ana")
    s.list_clients()
    s.close()
    conn = sqlite3.connect(data_dir / "clients.db")
    conn.execute("UPDATE name_index SET blob = x'0102030405'")
    conn.commit()
    conn.close()
    with Store.open(data_dir, PASSPHRASE) as s:
        assert [x.name for x in s.list_clients()] == ["Ana"]
        assert s.get_client(c.code).name == "Ana"


def test_deleted_client_leaves_the_name_index(data_dir):
    s = Store.create(data_dir, PASSPHRASE)
    a, b = s.new_client("Keep"), s.new_client("Remove")
    s.list_clients()
    s.close()
    with Store.open(data_dir, PASSPHRASE) as s:
        assert set(s._read_name_index()) == {a.id, b.id}
        s.delete_client(b.id)
        assert set(s._read_name_index()) == {a.id}


def test_damaged_profile_at_unlock_does_not_block_the_list(data_dir):
    s = Store.create(data_dir, PASSPHRASE)
    good, bad = s.new_client("Good"), s.new_client("Bad")
    s.close()
    conn = sqlite3.connect(data_dir / "clients.db")
    blob = bytearray(conn.execute("SELECT profile FROM clients WHERE id=?", (bad.id,)).fetchone()[0])
    blob[-1] ^= 0x40  # the GCM tag: a flipped bit on disk
    conn.execute("UPDATE clients SET profile=? WHERE id=?", (bytes(blob), bad.id))
    conn.commit()
    conn.close()
    with Store.open(data_dir, PASSPHRASE) as s:
        assert [(c.name, c.damaged) for c in s.list_clients()] == [("", True), ("Good", False)]
        assert s.list_clients("good")[0].id == good.id
