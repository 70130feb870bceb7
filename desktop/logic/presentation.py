"""How an evaluation is grouped and named for a person: shared by the wizard's
results screen and the printed summary, so both say the same thing."""
from __future__ import annotations

from .evaluate import Evaluation, OptionResult
from .rules import EXPIRED, LIKELY, NOT_AVAILABLE, POSSIBLE, UNLIKELY
from .text import N_, Message, N_plural, PluralMessage, Term
from .warnings import Warning

STATUS_LABELS = {
    LIKELY: N_("Likely open to you"),
    POSSIBLE: N_("Possibly open to you"),
    UNLIKELY: N_("Unlikely"),
    NOT_AVAILABLE: N_("Does not apply"),
    EXPIRED: N_("Deadline passed"),
}

ACT_NOW, ASK_LAWYER, PROBABLY_NOT = "act_now", "ask_lawyer", "probably_not"
GROUPS = (
    (ACT_NOW, N_("Act now")),
    (ASK_LAWYER, N_("Ask your lawyer about")),
    (PROBABLY_NOT, N_("Probably not for you")),
)
URGENT_DAYS = 14

# Legal data older than this on the day of the screening is flagged: TPS
# designations and fees changed several times a year in 2025 and 2026.
DATA_STALE_DAYS = 90
DATA_AS_OF = N_("Legal data as of {date}")
DATA_OLD = N_("The TPS and fee information may be out of date: the legal data is from {date}, more than 90 days ago. Check it with a lawyer.")

NOT_LEGAL_ADVICE = N_("This is not legal advice. Only a lawyer can tell you what to do. Show this to a lawyer or an accredited representative as soon as you can.")


def group_of(opt: OptionResult) -> str:
    if opt.status in (LIKELY, POSSIBLE) and opt.deadline is not None:
        return ACT_NOW
    if opt.status in (LIKELY, POSSIBLE, EXPIRED):
        return ASK_LAWYER
    return PROBABLY_NOT


_RANK = {LIKELY: 0, POSSIBLE: 1, EXPIRED: 2, UNLIKELY: 3, NOT_AVAILABLE: 4}


def by_urgency(options) -> list[OptionResult]:
    """Soonest open deadline first, then the strongest status."""
    def key(o: OptionResult):
        open_deadline = o.days_left if (o.days_left is not None and o.days_left >= 0) else 10**6
        return (open_deadline, _RANK[o.status])
    return sorted(options, key=key)


def grouped(ev: Evaluation) -> list[tuple[str, str, list[OptionResult]]]:
    out = []
    for gid, title in GROUPS:
        members = by_urgency(o for o in ev.options if group_of(o) == gid)
        out.append((gid, title, members))
    return out


def deadlines(ev: Evaluation) -> list[OptionResult]:
    """Every option with a last day, open or passed, soonest first;
    options that do not apply are left out."""
    return sorted((o for o in ev.options if o.deadline and o.status != NOT_AVAILABLE),
                  key=lambda o: o.deadline)


def urgent_deadlines(ev: Evaluation) -> list[OptionResult]:
    """Deadlines 14 days or fewer away, or passed, soonest first."""
    return [o for o in deadlines(ev) if o.days_left is not None and o.days_left <= URGENT_DAYS]


def needs_banner(ev: Evaluation) -> bool:
    """An urgent deadline, an urgent warning, or old legal data."""
    return bool(urgent_deadlines(ev)) or bool(top_warnings(ev)) or data_is_old(ev)


def data_age(ev: Evaluation) -> Message:
    return Message(DATA_AS_OF, {"date": ev.data_as_of})


def data_is_old(ev: Evaluation) -> bool:
    """More than DATA_STALE_DAYS between the data's as-of date and the screening day."""
    return (ev.as_of - ev.data_as_of).days > DATA_STALE_DAYS


def data_old_message(ev: Evaluation) -> Message:
    return Message(DATA_OLD, {"date": ev.data_as_of})


def top_warnings(ev: Evaluation) -> list[Warning]:
    """Urgent warnings that go at the top, in the urgent box (detention, an
    earlier removal, a frivolous finding); deadlines are listed there anyway."""
    return [w for w in ev.warnings if w.severity == "urgent" and w.id != "deadline_soon"]


def days_left_message(opt: OptionResult) -> Message | PluralMessage | None:
    if opt.days_left is None:
        return None
    if opt.days_left < 0:
        return PluralMessage(N_plural("Passed {days} day ago", "Passed {days} days ago"), -opt.days_left,
                             {"days": -opt.days_left})
    if opt.days_left == 0:
        return Message(N_("Today is the last day"))
    return PluralMessage(N_plural("{days} day left", "{days} days left"), opt.days_left, {"days": opt.days_left})


def warning_message(w: Warning, option_titles: dict[str, str]) -> Message:
    if w.id == "deadline_soon":
        return Message(N_("Deadline soon: {option}, last day {date}."),
                       {"option": Term(option_titles.get(w.option or "", w.option or "")), "date": w.deadline})
    if w.id == "one_year_filing_deadline":
        return Message(N_("Your asylum application was filed more than one year after you arrived (the one-year deadline was {date}). Asylum may be blocked unless an exception applies; withholding and CAT are not affected."),
                       {"date": w.deadline})
    if w.id == "expedited_removal_risk":
        return Message(N_("You came in less than two years ago without being admitted at a border post, or it is not known how you came in. You could be removed quickly without seeing a judge (expedited removal), even after a court case is closed. Carry proof of when you arrived."))
    if w.id == "detained":
        return Message(N_("You are in detention. Cases of detained people move very fast: get a lawyer today."))
    if w.id == "crime_bars":
        if w.severity == "info":
            return Message(N_("Your criminal record is not known here. A lawyer must see it: some crimes block several options."))
        return Message(N_("A serious crime, or taking part in harming others, can block several options. Tell your lawyer everything."))
    if w.id == "prior_removal":
        return Message(N_("You were removed before and came back. The old removal order can be put back in force quickly, which ends most options except withholding of removal and protection under the Convention Against Torture (CAT). See a lawyer today."))
    if w.id == "frivolous_finding":
        return Message(N_("A judge found an asylum application of yours made up (frivolous). That bars most immigration benefits for life; withholding of removal and protection under the Convention Against Torture (CAT) remain. See a lawyer."))
    if w.id == "in_absentia_bars":
        return Message(N_("You were ordered removed for missing a hearing. If you had been told out loud, in a language you understand, what missing a hearing would cost, then for 10 years you cannot get cancellation of removal, voluntary departure, or a green card, unless the order is reopened."))
    raise KeyError(w.id)
