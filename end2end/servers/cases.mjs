// The cases compare.mjs runs through node jsonwebtoken, PyJWT and `jwt-debugger inspect --json`:
// (token, key, verify options) combinations covering every error class of both libraries and
// their edge cases. The list is deterministic; the keys are made fresh on each run (node:crypto,
// and `openssl req -x509` for certificates).
//
// A case: { id, description, token, key, options, noPrediction? }
//   key:      { cli, text, hand }: the debugger's --key-kind and key text, and how the libraries
//             get the key (`hand`: none | bytes (hex) | jwk (JSON text) | jwks), as the core's
//             servers module documents: bytes go to node as a string when UTF-8, else a Buffer,
//             and to PyJWT as str / bytes; a JWK to node as createPublicKey({key, format: 'jwk'})
//             (createSecretKey for oct), to PyJWT as jwt.PyJWK(jwk).
//   options:  ServerOptions in node's names: algorithms, audience [], issuer [], subject, jwtid,
//             maxAge, clockTolerance, ignoreExpiration, ignoreNotBefore.
//   noPrediction: { node?: reason, pyjwt?: reason }: the debugger must say "no prediction" there
//             (and the library is not asked).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const NOW = 1700000000; // 2023-11-14T22:13:20Z: the clock of every library and the CLI
const PAST = 978307200; // 2001-01-01
const FUTURE = 4102444800; // 2100-01-01
const DAY = 86400;

// ------------------------------------------------------------------------------------- keys
const gen = (type, o) => crypto.generateKeyPairSync(type, o);
function makeKeys() {
  return {
    rsa: gen('rsa', { modulusLength: 2048 }),
    rsa2: gen('rsa', { modulusLength: 2048 }),
    rsa1024: gen('rsa', { modulusLength: 1024 }),
    pss256: gen('rsa-pss', { modulusLength: 2048, hashAlgorithm: 'sha256', mgf1HashAlgorithm: 'sha256', saltLength: 32 }),
    pss384: gen('rsa-pss', { modulusLength: 2048, hashAlgorithm: 'sha384', mgf1HashAlgorithm: 'sha384', saltLength: 48 }),
    pssBare: gen('rsa-pss', { modulusLength: 2048 }),
    p256: gen('ec', { namedCurve: 'prime256v1' }),
    p256b: gen('ec', { namedCurve: 'prime256v1' }),
    p384: gen('ec', { namedCurve: 'secp384r1' }),
    p521: gen('ec', { namedCurve: 'secp521r1' }),
    k1: gen('ec', { namedCurve: 'secp256k1' }),
    ed25519: gen('ed25519'),
    ed448: gen('ed448'),
    x25519: gen('x25519'),
  };
}

