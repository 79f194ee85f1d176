// The language switch keeps the reader's place: the Q&A ids (#s02-q1) and the
// search query are the same in every language, so carry them across.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-lang-switch]");
  if (!link) return;
  const target = new URL(link.href, location.href);
  if (location.hash && !target.hash) target.hash = location.hash;
  if (location.search && !target.search) target.search = location.search;
  link.href = target.href;
});

// Each answer's tools: its permanent URL, "copy link" and "cite". The URL is
// the archive's published address when base_url is set (rendered into
// data-url), else this page's own address: either way an absolute link to the
// answer, which is also what the print stylesheet prints under each answer.
(() => {
  const dataEl = document.getElementById("cite-data");
  if (!dataEl) return;
  const data = JSON.parse(dataEl.textContent);
  const t = data.t;
  const here = new URL(location.href);
  here.hash = "";
  const pageUrl = data.url || here.href;

  for (const tools of document.querySelectorAll(".qa-tools[data-qa]")) {
    const id = tools.dataset.qa;
    const link = tools.querySelector(".permalink");
    if (!link.dataset.url) link.dataset.url = `${pageUrl}#${id}`;
    for (const button of tools.querySelectorAll("button")) button.hidden = false;
  }

  const status = (tools, text) => {
    let el = tools.querySelector("[role=status]");
    if (!el) {
      el = document.createElement("span");
      el.setAttribute("role", "status");
      tools.append(el);
    }
    el.textContent = text;
  };

  async function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return;
    }
    // Plain http: no Clipboard API; the old way still works from a click.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    if (!ok) throw new Error("copy refused");
  }

  const bibEscape = (s) => String(s).replace(/[\\{}%&#_$~^]/g, (c) => (c === "\\" ? "\\textbackslash{}" : `\\${c}`));
  const today = () => new Date().toISOString().slice(0, 10);

  function citations(tools) {
    const id = tools.dataset.qa;
    const url = tools.querySelector(".permalink").dataset.url;
    const heading = document.getElementById(`${id}-q`);
    const question = heading.cloneNode(true);
    question.querySelector(".num")?.remove();
    const q = question.textContent.trim();
    const year = (data.date || "").slice(0, 4);
    const accessed = today();
    let plain;
    if (data.lang === "zh") {
      // GB/T 7714 style: author. part[EB/OL]//whole. publisher, year[accessed]. URL.
      plain = `${data.author}. ${q}[EB/OL]//${data.title}. ${data.site}${year ? `, ${year}` : ""}[${accessed}]. ${url}`;
    } else {
      plain = `${data.author}. “${q}” In “${data.title}.” ${data.site}${year ? `, ${year}` : ""}. ${url} (accessed ${accessed}).`;
    }
    const key = `${url.replace(/^.*\/interviews\//, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")}-${data.lang}`;
    const fields = [["author", `{${bibEscape(data.author)}}`], ["title", `{${bibEscape(q)}}`],
      ["booktitle", `{${bibEscape(data.title)}}`], ["howpublished", `{${bibEscape(data.site)}}`],
      ...(year ? [["year", `{${year}}`]] : []), ["url", `{${url}}`], ["urldate", `{${accessed}}`],
      ["language", `{${data.lang === "zh" ? "chinese" : "english"}}`]];
    const bibtex = `@misc{${key},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(",\n")}\n}`;
    return { plain, bibtex };
  }

  function citeBox(tools, button) {
    const box = document.createElement("div");
    box.className = "cite-box";
    box.id = `${tools.dataset.qa}-cite`;
    const { plain, bibtex } = citations(tools);
    for (const [label, text, cls] of [[t.cite_plain, plain, "cite-plain"], [t.cite_bibtex, bibtex, "cite-bibtex"]]) {
      const h = document.createElement("h4");
      h.textContent = label;
      const pre = document.createElement("pre");
      pre.className = cls;
      pre.textContent = text;
      if (cls === "cite-bibtex") pre.lang = "en";
      const again = document.createElement("button");
      again.type = "button";
      again.textContent = t.cite_copy;
      again.setAttribute("aria-label", `${t.cite_copy}: ${label}`);
      again.addEventListener("click", () => copy(text).then(() => status(tools, t.copied),
        () => status(tools, t.copy_failed)));
      box.append(h, pre, again);
    }
    button.setAttribute("aria-controls", box.id);
    return box;
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest(".qa-tools button");
    if (!button) return;
    const tools = button.closest(".qa-tools");
    if (button.classList.contains("copy-link")) {
      copy(tools.querySelector(".permalink").dataset.url).then(() => status(tools, t.link_copied),
        () => status(tools, t.copy_failed));
    } else if (button.classList.contains("cite")) {
      let box = document.getElementById(`${tools.dataset.qa}-cite`);
      if (!box) {
        box = citeBox(tools, button);
        box.hidden = true;
        tools.after(box);
      }
      box.hidden = !box.hidden;
      button.setAttribute("aria-expanded", String(!box.hidden));
    }
  });
})();

// Wide tables: say that they scroll sideways whenever they do (CSS alone shows
// the hint only on narrow screens).
(() => {
  const pairs = [...document.querySelectorAll(".table-scroll")]
    .map((box) => [box, box.previousElementSibling]).filter(([, hint]) => hint?.classList.contains("scroll-hint"));
  if (!pairs.length) return;
  const update = () => {
    for (const [box, hint] of pairs) hint.classList.toggle("shown", box.scrollWidth > box.clientWidth + 1);
  };
  update();
  addEventListener("resize", update);
})();
