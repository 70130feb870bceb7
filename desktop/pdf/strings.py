"""Every sentence and label the printed summary adds to those of the logic.

English source strings, marked with N_ so `python -m desktop.i18n_build
extract` puts them in the catalog. Each is rendered twice: in English for
the attorney's half of the page and in the client's language for the other,
so a label must read well to both ("Last day", not "Your last day").
"""
from ..logic.text import N_

TITLE = N_("Summary for your lawyer")
PREPARED_ON = N_("Prepared on")
LANGUAGE = N_("Language")
NAME_OWN_SCRIPT = N_("Name (own script)")
NAME_LATIN = N_("Name in Latin letters (as on Form I-589)")
CLIENT_CODE = N_("Client code")
DENIED_BY = N_("Who made the last denial")
DENIED_ON = N_("Date of that decision")
NOT_ANSWERED = N_("Not answered")
NONE_CHOSEN = N_("None")

DEADLINES = N_("Deadlines: last day to file")
DEADLINE_WHAT = N_("What to file, and where")
DEADLINE_DAY = N_("Last day")
NO_DEADLINES = N_("No deadline was found from your answers. Ask a lawyer to check, because deadlines are short.")
WARNINGS = N_("Warnings")

LAST_DAY_TO_FILE = N_("Last day to file: {date}")
WHY = N_("Why:")
GIVES = N_("What it would give you:")
FILE = N_("What to file:")
WHERE = N_("Where:")
BRING = N_("What to bring:")
LAW = N_("Law:")
FEES = N_("Fees:")

FACTS = N_("Facts from your answers")
QUESTION = N_("Question")
ANSWER = N_("Answer")

DOCUMENTS = N_("Documents to bring to the lawyer")
ALWAYS_BRING = (
    N_("This summary"),
    N_("Every paper you got from immigration, the court, or the police, with the envelopes"),
    N_("Your passport or any other ID"),
)
QUESTIONS_FOR_LAWYER = N_("Questions to ask the lawyer")
LAWYER_QUESTIONS = (
    N_("Which of these deadlines apply to me, and what must be filed by then?"),
    N_("Which of the options above are strongest for me, and why?"),
    N_("Can I be removed while my case is open? Do I need to ask for a stay of removal?"),
    N_("Can you file it for me? If not, who can help me for free or at low cost?"),
    N_("Which papers are still missing, and how can I get them?"),
    N_("How much will it cost, and can I ask for a fee waiver?"),
)
LAWYER_NOTES = N_("Notes from the lawyer")

RULES_AND_DATA = N_("Rules version {version}. List of TPS countries as of {date}.")
PAGE_OF = N_("Page {page} of {pages}")
NOT_ADVICE_SHORT = N_("Not legal advice")
