// The CLI as something installed: `crosswire --version` prints project()'s version, and `cmake --install` puts the
// binary and its man page (generated from the usage text) under a prefix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const buildDir = path.join(root, 'build/native');
const cli = process.env.CROSSWIRE_CLI ?? path.join(buildDir, 'crosswire');
const version = readFileSync(path.join(root, 'CMakeLists.txt'), 'utf8').match(/^project\(crosswire\s+VERSION\s+(\S+)/m)[1];

test('--version prints the version of CMakeLists.txt', () => {
  const r = spawnSync(cli, ['--version'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `crosswire ${version}\n`);
});

test('cmake --install puts the CLI and its man page under a prefix', () => {
  const prefix = mkdtempSync(path.join(tmpdir(), 'crosswire-prefix-'));
  try {
    const install = spawnSync('cmake', ['--install', buildDir, '--prefix', prefix], { encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr + install.stdout);
    const installed = path.join(prefix, 'bin/crosswire');
    const r = spawnSync(installed, ['--version'], { encoding: 'utf8' });
    assert.equal(r.stdout, `crosswire ${version}\n`);
    const analyzed = spawnSync(installed, ['analyze', path.join(root, 'tests/golden/seeds')], { encoding: 'utf8' });
    assert.equal(analyzed.status, 0, analyzed.stderr);
    assert.equal(JSON.parse(analyzed.stdout).articles.length, 5);

    const manPath = path.join(prefix, 'share/man/man1/crosswire.1');
    assert.ok(existsSync(manPath), 'share/man/man1/crosswire.1 is installed');
    const man = readFileSync(manPath, 'utf8');
    assert.match(man, new RegExp(`^\\.TH CROSSWIRE 1 "" "crosswire ${version.replace(/\./g, '\\.')}"`, 'm'));
    // Every command form and option of the usage text is in the page.
    const usage = spawnSync(cli, ['--help'], { encoding: 'utf8' }).stdout;
    const unescape = (text) => text.replace(/\\-/g, '-').replace(/\\e/g, '\\');
    for (const option of usage.match(/--[a-z]+/g)) assert.ok(unescape(man).includes(option), `the man page documents ${option}`);
    for (const section of ['NAME', 'SYNOPSIS', 'COMMANDS', 'EXIT STATUS']) assert.match(man, new RegExp(`^\\.SH ${section}$`, 'm'));
    // Where man(1) is there, the page must render without complaints.
    const rendered = spawnSync('man', ['--warnings', '-l', '-P', 'cat', manPath], { encoding: 'utf8', env: { ...process.env, MANWIDTH: '100' } });
    if (!rendered.error) {
      assert.equal(rendered.status, 0, rendered.stderr);
      assert.equal(rendered.stderr, '');
      assert.match(rendered.stdout, /crosswire match --pairs FILE/);
    }
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
});
