"""我的大客户计划: one key-account plan assembled from a learner's saved work.

A learner who works through the book on their own company leaves with a plan in
five sections, each piece naming the chapter and the tool it came from:

1. 公司与大客户组合 — own accounts on the selection matrix (both views), Pareto, pyramid;
2. 组织与人 — the structure chosen with its reasons, the team form, the roles;
3. 重点客户 — for each key account its place on the matrix, and the single-account
   tools (value proposition card, relationship stage, Kraljic position from the
   account's side, CLV and retention case);
4. 开发与目标 — pipeline and weighted forecast, next year's target by three methods;
5. 行动清单 — every action written in a worksheet, with owner and date where given.

Pure: :func:`build_plan` takes a :class:`SavedWork` (what the answer files hold,
read by :mod:`kamlab.saved_work`) and recomputes every number with the models'
own functions. A piece that is not saved yet is listed as missing with the
chapter that fills it (“还差：王渊 第二讲 · 大客户开发管道”); a saved piece that
no longer computes says why. :func:`example_work` is the same work filled from
the book's sample data (the plan chapter shows it before the learner has saved anything).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .errors import InputError
from .profile import EXAMPLE, CompanyProfile

#: slug -> (course, lecture, title)
CHAPTERS: dict[str, tuple[str, str, str]] = {
    "ye-01": ("叶敦明", "第一讲", "企业营销战略诊断"),
    "ye-02": ("叶敦明", "第二讲", "深入把握大客户营销"),
    "ye-03": ("叶敦明", "第三讲", "大客户营销战略的诊断"),
    "ye-04": ("叶敦明", "第四讲", "大客户营销组织的三种类型"),
    "ye-05": ("叶敦明", "第五讲", "大客户营销组织的目标制定方式"),
    "ye-06": ("叶敦明", "第六讲", "品牌塑造与传播"),
    "wang-00": ("王渊", "前言", "大客户开发管理势在必行"),
    "wang-01": ("王渊", "第一讲", "大客户开发管理的前期准备"),
    "wang-02": ("王渊", "第二讲", "大客户的中期开发"),
    "wang-03": ("王渊", "第三讲", "大客户管理的后期维护"),
    "wang-04": ("王渊", "第四讲", "全球大客户管理"),
    "ding-01": ("丁兴良", "第一讲", "大客户是提升营销战略性的支柱"),
    "ding-02": ("丁兴良", "第二讲", "大客户战略营销：六步分析法"),
    "ding-03": ("丁兴良", "第三讲", "大客户开发：四度理论与九字诀"),
    "ding-04": ("丁兴良", "第四讲", "大客户管理与服务"),
}

#: chapter -> calculators saved in its answer file (store key -> tool name)
CALCULATORS: dict[str, dict[str, str]] = {
    "ye-01": {"scorecard": "四维评估计分卡"},
    "ye-02": {"projection": "采购量预测", "screen": "大客户筛选"},
    "ye-03": {"benchmark": "标杆对比", "diagnosis": "大客户内部诊断"},
    "ye-04": {"organisation": "组织结构选择模型", "synergy": "内部协同评估"},
    "ye-05": {"goals": "三种目标制定方法"},
    "ye-06": {"ladder": "价值三阶梯"},
    "wang-00": {},
    "wang-01": {"organisation": "组织结构选择模型", "strength": "相对业务实力",
                "selection": "大客户吸引力计算表与选择矩阵", "proposition": "四象限价值主张"},
    "wang-02": {"benefit_ranking": "利益排序", "pipeline": "大客户开发管道与加权预测"},
    "wang-03": {"lifetime_value": "客户终生价值", "stage": "关系阶段诊断",
                "kraljic": "卡拉杰克矩阵", "partnership": "伙伴关系评估"},
    "wang-04": {"readiness": "全球大客户管理准备度"},
    "ding-01": {"pareto": "80/20 分析", "pyramid": "客户金字塔", "value_scorecard": "客户价值计分卡",
                "retention": "留存率提升的价值"},
    "ding-02": {"industry": "行业优先级", "competition": "竞争对手对比"},
    "ding-03": {"value_index": "客户价值指数"},
    "ding-04": {},
}

#: chapter -> worksheets (saved in their own answer files)
WORKSHEETS: dict[str, tuple[str, ...]] = {
    "ye-03": ("ye-03-pest", "ye-03-five-forces"),
    "ye-04": ("ye-04-partners",),
    "wang-00": ("wang-00-current-state",),
    "wang-02": ("wang-02-account-plan",),
    "ding-03": ("ding-03-key-person",),
    "ding-04": ("ding-04-strategy-canvas",),
}

#: worksheet -> field keys that hold actions (one action per line)
ACTION_FIELDS: dict[str, tuple[str, ...]] = {
    "wang-00-current-state": ("in_action", "grow_action", "keep_action", "top_three"),
    "wang-02-account-plan": ("actions",),
    "ye-03-pest": ("actions",),
    "ding-03-key-person": ("s1_do", "s2_do", "s3_do", "gaps"),
    "ding-04-strategy-canvas": ("service", "review"),
}

#: worksheet -> field keys that describe roles and team (section 2)
ROLE_FIELDS: dict[str, tuple[str, ...]] = {
    "ye-04-partners": ("air", "ground", "share", "upstream"),
    "ding-04-strategy-canvas": ("owner",),
}

SECTION_TITLES = ("公司与大客户组合", "组织与人", "重点客户", "开发与目标", "行动清单")

#: the selection matrix quadrant whose accounts are key when the learner marked none
KEY_QUADRANT = "HH"


def chapter_label(slug: str) -> str:
    """``王渊 第二讲 大客户的中期开发``."""
    course, lecture, title = CHAPTERS.get(slug, ("", slug, ""))
    return " ".join(p for p in (course, lecture, title) if p)


@dataclass(frozen=True)
class SavedWork:
    """A learner's saved work, as read from the answer files.

    Attributes:
        calculators: chapter -> store key -> the calculator's raw inputs.
        worksheets: worksheet id -> field key -> text.
        quizzes: chapter -> {"answered": n, "correct": n, "total": n}.
        profile: the company profile.
        key_accounts: accounts the learner marked as key (empty: the 战略客户 quadrant).
        example: this is the book's example work, not a learner's.
        assessed_account: the key account the single-account tools (relationship stage,
            Kraljic, CLV, retention) were worked for; "" when not said.
    """

    calculators: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    worksheets: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    quizzes: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    profile: CompanyProfile = EXAMPLE
    key_accounts: tuple[str, ...] = ()
    example: bool = False
    assessed_account: str = ""

    def state(self, chapter: str, key: str) -> Any:
        """A calculator's saved inputs, or None."""
        return (self.calculators.get(chapter) or {}).get(key)


