//! The command line: `inspect`, `sign` and `keygen` over the JWT core (`serve` lives in main).

use std::fmt::Write as _;
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use jwt_core::servers::{ServerOptions, Servers};
use jwt_core::{self as jwt, Alg, Clock, Inspection, KeyKind, KeygenKind, SignatureState};

/// Exit status for usage errors (clap uses the same).
const USAGE: u8 = 2;

/// `--key-kind`: the test contract's key kind names, listed in `--help`.
fn key_kind_parser() -> impl clap::builder::TypedValueParser<Value = KeyKind> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(KeyKind::CHOICES.map(KeyKind::as_str))
        .map(|name| KeyKind::parse(&name).unwrap_or_default())
}

/// Where a key comes from.
#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct KeySource {
    /// Read the key from this file, byte for byte (a trailing newline is part of a secret).
    #[arg(long, value_name = "PATH")]
    pub key_file: Option<PathBuf>,
    /// The key text itself (a PEM's leading dashes are fine).
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub key: Option<String>,
}

/// Where `inspect` finds the issuer's keys on the network (guarded as the server's
/// `/api/keys` is: http(s) only, 1 MiB, 5 s, 3 redirects, JSON only, never link-local or cloud
/// metadata addresses). The token itself is never sent.
#[derive(Debug, Args)]
pub struct KeyDiscovery {
    /// Verify with the key set (JWKS) at this URL.
    #[arg(long, value_name = "URL", conflicts_with_all = ["key", "key_file", "discover", "key_kind"])]
    pub jwks_url: Option<String>,
    /// Verify with the keys the token's `iss` publishes (OpenID Connect discovery:
    /// <iss>/.well-known/openid-configuration → jwks_uri).
    #[arg(long, conflicts_with_all = ["key", "key_file", "key_kind"])]
    pub discover: bool,
}

impl KeyDiscovery {
    /// The key set found, as JWKS text, or `None` when not asked. Says on standard error where
    /// it came from (and what was taken out of it).
    async fn find(&self, token: &str) -> Result<Option<String>, String> {
        use crate::discovery::{Fetcher, Limits, Reach};
        let asked = match (&self.jwks_url, self.discover) {
            (Some(url), _) => url.clone(),
            (None, true) => issuer_of(token)?,
            (None, false) => return Ok(None),
        };
        // The CLI serves the person at this computer: loopback and private issuers are theirs.
        let fetcher = Fetcher::new(Reach::Local, Limits::default())?;
        let found = match &self.jwks_url {
            Some(url) => fetcher.from_jwks_uri(url).await,
            None => fetcher.from_issuer(&asked).await,
        }
        .map_err(|e| format!("no keys found for {asked}: {e} [{}]", e.code()))?;
        let mut note = format!("keys from {}\n", found.jwks_uri);
        for removed in &found.removed {
            let _ = writeln!(note, "  removed: {removed}");
        }
        let _ = std::io::stderr().write_all(note.as_bytes());
        Ok(Some(found.jwks.to_string()))
    }
}

/// The token's `iss` (a string), for `--discover`.
fn issuer_of(token: &str) -> Result<String, String> {
    let decoded = jwt::decode(without_line_break(token));
    match decoded.claim("iss").map(|row| &row.value) {
        Some(serde_json::Value::String(iss)) if !iss.trim().is_empty() => Ok(iss.clone()),
        Some(_) => Err("--discover: the token's \"iss\" is not a URL string".to_owned()),
        None => Err("--discover: the token has no \"iss\" claim (give --jwks-url URL)".to_owned()),
    }
}

impl KeySource {
    fn read(&self) -> Result<Option<String>, String> {
        match (&self.key, &self.key_file) {
            (Some(text), _) => Ok(Some(text.clone())),
            (None, Some(path)) => {
                let bytes = std::fs::read(path)
                    .map_err(|e| format!("cannot read key file {}: {e}", path.display()))?;
                String::from_utf8(bytes).map(Some).map_err(|_| {
                    format!("key file {} is not UTF-8 text (use a base64 or hex secret)", path.display())
                })
            }
            (None, None) => Ok(None),
        }
    }
}

