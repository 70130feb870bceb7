"""Encrypted client records on a shared center PC.

Kept import-light: `relief-wizard evaluate` imports this package to build its
parser, so sqlite and cryptography load only when a store is used.
"""
from __future__ import annotations

_EXPORTS = {
    "Store": "clients", "Client": "clients", "Settings": "clients", "DamagedRecord": "clients",
    "normalize_code": "clients",
    "StoreError": "errors", "WrongPassphrase": "errors", "WeakPassphrase": "errors",
    "WrongPin": "errors", "BadPin": "errors", "DamagedClientFile": "errors",
    "NotAClientFile": "errors", "UnknownClient": "errors", "BadClientField": "errors",
    "NoStore": "errors", "StoreExists": "errors", "TooNew": "errors", "StoreBusy": "errors",
    "DamagedDatabase": "errors",
    "data_dir": "paths",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(name)
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{module}"), name)
