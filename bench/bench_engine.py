"""Engine figures: in-process evaluation, and `relief-wizard evaluate` wall time
against a bare `python -c pass` measured in the same run."""
from __future__ import annotations

import datetime as dt
import json
import os
import tempfile

from common import PY, ROOT, app_exe, line, median_ms, paired_wall_ms

CASE = {
    "decision_stage": "immigration_judge", "decision_date": "2026-11-02", "bia_appeal_filed": "no",
    "detained": "no", "date_of_birth": "1990-05-01", "country_of_nationality": "LB",
    "last_arrival_date": "2019-03-10", "entry_type": "without_inspection", "asylum_filed_date": "2019-12-01",
    "fears_harm_on_return": "yes", "harm_reasons": ["political_opinion"], "fears_torture_by_official": "yes",
    "criminal_history": "none", "harmed_others": "no", "spouse_status": "us_citizen", "parent_status": "none",
    "children_status": ["us_citizen_under_21"], "family_hardship": "yes", "nta_date": "2020-01-15",
    "missed_hearing": "no",
}


def main() -> None:
    from desktop.logic.evaluate import evaluate
    from desktop.logic.validation import validate_answers

    today = dt.date(2026, 11, 23)
    print("== engine")
    evaluate(CASE, today)  # warm caches, as a running app would have them
    line("evaluate() in process, median", median_ms(lambda: evaluate(validate_answers(CASE, today), today), 201))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "a.json")
        with open(path, "w") as fh:
            json.dump(CASE, fh)
        bare, cli, ratio = paired_wall_ms(
            [PY, "-c", "pass"],
            [app_exe(), "evaluate", path, "--today", "2026-11-23"])
        line("bare `python -c pass` wall, median (baseline)", bare)
        line("`relief-wizard evaluate` wall, median", cli)
        print(f"{'evaluate / bare python, median of paired ratios':<58} {ratio:9.2f}x")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
