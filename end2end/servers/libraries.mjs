// The real libraries, as compare.mjs and the page test (tests/server-says.spec.ts) ask them:
// node jsonwebtoken 9.0.3 in this process, PyJWT 2.15.1 through run_pyjwt.py, both at the
// cases' clock, with the key and options handed over as crates/jwt-core/src/servers documents.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { isUtf8 } from 'node:buffer';
import { fileURLToPath } from 'node:url';

import { NOW } from './cases.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(path.join(here, '..', 'package.json'));
export const python = process.env.PYJWT_PYTHON || path.join(root, '.tools', 'pyjwt', 'bin', 'python');

/** node jsonwebtoken, or an error naming what is missing (also the Python with PyJWT). */
export function loadJsonwebtoken() {
  let jwt;
  try {
    jwt = require('jsonwebtoken');
  } catch {
    throw new Error('jsonwebtoken is not installed: run `npm ci` in end2end/ (scripts/bootstrap.sh does)');
  }
  const version = require('jsonwebtoken/package.json').version;
  if (version !== '9.0.3') throw new Error(`jsonwebtoken ${version} is installed; the predictions are for 9.0.3`);
  if (!fs.existsSync(python)) throw new Error(`no Python at ${python}: run scripts/bootstrap.sh (or set PYJWT_PYTHON)`);
  return { jwt, version };
}

// ----------------------------------------------------------------- node jsonwebtoken
/** The key as the core hands it to node (crates/jwt-core/src/servers/mod.rs). */
export function nodeKey(hand) {
  switch (hand.kind) {
    case 'none':
      return undefined;
    case 'bytes': {
      const bytes = Buffer.from(hand.hex, 'hex');
      return isUtf8(bytes) ? bytes.toString('utf8') : bytes;
    }
    case 'jwk': {
      const jwk = JSON.parse(hand.text);
      return jwk.kty === 'oct' ? crypto.createSecretKey(Buffer.from(jwk.k, 'base64url')) : crypto.createPublicKey({ key: jwk, format: 'jwk' });
    }
    default:
      throw new Error('no key hand ' + hand.kind);
  }
}

/** The options as the core hands them to node. */
export function nodeOptions(o) {
  const out = { clockTimestamp: NOW, clockTolerance: o.clockTolerance || 0 };
  const one = (list) => (list.length === 1 ? list[0] : list);
  if (o.algorithms) out.algorithms = o.algorithms;
  if (o.audience?.length) out.audience = one(o.audience);
  if (o.issuer?.length) out.issuer = one(o.issuer);
  if (o.subject !== undefined) out.subject = o.subject;
  if (o.jwtid !== undefined) out.jwtid = o.jwtid;
  if (o.maxAge !== undefined) out.maxAge = /^-?\d+(\.\d+)?$/.test(o.maxAge) ? Number(o.maxAge) : o.maxAge;
  if (o.ignoreExpiration) out.ignoreExpiration = true;
  if (o.ignoreNotBefore) out.ignoreNotBefore = true;
  return out;
}

export function runNode(jwt, c) {
  try {
    jwt.verify(c.token, nodeKey(c.key.hand), nodeOptions(c.options));
    return { ok: true };
  } catch (e) {
    return { ok: false, class: e.name, message: e.message };
  }
}

// ----------------------------------------------------------------- PyJWT
/** PyJWT's answers by case id: {ok} or {ok: false, class, message}. */
export function runPyjwt(list) {
  const input = JSON.stringify({ now: NOW, cases: list.map((c) => ({ id: c.id, token: c.token, hand: c.key.hand, options: c.options })) });
  const run = spawnSync(python, [path.join(here, 'run_pyjwt.py')], { input, maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`run_pyjwt.py failed:\n${run.stderr}`);
  const out = JSON.parse(run.stdout.toString());
  if (out.pyjwt !== '2.15.1') throw new Error(`PyJWT ${out.pyjwt} is installed; the predictions are for 2.15.1`);
  const results = {};
  for (const [id, r] of Object.entries(out.results)) results[id] = r.ok ? { ok: true } : { ok: false, class: r.exception, message: r.message };
  return { results, versions: `PyJWT ${out.pyjwt}, cryptography ${out.cryptography}` };
}

