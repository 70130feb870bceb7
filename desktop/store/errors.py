"""What can go wrong with the client records, in words a volunteer can act on.

Every error carries a translatable `Message`; the CLI prints it in English,
the GUI in the volunteer's language. No message ever contains client text,
so an error that ends up in a crash report leaks nothing.
"""
from __future__ import annotations

from pathlib import Path

from ..logic.text import N_, Message

# Exit codes of `relief-wizard clients ...`; 2 and 3 are fixed by the contract.
EXIT_BAD_INPUT, EXIT_BAD_SECRET, EXIT_DAMAGED, EXIT_BUSY = 2, 3, 4, 5


class StoreError(Exception):
    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: Message):
        super().__init__(message.render())
        self.message = message


def _msg(msgid: str, **params) -> Message:
    return Message(msgid, params)


class WrongPassphrase(StoreError):
    exit_code = EXIT_BAD_SECRET

    def __init__(self):
        super().__init__(_msg(N_("The passphrase is not right. Nothing was changed.")))


class WeakPassphrase(StoreError):
    def __init__(self, minimum: int, guessable: bool = False):
        if guessable:
            message = _msg(N_("This passphrase is too easy to guess. Use a few ordinary words that "
                              "only the center knows, for example four words with spaces."))
        else:
            message = _msg(N_("Choose a passphrase of at least {minimum} characters."), minimum=minimum)
        super().__init__(message)


class WrongPin(StoreError):
    exit_code = EXIT_BAD_SECRET

    def __init__(self):
        super().__init__(_msg(N_("The PIN is not right. Nothing was imported.")))


class BadPin(StoreError):
    def __init__(self, minimum: int):
        super().__init__(_msg(N_("The PIN must be at least {minimum} digits, and only digits."), minimum=minimum))


class DamagedClientFile(StoreError):
    """The file is a client file, its PIN opened it, but its content was changed."""

    def __init__(self):
        super().__init__(_msg(N_("This client file is damaged or was changed. Nothing was imported.")))


class NotAClientFile(StoreError):
    def __init__(self):
        super().__init__(_msg(N_("This is not a Relief Wizard client file, or it is damaged. Nothing was imported.")))


class UnknownClient(StoreError, KeyError):
    def __init__(self, code: str):
        super().__init__(_msg(N_("No client has the code {code}."), code=code))

    __str__ = Exception.__str__


class BadClientField(StoreError):
    def __init__(self, message: Message):
        super().__init__(message)


class DamagedRecord(StoreError):
    """One sealed value fails authentication in a file that passed its integrity check."""

    exit_code = EXIT_DAMAGED

    def __init__(self):
        super().__init__(_msg(N_("A saved record is damaged and cannot be read. "
                                 "Restore the latest automatic backup.")))


class NoStore(StoreError):
    def __init__(self, path: Path):
        super().__init__(_msg(N_("There are no client records in {path} yet."), path=str(path)))
        self.path = path


class StoreExists(StoreError):
    def __init__(self, path: Path):
        super().__init__(_msg(N_("Client records already exist in {path}. Nothing was changed."), path=str(path)))
        self.path = path


class TooNew(StoreError):
    exit_code = EXIT_DAMAGED

    def __init__(self, version: int):
        super().__init__(_msg(N_("These client records were saved by a newer version of Relief Wizard. "
                                 "Update the app to open them. Nothing was changed.")))
        self.version = version


class StoreBusy(StoreError):
    exit_code = EXIT_BUSY

    def __init__(self):
        super().__init__(_msg(N_("The client records are in use by another window or command. "
                                 "Close it and try again.")))


class KeyChanged(StoreError):
    """Another window changed the passphrase: this one holds the old key."""

    exit_code = EXIT_BUSY

    def __init__(self):
        super().__init__(_msg(N_("The center passphrase was changed in another window. "
                                 "Lock this window and open it again with the new passphrase. "
                                 "The last change here was not saved.")))


class DiskFull(StoreError):
    """Nothing is damaged: the disk has no room for the change."""

    exit_code = EXIT_BUSY

    def __init__(self, path: Path):
        super().__init__(_msg(N_("The disk that holds the client records ({path}) is full. "
                                 "Nothing is damaged. Free some space, then try again."), path=str(path)))
        self.path = path


class StoreNotWritable(StoreError):
    """Nothing is damaged: the folder or file is read-only or not this user's."""

    exit_code = EXIT_BUSY

    def __init__(self, path: Path):
        super().__init__(_msg(N_("The client records in {path} cannot be changed: the folder is read-only "
                                 "or belongs to another user. Nothing is damaged."), path=str(path)))
        self.path = path


class DamagedDatabase(StoreError):
    """The database file cannot be read or fails its integrity check.

    The file is left exactly as it is; `backups` (newest first) are the
    automatic copies the person can go back to with `Store.restore_backup`.
    """

    exit_code = EXIT_DAMAGED

    def __init__(self, path: Path, backups: list[Path], missing: bool = False):
        if missing:
            message = _msg(N_("The client records file {path} is missing. "
                              "The latest automatic backup is from {date}."),
                           path=str(path), date=backup_label(backups[0]))
        elif backups:
            message = _msg(N_("The client records file is damaged. It was kept as it is, in {path}. "
                              "The latest automatic backup is from {date}."),
                           path=str(path), date=backup_label(backups[0]))
        else:
            message = _msg(N_("The client records file is damaged. It was kept as it is, in {path}. "
                              "There is no automatic backup."), path=str(path))
        super().__init__(message)
        self.path = path
        self.backups = backups
        self.missing = missing


class OutFileExists(StoreError):
    def __init__(self, path: str):
        super().__init__(_msg(N_("A file named {path} already exists. Nothing was written. "
                                 "Choose another name, or replace it on purpose (--force)."), path=path))


class OutFileInDataFolder(StoreError):
    def __init__(self, folder: str):
        super().__init__(_msg(N_("Save the file outside the client records folder ({path}). "
                                 "Nothing was written."), path=folder))


class OutFileNotAFile(StoreError):
    def __init__(self, path: str):
        super().__init__(_msg(N_("{path} is a folder or a device, not a file. Nothing was written."), path=path))


class CannotWrite(StoreError):
    """A file or folder the person chose cannot be written: the folder is
    missing, read-only, not theirs, or the disk is full."""

    def __init__(self, path: str, *, missing_folder: bool = False, full: bool = False):
        if full:
            message = _msg(N_("The disk is full: {path} could not be written. Free some space, "
                              "or use another disk. Nothing was written."), path=path)
        elif missing_folder:
            message = _msg(N_("The folder for {path} does not exist. Nothing was written."), path=path)
        else:
            message = _msg(N_("{path} cannot be written here (the folder is read-only or not yours). "
                              "Nothing was written."), path=path)
        super().__init__(message)


def backup_label(path: Path) -> str:
    """The day a backup was taken, from its name (clients-YYYY-MM-DD.db)."""
    stem = path.stem.removeprefix("clients-")
    # clients-YYYY-MM-DD.db (the day's copy) or clients-YYYY-MM-DD-HHMMSS.db
    if len(stem) == 17 and stem[10] == "-" and stem[11:].isdigit():
        return f"{stem[:10]} {stem[11:13]}:{stem[13:15]}"
    return stem
