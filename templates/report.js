// perfwatch report --html: draws each benchmark's nights with uPlot when its
// card scrolls into view (1,000 charts at once would take seconds), and
// filters and sorts the cards. The nights come from the page's JSON document
// (#perfwatch-data); the cards' markup from the template.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('perfwatch-data').textContent);
  var list = document.getElementById('list');
  var cards = Array.prototype.slice.call(list.querySelectorAll('.card'));
  var filter = document.getElementById('filter');
  var verdictSelect = document.getElementById('verdict');
  var sortSelect = document.getElementById('sort');
  var shown = document.getElementById('shown');
  var tip = document.getElementById('tooltip');
  var COLOR = {
    p50: '#0969da', p95: '#bf8700', p99: '#8250df', band: 'rgba(191,135,0,0.18)', growth: '#0969da',
    regression: '#cf222e', candidate: '#fb8500', failed: '#57606a', decision: '#1a7f37', window: 'rgba(9,105,218,0.08)'
  };
  var MARK = { none: 0, regression: 1, candidate: 2, failed: 3 };
  var VERDICT_ORDER = { regression: 0, 'insufficient-baseline': 2, improvement: 3, unchanged: 4 };
  var charts = [];  // every uPlot drawn so far, for resizing

  // As format_quantity in src/model/units.cpp formats them.
  function number(v) {
    var a = Math.abs(v);
    if (a !== 0 && (a >= 1e7 || a < 1e-3)) return v.toPrecision(3);
    if (a >= 100) return v.toFixed(0);
    if (a >= 10) return v.toFixed(1);
    return v.toFixed(2);
  }
  function quantity(v, unit) {
    if (v === null || v === undefined) return '-';
    var a = Math.abs(v);
    if (unit === 'ns') {
      if (a >= 1e9) return number(v / 1e9) + ' s';
      if (a >= 1e6) return number(v / 1e6) + ' ms';
      if (a >= 1e3) return number(v / 1e3) + ' us';
      return number(v) + ' ns';
    }
    var s = a >= 1e9 ? number(v / 1e9) + 'G' : a >= 1e6 ? number(v / 1e6) + 'M' : a >= 1e4 ? number(v / 1e3) + 'k' : number(v);
    return unit ? s + ' ' + unit : s;
  }
  var DAYS = [1, 2, 7, 14, 28, 91, 182, 364].map(function (d) { return d * 86400; });
  function day(t) { return new Date(t * 1000).toISOString().slice(5, 10); }
  function when(t) { return new Date(t * 1000).toISOString().slice(0, 16).replace('T', ' ') + ' UTC'; }

  // Each decision shows on the first night at or after it.
  function decisionsByNight(c) {
    var at = {};
    c.decisions.forEach(function (d) {
      for (var i = 0; i < c.t.length; i++) {
        if (c.t[i] >= d[0]) { (at[i] = at[i] || []).push(d[1]); return; }
      }
    });
    return at;
  }

  function tooltipText(c, i, decisions, growth) {
    var commit = data.commits[c.commit[i]];
    var lines = [when(c.t[i]), commit[0].slice(0, 8) + ' ' + commit[1]];
    var mark = c.mark[i];
    if (mark === MARK.failed) {
      lines.push('FAILED: ' + (c.notes[i] || ''));
    } else if (growth) {
      lines.push('memory growth ' + quantity(c.growth[i], 'MB/h'));
    } else {
      if (c.latency) {
        lines.push('p50 ' + quantity(c.p50[i], c.unit) + ', p95 ' + quantity(c.p95[i], c.unit) + ', p99 ' + quantity(c.p99[i], c.unit));
      } else {
        lines.push(c.line + ' ' + quantity(c.p50[i], c.unit));
      }
      if (c.lo[i] !== null && c.hi[i] !== null)
        lines.push((c.latency ? 'p95' : c.line) + ' 95 % interval ' + quantity(c.lo[i], c.unit) + ' to ' + quantity(c.hi[i], c.unit));
      if (mark === MARK.regression) lines.push('regression: ' + (c.notes[i] || ''));
      if (mark === MARK.candidate) lines.push('candidate, not filed: ' + (c.notes[i] || ''));
    }
    (decisions[i] || []).forEach(function (d) { lines.push('triage: ' + d); });
    if (data.commit_url) lines.push('click to open the commit');
    return lines.join('\n');
  }

  // The marked nights as a series of points only (null elsewhere).
  function marked(c, values, mark) {
    return c.t.map(function (_, i) { return c.mark[i] === mark ? values[i] : null; });
  }

  function drawWindow(c) {
    return function (u) {
      if (!c.baseline) return;
      var ctx = u.ctx, b = u.bbox;
      var x0 = Math.max(u.valToPos(c.baseline[0], 'x', true), b.left);
      var x1 = Math.min(u.valToPos(c.baseline[1], 'x', true), b.left + b.width);
      if (x1 < b.left || x0 > b.left + b.width) return;
      ctx.save();
      ctx.fillStyle = COLOR.window;
      ctx.fillRect(x0, b.top, Math.max(x1 - x0, 2), b.height);
      ctx.restore();
    };
  }

  function drawEvents(c) {
    return function (u) {
      var ctx = u.ctx, b = u.bbox, px = devicePixelRatio || 1;
      ctx.save();
      ctx.beginPath();
      ctx.rect(b.left, b.top, b.width, b.height);
      ctx.clip();
      ctx.lineWidth = 2 * px;
      ctx.strokeStyle = COLOR.decision;
      ctx.setLineDash([4 * px, 3 * px]);
      c.decisions.forEach(function (d) {
        var x = u.valToPos(d[0], 'x', true);
        ctx.beginPath();
        ctx.moveTo(x, b.top);
        ctx.lineTo(x, b.top + b.height);
        ctx.stroke();
      });
      ctx.setLineDash([]);
      ctx.strokeStyle = COLOR.failed;
      var s = 4 * px, y = b.top + b.height - 8 * px;
      c.mark.forEach(function (m, i) {
        if (m !== MARK.failed) return;
        var x = u.valToPos(c.t[i], 'x', true);
        ctx.beginPath();
        ctx.moveTo(x - s, y - s); ctx.lineTo(x + s, y + s);
        ctx.moveTo(x + s, y - s); ctx.lineTo(x - s, y + s);
        ctx.stroke();
      });
      ctx.restore();
    };
  }

  function showTip(c, card, decisions, growth) {
    return function (u) {
      var i = u.cursor.idx;
      if (i === null || i === undefined || u.cursor.left < 0) {
        tip.hidden = true;
        return;
      }
      tip.textContent = tooltipText(c, i, decisions, growth);
      tip.hidden = false;
      var box = u.over.getBoundingClientRect();
      var x = box.left + u.valToPos(c.t[i], 'x') + 14, y = box.top + u.cursor.top + 14;
      var w = tip.offsetWidth, h = tip.offsetHeight;
      tip.style.left = Math.min(x, window.innerWidth - w - 8) + 'px';
      tip.style.top = (y + h > window.innerHeight ? y - h - 28 : y) + 'px';
      card.dataset.hovered = String(i);
    };
  }

  // A click on a night opens its commit; the end of a drag (a zoom) does not,
  // nor does a double-click (it resets the zoom): the click waits to see.
  function openOnClick(u, c) {
    var down = null, pending = null;
    u.over.addEventListener('mousedown', function (e) { down = [e.clientX, e.clientY]; });
    u.over.addEventListener('dblclick', function () { clearTimeout(pending); pending = null; });
    u.over.addEventListener('click', function (e) {
      var dragged = down && Math.abs(e.clientX - down[0]) + Math.abs(e.clientY - down[1]) > 4;
      var i = u.cursor.idx;
      clearTimeout(pending);
      pending = null;
      if (dragged || e.detail > 1 || !data.commit_url || i === null || i === undefined) return;
      var address = data.commit_url + data.commits[c.commit[i]][0];
      pending = setTimeout(function () {
        pending = null;
        var tab = window.open(address, '_blank');
        if (tab) tab.opener = null;  // the commit's page gets no handle on this one
      }, 300);
    });
  }

  function plot(card, el, c, growth) {
    var decisions = decisionsByNight(c);
    var line = growth ? c.growth : c.latency ? c.p95 : c.p50;
    var unit = growth ? 'MB/h' : c.unit;
    var columns = [c.t], series = [{}], bands = [];
    function add(values, s) { columns.push(values); series.push(s); return series.length - 1; }
    var noLine = function () { return null; };
    if (growth) {
      add(c.growth, { label: 'memory growth', stroke: COLOR.growth, width: 2, points: { show: true, size: 5 } });
    } else {
      if (c.latency) add(c.p99, { label: 'p99', stroke: COLOR.p99, width: 1.5, points: { show: false } });
      var hi = add(c.hi, { label: 'interval high', stroke: 'rgba(0,0,0,0)', points: { show: false } });
      var lo = add(c.lo, { label: 'interval low', stroke: 'rgba(0,0,0,0)', points: { show: false } });
      bands.push({ series: [hi, lo], fill: COLOR.band });
      if (c.latency) add(c.p95, { label: 'p95', stroke: COLOR.p95, width: 2, points: { show: true, size: 5 } });
      add(c.p50, { label: c.latency ? 'p50' : c.line, stroke: COLOR.p50, width: 2, points: { show: !c.latency, size: 5 } });
      add(marked(c, line, MARK.candidate), { label: 'candidate', stroke: COLOR.candidate, width: 2, paths: noLine,
        points: { show: true, size: 11, width: 2, stroke: COLOR.candidate, fill: '#fff' } });
      add(marked(c, line, MARK.regression), { label: 'regression', stroke: COLOR.regression, paths: noLine,
        points: { show: true, size: 11, stroke: COLOR.regression, fill: COLOR.regression } });
    }
    var u = new uPlot({
      width: Math.max(el.clientWidth, 300),
      height: el.clientHeight || 260,
      series: series,
      bands: bands,
      legend: { show: false },
      // uPlot swallows the click that ends a drag; openOnClick tells a drag from a click itself.
      cursor: { drag: { x: true, y: false, click: function () {} }, points: { show: false } },
      scales: { x: { time: true } },
      // Nights are days: ticks at UTC midnights, labelled by date (the tooltip has the hour).
      tzDate: function (t) { return uPlot.tzDate(new Date(t * 1e3), 'Etc/UTC'); },
      axes: [{ space: 56, incrs: DAYS, values: function (_, ticks) { return ticks.map(day); } }, { size: 74, values: function (_, ticks) { return ticks.map(function (v) { return quantity(v, unit); }); } }],
      hooks: {
        drawClear: [drawWindow(c)],
        draw: [drawEvents(c)],
        setCursor: [showTip(c, card, decisions, growth)],
        setScale: [function (u, key) {
          if (key === 'x') card.dataset.zoom = Math.round(u.scales.x.min) + ',' + Math.round(u.scales.x.max);
        }]
      }
    }, columns, el);
    u.over.addEventListener('mouseleave', function () { tip.hidden = true; });
    openOnClick(u, c);
    charts.push({ u: u, el: el });
  }

  var drawn = 0;
  function draw(card) {
    if (card.dataset.drawn === 'yes') return;
    var c = data.charts[Number(card.dataset.index)];
    plot(card, card.querySelector('.plot'), c, false);
    if (c.growth) {
      var title = document.createElement('h3');
      title.textContent = 'memory growth (MB/h)';
      var el = document.createElement('div');
      el.className = 'plot growth';
      card.appendChild(title);
      card.appendChild(el);
      plot(card, el, c, true);
    }
    card.dataset.drawn = 'yes';
    document.body.dataset.chartsDrawn = String(++drawn);
  }

  function matches(card, text, verdict) {
    if (text && card.dataset.name.toLowerCase().indexOf(text) < 0) return false;
    if (!verdict) return true;
    return verdict === 'candidate' ? card.dataset.candidate === 'yes' : card.dataset.verdict === verdict;
  }

  var ORDER = {
    change: function (a, b) { return Number(b.dataset.change) - Number(a.dataset.change); },
    verdict: function (a, b) {
      var rank = function (c) { return c.dataset.candidate === 'yes' && c.dataset.verdict !== 'regression' ? 1 : VERDICT_ORDER[c.dataset.verdict]; };
      return rank(a) - rank(b) || Number(b.dataset.change) - Number(a.dataset.change);
    },
    name: function () { return 0; }
  };

  function apply() {
    var text = filter.value.trim().toLowerCase(), verdict = verdictSelect.value, count = 0;
    var order = ORDER[sortSelect.value] || ORDER.change;
    var sorted = cards.slice().sort(function (a, b) {
      return order(a, b) || (a.dataset.name < b.dataset.name ? -1 : a.dataset.name > b.dataset.name ? 1 : 0);
    });
    var fragment = document.createDocumentFragment();
    sorted.forEach(function (card) {
      card.hidden = !matches(card, text, verdict);
      if (!card.hidden) count++;
      fragment.appendChild(card);
    });
    list.appendChild(fragment);
    shown.textContent = count === cards.length ? 'all ' + count + ' benchmarks' : count + ' of ' + cards.length + ' benchmarks';
    document.body.dataset.shown = String(count);
  }

  filter.addEventListener('input', apply);
  verdictSelect.addEventListener('change', apply);
  sortSelect.addEventListener('change', apply);
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.u.setSize({ width: Math.max(c.el.clientWidth, 300), height: c.u.height }); });
  });

  apply();
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) { if (e.isIntersecting) draw(e.target); });
    document.body.dataset.ready = 'yes';
  }, { rootMargin: '400px 0px' });
  cards.forEach(function (card) { observer.observe(card); });
  if (!cards.length) document.body.dataset.ready = 'yes';
})();
