"""Status for people in special situations: TPS, crime and trafficking
victims, abused or abandoned young people, abused spouses and children."""
from __future__ import annotations

import datetime as dt

from ..dates import add_years
from ..deadlines import days_after
from ..facts import Facts
from ..text import N_, Country
from ..tps import tps_list
from . import LIKELY, NOT_AVAILABLE, POSSIBLE, UNLIKELY, Outcome, at_most, because, rule
from .unknowns import unsettled


@rule("tps", "INA 244", "8 CFR 244.2", "8 CFR 244.4")
def tps(f: Facts) -> Outcome:
    data = tps_list()
    check = because(N_("TPS list as of {date}. Designations change often: ask a lawyer to check the current one."),
                    date=data.data_as_of)
    code = f.value("country_of_nationality", None)
    if not isinstance(code, str):
        return Outcome(POSSIBLE, [because(N_("Your country is not known, so TPS could not be checked. Ask a lawyer whether your country is designated.")), check])
    entry = data.countries.get(code)
    if entry is None:
        return Outcome(NOT_AVAILABLE, [
            because(N_("{country} is not on the list of TPS countries."), country=Country(code)), check])
    cites = entry.federal_register[:2]
    if entry.status == "terminated":
        return Outcome(NOT_AVAILABLE, [
            because(N_("TPS for {country} has ended (the designation ran until {date})."), country=Country(code),
                    date=entry.status_until) if entry.status_until
            else because(N_("TPS for {country} has ended."), country=Country(code)),
            because(N_("Courts sometimes delay an ending. Ask a lawyer.")), check], citations=cites)
    if f.felony_or_worse or f.yes("harmed_others"):
        return Outcome(NOT_AVAILABLE, [
            because(N_("A felony, or taking part in harming others, blocks TPS.")), check],
            citations=cites + ("INA 244(c)(2)(B)",))

    reasons = [because(N_("{country} is designated for TPS."), country=Country(code))]
    status = LIKELY
    if f.is_("criminal_history", "misdemeanor"):
        status = at_most(status, POSSIBLE)
        reasons.append(because(N_("Two or more misdemeanors block TPS; a lawyer must check your record.")))
    arrival = f.date("last_arrival_date")
    since = entry.continuous_residence_since
    if since and arrival and arrival > since:
        status = at_most(status, UNLIKELY)
        reasons.append(because(N_("You must have lived in the US since {date}, but you last arrived on {arrival}."),
                               date=since, arrival=arrival))
        cites += ("INA 244(c)(1)(A)",)
    elif since and not arrival:
        status = at_most(status, POSSIBLE)
        reasons.append(because(N_("You must have lived in the US since {date}."), date=since))

    status, deadline, how, how_cites = _registration(f, entry, status)
    reasons += how
    cites += how_cites
    end = entry.status_until
    if end and (end < f.today or (deadline and end < deadline)):
        status = at_most(status, POSSIBLE)
        reasons.append(because(N_("The designation is known only until {date} (data as of {as_of})."),
                               date=end, as_of=data.data_as_of))
    reasons += unsettled(f, "criminal_history", "harmed_others")
    reasons.append(check)
    return Outcome(status, reasons, deadline, cites)


def _registration(f: Facts, entry, status: str):
    """How the person could sign up: an open initial registration period, late
    initial registration (8 CFR 244.2(f)(2), (g)), or only as someone who
    registered before. Returns (status, deadline, reasons, citations)."""
    today = f.today
    open_now = [p for p in entry.initial_registration_periods if p.start <= today <= p.end]
    if open_now:
        period = min(open_now, key=lambda p: p.end)
        return status, period.end, [because(N_("The sign-up period for first-time applicants is open until {date}."), date=period.end)], (period.federal_register,)
    late = ("8 CFR 244.2(f)(2)", "8 CFR 244.2(g)")
    filed, decided = f.date("asylum_filed_date"), f.decision_date
    periods = entry.initial_registration_periods
    if periods and filed is None:
        return at_most(status, POSSIBLE), None, [because(N_("If your asylum case was pending during a TPS sign-up period, you may be able to sign up late. Find the date you filed for asylum."))], late
    during = [p for p in periods if filed <= p.end and (decided is None or decided >= p.start)] if filed else []
    if during and decided is None:
        return at_most(status, POSSIBLE), None, [because(N_("Your asylum case may have been pending during a TPS sign-up period, so you may be able to sign up late, within 60 days of the denial. Find the date of the decision."))], late
    if during:
        deadline = days_after(decided, 60)
        return status, deadline, [because(N_("Your asylum case was pending during a TPS sign-up period, so you may be able to sign up late, within 60 days of the denial."))], late
    return at_most(status, POSSIBLE), None, [because(N_("The sign-up periods for first-time applicants have closed. Did you ever register for TPS? If you did, a lawyer can check how to keep it."))], ()