/// `jwt-debugger inspect`.
#[derive(Debug, Args)]
pub struct InspectArgs {
    /// How to read the key (default: auto with a key, none without).
    #[arg(long, value_name = "KIND", value_parser = key_kind_parser())]
    pub key_kind: Option<KeyKind>,
    #[command(flatten)]
    pub key: KeySource,
    #[command(flatten)]
    pub discovery: KeyDiscovery,
    /// "Now" in Unix seconds (default: the system clock).
    #[arg(long, value_name = "UNIX", allow_negative_numbers = true)]
    pub now: Option<i64>,
    /// Seconds of tolerance for exp and nbf.
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub leeway: u64,
    /// Print one JSON object (the verdict's fields plus the full report).
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub server: ServerArgs,
    /// The token, or - (the default) to read it from standard input.
    #[arg(value_name = "TOKEN|-")]
    pub token: Option<String>,
}

/// The verify options of "what would your server say": node jsonwebtoken's `jwt.verify`
/// options (PyJWT's `jwt.decode` gets the equivalent arguments). The clock is `--now`.
#[derive(Debug, Args)]
#[command(next_help_heading = "Server verify options (node jsonwebtoken 9, PyJWT 2)")]
pub struct ServerArgs {
    /// Allowed algorithms, comma-separated ("" for an empty list); default: not given.
    #[arg(long, value_name = "LIST")]
    pub algorithms: Option<String>,
    /// An accepted audience (repeat for several).
    #[arg(long, value_name = "A")]
    pub audience: Vec<String>,
    /// An accepted issuer (repeat for several).
    #[arg(long, value_name = "I")]
    pub issuer: Vec<String>,
    /// The required subject.
    #[arg(long, value_name = "S")]
    pub subject: Option<String>,
    /// The required JWT ID (node only).
    #[arg(long, value_name = "J")]
    pub jwtid: Option<String>,
    /// Maximum age since iat (node only): seconds ("3600") or a duration ("6h", "2 days").
    #[arg(long, value_name = "DUR", allow_hyphen_values = true)]
    pub max_age: Option<String>,
    /// Seconds of clock tolerance for exp, nbf (and PyJWT's iat): node clockTolerance, PyJWT leeway.
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub clock_tolerance: u64,
    /// Do not check exp (node ignoreExpiration, PyJWT verify_exp=False).
    #[arg(long)]
    pub ignore_expiration: bool,
    /// Do not check nbf (node ignoreNotBefore, PyJWT verify_nbf=False).
    #[arg(long)]
    pub ignore_not_before: bool,
}

impl ServerArgs {
    /// The options, as the core takes them.
    pub fn options(&self) -> ServerOptions {
        let algorithms = self.algorithms.as_deref().map(|list| match list.trim() {
            "" => Vec::new(),
            list => list.split(',').map(|a| a.trim().to_owned()).collect(),
        });
        ServerOptions {
            algorithms,
            audience: self.audience.clone(),
            issuer: self.issuer.clone(),
            subject: self.subject.clone(),
            jwtid: self.jwtid.clone(),
            max_age: self.max_age.clone(),
            clock_tolerance: self.clock_tolerance,
            ignore_expiration: self.ignore_expiration,
            ignore_not_before: self.ignore_not_before,
        }
    }
}

/// `jwt-debugger sign`.
#[derive(Debug, Args)]
pub struct SignArgs {
    /// The algorithm (sets the header's alg).
    #[arg(long, value_name = "ALG", value_parser = parse_alg)]
    pub alg: Alg,
    /// Header JSON (an object).
    #[arg(long, value_name = "JSON", default_value = r#"{"typ":"JWT"}"#)]
    pub header: String,
    /// How to read the signing key: auto (PEM, JWK or UTF-8 secret), secret-*, or jwk.
    #[arg(long, value_name = "KIND", default_value = "auto", value_parser = key_kind_parser())]
    pub key_kind: KeyKind,
    #[command(flatten)]
    pub key: KeySource,
    /// Payload JSON, or - (the default) to read it from standard input.
    #[arg(value_name = "PAYLOAD|-")]
    pub payload: Option<String>,
}

