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
from .benchmark import BenchmarkResult, compare_benchmark
from .benefit_ranking import BenefitRankingResult, rank_benefits
from .competition import CompetitionResult, competitor_grid
from .errors import InputError
from .global_readiness import ReadinessResult, global_readiness
from .goals import GoalResult, appraisal_by_stage, set_targets
from .industry import DEFAULT_INDUSTRY_WEIGHTS, IndustryResult, prioritise_industries
from .internal_diagnosis import DiagnosisResult, diagnose_accounts
from .key_account_screen import ProjectionResult, ScreenResult, project_purchases, screen_accounts
from .kraljic import KRALJIC_SCHEME, KraljicResult, classify_purchases
from .lifetime_value import LifetimeValueResult, lifetime_value
from .matrix import MatrixScheme, Quadrant
from .organisation import OrganisationFacts, OrganisationResult, choose_organisation
from .pareto import ParetoResult, pareto_analysis
from .partnership import PartnershipResult, assess_partnership
from .pipeline import STAGES as PIPELINE_STAGES
from .pipeline import PipelineResult, forecast
from .proposition import ValueProposition, build_proposition
from .pyramid import DEFAULT_VALUE_SCORECARD, PyramidResult, customer_pyramid, value_scorecard
from .relationship_stage import StageResult, diagnose_stage
from .retention import RetentionAssumptions, RetentionResult, customer_npv, retention_uplift
from .sample_data import load_sample
from .scorecard import ScorecardResult, score_quarters
from .synergy import SynergyResult, score_synergies
from .trust_ladder import LadderResult, assess_ladder
from .value_index import DEFAULT_VALUE_CRITERIA, ValueIndexResult, value_for_money
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
    "BenefitRankingResult",
    "rank_benefits",
    "ReadinessResult",
    "global_readiness",
    "KRALJIC_SCHEME",
    "KraljicResult",
    "classify_purchases",
    "LifetimeValueResult",
    "lifetime_value",
    "PartnershipResult",
    "assess_partnership",
    "PIPELINE_STAGES",
    "PipelineResult",
    "forecast",
    "StageResult",
    "diagnose_stage",
    "ProjectionResult",
    "ScreenResult",
    "project_purchases",
    "screen_accounts",
    "DiagnosisResult",
    "diagnose_accounts",
    "CompetitionResult",
    "competitor_grid",
    "DEFAULT_INDUSTRY_WEIGHTS",
    "IndustryResult",
    "prioritise_industries",
    "SynergyResult",
    "score_synergies",
    "GoalResult",
    "appraisal_by_stage",
    "set_targets",
    "DEFAULT_VALUE_CRITERIA",
    "ValueIndexResult",
    "value_for_money",
    "LadderResult",
    "assess_ladder",
    "BenchmarkResult",
    "compare_benchmark",
]
