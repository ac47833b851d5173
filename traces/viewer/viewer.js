// The counterexample viewer: reads the trace embedded in the page and draws it. Only the rows
// in sight are in the DOM, and states are rebuilt from checkpoints, so a trace of 10,000
// steps and hundreds of variables stays responsive.
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('trace-data').textContent);
  const steps = data.steps;
  const variables = data.variables;
  const processes = data.processes;
  const ROW = 30;            // px per chart row (kept equal to --row in the stylesheet)
  const OVERSCAN = 8;        // rows drawn beyond the visible ones
  const CHECKPOINT = 128;    // a full state is kept every this many steps
  const LANE_MIN = 96;
  const LANE_MAX = 180;
  // A lasso whose loop starts after the last step is a run that stops: no cycle to mark.
  const stopsAtEnd = data.loop_start !== null && data.loop_start >= data.steps.length;
  const loopStart = stopsAtEnd ? null : data.loop_start;   // step index (0-based) or null
  const rowCount = steps.length + 1;   // row 0 is the initial state

  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s).replace(/[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

  // ---- values and states ----------------------------------------------------------------

  function show(v, value) {
    if (v.kind === 'bool') return value ? 'true' : 'false';
    if (v.labels && value >= 0 && value < v.labels.length) return v.labels[value];
    return String(value);
  }

  function applyStep(state, k) {
    const c = steps[k].changes;
    for (let i = 0; i < c.length; i += 2) state[c[i]] = c[i + 1];
  }

  const checkpoints = [data.initial.slice()];
  (function buildCheckpoints() {
    const s = data.initial.slice();
    for (let k = 0; k < steps.length; k++) {
      applyStep(s, k);
      if ((k + 1) % CHECKPOINT === 0) checkpoints.push(s.slice());
    }
  })();

  // The state after `row` steps (row 0: the initial state). A failed step changes nothing.
  function stateAt(row) {
    const base = Math.floor(row / CHECKPOINT);
    const s = checkpoints[base].slice();
    for (let k = base * CHECKPOINT; k < row; k++) applyStep(s, k);
    return s;
  }

  const inCycle = (k) => loopStart !== null && k >= loopStart;

  // ---- layout ---------------------------------------------------------------------------

  const GUTTER = 64;
  const CHANGES_MIN = 280;

  // Lane and column widths from the chart's width: lanes share what the changes column leaves.
  function layoutLanes() {
    const width = $('chart').clientWidth || window.innerWidth / 2;
    const lane = Math.max(LANE_MIN, Math.min(LANE_MAX,
      Math.floor((width - GUTTER - CHANGES_MIN) / Math.max(1, processes.length))));
    const lanes = lane * processes.length;
    const style = document.documentElement.style;
    style.setProperty('--gutter', GUTTER + 'px');
    style.setProperty('--lane', lane + 'px');
    style.setProperty('--lanes', lanes + 'px');
    style.setProperty('--changes', Math.max(CHANGES_MIN, width - GUTTER - lanes - 2) + 'px');
    style.setProperty('--row', ROW + 'px');
  }
  const hue = (p) => (p * 137 + 200) % 360;
  const locationOf = processes.map((_, p) => variables.findIndex((v) => v.process === p));

  let selected = 0;

  // ---- summary (top) --------------------------------------------------------------------

  function lineLink(line, text) {
    return line ? '<a href="#" class="src-link" data-line="' + line + '">' + esc(text || 'line ' + line) + '</a>' : '';
  }

  function explanationHtml() {
    const parts = data.extras.explanation;
    if (!parts.length) return '';
    let h = '<table class="why"><caption>in the final state</caption>';
    for (const p of parts) {
      const bind = p.binding ? '<span class="bind">' + esc(p.binding) + '</span> ' : '';
      const bad = p.value === 'false' || p.value.startsWith('error');
      h += '<tr><td style="padding-left:' + (p.depth * 18 + 6) + 'px">' + bind +
        '<code>' + esc(p.expression) + '</code></td><td class="val ' + (bad ? 'bad' : 'good') +
        '">' + esc(p.value) + '</td></tr>';
    }
    if (data.extras.parts_left_out) {
      h += '<tr><td colspan="2" class="muted">… ' + data.extras.parts_left_out + ' more parts</td></tr>';
    }
    return h + '</table>';
  }

  function whyHtml() {
    const last = steps.length ? steps[steps.length - 1] : null;
    if (last && last.failed) {
      return '<p class="why-text">step ' + steps.length + ' (' + esc(processes[last.process]) + '.' +
        esc(last.label) + ') fails: <b>' + esc(last.error) + '</b> ' + lineLink(last.error_line) + '</p>';
    }
    if (data.property.kind === 'deadlock') {
      const s = stateAt(steps.length);
      const at = processes.map((p, i) => locationOf[i] < 0 ? '' :
        '<code>' + esc(p) + ' @ ' + esc(show(variables[locationOf[i]], s[locationOf[i]])) + '</code>');
      return '<p class="why-text">no step is enabled in the final state; the processes are at ' +
        at.filter(Boolean).join(', ') + '</p>';
    }
    if (stopsAtEnd) {
      return '<p class="why-text cycle-text">no step is enabled after step ' + steps.length +
        ': the run stays in its final state forever</p>';
    }
    if (loopStart !== null) {
      return '<p class="why-text cycle-text">the cycle starts at step <a href="#" class="step-link" data-row="' +
        (loopStart + 1) + '">' + (loopStart + 1) + '</a> (↻); after step ' + steps.length +
        ' (↩) the system is back in the state before step ' + (loopStart + 1) + ', so the cycle can repeat forever</p>';
    }
    return explanationHtml();
  }

  function renderSummary() {
    const defs = data.defines.map((d) => ' -D ' + esc(d[0]) + '=' + d[1]).join('');
    const notes = data.extras.notes.map((n) => '<p class="note">' + esc(n) + '</p>').join('');
    $('summary').innerHTML =
      '<div class="title"><span class="fail">✗</span> <b>' + esc(data.property.title) + '</b> ' +
      (loopStart !== null ? 'violated: steps ' + (loopStart + 1) + ' to ' + steps.length + ' repeat forever'
        : stopsAtEnd ? 'violated: the run stops after ' + steps.length + ' steps and stays there'
        : 'violated after ' + steps.length + (steps.length === 1 ? ' step' : ' steps')) + ' ' +
      lineLink(data.property.line) +
      '<span class="model">' + esc(data.model.name) + ' · ' + esc(data.model.path) + defs + '</span></div>' +
      '<p class="message">' + esc(data.property.message) + '</p>' + whyHtml() + notes;
  }

  // ---- chart (left) ---------------------------------------------------------------------

  function renderLaneHead() {
    const s = stateAt(selected);
    let h = '<div class="gutter">step</div>';
    processes.forEach((p, i) => {
      const at = locationOf[i] < 0 ? '' : '@' + show(variables[locationOf[i]], s[locationOf[i]]);
      h += '<div class="lane-name" style="--hue:' + hue(i) + '" title="' + esc(p) + '"><b>' + esc(p) +
        '</b><span>' + esc(at) + '</span></div>';
    });
    $('lane-head').innerHTML = h + '<div class="changes-head">changes</div>';
  }

  function changesText(k) {
    const st = steps[k];
    if (st.failed) return '<span class="bad">' + esc(st.error) + '</span>';
    const c = st.changes;
    const parts = [];
    for (let i = 0; i < c.length; i += 2) {
      const v = variables[c[i]];
      if (v.process === st.process) continue;   // the lane shows the move
      parts.push(esc(v.name) + ' = <b>' + esc(show(v, c[i + 1])) + '</b>');
    }
    return parts.join(', ');
  }

  // The property's verdict on the row of the state that breaks it (the last one).
  function verdictBadge(k) {
    if (k !== steps.length - 1 || steps[k].failed) return '';
    if (loopStart !== null) {
      return ' <span class="verdict loop" title="back to the state before step ' + (loopStart + 1) +
        '">↩ back to before step ' + (loopStart + 1) + '</span>';
    }
    return ' <span class="verdict">✗ ' + esc(data.property.kind === 'invariant' ? data.property.name :
      data.property.title) + '</span>';
  }

  // A box starts on its lane and may grow over the lanes beside it (there is one box per row):
  // to the right in the left half of the chart, to the left in the right half.
  function boxPlace(p) {
    const n = processes.length;
    if (p >= n / 2 && n > 1) {
      return 'right:calc(' + (n - 1 - p) + ' * var(--lane));max-width:calc(' + (p + 1) +
        ' * var(--lane) - 12px);margin-right:6px;';
    }
    return 'left:calc(' + p + ' * var(--lane));max-width:calc(' + (n - p) + ' * var(--lane) - 12px);margin-left:6px;';
  }

  function rowHtml(row) {
    const cls = ['row'];
    if (row === selected) cls.push('selected');
    if (row === 0) {
      return '<div class="' + cls.join(' ') + ' initial" data-row="0" style="top:' + 0 +
        'px"><div class="gutter">0</div><div class="lanes"></div><div class="changes muted">initial state</div></div>';
    }
    const k = row - 1;
    const st = steps[k];
    if (inCycle(k)) cls.push('cycle');
    if (st.failed) cls.push('failed');
    const move = st.changes.findIndex((x, i) => i % 2 === 0 && variables[x].process === st.process);
    const to = move < 0 ? '' : ' → ' + show(variables[st.changes[move]], st.changes[move + 1]);
    const prev = k === 0 ? -1 : steps[k - 1].process;
    let hop = '';
    if (prev >= 0 && prev !== st.process) {
      const a = Math.min(prev, st.process), b = Math.max(prev, st.process);
      hop = '<div class="hop" style="left:calc(' + a + ' * var(--lane) + var(--lane) / 2);width:calc(' +
        (b - a) + ' * var(--lane))"></div>';
    }
    const mark = k === loopStart ? '<span class="loop-mark" title="the cycle starts here">↻</span>' :
      (loopStart !== null && k === steps.length - 1 ? '<span class="loop-mark" title="back to step ' +
        (loopStart + 1) + '">↩</span>' : '');
    return '<div class="' + cls.join(' ') + '" data-row="' + row + '" style="top:' + row * ROW + 'px">' +
      '<div class="gutter">' + mark + row + '</div><div class="lanes">' + hop +
      '<div class="box" style="' + boxPlace(st.process) + '--hue:' + hue(st.process) +
      '" title="' + esc(st.action) + '">' + esc(st.label) + (st.failed ? ' ✗' : '') +
      '<span class="to">' + esc(to) + '</span></div></div><div class="changes">' +
      lineLink(st.line, 'L' + st.line) + ' ' + changesText(k) + verdictBadge(k) + '</div></div>';
  }

  let drawn = [-1, -1];
  function renderRows(force) {
    const vp = $('viewport');
    const head = $('lane-head').offsetHeight;
    const top = Math.max(0, vp.scrollTop - head);
    const first = Math.max(0, Math.floor(top / ROW) - OVERSCAN);
    const last = Math.min(rowCount - 1, Math.ceil((top + vp.clientHeight) / ROW) + OVERSCAN);
    if (!force && drawn[0] === first && drawn[1] === last) return;
    drawn = [first, last];
    let h = '';
    for (let r = first; r <= last; r++) h += rowHtml(r);
    $('rows').innerHTML = h;
  }

  function scrollIntoView(row) {
    const vp = $('viewport');
    const head = $('lane-head').offsetHeight;
    const y = row * ROW;
    if (y < vp.scrollTop) vp.scrollTop = y;
    else if (y + ROW + head > vp.scrollTop + vp.clientHeight) vp.scrollTop = y + ROW + head - vp.clientHeight;
  }

  // ---- state panel (right, top) ---------------------------------------------------------

  function changedSet(row) {
    const set = new Map();
    if (row === 0) return set;
    const c = steps[row - 1].changes;
    for (let i = 0; i < c.length; i += 2) set.set(c[i], true);
    return set;
  }

  function groupHtml(g, s, before, changed) {
    const first = variables[g.first];
    const isLoc = !g.array && first.process !== undefined;
    const name = isLoc ? processes[first.process] + ' @' : g.name;
    let value = '';
    let any = false;
    if (!g.array) {
      any = changed.has(g.first);
      value = '<span class="v' + (any ? ' changed' : '') + '"' +
        (any ? ' title="was ' + esc(show(first, before[g.first])) + '"' : '') + '>' +
        esc(show(first, s[g.first])) + '</span>' +
        (any ? '<span class="was">was ' + esc(show(first, before[g.first])) + '</span>' : '');
    } else {
      for (let i = 0; i < g.count; i++) {
        const idx = g.first + i;
        const ch = changed.has(idx);
        any = any || ch;
        value += '<span class="el' + (ch ? ' changed' : '') + '" title="' + esc(g.name) + '[' + i + ']' +
          (ch ? ', was ' + esc(show(variables[idx], before[idx])) : '') + '"><i>' + i + '</i>' +
          esc(show(variables[idx], s[idx])) + '</span>';
      }
    }
    return { any: any, html: '<tr class="' + (any ? 'changed-row' : '') + (isLoc ? ' loc' : '') +
      '"><th title="' + esc(g.name) + '">' + esc(name) + '</th><td>' + value + '</td></tr>' };
  }

  function renderState() {
    const s = stateAt(selected);
    const before = selected === 0 ? s : stateAt(selected - 1);
    const changed = changedSet(selected);
    const filter = $('filter').value.trim().toLowerCase();
    const only = $('only-changed').checked;
    let locs = '', vars = '', shown = 0;
    for (const g of data.groups) {
      if (filter && !g.name.toLowerCase().includes(filter)) continue;
      const r = groupHtml(g, s, before, changed);
      if (only && !r.any) continue;
      shown++;
      if (!g.array && variables[g.first].process !== undefined) locs += r.html; else vars += r.html;
    }
    const title = selected === 0 ? 'initial state' : 'after step ' + selected + ': ' +
      esc(processes[steps[selected - 1].process]) + '.' + esc(steps[selected - 1].label);
    $('state-title').innerHTML = '<b>' + title + '</b> <span class="muted">' + shown + ' of ' +
      data.groups.length + ' shown</span>';
    $('state').innerHTML = '<table class="state">' +
      (locs ? '<tbody><tr class="section"><td colspan="2">locations</td></tr>' + locs + '</tbody>' : '') +
      (vars ? '<tbody><tr class="section"><td colspan="2">variables</td></tr>' + vars + '</tbody>' : '') +
      '</table>' + (shown ? '' : '<p class="muted pad">no variable matches</p>');
  }

  // ---- source panel (right, bottom) -----------------------------------------------------

  function renderSource() {
    const src = data.extras.source;
    if (src === null) {
      $('source-title').innerHTML = '<b>model source</b>';
      $('source').innerHTML = '<p class="muted pad">not available: ' +
        esc(data.extras.notes.join('; ') || 'no model') + '</p>';
      return;
    }
    const lines = src.split('\n');
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    let h = '';
    lines.forEach((l, i) => {
      const n = i + 1;
      h += '<div class="src-line' + (n === data.property.line ? ' prop' : '') + '" data-line="' + n +
        '"><span class="ln">' + n + '</span>' + esc(l) + '\n</div>';
    });
    $('source').innerHTML = '<pre>' + h + '</pre>';
  }

  function highlightSource(line, error) {
    const box = $('source');
    for (const el of box.querySelectorAll('.src-line.current, .src-line.error')) {
      el.classList.remove('current', 'error');
    }
    const title = data.extras.source === null ? '' : line ? 'line ' + line : '';
    $('source-title').innerHTML = '<b>model source</b> <span class="muted">' +
      esc(data.model.path) + (title ? ' · ' + title : '') + '</span>';
    const el = box.querySelector('.src-line[data-line="' + line + '"]');
    if (!el) return;
    el.classList.add(error ? 'error' : 'current');
    const target = el.offsetTop - box.clientHeight / 2 + el.offsetHeight / 2;
    box.scrollTop = Math.max(0, target);
  }

  // ---- selection and events -------------------------------------------------------------

  function select(row) {
    selected = Math.max(0, Math.min(rowCount - 1, row));
    scrollIntoView(selected);
    renderRows(true);
    renderLaneHead();
    renderState();
    const st = selected === 0 ? null : steps[selected - 1];
    if (st && st.failed && st.error_line) highlightSource(st.error_line, true);
    else highlightSource(st ? st.line : data.property.line, false);
    document.body.dataset.selected = String(selected);
  }

  function onKey(e) {
    const t = e.target;
    if (t && t.tagName === 'INPUT' && (t.type === 'search' || t.type === 'text')) return;
    const page = Math.max(1, Math.floor($('viewport').clientHeight / ROW) - 1);
    const moves = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, j: 1, k: -1,
      PageDown: page, PageUp: -page };
    if (e.key in moves) select(selected + moves[e.key]);
    else if (e.key === 'Home') select(0);
    else if (e.key === 'End') select(rowCount - 1);
    else return;
    e.preventDefault();
  }

  function onClick(e) {
    const link = e.target.closest('.src-link');
    if (link) {
      e.preventDefault();
      const row = e.target.closest('.row');
      if (row) select(Number(row.dataset.row));
      highlightSource(Number(link.dataset.line), false);
      return;
    }
    const stepLink = e.target.closest('.step-link');
    if (stepLink) {
      e.preventDefault();
      select(Number(stepLink.dataset.row));
      return;
    }
    const row = e.target.closest('.row');
    if (row) select(Number(row.dataset.row));
  }

  function onSplitter(e) {
    e.preventDefault();
    const move = (ev) => {
      const w = Math.max(260, Math.min(window.innerWidth - 300, window.innerWidth - ev.clientX));
      document.documentElement.style.setProperty('--side', w + 'px');
    };
    const up = () => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
      layoutLanes();
      renderRows(true);
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  }

  function start() {
    layoutLanes();
    renderSummary();
    renderSource();
    $('rows').style.height = rowCount * ROW + 'px';
    $('rows').style.width = 'calc(var(--gutter) + var(--lanes) + var(--changes))';
    let pending = false;
    $('viewport').addEventListener('scroll', () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; renderRows(false); });
    });
    window.addEventListener('resize', () => { layoutLanes(); renderRows(true); });
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    $('filter').addEventListener('input', renderState);
    $('only-changed').addEventListener('change', renderState);
    $('splitter').addEventListener('mousedown', onSplitter);
    select(0);
    $('viewport').focus();
    document.body.dataset.ready = 'true';
  }

  start();
})();
