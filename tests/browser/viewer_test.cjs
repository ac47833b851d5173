// Browser test of `interleave view --html`: renders real counterexamples in Debian's headless
// chromium (driven by playwright-core), checks the chart, keyboard stepping, the state panel,
// the filters, the source link and a lasso's cycle, saves screenshots, and checks that a
// trace of 10,000 steps and 200 variables loads and answers the keyboard quickly.
// Usage: node viewer_test.cjs INTERLEAVE SOURCE_DIR OUT_DIR   (run.sh sets NODE_PATH)
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const common = require('./common.cjs');

const [interleave, root, out] = process.argv.slice(2);
const BIG_STEPS = 10000;
const BIG_VARIABLES = 200;
const LOAD_LIMIT_MS = 15000;    // generous: CI shares two cores with a sanitizer build
const KEY_LIMIT_MS = 1000;

let passed = 0;
let failed = 0;
function check(ok, what) {
  if (ok) {
    passed++;
  } else {
    failed++;
    console.log('FAIL: ' + what);
  }
}

const writeHtml = (trace, html) => common.writeHtml(interleave, trace, html, root);
const openPage = (context, html) => common.openPage(context, html);
const selected = (page) => page.evaluate(() => Number(document.body.dataset.selected));
const count = (page, css) => page.locator(css).count();

// The variables step k (0-based) changed, computed from the trace file itself.
function changedBy(trace, k) {
  const before = k === 0 ? trace.initial : trace.steps[k - 1].state;
  const after = trace.steps[k].state;
  return after ? after.map((v, i) => v !== before[i]).filter(Boolean).length : 0;
}

async function checkChart(page, trace) {
  check(await count(page, '.lane-name') === trace.processes.length, 'one lane per process');
  const laneText = await page.locator('#lane-head').innerText();
  check(trace.processes.every((p) => laneText.includes(p)), 'every process named in the lane header');
  const rows = await count(page, '#rows .row');
  check(rows === Math.min(rows, trace.steps.length + 1) && rows >= 2, 'the steps are rows in the DOM');
  const first = await page.locator('#rows .row[data-row="1"] .box').innerText();
  check(first.startsWith(trace.steps[0].step), 'step 1 shows its step name: ' + first);
  check((await page.locator('#state-title').innerText()).includes('initial state'),
    'the state panel starts at the initial state');
}

async function checkKeyboard(page, trace) {
  await page.keyboard.press('ArrowDown');
  check(await selected(page) === 1, 'ArrowDown selects step 1');
  const s0 = trace.steps[0];
  const title = await page.locator('#state-title').innerText();
  check(title.includes('after step 1') && title.includes(s0.process_name + '.' + s0.step),
    'the state panel follows to step 1: ' + title);
  check(await count(page, '#state .changed') === changedBy(trace, 0),
    'the state panel highlights exactly the values step 1 changed');
  if (s0.location && await count(page, '#source .src-line') > 0) {
    const line = await page.locator('#source .src-line.current').getAttribute('data-line');
    check(Number(line) === s0.location.line, 'the source panel highlights step 1\'s line');
  }
  await page.keyboard.press('End');
  check(await selected(page) === trace.steps.length, 'End selects the last step');
  await page.keyboard.press('ArrowUp');
  check(await selected(page) === trace.steps.length - 1, 'ArrowUp goes back one step');
  await page.keyboard.press('Home');
  check(await selected(page) === 0, 'Home goes back to the initial state');
  await page.locator('#rows .row[data-row="2"]').click();
  check(await selected(page) === 2, 'clicking a step selects it');
  await page.keyboard.press('ArrowLeft');
  check(await selected(page) === 1, 'ArrowLeft goes back one step');
}

