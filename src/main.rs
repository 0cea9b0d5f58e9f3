//! The `jwt-debugger` binary: the web server (default), and command-line tools.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use jwt_debugger::cli;

/// A local JWT debugger: decode, explain, verify and sign tokens.
#[derive(Parser)]
#[command(name = "jwt-debugger", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (the default). Configured by environment variables, read after
    /// `.env` of the working directory (see `serve --help`).
    #[command(after_help = SERVE_ENV)]
    Serve,
    /// Decode, explain and verify a token. Exit 0 whenever the analysis ran, 2 on usage errors.
    Inspect(cli::InspectArgs),
    /// Sign a payload: prints the compact token.
    Sign(cli::SignArgs),
    /// Generate a key (HMAC secret, RSA, EC or Ed25519) as PEM, or JSON with JWKs.
    Keygen(cli::KeygenArgs),
}

/// Every variable `serve` reads (`jwt-debugger serve --help`; the README's Configuration).
const SERVE_ENV: &str = "\
Environment (read after .env of the working directory only; empty counts as unset):
  LEPTOS_SITE_ADDR  Listen address [default: 127.0.0.1:3000]. 0.0.0.0:PORT exposes the server
                    to the network (and turns the demo log-in off unless DEMO_AUTH=on).
  JWT_SECRET_KEY    HS256 key of /auth/token and the demo API: the UTF-8 bytes of the text.
                    Unset: a random key per run, printed once. Under 32 bytes: a warning.
  JWT_PRIVATE_KEY_FILE
                    RSA private key (PKCS#8 PEM) of /auth/token?alg=RS256, published at
                    /.well-known/jwks.json. Unset: an RSA-2048 key made per run, on first use.
  SESSION_SECRET    Key material (at least 32 bytes) for the encrypted session cookie. Unset:
                    a random key per run (a restart logs everybody out).
  DEMO_AUTH         auto | on | off [default: auto]. The course's demo routes (/auth/*, /api/*,
                    /.well-known/*): auto turns them on only when listening on loopback.
  ALLOWED_HOSTS     Comma-separated host names (with or without :port) accepted in the Host
                    header besides localhost, 127.0.0.1, [::1] and the listen address; any
                    other Host gets 421 (DNS rebinding). Set it when hosting under a name.
  COOKIE_SECURE     true | false [default: false]. Mark the session cookie Secure (behind HTTPS).
  DEMO_API_VULNERABLE
                    true | false [default: false]. For demonstrations: the demo API also accepts
                    forged tokens as naive code did (alg none, RS256 public key as HS256 secret,
                    embedded JWKs) and the page shows a red banner. Refused (exit 2) unless
                    listening on loopback.
  LEPTOS_SITE_ROOT  Serve the site (JS, WASM, CSS) from this directory instead of the copy built
                    into the binary (development).
  RUST_LOG          Log filter [default: info]. Logs carry method, path, status and duration
                    only: never a query string, header, cookie, token or key.

Exit status: 2 when a setting cannot be used (the message says which).";

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve().await,
        Command::Inspect(args) => cli::inspect(&args).await,
        Command::Sign(args) => cli::sign(&args),
        Command::Keygen(args) => cli::keygen(&args),
    }
}

async fn serve() -> ExitCode {
    use jwt_debugger::server::{AppState, app, config::Config, logging, serve, site::Site};
    use leptos::prelude::get_configuration;

    logging::init();
    // .env of the working directory only (never of a parent directory, which anyone with write
    // access there could plant). A missing .env is normal; a broken one is worth saying.
    if let Err(err) = dotenvy::from_path(".env")
        && !err.not_found()
    {
        tracing::warn!("could not read .env: {err}");
    }
    let (config, notices) = match Config::from_env() {
        Ok(read) => read,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    for notice in &notices {
        eprintln!("{notice}");
    }
    let leptos_options = match get_configuration(None) {
        Ok(conf) => conf.leptos_options,
        Err(err) => {
            eprintln!("error: bad LEPTOS_* configuration: {err}");
            return ExitCode::from(2);
        }
    };
    let addr = leptos_options.site_addr;
    if let Err(err) = config.check_listen(addr) {
        eprintln!("error: {err}");
        return ExitCode::from(2);
    }
    // LEPTOS_SITE_ROOT, when set, wins (development); otherwise the site inside the binary.
    let site = Site::new(std::env::var_os("LEPTOS_SITE_ROOT").map(Into::into));
    if !site.has_page(&leptos_options.output_name) {
        eprintln!(
            "warning: no built page in {site:?} (run `cargo leptos build --release --split --precompress \
             --lib-features hydrate,split` or ./scripts/run.sh): the page will not hydrate"
        );
    }
    let issuer = match jwt_debugger::server::issuer::from_env(config.private_key_file.as_deref()) {
        Ok(issuer) => issuer,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    let state = AppState::new(leptos_options, &config, addr, site).with_issuer(issuer);
    if state.demo && !addr.ip().is_loopback() {
        eprintln!(
            "warning: DEMO_AUTH=on: anyone who can reach http://{addr} can log in as a demo user and get tokens signed with JWT_SECRET_KEY"
        );
    }
    if state.demo_api_vulnerable {
        eprintln!(
            "warning: DEMO_API_VULNERABLE=true: the demo API accepts forged tokens (alg none, RS256→HS256 key confusion, embedded JWKs) on purpose, for demonstrations only"
        );
    }
    let router = app(state);
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!("error: cannot listen on {addr}: {err} (set LEPTOS_SITE_ADDR to another address)");
            return ExitCode::FAILURE;
        }
    };
    println!("jwt-debugger listening on http://{addr}");
    serve::serve(listener, router, serve::Limits::default(), shutdown_signal()).await;
    ExitCode::SUCCESS
}

/// Resolves on Ctrl-C or SIGTERM (what test runners send).
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}
