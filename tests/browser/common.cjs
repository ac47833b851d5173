// Shared by the browser test and the documentation screenshots: running interleave, picking
// the counterexample to show, and starting Debian's chromium the way the issue prescribes.
'use strict';

const { chromium } = require('playwright-core');
const childProcess = require('child_process');
const fs = require('fs');
const path = require('path');

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

// Runs interleave in `cwd` (default: the current directory).
function run(interleave, args, timeoutMs, cwd) {
  const r = childProcess.spawnSync(interleave, args, { encoding: 'utf8', timeout: timeoutMs, cwd });
  if (r.error) throw new Error('interleave ' + args.join(' ') + ': ' + r.error.message);
  return r;
}

// The first counterexample of the md lifecycle model once it exists, else of an example. The
// check runs in `root`, so the trace names the model by its path in the repository.
function pickCounterexample(interleave, root, tmp) {
  const models = ['specs/md/lifecycle.ilv', 'specs/examples/broken_mutex.ilv'];
  for (const model of models) {
    if (!fs.existsSync(path.join(root, model))) continue;
    const r = run(interleave, ['check', model, '--stop-first', '--json', '--trace-dir', path.join(tmp, 'traces')],
      300000, root);
    const violated = JSON.parse(r.stdout).properties.find((p) => p.trace);
    if (violated) {
      console.log('counterexample: ' + model + ', property ' + violated.name);
      return { model, trace: violated.trace };
    }
    console.log(model + ' has no counterexample; trying the next model');
  }
  throw new Error('no model gave a counterexample');
}

// Writes the HTML view of `trace`, run in `cwd` so that a relative model path resolves.
function writeHtml(interleave, trace, html, cwd) {
  const r = run(interleave, ['view', '--html', trace, '-o', html], 300000, cwd);
  if (r.status !== 0) throw new Error('view --html failed: ' + r.stderr);
}

// A browser with a fresh profile in `tmp`.
function launch(tmp, viewport) {
  return chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: '/usr/bin/chromium', headless: true, args: FLAGS,
    viewport: viewport || { width: 1400, height: 820 }, timeout: 60000 });
}

// Opens `url` and waits until the viewer says it is ready; collects script errors.
async function openPage(context, url, readySelector) {
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const started = Date.now();
  await page.goto(url.startsWith('/') ? 'file://' + url : url);
  await page.waitForSelector(readySelector || 'body[data-ready="true"]');
  return { page, errors, loadMs: Date.now() - started };
}

module.exports = { FLAGS, run, pickCounterexample, writeHtml, launch, openPage };
