"""Colours, sizes and the style sheet, for the normal and the high-contrast
theme at every text size.

Sizes are points, so the same numbers hold on a 96 dpi office PC and a high
dpi laptop. The A-/A+ buttons step through TEXT_SCALES; everything that
shows text is inside a scroll area or wraps, so 200% never clips.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

BASE_PT = 12.0
TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
CHROME_MAX_SCALE = 1.25


@dataclass(frozen=True)
class Colors:
    window: str
    text: str
    muted: str
    card: str
    border: str
    accent: str
    accent_text: str
    checked: str
    focus: str
    error: str
    banner: str
    banner_text: str
    help_bg: str
    disabled: str
    group_now: str
    group_ask: str
    group_not: str


NORMAL = Colors(
    window="#f4f6f8", text="#111418", muted="#3c4650", card="#ffffff", border="#8a96a3",
    accent="#0a4f9c", accent_text="#ffffff", checked="#dcebfb", focus="#c45500",
    error="#a4001d", banner="#a4001d", banner_text="#ffffff", help_bg="#eaf0f6",
    disabled="#6b7580", group_now="#a4001d", group_ask="#0a4f9c", group_not="#4a545e",
)
HIGH_CONTRAST = Colors(
    window="#000000", text="#ffffff", muted="#ffffff", card="#000000", border="#ffffff",
    accent="#ffd400", accent_text="#000000", checked="#333000", focus="#00e5ff",
    error="#ff8080", banner="#ffd400", banner_text="#000000", help_bg="#000000",
    disabled="#c0c0c0", group_now="#ffd400", group_ask="#00e5ff", group_not="#ffffff",
)


@dataclass(frozen=True)
class Theme:
    scale: float = 1.0
    high_contrast: bool = False
    lang_factor: float = 1.0

    @property
    def colors(self) -> Colors:
        return HIGH_CONTRAST if self.high_contrast else NORMAL

    def pt(self, size: float) -> float:
        # Not lang_factor: the style sheet stays the same across languages,
        # so a language switch does not restyle every widget. Nastaliq gets
        # its larger size from the application font (fonts.size_factor).
        return round(size * self.scale, 1)

    def px(self, size: float) -> int:
        """Padding that grows with the text, so bigger text keeps its room."""
        return max(1, round(size * self.scale))

    @property
    def base_pt(self) -> float:
        return round(BASE_PT * self.scale * self.lang_factor, 1)

    def palette(self) -> QPalette:
        c = self.colors
        pal = QPalette()
        for role, value in (
            (QPalette.Window, c.window), (QPalette.WindowText, c.text), (QPalette.Base, c.card),
            (QPalette.AlternateBase, c.help_bg), (QPalette.Text, c.text), (QPalette.Button, c.card),
            (QPalette.ButtonText, c.text), (QPalette.Highlight, c.accent),
            (QPalette.HighlightedText, c.accent_text), (QPalette.ToolTipBase, c.card),
            (QPalette.ToolTipText, c.text), (QPalette.PlaceholderText, c.muted),
            (QPalette.Link, c.accent), (QPalette.BrightText, c.error),
        ):
            pal.setColor(role, QColor(value))
        for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
            pal.setColor(QPalette.Disabled, role, QColor(c.disabled))
        return pal

    def stylesheet(self) -> str:
        c, pt, px = self.colors, self.pt, self.px
        # The bars around the page grow less than the page: at 200% on a
        # 600 px high screen they would otherwise leave no room for the
        # question. They stay at least as large as the page text at 125%.
        chrome = min(self.scale, CHROME_MAX_SCALE)

        def cpt(size: float) -> float:
            return round(size * chrome, 1)

        def cpx(size: float) -> int:
            return max(1, round(size * chrome))

        border = 3 if self.high_contrast else 2
        return f"""
