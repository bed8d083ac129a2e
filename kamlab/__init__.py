"""KAM Lab: calculators for the key-account marketing (大客户营销) training book.

The public surface a chapter may import. Models are pure (pandas in, result
objects out); charts live in :mod:`kamlab.charts` and widgets in
:mod:`kamlab.widgets`.

Every public name is loaded on first use (PEP 562), so ``import kamlab`` costs a
few milliseconds and imports neither pandas, matplotlib nor ipywidgets; the
first ``kamlab.score_attractiveness`` pays for pandas once. The ``TYPE_CHECKING``
block lists the same names as real imports, so editors and type checkers see
them (it never runs).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import InputError as InputError

__version__ = "0.1.0"

#: submodule -> the public names it provides
_PUBLIC: dict[str, tuple[str, ...]] = {
    "selection": (
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
    "running_case": ("RunningCase", "load_case"),
    "sample_data": ("load_sample",),
    "scorecard": ("ScorecardResult", "score_quarters"),
    "synergy": ("SYNERGIES", "SynergyResult", "score_synergies"),
    "trust_ladder": ("LadderResult", "assess_ladder"),
    "value_index": ("DEFAULT_VALUE_CRITERIA", "ValueIndexResult", "value_for_money"),
    "weighted": ("Criteria", "ScoredTable", "score_table", "weighted_scores"),
}
#: public name -> (submodule, attribute) where the public name differs
#: (modules that share an attribute name get a prefixed public name)
_ALIASES = {
    "PIPELINE_STAGES": ("pipeline", "STAGES"),
    "PARTNERSHIP_DRIVERS": ("partnership", "DRIVERS"),
    "PARTNERSHIP_FACILITATORS": ("partnership", "FACILITATORS"),
    "READINESS_DRIVERS": ("global_readiness", "DRIVERS"),
    "READINESS_EXTERNAL": ("global_readiness", "EXTERNAL"),
    "LADDER_ITEMS": ("trust_ladder", "ITEMS"),
    "STAGE_INDICATORS": ("relationship_stage", "INDICATORS"),
    "SCORECARD_COLUMNS": ("scorecard", "INPUT_COLUMNS"),
}
_WHERE = {name: (module, name) for module, names in _PUBLIC.items() for name in names} | _ALIASES

__all__ = sorted(["InputError", *_WHERE])

if TYPE_CHECKING:  # what editors and type checkers see; kept equal to _PUBLIC/_ALIASES by a test
    from .benchmark import (
        BenchmarkResult as BenchmarkResult,
    )
    from .benchmark import (
        compare_benchmark as compare_benchmark,
    )
    from .benefit_ranking import (
        BenefitRankingResult as BenefitRankingResult,
    )
    from .benefit_ranking import (
        rank_benefits as rank_benefits,
    )
    from .competition import (
        CompetitionResult as CompetitionResult,
    )
    from .competition import (
        competitor_grid as competitor_grid,
    )
    from .global_readiness import (
        DRIVERS as READINESS_DRIVERS,  # noqa: F401 - exported through __all__
    )
    from .global_readiness import (
        EXTERNAL as READINESS_EXTERNAL,  # noqa: F401 - exported through __all__
    )
    from .global_readiness import (
        ReadinessResult as ReadinessResult,
    )
    from .global_readiness import (
        assess_global_readiness as assess_global_readiness,
    )
    from .goals import (
        GoalResult as GoalResult,
    )
    from .goals import (
        appraisal_by_stage as appraisal_by_stage,
    )
    from .goals import (
        set_targets as set_targets,
    )
    from .industry import (
        DEFAULT_INDUSTRY_WEIGHTS as DEFAULT_INDUSTRY_WEIGHTS,
    )
    from .industry import (
        IndustryResult as IndustryResult,
    )
    from .industry import (
        prioritise_industries as prioritise_industries,
    )
    from .internal_diagnosis import (
        DiagnosisResult as DiagnosisResult,
    )
    from .internal_diagnosis import (
        diagnose_accounts as diagnose_accounts,
    )
    from .key_account_screen import (
        ProjectionResult as ProjectionResult,
    )
    from .key_account_screen import (
        ScreenResult as ScreenResult,
    )
    from .key_account_screen import (
        project_purchases as project_purchases,
    )
    from .key_account_screen import (
        screen_accounts as screen_accounts,
    )
    from .kraljic import (
        KRALJIC_SCHEME as KRALJIC_SCHEME,
    )
    from .kraljic import (
        KraljicResult as KraljicResult,
    )
    from .kraljic import (
        classify_purchases as classify_purchases,
    )
    from .lifetime_value import (
        LifetimeValueResult as LifetimeValueResult,
    )
    from .lifetime_value import (
        customer_lifetime_value as customer_lifetime_value,
    )
    from .matrix import (
        MatrixScheme as MatrixScheme,
    )
    from .matrix import (
        Quadrant as Quadrant,
    )
    from .organisation import (
        OrganisationFacts as OrganisationFacts,
    )
    from .organisation import (
        OrganisationResult as OrganisationResult,
    )
    from .organisation import (
        choose_organisation as choose_organisation,
    )
    from .pareto import (
        ParetoResult as ParetoResult,
    )
    from .pareto import (
        pareto_analysis as pareto_analysis,
    )
    from .partnership import (
        DRIVERS as PARTNERSHIP_DRIVERS,  # noqa: F401 - exported through __all__
    )
    from .partnership import (
        FACILITATORS as PARTNERSHIP_FACILITATORS,  # noqa: F401 - exported through __all__
    )
    from .partnership import (
        PartnershipResult as PartnershipResult,
    )
    from .partnership import (
        assess_partnership as assess_partnership,
    )
    from .pipeline import (
        STAGES as PIPELINE_STAGES,  # noqa: F401 - exported through __all__
    )
    from .pipeline import (
        PipelineResult as PipelineResult,
    )
    from .pipeline import (
        forecast as forecast,
    )
    from .proposition import (
        ValueProposition as ValueProposition,
    )
    from .proposition import (
        build_proposition as build_proposition,
    )
    from .pyramid import (
        DEFAULT_VALUE_SCORECARD as DEFAULT_VALUE_SCORECARD,
    )
    from .pyramid import (
        PyramidResult as PyramidResult,
    )
    from .pyramid import (
        customer_pyramid as customer_pyramid,
    )
    from .pyramid import (
        tier_changes as tier_changes,
    )
    from .pyramid import (
        value_scorecard as value_scorecard,
    )
    from .relationship_stage import (
        INDICATORS as STAGE_INDICATORS,  # noqa: F401 - exported through __all__
    )
    from .relationship_stage import (
        StageResult as StageResult,
    )
    from .relationship_stage import (
        diagnose_stage as diagnose_stage,
    )
    from .retention import (
        RetentionAssumptions as RetentionAssumptions,
    )
    from .retention import (
        RetentionResult as RetentionResult,
    )
    from .retention import (
        customer_npv as customer_npv,
    )
    from .retention import (
        retention_uplift as retention_uplift,
    )
    from .running_case import (
        RunningCase as RunningCase,
    )
    from .running_case import (
        load_case as load_case,
    )
    from .sample_data import (
        load_sample as load_sample,
    )
    from .scorecard import (
        INPUT_COLUMNS as SCORECARD_COLUMNS,  # noqa: F401 - exported through __all__
    )
    from .scorecard import (
        ScorecardResult as ScorecardResult,
    )
    from .scorecard import (
        score_quarters as score_quarters,
    )
    from .selection import (
        DEFAULT_ATTRACTIVENESS as DEFAULT_ATTRACTIVENESS,
    )
    from .selection import (
        DEFAULT_BUYING_CRITERIA as DEFAULT_BUYING_CRITERIA,
    )
    from .selection import (
        DEFAULT_VULNERABILITY as DEFAULT_VULNERABILITY,
    )
    from .selection import (
        SELECTION_SCHEME as SELECTION_SCHEME,
    )
    from .selection import (
        VULNERABILITY_SCHEME as VULNERABILITY_SCHEME,
    )
    from .selection import (
        AttractivenessResult as AttractivenessResult,
    )
    from .selection import (
        PortfolioResult as PortfolioResult,
    )
    from .selection import (
        StrengthResult as StrengthResult,
    )
    from .selection import (
        business_strength as business_strength,
    )
    from .selection import (
        score_attractiveness as score_attractiveness,
    )
    from .selection import (
        selection_matrix as selection_matrix,
    )
    from .selection import (
        vulnerability_matrix as vulnerability_matrix,
    )
    from .synergy import (
        SYNERGIES as SYNERGIES,
    )
    from .synergy import (
        SynergyResult as SynergyResult,
    )
    from .synergy import (
        score_synergies as score_synergies,
    )
    from .trust_ladder import (
        ITEMS as LADDER_ITEMS,  # noqa: F401 - exported through __all__
    )
    from .trust_ladder import (
        LadderResult as LadderResult,
    )
    from .trust_ladder import (
        assess_ladder as assess_ladder,
    )
    from .value_index import (
        DEFAULT_VALUE_CRITERIA as DEFAULT_VALUE_CRITERIA,
    )
    from .value_index import (
        ValueIndexResult as ValueIndexResult,
    )
    from .value_index import (
        value_for_money as value_for_money,
    )
    from .weighted import (
        Criteria as Criteria,
    )
    from .weighted import (
        ScoredTable as ScoredTable,
    )
    from .weighted import (
        score_table as score_table,
    )
    from .weighted import (
        weighted_scores as weighted_scores,
    )


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'kamlab' has no attribute {name!r}")
    module, attribute = _WHERE[name]
    value = getattr(import_module(f".{module}", __name__), attribute)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