@rule("u_visa", "INA 101(a)(15)(U)", "INA 214(p)", "8 CFR 214.14")
def u_visa(f: Facts) -> Outcome:
    if f.no("crime_victim_in_us"):
        return Outcome(NOT_AVAILABLE, [because(N_("You said you were not the victim of a serious crime in the US."))])
    need_help = because(N_("Police or a prosecutor must sign a certification (Form I-918 Supplement B) saying you helped."))
    helped = f.value("helped_police")
    if helped == "no":
        return Outcome(UNLIKELY, [because(N_("You said you did not help the police.")), need_help])
    if f.unknown("crime_victim_in_us"):
        return Outcome(POSSIBLE, [because(N_("You were not sure whether what happened to you was a serious crime.")), need_help])
    if helped in ("yes", "willing"):
        return Outcome(LIKELY, [
            because(N_("You were the victim of a serious crime in the US and helped, or will help, the police.")),
            need_help,
            because(N_("Many past problems can be forgiven, but the wait is long.")),
        ])
    return Outcome(POSSIBLE, [because(N_("You were the victim of a serious crime in the US.")), need_help])


@rule("t_visa", "INA 101(a)(15)(T)", "8 CFR 214.200-214.216")
def t_visa(f: Facts) -> Outcome:
    if f.yes("trafficking_victim"):
        return Outcome(LIKELY, [
            because(N_("You were forced or tricked into work or sex.")),
            because(N_("The trafficking must be the reason you are in the US. You must also help the police if they ask, unless you are under 18 or what happened to you makes it too hard (trauma).")),
        ])
    if f.unknown("trafficking_victim"):
        return Outcome(POSSIBLE, [because(N_("You were not sure whether you were forced or tricked into work or sex. A lawyer can check."))])
    return Outcome(NOT_AVAILABLE, [because(N_("You said you were not forced or tricked into work or sex."))])


def sijs_deadline(birth: dt.date) -> dt.date:
    """The day before the 21st birthday: the petition must be filed while under 21.
    No weekend roll: on the birthday the person is no longer eligible."""
    return add_years(birth, 21) - dt.timedelta(days=1)


@rule("sijs", "INA 101(a)(27)(J)", "8 CFR 204.11")
def sijs(f: Facts) -> Outcome:
    birth = f.date("date_of_birth")
    if birth and f.under_21 is False:
        return Outcome(NOT_AVAILABLE, [because(N_("This is only for people under 21."))])
    if f.married:
        return Outcome(NOT_AVAILABLE, [because(N_("You must not be married to get this status."))])
    if f.no("abused_neglected_abandoned_by_parent"):
        return Outcome(NOT_AVAILABLE, [because(N_("You said a parent did not abuse, neglect, or leave you."))])
    deadline = sijs_deadline(birth) if birth else None
    reasons = [because(N_("A state court must first decide that you cannot live with a parent because of abuse, neglect, or abandonment. Many state courts can do this only before 18, so act fast."))]
    status = LIKELY
    if f.yes("abused_neglected_abandoned_by_parent"):
        reasons.insert(0, because(N_("You are under 21 and a parent abused, neglected, or left you.")))
    else:
        status = POSSIBLE
        reasons.insert(0, because(N_("You were not sure whether a parent abused, neglected, or left you.")))
    if birth is None:
        status = POSSIBLE
        reasons.append(because(N_("Your date of birth is not known; you must file before you turn 21.")))
    if f.married is None:
        status = POSSIBLE
        reasons.append(because(N_("It is not known whether you are married; you must not be married to get this status.")))
    return Outcome(status, reasons, deadline)


@rule("vawa", "INA 204(a)(1)(A)(iii)-(iv)", "INA 204(a)(1)(B)(ii)-(iii)", "8 CFR 204.2(c)", "8 CFR 204.2(e)")
def vawa(f: Facts) -> Outcome:
    if f.yes("abused_by_citizen_relative"):
        return Outcome(LIKELY, [
            because(N_("You were abused by a citizen or permanent resident spouse or parent.")),
            because(N_("You can ask on your own; the abuser is not told and does not have to help.")),
            because(N_("If you are divorced, you must usually file within 2 years of the divorce.")),
        ])
    if f.unknown("abused_by_citizen_relative"):
        return Outcome(POSSIBLE, [because(N_("You were not sure about abuse by a citizen or permanent resident relative. A lawyer can check."))])
    return Outcome(NOT_AVAILABLE, [because(N_("You said you were not abused by a citizen or permanent resident spouse or parent."))])
