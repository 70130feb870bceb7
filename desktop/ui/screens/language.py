"""The first screen: six large buttons, each language named in its own
script and drawn with its own font, whatever language is active now."""
from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QPushButton

from ...i18n import LANGUAGES
from ...logic.text import N_
from ..fonts import font_for
from ..accessibility import set_a11y_role
from ..theme import current_theme
from ..widgets.labels import wrap_label
from .base import Screen

TITLE = N_("Choose your language")
SUBTITLE = N_("You can change the language at any time with the language button at the top.")


# Each language's name in its own script, as CLDR (babel) gives it; written
# out so that the first screen loads no locale data at all (six CLDR locales
# cost a quarter of a second on an old PC). tests/ui/test_startup.py checks
# them against babel.
NATIVE_NAMES = {"en": "English", "es": "español", "bn": "বাংলা", "hi": "हिन्दी", "pa": "ਪੰਜਾਬੀ", "ur": "اردو"}


def native_name(lang: str) -> str:
    name = NATIVE_NAMES[lang]
    return name[:1].upper() + name[1:]  # "español" -> "Español" on a button


class LanguageScreen(Screen):
    view_name = "language"

    def __init__(self, window):
        super().__init__(window)
        self.title = wrap_label(role="title")
        self.subtitle = wrap_label(role="muted")
        self.body.addWidget(self.title)
        self.body.addWidget(self.subtitle)
        self.grid = QGridLayout()
        self.grid.setSpacing(14)
        self.buttons: dict[str, QPushButton] = {}
        for i, lang in enumerate(LANGUAGES):
            b = self.button(f"lang_{lang}", role="lang")
            b.setCheckable(True)
            # One of six, not a check box each (see desktop.ui.accessibility).
            set_a11y_role(b, "radio")
            b.setText(native_name(lang))
            b.setAccessibleName(native_name(lang))
            b.clicked.connect(lambda _=False, l=lang: self.win.choose_language(l))
            self.buttons[lang] = b
            self.grid.addWidget(b, i // 2, i % 2)
        self.body.addLayout(self.grid)
        self.body.addStretch(1)
        self.navbar.hide()
        self._fonts()

    def _fonts(self) -> None:
        scale = current_theme().scale
        for lang, b in self.buttons.items():
            b.setFont(font_for(lang, 20 * scale, bold=True))
            b.setMinimumHeight(0)
        # Nastaliq needs taller lines; equal rows look calmer than a ragged grid.
        tallest = max(b.sizeHint().height() for b in self.buttons.values())
        for b in self.buttons.values():
            b.setMinimumHeight(tallest)

    def appearance_changed(self) -> None:
        super().appearance_changed()
        if hasattr(self, "buttons"):
            self._fonts()

    def retranslate(self) -> None:
        t = self.t
        self.title.setText(t.gettext(TITLE))
        self.subtitle.setText(t.gettext(SUBTITLE))
        for lang, b in self.buttons.items():
            b.setChecked(lang == t.lang)
            # Read out in the language's own name, then what the button does.
            b.setAccessibleDescription(t.gettext(TITLE))

    def entered(self) -> None:
        self.buttons[self.t.lang].setFocus()
