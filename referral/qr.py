"""QR codes of share links, as SVG and PNG, made with segno (pure Python, no image library)."""

from __future__ import annotations

import io
from functools import lru_cache

import segno

#: Pixels per module (the SVG is vector and scales freely from there).
SCALE = 8
#: The quiet zone the QR standard asks for, in modules.
BORDER = 4


@lru_cache(maxsize=512)
def qr_svg(data: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(data, error="m").save(buffer, kind="svg", scale=SCALE, border=BORDER, xmldecl=True)
    return buffer.getvalue()


@lru_cache(maxsize=512)
def qr_png(data: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(data, error="m").save(buffer, kind="png", scale=SCALE, border=BORDER)
    return buffer.getvalue()
