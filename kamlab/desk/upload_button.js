// An upload button that shows its name only (ipywidgets' FileUpload adds a count, "导入名单 (0)").
// The chosen files are sent to the kernel in one message: their names and sizes, and the bytes of
// each file within the size limit (a larger file is sent without its bytes and refused there).

function render({ model, el }) {
  const button = Object.assign(document.createElement("button"), {
    className: "jupyter-button widget-button kamlab-upload", type: "button",
  });
  const input = Object.assign(document.createElement("input"), { type: "file", hidden: true });
  const draw = () => {
    button.textContent = model.get("description");
    input.accept = model.get("accept");
    input.multiple = model.get("multiple");
  };
  draw();
  model.on("change:description", draw);
  button.addEventListener("click", () => input.click());
  input.addEventListener("change", async () => {
    const files = Array.from(input.files || []);
    input.value = "";
    if (!files.length) return;
    const limit = model.get("limit");
    const meta = [];
    const buffers = [];
    button.disabled = true;
    try {
      for (const f of files) {
        const sent = f.size <= limit;
        meta.push({ name: f.name, size: f.size, type: f.type, sent });
        if (sent) buffers.push(await f.arrayBuffer());
      }
      model.send({ kind: "files", files: meta }, undefined, buffers);
    } finally {
      button.disabled = false;
    }
  });
  el.append(button, input);
}

export default { render };