/// `jwt-debugger keygen`.
#[derive(Debug, Args)]
pub struct KeygenArgs {
    /// What to make: hs256, hs384, hs512, rsa2048, rsa3072, rsa4096, p256, p384, p521, secp256k1,
    /// ed25519, ed448, ml-dsa-44, ml-dsa-65, ml-dsa-87.
    #[arg(value_name = "KIND", value_parser = parse_keygen)]
    pub kind: KeygenKind,
    /// Print JSON with every form (PEM and JWK, private and public).
    #[arg(long)]
    pub json: bool,
}

fn parse_alg(s: &str) -> Result<Alg, String> {
    Alg::parse(s)
        .ok_or_else(|| format!("unsupported algorithm {s:?}; one of {}", Alg::ALL.map(Alg::name).join(", ")))
}

fn parse_keygen(s: &str) -> Result<KeygenKind, String> {
    KeygenKind::parse(s).ok_or_else(|| {
        format!("unknown key kind {s:?}; one of {}", KeygenKind::NAMED.map(|(n, _)| n).join(", "))
    })
}

fn usage(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(USAGE)
}

/// Reads the argument, or standard input for `-` or nothing.
fn arg_or_stdin(arg: Option<&str>, what: &str) -> Result<String, String> {
    match arg {
        Some(text) if text != "-" => Ok(text.to_owned()),
        _ => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| format!("cannot read the {what} from standard input: {e}"))?;
            Ok(text)
        }
    }
}

fn system_now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

/// Runs `inspect`: exit 0 whenever the analysis ran, 2 on usage errors, 1 when `--discover` or
/// `--jwks-url` found no keys.
pub async fn inspect(args: &InspectArgs) -> ExitCode {
    let key_text = match args.key.read() {
        Ok(k) => k,
        Err(e) => return usage(e),
    };
    let token = match arg_or_stdin(args.token.as_deref(), "token") {
        Ok(t) => t,
        Err(e) => return usage(e),
    };
    let (key_text, key_kind) = match args.discovery.find(&token).await {
        Ok(Some(jwks)) => (Some(jwks), Some(KeyKind::Jwks)),
        Ok(None) => (key_text, args.key_kind),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let kind = key_kind.map_or(if key_text.is_some() { KeyKind::Auto } else { KeyKind::None }, KeyKind::from);
    if kind != KeyKind::None && kind != KeyKind::Auto && key_text.is_none() {
        return usage(format!("--key-kind {} needs --key or --key-file", kind.as_str()));
    }
    let key_text = key_text.unwrap_or_default();
    let key = jwt::parse_key(kind, &key_text);
    let clock = Clock { now: args.now.unwrap_or_else(system_now), leeway: args.leeway };
    let report = jwt::analyse(&token, &key);
    let known_secret = jwt::known_secrets::find(&report.decoded);
    let inspection = Inspection { report: &report, clock, known_secret };
    // What a server is sent: the token without the line break a shell adds on standard input.
    let sent = if args.token.as_deref().is_some_and(|t| t != "-") {
        token.as_str()
    } else {
        without_line_break(&token)
    };
    let servers = jwt::servers::servers(sent, kind, &key_text, &args.server.options(), clock.now);
    let out = if args.json {
        match inspection_json(&inspection, &servers) {
            Ok(json) => json + "\n",
            Err(e) => return usage(e),
        }
    } else {
        let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        summary(&inspection, colour) + &servers_summary(&servers, colour)
    };
    write_out(&out)
}

/// `text` without one final line break (`\n` or `\r\n`).
fn without_line_break(text: &str) -> &str {
    match text.strip_suffix('\n') {
        Some(line) => line.strip_suffix('\r').unwrap_or(line),
        None => text,
    }
}

/// The inspection's JSON with the servers' answers as a top-level `"servers"`.
fn inspection_json(inspection: &Inspection<'_>, servers: &Servers) -> serde_json::Result<String> {
    let mut json = serde_json::to_value(inspection)?;
    if let Some(object) = json.as_object_mut() {
        object.insert("servers".to_owned(), serde_json::to_value(servers)?);
    }
    serde_json::to_string_pretty(&json)
}

/// One line per library: "node jsonwebtoken 9: JsonWebTokenError: invalid signature".
pub fn servers_summary(servers: &Servers, colour: bool) -> String {
    let s = Style { on: colour };
    let node = &servers.node_jsonwebtoken;
    let python = &servers.pyjwt;
    let line = |library: &str, ok: Option<bool>, class: Option<&str>, message: Option<&str>| {
        let message = message.unwrap_or_default().replace('\n', "\n    ");
        let said = match (ok, class) {
            (Some(true), _) => s.good("accepted"),
            (Some(false), Some(class)) => s.bad(&format!("{class}: {message}")),
            _ => s.dim(&format!("no prediction: {message}")),
        };
        format!("  {library}: {said}\n")
    };
    let mut out = format!("{}\n", s.bold("Servers (what jwt.verify / jwt.decode would say):"));
    out += &line("node jsonwebtoken 9", node.ok, node.name.as_deref(), node.message.as_deref());
    out += &line("PyJWT 2", python.ok, python.exception.as_deref(), python.message.as_deref());
    out
}

fn write_out(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not worth a panic.
        Err(_) => ExitCode::FAILURE,
    }
}