/** A self-signed certificate for `key` (null when the openssl command is missing). */
function certificate(key) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jwt-servers-cert-'));
  try {
    const file = path.join(dir, 'key.pem');
    fs.writeFileSync(file, key.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    return execFileSync('openssl', ['req', '-x509', '-new', '-key', file, '-subj', '/CN=jwt-debugger-test', '-days', '36500'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString();
  } catch {
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** An OpenSSH public key line. */
function sshLine(key) {
  const jwk = key.publicKey.export({ format: 'jwk' });
  const str = (b) => { const l = Buffer.alloc(4); l.writeUInt32BE(b.length); return Buffer.concat([l, b]); };
  const mpint = (b) => str(b[0] & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
  let blob;
  if (jwk.kty === 'RSA') blob = Buffer.concat([str(Buffer.from('ssh-rsa')), mpint(Buffer.from(jwk.e, 'base64url')), mpint(Buffer.from(jwk.n, 'base64url'))]);
  else if (jwk.crv === 'Ed25519') blob = Buffer.concat([str(Buffer.from('ssh-ed25519')), str(Buffer.from(jwk.x, 'base64url'))]);
  else blob = Buffer.concat([str(Buffer.from('ecdsa-sha2-nistp256')), str(Buffer.from('nistp256')), str(Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]))]);
  const type = jwk.kty === 'RSA' ? 'ssh-rsa' : jwk.crv === 'Ed25519' ? 'ssh-ed25519' : 'ecdsa-sha2-nistp256';
  return `${type} ${blob.toString('base64')} test@example`;
}

// ------------------------------------------------------------------------------------- tokens
const b64u = (b) => Buffer.from(b).toString('base64url');
const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A segment: JSON of a value, or {raw: text}, {hex: bytes}, {seg: literal segment}. */
function seg(x) {
  if (x && typeof x === 'object' && !Array.isArray(x)) {
    if ('seg' in x) return x.seg;
    if ('raw' in x) return b64u(Buffer.from(x.raw, 'utf8'));
    if ('hex' in x) return b64u(Buffer.from(x.hex, 'hex'));
  }
  return b64u(JSON.stringify(x));
}

function signRaw(alg, input, key) {
  const data = Buffer.from(input);
  if (alg === 'EdDSA') return crypto.sign(null, data, key);
  if (alg === 'ES256K') return crypto.sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' });
  const m = /^(HS|RS|PS|ES)(256|384|512)$/.exec(alg);
  if (!m) throw new Error('cannot sign ' + alg);
  const h = 'sha' + m[2];
  switch (m[1]) {
    case 'HS': return crypto.createHmac(h, key).update(data).digest();
    case 'RS': return crypto.sign(h, data, key);
    case 'PS': return crypto.sign(h, data, { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST });
    default: return crypto.sign(h, data, { key, dsaEncoding: 'ieee-p1363' });
  }
}

/** Flips the unused low bit of the last character (segment length % 4 must be 2 or 3). */
function nonCanonical(s) {
  if (s.length % 4 !== 2 && s.length % 4 !== 3) throw new Error('no padding bits in ' + s);
  return s.slice(0, -1) + ALPHA[ALPHA.indexOf(s[s.length - 1]) | 1];
}

// ------------------------------------------------------------------------------------- cases
export function makeCases() {
  const K = makeKeys();
  const pub = (k) => k.publicKey.export({ type: 'spki', format: 'pem' });
  const priv = (k) => k.privateKey.export({ type: 'pkcs8', format: 'pem' });
  const pubJwk = (k, extra = {}) => ({ ...k.publicKey.export({ format: 'jwk' }), ...extra });
  const privJwk = (k, extra = {}) => ({ ...k.privateKey.export({ format: 'jwk' }), ...extra });
  const PEM = {
    rsaPub: pub(K.rsa), rsaPriv: priv(K.rsa),
    rsaPkcs1Pub: K.rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }),
    rsaPkcs1Priv: K.rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }),
    rsaEncrypted: K.rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pass' }),
    rsa2Pub: pub(K.rsa2), rsa1024Pub: pub(K.rsa1024),
    pss256Pub: pub(K.pss256), pss384Pub: pub(K.pss384), pssBarePub: pub(K.pssBare),
    p256Pub: pub(K.p256), p256Priv: priv(K.p256),
    p256Sec1: K.p256.privateKey.export({ type: 'sec1', format: 'pem' }),
    p256bPub: pub(K.p256b), p384Pub: pub(K.p384), p521Pub: pub(K.p521),
    k1Pub: pub(K.k1), k1Priv: priv(K.k1),
    ed25519Pub: pub(K.ed25519), ed25519Priv: priv(K.ed25519), ed448Pub: pub(K.ed448), x25519Pub: pub(K.x25519),
    garbage: '-----BEGIN PUBLIC KEY-----\nAAAAAAAA\n-----END PUBLIC KEY-----\n',
  };
  const CERT = { rsa: certificate(K.rsa), p256: certificate(K.p256), ed25519: certificate(K.ed25519) };
  const S = 'this-is-a-64-byte-hmac-secret-used-by-the-jwt-debugger-test-data';
  const S_WRONG = 'this-is-the-WRONG-64-byte-hmac-secret-for-the-jwt-debugger-tests';
  const OCT = { kty: 'oct', k: b64u(S) };
  const RSA_DER_HEX = K.rsa.publicKey.export({ type: 'spki', format: 'der' }).toString('hex');

  // Keys as the CLI takes them (--key-kind, --key-file text) and as the libraries get them.
  const bytesHand = (buf) => ({ kind: 'bytes', hex: Buffer.from(buf).toString('hex') });
  const key = {
    none: { cli: 'none', text: '', hand: { kind: 'none' } },
    secret: (text) => ({ cli: 'secret-utf8', text, hand: bytesHand(Buffer.from(text, 'utf8')) }),
    hex: (hex) => ({ cli: 'secret-hex', text: hex, hand: bytesHand(Buffer.from(hex, 'hex')) }),
    base64: (b) => ({ cli: 'secret-base64', text: Buffer.from(b).toString('base64'), hand: bytesHand(b) }),
    pem: (text, cli = 'auto') => ({ cli, text, hand: bytesHand(Buffer.from(text, 'utf8')) }),
    jwk: (jwk) => ({ cli: 'jwk', text: JSON.stringify(jwk), hand: { kind: 'jwk', text: JSON.stringify(jwk) } }),
    jwks: (keys) => ({ cli: 'jwks', text: JSON.stringify({ keys }), hand: { kind: 'jwks' } }),
  };
  const SECRET = key.secret(S);

  const SIGNERS = { HS: S, RS: K.rsa.privateKey, PS: K.rsa.privateKey, ES256: K.p256.privateKey, ES384: K.p384.privateKey, ES512: K.p521.privateKey, ES256K: K.k1.privateKey, EdDSA: K.ed25519.privateKey };
  const signerFor = (alg) => (/^HS/.test(alg) ? SIGNERS.HS : /^RS/.test(alg) ? SIGNERS.RS : /^PS/.test(alg) ? SIGNERS.PS : SIGNERS[alg]);
  // tok({header, payload, alg (signing alg), key (signing key), sig (literal signature), hseg, pseg})
  function tok({ header = { alg: 'HS256', typ: 'JWT' }, payload = { sub: 'user-1' }, alg, key: signKey, sig, hseg, pseg } = {}) {
    const input = (hseg !== undefined ? hseg : seg(header)) + '.' + (pseg !== undefined ? pseg : seg(payload));
    if (sig !== undefined) return input + '.' + sig;
    const a = alg || (header && typeof header.alg === 'string' && header.alg) || 'HS256';
    return input + '.' + b64u(signRaw(a, input, signKey !== undefined ? signKey : signerFor(a)));
  }
  const hs = (payload, extraHeader = {}, signKey = S) => tok({ header: { alg: 'HS256', typ: 'JWT', ...extraHeader }, payload, key: signKey });
  const signed = (alg, payload = { sub: 'user-1' }, signKey, extraHeader = {}) => tok({ header: { alg, typ: 'JWT', ...extraHeader }, payload, alg, key: signKey });

  const cases = [];
  const ids = new Set();
  let category = '';
  const HS = { algorithms: ['HS256'] };
  function add(slug, description, { token, key: k = SECRET, options = HS, noPrediction } = {}) {
    const id = `${category}/${slug}`;
    if (ids.has(id)) throw new Error('duplicate case ' + id);
    ids.add(id);
    cases.push({ id, description, token, key: k, options, noPrediction });
  }
  const GOOD = hs({ sub: 'user-1' });
  const [H0, P0, S0] = GOOD.split('.');

  // ===== token structure
  category = 'structure';
  add('ok', 'well-formed HS256 token, right secret', { token: GOOD });
  add('empty', 'token ""', { token: '' });
  add('one-part', 'token "abc"', { token: 'abc' });
  add('two-parts', 'header.payload only', { token: `${H0}.${P0}` });
  add('four-parts', 'valid token + ".extra"', { token: GOOD + '.extra' });
  add('four-parts-empty', 'valid token + "."', { token: GOOD + '.' });
  add('only-dots', 'token ".."', { token: '..' });
  add('space', 'token " "', { token: ' ' });
  add('trailing-newline', 'valid token + "\\n"', { token: GOOD + '\n' });
  add('leading-space', '" " + valid token', { token: ' ' + GOOD });
  add('bearer-prefix', '"Bearer " + valid token', { token: 'Bearer ' + GOOD });
  add('header-not-base64', 'header segment "!!!"', { token: tok({ hseg: '!!!' }) });
  add('header-not-json', 'header "notjson"', { token: tok({ header: { raw: 'notjson' } }) });
  add('header-empty', 'empty header segment', { token: tok({ hseg: '' }) });
  for (const [slug, h] of [['array', []], ['string', 'HS256'], ['number', 1], ['zero', 0], ['null', null], ['true', true], ['false', false], ['empty-string', '']]) {
    add(`header-json-${slug}`, `header is ${JSON.stringify(h)}`, { token: tok({ header: h }) });
  }
  add('header-invalid-utf8', 'header bytes not UTF-8', { token: tok({ header: { hex: Buffer.from('{"alg":"HS256","x":"').toString('hex') + 'ff' + Buffer.from('"}').toString('hex') } }) });
  add('header-latin1-kid', 'kid "é" (node reads the header as latin1)', { token: hs({ sub: 'user-1' }, { kid: 'é' }) });
  add('header-dup-alg', 'header {"alg":"none","alg":"HS256"}', { token: tok({ header: { raw: '{"alg":"none","alg":"HS256","typ":"JWT"}' }, alg: 'HS256' }) });
  {
    const h = seg({ alg: 'HS256', kid: 'k' }); // 34 characters
    const h0 = seg({ alg: 'HS256', typ: 'JWT' }); // 36 characters
    add('header-noncanonical', 'header with non-zero unused bits, validly signed', { token: tok({ hseg: nonCanonical(h) }) });
    add('header-extra-byte', 'header + "A" (an extra garbage byte), validly signed', { token: tok({ hseg: h + 'A' }) });
    add('header-extra-char', 'header + "A" (a lone trailing character), validly signed', { token: tok({ hseg: h0 + 'A' }) });
    add('header-padded', 'header with "==" padding, validly signed', { token: tok({ hseg: h + '==' }) });
    add('header-bad-padding', 'header with "=" at a wrong length, validly signed', { token: tok({ hseg: h + '=' }) });
    add('header-plus', 'header with "+" (standard alphabet), validly signed', { token: tok({ hseg: h.slice(0, 4) + '+' + h.slice(5) }) });
  }
  add('payload-not-base64', 'payload segment "!!!"', { token: tok({ pseg: '!!!' }) });
  add('payload-empty', 'empty payload segment, validly signed', { token: tok({ pseg: '' }) });
  add('payload-not-json-typ', 'payload "hello", typ JWT', { token: tok({ payload: { raw: 'hello' } }) });
  add('payload-not-json-notyp', 'payload "hello", no typ', { token: tok({ header: { alg: 'HS256' }, payload: { raw: 'hello' } }) });
  add('payload-not-json-badsig', 'payload "hello", typ JWT, wrong signature', { token: tok({ payload: { raw: 'hello' }, key: S_WRONG }) });
  add('payload-not-json-notyp-badsig', 'payload "hello", no typ, wrong signature', { token: tok({ header: { alg: 'HS256' }, payload: { raw: 'hello' }, key: S_WRONG }) });
  add('payload-typ-lowercase', 'payload "hello", typ "jwt"', { token: tok({ header: { alg: 'HS256', typ: 'jwt' }, payload: { raw: 'hello' } }) });
  add('payload-text-audience', 'payload "hello", no typ, audience "a"', { token: tok({ header: { alg: 'HS256' }, payload: { raw: 'hello' } }), options: { algorithms: ['HS256'], audience: ['a'] } });
  for (const [slug, p] of [['string', 'hello'], ['number', 123], ['null', null], ['array', [1, 2]], ['true', true]]) {
    add(`payload-${slug}-typ`, `payload ${JSON.stringify(p)}, typ JWT`, { token: tok({ payload: p }) });
    add(`payload-${slug}-notyp`, `payload ${JSON.stringify(p)}, no typ`, { token: tok({ header: { alg: 'HS256' }, payload: p }) });
  }
  add('payload-empty-object', 'payload {}', { token: tok({ payload: {} }) });
  add('payload-nan-typ', 'payload {"exp": NaN}, typ JWT (Python reads NaN)', { token: tok({ payload: { raw: '{"exp": NaN}' } }), noPrediction: { pyjwt: 'serde_json does not read NaN' } });
  add('payload-invalid-utf8', 'payload bytes not UTF-8', { token: tok({ payload: { hex: Buffer.from('{"sub":"').toString('hex') + 'ff' + Buffer.from('"}').toString('hex') } }) });
  add('payload-truncated-utf8', 'payload ends inside a UTF-8 sequence', { token: tok({ header: { alg: 'HS256' }, payload: { hex: Buffer.from('{"sub":"x"}').toString('hex') + 'e282' } }) });
  add('payload-dup-keys', 'payload {"exp":1,"exp":4102444800}', { token: tok({ payload: { raw: '{"exp":1,"exp":4102444800}' } }) });
  add('payload-bom', 'payload with a UTF-8 byte-order mark', { token: tok({ payload: { raw: '\ufeff{"a":1}' } }) });
  add('payload-noncanonical', 'payload with non-zero unused bits, validly signed', { token: tok({ pseg: nonCanonical(seg({ sub: 'user-1x' })) }) });
  add('payload-padded', 'payload with "=" padding, validly signed', { token: (() => { let p = seg({ sub: 'user-1x' }); while (p.length % 4) p += '='; return tok({ pseg: p }); })() });
  add('sig-empty', 'HS256 token, empty signature', { token: `${H0}.${P0}.` });
  add('sig-invalid-chars', 'signature "abc!"', { token: `${H0}.${P0}.abc!` });
  add('sig-garbage', 'signature "abc"', { token: `${H0}.${P0}.abc` });
  add('sig-padded', 'HS256 signature + "="', { token: GOOD + '=' });
  add('sig-noncanonical-hs', 'HS256 signature with an unused bit set', { token: `${H0}.${P0}.${nonCanonical(S0)}` });
  add('sig-extra-char', 'HS256 signature + "A"', { token: GOOD + 'A' });
  add('sig-extra-2chars', 'HS256 signature + "AA"', { token: GOOD + 'AA' });
  add('sig-std-b64', 'HS256 signature in standard base64', { token: (() => { let t; let i = 0; do { t = hs({ sub: 'u' + i++ }); } while (!/[-_]/.test(t.split('.')[2])); const p = t.split('.'); return `${p[0]}.${p[1]}.${Buffer.from(p[2], 'base64url').toString('base64')}`; })() });
  {
    const t = signed('RS256');
    const p = t.split('.');
    const RS = { algorithms: ['RS256'] };
    add('sig-noncanonical-rs', 'RS256 signature with unused bits set', { token: `${p[0]}.${p[1]}.${nonCanonical(p[2])}`, key: key.pem(PEM.rsaPub), options: RS });
    add('sig-extra-char-rs', 'RS256 signature + "A"', { token: t + 'A', key: key.pem(PEM.rsaPub), options: RS });
  }

  // ===== JSON syntax errors: V8's SyntaxError (typ JWT) against Python's json messages
  category = 'json';
  for (const [slug, raw] of [
    ['open-brace', '{'], ['missing-value', '{"a":}'], ['single-quotes', "{'a':1}"], ['trailing-comma-array', '[1,]'],
    ['trailing-comma-object', '{"a":1,}'], ['trailing-garbage', '{"a":1}x'], ['unterminated-string', '"abc'],
    ['bare-word', 'undefined'], ['bare-nan', 'NaN'], ['long-garbage', '{"sub":"user-1","name":"a fairly long value here", oops: true, "more": "data"}'],
    ['control-char', '{"a":"x\u0001y"}'], ['whitespace-only', '   '], ['bad-escape', '{"a":"\\q"}'], ['minus-only', '-'],
    ['unclosed-object', '{"a":1'], ['missing-colon', '{"a" 1}'], ['missing-comma', '{"a":1 "b":2}'], ['array-missing-comma', '[1 2]'],
    ['leading-zero', '{"n":01}'], ['fraction-dot', '{"n":1.}'], ['exponent-empty', '{"n":1e}'], ['exponent-sign', '{"n":1e+}'],
    ['bad-unicode', '{"a":"\\u12x3"}'], ['short-unicode', '"\\u004'], ['backslash-end', '"a\\'], ['true-typo', 'tru'], ['true-junk', 'trux'],
    ['null-typo', '{"a":nul}'], ['context-start', 'x{"aaaaaaaaaaaaaaaaaaaaaaaaa":1}'], ['context-middle', '{"aaaaaaaaaaaa":1,"bbbbbbbbb":?,"cccccccccc":2}'],
    ['context-end', '{"aaaaaaaaaaaaaaaaaaaaaa":1}}'], ['multiline', '{\n  "a": 1,\n  "b": \n}'], ['key-number', '{1:2}'], ['comma-first', '{,}'],
    ['euro-after-escape', '"a\\€"'], ['nested-error', '{"a":[1,{"b":}]}'], ['neg-infinity', '-Infinity'], ['empty-array-comma', '[,]'],
  ]) {
    const noPrediction = ['bare-nan', 'neg-infinity'].includes(slug) ? { pyjwt: 'Python reads NaN and Infinity; serde_json does not' } : undefined;
    add(slug, `payload text ${JSON.stringify(raw)}, typ JWT, validly signed`, { token: tok({ payload: { raw } }), noPrediction });
  }
  add('payload-segment-A', 'payload segment "A" (node: empty text), typ JWT', { token: tok({ pseg: 'A' }) });

  // ===== header parameters
  category = 'header';
  add('no-alg', 'header without alg', { token: tok({ header: { typ: 'JWT' }, alg: 'HS256' }) });
  for (const [slug, alg] of [['null', null], ['empty', ''], ['number', 256], ['array', ['HS256']], ['lowercase', 'hs256'], ['unknown', 'XX256'], ['true', true]]) {
    add(`alg-${slug}`, `alg ${JSON.stringify(alg)}`, { token: tok({ header: { alg, typ: 'JWT' }, alg: 'HS256' }) });
  }
  add('alg-lowercase-allowed', 'alg "hs256", algorithms ["hs256"]', { token: tok({ header: { alg: 'hs256', typ: 'JWT' }, alg: 'HS256' }), options: { algorithms: ['hs256'] } });
  add('alg-unknown-allowed', 'alg "XX256" in algorithms', { token: tok({ header: { alg: 'XX256', typ: 'JWT' }, alg: 'HS256' }), options: { algorithms: ['XX256'] } });
  add('alg-empty-allowed', 'alg "" in algorithms', { token: tok({ header: { alg: '', typ: 'JWT' }, alg: 'HS256' }), options: { algorithms: ['', 'HS256'] } });
  add('alg-es256k-allowed-secret', 'alg "ES256K" allowed, secret key', { token: tok({ header: { alg: 'ES256K', typ: 'JWT' }, alg: 'HS256' }), options: { algorithms: ['ES256K'] } });
  add('typ-other', 'typ "at+jwt"', { token: hs({ sub: 'user-1' }, { typ: 'at+jwt' }) });
  add('typ-number', 'typ 1', { token: hs({ sub: 'user-1' }, { typ: 1 }) });
  add('typ-absent', 'no typ', { token: tok({ header: { alg: 'HS256' } }) });
  add('kid-string', 'kid "k1"', { token: hs({ sub: 'user-1' }, { kid: 'k1' }) });
  add('kid-number', 'kid 1', { token: hs({ sub: 'user-1' }, { kid: 1 }) });
  add('kid-null', 'kid null', { token: hs({ sub: 'user-1' }, { kid: null }) });
  add('kid-number-badsig', 'kid 1 and a wrong signature', { token: hs({ sub: 'user-1' }, { kid: 1 }, S_WRONG) });
  add('crit-unknown', 'crit ["exp"]', { token: hs({ sub: 'user-1' }, { crit: ['exp'], exp: 1 }) });
  add('crit-empty', 'crit []', { token: hs({ sub: 'user-1' }, { crit: [] }) });
  add('crit-string', 'crit "b64"', { token: hs({ sub: 'user-1' }, { crit: 'b64' }) });
  add('crit-b64-missing', 'crit ["b64"] without b64', { token: hs({ sub: 'user-1' }, { crit: ['b64'] }) });
  add('crit-b64-true', 'crit ["b64"], b64 true', { token: hs({ sub: 'user-1' }, { crit: ['b64'], b64: true }) });
  add('crit-number', 'crit [1]', { token: hs({ sub: 'user-1' }, { crit: [1] }) });
  add('b64-false', 'b64 false, payload present', { token: hs({ sub: 'user-1' }, { b64: false }) });
  add('b64-false-crit', 'b64 false with crit ["b64"]', { token: hs({ sub: 'user-1' }, { b64: false, crit: ['b64'] }) });
  add('b64-false-empty-payload', 'b64 false, crit ["b64"], empty payload segment', { token: tok({ header: { alg: 'HS256', b64: false, crit: ['b64'] }, pseg: '' }) });
  add('b64-false-no-crit-empty', 'b64 false without crit, empty payload segment', { token: tok({ header: { alg: 'HS256', b64: false }, pseg: '' }) });
  add('jku-x5u', 'jku, x5u and jwk headers (ignored)', { token: hs({ sub: 'user-1' }, { jku: 'https://example.invalid/jwks', x5u: 'https://example.invalid/c', jwk: { kty: 'oct', k: 'AA' } }) });

  // ===== the algorithms option and alg none
  category = 'algorithms';
  const NONE = tok({ header: { alg: 'none', typ: 'JWT' }, sig: '' });
  const NONE_SIG = tok({ header: { alg: 'none', typ: 'JWT' }, sig: 'abc' });
  add('omitted-secret-hs256', 'algorithms omitted, secret, HS256', { token: GOOD, options: {} });
  add('omitted-secret-hs512', 'algorithms omitted, secret, HS512', { token: signed('HS512'), options: {} });
  add('omitted-secret-rs256', 'algorithms omitted, secret, RS256 token', { token: signed('RS256'), options: {} });
  add('omitted-rsa-rs256', 'algorithms omitted, RSA PEM, RS256', { token: signed('RS256'), key: key.pem(PEM.rsaPub), options: {} });
  add('omitted-rsa-ps256', 'algorithms omitted, RSA PEM, PS256', { token: signed('PS256'), key: key.pem(PEM.rsaPub), options: {} });
  add('omitted-rsa-hs256', 'algorithms omitted, RSA PEM, HS256 signed with the PEM text', { token: hs({ sub: 'user-1' }, {}, PEM.rsaPub), key: key.pem(PEM.rsaPub), options: {} });
  add('omitted-rsa-es256', 'algorithms omitted, RSA PEM, ES256 token', { token: signed('ES256'), key: key.pem(PEM.rsaPub), options: {} });
  add('omitted-ec-es256', 'algorithms omitted, P-256 PEM, ES256', { token: signed('ES256'), key: key.pem(PEM.p256Pub), options: {} });
  add('omitted-ec-rs256', 'algorithms omitted, P-256 PEM, RS256 token', { token: signed('RS256'), key: key.pem(PEM.p256Pub), options: {} });
  add('omitted-ed25519-eddsa', 'algorithms omitted, Ed25519 PEM, EdDSA', { token: signed('EdDSA'), key: key.pem(PEM.ed25519Pub), options: {} });
  add('omitted-ed25519-rs256', 'algorithms omitted, Ed25519 PEM, RS256 token', { token: signed('RS256'), key: key.pem(PEM.ed25519Pub), options: {} });
  add('omitted-malformed', 'algorithms omitted, token "abc"', { token: 'abc', options: {} });
  add('omitted-nokey', 'algorithms omitted, no key, HS256', { token: GOOD, key: key.none, options: {} });
  add('empty-list', 'algorithms []', { token: GOOD, options: { algorithms: [] } });
  add('empty-list-malformed', 'algorithms [], token "abc"', { token: 'abc', options: { algorithms: [] } });
  add('not-in-list', 'HS256 token, algorithms ["HS384"]', { token: GOOD, options: { algorithms: ['HS384'] } });
  add('multi', 'algorithms ["RS256","HS256"]', { token: GOOD, options: { algorithms: ['RS256', 'HS256'] } });
  add('confusion', 'HS256 signed with the RSA PEM text, key that PEM, algorithms ["HS256","RS256"]', { token: hs({ sub: 'user-1' }, {}, PEM.rsaPub), key: key.pem(PEM.rsaPub), options: { algorithms: ['HS256', 'RS256'] } });
  add('case-mismatch', 'algorithms ["hs256"]', { token: GOOD, options: { algorithms: ['hs256'] } });
  add('none-nokey', 'alg none, no key, algorithms ["none"]', { token: NONE, key: key.none, options: { algorithms: ['none'] } });
  add('none-emptykey', 'alg none, secret "", algorithms ["none"]', { token: NONE, key: key.secret(''), options: { algorithms: ['none'] } });
  add('none-key', 'alg none, secret, algorithms ["none"]', { token: NONE, options: { algorithms: ['none'] } });
  add('none-nokey-omitted', 'alg none, no key, algorithms omitted', { token: NONE, key: key.none, options: {} });
  add('none-key-omitted', 'alg none, secret, algorithms omitted', { token: NONE, options: {} });
  add('none-nokey-hs256', 'alg none, no key, algorithms ["HS256"]', { token: NONE, key: key.none, options: { algorithms: ['HS256'] } });
  add('none-key-hs256', 'alg none, secret, algorithms ["HS256"]', { token: NONE });
  add('none-sig-nokey', 'alg none with a signature, no key', { token: NONE_SIG, key: key.none, options: { algorithms: ['none'] } });
  add('none-sig-key', 'alg none with a signature, secret', { token: NONE_SIG, options: { algorithms: ['none'] } });
  add('none-sig-rsa', 'alg none with a signature, RSA PEM, algorithms ["none"]', { token: NONE_SIG, key: key.pem(PEM.rsaPub), options: { algorithms: ['none'] } });
  add('none-uppercase', 'alg "None", algorithms ["None"], no key', { token: tok({ header: { alg: 'None', typ: 'JWT' }, sig: '' }), key: key.none, options: { algorithms: ['None'] } });
  add('none-expired', 'alg none, exp past, algorithms ["none"], no key', { token: tok({ header: { alg: 'none', typ: 'JWT' }, payload: { exp: PAST }, sig: '' }), key: key.none, options: { algorithms: ['none'] } });
  add('hs256-nosig-nokey-none', 'HS256 header, no signature, no key, algorithms ["none"]', { token: `${H0}.${P0}.`, key: key.none, options: { algorithms: ['none'] } });
  add('hs256-nosig-nokey-omitted', 'HS256 header, no signature, no key, algorithms omitted', { token: `${H0}.${P0}.`, key: key.none, options: {} });
  add('hs256-nosig-nokey', 'HS256 header, no signature, no key, algorithms ["HS256"]', { token: `${H0}.${P0}.`, key: key.none });
  add('rs256-nosig-nokey', 'RS256 header, no signature, no key, algorithms ["RS256"]', { token: tok({ header: { alg: 'RS256', typ: 'JWT' }, sig: '' }), key: key.none, options: { algorithms: ['RS256'] } });
  add('eddsa-nosig-nokey', 'EdDSA header, no signature, no key, algorithms ["EdDSA"]', { token: tok({ header: { alg: 'EdDSA', typ: 'JWT' }, sig: '' }), key: key.none, options: { algorithms: ['EdDSA'] } });
  add('hs256-nokey-sig', 'HS256 token, no key, algorithms ["HS256"]', { token: GOOD, key: key.none });
  add('hs256-emptykey-sig', 'HS256 token, secret "", algorithms ["HS256"]', { token: GOOD, key: key.secret('') });

  // ===== keys × algorithms
  category = 'keys';
  const RS = { algorithms: ['RS256'] };
  add('hs256', 'HS256, right secret', { token: GOOD });
  add('hs384', 'HS384', { token: signed('HS384'), options: { algorithms: ['HS384'] } });
  add('hs512', 'HS512', { token: signed('HS512'), options: { algorithms: ['HS512'] } });
  add('hs256-wrong-secret', 'HS256, wrong secret', { token: GOOD, key: key.secret(S_WRONG) });
  add('hs256-short-secret', 'HS256 with the secret "abc"', { token: hs({ sub: 'user-1' }, {}, 'abc'), key: key.secret('abc') });
  add('hs512-32-bytes', 'HS512 with a 32-byte secret', { token: signed('HS512', { sub: 'user-1' }, S.slice(0, 32)), key: key.secret(S.slice(0, 32)), options: { algorithms: ['HS512'] } });
  add('hs256-binary-hex', 'HS256 with binary (non-UTF-8) secret bytes, hex', { token: hs({ sub: 'user-1' }, {}, Buffer.from('00ff10fe'.repeat(8), 'hex')), key: key.hex('00ff10fe'.repeat(8)) });
  add('hs256-binary-base64', 'HS256 with binary secret bytes, base64', { token: hs({ sub: 'user-1' }, {}, Buffer.from('fe10ff00'.repeat(8), 'hex')), key: key.base64(Buffer.from('fe10ff00'.repeat(8), 'hex')) });
  add('hs256-text-base64', 'HS256 with a secret read as base64 that is UTF-8 text', { token: hs({ sub: 'user-1' }, {}, S), key: key.base64(Buffer.from(S)) });
  add('hs256-unicode', 'HS256 with a non-ASCII secret', { token: hs({ sub: 'user-1' }, {}, 'sécret-ключ-秘密-padding-to-be-long-enough'), key: key.secret('sécret-ключ-秘密-padding-to-be-long-enough') });
  add('hs256-rsa-pub-pem', 'HS256 signed with the RSA PEM text, key that PEM', { token: hs({ sub: 'user-1' }, {}, PEM.rsaPub), key: key.pem(PEM.rsaPub) });
  add('hs256-rsa-pub-as-secret', 'HS256 signed with the RSA PEM text, key that PEM read as a UTF-8 secret', { token: hs({ sub: 'user-1' }, {}, PEM.rsaPub), key: key.secret(PEM.rsaPub) });
  add('hs256-rsa-priv-pem', 'HS256, RSA private PEM', { token: GOOD, key: key.pem(PEM.rsaPriv) });
  add('hs256-ec-pem', 'HS256, EC public PEM', { token: GOOD, key: key.pem(PEM.p256Pub, 'pem-spki') });
  add('hs256-garbage-pem', 'HS256 signed with an unreadable PEM text, key that text', { token: hs({ sub: 'user-1' }, {}, PEM.garbage), key: key.pem(PEM.garbage) });
  add('hs256-ssh-rsa', 'HS256 signed with an ssh-rsa line, key that line', { token: hs({ sub: 'user-1' }, {}, sshLine(K.rsa)), key: key.secret(sshLine(K.rsa)) });
  add('hs256-der', 'HS256 signed with DER SPKI bytes, key those bytes', { token: hs({ sub: 'user-1' }, {}, Buffer.from(RSA_DER_HEX, 'hex')), key: key.hex(RSA_DER_HEX) });
  add('hs256-jwk-text', 'HS256 signed with an oct JWK\'s text, key that text as a secret', { token: hs({ sub: 'user-1' }, {}, JSON.stringify(OCT)), key: key.secret(JSON.stringify(OCT)) });
  add('hs256-json-no-kty', 'HS256 with the secret {"a":1,…} (JSON, not a JWK)', { token: hs({ sub: 'user-1' }, {}, '{"a":1,"pad":"xxxxxxxxxxxxxxxxxxxxxxxx"}'), key: key.secret('{"a":1,"pad":"xxxxxxxxxxxxxxxxxxxxxxxx"}') });
  add('hs256-nested-kty', 'HS256 with the secret [{"kty":…}] (JSON with a kty inside)', { token: hs({ sub: 'user-1' }, {}, '[{"x":{"kty":"oct"}}]'), key: key.secret('[{"x":{"kty":"oct"}}]') });
  add('hs256-ssh-marker', 'HS256 with a secret starting "ssh-ed25519"', { token: hs({ sub: 'user-1' }, {}, 'ssh-ed25519-is-not-a-key-here'), key: key.secret('ssh-ed25519-is-not-a-key-here') });
  add('hs256-pem-markers', 'HS256 with a secret holding PEM markers around nothing', { token: hs({ sub: 'user-1' }, {}, 'x ---- BEGIN PRIVATE KEY ---- y ---- END PRIVATE KEY ----'), key: key.secret('x ---- BEGIN PRIVATE KEY ---- y ---- END PRIVATE KEY ----') });
  add('hs256-oct-jwk', 'HS256, oct JWK', { token: GOOD, key: key.jwk(OCT) });
  add('hs256-oct-jwk-omitted', 'HS256, oct JWK, algorithms omitted', { token: GOOD, key: key.jwk(OCT), options: {} });
  add('hs384-oct-jwk-omitted', 'HS384 token, oct JWK without alg, algorithms omitted', { token: signed('HS384'), key: key.jwk(OCT), options: {} });
  add('hs256-oct-jwk-alg', 'HS256, oct JWK with alg HS256', { token: GOOD, key: key.jwk({ ...OCT, alg: 'HS256' }) });
  add('hs256-oct-jwk-empty-list', 'HS256, oct JWK, algorithms []', { token: GOOD, key: key.jwk(OCT), options: { algorithms: [] } });
  add('hs256-oct-jwk-wrong', 'HS256, oct JWK of another secret', { token: GOOD, key: key.jwk({ kty: 'oct', k: b64u(S_WRONG) }) });
  if (CERT.rsa) add('hs256-rsa-cert', 'HS256, RSA certificate PEM', { token: GOOD, key: key.pem(CERT.rsa, 'pem-cert') });

  for (const alg of ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']) {
    add(`${alg.toLowerCase()}`, `${alg}, RSA public PEM`, { token: signed(alg), key: key.pem(PEM.rsaPub, 'pem-spki'), options: { algorithms: [alg] } });
  }
  add('rs256-pkcs1-pub', 'RS256, RSA PUBLIC KEY PEM', { token: signed('RS256'), key: key.pem(PEM.rsaPkcs1Pub, 'pem-pkcs1'), options: RS });
  add('rs256-priv-pem', 'RS256, PKCS#8 private PEM', { token: signed('RS256'), key: key.pem(PEM.rsaPriv), options: RS });
  add('rs256-pkcs1-priv', 'RS256, RSA PRIVATE KEY PEM', { token: signed('RS256'), key: key.pem(PEM.rsaPkcs1Priv), options: RS });
  add('ps256-priv-pem', 'PS256, PKCS#8 private PEM', { token: signed('PS256'), key: key.pem(PEM.rsaPriv), options: { algorithms: ['PS256'] } });
  add('rs256-encrypted-priv', 'RS256, encrypted private PEM', { token: signed('RS256'), key: key.pem(PEM.rsaEncrypted), options: RS });
  add('hs256-encrypted-priv', 'HS256 signed with an encrypted private PEM text, key that text', { token: hs({ sub: 'user-1' }, {}, PEM.rsaEncrypted), key: key.pem(PEM.rsaEncrypted) });
  if (CERT.rsa) add('rs256-cert', 'RS256, certificate PEM', { token: signed('RS256'), key: key.pem(CERT.rsa, 'pem-cert'), options: RS });
  if (CERT.rsa) add('rs256-cert-preamble', 'RS256, certificate after openssl "Bag Attributes"', { token: signed('RS256'), key: key.pem('Bag Attributes\n    localKeyID: 01\nsubject=CN = x\n' + CERT.rsa), options: RS });
  add('rs256-wrong-key', 'RS256, another RSA key', { token: signed('RS256'), key: key.pem(PEM.rsa2Pub), options: RS });
  add('rs256-tampered', 'RS256, payload changed after signing', { token: (() => { const p = signed('RS256').split('.'); return `${p[0]}.${seg({ sub: 'admin' })}.${p[2]}`; })(), key: key.pem(PEM.rsaPub), options: RS });
  add('rs256-secret', 'RS256 token, secret', { token: signed('RS256'), options: RS });
  add('rs256-empty-secret', 'RS256 token, secret ""', { token: signed('RS256'), key: key.secret(''), options: RS });
  add('rs256-no-key', 'RS256 token, no key', { token: signed('RS256'), key: key.none, options: RS });
  add('rs256-ec-key', 'RS256 token, P-256 PEM', { token: signed('RS256'), key: key.pem(PEM.p256Pub), options: RS });
  add('rs256-ec-priv', 'RS256 token, P-256 private PEM', { token: signed('RS256'), key: key.pem(PEM.p256Priv), options: RS });
  add('rs256-ed25519', 'RS256 token, Ed25519 PEM', { token: signed('RS256'), key: key.pem(PEM.ed25519Pub), options: RS });
  add('rs256-ed448', 'RS256 token, Ed448 PEM', { token: signed('RS256'), key: key.pem(PEM.ed448Pub), options: RS });
  add('rs256-x25519', 'RS256 token, X25519 PEM', { token: signed('RS256'), key: key.pem(PEM.x25519Pub), options: RS });
  add('rs256-garbage-pem', 'RS256 token, unreadable PEM', { token: signed('RS256'), key: key.pem(PEM.garbage), options: RS });
  add('rs256-ssh-rsa', 'RS256, ssh-rsa line', { token: signed('RS256'), key: key.secret(sshLine(K.rsa)), options: RS });
  add('rs256-ssh-rsa-other', 'RS256, ssh-rsa line of another key', { token: signed('RS256'), key: key.secret(sshLine(K.rsa2)), options: RS });
  add('rs256-1024', 'RS256 with a 1024-bit key', { token: signed('RS256', { sub: 'user-1' }, K.rsa1024.privateKey), key: key.pem(PEM.rsa1024Pub), options: RS });
  add('rs256-jwk', 'RS256, RSA JWK', { token: signed('RS256'), key: key.jwk(pubJwk(K.rsa)), options: RS });
  add('rs256-jwk-omitted', 'RS256, RSA JWK, algorithms omitted', { token: signed('RS256'), key: key.jwk(pubJwk(K.rsa)), options: {} });
  add('rs256-jwk-kid-use', 'RS256, RSA JWK with kid and use', { token: signed('RS256', { sub: 'user-1' }, undefined, { kid: 'k1' }), key: key.jwk(pubJwk(K.rsa, { kid: 'k1', use: 'sig', alg: 'RS256' })), options: RS });
  add('rs256-jwk-priv', 'RS256, private RSA JWK', { token: signed('RS256'), key: key.jwk(privJwk(K.rsa)), options: RS });
  add('rs256-jwk-alg-rs384', 'RS256 token, JWK alg RS384', { token: signed('RS256'), key: key.jwk(pubJwk(K.rsa, { alg: 'RS384' })), options: RS });
  add('rs256-jwk-alg-rs384-omitted', 'RS256 token, JWK alg RS384, algorithms omitted', { token: signed('RS256'), key: key.jwk(pubJwk(K.rsa, { alg: 'RS384' })), options: {} });
  add('ps256-jwk-no-alg', 'PS256 token, RSA JWK without alg', { token: signed('PS256'), key: key.jwk(pubJwk(K.rsa)), options: { algorithms: ['PS256'] } });
  add('ps256-jwk-alg', 'PS256 token, RSA JWK with alg PS256', { token: signed('PS256'), key: key.jwk(pubJwk(K.rsa, { alg: 'PS256' })), options: { algorithms: ['PS256'] } });
  add('hs256-rsa-jwk', 'HS256 token, RSA JWK', { token: GOOD, key: key.jwk(pubJwk(K.rsa)) });
  add('rs256-jwk-alg-es256', 'RS256 token, RSA JWK with alg ES256', { token: signed('RS256'), key: key.jwk(pubJwk(K.rsa, { alg: 'ES256' })), options: { algorithms: ['ES256'] } });
  add('rs256-jwk-text-secret', 'RS256 token, RSA JWK text read as a secret', { token: signed('RS256'), key: key.secret(JSON.stringify(pubJwk(K.rsa))), options: RS });
  add('jwk-unknown-kty', 'HS256 token, JWK {"kty":"XYZ"}', { token: GOOD, key: key.jwk({ kty: 'XYZ', k: 'AA' }), noPrediction: { node: 'crypto.createPublicKey refuses the JWK before jwt.verify' } });
  add('jwks', 'RS256 token, a JWKS', { token: signed('RS256'), key: key.jwks([pubJwk(K.rsa, { kid: 'k1' })]), options: RS, noPrediction: { node: 'a key set', pyjwt: 'a key set' } });
  add('ps256-rs-sig', 'PKCS#1 v1.5 signature labelled PS256', { token: tok({ header: { alg: 'PS256', typ: 'JWT' }, alg: 'RS256' }), key: key.pem(PEM.rsaPub), options: { algorithms: ['PS256'] } });
  add('ps256-not-allowed', 'PS256 token, algorithms ["RS256"]', { token: signed('PS256'), key: key.pem(PEM.rsaPub), options: RS });
  add('ps256-pss-key', 'PS256, RSA-PSS (SHA-256) key', { token: signed('PS256', { sub: 'user-1' }, K.pss256.privateKey), key: key.pem(PEM.pss256Pub), options: { algorithms: ['PS256'] } });
  add('ps384-pss256-key', 'PS384 token, RSA-PSS (SHA-256) key', { token: signed('PS384'), key: key.pem(PEM.pss256Pub), options: { algorithms: ['PS384'] } });
  add('ps256-pss384-key', 'PS256 token, RSA-PSS key restricted to SHA-384', { token: signed('PS256'), key: key.pem(PEM.pss384Pub), options: { algorithms: ['PS256'] } });
  add('ps384-pss384-key', 'PS384, RSA-PSS (SHA-384) key', { token: signed('PS384', { sub: 'user-1' }, K.pss384.privateKey), key: key.pem(PEM.pss384Pub), options: { algorithms: ['PS384'] } });
  add('ps256-pss-bare-key', 'PS256, RSA-PSS key without parameters', { token: signed('PS256', { sub: 'user-1' }, K.pssBare.privateKey), key: key.pem(PEM.pssBarePub), options: { algorithms: ['PS256'] } });
  add('rs256-pss-key', 'RS256 token, RSA-PSS key', { token: signed('RS256'), key: key.pem(PEM.pss256Pub), options: RS });
  add('rs256-pss-key-omitted', 'RS256 token, RSA-PSS key, algorithms omitted', { token: signed('RS256'), key: key.pem(PEM.pss256Pub), options: {} });
  for (const [alg, pemText] of [['ES256', PEM.p256Pub], ['ES384', PEM.p384Pub], ['ES512', PEM.p521Pub]]) {
    add(`${alg.toLowerCase()}`, `${alg}, EC public PEM`, { token: signed(alg), key: key.pem(pemText, 'pem-spki'), options: { algorithms: [alg] } });
  }
  add('es521-alias', 'header alg ES521 (a PyJWT alias), P-521 key', { token: tok({ header: { alg: 'ES521', typ: 'JWT' }, alg: 'ES512' }), key: key.pem(PEM.p521Pub), options: { algorithms: ['ES521'] } });
  add('es256-priv-pem', 'ES256, PKCS#8 private PEM', { token: signed('ES256'), key: key.pem(PEM.p256Priv), options: { algorithms: ['ES256'] } });
  add('es256-sec1', 'ES256, EC PRIVATE KEY PEM', { token: signed('ES256'), key: key.pem(PEM.p256Sec1), options: { algorithms: ['ES256'] } });
  if (CERT.p256) add('es256-cert', 'ES256, EC certificate PEM', { token: signed('ES256'), key: key.pem(CERT.p256, 'pem-cert'), options: { algorithms: ['ES256'] } });
  add('es256-wrong-key', 'ES256, another P-256 key', { token: signed('ES256'), key: key.pem(PEM.p256bPub), options: { algorithms: ['ES256'] } });
  add('es256-p384-key', 'ES256 token, P-384 key', { token: signed('ES256'), key: key.pem(PEM.p384Pub), options: { algorithms: ['ES256'] } });
  add('es384-p256-key', 'ES384 token, P-256 key', { token: signed('ES384'), key: key.pem(PEM.p256Pub), options: { algorithms: ['ES384'] } });
  add('es256-rsa-key', 'ES256 token, RSA PEM', { token: signed('ES256'), key: key.pem(PEM.rsaPub), options: { algorithms: ['ES256'] } });
  add('es256-rsa-priv', 'ES256 token, RSA private PEM', { token: signed('ES256'), key: key.pem(PEM.rsaPriv), options: { algorithms: ['ES256'] } });
  add('es256-secret', 'ES256 token, secret', { token: signed('ES256'), options: { algorithms: ['ES256'] } });
  add('es256-empty-secret', 'ES256 token, secret ""', { token: signed('ES256'), key: key.secret(''), options: { algorithms: ['ES256'] } });
  add('es256-encrypted', 'ES256 token, encrypted private PEM', { token: signed('ES256'), key: key.pem(PEM.rsaEncrypted), options: { algorithms: ['ES256'] } });
  add('es256-garbage-pem', 'ES256 token, unreadable PUBLIC KEY PEM', { token: signed('ES256'), key: key.pem(PEM.garbage), options: { algorithms: ['ES256'] } });
  add('es256-der-sig', 'ES256 with a DER signature', { token: (() => { const h = seg({ alg: 'ES256', typ: 'JWT' }); const p = seg({ sub: 'user-1' }); return `${h}.${p}.${b64u(crypto.sign('sha256', Buffer.from(`${h}.${p}`), K.p256.privateKey))}`; })(), key: key.pem(PEM.p256Pub), options: { algorithms: ['ES256'] } });
  add('es256-zero-sig', 'ES256, 64 zero bytes', { token: tok({ header: { alg: 'ES256', typ: 'JWT' }, sig: b64u(Buffer.alloc(64)) }), key: key.pem(PEM.p256Pub), options: { algorithms: ['ES256'] } });
  add('es256-short-sig', 'ES256, signature "abc"', { token: tok({ header: { alg: 'ES256', typ: 'JWT' }, sig: 'abc' }), key: key.pem(PEM.p256Pub), options: { algorithms: ['ES256'] } });
  add('es256-jwk', 'ES256, EC JWK', { token: signed('ES256'), key: key.jwk(pubJwk(K.p256)), options: { algorithms: ['ES256'] } });
  add('es256-jwk-priv', 'ES256, private EC JWK', { token: signed('ES256'), key: key.jwk(privJwk(K.p256)), options: { algorithms: ['ES256'] } });
  add('es384-jwk-omitted', 'ES384, P-384 JWK, algorithms omitted', { token: signed('ES384'), key: key.jwk(pubJwk(K.p384)), options: {} });
  add('es256-jwk-alg-es384', 'ES256 token, P-256 JWK with alg ES384, algorithms ["ES384"]', { token: tok({ header: { alg: 'ES384', typ: 'JWT' }, alg: 'ES256' }), key: key.jwk(pubJwk(K.p256, { alg: 'ES384' })), options: { algorithms: ['ES384'] } });
  add('es256-ssh', 'ES256, ecdsa-sha2-nistp256 line', { token: signed('ES256'), key: key.secret(sshLine(K.p256)), options: { algorithms: ['ES256'] } });
  add('es256k', 'ES256K, secp256k1 PEM', { token: signed('ES256K'), key: key.pem(PEM.k1Pub), options: { algorithms: ['ES256K'] } });
  add('es256k-tampered', 'ES256K, tampered payload', { token: (() => { const p = signed('ES256K').split('.'); return `${p[0]}.${seg({ sub: 'admin' })}.${p[2]}`; })(), key: key.pem(PEM.k1Pub), options: { algorithms: ['ES256K'] } });
  add('es256k-jwk', 'ES256K, secp256k1 JWK', { token: signed('ES256K'), key: key.jwk(pubJwk(K.k1)), options: { algorithms: ['ES256K'] } });
  add('es256k-priv-pem', 'ES256K, secp256k1 private PEM', { token: signed('ES256K'), key: key.pem(PEM.k1Priv), options: { algorithms: ['ES256K'] } });
  add('es256k-p256-key', 'ES256K token, P-256 PEM', { token: signed('ES256K'), key: key.pem(PEM.p256Pub), options: { algorithms: ['ES256K'] } });
  add('es256k-as-es256', 'secp256k1 signature labelled ES256', { token: tok({ header: { alg: 'ES256', typ: 'JWT' }, alg: 'ES256K' }), key: key.pem(PEM.k1Pub), options: { algorithms: ['ES256'] } });
  add('es256k-priv-as-es384', 'ES384 token, secp256k1 private PEM', { token: signed('ES384'), key: key.pem(PEM.k1Priv), options: { algorithms: ['ES384'] } });
  add('eddsa', 'EdDSA, Ed25519 PEM', { token: signed('EdDSA'), key: key.pem(PEM.ed25519Pub, 'pem-spki'), options: { algorithms: ['EdDSA'] } });
  add('eddsa-priv-pem', 'EdDSA, Ed25519 private PEM', { token: signed('EdDSA'), key: key.pem(PEM.ed25519Priv), options: { algorithms: ['EdDSA'] } });
  add('eddsa-wrong-sig', 'EdDSA, tampered payload', { token: (() => { const p = signed('EdDSA').split('.'); return `${p[0]}.${seg({ sub: 'admin' })}.${p[2]}`; })(), key: key.pem(PEM.ed25519Pub), options: { algorithms: ['EdDSA'] } });
  if (CERT.ed25519) add('eddsa-cert', 'EdDSA, Ed25519 certificate', { token: signed('EdDSA'), key: key.pem(CERT.ed25519, 'pem-cert'), options: { algorithms: ['EdDSA'] } });
  add('eddsa-ed448', 'EdDSA signed with Ed448', { token: signed('EdDSA', { sub: 'user-1' }, K.ed448.privateKey), key: key.pem(PEM.ed448Pub), options: { algorithms: ['EdDSA'] } });
  add('eddsa-ed448-tampered', 'EdDSA signed with Ed448, tampered payload', { token: (() => { const p = signed('EdDSA', { sub: 'user-1' }, K.ed448.privateKey).split('.'); return `${p[0]}.${seg({ sub: 'admin' })}.${p[2]}`; })(), key: key.pem(PEM.ed448Pub), options: { algorithms: ['EdDSA'] } });
  {
    // ML-DSA (RFC 9964), which neither library knows: a token and key made by pyca/cryptography
    // (the core's fixtures), since node 20 cannot make ML-DSA keys.
    const fixtures = JSON.parse(fs.readFileSync(new URL('../../crates/jwt-core/tests/fixtures/more-algorithms.json', import.meta.url), 'utf8'));
    const ml = fixtures.cases.find((c) => c.id === 'ml_dsa_44_valid');
    const akp = fixtures.cases.find((c) => c.id === 'ml_dsa_44_jwk');
    const nodeKeys = 'node reads ML-DSA keys (its OpenSSL does); the debugger does not model what jsonwebtoken does with them';
    add('ml-dsa-44-pem', 'ML-DSA-44 token, its SPKI PEM, algorithms ["ML-DSA-44"]', { token: ml.token, key: key.pem(ml.key.value), options: { algorithms: ['ML-DSA-44'] }, noPrediction: { node: nodeKeys } });
    add('ml-dsa-44-secret', 'ML-DSA-44 token, a secret, algorithms ["ML-DSA-44"]', { token: ml.token, options: { algorithms: ['ML-DSA-44'] } });
    add('es256k-secret', 'ES256K token, a secret, algorithms ["ES256K"]', { token: signed('ES256K'), options: { algorithms: ['ES256K'] } });
    add('ml-dsa-44-omitted', 'ML-DSA-44 token, its SPKI PEM, algorithms omitted', { token: ml.token, key: key.pem(ml.key.value), options: {}, noPrediction: { node: nodeKeys } });
    add('ml-dsa-44-akp-jwk', 'ML-DSA-44 token, its AKP JWK', { token: ml.token, key: key.jwk(akp.key.value), options: { algorithms: ['ML-DSA-44'] }, noPrediction: { node: 'createPublicKey refuses kty AKP before jwt.verify', pyjwt: 'PyJWK raises an error quoting the JWK as a Python dict' } });
  }
  add('eddsa-ed448-signed-jwk', 'EdDSA signed with Ed448, its JWK', { token: signed('EdDSA', { sub: 'user-1' }, K.ed448.privateKey), key: key.jwk(pubJwk(K.ed448)), options: { algorithms: ['EdDSA'] } });
  add('eddsa-rsa-key', 'EdDSA token, RSA PEM', { token: signed('EdDSA'), key: key.pem(PEM.rsaPub), options: { algorithms: ['EdDSA'] } });
  add('eddsa-pkcs1-key', 'EdDSA token, RSA PUBLIC KEY PEM', { token: signed('EdDSA'), key: key.pem(PEM.rsaPkcs1Pub), options: { algorithms: ['EdDSA'] } });
  add('eddsa-x25519-key', 'EdDSA token, X25519 PEM', { token: signed('EdDSA'), key: key.pem(PEM.x25519Pub), options: { algorithms: ['EdDSA'] } });
  add('eddsa-secret', 'EdDSA token, secret', { token: signed('EdDSA'), options: { algorithms: ['EdDSA'] } });
  add('eddsa-binary-secret', 'EdDSA token, non-UTF-8 secret bytes', { token: signed('EdDSA'), key: key.hex('00ff10fe'.repeat(8)), options: { algorithms: ['EdDSA'] } });
  add('eddsa-jwk', 'EdDSA, OKP JWK', { token: signed('EdDSA'), key: key.jwk(pubJwk(K.ed25519)), options: { algorithms: ['EdDSA'] } });
  add('eddsa-jwk-omitted', 'EdDSA, OKP JWK, algorithms omitted', { token: signed('EdDSA'), key: key.jwk(pubJwk(K.ed25519)), options: {} });
  add('eddsa-ed448-jwk', 'EdDSA token, Ed448 JWK without alg', { token: signed('EdDSA'), key: key.jwk(pubJwk(K.ed448)), options: { algorithms: ['EdDSA'] } });
  add('eddsa-ssh', 'EdDSA, ssh-ed25519 line', { token: signed('EdDSA'), key: key.secret(sshLine(K.ed25519)), options: { algorithms: ['EdDSA'] } });
  add('eddsa-ssh-rsa', 'EdDSA token, ssh-rsa line', { token: signed('EdDSA'), key: key.secret(sshLine(K.rsa)), options: { algorithms: ['EdDSA'] } });

  // ===== exp, nbf, iat at the fixed clock
  category = 'time';
  const T = (payload, options = HS) => ({ token: hs(payload), options });
  const tol = (clockTolerance, extra = {}) => ({ algorithms: ['HS256'], clockTolerance, ...extra });
  add('exp-past', 'exp 2001', T({ exp: PAST }));
  add('exp-future', 'exp 2100', T({ exp: FUTURE }));
  add('exp-past-ignored', 'exp past, ignoreExpiration', T({ exp: PAST }, { algorithms: ['HS256'], ignoreExpiration: true }));
  add('exp-now', 'exp == now', T({ exp: NOW }));
  add('exp-now-plus-1', 'exp == now + 1', T({ exp: NOW + 1 }));
  add('exp-now-plus-half', 'exp == now + 0.5', T({ exp: NOW + 0.5 }));
  add('exp-now-minus-half', 'exp == now - 0.5', T({ exp: NOW - 0.5 }));
  add('exp-tolerance-edge', 'exp == now - 5, tolerance 5', T({ exp: NOW - 5 }, tol(5)));
  add('exp-tolerance-inside', 'exp == now - 5, tolerance 6', T({ exp: NOW - 5 }, tol(6)));
  add('exp-within-day-tolerance', 'exp == now - 1 day, tolerance 2 days', T({ exp: NOW - DAY }, tol(2 * DAY)));
  add('exp-string-future', 'exp "4102444800"', T({ exp: String(FUTURE) }));
  add('exp-string-past', 'exp "978307200"', T({ exp: String(PAST) }));
  add('exp-string-garbage', 'exp "soon"', T({ exp: 'soon' }));
  add('exp-string-garbage-ignored', 'exp "soon", ignoreExpiration', T({ exp: 'soon' }, { algorithms: ['HS256'], ignoreExpiration: true }));
  add('exp-string-spaces', 'exp " 4102444800 "', T({ exp: ` ${FUTURE} ` }));
  add('exp-string-underscore', 'exp "4_102_444_800"', T({ exp: '4_102_444_800' }));
  add('exp-string-float', 'exp "4102444800.5"', T({ exp: `${FUTURE}.5` }));
  add('exp-string-plus', 'exp "+978307200"', T({ exp: `+${PAST}` }));
  add('exp-float-future', 'exp 4102444800.5', T({ exp: FUTURE + 0.5 }));
  add('exp-float-past', 'exp 978307200.9', T({ exp: PAST + 0.9 }));
  add('exp-null', 'exp null', T({ exp: null }));
  add('exp-true', 'exp true', T({ exp: true }));
  add('exp-false', 'exp false', T({ exp: false }));
  add('exp-array', 'exp [4102444800]', T({ exp: [FUTURE] }));
  add('exp-object', 'exp {}', T({ exp: {} }));
  add('exp-zero', 'exp 0', T({ exp: 0 }));
  add('exp-negative', 'exp -1', T({ exp: -1 }));
  add('exp-huge', 'exp 10^30', { token: tok({ payload: { raw: '{"exp":1000000000000000000000000000000}' } }) });
  add('exp-ms', 'exp in milliseconds', T({ exp: FUTURE * 1000 }));
  add('nbf-future', 'nbf 2100', T({ nbf: FUTURE }));
  add('nbf-past', 'nbf 2001', T({ nbf: PAST }));
  add('nbf-future-ignored', 'nbf 2100, ignoreNotBefore', T({ nbf: FUTURE }, { algorithms: ['HS256'], ignoreNotBefore: true }));
  add('nbf-now', 'nbf == now', T({ nbf: NOW }));
  add('nbf-now-plus-1', 'nbf == now + 1', T({ nbf: NOW + 1 }));
  add('nbf-tolerance-edge', 'nbf == now + 5, tolerance 5', T({ nbf: NOW + 5 }, tol(5)));
  add('nbf-tolerance-outside', 'nbf == now + 6, tolerance 5', T({ nbf: NOW + 6 }, tol(5)));
  add('nbf-within-day-tolerance', 'nbf == now + 1 day, tolerance 2 days', T({ nbf: NOW + DAY }, tol(2 * DAY)));
  add('nbf-beyond-tolerance', 'nbf == now + 1 day, tolerance 1 hour', T({ nbf: NOW + DAY }, tol(3600)));
  add('nbf-string-past', 'nbf "978307200"', T({ nbf: String(PAST) }));
  add('nbf-string-garbage', 'nbf "x"', T({ nbf: 'x' }));
  add('nbf-null', 'nbf null', T({ nbf: null }));
  add('nbf-true', 'nbf true', T({ nbf: true }));
  add('nbf-float-future', 'nbf 4102444800.5', T({ nbf: FUTURE + 0.5 }));
  add('iat-future', 'iat 2100', T({ iat: FUTURE }));
  add('iat-past', 'iat 2001', T({ iat: PAST }));
  add('iat-now-plus-1', 'iat == now + 1', T({ iat: NOW + 1 }));
  add('iat-future-within-tolerance', 'iat == now + 1 hour, tolerance 2 hours', T({ iat: NOW + 3600 }, tol(7200)));
  add('iat-string', 'iat "abc"', T({ iat: 'abc' }));
  add('iat-string-number', 'iat "978307200"', T({ iat: String(PAST) }));
  add('iat-null', 'iat null', T({ iat: null }));
  add('iat-float', 'iat 978307200.5', T({ iat: PAST + 0.5 }));
  add('exp-past-nbf-future', 'exp past and nbf future', T({ exp: PAST, nbf: FUTURE }));
  add('exp-past-iat-future', 'exp past and iat future', T({ exp: PAST, iat: FUTURE }));
  add('nbf-future-iat-future', 'nbf future and iat future', T({ nbf: FUTURE, iat: FUTURE }));
  add('exp-past-nbf-string', 'exp past and nbf "x"', T({ exp: PAST, nbf: 'x' }));
  add('exp-string-nbf-future', 'exp "x" and nbf future', T({ exp: 'x', nbf: FUTURE }));
  add('exp-past-iat-string', 'exp past and iat "abc"', T({ exp: PAST, iat: 'abc' }));
  add('exp-past-badsig', 'exp past and a wrong signature', { token: hs({ exp: PAST }, {}, S_WRONG) });
  add('exp-past-huge-tolerance', 'exp past, tolerance 5e9', T({ exp: PAST }, tol(5e9)));
  add('nbf-future-huge-tolerance', 'nbf future, tolerance 5e9', T({ nbf: FUTURE }, tol(5e9)));
  add('both-ignored', 'exp past and nbf future, both ignored', T({ exp: PAST, nbf: FUTURE }, { algorithms: ['HS256'], ignoreExpiration: true, ignoreNotBefore: true }));
  add('rs256-expired', 'RS256 token, exp past', { token: signed('RS256', { sub: 'user-1', exp: PAST }), key: key.pem(PEM.rsaPub), options: RS });

  // ===== audience
  category = 'audience';
  const A = (payload, options) => ({ token: hs(payload), options: { algorithms: ['HS256'], ...options } });
  add('match', 'audience a, aud "a"', A({ aud: 'a' }, { audience: ['a'] }));
  add('mismatch', 'audience a, aud "b"', A({ aud: 'b' }, { audience: ['a'] }));
  add('list-match', 'audience x and b, aud "b"', A({ aud: 'b' }, { audience: ['x', 'b'] }));
  add('list-mismatch', 'audience x and y, aud "b"', A({ aud: 'b' }, { audience: ['x', 'y'] }));
  add('claim-array-match', 'audience a, aud ["c","a"]', A({ aud: ['c', 'a'] }, { audience: ['a'] }));
  add('claim-array-mismatch', 'audience a, aud ["b","c"]', A({ aud: ['b', 'c'] }, { audience: ['a'] }));
  add('both-arrays', 'audience x and c, aud ["b","c"]', A({ aud: ['b', 'c'] }, { audience: ['x', 'c'] }));
  add('claim-missing', 'audience a, no aud', A({ sub: 'x' }, { audience: ['a'] }));
  add('claim-null', 'audience a, aud null', A({ aud: null }, { audience: ['a'] }));
  add('claim-empty-string', 'audience a, aud ""', A({ aud: '' }, { audience: ['a'] }));
  add('claim-empty-array', 'audience a, aud []', A({ aud: [] }, { audience: ['a'] }));
  add('claim-number', 'audience a, aud 123', A({ aud: 123 }, { audience: ['a'] }));
  add('claim-number-match', 'audience "123", aud 123', A({ aud: 123 }, { audience: ['123'] }));
  add('claim-array-mixed', 'audience a, aud ["a", 1]', A({ aud: ['a', 1] }, { audience: ['a'] }));
  add('claim-object', 'audience a, aud {"a":1}', A({ aud: { a: 1 } }, { audience: ['a'] }));
  add('no-option-claim', 'no audience, aud "a"', A({ aud: 'a' }, {}));
  add('no-option-claim-array', 'no audience, aud ["a"]', A({ aud: ['a'] }, {}));
  add('no-option-claim-empty', 'no audience, aud ""', A({ aud: '' }, {}));
  add('no-option-claim-number', 'no audience, aud 5', A({ aud: 5 }, {}));
  add('no-option-claim-zero', 'no audience, aud 0', A({ aud: 0 }, {}));
  add('option-empty-string', 'audience "", aud "a"', A({ aud: 'a' }, { audience: [''] }));
  add('option-empty-string-noclaim', 'audience "", no aud', A({ sub: 'x' }, { audience: [''] }));
  add('option-empty-and-a', 'audience "" and a, aud "b"', A({ aud: 'b' }, { audience: ['', 'a'] }));
  add('case-sensitive', 'audience A, aud "a"', A({ aud: 'a' }, { audience: ['A'] }));
  add('mismatch-expired', 'audience mismatch and exp past', A({ aud: 'b', exp: PAST }, { audience: ['a'] }));
  add('mismatch-nbf-future', 'audience mismatch and nbf future', A({ aud: 'b', nbf: FUTURE }, { audience: ['a'] }));

  // ===== issuer, subject, jti
  category = 'issuer';
  add('match', 'issuer i, iss "i"', A({ iss: 'i' }, { issuer: ['i'] }));
  add('mismatch', 'issuer i, iss "j"', A({ iss: 'j' }, { issuer: ['i'] }));
  add('list-match', 'issuers i and j, iss "j"', A({ iss: 'j' }, { issuer: ['i', 'j'] }));
  add('list-mismatch', 'issuers i and j, iss "k"', A({ iss: 'k' }, { issuer: ['i', 'j'] }));
  add('claim-missing', 'issuer i, no iss', A({ sub: 'x' }, { issuer: ['i'] }));
  add('claim-missing-list', 'issuers i and j, no iss', A({ sub: 'x' }, { issuer: ['i', 'j'] }));
  add('claim-null', 'issuer i, iss null', A({ iss: null }, { issuer: ['i'] }));
  add('claim-number', 'issuer "1", iss 1', A({ iss: 1 }, { issuer: ['1'] }));
  add('claim-array', 'issuer i, iss ["i"]', A({ iss: ['i'] }, { issuer: ['i'] }));
  add('option-empty-string', 'issuer "", iss "i"', A({ iss: 'i' }, { issuer: [''] }));
  add('option-empty-string-noclaim', 'issuer "", no iss', A({ sub: 'x' }, { issuer: [''] }));
  add('no-option', 'no issuer, iss "i"', A({ iss: 'i' }, {}));
  add('no-option-number', 'no issuer, iss 5', A({ iss: 5 }, {}));
  add('case-sensitive', 'issuer I, iss "i"', A({ iss: 'i' }, { issuer: ['I'] }));
  add('iss-and-aud-wrong', 'issuer and audience both wrong', A({ iss: 'j', aud: 'b' }, { issuer: ['i'], audience: ['a'] }));
  add('iss-wrong-aud-missing', 'issuer wrong, aud missing', A({ iss: 'j' }, { issuer: ['i'], audience: ['a'] }));
  add('iss-missing-aud-wrong', 'iss missing, audience wrong', A({ aud: 'b' }, { issuer: ['i'], audience: ['a'] }));
  add('iss-wrong-expired', 'issuer wrong and exp past', A({ iss: 'j', exp: PAST }, { issuer: ['i'] }));
  category = 'subject';
  add('match', 'subject s, sub "s"', A({ sub: 's' }, { subject: 's' }));
  add('mismatch', 'subject s, sub "t"', A({ sub: 't' }, { subject: 's' }));
  add('claim-missing', 'subject s, no sub', A({ iss: 'x' }, { subject: 's' }));
  add('claim-number', 'no subject, sub 123', A({ sub: 123 }, {}));
  add('claim-number-option', 'subject "123", sub 123', A({ sub: 123 }, { subject: '123' }));
  add('option-empty', 'subject "", sub "t"', A({ sub: 't' }, { subject: '' }));
  add('sub-and-iss-wrong', 'subject and issuer wrong', A({ sub: 't', iss: 'j' }, { subject: 's', issuer: ['i'] }));
  add('sub-and-aud-wrong', 'subject and audience wrong', A({ sub: 't', aud: 'b' }, { subject: 's', audience: ['a'] }));
  add('sub-number-aud-wrong', 'sub 123 and audience wrong', A({ sub: 123, aud: 'b' }, { audience: ['a'] }));
  category = 'jti';
  add('match', 'jwtid j, jti "j"', A({ jti: 'j' }, { jwtid: 'j' }));
  add('mismatch', 'jwtid j, jti "k"', A({ jti: 'k' }, { jwtid: 'j' }));
  add('claim-missing', 'jwtid j, no jti', A({ sub: 'x' }, { jwtid: 'j' }));
  add('option-empty', 'jwtid "", jti "k"', A({ jti: 'k' }, { jwtid: '' }));
  add('claim-number', 'no jwtid, jti 5', A({ jti: 5 }, {}));
  add('claim-string', 'no jwtid, jti "x"', A({ jti: 'x' }, {}));
  add('jti-and-sub-numbers', 'jti 5 and sub 5', A({ jti: 5, sub: 5 }, {}));
  add('jwtid-and-sub-wrong', 'jwtid and subject wrong', A({ jti: 'k', sub: 't' }, { jwtid: 'j', subject: 's' }));

  // ===== maxAge (node only; PyJWT has none)
  category = 'maxAge';
  const M = (payload, maxAge, extra = {}) => ({ token: hs(payload), options: { algorithms: ['HS256'], maxAge, ...extra } });
  add('number-exceeded', 'maxAge 3600, iat now - 3600', M({ iat: NOW - 3600 }, '3600'));
  add('number-ok', 'maxAge 3600, iat now - 3599', M({ iat: NOW - 3599 }, '3600'));
  add('6h-ok', 'maxAge "6h", iat now - 21599', M({ iat: NOW - 21599 }, '6h'));
  add('6h-exceeded', 'maxAge "6h", iat now - 21600', M({ iat: NOW - 21600 }, '6h'));
  add('2-days', 'maxAge "2 days", iat now - 172801', M({ iat: NOW - 172801 }, '2 days'));
  add('1.5h', 'maxAge "1.5h", iat now - 5399', M({ iat: NOW - 5399 }, '1.5h'));
  add('10ms', 'maxAge "10ms", iat now - 1', M({ iat: NOW - 1 }, '10ms'));
  add('uppercase', 'maxAge "1H", iat now - 3601', M({ iat: NOW - 3601 }, '1H'));
  add('weeks', 'maxAge "1w", iat now - 1 day', M({ iat: NOW - DAY }, '1w'));
  add('years', 'maxAge "1y", iat 2001', M({ iat: PAST }, '1y'));
  add('invalid', 'maxAge "abc"', M({ iat: NOW }, 'abc'));
  add('invalid-space', 'maxAge " 1h"', M({ iat: NOW }, ' 1h'));
  add('zero', 'maxAge "0" (a number 0: no check)', M({ iat: NOW - 1e6 }, '0'));
  add('negative', 'maxAge "-10"', M({ iat: NOW }, '-10'));
  add('fraction', 'maxAge "0.5", iat now', M({ iat: NOW }, '0.5'));
  add('no-iat', 'maxAge 3600, no iat', M({ sub: 'x' }, '3600'));
  add('iat-string', 'maxAge 3600, iat "999999999"', M({ iat: '999999999' }, '3600'));
  add('with-tolerance', 'maxAge 3600, iat now - 3605, tolerance 10', M({ iat: NOW - 3605 }, '3600', { clockTolerance: 10 }));
  add('exceeded-and-expired', 'maxAge exceeded and exp past', M({ iat: NOW - 7200, exp: NOW - 10 }, '3600'));
  add('exceeded-and-aud-wrong', 'maxAge exceeded and audience wrong', M({ iat: NOW - 7200, aud: 'b' }, '3600', { audience: ['a'] }));
  add('iat-future', 'maxAge 3600, iat now + 100', M({ iat: NOW + 100 }, '3600'));
  add('before-signature', 'maxAge, no iat, wrong signature', { token: hs({ sub: 'x' }, {}, S_WRONG), options: { algorithms: ['HS256'], maxAge: '60' } });

  return { cases, certificates: Object.values(CERT).every(Boolean) };
}
