"""Thin ipywidgets UIs over the kamlab models (imported on demand)."""

from .benchmark import BenchmarkWidget, benchmark_widget
from .benefit_ranking import BenefitRankingWidget, benefit_ranking_widget
from .chapter_work import chapter
from .competition import CompetitionWidget, competition_widget
from .exercise import ExerciseAnswers, exercise_answers
from .global_readiness import ReadinessWidget, readiness_widget
from .goals import GoalsWidget, goals_widget
from .industry import IndustryWidget, industry_widget
from .internal_diagnosis import DiagnosisWidget, diagnosis_widget
from .key_account_screen import ProjectionWidget, ScreenWidget, projection_widget, screen_widget
from .kraljic import KraljicWidget, kraljic_widget
from .lifetime_value import LifetimeValueWidget, lifetime_value_widget
from .organisation import OrganisationWidget, organisation_widget
from .pareto import ParetoWidget, pareto_widget
from .partnership import PartnershipWidget, partnership_widget
from .pipeline import PipelineWidget, pipeline_widget
from .plan import PlanWidget, plan_widget
from .profile import ProfileWidget, profile_widget
from .proposition import PropositionWidget, proposition_widget
from .pyramid import PyramidWidget, ValueScorecardWidget, pyramid_widget, value_scorecard_widget
from .quiz import QuizWidget, quiz_widget
from .relationship_stage import StageWidget, stage_widget
from .retention import RetentionWidget, retention_widget
from .scorecard import ScorecardWidget, scorecard_widget
from .selection import SelectionWidget, StrengthWidget, selection_widget, strength_widget
from .synergy import SynergyWidget, synergy_widget
from .table import EditableTable
from .trust_ladder import LadderWidget, ladder_widget
from .value_index import ValueIndexWidget, value_index_widget
from .worksheet import WorksheetWidget, worksheet_widget

__all__ = [
    "chapter",
    "PlanWidget",
    "plan_widget",
    "ProfileWidget",
    "profile_widget",
    "EditableTable",
    "ExerciseAnswers",
    "exercise_answers",
    "OrganisationWidget",
    "PropositionWidget",
    "SelectionWidget",
    "StrengthWidget",
    "organisation_widget",
    "proposition_widget",
    "QuizWidget",
    "quiz_widget",
    "selection_widget",
    "strength_widget",
    "WorksheetWidget",
    "worksheet_widget",
    "ScorecardWidget",
    "scorecard_widget",
    "ParetoWidget",
    "pareto_widget",
    "PyramidWidget",
    "pyramid_widget",
    "ValueScorecardWidget",
    "value_scorecard_widget",
    "RetentionWidget",
    "retention_widget",
    "ProjectionWidget",
    "ScreenWidget",
    "projection_widget",
    "screen_widget",
    "BenefitRankingWidget",
    "benefit_ranking_widget",
    "ReadinessWidget",
    "readiness_widget",
    "KraljicWidget",
    "kraljic_widget",
    "LifetimeValueWidget",
    "lifetime_value_widget",
    "PartnershipWidget",
    "partnership_widget",
    "PipelineWidget",
    "pipeline_widget",
    "StageWidget",
    "stage_widget",
    "CompetitionWidget",
    "competition_widget",
    "IndustryWidget",
    "industry_widget",
    "BenchmarkWidget",
    "DiagnosisWidget",
    "benchmark_widget",
    "diagnosis_widget",
    "SynergyWidget",
    "synergy_widget",
    "ValueIndexWidget",
    "value_index_widget",
    "GoalsWidget",
    "goals_widget",
    "LadderWidget",
    "ladder_widget",
]
