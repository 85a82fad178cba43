#!/usr/bin/env node
// `npm run test:editor`: the extension in a real VS Code. Installs code-server from npm into a
// cache outside node_modules, packages and installs the .vsix, starts code-server on a free port
// and drives Debian's Chromium with playwright-core: a .ot file shows its diagnostics, completion
// opens, "ot: Preview prompts" shows the prompts and follows an input, "ot: Show plan" draws an
// SVG. Screenshots go to a temporary directory (printed) — OT_EDITOR_SCREENSHOTS=DIR keeps them
// there instead. Without Chromium, or when code-server cannot be installed, it skips with one line,
// unless CI is set. Not part of `npm test` (it takes a minute); .ci/run calls it after.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
/** The last code-server release that runs on Node 20 (VS Code 1.100); later ones need Node 22+. */
const CODE_SERVER_VERSION = '4.100.3';
const ci = !['', '0', 'false', undefined].includes(process.env.CI);
const cacheDir = join(
  process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
  'ot-editor-test',
  `code-server-${CODE_SERVER_VERSION}`,
);
const codeServer = join(cacheDir, 'node_modules', 'code-server');

function skip(reason) {
  if (ci) throw new Error(`test:editor: ${reason}; CI must be able to run it`);
  console.log(`skipping test:editor: ${reason}`);
  process.exit(0);
}

/** Runs a command quietly; a failure carries the end of what it printed. */
function run(command, args, options = {}) {
  try {
    execFileSync(command, args, { stdio: 'pipe', maxBuffer: 64 << 20, ...options });
  } catch (error) {
    const said = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim().split('\n').slice(-15);
    throw new Error(`${command} ${args.join(' ')} failed:\n${said.join('\n')}`);
  }
}

/**
 * code-server from npm without its install script, which would download ripgrep and prebuilt
 * binaries from GitHub: VS Code's own dependencies are installed the same way, its few native
 * modules are built against the installed Node's headers, and Debian's ripgrep stands where
 * `@vscode/ripgrep` keeps its binary (`rgPath`, bin/rg beside the package's lib/).
 */
function installCodeServer() {
  const done = join(cacheDir, '.installed');
  if (existsSync(done)) return;
  console.log(`installing code-server ${CODE_SERVER_VERSION} into ${cacheDir}`);
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, 'package.json'), '{ "private": true }\n');
  const npm = ['--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  run('npm', ['install', ...npm, `code-server@${CODE_SERVER_VERSION}`], { cwd: cacheDir });
  const vscode = join(codeServer, 'lib', 'vscode');
  run('npm', ['install', '--omit=dev', ...npm], { cwd: vscode });
  // Node's headers as Debian's and NodeSource's packages install them: no download.
  const env = { ...process.env, npm_config_nodedir: dirname(dirname(process.execPath)) };
  run(join(cacheDir, 'node_modules', '.bin', 'node-pre-gyp'), ['rebuild', '--build-from-source'], {
    cwd: join(cacheDir, 'node_modules', 'argon2'),
    env,
  });
  for (const [module, binary] of [
    ['@vscode/spdlog', 'build/Release/spdlog.node'],
    ['node-pty', 'build/Release/pty.node'],
  ]) {
    try {
      run('npm', ['rebuild', module], { cwd: vscode, env });
    } catch (error) {
      // node-pty's post-install step (editor metadata, via `npx node-gyp`) may fail after the build.
      if (!existsSync(join(vscode, 'node_modules', module, binary))) throw error;
    }
  }
  const rg = join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  mkdirSync(dirname(rg), { recursive: true });
  rmSync(rg, { force: true });
  symlinkSync('/usr/bin/rg', rg);
  writeFileSync(done, `${new Date().toISOString()}\n`);
}

