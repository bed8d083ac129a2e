"""KAM Lab: calculators for the key-account marketing (大客户营销) training book.

The public surface a chapter may import. Models are pure (pandas in, result
objects out); charts live in :mod:`kamlab.charts` and widgets in
:mod:`kamlab.widgets`.

Every public name is loaded on first use (PEP 562), so ``import kamlab`` costs a
few milliseconds and imports neither pandas, matplotlib nor ipywidgets; the
first ``kamlab.score_attractiveness`` pays for pandas once.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from .errors import InputError as InputError

__version__ = "0.1.0"

#: submodule -> the public names it provides
_PUBLIC: dict[str, tuple[str, ...]] = {
    "attractiveness": (
        "AttractivenessResult",
        "DEFAULT_ATTRACTIVENESS",
        "DEFAULT_BUYING_CRITERIA",
        "DEFAULT_VULNERABILITY",
        "PortfolioResult",
        "SELECTION_SCHEME",
        "StrengthResult",
        "VULNERABILITY_SCHEME",
        "business_strength",
        "score_attractiveness",
        "selection_matrix",
        "vulnerability_matrix",
    ),
    "benchmark": ("BenchmarkResult", "compare_benchmark"),
    "benefit_ranking": ("BenefitRankingResult", "rank_benefits"),
    "competition": ("CompetitionResult", "competitor_grid"),
    "errors": ("InputError",),
    "global_readiness": ("ReadinessResult", "assess_global_readiness"),
    "goals": ("GoalResult", "appraisal_by_stage", "set_targets"),
    "industry": ("DEFAULT_INDUSTRY_WEIGHTS", "IndustryResult", "prioritise_industries"),
    "internal_diagnosis": ("DiagnosisResult", "diagnose_accounts"),
    "key_account_screen": (
        "ProjectionResult",
        "ScreenResult",
        "project_purchases",
        "screen_accounts",
    ),
    "kraljic": ("KRALJIC_SCHEME", "KraljicResult", "classify_purchases"),
    "lifetime_value": ("LifetimeValueResult", "customer_lifetime_value"),
    "matrix": ("MatrixScheme", "Quadrant"),
    "organisation": ("OrganisationFacts", "OrganisationResult", "choose_organisation"),
    "pareto": ("ParetoResult", "pareto_analysis"),
    "partnership": ("PartnershipResult", "assess_partnership"),
    "pipeline": ("PipelineResult", "forecast"),
    "proposition": ("ValueProposition", "build_proposition"),
    "pyramid": (
        "tier_changes",
        "DEFAULT_VALUE_SCORECARD",
        "PyramidResult",
        "customer_pyramid",
        "value_scorecard",
    ),
    "relationship_stage": ("StageResult", "diagnose_stage"),
    "retention": ("RetentionAssumptions", "RetentionResult", "customer_npv", "retention_uplift"),
    "sample_data": ("load_sample",),
    "scorecard": ("ScorecardResult", "score_quarters"),
    "synergy": ("SynergyResult", "score_synergies"),
    "trust_ladder": ("LadderResult", "assess_ladder"),
    "value_index": ("DEFAULT_VALUE_CRITERIA", "ValueIndexResult", "value_for_money"),
    "weighted": ("Criteria", "ScoredTable", "score_table", "weighted_scores"),
}
#: public name -> (submodule, attribute) where the public name differs
_ALIASES = {"PIPELINE_STAGES": ("pipeline", "STAGES")}
_WHERE = {name: (module, name) for module, names in _PUBLIC.items() for name in names} | _ALIASES

__all__ = sorted(["InputError", *_WHERE])


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'kamlab' has no attribute {name!r}")
    module, attribute = _WHERE[name]
    value = getattr(import_module(f".{module}", __name__), attribute)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
