"""KAM Lab: calculators for the key-account marketing (大客户营销) training book.

The public surface a chapter may import. Models are pure (pandas in, result
objects out); charts live in :mod:`kamlab.charts` and widgets in
:mod:`kamlab.widgets`, which are imported lazily so ``import kamlab`` stays fast
and imports neither matplotlib nor ipywidgets.
"""

from .attractiveness import (
    DEFAULT_ATTRACTIVENESS,
    DEFAULT_BUYING_CRITERIA,
    DEFAULT_VULNERABILITY,
    SELECTION_SCHEME,
    VULNERABILITY_SCHEME,
    AttractivenessResult,
    PortfolioResult,
    StrengthResult,
    business_strength,
    score_attractiveness,
    selection_matrix,
    vulnerability_matrix,
)
from .errors import InputError
from .matrix import MatrixScheme, Quadrant
from .organisation import OrganisationFacts, OrganisationResult, choose_organisation
from .pareto import ParetoResult, pareto_analysis
from .proposition import ValueProposition, build_proposition
from .pyramid import DEFAULT_VALUE_SCORECARD, PyramidResult, customer_pyramid, value_scorecard
from .retention import RetentionAssumptions, RetentionResult, customer_npv, retention_uplift
from .sample_data import load_sample
from .scorecard import ScorecardResult, score_quarters
from .weighted import Criteria, weighted_scores

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_ATTRACTIVENESS",
    "DEFAULT_BUYING_CRITERIA",
    "DEFAULT_VULNERABILITY",
    "SELECTION_SCHEME",
    "VULNERABILITY_SCHEME",
    "AttractivenessResult",
    "Criteria",
    "InputError",
    "MatrixScheme",
    "OrganisationFacts",
    "OrganisationResult",
    "PortfolioResult",
    "Quadrant",
    "StrengthResult",
    "ValueProposition",
    "score_attractiveness",
    "build_proposition",
    "load_sample",
    "business_strength",
    "choose_organisation",
    "selection_matrix",
    "vulnerability_matrix",
    "weighted_scores",
    "ScorecardResult",
    "score_quarters",
    "ParetoResult",
    "pareto_analysis",
    "DEFAULT_VALUE_SCORECARD",
    "PyramidResult",
    "customer_pyramid",
    "value_scorecard",
    "RetentionAssumptions",
    "RetentionResult",
    "customer_npv",
    "retention_uplift",
]
