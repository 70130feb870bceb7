"""Encrypted client records on a shared center PC.

    store = Store.open(data_dir, passphrase)     # or Store.create(...) when not Store.exists(...)
    c = store.new_client("রহিম উদ্দিন", "Rahim Uddin", "bn")      # c.code like "K7M-3QP"
    store.set_answer(c.id, "decision_date", "2026-01-05")     # saved durably before it returns
    store.list_clients("rahim")                               # most recent first
    store.get_client("K7M-3QP").last_question                 # where to resume
    store.answers(c.id); store.clear_answer(c.id, qid)
    store.export_client(c.id, path, pin); store.import_client_file(path, pin)
    store.import_answers_json(path, name); store.delete_client(c.id); store.purge(days)
    store.settings["idle_lock_minutes"]; store.change_passphrase(old, new); store.close()

Errors are StoreError subclasses carrying a translatable `.message` and the
CLI `.exit_code`; a damaged file raises DamagedDatabase with `.backups`, to
pass to Store.restore_backup(data_dir, backup).

Kept import-light: `relief-wizard evaluate` imports this package to build its
parser, so sqlite and cryptography load only when a store is used.
"""
from __future__ import annotations

_EXPORTS = {
    "Store": "clients", "Client": "clients", "HealthCheck": "clients", "Settings": "clients", "normalize_code": "clients",
    "StoreError": "errors", "WrongPassphrase": "errors", "WeakPassphrase": "errors",
    "WrongPin": "errors", "BadPin": "errors", "DamagedClientFile": "errors",
    "NotAClientFile": "errors", "UnknownClient": "errors", "BadClientField": "errors",
    "NoStore": "errors", "StoreExists": "errors", "TooNew": "errors", "StoreBusy": "errors",
    "DamagedDatabase": "errors", "DamagedRecord": "errors",
    "data_dir": "paths",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(name)
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{module}"), name)
