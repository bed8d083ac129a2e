"""Copy check: the book's learner-facing prose must not reuse the seeds' sentences.

Every markdown cell of ``book/*.ipynb`` (plus ``book/*.md`` and the exercise texts
``exercises/src/*.md``) is compared with every seed in ``../shared/seeds/``. Both sides
are normalised first:

* traditional characters → simplified (OpenCC ``t2s``);
* pinyin artefacts such as ``營(yíng)銷(xiāo)`` dropped (a bracketed run of Latin letters
  with at least one tone mark);
* everything that is not a Chinese character dropped (punctuation, spaces, digits,
  Latin), so a copied sentence cannot hide behind changed punctuation.

A **shared run** is a stretch of :data:`MIN_RUN` (20) or more consecutive Chinese
characters that occurs in a seed as well. Runs are found by hashing every 20-character
window of the seeds once (a set lookup per chapter window), so the whole book is
checked in well under a second.

Exempt from the check:

* a **marked quotation** — text inside Chinese quotation marks “…”, or a Markdown
  blockquote line (``> …``) — as long as it is short: at most :data:`MAX_QUOTE`
  Chinese characters. A longer quotation is checked like prose (quote briefly, write
  the rest in the book's own words);
* a run that lies wholly inside an entry of the reviewed allow-list
  ``tests/copy_allowlist.txt`` (lists of framework terms that cannot be reworded).

Run ``python scripts/copy_check.py`` to print the shared runs per chapter and the
runtime; ``tests/test_copy_check.py`` fails on any run.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALLOWLIST = ROOT / "tests" / "copy_allowlist.txt"

#: The shortest shared run (in Chinese characters) that counts as copied.
MIN_RUN = 20
#: The longest quotation (in Chinese characters) that is exempt as a marked quotation.
MAX_QUOTE = 40

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NOT_HAN = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
#: ``(yíng)`` / ``（xiāo）``: Latin letters with at least one tone mark, in brackets.
_PINYIN = re.compile(rf"[(（]\s*[a-zü{_TONES}]*[{_TONES}][a-zü{_TONES}]*\s*[)）]", re.IGNORECASE)
_QUOTE = re.compile(r"“[^“”]*”")
_FENCE = re.compile(r"^(```|~~~|:::)")


def seeds_dir() -> Path:
    """``../shared/seeds`` beside the repository (override with ``KAMLAB_SEEDS_DIR``)."""
    return Path(os.environ.get("KAMLAB_SEEDS_DIR", ROOT.parent / "shared" / "seeds"))


_converter = None
_unchanged: dict[str, bool] = {}  # character → OpenCC leaves it as it is


def _opencc():
    global _converter
    if _converter is None:
        from opencc import OpenCC

        try:
            _converter = OpenCC("t2s")
        except Exception:  # the native package wants the config file name
            _converter = OpenCC("t2s.json")
    return _converter


def to_simplified(text: str) -> str:
    """Traditional → simplified with OpenCC (``t2s``).

    The book is written in simplified characters, so most texts need no conversion:
    each distinct character is looked up once, and only a text holding a character that
    OpenCC would change is converted (as a whole, so phrase rules still apply).
    """
    converter = _opencc()
    chars = set(han_only(text))
    for ch in chars - _unchanged.keys():
        _unchanged[ch] = converter.convert(ch) == ch
    if all(_unchanged[ch] for ch in chars):
        return text
    return converter.convert(text)


def han_only(text: str) -> str:
    """Keep only the Chinese characters of ``text``."""
    return _NOT_HAN.sub("", text)


def drop_pinyin(text: str) -> str:
    """Remove bracketed pinyin artefacts such as ``(yíng)``."""
    return _PINYIN.sub("", text)


@dataclass(frozen=True)
class Seed:
    """One seed, normalised: ``text`` is Chinese characters only; ``lines[i]`` is the
    1-based line of the original file that character ``i`` came from."""

    name: str
    text: str
    lines: tuple[int, ...]


def load_seed(path: Path) -> Seed:
    chars: list[str] = []
    lines: list[int] = []
    raw = path.read_text(encoding="utf-8", errors="replace")
    for number, line in enumerate(to_simplified(drop_pinyin(raw)).splitlines(), start=1):
        kept = han_only(line)
        chars.append(kept)
        lines.extend([number] * len(kept))
    return Seed(path.name, "".join(chars), tuple(lines))


def load_seeds(directory: Path | None = None) -> list[Seed]:
    directory = directory or seeds_dir()
    if not directory.is_dir():
        raise FileNotFoundError(
            f"seeds not found at {directory}: clone the repository beside ../shared "
            "or set KAMLAB_SEEDS_DIR"
        )
    return [load_seed(p) for p in sorted(directory.glob("*.txt"))]


class SeedIndex:
    """Every :data:`MIN_RUN`-character window of the seeds → (seed, offset) of its first occurrence."""

    def __init__(self, seeds: list[Seed], k: int = MIN_RUN):
        self.k = k
        self.seeds = seeds
        self.windows: dict[str, tuple[int, int]] = {}
        for s, seed in enumerate(seeds):
            text = seed.text
            for i in range(len(text) - k + 1):
                self.windows.setdefault(text[i : i + k], (s, i))

    def where(self, window: str) -> str:
        s, i = self.windows[window]
        seed = self.seeds[s]
        return f"{seed.name}:{seed.lines[i]}"


def load_allowlist(path: Path = ALLOWLIST) -> list[str]:
    """The allow-list entries, normalised (one per line; ``#`` starts a comment)."""
    if not path.exists():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = han_only(to_simplified(line.split("#", 1)[0]))
        if text:
            entries.append(text)
    return entries


def prose_pieces(markdown: str) -> list[str]:
    """The checkable prose of one markdown text, split at every exempt quotation.

    Code fences and MyST directive fences (their option lines) are prose too when
    they hold text, so only the fence markers themselves are skipped; inline code is
    dropped (it is not Chinese anyway). Short “…” quotations and short ``>`` lines are
    cut out; each cut splits the text so that no run is joined across a quotation.
    """
    pieces: list[str] = []
    current: list[str] = []

    def cut():
        if current:
            pieces.append("".join(current))
            current.clear()

    for line in markdown.splitlines():
        stripped = line.lstrip()
        if _FENCE.match(stripped) or stripped.startswith(":class:"):
            continue
        if stripped.startswith(">"):
            if len(han_only(stripped)) <= MAX_QUOTE:
                cut()
                continue
        pos = 0
        for m in _QUOTE.finditer(line):
            current.append(line[pos : m.start()])
            if len(han_only(m.group())) <= MAX_QUOTE:
                cut()
            else:
                current.append(m.group())
            pos = m.end()
        current.append(line[pos:] + "\n")
    cut()
    return [p for p in pieces if p.strip()]


@dataclass(frozen=True)
class SharedRun:
    """A copied stretch: where in the book, how long, the text, and the seed line."""

    source: str
    cell: str
    length: int
    text: str
    seed_line: str

    def __str__(self) -> str:
        return f"{self.source} {self.cell}: {self.length} 字与 {self.seed_line} 相同：{self.text}"


def shared_runs(markdown: str, index: SeedIndex, allow: list[str], source: str, cell: str) -> list[SharedRun]:
    """The shared runs of ≥ k Chinese characters in one markdown text."""
    k = index.k
    runs = []
    for piece in prose_pieces(markdown):
        text = han_only(to_simplified(drop_pinyin(piece)))
        i, n = 0, len(text)
        while i <= n - k:
            if text[i : i + k] not in index.windows:
                i += 1
                continue
            j = i + 1
            while j <= n - k and text[j : j + k] in index.windows:
                j += 1
            run = text[i : j - 1 + k]
            if not any(run in entry for entry in allow):
                runs.append(SharedRun(source, cell, len(run), run, index.where(text[i : i + k])))
            i = j - 1 + k
    return runs


def learner_texts(root: Path = ROOT):
    """(source, cell label, markdown) for every learner-facing prose text."""
    for path in sorted((root / "book").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for i, c in enumerate(cells):
            if c["cell_type"] == "markdown":
                yield path.stem, f"cell {i}", "".join(c["source"])
    for path in sorted((root / "book").glob("*.md")) + sorted((root / "exercises" / "src").glob("*.md")):
        yield str(path.relative_to(root)), "", path.read_text(encoding="utf-8")


def check(root: Path = ROOT, seeds: list[Seed] | None = None, texts=None) -> list[SharedRun]:
    """Every shared run in the book (empty when the book is in its own words)."""
    index = SeedIndex(seeds if seeds is not None else load_seeds())
    allow = load_allowlist()
    runs: list[SharedRun] = []
    for source, cell, markdown in texts if texts is not None else learner_texts(root):
        runs.extend(shared_runs(markdown, index, allow, source, cell))
    return runs


#: the book's word for itself; counted so that the meta-layer stays small (issue 20 §5)
SELF_REFERENCE = "本书"


def self_references(texts=None, root: Path = ROOT) -> Counter:
    """How often each chapter's prose says “本书” (the introduction says once how sources are treated)."""
    counts: Counter = Counter()
    for source, _cell, markdown in texts if texts is not None else learner_texts(root):
        counts[source] += markdown.count(SELF_REFERENCE)
    return Counter({k: v for k, v in counts.items() if v})


def main(argv: list[str] | None = None) -> int:
    start = time.perf_counter()
    runs = check()
    elapsed = time.perf_counter() - start
    for run in runs:
        print(run)
    counts = Counter(r.source for r in runs)
    print("shared runs per chapter:", dict(sorted(counts.items())) or "none")
    print(f"total {len(runs)} runs, {sum(r.length for r in runs)} characters; {elapsed:.2f} s")
    mentions = self_references()
    print(f"“{SELF_REFERENCE}” per chapter:", dict(sorted(mentions.items())) or "none")
    print(f"total “{SELF_REFERENCE}”: {sum(mentions.values())}")
    return 1 if runs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
