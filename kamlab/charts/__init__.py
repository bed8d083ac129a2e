"""Charts: each function takes a model's result and returns a matplotlib Figure.

Importing this package configures matplotlib once for Chinese text (see
:mod:`kamlab.charts.fonts`). ``import kamlab`` does not import it.
"""

from .fonts import configure_fonts
from .key_account_screen import draw_projection
from .matrix import draw_portfolio
from .organisation import draw_organisation
from .pareto import draw_pareto
from .proposition import draw_proposition
from .pyramid import draw_pyramid
from .radar import draw_radar
from .retention import draw_retention
from .scorecard import draw_scorecard

configure_fonts()

__all__ = ["configure_fonts", "draw_portfolio", "draw_organisation", "draw_proposition", "draw_radar", "draw_scorecard",
    "draw_pareto", "draw_pyramid", "draw_retention",
    "draw_projection",
]
