"""A share link's poster: a PNG with the QR code, the partner's name and the product, for a chat group.

Drawn with Pillow. Text needs a CJK-capable font: Debian's fonts-noto-cjk (installed by .ci/run)
is looked up at run time (or RELAY_POSTER_FONT); without one, Pillow's own font is used, which
draws Latin text only, so a poster is always made.
"""

from __future__ import annotations

import io
import os
from functools import cache
from pathlib import Path

import segno
from PIL import Image, ImageDraw, ImageFont

#: Poster size in pixels (3:4, sharp on a phone's screen and in a chat's preview).
WIDTH, HEIGHT = 1080, 1440
QR_SIZE = 720
MARGIN = 72
INK, MUTED, ACCENT, PAPER = "#1c2330", "#5d6778", "#2f6fde", "#ffffff"

#: (path, face index) tried in order; a .ttc holds several faces (index 2 of Noto Sans CJK is Simplified Chinese).
FONT_CANDIDATES = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/System/Library/Fonts/PingFang.ttc", 0),
)

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@cache
def font_file() -> tuple[str, int] | None:
    """The CJK-capable font to draw with, or None (then Pillow's default font)."""
    chosen = os.environ.get("RELAY_POSTER_FONT")
    for path, index in ([(chosen, 0)] if chosen else []) + list(FONT_CANDIDATES):
        if Path(path).is_file():
            try:
                ImageFont.truetype(path, 12, index=index)
            except OSError:
                continue
            return path, index
    return None


@cache
def font(size: int) -> Font:
    found = font_file()
    if found is None:
        return ImageFont.load_default(size=size)
    return ImageFont.truetype(found[0], size, index=found[1])


def _wrap(draw: ImageDraw.ImageDraw, text: str, face: Font, width: int, max_lines: int) -> list[str]:
    """`text` cut into lines no wider than `width` (by character: works for Chinese, which has no
    spaces); the last line ends with an ellipsis when the text does not fit."""
    lines: list[str] = []
    current = ""
    for char in text:
        if draw.textlength(current + char, font=face) > width and current:
            lines.append(current)
            current = char.lstrip()
        else:
            current += char
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][:-1] + "…"
    return lines


def _centered(draw: ImageDraw.ImageDraw, y: int, lines: list[str], face: Font, fill: str, gap: int) -> int:
    for line in lines:
        box = draw.textbbox((0, 0), line, font=face)
        draw.text(((WIDTH - (box[2] - box[0])) / 2 - box[0], y), line, font=face, fill=fill)
        y += (box[3] - box[1]) + gap
    return y


def poster_png(url: str, *, headline: str, product: str, footer: str, brand: str) -> bytes:
    """The poster of `url`: `brand` (the merchant) on top, `headline` (e.g. "Lin Mei recommends"),
    `product`, the QR code of `url`, then `footer` (e.g. "Scan to open") and the URL itself."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 16), fill=ACCENT)
    inner = WIDTH - 2 * MARGIN
    y = _centered(draw, 64, _wrap(draw, brand, font(40), inner, 1), font(40), MUTED, 16)
    y = _centered(draw, y + 24, _wrap(draw, headline, font(64), inner, 2), font(64), INK, 20)
    y = _centered(draw, y + 8, _wrap(draw, product, font(44), inner, 2), font(44), ACCENT, 16)

    code = io.BytesIO()
    qr = segno.make(url, error="m")
    modules = qr.symbol_size(scale=1, border=4)[0]
    qr.save(code, kind="png", scale=max(1, QR_SIZE // modules), border=4)
    picture = Image.open(io.BytesIO(code.getvalue())).convert("RGB").resize((QR_SIZE, QR_SIZE), Image.Resampling.NEAREST)
    # The code centred between the text above and the footer's 200 pixels.
    top = y + max(24, (HEIGHT - 200 - y - QR_SIZE) // 2)
    image.paste(picture, ((WIDTH - QR_SIZE) // 2, top))

    y = _centered(draw, top + QR_SIZE + 24, _wrap(draw, footer, font(40), inner, 1), font(40), INK, 12)
    _centered(draw, y + 4, _wrap(draw, url, font(30), inner, 1), font(30), MUTED, 8)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
