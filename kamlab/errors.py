"""One exception family for every input a learner can get wrong.

Every model in kamlab validates its inputs and raises :class:`InputError` with a
message in Chinese that names the field, shows the bad value and says what is
expected. Widgets catch it and show ``str(error)`` inline, so the learner never
sees a traceback and never loses what was already typed.
"""

from __future__ import annotations


class InputError(ValueError):
    """Bad input from a learner or a saved file.

    Attributes:
        field: the Chinese label of the field at fault (e.g. ``"权重"``).
        value: the offending value as given.
    """

    def __init__(self, field: str, message: str, value: object = None) -> None:
        self.field = field
        self.value = value
        super().__init__(f"「{field}」{message}")
