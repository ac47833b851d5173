// Writes the screenshots of docs/viewer.md: the terminal view, the HTML view of a real
// counterexample (the md lifecycle model's once it exists, else an example's) and of a
// lasso, and the state graph with the counterexample highlighted. Not part of the test suite.
// Usage: bash tests/browser/run.sh build/release/cli/interleave . docs/img screenshots.cjs
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const common = require('./common.cjs');

const [interleave, root, out] = process.argv.slice(2);
const SGR = { 1: 'font-weight:bold', 2: 'opacity:.6', 31: 'color:#ff6b6b', 32: 'color:#69db7c',
  33: 'color:#ffd43b', 34: 'color:#74c0fc', 35: 'color:#da77f2', 36: 'color:#66d9e8', 91: 'color:#ff8787' };

const esc = (s) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);

// The terminal's output (with colour escapes) as HTML in a dark terminal window.
function terminalHtml(ansi, title) {
  let html = '';
  for (const part of ansi.split(/\x1b\[([0-9;]*)m/).entries()) {
    const [i, text] = part;
    if (i % 2 === 0) { html += esc(text); continue; }
    const codes = text.split(';').filter((c) => c && c !== '0');
    html += codes.length ? '<span style="' + codes.map((c) => SGR[c] || '').join(';') + '">' : '</span>';
  }
  html = html.replace(/<\/span>(?=<\/span>)/g, '');
  return '<html><body style="margin:0;background:#e9ecef;padding:18px">' +
    '<div id="term" style="display:inline-block;background:#1e1e2e;color:#dee2e6;border-radius:8px;' +
    'box-shadow:0 4px 18px #0004;font:13px/1.35 \'DejaVu Sans Mono\',monospace">' +
    '<div style="padding:6px 12px;background:#2b2b3c;border-radius:8px 8px 0 0;color:#adb5bd;font-family:sans-serif;font-size:12px">' +
    esc(title) + '</div><pre style="margin:0;padding:10px 14px;font:inherit">' + html + '</pre></div></body></html>';
}

async function terminalShot(context, trace) {
  const shown = 'interleave view interleave-traces/' + path.basename(trace);
  const ansi = childProcess.execFileSync('script', ['-qec',
    'COLUMNS=100 ' + interleave + ' view ' + trace, '/dev/null'], { encoding: 'utf8', cwd: root }).replace(/\r/g, '');
  const page = await context.newPage();
  await page.setContent(terminalHtml(ansi, '$ ' + shown));
  await page.locator('#term').screenshot({ path: path.join(out, 'view-terminal.png') });
  await page.close();
}

async function htmlShot(context, trace, name, prepare) {
  const html = path.join(os.tmpdir(), name + '.html');
  common.writeHtml(interleave, trace, html, root);
  const { page } = await common.openPage(context, html);
  await prepare(page);
  await page.screenshot({ path: path.join(out, name + '.png') });
  await page.close();
}

function graphShot(model, trace) {
  const t = JSON.parse(fs.readFileSync(trace, 'utf8'));
  const defines = Object.entries(t.defines).flatMap(([k, v]) => ['-D', k + '=' + v]);
  const dot = path.join(os.tmpdir(), 'graph.dot');
  common.run(interleave, ['graph', model, ...defines, '--dot', dot, '--trace', trace, '--max-states', '60'], 60000, root);
  childProcess.execFileSync('dot', ['-Tpng', '-Gdpi=72', dot, '-o', path.join(out, 'graph.png')]);
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ilv-shots-'));
  fs.mkdirSync(out, { recursive: true });
  const picked = common.pickCounterexample(interleave, root, tmp);
  const context = await common.launch(tmp, { width: 1280, height: 720 });
  try {
    await terminalShot(context, picked.trace);
    await htmlShot(context, picked.trace, 'view-html', async (page) => {
      await page.keyboard.press('End');
    });
    await htmlShot(context, path.join(root, 'tests/browser/lasso.trace.json'), 'view-html-lasso', async (page) => {
      await page.keyboard.press('End');
    });
    graphShot(picked.model, picked.trace);
  } finally {
    await context.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
