"""Charts take a model result and return a Figure with Chinese glyphs available."""

import warnings

import pandas as pd
from matplotlib.figure import Figure

import kamlab
from kamlab.charts import (
    configure_fonts,
    draw_organisation,
    draw_portfolio,
    draw_proposition,
    draw_radar,
)
from kamlab.widgets._base import figure_png


def _render(fig):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font" is a UserWarning
        png = figure_png(fig)
    assert png[:4] == b"\x89PNG"


def test_cjk_font_configured():
    assert configure_fonts() in {"WenQuanYi Micro Hei", "Noto Sans CJK SC", "WenQuanYi Zen Hei"}


def test_portfolio_chart_has_quadrant_names_and_bubbles():
    acc = pd.DataFrame({"客户": ["甲", "乙"], "吸引力": [7, 3], "相对实力": [1.2, 0.5], "销售额": [100, 50]})
    fig = draw_portfolio(kamlab.selection_matrix(acc), "选择矩阵")
    assert isinstance(fig, Figure)
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"战略客户", "明星客户", "地位客户", "精简客户", "甲", "乙"} <= texts
    _render(fig)


def test_other_charts_render():
    org = kamlab.choose_organisation(dict(n_accounts=5, ka_share=70, spread=5, central_purchasing=5,
                                          coordination=5, customisation=5, resources=5))
    _render(draw_organisation(org))
    prop = kamlab.build_proposition("甲", [{"指标": "停机", "现状": 5, "目标": 3, "单位": "小时", "年价值": 9}],
                                    ["驻厂"], ["框架协议"], [{"指标": "OEE", "频率": "每月", "负责人": "王"}])
    _render(draw_proposition(prop))
    _render(draw_radar(["质量", "交付", "价格"], {"我方": [7, 8, 6], "龙头": [9, 7, 5]}))


def test_portfolio_chart_redraws_in_place_across_views():
    from kamlab.charts import PortfolioChart

    acc = pd.DataFrame({"客户": ["甲", "乙", "丙"], "吸引力": [7, 3, 6], "相对实力": [1.2, 0.5, 0.8],
                        "易损性": [2, 8, 6], "销售额": [100, 50, 20]})
    chart = PortfolioChart()
    fig = chart.update(kamlab.selection_matrix(acc)).figure
    assert chart.ax.collections[0].get_offsets().tolist() == [[1.2, 7.0], [0.5, 3.0], [0.8, 6.0]]
    second = chart.update(kamlab.vulnerability_matrix(acc.iloc[:2])).figure
    assert second is fig  # same figure, redrawn
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"重点防守", "甲", "乙"} <= texts and "丙" not in texts and "战略客户" not in texts
    assert fig.axes[0].get_xlabel() == "大客户易损性"
    _render(fig)
