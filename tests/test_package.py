"""Package-level promises: fast, light import; public surface; glossary data."""

import ast
import subprocess
import sys
from pathlib import Path

import pandas as pd

import kamlab
from kamlab.glossary import load_glossary


def test_import_does_not_pull_matplotlib_or_ipywidgets():
    code = "import sys, kamlab; print('matplotlib' in sys.modules, 'ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_public_names_exist():
    for name in kamlab.__all__:
        assert hasattr(kamlab, name), name


def test_glossary_loads_with_unique_terms():
    table = load_glossary()
    assert list(table.columns) == ["中文", "English", "章节", "释义"]
    assert table["中文"].is_unique


def test_import_is_lazy_and_cheap():
    code = "import sys, kamlab; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_no_public_name_is_shadowed_by_a_submodule():
    # A submodule imported later would replace a same-named function on the package.
    import pkgutil

    submodules = {m.name for m in pkgutil.iter_modules(kamlab.__path__)}
    assert not submodules & set(kamlab.__all__)


def test_glossary_follows_book_order():
    chapters = list(dict.fromkeys(load_glossary()["章节"]))
    courses = [c.split("-")[0] for c in chapters]
    # all 叶敦明 chapters first, then 王渊, then 丁兴良
    assert courses == sorted(courses, key=["ye", "wang", "ding"].index)
    assert chapters[0].startswith("ye-") and chapters[-1].startswith("ding-")


# --- one name per tool through every layer (issue 14 §2) ------------------------------------------
PACKAGE = Path(kamlab.__file__).parent
#: modules of plumbing, not tools: the calculator loop, the table editor, a number box, the ready display, fonts
PLUMBING = {"__init__", "_base", "_labels", "table", "number_box", "ready", "fonts", "saved_values"}


def _modules(folder: Path) -> set[str]:
    """Modules and subpackages (a tool's model may be a package, e.g. kamlab/plan/)."""
    packages = {p.name for p in folder.iterdir() if (p / "__init__.py").is_file()}
    return ({p.stem for p in folder.glob("*.py")} | packages) - PLUMBING


def test_every_widget_module_has_its_model():
    models = _modules(PACKAGE) | _modules(PACKAGE / "learner")
    orphans = sorted(_modules(PACKAGE / "widgets") - models)
    assert orphans == []
    assert {"selection", "internal_diagnosis", "weighted", "exercise", "worksheet", "quiz"} <= _modules(
        PACKAGE / "widgets")


def test_every_chart_module_draws_its_models_result():
    models = _modules(PACKAGE) | _modules(PACKAGE / "grading")  # the class report's charts mirror grading/report
    charts = _modules(PACKAGE / "charts")
    assert sorted(charts - models) == []
    for name in charts:  # and draws it: each chart module has at least one public draw function
        module = __import__(f"kamlab.charts.{name}", fromlist=["_"])
        assert [f for f in dir(module) if f.startswith("draw_")], name


def test_no_stale_names_remain():
    assert not (PACKAGE / "attractiveness.py").exists() and not (PACKAGE / "bench.py").exists()
    assert not (PACKAGE / "charts" / "radar.py").exists()
    for name in ("answers", "exercise", "worksheet", "quiz"):
        assert not (PACKAGE / f"{name}.py").exists() and (PACKAGE / "learner" / f"{name}.py").exists()


def test_type_checking_block_lists_every_public_name():
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If) and getattr(n.test, "id", "") == "TYPE_CHECKING")
    seen = {(node.module, alias.name, alias.asname) for node in block.body for alias in node.names}
    expected = {(module, attribute, name) for name, (module, attribute) in kamlab._WHERE.items()
                if name != "InputError"}
    assert seen == expected


def test_names_chapters_import_are_exported():
    from kamlab import (
        global_readiness,
        partnership,
        relationship_stage,
        scorecard,
        synergy,
        trust_ladder,
    )

    assert kamlab.PARTNERSHIP_DRIVERS is partnership.DRIVERS
    assert kamlab.PARTNERSHIP_FACILITATORS is partnership.FACILITATORS
    assert kamlab.READINESS_DRIVERS is global_readiness.DRIVERS
    assert kamlab.READINESS_EXTERNAL is global_readiness.EXTERNAL
    assert kamlab.SYNERGIES is synergy.SYNERGIES and kamlab.LADDER_ITEMS is trust_ladder.ITEMS
    assert kamlab.STAGE_INDICATORS is relationship_stage.INDICATORS
    assert kamlab.SCORECARD_COLUMNS is scorecard.INPUT_COLUMNS


def test_import_charts_needs_no_font_until_the_first_draw(tmp_path):
    missing = str(tmp_path / "missing.ttf")
    code = (f"import os; os.environ['KAMLAB_CJK_FONT'] = {missing!r}\n"
            "import kamlab.charts as c\n"
            "try:\n    c.draw_radar(['a', 'b', 'c'], {'x': [1, 2, 3]})\n"
            "except c.fonts.FontMissingError:\n    print('font missing at draw')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "font missing at draw"


def test_selection_results_carry_their_criteria_and_column_names():
    from kamlab import selection

    scored = kamlab.score_attractiveness({"甲": 60, "乙": 40}, pd.DataFrame(
        {"客户": ["A", "B"], "甲": [8, 2], "乙": [5, 5], "相对实力": [1.5, 0.5], "销售额": [10, 20]}))
    assert isinstance(scored, kamlab.AttractivenessResult)
    portfolio = kamlab.selection_matrix(scored)  # the scored result, as is
    assert portfolio.criteria == scored.criteria and portfolio.criteria.as_dict() == {"甲": 60.0, "乙": 40.0}
    assert portfolio.y == selection.ATTRACTIVENESS and portfolio.x == selection.STRENGTH
    assert portfolio.table[selection.ATTRACTIVENESS].tolist() == [6.8, 3.2]  # 8×.6+5×.4, 2×.6+5×.4
    assert portfolio.table[selection.QUADRANT].astype(str).tolist() == ["战略客户", "精简客户"]