/** A port nothing listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, child, output) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`code-server exited:\n${output.join('')}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer at ${url}:\n${output.join('')}`);
}

const chromiumPath = process.env.OT_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) skip(`Chromium not found (${chromiumPath})`);
if (!existsSync('/usr/bin/rg')) skip('ripgrep not found (/usr/bin/rg; apt-get install ripgrep)');
try {
  installCodeServer();
} catch (error) {
  if (ci) throw error;
  skip(`code-server could not be installed (${error.message.split('\n')[0]})`);
}

const work = mkdtempSync(join(tmpdir(), 'ot-editor-test-'));
const shots = process.env.OT_EDITOR_SCREENSHOTS ?? join(work, 'screenshots');
mkdirSync(shots, { recursive: true });
const workspace = join(work, 'project');
const userData = join(work, 'user-data');
const extensions = join(work, 'extensions');
mkdirSync(join(userData, 'User'), { recursive: true });
mkdirSync(workspace, { recursive: true });
writeFileSync(
  join(userData, 'User', 'settings.json'),
  JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'workbench.tips.enabled': false,
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'window.commandCenter': false,
    'chat.disableAIFeatures': true,
  }),
);
writeFileSync(
  join(workspace, 'tides.ot'),
  [
    '---',
    'description: A title, then its first line.',
    'backend: fake:tides.fake.yaml',
    'input:',
    '  topic: { type: string, default: tides }',
    '---',
    'Write a title about {{ topic }}. << title = generate_text() >>',
    'Now a first line for "{{ title | trim }}" in a {{ tone }} tone. << line = generate_text() >>',
    '',
  ].join('\n'),
);
writeFileSync(join(workspace, 'tides.fake.yaml'), 'default: " A reply from the backend"\n');

let server;
let browser;
try {
  console.log('packaging the extension');
  run('npm', ['run', 'package', '-w', 'vscode-extension'], { cwd: root });
  const vsix = join(root, 'vscode-extension', 'ot-vscode.vsix');
  const entry = join(codeServer, 'out', 'node', 'entry.js');
  const dirs = ['--user-data-dir', userData, '--extensions-dir', extensions];
  run(process.execPath, [entry, ...dirs, '--install-extension', vsix]);
  if (!existsSync(join(extensions, 'extensions.json')))
    throw new Error('the .vsix did not install');

  const port = await freePort();
  const output = [];
  server = spawn(
    process.execPath,
    [
      entry,
      ...dirs,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      workspace,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  server.stdout.on('data', (chunk) => output.push(String(chunk)));
  server.stderr.on('data', (chunk) => output.push(String(chunk)));
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, server, output);

  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  const shot = async (name) => {
    const path = join(shots, `${name}.png`);
    await page.screenshot({ path });
    console.log(`  screenshot ${path}`);
  };
  const check = (name, ok) => {
    if (!ok) throw new Error(`check failed: ${name}`);
    console.log(`✓ ${name}`);
  };
  const command = async (title) => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type(title);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
  };
  /** The webview frame whose page has `selector`, once it does. */
  const webviewWith = async (selector) => {
    for (let i = 0; i < 300; i++) {
      for (const frame of page.frames()) {
        if (
          (await frame
            .locator(selector)
            .count()
            .catch(() => 0)) > 0
        )
          return frame;
      }
      await page.waitForTimeout(200);
    }
    throw new Error(`no webview shows ${selector}`);
  };

  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type('tides.ot');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'tides.ot' })
    .first()
    .waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: 'Write a title' }).waitFor();

  // Diagnostics: `tone` is not declared; the server's warning is squiggled and counted.
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
  check('diagnostics: a squiggle under the undefined variable', true);
  await shot('1-diagnostics');

  // Completion: `{{ t` offers the inputs and variables in scope.
  await page.locator('.monaco-editor .view-line', { hasText: 'Now a first line' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' {{ to');
  await page.keyboard.press('Control+Space');
  const suggestions = page.locator('.suggest-widget .monaco-list-row');
  await suggestions.first().waitFor({ timeout: 30_000 });
  const labels = await suggestions.allInnerTexts();
  check(
    `completion: ${labels.length} suggestions, with topic`,
    labels.some((label) => label.includes('topic')),
  );
  await shot('2-completion');
  await page.keyboard.press('Escape');
  for (let i = 0; i < ' {{ to'.length; i++) await page.keyboard.press('Backspace');

  // The preview: each prompt in run order, placeholders marked, and it follows an input.
  await command('ot: Preview prompts');
  const preview = await webviewWith('.call');
  await preview.locator('.call').nth(1).waitFor();
  const first = await preview.locator('.call pre').first().innerText();
  check(
    `preview: the first prompt (${JSON.stringify(first)})`,
    first === 'Write a title about tides. ',
  );
  check(
    'preview: the second prompt shows the first reply as a marked placeholder',
    (await preview.locator('.call').nth(1).locator('.placeholder-text').count()) > 0,
  );
  await preview.locator('input[data-name="topic"]').fill('volcanoes');
  await preview
    .locator('.call pre', { hasText: 'Write a title about volcanoes.' })
    .first()
    .waitFor({ timeout: 30_000 });
  check('preview: typing an input updates the prompts', true);
  await shot('3-preview');
  await preview.locator('#run').click();
  await preview.locator('.status.called').nth(1).waitFor({ timeout: 30_000 });
  check('preview: Run shows the backend replies', true);
  await shot('4-preview-run');

  // Show plan: Mermaid, bundled, draws an SVG above the plan in words.
  await page.locator('.monaco-editor .view-lines', { hasText: 'Write a title' }).click();
  await command('ot: Show plan');
  const plan = await webviewWith('body.graph-drawn svg');
  check('Show plan: the graph is an SVG', (await plan.locator('svg').count()) > 0);
  await shot('5-show-plan');
  console.log(`test:editor passed; screenshots in ${shots}`);
} finally {
  await browser?.close();
  if (server && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  // The screenshots stay (in `work` unless OT_EDITOR_SCREENSHOTS says elsewhere); the rest goes.
  for (const dir of [workspace, userData, extensions])
    rmSync(dir, { recursive: true, force: true });
  if (process.env.OT_EDITOR_SCREENSHOTS) rmSync(work, { recursive: true, force: true });
}
