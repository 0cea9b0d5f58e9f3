#!/usr/bin/env node
// "What would your server say", proven: every case of cases.mjs goes through the real node
// jsonwebtoken 9.0.3 (`jwt.verify`), the real PyJWT 2.15.1 (`jwt.decode`, run_pyjwt.py) and
// `jwt-debugger inspect --json` (its "servers"), all at the same clock; the debugger's answer
// must equal each library's: accepted, or the same error class and message. A case may declare
// that the debugger gives no prediction for a library (and why); then it must say so.
//
// usage: node end2end/servers/compare.mjs
//   JWT_DEBUGGER_CLI  the CLI [default: target/release/jwt-debugger]
//   PYJWT_PYTHON      a Python with requirements.txt installed [default: .tools/pyjwt/bin/python]
// Exit status: 0 when every answer agrees, 1 on any mismatch, 2 when something is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { NOW, makeCases } from './cases.mjs';
import { loadJsonwebtoken, runNode, runPyjwt } from './libraries.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const cli = process.env.JWT_DEBUGGER_CLI || path.join(root, 'target', 'release', 'jwt-debugger');

function fail(message) {
  console.error(`compare: ${message}`);
  process.exit(2);
}

let jwt, jwtVersion;
try {
  ({ jwt, version: jwtVersion } = loadJsonwebtoken());
} catch (e) {
  fail(e.message);
}
if (!fs.existsSync(cli)) fail(`no CLI at ${cli}: cargo build --release --features ssr --bin jwt-debugger (or set JWT_DEBUGGER_CLI)`);

const started = Date.now();
const { cases, certificates } = makeCases();

// ----------------------------------------------------------------- the debugger
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jwt-servers-keys-'));
process.on('exit', () => fs.rmSync(keyDir, { recursive: true, force: true }));

function cliArgs(c, index) {
  const args = ['inspect', '--json', `--now=${NOW}`];
  if (c.key.cli !== 'none') {
    const file = path.join(keyDir, `key-${index}`);
    fs.writeFileSync(file, c.key.text);
    args.push(`--key-kind=${c.key.cli}`, `--key-file=${file}`);
  }
  const o = c.options;
  if (o.algorithms) args.push(`--algorithms=${o.algorithms.join(',')}`);
  for (const a of o.audience || []) args.push(`--audience=${a}`);
  for (const i of o.issuer || []) args.push(`--issuer=${i}`);
  if (o.subject !== undefined) args.push(`--subject=${o.subject}`);
  if (o.jwtid !== undefined) args.push(`--jwtid=${o.jwtid}`);
  if (o.maxAge !== undefined) args.push(`--max-age=${o.maxAge}`);
  if (o.clockTolerance) args.push(`--clock-tolerance=${o.clockTolerance}`);
  if (o.ignoreExpiration) args.push('--ignore-expiration');
  if (o.ignoreNotBefore) args.push('--ignore-not-before');
  args.push('--', c.token);
  return args;
}

function runCli(c, index) {
  const run = spawnSync(cli, cliArgs(c, index), { maxBuffer: 64 << 20 });
  if (run.status !== 0) return { error: `exit ${run.status}: ${run.stderr}` };
  const servers = JSON.parse(run.stdout.toString()).servers;
  const answer = (a, cls) => ({ ok: a.ok, class: a[cls] ?? undefined, message: a.message ?? undefined });
  return { node: answer(servers.node_jsonwebtoken, 'name'), pyjwt: answer(servers.pyjwt, 'exception') };
}

// ----------------------------------------------------------------- compare
const asked = (c, library) => c.key.hand.kind !== 'jwks' && !c.noPrediction?.[library];
let py;
try {
  py = runPyjwt(cases.filter((c) => asked(c, 'pyjwt')));
} catch (e) {
  fail(e.message);
}
const show = (r) => (r ? (r.ok === true ? 'accepted' : r.ok === false ? `${r.class}: ${JSON.stringify(r.message)}` : `no prediction (${r.message})`) : 'missing');
const tally = { node: { compared: 0, agreed: 0, declined: 0 }, pyjwt: { compared: 0, agreed: 0, declined: 0 } };
const mismatches = [];
cases.forEach((c, index) => {
  const predicted = runCli(c, index);
  if (predicted.error) {
    mismatches.push({ id: c.id, description: c.description, library: 'cli', detail: predicted.error });
    return;
  }
  for (const library of ['node', 'pyjwt']) {
    const got = predicted[library];
    if (!asked(c, library)) {
      tally[library].declined += 1;
      if (got.ok !== null) mismatches.push({ id: c.id, description: c.description, library, detail: `expected no prediction (${c.noPrediction?.[library] || 'a key set'}), the debugger says ${show(got)}` });
      continue;
    }
    const real = library === 'node' ? runNode(jwt, c) : py.results[c.id];
    tally[library].compared += 1;
    const same = real && got.ok === real.ok && (real.ok || (got.class === real.class && got.message === real.message));
    if (same) tally[library].agreed += 1;
    else mismatches.push({ id: c.id, description: c.description, library, detail: `library: ${show(real)}\n      debugger: ${show(got)}` });
  }
});

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`servers: ${cases.length} cases at now=${NOW} (jsonwebtoken ${jwtVersion}, ${process.version}; ${py.versions}) in ${seconds}s`);
if (!certificates) console.log('  (no openssl command: the certificate cases were left out)');
for (const [library, t] of Object.entries(tally)) {
  console.log(`  ${library === 'node' ? 'node jsonwebtoken' : 'PyJWT'}: ${t.agreed}/${t.compared} agree; ${t.declined} declared without prediction`);
}
if (mismatches.length) {
  console.log(`\n${mismatches.length} mismatch(es); the first ${Math.min(15, mismatches.length)}:`);
  for (const m of mismatches.slice(0, 15)) console.log(`  ${m.id} [${m.library}] ${m.description}\n      ${m.detail}`);
  process.exit(1);
}
