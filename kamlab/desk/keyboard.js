// The desk's grading keyboard (批改): 得分 box, 评语 box and the shortcut box, drawn in the browser.
//
// Every keystroke the trainer makes is sent to the kernel as its own message, numbered, at once:
// never merged with the next one and never dropped while the kernel is busy (widget state
// updates would be). The shortcut box is emptied here, in the page, when Enter is pressed, so a
// score typed ahead is never cut by the kernel's answer. What the kernel shows comes back as one
// `shown` dict; a comment is only replaced when the kernel has read every comment keystroke.
// What is typed in the 得分 and shortcut boxes is also sent as a draft on every keystroke: a score
// typed without Enter is saved by the kernel when it is shut down with the page (browsers may not
// send anything while a tab closes); when the page goes, it is also sent as a final command.

function render({ model, el }) {
  const make = (tag, cls, attrs = {}) => Object.assign(document.createElement(tag), { className: cls }, attrs);
  const root = make("div", "kamlab-keys");
  const row = make("div", "kamlab-score-row");
  const scoreLabel = make("label", "kamlab-score-label", { textContent: "得分" });
  const score = make("input", "kamlab-score", { type: "text", inputMode: "decimal", autocomplete: "off" });
  score.setAttribute("aria-label", "得分");
  const max = make("span", "kamlab-max");
  row.append(scoreLabel, score, max);
  const comment = make("textarea", "kamlab-comment", { placeholder: model.get("comment_help"), rows: 3 });
  const keys = make("input", "kamlab-shortcut", { type: "text", placeholder: model.get("help"), autocomplete: "off" });
  root.append(row, comment, keys);
  el.append(root);

  let seq = 0;
  let lastComment = 0;
  let shownScore = "";
  const send = (kind, text, extra = {}) => {
    seq += 1;
    model.send({ kind, text, seq, ...extra });
    return seq;
  };

  const show = () => {
    const s = model.get("shown") || {};
    shownScore = s.score ?? "";
    score.value = shownScore;
    max.textContent = s.max === undefined ? "" : `/ ${s.max}（${s.kind}）`;
    if ((s.ack ?? 0) >= lastComment) comment.value = s.comment ?? "";
  };
  const focus = () => {
    const f = model.get("focus") || {};
    const target = { keys, comment, score }[f.target];
    if (target) target.focus();
  };
  model.on("change:shown", show);
  model.on("change:focus", focus);
  show();

  const sendScore = () => {
    if (score.value.trim() !== "" && score.value !== shownScore) {
      shownScore = score.value;
      send("score", score.value);
    }
  };
  score.addEventListener("keydown", (e) => {
    if (e.key === "Enter") { e.preventDefault(); sendScore(); }
    else if (e.key === "Escape") { e.preventDefault(); keys.focus(); }
  });
  score.addEventListener("change", sendScore);
  score.addEventListener("input", () => send("score_draft", score.value));

  comment.addEventListener("input", () => { lastComment = send("comment", comment.value); });
  comment.addEventListener("keydown", (e) => {
    if (e.key === "Escape" || (e.key === "Tab" && !e.shiftKey)) { e.preventDefault(); keys.focus(); }
  });

  keys.addEventListener("input", () => send("draft", keys.value));
  keys.addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    const text = keys.value;
    keys.value = "";
    if (!text.trim()) return;
    if (text.trim().toLowerCase() === "c") { comment.focus(); return; }
    send("key", text);
  });

  // The page is going (tab closed, reloaded): hand over what was typed without Enter. Registered
  // for the capture phase so it runs before Voilà's own handler, which shuts the kernel down.
  const flush = () => {
    if (keys.value.trim()) { send("key", keys.value, { final: true }); keys.value = ""; }
    sendScore();
  };
  window.addEventListener("beforeunload", flush, { capture: true });
  window.addEventListener("pagehide", flush, { capture: true });
  return () => {
    window.removeEventListener("beforeunload", flush, { capture: true });
    window.removeEventListener("pagehide", flush, { capture: true });
  };
}

export default { render };
