"""``login-slips.html``: one slip per learner to print on A4 and cut out."""

from __future__ import annotations

from html import escape

STYLE = """
@page { size: A4; margin: 10mm; }
body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0; }
h1 { font-size: 14pt; margin: 0 0 4mm; }
p.note { font-size: 9pt; color: #555; margin: 0 0 4mm; }
.sheet { display: grid; grid-template-columns: 1fr 1fr; }
.slip { border: 1px dashed #888; padding: 5mm; height: 44mm; box-sizing: border-box; break-inside: avoid;
        page-break-inside: avoid; position: relative; }
.slip::before { content: "✂"; position: absolute; top: -9px; left: 4px; font-size: 10pt; color: #888;
                background: #fff; }
.slip h2 { font-size: 12pt; margin: 0 0 2mm; }
.slip .code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 20pt; letter-spacing: 3px; }
.slip .addr { font-size: 10pt; word-break: break-all; }
.slip small { color: #555; }
@media print { h1, p.note { display: none; } }
"""


def slip(learner: str, name: str, code: str, address: str) -> str:
    """One slip: who it is for, where to go, what to type."""
    who = f"{escape(name)}（学号 {escape(learner)}）" if name else f"学号 {escape(learner)}"
    return (f"<div class='slip'><h2>KAM Lab 课堂登录 · {who}</h2>"
            f"<div class='addr'>网址：<b>{escape(address)}</b></div>"
            f"<div>学号：<b>{escape(learner)}</b></div>"
            f"<div>登录码：<span class='code'>{escape(code)}</span></div>"
            "<small>登录码不区分大小写，只给你本人使用；请勿外传。</small></div>")


def slips_html(roster: dict[str, str], codes: dict[str, str], address: str) -> str:
    """The whole page: a heading (not printed) and the slips, two per row, cut lines dashed."""
    body = "".join(slip(lid, roster[lid], codes[lid], address) for lid in roster)
    return ("<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>KAM Lab 登录条</title>"
            f"<style>{STYLE}</style></head><body><h1>KAM Lab 登录条（{len(roster)} 人）</h1>"
            "<p class='note'>用 A4 纸打印，沿虚线剪开，每位学员一张。此页含全部登录码，请妥善保管。</p>"
            f"<div class='sheet'>{body}</div></body></html>")
