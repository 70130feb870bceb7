"""The bundle carries the legal data and the public keys that updates are
checked against: the spec's data list, read with PyInstaller's build steps
stubbed out (PyInstaller itself is not in the test environment)."""
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]


def test_spec_bundles_the_legal_data_and_the_update_keys(tmp_path):
    seen = {}

    def analysis(scripts, datas, **kw):
        seen["datas"] = datas
        toc = [(str(Path(dest) / Path(src).name), src, "DATA") for src, dest in datas]
        return SimpleNamespace(datas=toc, binaries=[], pure=[], scripts=[])

    spec = ROOT / "packaging" / "relief-wizard.spec"
    namespace = {"SPECPATH": str(spec.parent), "DISTPATH": str(tmp_path), "Analysis": analysis,
                 "PYZ": lambda *a, **k: None, "EXE": lambda *a, **k: None, "COLLECT": lambda *a, **k: None,
                 "__file__": str(spec)}
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)
    bundled = {str(Path(dest) / Path(src).name).replace("\\", "/") for src, dest in seen["datas"]}
    data = ROOT / "desktop" / "logic" / "data"
    keys = sorted(p.name for p in (data / "keys").glob("*.pub"))
    assert keys, "no public key to check updates against"
    for name in keys:
        assert f"desktop/logic/data/keys/{name}" in bundled
    for name in ("legal_data.json", "tps.json", "fees.toml", "us_federal_holidays.json"):
        assert f"desktop/logic/data/{name}" in bundled
