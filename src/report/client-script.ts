/**
 * The report's only script, run in the browser: it reads the JSON data element and draws the
 * page with DOM calls and textContent only (never innerHTML), so no string in the data is ever
 * parsed as markup. Plain ES2017 without template literals, kept as text so that it is embedded
 * unchanged and its hash in the page's Content-Security-Policy matches.
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('ot-data').textContent);
  var app = document.getElementById('app');
  app.textContent = '';

  function el(tag, className, children) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    append(node, children);
    return node;
  }
  function append(node, children) {
    if (children === undefined || children === null) return node;
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    });
    return node;
  }
  function num(value, digits) {
    if (value === null || value === undefined || !isFinite(value)) return '–';
    return Number(value).toLocaleString('en-US', { maximumFractionDigits: digits === undefined ? 0 : digits });
  }
  function ms(value) {
    if (value === null || value === undefined || !isFinite(value)) return '–';
    if (value >= 10000) return num(value / 1000, 1) + ' s';
    return num(value) + ' ms';
  }
  function usd(value) {
    if (value === null || value === undefined || !isFinite(value)) return '–';
    if (value === 0) return '$0';
    return '$' + (value < 0.01 ? value.toPrecision(2) : value.toFixed(2));
  }
  function str(value) {
    if (value === null || value === undefined) return '';
    return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  }
  function td(className, children) { return el('td', className, children); }
  function th(className, children) { return el('th', className, children); }
  function section(title, children) {
    return append(el('section', null, el('h2', null, title)), children);
  }
  function stat(value, label) { return el('div', 'stat', [el('b', null, value), el('span', null, label)]); }

  // ---- calls: the detail of one call, shared by both reports ----
  function callTokens(call) {
    if (!call.usage) return '';
    return num(call.usage.input_tokens) + ' in / ' + num(call.usage.output_tokens) + ' out';
  }
  function renderCall(call) {
    var head = el('div', 'call-head', [
      el('b', null, call.builtin),
      call.cached ? el('span', 'badge cached', 'cached') : el('span', 'badge made', 'backend'),
      call.error ? el('span', 'badge fail', 'failed') : null,
      el('span', null, call.backend),
      el('span', null, ms(call.end_ms - call.start_ms)),
      callTokens(call) ? el('span', null, callTokens(call)) : null,
      call.cost_usd !== undefined && call.cost_usd !== null ? el('span', null, usd(call.cost_usd)) : null,
      el('span', 'loc', call.location)
    ]);
    var ask = el('div', null, el('div', 'label', call.messages ? 'Messages' : 'Prompt'));
    if (call.messages) {
      call.messages.forEach(function (message) {
        ask.appendChild(el('pre', null, [el('span', 'role', message.role + ': '), message.content]));
      });
    } else {
      ask.appendChild(el('pre', null, str(call.prompt)));
    }
    var args = call.args && Object.keys(call.args).length ? str(call.args) : null;
    if (args) append(ask, [el('div', 'label', 'Arguments'), el('pre', null, args)]);
    var reply = el('div', null, [el('div', 'label', call.error ? 'Error' : 'Reply'),
      el('pre', call.error ? 'error-text' : null, call.error ? call.error : str(call.result))]);
    return el('div', 'call', [head, el('div', 'call-body', [ask, reply])]);
  }

  // ---- timeline: one bar per call, lanes by row and backend ----
  function renderTimeline(calls, onPick) {
    var box = el('div', 'timeline');
    if (calls.length === 0) return append(box, el('div', 'empty', 'No calls.'));
    var start = Infinity, end = -Infinity;
    calls.forEach(function (c) { start = Math.min(start, c.start_ms); end = Math.max(end, c.end_ms); });
    var span = Math.max(end - start, 1);
    var lanes = [], byKey = {};
    calls.forEach(function (c) {
      var key = (c.row !== undefined && c.row !== null ? 'row ' + c.row + ' · ' : '') + c.backend;
      if (!byKey[key]) { byKey[key] = { key: key, calls: [] }; lanes.push(byKey[key]); }
      byKey[key].calls.push(c);
    });
    // Lanes go by row (numbers in numeric order), then by backend in order of appearance.
    var order = lanes.slice();
    lanes.sort(function (a, b) {
      var ra = a.calls[0].row, rb = b.calls[0].row;
      if (ra !== rb) {
        if (ra === undefined || ra === null) return 1;
        if (rb === undefined || rb === null) return -1;
        if (typeof ra === 'number' && typeof rb === 'number') return ra - rb;
        return String(ra) < String(rb) ? -1 : 1;
      }
      return order.indexOf(a) - order.indexOf(b);
    });
    var cachedCount = calls.filter(function (c) { return c.cached; }).length;
    append(box, el('div', 'tl-legend', [
      el('span', null, [el('span', 'tl-key made'), 'reached the backend (' + (calls.length - cachedCount) + ')']),
      el('span', null, [el('span', 'tl-key cached'), 'cache hit (' + cachedCount + ')']),
      el('span', null, [el('span', 'tl-key error'), 'failed']),
      el('span', null, 'total ' + ms(span))
    ]));
    // Ticks at round times since the first call: 1, 2 or 5 times a power of ten apart.
    var rough = span / 5, power = Math.pow(10, Math.floor(Math.log10(rough)));
    var step = [1, 2, 5, 10].map(function (f) { return f * power; }).filter(function (s) { return s >= rough; })[0];
    var ticks = [];
    for (var t = 0; t <= span + 1e-9; t += step) ticks.push(t);
    var axis = el('div', 'tl-axis');
    ticks.forEach(function (t, i) {
      var tick = el('span', 'tl-tick', ms(t));
      tick.style.left = (t / span) * 100 + '%';
      if (i === 0) tick.style.transform = 'none';
      axis.appendChild(tick);
    });
    box.appendChild(axis);
    var body = el('div', 'tl-body');
    lanes.forEach(function (lane) {
      // Overlapping calls in a lane go on separate sub-rows, first fit.
      var ends = [];
      var sorted = lane.calls.slice().sort(function (a, b) { return a.start_ms - b.start_ms; });
      var track = el('div', 'tl-track');
      sorted.forEach(function (c) {
        var level = 0;
        while (level < ends.length && ends[level] > c.start_ms) level++;
        ends[level] = Math.max(c.end_ms, c.start_ms + span * 0.004);
        var bar = el('div', 'tl-bar ' + (c.error ? 'error' : c.cached ? 'cached' : 'made'));
        bar.dataset.cached = String(!!c.cached);
        bar.style.left = ((c.start_ms - start) / span) * 100 + '%';
        bar.style.width = ((c.end_ms - c.start_ms) / span) * 100 + '%';
        bar.style.top = 4 + level * 16 + 'px';
        bar.title = c.builtin + ' · ' + lane.key + ' · ' + ms(c.start_ms - start) + ' → ' +
          ms(c.end_ms - start) + ' (' + ms(c.end_ms - c.start_ms) + ')' + (c.cached ? ' · cache hit' : '') +
          (c.error ? ' · failed' : '');
        if (onPick) bar.addEventListener('click', function () { onPick(c); });
        track.appendChild(bar);
      });
      ticks.slice(1).forEach(function (t) {
        var grid = el('div', 'tl-grid');
        grid.style.left = (t / span) * 100 + '%';
        track.insertBefore(grid, track.firstChild);
      });
      track.style.height = 8 + ends.length * 16 + 'px';
      var label = el('div', 'tl-label', lane.key);
      label.title = lane.key;
      body.appendChild(el('div', 'tl-lane', [label, track]));
    });
    return append(box, body);
  }

  // ---- trace report ----
  function renderTrace() {
    var calls = data.calls.slice().sort(function (a, b) { return a.start_ms - b.start_ms; });
    var cached = calls.filter(function (c) { return c.cached; }).length;
    var backends = {}, input = 0, output = 0, cost = null, start = Infinity, end = -Infinity;
    calls.forEach(function (c) {
      backends[c.backend] = true;
      if (c.usage) { input += c.usage.input_tokens || 0; output += c.usage.output_tokens || 0; }
      if (typeof c.cost_usd === 'number') cost = (cost || 0) + c.cost_usd;
      start = Math.min(start, c.start_ms); end = Math.max(end, c.end_ms);
    });
    append(app, [
      el('h1', null, data.title),
      el('p', 'meta', calls.length + ' calls · ' + Object.keys(backends).join(', ')),
      el('div', 'stats', [
        stat(num(calls.length - cached), 'calls made'),
        stat(num(cached), 'cache hits'),
        stat(calls.length ? ms(end - start) : '–', 'wall time'),
        stat(num(input) + ' / ' + num(output), 'tokens in / out'),
        stat(usd(cost), 'cost')
      ])
    ]);
    var rows = [];
    app.appendChild(section('Timeline', renderTimeline(calls, function (c) { openCall(rows[calls.indexOf(c)]); })));
    var table = el('table', 'calls', el('thead', null, el('tr', null, [
      th('num', '#'), th('num', 'start'), th('num', 'duration'), th(null, 'call'), th(null, 'backend'),
      th(null, 'row'), th(null, 'source'), th(null, 'cache'), th('num', 'tokens'), th('num', 'cost'), th(null, 'prompt')
    ])));
    var tbody = el('tbody');
    calls.forEach(function (c, i) {
      var prompt = c.messages ? c.messages.map(function (m) { return m.role + ': ' + m.content; }).join(' ') : str(c.prompt);
      var tr = el('tr', 'call-row', [
        td('num', i + 1), td('num', ms(c.start_ms - start)), td('num', ms(c.end_ms - c.start_ms)),
        td(null, [c.builtin, c.error ? el('span', 'badge fail', 'failed') : null]), td(null, c.backend),
        td(null, c.row === undefined || c.row === null ? '' : String(c.row)), td('loc', c.location),
        td(null, c.cached ? el('span', 'badge cached', 'cached') : el('span', 'badge made', 'backend')),
        td('num', c.usage ? num(c.usage.input_tokens) + ' / ' + num(c.usage.output_tokens) : '–'),
        td('num', usd(c.cost_usd)), td('preview', prompt)
      ]);
      var detail = el('tr', 'detail', td(null, renderCall(c)));
      detail.firstChild.colSpan = 11;
      detail.hidden = true;
      tr.addEventListener('click', function () { detail.hidden = !detail.hidden; tr.classList.toggle('open', !detail.hidden); });
      rows.push(tr);
      append(tbody, [tr, detail]);
    });
    table.appendChild(tbody);
    app.appendChild(section('Calls', el('div', 'scroll', table)));
  }
  function openCall(tr) {
    if (!tr) return;
    var detail = tr.nextSibling;
    detail.hidden = false;
    tr.classList.add('open');
    tr.scrollIntoView({ block: 'center' });
  }

  // ---- eval report ----
  function cellName(cell) { return cell.flow + ' × ' + cell.backend; }
  function cellKey(x) { return JSON.stringify([x.flow, x.backend]); }
  function scoreValue(value) {
    if (value === true) return 1;
    if (value === false) return 0;
    return typeof value === 'number' && isFinite(value) ? value : null;
  }

  function inputsPreview(inputs) {
    if (!inputs || typeof inputs !== 'object' || Array.isArray(inputs)) return str(inputs);
    return Object.keys(inputs).map(function (k) {
      var v = inputs[k];
      return k + ': ' + (typeof v === 'string' ? v : JSON.stringify(v));
    }).join('\n');
  }

  function renderEval() {
    var summary = data.summary, results = data.results;
    var scorers = [];
    summary.cells.forEach(function (cell) {
      Object.keys(cell.scores).forEach(function (name) { if (scorers.indexOf(name) < 0) scorers.push(name); });
    });
    results.forEach(function (r) {
      Object.keys(r.scores).forEach(function (name) { if (scorers.indexOf(name) < 0) scorers.push(name); });
    });
    // A scorer is pass/fail when its intervals are Wilson's; it reads in percent when in [0, 1].
    var passFail = {}, unit = {};
    scorers.forEach(function (name) {
      var inRange = true;
      summary.cells.forEach(function (cell) {
        var s = cell.scores[name];
        if (!s) return;
        if (s.method === 'wilson') passFail[name] = true;
        if (s.ci95[0] < 0 || s.ci95[1] > 1) inRange = false;
      });
      unit[name] = inRange ? 'percent' : 'raw';
    });
    function fmtScore(name, value) {
      if (value === null || value === undefined || !isFinite(value)) return '–';
      return unit[name] === 'percent' ? num(value * 100, 1) + '%' : num(value, 3);
    }

    var totalCalls = 0, cachedCalls = 0, cost = null;
    summary.cells.forEach(function (c) {
      totalCalls += c.calls.made + c.calls.cached; cachedCalls += c.calls.cached;
      if (typeof c.cost_usd === 'number') cost = (cost || 0) + c.cost_usd;
    });
    var keys = {};
    results.forEach(function (r) { keys[r.row + '#' + r.sample] = true; });
    append(app, [
      el('h1', null, data.title),
      el('p', 'meta', [summary.cells.length + ' flow × backend cells · ' + Object.keys(keys).length + ' rows · ' +
        scorers.length + ' scorers', data.created_at ? ' · ' + data.created_at : '']),
      el('div', 'stats', [
        stat(num(results.length), 'results'),
        stat(num(results.filter(function (r) { return r.error; }).length), 'errors'),
        stat(num(totalCalls - cachedCalls) + ' / ' + num(cachedCalls), 'calls made / cached'),
        stat(usd(cost), 'cost')
      ])
    ]);

    // Summary table.
    var head = el('tr', null, [th(null, 'Flow'), th(null, 'Backend'), th('num', 'Rows')]);
    scorers.forEach(function (name) { head.appendChild(th(null, [name + ' ', el('span', 'nowrap', '(95% CI)')])); });
    append(head, [th('num', 'Errors'), th('num', 'Tokens in / out'), th('num', 'Cost'),
      th('num', 'p50'), th('num', 'p95'), th('num', 'Calls made / cached')]);
    var body = el('tbody');
    summary.cells.forEach(function (cell) {
      var tr = el('tr', null, [td(null, cell.flow), td(null, cell.backend), td('num', num(cell.rows))]);
      tr.dataset.cell = cellKey(cell);
      scorers.forEach(function (name) {
        var s = cell.scores[name], cellTd = td('score');
        cellTd.dataset.scorer = name;
        if (!s) { cellTd.textContent = '–'; tr.appendChild(cellTd); return; }
        // The mean and n on one line, the interval under them: four scorers fit 1280 px.
        append(cellTd, [el('span', 'mean', fmtScore(name, s.mean)),
          el('span', 'ci', 'n=' + s.n),
          el('span', 'ci range', fmtScore(name, s.ci95[0]) + ' – ' + fmtScore(name, s.ci95[1]))]);
        if (unit[name] === 'percent') {
          var bar = el('div', 'bar'), fill = el('div', 'fill'), whisker = el('div', 'whisker');
          fill.style.width = s.mean * 100 + '%';
          whisker.style.left = s.ci95[0] * 100 + '%';
          whisker.style.width = (s.ci95[1] - s.ci95[0]) * 100 + '%';
          append(bar, [fill, whisker]);
          cellTd.appendChild(bar);
        }
        tr.appendChild(cellTd);
      });
      append(tr, [
        td('num' + (cell.errors ? ' errors-nonzero' : ''), num(cell.errors)),
        td('num', num(cell.usage.input_tokens) + ' / ' + num(cell.usage.output_tokens)),
        td('num', usd(cell.cost_usd)), td('num', ms(cell.latency_ms.p50)), td('num', ms(cell.latency_ms.p95)),
        td('num', num(cell.calls.made) + ' / ' + num(cell.calls.cached))
      ]);
      body.appendChild(tr);
    });
    app.appendChild(section('Summary', el('div', 'scroll', el('table', 'summary', [el('thead', null, head), body]))));

    // Comparisons.
    var list = el('ul', 'comparisons');
    summary.comparisons.forEach(function (c) {
      var badge = c.verdict === 'none' ? el('span', 'badge none', 'no difference')
        : el('span', 'badge win', (c.verdict === 'b' ? c.labels.b : c.labels.a) + ' better');
      var details = 'n=' + c.n + (c.mcnemar ? ' · McNemar p=' + c.mcnemar.p_value.toPrecision(2) : '') +
        ' · ' + cellName(c.a) + ' vs ' + cellName(c.b);
      list.appendChild(el('li', null, [badge, el('span', 'sentence', c.sentence), el('span', 'detail-line', details)]));
    });
    if (summary.comparisons.length === 0) list.appendChild(el('li', 'empty', 'No cells to compare.'));
    app.appendChild(section('Comparisons', list));

    // Rows side by side.
    var cells = summary.cells.slice();
    results.forEach(function (r) {
      if (!cells.some(function (c) { return cellKey(c) === cellKey(r); })) cells.push({ flow: r.flow, backend: r.backend });
    });
    var groups = [], byRow = {};
    results.forEach(function (r) {
      var key = r.row + '#' + r.sample;
      if (!byRow[key]) { byRow[key] = { key: key, row: r.row, sample: r.sample, inputs: r.inputs, byCell: {} }; groups.push(byRow[key]); }
      byRow[key].byCell[cellKey(r)] = r;
    });
    groups.forEach(function (g) {
      var present = cells.map(function (c) { return g.byCell[cellKey(c)]; }).filter(Boolean);
      // Outputs are compared with the first cell's (the leftmost column), as a diff would.
      g.differs = {};
      present.forEach(function (r) {
        if (!!r.error !== !!present[0].error || (!r.error && r.text !== present[0].text)) g.differs[cellKey(r)] = true;
      });
      g.failed = present.some(function (r) {
        return !!r.error || scorers.some(function (n) { return passFail[n] && scoreValue(r.scores[n]) === 0; });
      });
      g.disagrees = present.some(function (r) { return !!r.error !== !!present[0].error; }) ||
        scorers.some(function (n) {
          var seen = present.map(function (r) { return r.error ? 'error' : String(scoreValue(r.scores[n])); });
          return seen.some(function (v) { return v !== seen[0]; });
        });
    });

    var failuresOnly = el('input'); failuresOnly.type = 'checkbox'; failuresOnly.id = 'filter-failures';
    var disagreeOnly = el('input'); disagreeOnly.type = 'checkbox'; disagreeOnly.id = 'filter-disagreements';
    var scorerSelect = el('select'); scorerSelect.id = 'filter-scorer';
    scorers.forEach(function (n) { var o = el('option', null, n); o.value = n; scorerSelect.appendChild(o); });
    var threshold = el('input'); threshold.type = 'number'; threshold.step = 'any'; threshold.id = 'filter-threshold';
    threshold.placeholder = 'off';
    var count = el('span', 'count');
    var filters = el('div', 'filters', [
      el('label', null, [failuresOnly, 'Failures only']),
      el('label', null, [disagreeOnly, 'Disagreements only']),
      el('label', null, [scorerSelect, 'below', threshold]),
      count
    ]);
    filters.children[0].title = 'a result failed or a pass/fail scorer failed it';
    filters.children[1].title = 'the cells score the row differently';
    filters.children[2].title = 'some cell scores the row below this value (for percent scorers, 0.5 is 50%)';

    var rowHead = el('tr', null, th(null, 'Row'));
    cells.forEach(function (c) { rowHead.appendChild(th(null, cellName(c))); });
    var rowBody = el('tbody');
    groups.forEach(function (g) {
      var tr = el('tr', 'result-row', td(null, [el('div', 'rowid', 'row ' + g.row + (g.sample !== 0 && g.sample !== '0' ? ' · sample ' + g.sample : '')),
        el('div', 'inputs', inputsPreview(g.inputs))]));
      tr.dataset.key = g.key;
      cells.forEach(function (c) {
        var r = g.byCell[cellKey(c)];
        var cellTd = td('out' + (g.differs[cellKey(c)] ? ' differs' : ''));
        if (!r) { cellTd.textContent = '–'; tr.appendChild(cellTd); return; }
        if (r.error) cellTd.appendChild(el('div', 'error-text', 'error: ' + r.error));
        else cellTd.appendChild(el('div', 'text', r.text));
        var chips = el('div', 'chips');
        scorers.forEach(function (n) {
          var v = scoreValue(r.scores[n]);
          if (v === null) return;
          var cls = passFail[n] ? (v === 1 ? ' pass' : ' fail') : '';
          chips.appendChild(el('span', 'chip' + cls, n + ' ' + (passFail[n] ? (v === 1 ? '✓' : '✗') : fmtScore(n, v))));
        });
        chips.appendChild(el('span', 'chip', ms(r.latency_ms)));
        cellTd.appendChild(chips);
        tr.appendChild(cellTd);
      });
      var detail = el('tr', 'detail', td(null, null));
      detail.firstChild.colSpan = cells.length + 1;
      detail.hidden = true;
      g.tr = tr; g.detail = detail;
      tr.addEventListener('click', function () { toggleRow(g); });
      append(rowBody, [tr, detail]);
    });
    function toggleRow(g, open) {
      var show = open === undefined ? g.detail.hidden : open;
      if (show && !g.detail.firstChild.firstChild) fillDetail(g);
      g.detail.hidden = !show;
      g.tr.classList.toggle('open', show);
    }
    function fillDetail(g) {
      var box = g.detail.firstChild;
      box.appendChild(el('div', 'cell-calls', [el('div', 'label', 'Inputs'), el('pre', null, str(g.inputs))]));
      cells.forEach(function (c) {
        var r = g.byCell[cellKey(c)];
        if (!r) return;
        var block = el('div', 'cell-calls', el('h3', null, cellName(c) + ' · ' + r.calls.length + ' call' +
          (r.calls.length === 1 ? '' : 's') + ' · ' + ms(r.latency_ms) +
          (r.usage ? ' · ' + num(r.usage.input_tokens) + ' in / ' + num(r.usage.output_tokens) + ' out tokens' : '') +
          (typeof r.cost_usd === 'number' ? ' · ' + usd(r.cost_usd) : '')));
        if (r.outputs && Object.keys(r.outputs).length) append(block, [el('div', 'label', 'Outputs'), el('pre', null, str(r.outputs))]);
        r.calls.forEach(function (call) { block.appendChild(renderCall(call)); });
        box.appendChild(block);
      });
    }
    function applyFilters() {
      var limit = threshold.value === '' ? null : Number(threshold.value);
      var name = scorerSelect.value, shown = 0;
      groups.forEach(function (g) {
        var ok = (!failuresOnly.checked || g.failed) && (!disagreeOnly.checked || g.disagrees);
        if (ok && limit !== null && isFinite(limit)) {
          ok = cells.some(function (c) {
            var r = g.byCell[cellKey(c)];
            var v = r && !r.error ? scoreValue(r.scores[name]) : null;
            return v !== null && v < limit;
          });
        }
        g.tr.hidden = !ok;
        if (!ok) g.detail.hidden = true;
        else g.detail.hidden = !g.tr.classList.contains('open');
        if (ok) shown++;
      });
      count.textContent = 'showing ' + shown + ' of ' + groups.length + ' rows';
    }
    [failuresOnly, disagreeOnly, scorerSelect].forEach(function (i) { i.addEventListener('change', applyFilters); });
    threshold.addEventListener('input', applyFilters);
    applyFilters();

    // The timeline sits above the rows; a bar opens its row.
    var allCalls = [];
    results.forEach(function (r) {
      r.calls.forEach(function (c) {
        var copy = Object.assign({}, c);
        if (copy.row === undefined || copy.row === null) copy.row = r.row;
        copy._key = r.row + '#' + r.sample;
        allCalls.push(copy);
      });
    });
    app.appendChild(section('Timeline', renderTimeline(allCalls, function (c) {
      var g = byRow[c._key];
      if (!g) return;
      if (g.tr.hidden) { failuresOnly.checked = false; disagreeOnly.checked = false; threshold.value = ''; applyFilters(); }
      toggleRow(g, true);
      g.tr.scrollIntoView({ block: 'center' });
    })));
    app.appendChild(section('Rows', [filters, el('div', 'scroll', el('table', 'rows', [el('thead', null, rowHead), rowBody]))]));
  }

  if (data.kind === 'eval') renderEval(); else renderTrace();
})();
`;
