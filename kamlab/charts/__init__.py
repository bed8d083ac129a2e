"""Charts: each function takes a model's result and returns a matplotlib Figure.

The first chart drawn configures matplotlib once for Chinese text (see
:mod:`kamlab.charts.fonts`); importing this package does not, so it imports
even where no CJK font is installed. ``import kamlab`` does not import it.
"""

from ._base import draw_radar
from .benchmark import draw_benchmark
from .benefit_ranking import draw_benefit_ranking
from .competition import draw_competition
from .fonts import configure_fonts
from .global_readiness import draw_readiness
from .goals import draw_goals
from .industry import draw_industries
from .internal_diagnosis import draw_diagnosis
from .key_account_screen import draw_projection
from .kraljic import draw_kraljic
from .lifetime_value import draw_lifetime_value
from .matrix import PortfolioChart, draw_portfolio
from .organisation import draw_organisation
from .pareto import draw_pareto
from .partnership import draw_partnership
from .pipeline import draw_funnel
from .proposition import draw_proposition
from .pyramid import draw_pyramid
from .relationship_stage import draw_stage
from .retention import draw_retention
from .scorecard import draw_scorecard
from .selection import SelectionChart, draw_selection
from .synergy import draw_synergy
from .trust_ladder import draw_ladder
from .value_index import draw_value_index

__all__ = [
    "PortfolioChart",
    "SelectionChart",
    "configure_fonts",
    "draw_benchmark",
    "draw_benefit_ranking",
    "draw_competition",
    "draw_diagnosis",
    "draw_funnel",
    "draw_goals",
    "draw_industries",
    "draw_kraljic",
    "draw_ladder",
    "draw_lifetime_value",
    "draw_organisation",
    "draw_pareto",
    "draw_partnership",
    "draw_portfolio",
    "draw_projection",
    "draw_proposition",
    "draw_pyramid",
    "draw_radar",
    "draw_readiness",
    "draw_retention",
    "draw_scorecard",
    "draw_selection",
    "draw_stage",
    "draw_synergy",
    "draw_value_index",
]
