"""Writing a file the person named (an exported client file) without harm.

The path comes from a command line or a dialog, so it may name the live
database, a folder, a device, or a file the person still needs. A file is
only ever created new (exclusively) unless replacing was asked for, never
inside the client-records folder, and never over anything but a regular
file. The bytes land in a private temporary name beside the target first:
a crash half-way leaves no truncated file under the chosen name.
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from . import paths
from .errors import CannotWrite, OutFileExists, OutFileInDataFolder, OutFileNotAFile


def check_target(path: Path, data_dir: Path, *, overwrite: bool) -> Path:
    """The target, resolved, or a StoreError that says in one line what is wrong."""
    path = Path(path)
    try:
        target = path.resolve()
        root = Path(data_dir).resolve()
    except (OSError, RuntimeError):
        raise CannotWrite(str(path)) from None
    if target == root or root in target.parents:
        raise OutFileInDataFolder(str(root))
    try:
        st = os.stat(target)
    except FileNotFoundError:
        if not target.parent.is_dir():
            raise CannotWrite(str(path), missing_folder=True) from None
        return target
    except OSError:
        raise CannotWrite(str(path)) from None
    if not stat.S_ISREG(st.st_mode):
        raise OutFileNotAFile(str(path))
    if not overwrite:
        raise OutFileExists(str(path))
    return target


def write_new(target: Path, data: bytes, *, overwrite: bool) -> None:
    """Write data to target: created exclusively, or replacing a regular
    file only when overwrite is set. OSError is turned into CannotWrite."""
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    except OSError as exc:
        raise CannotWrite(str(target), full=exc.errno == errno.ENOSPC) from None
    try:
        try:
            with os.fdopen(fd, "wb") as fh:  # mkstemp makes it 0600
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if overwrite:
                os.replace(tmp, target)
            else:
                # link() fails if the name exists: the check above and this
                # creation are one step, so nothing that appeared meanwhile is lost.
                try:
                    os.link(tmp, target)
                except FileExistsError:
                    raise OutFileExists(str(target)) from None
                except OSError:
                    # No hard links (FAT32 USB sticks): create exclusively and copy.
                    with open(target, "xb") as out:
                        out.write(data)
                        out.flush()
                        os.fsync(out.fileno())
                    paths.make_private_file(target)
        except FileExistsError:
            raise OutFileExists(str(target)) from None
        except OSError as exc:
            raise CannotWrite(str(target), full=exc.errno == errno.ENOSPC) from None
    finally:
        try:
            os.remove(tmp)
        except FileNotFoundError:
            pass