/// Runs `sign`: prints the compact token.
pub fn sign(args: &SignArgs) -> ExitCode {
    let key_text = match args.key.read() {
        Ok(Some(k)) => k,
        Ok(None) => return usage("sign needs --key or --key-file"),
        Err(e) => return usage(e),
    };
    let payload = match arg_or_stdin(args.payload.as_deref(), "payload") {
        Ok(p) => p,
        Err(e) => return usage(e),
    };
    let key = match jwt::SigningKey::parse(args.key_kind, &key_text) {
        Ok(k) => k,
        Err(e) => return usage(format!("cannot use the key: {e}")),
    };
    match jwt::sign_json(&args.header, &payload, args.alg, &key) {
        Ok(signed) => write_out(&(signed.token + "\n")),
        Err(e) => usage(e),
    }
}

/// Runs `keygen`: prints PEM (or the secret), or JSON with every form.
pub fn keygen(args: &KeygenArgs) -> ExitCode {
    let key = match jwt::generate(args.kind) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let out = if args.json {
        serde_json::to_string_pretty(&key).unwrap_or_default() + "\n"
    } else {
        match (&key.secret_base64url, &key.private_pem, &key.public_pem) {
            (Some(secret), _, _) => format!("{secret}\n"),
            (None, Some(private), Some(public)) => format!("{private}{public}"),
            _ => String::new(),
        }
    };
    write_out(&out)
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_owned() }
    }
    fn bold(&self, t: &str) -> String {
        self.paint("1", t)
    }
    fn good(&self, t: &str) -> String {
        self.paint("32", t)
    }
    fn bad(&self, t: &str) -> String {
        self.paint("31", t)
    }
    fn warn(&self, t: &str) -> String {
        self.paint("33", t)
    }
    fn dim(&self, t: &str) -> String {
        self.paint("2", t)
    }
}

