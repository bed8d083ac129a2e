// Loaded between require.js and embed-amd.js (see nb_ipywidgets_js in _config.yml).
// The AMD modules in embed-amd.js find the icon fonts shipped next to it from their module URI;
// without paths that URI is relative to the page (book/@jupyter-widgets/...), so map each module
// name into the vendored folder beside this file. Works on any host and under any sub-path.
(function () {
  var dir = document.currentScript.src.replace(/[?#].*$/, "").replace(/[^/]*$/, "") + "html-manager-1.0.6/";
  require.config({
    paths: {
      "@jupyter-widgets/base": dir + "base",
      "@jupyter-widgets/controls": dir + "controls",
      "@jupyter-widgets/html-manager": dir + "html-manager",
      "@jupyter-widgets/html-manager/dist": dir.replace(/\/$/, ""),
    },
  });
})();
