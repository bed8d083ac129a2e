// KAM Lab in JupyterLite: say in Chinese, within 20 s, when the browser's Python cannot start.
// The Pyodide runtime comes from __PYODIDE_URL__ (a CDN unless the site was built with its own);
// offline or blocked, JupyterLite would otherwise spin for minutes with an English ⊗.
// Injected into every JupyterLite page by web/build_lite.py (the URL filled in at build time).
(function () {
  var url = "__PYODIDE_URL__";
  var shown = false;
  function notice(reason) {
    if (shown) { return; }
    shown = true;
    var box = document.createElement("div");
    box.id = "kamlab-lite-offline";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;z-index:10000;left:12px;right:12px;bottom:12px;padding:10px 14px;" +
      "background:#fff8e1;color:#5c3d00;border:1px solid #f0a500;border-radius:6px;font:14px/1.6 sans-serif";
    box.textContent = "浏览器中的 Python 无法启动（" + reason + "）：JupyterLite 需要从 " +
      url.split("/").slice(0, 3).join("/") + " 下载运行环境，当前网络连不上。" +
      "请检查网络后刷新本页；或改用班级服务器，或下载本章在 JupyterLab 中运行（见本书首页）。";
    var close = document.createElement("button");
    close.textContent = "知道了";
    close.style.cssText = "margin-left:12px";
    close.onclick = function () { box.remove(); };
    box.appendChild(close);
    (document.body || document.documentElement).appendChild(box);
  }
  var done = false;
  var timer = setTimeout(function () { if (!done) { notice("20 秒内没有连上"); } }, 20000);
  try {
    fetch(url, { method: "HEAD", mode: "no-cors", cache: "no-store" }).then(function () {
      done = true; clearTimeout(timer);
    }, function () {
      done = true; clearTimeout(timer); notice("网络不通或被拦截");
    });
  } catch (e) {
    notice("网络不通或被拦截");
  }
})();
