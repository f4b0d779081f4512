"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success rename it over `target`.

    On any exception the temporary file is removed and `target` is left as it was.
    The temporary file lives in the target's folder so the rename never crosses filesystems.
    A symbolic link is written through (the file it points to is replaced, the link kept).
    The new file keeps the old one's permission bits (a new file gets 0o666 less the umask,
    as with open()), and the folder is fsynced after the rename so the rename is durable.
    Raises OSError naming `target` (never the temporary file) when it cannot be written,
    including when it is a folder or a device, or a file stands where a folder should be.
    """
    target = Path(target)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    _check_target(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _naming(exc, target, None) from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        with open(tmp_path, "rb+") as f:
            os.fsync(f.fileno())
        # mkstemp creates 0600 files: give the result the mode the file had (a deck kept
        # private stays private), or for a new file the one a plain open() would.
        os.chmod(tmp_path, _mode_for(target))
        os.replace(tmp_path, target)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()
        if isinstance(exc, OSError) and _names(exc, tmp):
            raise _naming(exc, target, tmp) from None
        raise
    _fsync_folder(target.parent)


def _mode_for(target: Path) -> int:
    """The permission bits `target` has, or 0o666 less the umask when it does not exist."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it where the system allows.

    Linux shows it in /proc/self/status (since 4.7). Elsewhere the only way to read it is
    to set it, which for a moment applies to every thread: then set the strict 0o077, so a
    file another thread makes in that moment is private rather than writable by all.
    """
    with contextlib.suppress(OSError, ValueError, IndexError), open("/proc/self/status", "rb") as f:
        for line in f:
            if line.startswith(b"Umask:"):
                return int(line.split()[1], 8)
    umask = os.umask(0o077)
    os.umask(umask)
    return umask


def _fsync_folder(folder: Path) -> None:
    """Make a rename survive a power cut: fsync the folder that now holds the new name.

    Skipped where a folder cannot be opened (Windows) or its filesystem cannot sync one.
    """
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def _check_target(target: Path) -> None:
    """Refuse targets a rename would damage: a folder, a device or pipe, a file as a folder."""
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(target))
    if target.exists() and not target.is_file():
        # Renaming over /dev/null or a pipe would replace it with a plain file.
        raise OSError(errno.EINVAL, "is not a regular file; quizgen writes only files", str(target))
    for parent in target.parents:
        if parent.exists():
            if not parent.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, "is a file, not a folder", str(parent))
            break


def _naming(exc: OSError, target: Path, tmp: str | None) -> OSError:
    """The same error, naming the file the user asked for rather than our temporary file."""
    name = str(target) if tmp is None or _names(exc, tmp) else exc.filename
    return type(exc)(exc.errno, exc.strerror or str(exc), name)


def _names(exc: OSError, path: str) -> bool:
    return exc.filename is not None and os.fsdecode(exc.filename) == path


def write_bytes_atomic(target: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` to `target` atomically and return the target path."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def write_files_atomic(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Write several files that belong together (a worksheet and its key): every temp file
    is written before any is renamed, so running out of space leaves all the old ones.
    Returns the target paths."""
    with contextlib.ExitStack() as stack:
        for target, data in files:
            stack.enter_context(atomic_path(target)).write_bytes(data)
    return [Path(target) for target, _ in files]


def write_text_atomic(target: str | os.PathLike[str], text: str) -> Path:
    """Write UTF-8 `text` to `target` atomically (LF line ends) and return the target path."""
    return write_bytes_atomic(target, text.encode("utf-8"))
