"""The rules version must change whenever a rule changes.

The fingerprint is the syntax tree of every module that decides an outcome,
so comments and formatting do not count. When this test fails after a real
rule change, raise RULES_REVISION in desktop/logic/version.py and write the
line it prints into rules_fingerprint.txt.
"""
import ast
import hashlib
from pathlib import Path

from desktop.logic import version

LOGIC = Path(version.__file__).parent
DECIDING = sorted([*LOGIC.glob("rules/*.py"), LOGIC / "facts.py", LOGIC / "deadlines.py", LOGIC / "dates.py",
                   LOGIC / "warnings.py", LOGIC / "evaluate.py", LOGIC / "questions.py", LOGIC / "tps.py"])
RECORD = Path(__file__).with_name("rules_fingerprint.txt")


def fingerprint() -> str:
    h = hashlib.sha256()
    for path in DECIDING:
        h.update(path.relative_to(LOGIC).as_posix().encode())
        h.update(ast.dump(ast.parse(path.read_text())).encode())
    return h.hexdigest()[:16]


def test_rule_changes_come_with_a_new_rules_revision():
    line = f"{version.RULES_REVISION} {fingerprint()}"
    recorded = RECORD.read_text().strip()
    assert recorded == line, (
        f"rule sources or RULES_REVISION changed. If a rule changed, raise RULES_REVISION; "
        f"then record this line in {RECORD.name}: {line}")


def test_legal_data_is_part_of_the_version():
    assert version.rules_version().endswith("+" + version.data_digest())