async function checkFilters(page, trace) {
  const name = trace.variables[0].name.replace(/\[.*$/, '');
  await page.fill('#filter', name);
  const names = await page.locator('#state table.state th').allInnerTexts();
  check(names.length > 0 && names.every((n) => n.toLowerCase().includes(name.toLowerCase()) ||
    n.includes('@')), 'the filter keeps only matching variables');
  await page.fill('#filter', 'no-such-variable-name');
  check(await count(page, '#state table.state th') === 0, 'a filter matching nothing empties the panel');
  await page.fill('#filter', '');
  await page.locator('#rows .row[data-row="1"]').click();
  await page.check('#only-changed');
  const shown = await count(page, '#state table.state th');
  check(shown <= changedBy(trace, 0) && shown >= Math.min(1, changedBy(trace, 0)),
    '"only changed" hides the unchanged variables');
  await page.uncheck('#only-changed');
}

async function checkCounterexample(context, tmp) {
  const tracePath = common.pickCounterexample(interleave, root, tmp).trace;
  const trace = JSON.parse(fs.readFileSync(tracePath, 'utf8'));
  const html = path.join(out, 'counterexample.html');
  writeHtml(tracePath, html);
  const content = fs.readFileSync(html, 'utf8');
  check(!/(src|href)\s*=\s*["']?(https?:)?\/\//i.test(content), 'the page loads nothing from the network');
  const { page, errors } = await openPage(context, html);
  await checkChart(page, trace);
  await checkKeyboard(page, trace);
  await checkFilters(page, trace);
  await page.locator('#viewport').focus();
  await page.keyboard.press('End');
  check(await selected(page) === trace.steps.length, 'the keyboard works again after the filters');
  await page.screenshot({ path: path.join(out, 'viewer.png') });
  check(errors.length === 0, 'no script errors: ' + errors.join('; '));
  await page.close();
}

async function checkLasso(context) {
  const html = path.join(out, 'lasso.html');
  writeHtml(path.join(root, 'tests/browser/lasso.trace.json'), html);
  const { page, errors } = await openPage(context, html);
  check(await count(page, '#rows .row.cycle') === 3, 'the three steps of the cycle are marked');
  check(await count(page, '#rows .loop-mark') === 2, 'the cycle start and the way back are marked');
  check((await page.locator('#summary').innerText()).includes('steps 2 to 4 repeat forever'), 'the summary names the cycle');
  check((await page.locator('#rows .row[data-row="4"]').innerText()).includes('back to before step 2'),
    'the last step says where the cycle goes back to');
  await page.screenshot({ path: path.join(out, 'lasso.png') });
  check(errors.length === 0, 'no script errors on the lasso: ' + errors.join('; '));
  await page.close();
}

// A valid trace of BIG_STEPS steps over BIG_VARIABLES counters and four processes.
function bigTrace(file) {
  const processes = ['w[0]', 'w[1]', 'w[2]', 'w[3]'];
  const variables = [];
  for (let i = 0; i < BIG_VARIABLES; i++) variables.push({ name: 'v[' + i + ']', type: 'int', lower: 0, upper: 9 });
  for (const p of processes) variables.push({ name: p + '.@', type: 'location', values: ['a', 'b'] });
  const state = variables.map(() => 0);
  const steps = [];
  for (let k = 0; k < BIG_STEPS; k++) {
    const p = k % processes.length;
    const v = (k * 7) % BIG_VARIABLES;
    state[v] = (state[v] + 1) % 10;
    state[BIG_VARIABLES + p] = 1 - state[BIG_VARIABLES + p];
    steps.push({ process: p, process_name: processes[p], step: 'bump', params: [String(v)],
      action: processes[p] + '.bump(' + v + ')', location: { line: 3, column: 3 }, state: state.slice() });
  }
  const trace = { format: 'interleave-trace', version: 1,
    model: { name: 'big', path: 'big-model-not-on-disk.ilv', digest: '0123456789abcdef' },
    defines: {}, property: { name: 'never', kind: 'invariant', location: { line: 9, column: 1 }, message: 'invariant \'never\' is false' },
    variables, processes, initial: variables.map(() => 0), steps, loop_start: null };
  fs.writeFileSync(file, JSON.stringify(trace));
}

async function timeKey(page, key, expected) {
  const started = Date.now();
  await page.keyboard.press(key);
  await page.waitForFunction((n) => document.body.dataset.selected === String(n), expected);
  return Date.now() - started;
}

async function checkBig(context, tmp) {
  const file = path.join(tmp, 'big.trace.json');
  bigTrace(file);
  const html = path.join(tmp, 'big.html');
  let started = Date.now();
  writeHtml(file, html);
  console.log('view --html of ' + BIG_STEPS + ' steps: ' + (Date.now() - started) + ' ms');
  const { page, errors, loadMs } = await openPage(context, html);
  console.log('big page ready in ' + loadMs + ' ms');
  check(loadMs < LOAD_LIMIT_MS, 'a 10,000-step trace loads within ' + LOAD_LIMIT_MS + ' ms (' + loadMs + ')');
  check(await count(page, '#rows .row') < 200, 'only the rows in sight are in the DOM');
  const end = await timeKey(page, 'End', BIG_STEPS);
  let worst = end;
  for (let i = 1; i <= 20; i++) worst = Math.max(worst, await timeKey(page, 'ArrowUp', BIG_STEPS - i));
  console.log('slowest key response on the big trace: ' + worst + ' ms');
  check(worst < KEY_LIMIT_MS, 'keys answer within ' + KEY_LIMIT_MS + ' ms on the big trace (' + worst + ')');
  check(await count(page, '#rows .row[data-row="' + (BIG_STEPS - 20) + '"]') === 1, 'the selected row is drawn');
  started = Date.now();
  await page.fill('#filter', 'v[1');
  check(Date.now() - started < KEY_LIMIT_MS, 'filtering answers quickly on the big trace');
  check(errors.length === 0, 'no script errors on the big trace: ' + errors.join('; '));
  await page.close();
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ilv-browser-'));
  const context = await common.launch(tmp);
  try {
    await checkCounterexample(context, tmp);
    await checkLasso(context);
    await checkBig(context, tmp);
  } finally {
    await context.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const watchdog = setTimeout(() => { console.log('FAIL: the browser test took over 240 s'); process.exit(1); }, 240000);
main().then(() => {
  clearTimeout(watchdog);
  console.log(passed + ' passed, ' + failed + ' failed');
  process.exit(failed === 0 ? 0 : 1);
}, (e) => {
  clearTimeout(watchdog);
  console.log('FAIL: ' + (e && e.stack || e));
  console.log(passed + ' passed, ' + (failed + 1) + ' failed');
  process.exit(1);
});
