"""Package-level promises: fast, light import; public surface; glossary data."""

import subprocess
import sys

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
