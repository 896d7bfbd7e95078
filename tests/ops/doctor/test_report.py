"""The doctor's report: every check, as data."""

from __future__ import annotations

from kiosk.ops.doctor import Check, DoctorReport, Verdict, run_checks


async def test_json_has_every_check(make_settings) -> None:
    report = await run_checks(make_settings())
    data = report.as_dict()
    assert data["ok"] is True
    assert [check["key"] for check in data["checks"]][:5] == [
        "config", "staff_pin", "database", "data_dir", "disk",
    ]  # fmt: skip
    assert {check["status"] for check in data["checks"]} <= {"ok", "warn", "fail", "skipped"}


def test_the_checklist_says_what_to_do_only_where_needed() -> None:
    report = DoctorReport(
        [
            Check("a", "Alpha", Verdict.OK, "Fine.", "never shown"),
            Check("b", "Beta", Verdict.WARN, "Hm.", "Look at beta."),
            Check("c", "Gamma", Verdict.FAIL, "Broken.", "Fix gamma."),
            Check("d", "Delta", Verdict.FAIL, "Broken too.", "Fix delta."),
            Check("e", "Epsilon", Verdict.SKIPPED, "Not needed."),
        ]
    )
    assert report.lines() == [
        "[ OK ] Alpha: Fine.",
        "[WARN] Beta: Hm.",
        "       What to do: Look at beta.",
        "[FAIL] Gamma: Broken.",
        "       What to do: Fix gamma.",
        "[FAIL] Delta: Broken too.",
        "       What to do: Fix delta.",
        "[SKIP] Epsilon: Not needed.",
        "",
        "2 problems to fix and 1 warning.",
    ]
    assert not report.ok
