"""Helpers for the store tests (a unique module name: tests/ has no packages)."""
import hashlib
from pathlib import Path

PASSPHRASE = "center passphrase one"


def needles(text: str) -> list[bytes]:
    """The ways a string could sit in a file: UTF-8, and UTF-16 as Windows writes it."""
    return [text.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def scan(root: Path, patterns: list[bytes]) -> list[tuple[str, bytes]]:
    hits = []
    files = [p for p in Path(root).rglob("*") if p.is_file()]
    assert files, f"nothing to scan under {root}"
    for path in files:
        data = path.read_bytes()
        hits += [(str(path), pat) for pat in patterns if pat in data]
    return hits


def snapshot(root: Path) -> dict[str, str]:
    """Every file under root with a hash of its bytes."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(root).rglob("*")) if p.is_file()}


def child_reports(lines: list[str]) -> tuple[dict[tuple[int, str], str], dict[int, str]]:
    """What kill_child.py reported as saved: ((client, question) -> last value,
    client id -> name)."""
    answers: dict[tuple[int, str], str] = {}
    clients: dict[int, str] = {}
    for line in lines:
        if line.startswith("A "):
            _, cid, qid, value = line.split(" ", 3)
            answers[(int(cid), qid)] = value
        elif line.startswith("C "):
            _, cid, name = line.split(" ", 2)
            clients[int(cid)] = name
    return answers, clients
