"""The site's one stylesheet and its one script, as fixed text.

The stylesheet uses system fonts (Korean ones named too), colours that pass
WCAG AA contrast on white, a focus ring that always shows, a layout that
reflows at 200% zoom (tables scroll sideways inside their own region, never
the page), and a print style that turns any page into a briefing: no
navigation, search or downloads, black on white, rows never split.

The script only searches: it reads the prebuilt index (``search-index.js``,
a script rather than JSON so that it loads from ``file://`` too) and lists
the pages whose text holds every word asked for. It writes results with
``textContent``, never as markup. Every page works without it.
"""

from __future__ import annotations

STYLESHEET = """\
:root { color-scheme: light; --ink: #1b1f24; --muted: #4a5360; --accent: #1f5f8b; --line: #c9d1d9;
  --wash: #eef3f7; --focus: #b34700; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans KR", "Noto Sans CJK KR",
  "Apple SD Gothic Neo", "Malgun Gothic", sans-serif; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { color: #123d5c; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: 0.5rem; top: -3rem; background: #fff; padding: 0.4rem 0.8rem; z-index: 1; }
.skip:focus { top: 0.5rem; }
header.site { background: var(--accent); color: #fff; }
header.site a, header.site button { color: #fff; }
.bar, header.site nav ul, main, footer.site { max-width: 62rem; margin: 0 auto; padding: 0 1.25rem; }
.bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; justify-content: space-between;
  padding-top: 0.8rem; padding-bottom: 0.4rem; }
.brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; }
.find { display: flex; gap: 0.4rem; align-items: center; }
input[type=search] { font: inherit; padding: 0.3rem 0.5rem; border: 1px solid #6a7380; border-radius: 4px;
  min-width: 0; width: 14rem; max-width: 100%; }
button { font: inherit; padding: 0.3rem 0.8rem; border-radius: 4px; border: 1px solid #fff; background: #17496b;
  color: #fff; cursor: pointer; }
header.site nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.2rem 1.2rem; padding-bottom: 0.7rem;
  margin-top: 0; margin-bottom: 0; }
header.site nav a { text-decoration: none; font-weight: 600; }
header.site nav a:hover, header.site nav a:focus-visible { text-decoration: underline; }
header.site :focus-visible { outline-color: #fff; }
main { padding-top: 1rem; padding-bottom: 2rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.6rem 0 0.8rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid var(--accent); padding-bottom: 0.15rem; margin-top: 2.2rem; }
h3 { font-size: 1.1rem; color: var(--accent); margin: 1.4rem 0 0.4rem; }
.lede { font-size: 1.15rem; color: var(--muted); }
.crumbs ol { list-style: none; display: flex; flex-wrap: wrap; padding: 0; margin: 0; font-size: 0.95rem; }
.crumbs li + li::before { content: "›"; padding: 0 0.45rem; color: var(--muted); }
.contents ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; padding: 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1.2rem; margin: 0.6rem 0 1rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.scroll { overflow-x: auto; margin: 0.4rem 0 1.2rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption, .find label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.55rem; text-align: left; vertical-align: top; }
th { background: var(--wash); }
ul { padding-left: 1.3rem; }
.cards { list-style: none; padding: 0; display: grid; gap: 0.8rem;
  grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
.cards li { border: 1px solid var(--line); border-radius: 6px; padding: 0.7rem 0.9rem; }
.cards a { font-weight: 600; }
.empty, .note { color: var(--muted); }
#results li { margin: 0.3rem 0; }
.kind { color: var(--muted); font-size: 0.9rem; }
footer.site { border-top: 1px solid var(--line); padding-top: 0.5rem; padding-bottom: 2rem; color: var(--muted);
  font-size: 0.95rem; }
footer.site h2 { font-size: 1.05rem; border: 0; margin-top: 0.8rem; color: var(--ink); }
footer.site ul { list-style: none; padding: 0; }
footer.site li { margin: 0.15rem 0; }
footer.site li span { font-weight: 600; color: var(--ink); }
@media (max-width: 36rem) {
  .facts { grid-template-columns: 1fr; }
  .facts dd { margin-bottom: 0.4rem; }
  input[type=search] { width: 10rem; }
}
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { font-size: 10pt; color: #000; }
  header.site, .skip, .crumbs, .contents, footer.site .downloads, .find, #search-page { display: none !important; }
  main, footer.site { max-width: none; padding: 0; }
  * { background: transparent !important; color: #000 !important; }
  a { text-decoration: none; }
  .scroll { overflow: visible; }
  table { font-size: 9pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, li, dt, dd { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
"""

SCRIPT = """\
(function () {
  "use strict";
  var results = document.getElementById("results");
  var input = document.getElementById("q");
  var index = window.TWINS_SEARCH;
  if (!results || !input || !index) { return; }
  var root = results.getAttribute("data-root") || "";
  function fold(text) { return text.normalize("NFKC").toLowerCase(); }
  function show(query) {
    var words = fold(query).split(/\\s+/).filter(function (word) { return word.length > 0; });
    var status = document.getElementById("status");
    results.textContent = "";
    if (words.length === 0) { status.textContent = ""; return; }
    var found = index.filter(function (entry) {
      var text = fold(entry.title + " " + entry.text);
      return words.every(function (word) { return text.indexOf(word) !== -1; });
    });
    found.forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + entry.url;
      link.textContent = entry.title;
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = " — " + entry.kind;
      item.appendChild(link);
      item.appendChild(kind);
      results.appendChild(item);
    });
    var counts = JSON.parse(results.getAttribute("data-counts"));
    status.textContent = found.length === 1 ? counts.one : counts.many.replace("{n}", String(found.length));
  }
  var asked = new URLSearchParams(window.location.search).get("q") || "";
  input.value = asked;
  document.getElementById("search-page").addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    }
  });
  show(asked);
}());
"""