/// The readable summary of `inspect` (ANSI colours when `colour`). The verdict line reads
/// the same [`SignatureState`] as the page's signature badge.
pub fn summary(inspection: &Inspection<'_>, colour: bool) -> String {
    let s = Style { on: colour };
    let (d, check, v) = (&inspection.report.decoded, &inspection.report.check, &inspection.report.verdict);
    let mut out = String::new();
    let state = v.signature_state();
    let title = state.title().to_uppercase();
    let verdict = match (state, v.error_kind) {
        (SignatureState::Verified, None) => s.good(&title),
        (SignatureState::Verified, Some(kind)) => s.warn(&format!("{title}, BUT {kind}")),
        (SignatureState::Invalid | SignatureState::Malformed, Some(kind)) => {
            s.bad(&format!("{title} ({kind})"))
        }
        (SignatureState::Unsigned, _) => s.warn(&format!("{title} (alg none): nothing vouches for it")),
        (SignatureState::Refused, Some(kind)) => s.warn(&format!("{title} ({kind})")),
        (SignatureState::NotChecked, Some(kind)) => s.dim(&format!("{title}; {kind}")),
        (_, _) => s.dim(&title),
    };
    let _ = writeln!(out, "{} {verdict}", s.bold("Verdict:"));
    if let Some(message) = &v.message {
        let _ = writeln!(out, "         {message}");
    }
    if let Some(pos) = &d.first_error {
        let _ = writeln!(out, "         at character {} of the token", pos.offset + 1);
    }
    if let Some(known) = inspection.known_secret {
        let warning = format!(
            "WARNING: signed with a publicly known secret {:?} ({}): anyone can forge tokens signed with it",
            known.secret, known.source
        );
        let _ = writeln!(out, "{}", s.paint("1;31", &warning));
    }
    if let Some(alg) = &v.alg {
        let desc = Alg::parse(alg).map_or("unsupported", Alg::describe);
        let _ = writeln!(out, "{} {alg} ({desc})", s.bold("Algorithm:"));
    }
    if let Some(status) = inspection.time_status() {
        let text = match status {
            jwt::TimeStatus::Expired => s.bad("EXPIRED"),
            jwt::TimeStatus::NotYetValid => s.warn("NOT YET VALID"),
            jwt::TimeStatus::Valid => s.good("VALID (not expired)"),
            jwt::TimeStatus::NoExp => s.warn("NO EXPIRY (no exp claim)"),
        };
        let _ = writeln!(out, "{} {text}", s.bold("Time:"));
    }
    let key = &check.key;
    if let Some(desc) = &key.description {
        let _ = writeln!(out, "{} {desc} [{}]", s.bold("Key:"), key.detected.as_str());
    }
    if let Some(err) = &key.error {
        let _ = writeln!(out, "{} {}", s.bold("Key:"), s.bad(err));
    }
    for r in &key.readings {
        let result = match r.verifies {
            Some(true) => s.good("verifies"),
            Some(false) => s.bad("does not verify"),
            None => s.dim("not valid in this encoding"),
        };
        let bytes = r.bytes.map_or(String::new(), |b| format!(", {b} bytes"));
        let used = if r.used { " (used)" } else { "" };
        let cleaned = if r.cleaned { " as dotenv reads it" } else { "" };
        let _ = writeln!(out, "  secret{cleaned} read as {}{bytes}: {result}{used}", r.encoding.label());
    }
    if let Some(cleanup) = key.cleanup.as_ref().filter(|c| c.verifies) {
        let _ = writeln!(out, "{} {}", s.warn("Key:"), cleanup.explanation);
    }
    for w in &v.warnings {
        let text = crate::view_model::warning_text(*w, key);
        let _ = writeln!(out, "{} {} — {text}", s.warn("Warning:"), w);
    }
    for (title, rows) in [("Header", d.header_params()), ("Payload", d.claims())] {
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{}", s.bold(title));
        for row in rows {
            let _ = write!(out, "  {}: {}", row.name, row.value);
            if let Some(time) = &row.time {
                let relative = jwt::time::relative(&row.name, time.seconds, inspection.clock.now);
                let when = time.iso.as_deref().unwrap_or("out of range");
                let _ = write!(out, "  {}", s.dim(&format!("{when} — {relative}")));
            }
            if let Some(doc) = row.doc {
                let _ = write!(out, "  {}", s.dim(&format!("[{}: {}]", doc.title, doc.source)));
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_has_no_colour_codes_unless_asked() {
        let key = jwt::parse_key(KeyKind::SecretUtf8, "k");
        let report = jwt::analyse("eyJhbGciOiJIUzI1NiJ9.e30.eHh4", &key);
        let inspection = Inspection { report: &report, clock: Clock::at(0), known_secret: None };
        let plain = summary(&inspection, false);
        assert!(!plain.contains('\x1b'), "{plain}");
        assert!(plain.contains("INVALID SIGNATURE (bad_signature)"), "{plain}");
        assert!(summary(&inspection, true).contains("\x1b[31m"));
    }

    #[test]
    fn the_cli_reads_verdicts_as_the_page_does() {
        // claim_type without a key: the page says "Not checked (no key)"; so does the CLI.
        let token = "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOiIxIn0.c2ln";
        let report = jwt::analyse(token, &jwt::parse_key(KeyKind::None, ""));
        assert_eq!(report.verdict.error_kind, Some(jwt::ErrorKind::ClaimType));
        let plain = summary(&Inspection { report: &report, clock: Clock::at(0), known_secret: None }, false);
        let first = plain.lines().next().unwrap_or_default();
        assert!(first.contains("NOT CHECKED (NO KEY)"), "{plain}");
    }
}
