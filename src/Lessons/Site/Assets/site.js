// Course site: theme toggle, client-side search, open collapsibles for printing. No external requests.
(function () {
  'use strict';
  var root = document.body.getAttribute('data-root') || '';

  var toggle = document.getElementById('theme-toggle');
  if (toggle) {
    toggle.addEventListener('click', function () {
      var current = document.documentElement.dataset.theme ||
        (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
      var next = current === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset.theme = next;
      try { localStorage.setItem('course-theme', next); } catch (e) { /* storage may be disabled */ }
    });
  }

  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.setAttribute('data-was-open', d.open ? '1' : ''); d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = d.getAttribute('data-was-open') === '1'; });
  });

  var input = document.getElementById('search-input');
  var list = document.getElementById('search-results');
  var index = window.COURSE_SEARCH || [];
  if (!input || !list) { return; }

  function search(query) {
    var terms = query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 1; });
    if (terms.length === 0) { return []; }
    var hits = [];
    index.forEach(function (entry) {
      var title = (entry.page + ' ' + entry.section).toLowerCase();
      var text = entry.text.toLowerCase();
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var inTitle = title.indexOf(terms[i]) >= 0, inText = text.indexOf(terms[i]) >= 0;
        if (!inTitle && !inText) { return; }
        score += (inTitle ? 5 : 0) + (inText ? 1 : 0);
      }
      hits.push({ entry: entry, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    return hits.slice(0, 12);
  }

  function snippet(text, term) {
    var at = text.toLowerCase().indexOf(term);
    if (at < 0) { return text.slice(0, 120); }
    var start = Math.max(0, at - 50);
    return (start > 0 ? '…' : '') + text.slice(start, start + 140) + '…';
  }

  function render() {
    var query = input.value.trim();
    var hits = search(query);
    list.textContent = '';
    if (query.length < 2) { list.hidden = true; return; }
    if (hits.length === 0) {
      var none = document.createElement('li');
      none.textContent = 'No match for “' + query + '”';
      list.appendChild(none);
    }
    var first = query.toLowerCase().split(/\s+/)[0];
    hits.forEach(function (hit) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + hit.entry.url;
      a.textContent = hit.entry.section ? hit.entry.page + ' › ' + hit.entry.section : hit.entry.page;
      var where = document.createElement('span');
      where.className = 'where';
      where.textContent = snippet(hit.entry.text, first);
      li.appendChild(a);
      li.appendChild(where);
      list.appendChild(li);
    });
    list.hidden = false;
  }

  input.addEventListener('input', render);
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { input.value = ''; render(); }
    if (e.key === 'Enter') { var a = list.querySelector('a'); if (a) { window.location.href = a.href; } }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === '/' && document.activeElement !== input) { e.preventDefault(); input.focus(); }
  });
})();