QToolTip {{ color: {c.text}; background: {c.card}; border: 1px solid {c.border}; }}
QLabel[role="title"] {{ font-size: {pt(21)}pt; font-weight: bold; }}
QLabel[role="heading"] {{ font-size: {pt(16)}pt; font-weight: bold; }}
QLabel[role="prompt"] {{ font-size: {pt(18)}pt; font-weight: bold; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QLabel[role="code"] {{ font-size: {pt(16)}pt; font-weight: bold; }}
QLabel[role="error"] {{ color: {c.error}; font-weight: bold; }}
QLabel[role="ok"] {{ font-weight: bold; }}
QFrame[role="help"] {{ background: {c.help_bg}; border: {border - 1}px solid {c.border};
    border-radius: {px(6)}px; }}
QFrame[role="card"] {{ background: {c.card}; border: {border - 1}px solid {c.border};
    border-radius: {px(6)}px; }}
QFrame[role="banner"] {{ background: {c.banner}; border: {border}px solid {c.text};
    border-radius: {px(4)}px; }}
QLabel[role="banner"] {{ color: {c.banner_text}; font-size: {pt(17)}pt; font-weight: bold;
    background: transparent; border: none; }}
QLabel[role="bannertext"] {{ color: {c.banner_text}; background: transparent; border: none; }}
QFrame[role="notice"] {{ background: {c.help_bg}; border: {border}px solid {c.text};
    border-radius: {px(4)}px; }}
QLabel[role="group"] {{ font-size: {pt(18)}pt; font-weight: bold; }}
QLabel[group="act_now"] {{ color: {c.group_now}; }}
QLabel[group="ask_lawyer"] {{ color: {c.group_ask}; }}
QLabel[group="probably_not"] {{ color: {c.group_not}; }}
QFrame[role="topbar"], QFrame[role="navbar"] {{ background: {c.card};
    border: none; border-bottom: {border - 1}px solid {c.border}; }}
QFrame[role="navbar"] {{ border-bottom: none; border-top: {border - 1}px solid {c.border}; }}
QPushButton {{ background: {c.card}; color: {c.text}; border: {border}px solid {c.border};
    border-radius: {px(6)}px; padding: {px(8)}px {px(16)}px; min-height: {px(28)}px; }}
QPushButton:hover {{ border-color: {c.accent}; }}
QPushButton:pressed {{ background: {c.checked}; }}
QPushButton:checked {{ background: {c.checked}; border-color: {c.accent}; }}
QPushButton:disabled {{ color: {c.disabled}; border-style: dashed; }}
QPushButton[role="primary"] {{ background: {c.accent}; color: {c.accent_text};
    border-color: {c.accent}; font-weight: bold; }}
QPushButton[role="primary"]:disabled {{ background: {c.card}; color: {c.disabled};
    border-color: {c.disabled}; }}
QPushButton[role="danger"] {{ color: {c.error}; border-color: {c.error}; }}
QPushButton[role="tool"] {{ padding: {cpx(4)}px {cpx(10)}px; min-height: {cpx(24)}px;
    font-size: {cpt(BASE_PT)}pt; }}
QLabel[role="meta"] {{ color: {c.muted}; font-size: {cpt(BASE_PT)}pt; }}
QLabel[role="topcode"] {{ font-size: {cpt(BASE_PT + 2)}pt; font-weight: bold; }}
QFrame[role="navbar"] QPushButton {{ font-size: {cpt(BASE_PT + 1)}pt; padding: {cpx(8)}px {cpx(16)}px;
    min-height: {cpx(28)}px; }}
QPushButton[role="lang"] {{ padding: {px(12)}px {px(16)}px; min-height: {px(56)}px; }}
QPushButton:focus, QLineEdit:focus, QComboBox:focus, QListWidget:focus {{
    border: {border + 1}px solid {c.focus}; }}
QFrame[role="card"]:focus, QFrame[role="banner"]:focus, QFrame[role="notice"]:focus {{
    border: {border + 2}px solid {c.focus}; }}
QLineEdit, QComboBox {{ background: {c.card}; color: {c.text}; border: {border}px solid {c.border};
    border-radius: {px(4)}px; padding: {px(6)}px {px(8)}px; min-height: {px(28)}px; }}
QLineEdit {{ placeholder-text-color: {c.muted}; }}
QListWidget {{ background: {c.card}; color: {c.text}; border: {border}px solid {c.border};
    border-radius: {px(4)}px; }}
QListWidget::item {{ padding: {px(6)}px; }}
QListWidget::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
QProgressBar {{ border: {border - 1}px solid {c.border}; border-radius: {px(4)}px;
    background: {c.card}; color: {c.text}; text-align: center; min-height: {px(10)}px;
    max-height: {px(14)}px; }}
QProgressBar::chunk {{ background: {c.accent}; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QCheckBox {{ spacing: {px(8)}px; }}
"""


_current = [Theme()]


def current_theme() -> Theme:
    """The theme in force; custom-painted widgets read their colours here."""
    return _current[0]


def set_current_theme(theme: Theme) -> None:
    _current[0] = theme
