"""`evaluate` must start fast: it may load neither Qt nor reportlab."""
import subprocess
import sys


def test_evaluate_imports_neither_qt_nor_reportlab(tmp_path):
    answers = tmp_path / "a.json"
    answers.write_text('{"decision_stage": "bia", "decision_date": "2026-11-20"}')
    code = (
        "import sys, io, contextlib\n"
        "from desktop.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    rc = main(['evaluate', {str(answers)!r}, '--today', '2026-11-23'])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'reportlab', 'uharfbuzz'))\n"
        "print(rc, bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0 []"


def test_logic_package_never_imports_qt_or_reportlab():
    import ast
    from pathlib import Path

    import desktop.logic as logic

    banned = {"PySide6", "reportlab", "shiboken6", "uharfbuzz"}
    for path in Path(logic.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not {n.split(".")[0] for n in names} & banned, f"{path} imports {names}"
