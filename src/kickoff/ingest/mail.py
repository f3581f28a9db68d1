"""Reader for .eml messages: headers give title, author and date; attachments become documents."""

from __future__ import annotations

import email
import email.policy
import email.utils
from email.message import EmailMessage

from kickoff.ingest.blocks import layout_text
from kickoff.ingest.types import ReadContext, ReadOutcome, UnreadableFile, document
from kickoff.model import Block, SourceDocument, SourceMetadata


def read_eml(data: bytes, context: ReadContext) -> ReadOutcome:
    from kickoff.ingest.dispatch import read_bytes
    from kickoff.ingest.html import read_html

    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not message.keys():
        raise UnreadableFile("not an e-mail message: no headers")
    metadata = SourceMetadata(
        title=str(message.get("Subject", "")).strip() or None,
        author=str(message.get("From", "")).strip() or None,
        date=_date(message.get("Date")),
        origin="e-mail headers",
        date_field="Date (when it was sent)",
    )
    outcome: ReadOutcome = []
    body = message.get_body(preferencelist=("plain", "html"))
    if body is not None:
        blocks: tuple[Block, ...]
        content = body.get_content()
        if body.get_content_subtype() == "html":
            pages = read_html(content.encode("utf-8"), context)
            blocks = pages[0].blocks if pages and isinstance(pages[0], SourceDocument) else ()
        else:
            blocks = layout_text(content, markdown=False).blocks
        outcome.append(document(context, tuple(blocks), encoding="utf-8", metadata=metadata))
    for number, part in enumerate(message.iter_attachments(), start=1):
        name = part.get_filename() or f"attachment-{number}"
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            payload = b""
        outcome.extend(read_bytes(payload, f"{context.path}/{name}", context.limits, depth=context.depth + 1))
    if not outcome:
        raise UnreadableFile("e-mail has neither a text body nor attachments")
    return outcome


def _date(value: object) -> str | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(str(value)).date().isoformat()
    except (TypeError, ValueError):
        return None
