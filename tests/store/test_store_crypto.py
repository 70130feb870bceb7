import pytest

from desktop.store import crypto


def test_wrap_unwrap_and_wrong_passphrase():
    key = crypto.new_data_key()
    wk = crypto.wrap(key, "a passphrase", crypto.TEST_KDF)
    assert crypto.unwrap(wk, "a passphrase") == key
    with pytest.raises(crypto.InvalidSeal):
        crypto.unwrap(wk, "a passphrasE")
    assert key not in wk.wrapped


def test_seal_is_randomized_and_bound_to_context():
    aead = crypto.aead_for(crypto.new_data_key())
    a, b = crypto.seal(aead, b"same", "answer/1/q"), crypto.seal(aead, b"same", "answer/1/q")
    assert a != b
    assert crypto.unseal(aead, a, "answer/1/q") == b"same"
    with pytest.raises(crypto.InvalidSeal):
        crypto.unseal(aead, a, "answer/2/q")
    with pytest.raises(crypto.InvalidSeal):
        crypto.unseal(aead, a[:-1] + bytes([a[-1] ^ 1]), "answer/1/q")
    with pytest.raises(crypto.InvalidSeal):
        crypto.unseal(aead, b"\x01short", "answer/1/q")


def test_production_cost_is_memory_hard(monkeypatch):
    monkeypatch.delenv(crypto.ENV_KDF_TEST)
    params = crypto.store_kdf()
    assert params == crypto.STORE_KDF
    assert params.memory_mib >= 64
    assert crypto.KdfParams.from_json(params.to_json()) == params


@pytest.mark.parametrize("n, r, p", [(1000, 8, 1), (2**31, 8, 1), (2**20, 32, 4), (2**10, 0, 1), ("8", 8, 1)])
def test_kdf_parameters_from_files_are_bounded(n, r, p):
    with pytest.raises(ValueError):
        crypto.KdfParams.checked(n, r, p)


def test_weak_store_kdf_is_strengthened_on_unlock(tmp_path, monkeypatch):
    from desktop.store import Store
    from desktop.store.clients import _read_key

    Store.create(tmp_path, "test-made passphrase").close()
    monkeypatch.delenv(crypto.ENV_KDF_TEST)
    monkeypatch.setattr(crypto, "STORE_KDF", crypto.KdfParams(2**12, 8, 1))  # stands in for production
    with Store.open(tmp_path, "test-made passphrase") as s:
        assert _read_key(s._conn).params == crypto.KdfParams(2**12, 8, 1)
    Store.open(tmp_path, "test-made passphrase").close()
