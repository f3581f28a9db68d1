"use strict";
// The documents table: sorted, filtered and paged from the JSON the page carries. Every value
// is written with textContent, so document text can never become markup.
(function () {
  var data = JSON.parse(document.getElementById("documents-data").textContent);
  var body = document.getElementById("documents-body");
  var filterText = document.getElementById("filter-text");
  var filterKind = document.getElementById("filter-kind");
  var filterTrust = document.getElementById("filter-trust");
  var count = document.getElementById("documents-count");
  var pageLabel = document.getElementById("page-label");
  var previous = document.getElementById("page-previous");
  var next = document.getElementById("page-next");
  var pageSize = parseInt(body.getAttribute("data-page-size"), 10);
  var sortKey = "n", ascending = true, page = 0;

  function visible() {
    var text = filterText.value.trim().toLowerCase();
    var kind = filterKind.value, trust = filterTrust.value;
    var rows = data.filter(function (row) {
      if (kind && row.kind !== kind) return false;
      if (trust && row.trust !== trust) return false;
      return !text || (row.path + " " + row.title).toLowerCase().indexOf(text) !== -1;
    });
    rows.sort(function (a, b) {
      var x = a[sortKey], y = b[sortKey];
      var order = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
      if (order === 0) order = a.n - b.n;
      return ascending ? order : -order;
    });
    return rows;
  }

  function cell(tr, text, className) {
    var td = document.createElement("td");
    if (className) td.className = className;
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function render() {
    var rows = visible();
    var pages = Math.max(1, Math.ceil(rows.length / pageSize));
    page = Math.min(page, pages - 1);
    body.textContent = "";
    rows.slice(page * pageSize, (page + 1) * pageSize).forEach(function (row) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-n", row.n);
      cell(tr, String(row.n), "num");
      var td = document.createElement("td");
      td.className = "cell-text";
      if (row.card) {
        var link = document.createElement("a");
        link.href = "#doc-" + row.n;
        link.textContent = row.path;
        td.appendChild(link);
      } else {
        td.textContent = row.path;
      }
      tr.appendChild(td);
      cell(tr, row.title || "—", "cell-text");
      cell(tr, row.kind);
      cell(tr, row.language);
      cell(tr, String(row.words), "num");
      var trust = cell(tr, "");
      var badge = document.createElement("span");
      badge.className = "badge " + row.trust.replace(/ /g, "-");
      badge.textContent = row.trust;
      trust.appendChild(badge);
      cell(tr, String(row.problems), "num");
      body.appendChild(tr);
    });
    count.textContent = rows.length + " of " + data.length + " document(s)";
    pageLabel.textContent = "page " + (page + 1) + " of " + pages;
    previous.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  Array.prototype.forEach.call(document.querySelectorAll("button[data-sort]"), function (button) {
    button.addEventListener("click", function () {
      var key = button.getAttribute("data-sort");
      ascending = key === sortKey ? !ascending : true;
      sortKey = key;
      Array.prototype.forEach.call(document.querySelectorAll("th[aria-sort]"), function (th) {
        th.setAttribute("aria-sort", "none");
      });
      button.parentNode.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      render();
    });
  });
  [filterText, filterKind, filterTrust].forEach(function (control) {
    control.addEventListener("input", function () { page = 0; render(); });
  });
  previous.addEventListener("click", function () { page -= 1; render(); });
  next.addEventListener("click", function () { page += 1; render(); });
  // A link to a sentence inside a folded text opens the fold, so the target is seen.
  function reveal() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    if (target) target.scrollIntoView();
  }
  window.addEventListener("hashchange", reveal);
  reveal();
  document.getElementById("documents-controls").hidden = false;
  document.getElementById("documents-pager").hidden = false;
  render();
})();
