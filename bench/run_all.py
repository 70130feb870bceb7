"""Every benchmark of the project, one after the other (run on demand, not in CI)."""
import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

for name in ("bench_engine", "bench_store", "bench_pdf", "bench_ui", "bench_speech", "bench_bundle"):
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        print(f"== {name}: not available ({exc.name})")
        continue
    module.main()
