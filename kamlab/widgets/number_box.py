"""A box for one typed number that keeps exactly what was typed.

``ipywidgets.FloatText`` is a browser number field: letters are silently reverted and
full-width digits from a Chinese IME (``８``, ``１２００``) are refused, so the learner
never learns why the figure did not change. :class:`NumberBox` is a text field: what
was typed stays on screen and the model parses it (:func:`kamlab._checks.to_number`
accepts full-width digits and thousands commas), so a typo gets the same named Chinese
message as a bad table cell. ``state()`` is the typed text; ``restore()`` takes the text
or a number saved by the older FloatText version.
"""

from __future__ import annotations

import math

import ipywidgets as W
from traitlets import Unicode


def _text(value: object) -> str:
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


class _TypedText(Unicode):
    """Text, also set from a number in code (``box.value = 1200`` shows ``1200``)."""

    def validate(self, obj: object, value: object) -> str:
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = _text(value)
        return super().validate(obj, value)


class NumberBox(W.Text):
    """A ``Text`` for a number: value is the typed text; recompute on Enter or leaving the box."""

    value = _TypedText(help="String value").tag(sync=True)

    def __init__(self, value: object = "", **kwargs: object) -> None:
        kwargs.setdefault("continuous_update", False)
        super().__init__(value=_text(value), **kwargs)

    def state(self) -> str:
        """The typed text (saved as it is)."""
        return self.value

    def restore(self, value: object) -> None:
        """Put back saved text, or a number saved by FloatText (``8000.0`` → ``"8000"``)."""
        if isinstance(value, list | dict):
            raise TypeError("a number box holds one value")
        self.value = _text(value)
