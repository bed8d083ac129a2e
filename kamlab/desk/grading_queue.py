"""Grading by question: every learner's answer to one question, stepped through in order.

Pure state, no widgets (the desk's 批改 section draws it). The order is fixed
when the queue is built, so answers do not jump around while the trainer works:
answers marked 待复核 (changed since their manual score) first, then the ones with
no manual score yet, then the ones already scored; inside each group by the
learner's anonymous number. Names are hidden until revealed: a learner is
``学员 #n``, where ``n`` is their rank in an order derived from a hash of the
exercise and learner ids — stable for the exercise, unrelated to the roster.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True)
class Answer:
    """One learner's latest answer to the question, with its scores."""

    learner_id: str
    name: str
    answer: Any
    auto_score: float
    max_score: float
    detail: str = ""
    manual_score: float | None = None
    comment: str = ""
    review: bool = False
    late: str = ""  # 迟交 1 天 2 小时, or "" (on time, or no due date)

    @property
    def pending(self) -> bool:
        """Still needs a person: no manual score yet, or marked 待复核."""
        return self.manual_score is None or self.review

    @property
    def score(self) -> float:
        """The score that counts (manual over automatic)."""
        return self.auto_score if self.manual_score is None else self.manual_score


def anonymous_numbers(exercise_id: str, learner_ids: list[str]) -> dict[str, int]:
    """Learner id → 1-based number, stable per exercise, not the roster order."""
    def key(lid: str) -> str:
        return hashlib.sha256(f"{exercise_id}\0{lid}".encode()).hexdigest()

    return {lid: n for n, lid in enumerate(sorted(learner_ids, key=key), start=1)}


def _group(a: Answer) -> int:
    return 0 if a.review else 1 if a.manual_score is None else 2


class GradingQueue:
    """The answers to one question and where the trainer is among them."""

    def __init__(self, exercise_id: str, question_id: str, answers: list[Answer],
                 numbers: dict[str, int] | None = None) -> None:
        self.exercise_id, self.question_id = exercise_id, question_id
        self.numbers = numbers or anonymous_numbers(exercise_id, [a.learner_id for a in answers])
        self.items = sorted(answers, key=lambda a: (_group(a), self.numbers[a.learner_id]))
        self.index = 0
        self.reveal = False

    def __len__(self) -> int:
        return len(self.items)

    @property
    def current(self) -> Answer | None:
        """The answer on screen (None for an empty queue)."""
        return self.items[self.index] if self.items else None

    @property
    def remaining(self) -> int:
        """How many answers still need a person (还剩 N 份)."""
        return sum(a.pending for a in self.items)

    def label(self, answer: Answer | None = None) -> str:
        """``学员 #3``, or ``张三（L001）`` once names are revealed."""
        a = answer or self.current
        if a is None:
            return ""
        if self.reveal:
            return f"{a.name}（{a.learner_id}）" if a.name else a.learner_id
        return f"学员 #{self.numbers[a.learner_id]}"

    def position(self) -> str:
        """``第 3 / 30 份 · 还剩 12 份``."""
        if not self.items:
            return "没有可批改的回答"
        return f"第 {self.index + 1} / {len(self.items)} 份 · 还剩 {self.remaining} 份"

    def go(self, index: int) -> Answer | None:
        """Move to ``index`` (clamped to the queue)."""
        if self.items:
            self.index = max(0, min(index, len(self.items) - 1))
        return self.current

    def next(self) -> Answer | None:
        """The next answer (stays on the last one)."""
        return self.go(self.index + 1)

    def previous(self) -> Answer | None:
        """The previous answer (stays on the first one)."""
        return self.go(self.index - 1)

    def update(self, learner_id: str, **changes: Any) -> Answer:
        """Replace a learner's answer after a save (its place in the queue is kept)."""
        for i, a in enumerate(self.items):
            if a.learner_id == learner_id:
                self.items[i] = replace(a, **changes)
                return self.items[i]
        raise KeyError(learner_id)
