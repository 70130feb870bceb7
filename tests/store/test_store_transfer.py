"""Moving one client between centers: the PIN-sealed file, and answers JSON."""
import json

import pytest
from store_helpers import snapshot

from desktop.logic.validation import AnswerError
from desktop.store import BadPin, DamagedClientFile, NotAClientFile, Store, WrongPin, crypto, transfer


@pytest.fixture
def exported(store, tmp_path):
    c = store.new_client("রহিম উদ্দিন", "Rahim Uddin", "bn")
    store.set_answer(c.id, "decision_stage", "immigration_judge")
    store.set_answer(c.id, "decision_date", "2026-01-05")
    store.set_answer(c.id, "harm_reasons", ["religion"])
    store.set_answer(c.id, "country_of_nationality", "not_sure")
    path = tmp_path / "rahim.rwclient"
    store.export_client(c.id, path, "48291500")
    return c, path


def _other_store(tmp_path):
    return Store.create(tmp_path / "other-center", "other center passphrase")


def test_export_import_roundtrip_keeps_code(exported, store, tmp_path):
    c, path = exported
    with _other_store(tmp_path) as other:
        got = other.import_client_file(path, "48291500")
        assert (got.code, got.name, got.name_latin, got.lang) == (c.code, c.name, c.name_latin, c.lang)
        assert got.created == c.created
        assert got.last_question == "country_of_nationality"
        assert other.answers(got.id) == store.answers(c.id)
        assert other.answer_times(got.id) == store.answer_times(c.id)


def test_import_into_same_center_gets_new_code(exported, store):
    c, path = exported
    again = store.import_client_file(path, "48291500", name="Second visit")
    assert again.code != c.code and again.name == "Second visit"
    assert store.answers(again.id) == store.answers(c.id)


def test_wrong_pin_refused_and_nothing_changed(exported, tmp_path):
    _, path = exported
    with _other_store(tmp_path) as other:
        before = snapshot(tmp_path / "other-center")
        with pytest.raises(WrongPin) as err:
            other.import_client_file(path, "48291600")
        assert err.value.exit_code == 3
        assert err.value.message.render() == "The PIN is not right. Nothing was imported."
        assert other.list_clients() == []
        assert snapshot(tmp_path / "other-center") == before


@pytest.mark.parametrize("where", ["body", "tag", "header"])
def test_tampered_file_refused(exported, tmp_path, where):
    _, path = exported
    data = bytearray(path.read_bytes())
    header_end = len(transfer.MAGIC) + 2 + int.from_bytes(data[len(transfer.MAGIC):len(transfer.MAGIC) + 2], "big")
    index = {"body": header_end + 20, "tag": len(data) - 3, "header": header_end - 5}[where]
    data[index] ^= 0x01
    path.write_bytes(bytes(data))
    with _other_store(tmp_path) as other:
        with pytest.raises((DamagedClientFile, WrongPin, NotAClientFile)) as err:
            other.import_client_file(path, "48291500")
        if where != "header":
            assert isinstance(err.value, DamagedClientFile)
            assert "changed" in err.value.message.render()
        assert other.list_clients() == []


@pytest.mark.parametrize("content", [b"", b"RWCLIENT", b"hello world", b"RWCLIENT\x00\x01\x00\x05{bad}xxxx"])
def test_not_a_client_file(store, tmp_path, content):
    path = tmp_path / "f"
    path.write_bytes(content)
    with pytest.raises(NotAClientFile):
        store.import_client_file(path, "12345678")
    assert store.list_clients() == []


def test_crafted_kdf_cost_refused(exported, store):
    _, path = exported
    data = path.read_bytes()
    n = len(transfer.MAGIC)
    hlen = int.from_bytes(data[n:n + 2], "big")
    header = json.loads(data[n + 2:n + 2 + hlen])
    header["kdf"]["n"] = 2**30  # would ask for 1 TiB
    raw = json.dumps(header).encode()
    path.write_bytes(data[:n] + len(raw).to_bytes(2, "big") + raw + data[n + 2 + hlen:])
    with pytest.raises(NotAClientFile):
        store.import_client_file(path, "48291500")


@pytest.mark.parametrize("pin", ["12345", "12345a", "", "1234 56x", "1" * 40])
def test_weak_pin_refused(store, tmp_path, pin):
    c = store.new_client("A")
    with pytest.raises(BadPin):
        store.export_client(c.id, tmp_path / "x", pin)
    assert not (tmp_path / "x").exists()


def test_pin_in_other_scripts_is_the_same_pin(store, tmp_path):
    c = store.new_client("A")
    store.export_client(c.id, tmp_path / "x", "৪৮২৯১৫০০")  # Bengali digits
    assert store.import_client_file(tmp_path / "x", "48291500").name == "A"


def test_pin_kdf_is_strong_outside_tests(monkeypatch):
    monkeypatch.delenv(crypto.ENV_KDF_TEST)
    params = crypto.pin_kdf()
    assert params.n * params.r >= 2**19 * 8  # >= 512 MiB of memory per guess
    assert crypto.store_kdf() == crypto.STORE_KDF


def test_file_records_its_kdf(exported):
    _, path = exported
    data = path.read_bytes()
    assert data.startswith(transfer.MAGIC)
    n = len(transfer.MAGIC)
    header = json.loads(data[n + 2:n + 2 + int.from_bytes(data[n:n + 2], "big")])
    assert header["kdf"] == {"alg": "scrypt", "n": 2**10, "r": 8, "p": 1}  # the test cost


def test_import_answers_json(store, tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"decision_stage": "bia", "decision_date": "2026-01-05",
                                "harm_reasons": ["race"]}), "utf-8")
    c = store.import_answers_json(path, "Maria")
    assert c.name == "Maria"
    assert store.answers(c.id) == {"decision_stage": "bia", "decision_date": "2026-01-05",
                                   "harm_reasons": ["race"]}


@pytest.mark.parametrize("content, field", [
    ("not json", "file"),
    ("[1, 2]", "file"),
    ('{"detained": "maybe"}', "detained"),
    ('{"decision_date": "2025-02-30"}', "decision_date"),
    ('{"decision_date": "not_sure"}', "decision_date"),  # the contract file has no not_sure for dates
    ('{"unknown_q": "yes"}', "unknown_q"),
    ('{"date_of_birth": "2000-01-01", "last_arrival_date": "1999-01-01"}', "last_arrival_date"),
])
def test_bad_answers_json_writes_nothing(store, tmp_path, content, field):
    path = tmp_path / "answers.json"
    path.write_text(content, "utf-8")
    with pytest.raises(AnswerError) as err:
        store.import_answers_json(path, "Maria")
    assert err.value.field == field
    assert store.list_clients() == []
