"""Reader for .zip bundles: members become documents of the bundle, read in memory only.

Nothing is ever extracted to disk, so zip-slip paths cannot write anywhere; they are still
refused by name so that the report shows the attack rather than a document called "etc/passwd".
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterable

from kickoff.config import Limits
from kickoff.ingest.types import ReadContext, ReadOutcome, UnreadableFile
from kickoff.model import ReadProblem


def check_member_sizes(members: Iterable[zipfile.ZipInfo], limits: Limits) -> None:
    """Refuse archives whose declared sizes or compression ratios betray a bomb."""
    members = list(members)
    if len(members) > limits.max_archive_members:
        raise UnreadableFile(f"archive has {len(members)} members, more than the limit of {limits.max_archive_members}")
    total = 0
    for info in members:
        total += info.file_size
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > 1024 * 1024 and ratio > limits.max_compression_ratio:
            raise UnreadableFile(
                f"zip bomb: member {info.filename!r} expands {ratio:.0f}x (limit {limits.max_compression_ratio:.0f}x)"
            )
    if total > limits.max_archive_total_bytes:
        raise UnreadableFile(
            f"archive expands to {total} bytes, more than the limit of {limits.max_archive_total_bytes}"
        )


_ENTITY_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def check_package(data: bytes, context: ReadContext, required_member: str, label: str) -> None:
    """Check an office package's zip container before any XML parser sees it: bombs, junk and
    entity declarations (billion laughs) stop here, whatever library reads the package next."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, NotImplementedError, ValueError) as error:
        raise UnreadableFile(f"not a {label}: broken zip container ({error})") from error
    with archive:
        if required_member not in set(archive.namelist()):
            raise UnreadableFile(f"not a {label}: the zip has no {required_member}")
        check_member_sizes(archive.infolist(), context.limits)
        for info in archive.infolist():
            if info.filename.endswith((".xml", ".rels")):
                with archive.open(info) as member:
                    head = member.read(65536)
                if _ENTITY_DECLARATION.search(head):
                    raise UnreadableFile(
                        f"{label} declares XML entities in {info.filename}: refused (entity-expansion bomb)"
                    )


def unsafe_member_name(name: str) -> str | None:
    """Why a member name is unsafe (absolute, escaping, odd), or None when it is fine."""
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "absolute path in archive: refused"
    normalised = posixpath.normpath(name.replace("\\", "/"))
    if normalised == ".." or normalised.startswith("../") or "/../" in f"/{normalised}/":
        return "path escapes the archive (zip slip): refused"
    return None


def read_zip(data: bytes, context: ReadContext) -> ReadOutcome:
    from kickoff.ingest.dispatch import read_bytes

    if context.depth >= context.limits.max_archive_depth:
        raise UnreadableFile(f"archive nested deeper than {context.limits.max_archive_depth} levels")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, NotImplementedError) as error:
        raise UnreadableFile(f"broken zip archive ({error})") from error
    outcome: ReadOutcome = []
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        check_member_sizes(members, context.limits)
        budget = context.limits.max_archive_total_bytes
        for info in sorted(members, key=lambda member: member.filename):
            member_path = f"{context.path}/{info.filename}"
            unsafe = unsafe_member_name(info.filename)
            if unsafe:
                outcome.append(ReadProblem(member_path, unsafe))
                continue
            if info.flag_bits & 0x1:
                outcome.append(ReadProblem(member_path, "encrypted archive member: needs a password"))
                continue
            cap = min(context.limits.max_file_bytes, budget)
            try:
                with archive.open(info) as handle:
                    # Declared sizes can lie; the read itself is capped.
                    content = handle.read(cap + 1)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as error:
                outcome.append(ReadProblem(member_path, f"damaged archive member ({error})"))
                continue
            if len(content) > cap and cap < context.limits.max_file_bytes:
                outcome.append(ReadProblem(member_path, "archive total size limit reached: refused"))
                break
            budget -= len(content)
            outcome.extend(
                read_bytes(
                    content[: context.limits.max_file_bytes],
                    member_path,
                    context.limits,
                    depth=context.depth + 1,
                    truncated=len(content) > context.limits.max_file_bytes,
                )
            )
    return outcome
