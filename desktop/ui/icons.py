"""Small icons drawn in code, in the theme's text colour.

Drawn rather than taken from a font: symbol characters are missing from the
bundled Noto fonts and would show as boxes; drawn icons also follow the
high-contrast colours.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from ..paths import assets_dir

SIZE = 64


def _canvas() -> tuple[QPixmap, QPainter]:
    pm = QPixmap(SIZE, SIZE)
    pm.fill(Qt.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.Antialiasing, True)
    return pm, p


def globe(color: str) -> QIcon:
    pm, p = _canvas()
    pen = QPen(QColor(color), 5)
    p.setPen(pen)
    p.setBrush(Qt.NoBrush)
    r = QRectF(6, 6, 52, 52)
    p.drawEllipse(r)
    p.drawEllipse(QRectF(20, 6, 24, 52))
    p.drawLine(QPointF(6, 32), QPointF(58, 32))
    p.drawLine(QPointF(11, 19), QPointF(53, 19))
    p.drawLine(QPointF(11, 45), QPointF(53, 45))
    p.end()
    return QIcon(pm)


def lock(color: str) -> QIcon:
    pm, p = _canvas()
    c = QColor(color)
    p.setPen(QPen(c, 6))
    p.setBrush(Qt.NoBrush)
    p.drawArc(QRectF(18, 6, 28, 36), 0, 180 * 16)
    p.drawLine(QPointF(18, 24), QPointF(18, 30))
    p.drawLine(QPointF(46, 24), QPointF(46, 30))
    p.setPen(Qt.NoPen)
    p.setBrush(c)
    p.drawRoundedRect(QRectF(10, 28, 44, 32), 5, 5)
    p.end()
    return QIcon(pm)


def contrast(color: str) -> QIcon:
    pm, p = _canvas()
    c = QColor(color)
    p.setPen(QPen(c, 5))
    p.setBrush(Qt.NoBrush)
    p.drawEllipse(QRectF(6, 6, 52, 52))
    path = QPainterPath()
    path.moveTo(32, 6)
    path.arcTo(QRectF(6, 6, 52, 52), 90, -180)
    path.closeSubpath()
    p.setPen(Qt.NoPen)
    p.setBrush(c)
    p.drawPath(path)
    p.end()
    return QIcon(pm)


def close(color: str) -> QIcon:
    pm, p = _canvas()
    p.setPen(QPen(QColor(color), 7, Qt.SolidLine, Qt.RoundCap))
    p.drawLine(QPointF(14, 14), QPointF(50, 50))
    p.drawLine(QPointF(50, 14), QPointF(14, 50))
    p.end()
    return QIcon(pm)


# Drawn from relief-wizard.svg by packaging/make_icon.py: PNG needs no plugin.
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in APP_ICON_SIZES:
        path = Path(assets_dir()) / "icons" / f"relief-wizard-{size}.png"
        if path.exists():
            icon.addFile(str(path), QSize(size, size))
    return icon


def arrow(color: str, pointing_left: bool) -> QIcon:
    """Back and Next arrows, in the button's own text colour so that they
    show in the high-contrast theme too."""
    pm, p = _canvas()
    p.setPen(Qt.NoPen)
    p.setBrush(QColor(color))
    path = QPainterPath()
    if pointing_left:
        path.moveTo(14, 32)
        path.lineTo(44, 10)
        path.lineTo(44, 54)
    else:
        path.moveTo(50, 32)
        path.lineTo(20, 10)
        path.lineTo(20, 54)
    path.closeSubpath()
    p.drawPath(path)
    p.end()
    return QIcon(pm)


def speaker(color: str) -> QIcon:
    """Read aloud: a loudspeaker with two sound waves."""
    pm, p = _canvas()
    c = QColor(color)
    p.setPen(Qt.NoPen)
    p.setBrush(c)
    body = QPainterPath()
    body.moveTo(6, 24)
    body.lineTo(18, 24)
    body.lineTo(32, 10)
    body.lineTo(32, 54)
    body.lineTo(18, 40)
    body.lineTo(6, 40)
    body.closeSubpath()
    p.drawPath(body)
    p.setPen(QPen(c, 5, Qt.SolidLine, Qt.RoundCap))
    p.setBrush(Qt.NoBrush)
    p.drawArc(QRectF(26, 20, 16, 24), -60 * 16, 120 * 16)
    p.drawArc(QRectF(26, 10, 30, 44), -60 * 16, 120 * 16)
    p.end()
    return QIcon(pm)
