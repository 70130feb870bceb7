"""Windows icon (.ico) and the window's icon pictures (.png) from the SVG,
so a Windows build needs no extra tool.

    QT_QPA_PLATFORM=offscreen python packaging/make_icon.py

Writes assets/icons/relief-wizard.ico with the sizes Windows asks for
(16 to 256 px), each drawn from the SVG at that size rather than scaled down
from one picture, so small sizes stay sharp; and the same pictures as
relief-wizard-<size>.png, which the window uses: an SVG icon made the app
load Qt's SVG library and plugins (1.1 MiB, for one picture) at every start.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path, size: int) -> Image.Image:
    renderer = QSvgRenderer(str(svg))
    image = QImage(size, size, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = ROOT / "assets" / "icons" / "relief-wizard.svg"
    out = svg.with_suffix(".ico")
    images = [render(svg, s) for s in SIZES]
    images[-1].save(out, format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    for size, image in zip(SIZES, images):
        image.save(svg.with_name(f"relief-wizard-{size}.png"), optimize=True)
    print(f"{out.relative_to(ROOT)}: {', '.join(map(str, SIZES))} px, {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
