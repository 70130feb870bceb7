import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from desktop.logic.evaluate import evaluate
from desktop.logic.validation import validate_answers

TODAY = dt.date(2026, 11, 23)
CONTRACT = Path(__file__).resolve().parent.parent / "contract"


def run(answers: dict, today: dt.date = TODAY) -> dict:
    """Evaluate in-process, through the same validation as the CLI."""
    return evaluate(validate_answers(answers, today), today).to_json()


def option(result: dict, oid: str) -> dict:
    return next(o for o in result["options"] if o["id"] == oid)


def warning_ids(result: dict) -> set:
    return {w["id"] for w in result["warnings"]}


def cli(*args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          input=stdin, env=full_env, timeout=120)


def write_json(tmp_path: Path, data, name="answers.json") -> Path:
    p = tmp_path / name
    p.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return p