@dataclass(frozen=True)
class Piece:
    """One tool's contribution to a section.

    Attributes:
        chapter: the chapter slug it came from; tool: the tool's name.
        heading: the piece's heading; lines: sentences to print.
        tables: (caption, frame) pairs; charts: (caption, kind, result) for the exporters.
        account: the key account it belongs to (section 3), or "".
    """

    chapter: str
    tool: str
    heading: str
    lines: tuple[str, ...] = ()
    tables: tuple[tuple[str, pd.DataFrame], ...] = ()
    charts: tuple[tuple[str, str, Any], ...] = ()
    account: str = ""

    @property
    def source(self) -> str:
        """``来自：王渊 第一讲 … · 大客户吸引力计算表与选择矩阵`` (a piece from many chapters: its tool only)."""
        if not self.chapter:
            return f"来自：{self.tool}"
        return f"来自：{chapter_label(self.chapter)} · {self.tool}"


@dataclass(frozen=True)
class Missing:
    """A piece not saved yet (or not computable), with the chapter that fills it."""

    chapter: str
    tool: str
    reason: str = ""

    @property
    def text(self) -> str:
        """``还差：王渊 第二讲 · 大客户开发管道与加权预测``."""
        course, lecture, _ = CHAPTERS.get(self.chapter, ("", self.chapter, ""))
        text = f"还差：{course} {lecture} · {self.tool}"
        return f"{text}（{self.reason}）" if self.reason else text

    @property
    def link(self) -> str:
        """The chapter notebook that fills it."""
        return f"{self.chapter}.ipynb"


@dataclass(frozen=True)
class Section:
    """One of the plan's five sections."""

    number: int
    title: str
    pieces: tuple[Piece, ...]
    missing: tuple[Missing, ...]


@dataclass(frozen=True)
class Action:
    """One action line from a worksheet."""

    text: str
    owner: str
    due: str
    chapter: str
    source: str


@dataclass(frozen=True)
class KeyAccountPlan:
    """The assembled plan.

    Attributes:
        profile: whose plan it is.
        sections: the five sections in order.
        progress: per chapter: 章节, 计算器, 工作表, 自测 (done / total).
        actions: the action list of section 5.
        key_accounts: the accounts section 3 covers.
        is_example: built from the book's example data.
    """

    profile: CompanyProfile
    sections: tuple[Section, ...]
    progress: pd.DataFrame
    actions: tuple[Action, ...]
    key_accounts: tuple[str, ...]
    is_example: bool = False

    @property
    def missing(self) -> list[Missing]:
        """Every missing piece, section by section."""
        return [m for s in self.sections for m in s.missing]

    @property
    def title(self) -> str:
        """``某公司 大客户计划``."""
        return f"{self.profile.company} 大客户计划"

    def section(self, title: str) -> Section:
        """The section with this title."""
        return next(s for s in self.sections if s.title == title)

    def action_frame(self) -> pd.DataFrame:
        """Section 5 as a table."""
        return pd.DataFrame([(a.text, a.owner, a.due, chapter_label(a.chapter), a.source) for a in self.actions],
                            columns=["行动", "负责人", "时间", "章节", "出处"])

    def _repr_html_(self) -> str:
        from .plan_export import to_html

        return to_html(self)


