"""The shipped data files beside this package (questions, options, legal data).

Plain os.path on purpose: pathlib and importlib.resources each add
milliseconds to a cold `evaluate`, which must start about as fast as Python.
"""
from __future__ import annotations

import os

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


# What a signed legal-data update may replace (desktop/logic/data_schema.py
# says why these and no others); the rest always comes from the release.
UPDATABLE = ("tps.json", "fees.toml", "fees.compiled.json", "us_federal_holidays.json")


def shipped_path(name: str) -> str:
    return os.path.join(DATA_DIR, name)


def data_path(name: str) -> str:
    """The file in use: from the installed legal-data update when one is
    active (desktop/logic/legal_data.py), otherwise the shipped one."""
    if name in UPDATABLE:
        from .legal_data import active

        folder = active().folder
        if folder is not None:
            return os.path.join(folder, name)
    return os.path.join(DATA_DIR, name)


def read_bytes(name: str) -> bytes:
    with open(data_path(name), "rb") as fh:
        return fh.read()


def read_text(name: str) -> str:
    return read_bytes(name).decode("utf-8")


# The TOML files are the sources people edit; the build compiles each to JSON
# beside it (as .po to .mo), because tomllib costs a cold `evaluate` about
# 30 ms and json a tenth of that. A missing or older JSON falls back to TOML.
TOML_SOURCES = ("questions.toml", "options.toml", "fees.toml")


def compiled_path(name: str) -> str:
    return data_path(name[: -len(".toml")] + ".compiled.json")


def load_toml(name: str) -> dict:
    import json

    src, compiled = data_path(name), compiled_path(name)
    try:
        if os.stat(compiled).st_mtime >= os.stat(src).st_mtime:
            with open(compiled, "rb") as fh:
                return json.loads(fh.read())
    except OSError:
        pass
    import tomllib

    return tomllib.loads(read_text(name))


def compile_data(quiet: bool = True) -> int:
    """Write the JSON form of every TOML source that changed; returns the count."""
    import json
    import tomllib

    made = 0
    for name in TOML_SOURCES:
        src, compiled = shipped_path(name), shipped_path(name[: -len(".toml")] + ".compiled.json")
        if os.path.exists(compiled) and os.stat(compiled).st_mtime >= os.stat(src).st_mtime:
            continue
        data = tomllib.loads(read_text(name))
        tmp = compiled + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False)
        os.replace(tmp, compiled)
        made += 1
        if not quiet:
            print(f"compiled {compiled}")
    return made
