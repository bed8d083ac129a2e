"""The company profile form: name, industry, unit of money and the learner's own account list.

Entered once (saved to ``kamlab-answers/profile.json``); every chapter's table
calculator then starts from these accounts. 使用本书示例 switches every calculator
back to the book's illustrative firm without deleting the profile.
"""

from __future__ import annotations

import base64
import html
import tempfile
from pathlib import Path

import ipywidgets as W
import pandas as pd

from ..errors import InputError
from ..learner.chapter_work import load_profile, save_profile
from ..profile import EXAMPLE, UNITS, make_profile
from ..table_import import TableSpec, import_table, write_template
from ._base import error_html
from .chapter_work import XLSX_MIME, current_chapter
from .ready import ReadyDisplay

ACCOUNT_SPEC = TableSpec.from_columns("客户名单", ["客户", "销售额", "利润"], units={"销售额": "万元", "利润": "万元"},
                                      optional=("利润",))
_STYLE = {"description_width": "7em"}


class ProfileWidget(ReadyDisplay, W.VBox):
    """Company name, industry, unit and the account list; saved on every change."""

    ready_kind = "公司档案表单"

    def __init__(self, folder: str | Path | None = None, live: bool | None = None) -> None:
        super().__init__()
        self.folder = folder
        # Only a learner's session reads and writes the profile: nbval and the book build show a blank form.
        self.live = (current_chapter() is not None or folder is not None) if live is None else live
        profile, notice = load_profile(folder) if self.live else (EXAMPLE, "")
        self.profile = profile
        blank = profile.use_example and not profile.accounts  # nothing entered yet: the book's example
        self.company = W.Text(value="" if blank else profile.company,
                              placeholder="例如：苏州精工机械有限公司", description="公司名称", style=_STYLE,
                              continuous_update=False)
        self.industry = W.Text(value="" if blank else profile.industry,
                               placeholder="例如：通用设备制造", description="所在行业", style=_STYLE,
                               continuous_update=False)
        self.unit = W.Dropdown(options=list(UNITS), value=profile.unit, description="金额单位", style=_STYLE)
        self.use_example = W.ToggleButton(value=profile.use_example and bool(profile.accounts),
                                          description="使用本书示例", icon="book",
                                          tooltip="各章计算器改从书中的示例企业开始（你的档案仍保留）")
        self.upload = W.FileUpload(accept=".xlsx,.csv", multiple=False, description="导入客户名单",
                                   tooltip="从 Excel（.xlsx）或 CSV 文件导入客户名单：至少要有客户名称一列")
        download = W.Button(description="下载模板", icon="download")
        download.on_click(lambda _: self.offer_template())
        self.link = W.HTML()
        self.message = W.HTML(error_html(InputError("公司档案", notice)) if notice else "")
        self.accounts = W.HTML()
        for box in (self.company, self.industry, self.unit, self.use_example):
            box.observe(lambda _c: self.save(), names="value")
        self.upload.observe(self._uploaded, names="value")
        self.children = [W.HTML("<b>我的公司档案</b>"), self.company, self.industry, self.unit,
                         W.HBox([download, self.upload, self.use_example]), self.link, self.message, self.accounts]
        self._show_accounts()

    def save(self) -> bool:
        """Check and save the profile; a problem is shown, nothing saved."""
        if not self.live:
            self.message.value = error_html(InputError(
                "公司档案", "只有在 Jupyter 中打开本章时才能保存档案（或先运行 widgets.chapter(\"plan\")）"))
            return False
        accounts = self.profile.accounts or tuple(self._shared_accounts()[0])  # one list, not two
        try:
            profile = make_profile(self.company.value, self.industry.value, self.unit.value,
                                   accounts, self.use_example.value)
        except InputError as error:
            self.message.value = error_html(error)
            return False
        self.profile = profile
        path = save_profile(profile, self.folder)
        self.message.value = f"<small>已保存到 {html.escape(str(path))}</small>"
        self._show_accounts()
        return True

    def import_accounts(self, raw: bytes, filename: str) -> bool:
        """Replace the account list from a learner's file; on any problem nothing changes."""
        if not self.company.value.strip():
            self.message.value = error_html(InputError("公司名称", "请先填写公司名称，再导入客户名单"))
            return False
        try:
            result = import_table(raw, filename, ACCOUNT_SPEC)
        except InputError as error:
            self.message.value = error_html(error) + "<small>客户名单未作任何改动。</small>"
            return False
        previous = self.profile
        self.profile = self.profile.with_accounts(result.rows)
        self.use_example.value = False
        if not self.save():
            self.profile = previous
            return False
        self.message.value = f"<span style='color:#007a33'>✔ {html.escape(result.message)}</span>"
        return True

    def _uploaded(self, change: dict) -> None:
        files = change.get("new") or ()
        if files:
            try:
                self.import_accounts(bytes(files[0]["content"]), str(files[0].get("name", "上传的文件")))
            finally:
                self.upload.value = ()  # the same file chosen again is a change again

    def offer_template(self) -> None:
        """Show a download link for the account-list template."""
        with tempfile.TemporaryDirectory() as tmp:
            raw = write_template(Path(tmp) / "t.xlsx", ACCOUNT_SPEC,
                                 {"客户": "A 挖掘机厂", "销售额": 1200, "利润": 96}).read_bytes()
        data = base64.b64encode(raw).decode()
        self.link.value = (f"<a download='客户名单-模板.xlsx' href='data:{XLSX_MIME};base64,{data}'>"
                           "⬇ 点此下载模板：客户名单-模板.xlsx</a>")

    def _shared_accounts(self) -> tuple[list[dict[str, str]], str]:
        """The list the calculators start from when the profile holds none (wang-01's), or nothing."""
        if self.profile.accounts or not self.live:
            return [], ""
        from .chapter_work import FROM_WANG01, account_list

        rows, source = account_list()
        return (rows, source) if source == FROM_WANG01 else ([], "")

    def _show_accounts(self) -> None:
        rows = list(self.profile.accounts)
        if not rows:
            shared, source = self._shared_accounts()
            if shared:
                self.accounts.value = (f"<small>客户名单 {len(shared)} 家（来自{html.escape(source)}），各章计算器从这份名单开始；"
                                       "填写公司名称后会一并存入档案。前 10 家：</small>"
                                       + pd.DataFrame(shared).head(10).to_html(index=False, escape=True))
                return
            self.accounts.value = "<small>还没有导入客户名单：各章计算器从书中的示例企业开始。</small>"
            return
        frame = pd.DataFrame(rows)
        note = "（当前各章使用本书示例）" if self.profile.use_example else ""
        self.accounts.value = (f"<small>客户名单 {len(rows)} 家{note}，前 10 家：</small>"
                               + frame.head(10).to_html(index=False, escape=True))


def profile_widget(folder: str | Path | None = None) -> ProfileWidget:
    """The company profile form, ready to display (saved only in a learner's session, see chapter_work)."""
    return ProfileWidget(folder)
