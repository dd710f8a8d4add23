"""Responses shared by the pages and the API."""

from __future__ import annotations

from django.http import FileResponse

from qaward.core.uploads import CONTENT_TYPES

from . import services
from .models import Attachment


def attachment_response(attachment: Attachment, user) -> FileResponse:
    """The file as a download, never rendered inline by the browser."""
    handle = services.open_attachment(attachment, user)
    response = FileResponse(handle, as_attachment=True, filename=attachment.original_name,
                            content_type=CONTENT_TYPES.get(attachment.file_type, "application/octet-stream"))
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
