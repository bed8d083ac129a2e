"""Configure matplotlib for Chinese glyphs, once.

The set-up (``make setup``) installs Debian's ``fonts-wqy-microhei`` (or
``fonts-noto-cjk``). This module finds the first available CJK family, registers
the file with matplotlib's font manager (no cache rebuild needed) and puts it
first in ``font.sans-serif``. Without a CJK font it raises a clear error rather
than drawing boxes.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
from matplotlib import font_manager

# Importing pyplot lets Jupyter's inline backend register its PNG formatter, so a
# returned Figure displays as a picture; the charts themselves never use pyplot
# state (they build ``Figure`` objects directly, so nothing is shown twice).
from matplotlib import pyplot as plt  # noqa: F401

#: Candidate files (Debian paths) and the family names they register.
CANDIDATES = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "WenQuanYi Micro Hei"),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "WenQuanYi Zen Hei"),
)

_configured: str | None = None


class FontMissingError(RuntimeError):
    """No CJK font is installed: charts would show boxes instead of Chinese."""


def configure_fonts() -> str:
    """Register a CJK font with matplotlib and return its family name."""
    global _configured
    if _configured:
        return _configured
    env_font = os.environ.get("KAMLAB_CJK_FONT")
    candidates = ((env_font, Path(env_font).stem),) if env_font else CANDIDATES
    for path, family in candidates:
        if Path(path).exists():
            font_manager.fontManager.addfont(path)
            if env_font:
                family = font_manager.FontProperties(fname=path).get_name()
            break
    else:
        raise FontMissingError(
            "未找到中文字体，图表中的汉字会显示为方框。请先运行 `make setup`"
            "（安装 fonts-wqy-microhei），或设置环境变量 KAMLAB_CJK_FONT 指向一个中文字体文件。"
        )
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    matplotlib.rcParams["figure.dpi"] = 100
    _configured = family
    return family