# --- reading saved inputs ---------------------------------------------------------------


def _get(state: Any, name: str, position: int, default: Any = None) -> Any:
    """A saved input by its name, or by its position for calculators saved positionally."""
    if not isinstance(state, Mapping):
        return default
    if name in state:
        return state[name]
    return state.get(str(position), default)


def _rows(value: Any) -> list[dict[str, str]]:
    if not isinstance(value, list):
        return []
    out = []
    for row in value:
        if isinstance(row, Mapping):
            out.append({str(k): "" if v is None else str(v) for k, v in row.items()})
    return out


def _frame(rows: list[dict[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows) if rows else pd.DataFrame()


def _number(text: object) -> float | None:
    try:
        value = float(str(text).replace(",", "").strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def account_rows(work: SavedWork) -> list[dict[str, str]]:
    """The learner's account list: the profile's, else the selection calculator's, else none."""
    if not work.profile.is_example:
        return [dict(r) for r in work.profile.accounts]
    return _rows(_get(work.state("wang-01", "selection"), "accounts", 1))


# --- section 1 --------------------------------------------------------------------------


def _selection(work: SavedWork, unit: str) -> tuple[list[Piece], list[Missing], Any]:
    import kamlab

    state = work.state("wang-01", "selection")
    tool = CALCULATORS["wang-01"]["selection"]
    if state is None:
        return [], [Missing("wang-01", tool)], None
    criteria = {r.get("标准", ""): r.get("权重", "") for r in _rows(_get(state, "criteria", 0))}
    accounts = _frame(_rows(_get(state, "accounts", 1)))
    try:
        scored = kamlab.score_attractiveness(kamlab.Criteria.from_mapping(criteria, "吸引力权重"), accounts).table
        y_cut = float(_get(state, "y_cut", 3, 5.0))
        x_cut = float(_get(state, "x_cut", 4, 1.0))
        chosen = kamlab.selection_matrix(scored, kamlab.SELECTION_SCHEME.with_cuts(x_cut, y_cut))
        views = [("选择矩阵（吸引力 × 相对实力）", "portfolio", chosen)]
        if "易损性" in scored.columns and (scored["易损性"].astype(str).str.strip() != "").all():
            second = kamlab.vulnerability_matrix(scored, kamlab.VULNERABILITY_SCHEME.with_cuts(
                float(_get(state, "v_cut", 5, kamlab.VULNERABILITY_SCHEME.x_cut)), y_cut))
            views.append(("第二视角（吸引力 × 易损性）", "portfolio", second))
    except (InputError, TypeError, ValueError) as error:
        return [], [Missing("wang-01", tool, f"已保存的输入无法计算：{error}")], None
    counts = chosen.counts().reset_index().rename(columns={"象限": "象限", "销售额": f"销售额（{unit}）"})
    lines = [f"共 {len(chosen.table)} 家客户；" + "；".join(
        f"{row['象限']} {int(row['客户数'])} 家" for _, row in counts.iterrows()) + "。"]
    table = chosen.table[["客户", "销售额", "吸引力", "相对实力", "象限", "策略"]].copy()
    if len(views) > 1:
        table["第二视角象限"] = views[1][2].table["象限"].to_numpy()
    tables = [("各象限客户数与销售额", counts), ("客户在选择矩阵上的位置", table)]
    piece = Piece("wang-01", tool, "大客户组合：选择矩阵与第二视角", tuple(lines), tuple(tables), tuple(views))
    return [piece], [], chosen


def _pareto_pyramid(work: SavedWork, rows: list[dict[str, str]], unit: str) -> tuple[list[Piece], list[Missing]]:
    import kamlab

    pieces: list[Piece] = []
    missing: list[Missing] = []
    saved_p, saved_y = work.state("ding-01", "pareto"), work.state("ding-01", "pyramid")
    customers_rows = _rows(_get(saved_p, "customers", 9)) or rows
    if not customers_rows:
        return [], [Missing("wang-01", "导入我的客户名单"), Missing("ding-01", CALCULATORS["ding-01"]["pareto"])]
    customers = _frame(customers_rows)
    value = str(_get(saved_p, "value", 0, "利润"))
    if value not in customers.columns:
        value = "利润" if "利润" in customers.columns else "销售额"
    try:
        result = kamlab.pareto_analysis(customers, value=value)
        top = float(_get(saved_p, "top", 1, 20) or 20)
        summary = result.summary((10, top, 50) if top not in (10, 50) else (10, 20, 50))
        share = result.share_of_top(top)
        pieces.append(Piece("ding-01", CALCULATORS["ding-01"]["pareto"], f"80/20 分析（按{value}）",
                            (f"前 {top:g}% 的客户贡献了 {share:.1f}% 的{value}（{result.n} 家客户，合计 "
                             f"{result.total:,.1f} {unit}）。",), (("80/20 摘要", summary),),
                            (("帕累托曲线", "pareto", result),)))
    except InputError as error:
        missing.append(Missing("ding-01", CALCULATORS["ding-01"]["pareto"], f"无法计算：{error}"))
    by = str(_get(saved_y, "by", 0, value))
    if by not in customers.columns:
        by = value
    bands = [_get(saved_y, f"b{i}", i + 1) for i in range(4)]
    if any(b is None for b in bands):
        from .pyramid import DEFAULT_BANDS

        bands = list(DEFAULT_BANDS)
    try:
        measures = [c for c in ("销售额", "利润") if c in customers.columns]
        pyramid = kamlab.customer_pyramid(customers, by=by, bands=bands, measures=measures or None)
        summary = pyramid.summary()
        pieces.append(Piece("ding-01", CALCULATORS["ding-01"]["pyramid"], f"客户金字塔（按{by}分层）",
                            ("；".join(f"{row['层级']} {int(row['客户数'])} 家" + (
                                f"，占{by} {row[f'{by}占比%']:.1f}%" if f"{by}占比%" in summary else "")
                                for _, row in summary.iterrows()) + "。",), (("各层客户", summary),)))
    except InputError as error:
        missing.append(Missing("ding-01", CALCULATORS["ding-01"]["pyramid"], f"无法计算：{error}"))
    return pieces, missing


# --- section 2 --------------------------------------------------------------------------


def _organisation(work: SavedWork) -> tuple[list[Piece], list[Missing]]:
    import kamlab

    from . import organisation

    for chapter in ("wang-01", "ye-04"):
        state = work.state(chapter, "organisation")
        if state is None:
            continue
        facts = {f.key: _get(state, f.key, i) for i, f in enumerate(organisation.FACTORS)}
        try:
            result = kamlab.choose_organisation(facts)
        except InputError as error:
            return [], [Missing(chapter, CALCULATORS[chapter]["organisation"], f"无法计算：{error}")]
        note = "（前两名并列，按更简单的结构优先）" if result.tied else ""
        lines = (f"推荐结构：{result.best}{note}。", f"团队形式：{organisation.TEAM_FORMS[result.best]}。",
                 *(f"理由：{r}" for r in result.reasons))
        tables = (("三种结构的得分", result.ranking), ("各因素的取值与理由", result.contributions))
        return [Piece(chapter, CALCULATORS[chapter]["organisation"], "组织结构与团队形式", lines, tables)], []
    return [], [Missing("wang-01", CALCULATORS["wang-01"]["organisation"])]


def _worksheet_piece(work: SavedWork, fields: Mapping[str, tuple[str, ...]], heading: str) -> list[Piece]:
    from .learner.worksheet import load_worksheet

    pieces = []
    for sheet_id, keys in fields.items():
        answers = work.worksheets.get(sheet_id) or {}
        sheet = load_worksheet(sheet_id)
        labels = {f.key: f.label for f in sheet.fields}
        rows = [(labels.get(k, k), str(answers.get(k, "")).strip()) for k in keys if str(answers.get(k, "")).strip()]
        if rows:
            chapter = sheet_id.rsplit("-", 1)[0] if sheet_id.count("-") >= 2 else sheet_id
            chapter = next((c for c, ids in WORKSHEETS.items() if sheet_id in ids), chapter)
            pieces.append(Piece(chapter, sheet.title, heading, (),
                                ((sheet.title, pd.DataFrame(rows, columns=["项目", "内容"])),)))
    return pieces


# --- section 3 --------------------------------------------------------------------------


def _key_accounts(work: SavedWork, chosen: Any) -> tuple[str, ...]:
    if chosen is None:
        return tuple(work.key_accounts)
    names = [str(n) for n in chosen.table["客户"]]
    marked = [n for n in work.key_accounts if n in names]
    if marked:
        return tuple(marked)
    quadrant = chosen.scheme.quadrants[KEY_QUADRANT].name
    return tuple(str(n) for n in chosen.table.loc[chosen.table["象限"] == quadrant, "客户"])


def _key_account_pieces(work: SavedWork, chosen: Any, keys: Sequence[str], unit: str
                        ) -> tuple[list[Piece], list[Missing]]:
    import kamlab

    from . import kraljic

    pieces: list[Piece] = []
    missing: list[Missing] = []
    if chosen is not None and keys:
        table = chosen.table.set_index("客户").loc[list(keys), ["销售额", "吸引力", "相对实力", "象限", "策略"]]
        pieces.append(Piece("wang-01", CALCULATORS["wang-01"]["selection"], "重点客户名单",
                            (f"重点客户：{'、'.join(keys)}。",), (("重点客户在选择矩阵上的位置", table.reset_index()),)))
    elif chosen is not None:
        missing.append(Missing("wang-01", "标记重点客户", "选择矩阵上还没有战略客户，也没有手动标记"))
    # value proposition card
    state = work.state("wang-01", "proposition")
    tool = CALCULATORS["wang-01"]["proposition"]
    if state is None:
        missing.append(Missing("wang-01", tool))
    else:
        try:
            prop = kamlab.build_proposition(
                str(_get(state, "account", 0, "")), _rows(_get(state, "q1", 1)),
                _lines(_get(state, "q2", 2)), _lines(_get(state, "q3", 3)), _rows(_get(state, "q4", 4)))
            card = prop.to_frame()
            pieces.append(Piece("wang-01", tool, f"价值主张卡：{prop.account}",
                                (f"可量化的年价值合计 {prop.total_annual_value:,.0f} 元。",),
                                (("四象限价值主张", card),), account=prop.account))
        except InputError as error:
            missing.append(Missing("wang-01", tool, f"无法计算：{error}"))
    # relationship stage
    state = work.state("wang-03", "stage")
    tool = CALCULATORS["wang-03"]["stage"]
    if state is None:
        missing.append(Missing("wang-03", tool))
    else:
        from .relationship_stage import INDICATORS, STAGES

        levels = {k: _get(state, k, i, 1) for i, k in enumerate(INDICATORS)}
        try:
            stage = kamlab.diagnose_stage(levels)
            gaps = "、".join(stage.gaps) or "无"
            pieces.append(Piece("wang-03", tool, "关系阶段",
                                (f"当前处于第 {stage.stage} 阶段：{STAGES[stage.stage - 1]}；落后的指标：{gaps}。",),
                                (("各指标所处阶段", stage.table),)))
        except InputError as error:
            missing.append(Missing("wang-03", tool, f"无法计算：{error}"))
    # Kraljic, from the account's side
    state = work.state("wang-03", "kraljic")
    tool = CALCULATORS["wang-03"]["kraljic"]
    if state is None:
        missing.append(Missing("wang-03", tool))
    else:
        try:
            scheme = kraljic.KRALJIC_SCHEME.with_cuts(float(_get(state, "x_cut", 2, 5.0)),
                                                      float(_get(state, "y_cut", 1, 5.0)))
            result = kamlab.classify_purchases(_frame(_rows(_get(state, "items", 0))), scheme)
            cols = [c for c in ("品类", "利润影响", "供应风险", "采购额", "象限", "供应商视角") if c in result.table]
            pieces.append(Piece("wang-03", tool, "客户眼中的我们：卡拉杰克矩阵",
                                ("站在客户的采购立场看我方所供品类的位置，以及对我方的含义。",),
                                (("客户采购品类的位置", result.table[cols]),), (("卡拉杰克矩阵", "kraljic", result),)))
        except (InputError, TypeError, ValueError) as error:
            missing.append(Missing("wang-03", tool, f"无法计算：{error}"))
    # CLV and the retention case
    state = work.state("wang-03", "lifetime_value")
    tool = CALCULATORS["wang-03"]["lifetime_value"]
    if state is None:
        missing.append(Missing("wang-03", tool))
    else:
        try:
            years = _get(state, "years", 3, "")
            clv = kamlab.customer_lifetime_value(_get(state, "margin", 0), _get(state, "retention", 1),
                                                 _get(state, "discount", 2), years if str(years).strip() else None,
                                                 str(_get(state, "timing", 4, "end")), unit=unit)
            pieces.append(Piece("wang-03", tool, "客户终生价值",
                                (f"年均毛利 {clv.margin:g} {unit}、保留率 {clv.retention:g}%、折现率 {clv.discount:g}%："
                                 f"客户终生价值 {clv.value:,.2f} {unit}，预期合作 {clv.expected_lifetime:.1f} 年。",)))
        except (InputError, TypeError) as error:
            missing.append(Missing("wang-03", tool, f"无法计算：{error}"))
    state = work.state("ding-01", "retention")
    tool = CALCULATORS["ding-01"]["retention"]
    if state is None:
        missing.append(Missing("ding-01", tool))
    else:
        try:
            names = ("margin", "growth", "discount", "years", "acquisition")
            assumptions = kamlab.RetentionAssumptions(**{
                n: float(_get(state, n, i + 2)) if n != "years" else int(float(_get(state, n, i + 2)))
                for i, n in enumerate(names) if _get(state, n, i + 2) is not None})
            case = kamlab.retention_uplift(_get(state, "retention", 0, 80), _get(state, "cut", 1, 5), assumptions)
            pieces.append(Piece("ding-01", tool, "留存率提升的价值",
                                (f"留存率从 {case.base:g}% 提高到 {case.improved:g}%：单个客户净现值从 "
                                 f"{case.npv_base:,.1f} 增至 {case.npv_improved:,.1f} {unit}。",)))
        except (InputError, TypeError, ValueError) as error:
            missing.append(Missing("ding-01", tool, f"无法计算：{error}"))
    return _by_account(pieces, chosen, keys, work.assessed_account), missing


#: single-account tools of section 3 (worked for one account at a time)
SINGLE_ACCOUNT_TOOLS = ("stage", "kraljic", "lifetime_value", "retention")


def _by_account(pieces: list[Piece], chosen: Any, keys: Sequence[str], assessed: str) -> list[Piece]:
    """Section 3 account by account: each key account, then the pieces worked for it; the rest last."""
    from dataclasses import replace

    single = {CALCULATORS[c][k] for c in ("wang-03", "ding-01") for k in SINGLE_ACCOUNT_TOOLS if k in CALCULATORS[c]}
    pieces = [replace(p, account=assessed) if p.tool in single else p for p in pieces]
    overview = [p for p in pieces if p.heading == "重点客户名单"]
    rest = [p for p in pieces if p not in overview]
    ordered = list(overview)
    rows = chosen.table.set_index("客户") if chosen is not None else None
    for key in keys:
        own = [p for p in rest if p.account == key]
        line = f"{key}："
        if rows is not None and key in rows.index:
            row = rows.loc[key]
            line += f"吸引力 {row['吸引力']:.2f}，相对实力 {row['相对实力']:.2f}，{row['象限']}——{row['策略']}。"
        if not own:
            line += "还没有为它做价值主张、关系阶段、卡拉杰克或终生价值分析（在本章的计划中指定评估针对哪位客户）。"
        ordered.append(Piece("wang-01", CALCULATORS["wang-01"]["selection"], f"重点客户：{key}", (line,),
                             account=key))
        ordered += own
    others = [p for p in rest if p.account not in keys]
    if others:
        note = "以下评估尚未指定针对哪位重点客户：" if not assessed else f"以下评估针对“{assessed}”（不在重点客户中）："
        ordered.append(Piece("", "王渊第一讲、第三讲，丁兴良第一讲", "其他评估", (note,)))
        ordered += others
    return ordered


def _lines(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if str(v).strip()]
    return [line.strip() for line in str(value or "").splitlines() if line.strip()]


# --- section 4 --------------------------------------------------------------------------


def _targets(work: SavedWork, unit: str) -> tuple[list[Piece], list[Missing]]:
    import kamlab

    pieces: list[Piece] = []
    missing: list[Missing] = []
    state = work.state("wang-02", "pipeline")
    tool = CALCULATORS["wang-02"]["pipeline"]
    if state is None:
        missing.append(Missing("wang-02", tool))
    else:
        probabilities = {r.get("阶段", ""): r.get("概率（%）", "") for r in _rows(_get(state, "probabilities", 1))}
        try:
            result = kamlab.forecast(_frame(_rows(_get(state, "opportunities", 0))), probabilities or None)
            pieces.append(Piece("wang-02", tool, "开发管道与加权预测",
                                (f"管道共 {len(result.table)} 个机会，总额 {result.total:,.1f} {unit}，"
                                 f"加权预测 {result.weighted_total:,.1f} {unit}。",),
                                (("各阶段机会与加权金额", result.by_stage),), (("开发管道", "pipeline", result),)))
        except InputError as error:
            missing.append(Missing("wang-02", tool, f"无法计算：{error}"))
    state = work.state("ye-05", "goals")
    tool = CALCULATORS["ye-05"]["goals"]
    if state is None:
        missing.append(Missing("ye-05", tool))
    else:
        names = ("benchmark_sales", "target_ratio", "resource_units", "output_per_unit", "base_sales", "growth")
        try:
            goals = kamlab.set_targets(*(_get(state, n, i) for i, n in enumerate(names)))
            pieces.append(Piece("ye-05", tool, "明年的大客户销售目标（三种方法）",
                                (f"三种方法给出 {goals.low:,.0f}–{goals.high:,.0f} {unit}，相差 {goals.spread:,.0f} {unit}。",),
                                (("三种方法的目标", goals.table),), (("三种方法对比", "goals", goals),)))
        except (InputError, TypeError) as error:
            missing.append(Missing("ye-05", tool, f"无法计算：{error}"))
    return pieces, missing


# --- section 5 --------------------------------------------------------------------------

_OWNER = re.compile(r"(?:负责人|责任人|负责|owner)\s*[:：]\s*([^，,；;。）)\s]+)|[（(]([^（）()]{1,12}?)负责[）)]|@(\S+)")
_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?月?|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*月(?:底|初|中旬|前)?"
                   r"|\d{4}\s*年\s*Q[1-4]|Q[1-4]|第[一二三四]季度|\d+\s*(?:天|周|个月)内")


def parse_action(text: str) -> tuple[str, str]:
    """The owner and the date written in an action line, where given (else "")."""
    owner_match = _OWNER.search(text)
    owner = next((g for g in owner_match.groups() if g), "") if owner_match else ""
    date_match = _DATE.search(text)
    return owner.strip(), date_match.group(0).strip() if date_match else ""


def _actions(work: SavedWork) -> list[Action]:
    from .learner.worksheet import load_worksheet

    out: list[Action] = []
    for sheet_id, keys in ACTION_FIELDS.items():
        answers = work.worksheets.get(sheet_id) or {}
        if not answers:
            continue
        sheet = load_worksheet(sheet_id)
        labels = {f.key: f.label for f in sheet.fields}
        chapter = next(c for c, ids in WORKSHEETS.items() if sheet_id in ids)
        for key in keys:
            for line in str(answers.get(key, "") or "").splitlines():
                line = re.sub(r"^\s*(?:[-*•·]|\d+[.、)）])\s*", "", line).strip()
                if line:
                    owner, due = parse_action(line)
                    out.append(Action(line, owner, due, chapter, f"{sheet.title} · {labels.get(key, key)}"))
    state = work.state("wang-01", "proposition")
    for row in _rows(_get(state, "q4", 4)):
        if row.get("指标", "").strip():
            out.append(Action(f"跟踪“{row['指标'].strip()}”（{row.get('频率', '').strip() or '频率未定'}）",
                              row.get("负责人", "").strip(), row.get("频率", "").strip(), "wang-01",
                              f"{CALCULATORS['wang-01']['proposition']} · 跟踪与衡量"))
    return out


# --- progress ---------------------------------------------------------------------------


def _filled(work: SavedWork, sheet_id: str) -> bool:
    from .learner.worksheet import load_worksheet

    answers = work.worksheets.get(sheet_id) or {}
    sheet = load_worksheet(sheet_id)
    required = [f for f in sheet.fields if f.required] or sheet.fields
    return all(str(answers.get(f.key, "") or "").strip() for f in required)


def progress_frame(work: SavedWork) -> pd.DataFrame:
    """Per chapter: calculators saved, worksheets filled, quiz done (“2/4”, “是/否”)."""
    rows = []
    for slug in CHAPTERS:
        calcs = CALCULATORS[slug]
        saved = sum(1 for k in calcs if work.state(slug, k) is not None)
        sheets = WORKSHEETS.get(slug, ())
        done = sum(1 for s in sheets if _filled(work, s))
        quiz = work.quizzes.get(slug) or {}
        answered, total = int(quiz.get("answered", 0) or 0), int(quiz.get("total", 0) or 0)
        rows.append({"章节": chapter_label(slug), "计算器": f"{saved}/{len(calcs)}" if calcs else "—",
                     "工作表": f"{done}/{len(sheets)}" if sheets else "—",
                     "自测": (f"已完成（{int(quiz.get('correct', 0))}/{total} 题正确）" if total and answered >= total
                            else f"已答 {answered}/{total}" if total else "未做"),
                     "链接": f"{slug}.ipynb"})
    return pd.DataFrame(rows, columns=["章节", "计算器", "工作表", "自测", "链接"])


# --- assembly ---------------------------------------------------------------------------


def build_plan(work: SavedWork) -> KeyAccountPlan:
    """Assemble the five sections, the action list and the progress overview."""
    unit = work.profile.unit
    rows = account_rows(work)
    s1, m1, chosen = _selection(work, unit)
    p2, m2 = _pareto_pyramid(work, rows, unit)
    org, m_org = _organisation(work)
    keys = _key_accounts(work, chosen)
    s3, m3 = _key_account_pieces(work, chosen, keys, unit)
    s4, m4 = _targets(work, unit)
    actions = _actions(work)
    roles = _worksheet_piece(work, ROLE_FIELDS, "角色与分工")
    m_roles = [] if roles else [Missing("ye-04", "大客户组织与经销商、上游厂商的协作工作表")]
    action_piece: list[Piece] = []
    m5: list[Missing] = []
    if actions:
        frame = pd.DataFrame([(a.text, a.owner, a.due, f"{chapter_label(a.chapter)} · {a.source}") for a in actions],
                             columns=["行动", "负责人", "时间", "出处"])
        action_piece = [Piece("", "各章工作表与价值主张（每行注明出处）", "行动清单", (f"共 {len(actions)} 项行动。",),
                              (("行动清单", frame),))]
    if not (work.worksheets.get("wang-02-account-plan") or {}).get("actions"):
        m5.append(Missing("wang-02", "目标大客户战略六要素工作表 · 行动计划"))
    if not work.worksheets.get("wang-00-current-state"):
        m5.append(Missing("wang-00", "现状诊断工作表 · 行动建议"))
    sections = (
        Section(1, SECTION_TITLES[0], tuple(s1 + p2), tuple(m1 + m2)),
        Section(2, SECTION_TITLES[1], tuple(org + roles), tuple(m_org + m_roles)),
        Section(3, SECTION_TITLES[2], tuple(s3), tuple(m3)),
        Section(4, SECTION_TITLES[3], tuple(s4), tuple(m4)),
        Section(5, SECTION_TITLES[4], tuple(action_piece), tuple(m5)),
    )
    return KeyAccountPlan(work.profile, sections, progress_frame(work), tuple(actions), keys,
                          is_example=work.example)


# --- the book's example -----------------------------------------------------------------


def example_work() -> SavedWork:
    """Every plan input filled from the book's sample data (what each calculator starts with)."""
    import kamlab

    from .global_readiness import DRIVERS  # noqa: F401 - keeps the example honest about chapters it skips
    from .relationship_stage import INDICATORS

    accounts = kamlab.load_sample("wang01_accounts").astype(str).to_dict("records")
    criteria = [{"标准": k, "权重": str(v)} for k, v in kamlab.DEFAULT_ATTRACTIVENESS.items()]
    opportunities = kamlab.load_sample("wang_pipeline").astype(str).to_dict("records")
    from .pipeline import DEFAULT_PROBABILITIES

    calculators = {
        "wang-01": {
            "selection": {"criteria": criteria, "accounts": accounts, "view": "选择矩阵（吸引力 × 相对实力）",
                          "y_cut": 5.0, "x_cut": 1.0},
            "organisation": {"n_accounts": 12, "ka_share": 35, "spread": 4, "central_purchasing": 3,
                             "coordination": 4, "customisation": 3, "resources": 2},
            "proposition": {"account": "A 挖掘机厂",
                            "q1": [{"指标": "停机时间", "现状": "40", "目标": "25", "单位": "小时/年", "年价值": "300000"}],
                            "q2": "项目经理驻厂，问题 24 小时内响应", "q3": "交付准时率不低于 98%",
                            "q4": [{"指标": "停机时间", "频率": "每季度", "负责人": "客户经理"}]},
        },
        "ding-01": {"pareto": {"value": "销售额", "top": 20.0},  # the same six accounts as wang-01
                    "pyramid": {"by": "销售额", "b0": 20.0, "b1": 30.0, "b2": 30.0, "b3": 20.0},
                    "retention": {"retention": 80.0, "cut": 5.0, "margin": 10.0, "growth": 5.0, "discount": 10.0,
                                  "years": 20, "acquisition": 15.0}},
        "wang-02": {"pipeline": {"opportunities": opportunities,
                                 "probabilities": [{"阶段": k, "概率（%）": str(v)} for k, v in DEFAULT_PROBABILITIES.items()]}},
        "wang-03": {"lifetime_value": {"margin": "100", "retention": 80.0, "discount": 10.0, "years": "", "timing": "end"},
                    "stage": dict(zip(INDICATORS, [3, 2, 3, 2, 2, 3], strict=False)),
                    "kraljic": {"items": kamlab.load_sample("wang_purchases").astype(str).to_dict("records"),
                                "y_cut": 5.0, "x_cut": 5.0}},
        "ye-05": {"goals": {"benchmark_sales": 8000, "target_ratio": 30, "resource_units": 6,
                            "output_per_unit": 350, "base_sales": 1800, "growth": 20}},
    }
    worksheets = {
        "wang-02-account-plan": {"actions": "1. 5 月底前完成 A 挖掘机厂高层拜访（负责人：王经理）\n"
                                            "2. 2027 年 Q3 前为 B 起重机厂提交联合开发方案（李工负责）"},
        "wang-00-current-state": {"top_three": "建立大客户档案，6 月 30 日前完成"},
        "ye-04-partners": {"air": "总部大客户部负责高层关系与框架协议", "ground": "经销商负责日常交付与回款"},
    }
    return SavedWork(calculators, worksheets, {}, EXAMPLE, (), example=True, assessed_account="A 挖掘机厂")
