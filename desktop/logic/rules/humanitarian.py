"""Status for people in special situations: TPS, crime and trafficking
victims, abused or abandoned young people, abused spouses and children."""
from __future__ import annotations

import datetime as dt

from ..dates import add_years
from ..deadlines import days_after
from ..facts import Facts
from ..text import N_, Country
from ..tps import tps_list
from . import LIKELY, NOT_AVAILABLE, POSSIBLE, UNLIKELY, Outcome, because, rule


@rule("tps", "INA 244", "8 CFR 244.2", "8 CFR 244.4")
def tps(f: Facts) -> Outcome:
    data = tps_list()
    check = because(N_("TPS list as of {date}. Designations change often: ask a lawyer to check the current one."),
                    date=data.data_as_of)
    code = f.value("country_of_nationality", None)
    if not isinstance(code, str):
        return Outcome(NOT_AVAILABLE, [because(N_("Your country is not known, so TPS could not be checked.")), check])
    entry = data.countries.get(code)
    if entry is None:
        return Outcome(NOT_AVAILABLE, [
            because(N_("{country} is not on the list of TPS countries."), country=Country(code)), check])
    cites = entry.federal_register[:2]
    if entry.status == "terminated":
        return Outcome(NOT_AVAILABLE, [
            because(N_("TPS for {country} has ended."), country=Country(code)),
            because(N_("Courts sometimes delay an ending. Ask a lawyer.")), check], citations=cites)
    if f.felony_or_worse or f.yes("harmed_others"):
        return Outcome(NOT_AVAILABLE, [
            because(N_("A felony, or taking part in harming others, blocks TPS.")), check],
            citations=cites + ("INA 244(c)(2)(B)",))

    reasons = [because(N_("{country} is designated for TPS."), country=Country(code))]
    status = LIKELY
    if entry.status == "termination_announced" and entry.status_until:
        status = POSSIBLE
        reasons.append(because(N_("The government has announced that TPS for {country} ends on {date}."),
                               country=Country(code), date=entry.status_until))
    elif entry.status_until and entry.status_until < f.today:
        status = POSSIBLE
        reasons.append(because(N_("The designation we know of ended on {date}; it may have been extended."),
                               date=entry.status_until))
    arrival = f.date("last_arrival_date")
    since = entry.continuous_residence_since
    if since and arrival and arrival > since:
        status = UNLIKELY
        reasons.append(because(N_("You must have lived in the US since {date}, but you last arrived on {arrival}."),
                               date=since, arrival=arrival))
    elif since and not arrival:
        status = POSSIBLE if status == LIKELY else status
        reasons.append(because(N_("You must have lived in the US since {date}."), date=since))
    if f.is_("criminal_history", "misdemeanor", "not_sure"):
        status = POSSIBLE if status == LIKELY else status
        reasons.append(because(N_("Two or more misdemeanors also block TPS; a lawyer must check your record.")))

    deadline = None
    if entry.registration_ends and entry.registration_ends >= f.today:
        deadline = entry.registration_ends
        reasons.append(because(N_("The current sign-up period ends on {date}."), date=deadline))
    elif f.decision_date and f.date("asylum_filed_date"):
        # Late initial registration: an asylum case pending during the
        # sign-up period allows filing within 60 days after it ends.
        deadline = days_after(f.decision_date, 60)
        cites = cites + ("8 CFR 244.2(f)(2)", "8 CFR 244.2(g)")
        reasons.append(because(N_("Because your asylum case was pending, you may be able to sign up late, within 60 days of the denial.")))
    reasons.append(check)
    return Outcome(status, reasons, deadline, cites)


@rule("u_visa", "INA 101(a)(15)(U)", "INA 214(p)", "8 CFR 214.14")
def u_visa(f: Facts) -> Outcome:
    if f.no("crime_victim_in_us"):
        return Outcome(NOT_AVAILABLE, [because(N_("You said you were not the victim of a serious crime in the US."))])
    need_help = because(N_("Police or a prosecutor must sign a form (Supplement B) saying you helped."))
    if f.unknown("crime_victim_in_us"):
        return Outcome(POSSIBLE, [because(N_("You were not sure whether what happened to you was a serious crime.")), need_help])
    helped = f.value("helped_police")
    if helped in ("yes", "willing"):
        return Outcome(LIKELY, [
            because(N_("You were the victim of a serious crime in the US and helped, or will help, the police.")),
            need_help,
            because(N_("Many past problems can be forgiven, but the wait is long.")),
        ])
    if helped == "no":
        return Outcome(UNLIKELY, [because(N_("You said you did not help the police.")), need_help])
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
    deadline = sijs_deadline(birth) if birth else None
    if f.no("abused_neglected_abandoned_by_parent"):
        return Outcome(NOT_AVAILABLE, [because(N_("You said a parent did not abuse, neglect, or leave you."))])
    reasons = [because(N_("A state court must first decide that you cannot live with a parent because of abuse, neglect, or abandonment. Many state courts can do this only before 18, so act fast."))]
    if birth is None:
        reasons.append(because(N_("Your date of birth is not known; you must file before you turn 21.")))
    if f.is_("spouse_status", "us_citizen", "permanent_resident", "other"):
        return Outcome(NOT_AVAILABLE, [because(N_("You must not be married to get this status."))], deadline)
    if f.yes("abused_neglected_abandoned_by_parent"):
        reasons.insert(0, because(N_("You are under 21 and a parent abused, neglected, or left you.")))
        status = LIKELY if birth else POSSIBLE
        return Outcome(status, reasons, deadline)
    reasons.insert(0, because(N_("You were not sure whether a parent abused, neglected, or left you.")))
    return Outcome(POSSIBLE, reasons, deadline)


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
