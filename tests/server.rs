//! The real server process (`jwt-debugger serve`) on a socket: request logs that never carry a
//! token, cookie or header value; slow and idle clients cut off; a deadline on shutdown; bad
//! settings refused; `.env` read from the working directory only.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(feature = "ssr")]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A fresh, empty working directory.
fn workdir() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "jwt-debugger-server-test-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

struct Server {
    child: Child,
    port: u16,
}

impl Server {
    /// Starts the server in `dir` with `vars`, and waits until it accepts connections.
    fn start(dir: &PathBuf, vars: &[(&str, &str)]) -> Server {
        let port = free_port();
        let child = Command::new(env!("CARGO_BIN_EXE_jwt-debugger"))
            .arg("serve")
            .current_dir(dir)
            .env_remove("LEPTOS_SITE_ROOT")
            .env_remove("RUST_LOG")
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("JWT_SECRET_KEY", "server-test-secret-0123456789abcdef0123456789")
            .envs(vars.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(20), "the server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Server { child, port }
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        stream
    }

    /// Sends a raw request and returns the raw response (the connection is closed after it).
    fn raw(&self, request: &str) -> String {
        let mut stream = self.connect();
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        String::from_utf8_lossy(&response).into_owned()
    }

    fn terminate(&self) {
        Command::new("kill").arg("-TERM").arg(self.child.id().to_string()).status().unwrap();
    }

    /// Stops the server and returns what it wrote to standard error.
    fn stop(mut self) -> String {
        self.terminate();
        let output = std::mem::replace(&mut self.child, Command::new("true").spawn().unwrap())
            .wait_with_output()
            .unwrap();
        String::from_utf8_lossy(&output.stderr).into_owned()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether the server closes `stream` within `limit` (reading gives end of file or an error).
fn closed_within(mut stream: TcpStream, limit: Duration) -> Option<Duration> {
    let started = Instant::now();
    stream.set_read_timeout(Some(limit + Duration::from_secs(5))).unwrap();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return (started.elapsed() <= limit).then(|| started.elapsed()),
            Ok(_) => {}
        }
    }
}

#[test]
fn request_logs_name_method_path_and_status_but_never_a_secret() {
    let dir = workdir();
    let server = Server::start(&dir, &[]);
    let canary = "CANARY-7f3a9c";
    let host = format!("127.0.0.1:{}", server.port);
    let response = server.raw(&format!(
        "GET /auth/token?token={canary}-query HTTP/1.1\r\nHost: {host}\r\nCookie: jwt_debugger_session={canary}-cookie\r\n\
         Authorization: Bearer {canary}-header\r\nConnection: close\r\n\r\n"
    ));
    assert!(response.starts_with("HTTP/1.1 401"), "{response}");
    let page =
        server.raw(&format!("GET /?q={canary}-page HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"));
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    let log = server.stop();
    assert!(!log.contains(canary), "a canary reached the log:\n{log}");
    assert!(log.contains("GET") && log.contains("/auth/token") && log.contains("401"), "{log}");
    assert!(log.lines().any(|l| l.contains("path=/") && l.contains("200")), "{log}");
}

#[test]
fn a_half_sent_request_and_an_idle_connection_are_cut_off() {
    let dir = workdir();
    let server = Server::start(&dir, &[]);
    let mut half = server.connect();
    half.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ").unwrap();
    let idle = server.connect();
    let limit = Duration::from_secs(13);
    let (half, idle) = (
        std::thread::spawn(move || closed_within(half, limit)),
        std::thread::spawn(move || closed_within(idle, limit)),
    );
    assert!(half.join().unwrap().is_some(), "a half-sent request was kept open past {limit:?}");
    assert!(idle.join().unwrap().is_some(), "an idle connection was kept open past {limit:?}");
}

#[test]
fn sigterm_ends_the_server_within_five_seconds_whatever_the_clients_do() {
    let dir = workdir();
    let mut server = Server::start(&dir, &[]);
    let mut half = server.connect();
    half.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    server.terminate();
    loop {
        if server.child.try_wait().unwrap().is_some() {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(7), "still running after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(half);
}

#[test]
fn bad_settings_are_one_clear_line_and_exit_code_2() {
    for (name, value) in
        [("DEMO_AUTH", "sometimes"), ("COOKIE_SECURE", "perhaps"), ("DEMO_API_VULNERABLE", "yes")]
    {
        let output = Command::new(env!("CARGO_BIN_EXE_jwt-debugger"))
            .arg("serve")
            .current_dir(workdir())
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{}", free_port()))
            .env(name, value)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{name}={value}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let line = stderr.lines().find(|l| l.contains(name)).unwrap_or_default();
        assert!(line.starts_with("error:") && line.contains(value), "{stderr}");
    }
}

#[test]
fn the_vulnerable_demo_api_is_refused_off_loopback() {
    let output = Command::new(env!("CARGO_BIN_EXE_jwt-debugger"))
        .arg("serve")
        .current_dir(workdir())
        .env("LEPTOS_SITE_ADDR", format!("0.0.0.0:{}", free_port()))
        .env("DEMO_API_VULNERABLE", "true")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = stderr.lines().find(|l| l.contains("DEMO_API_VULNERABLE")).unwrap_or_default();
    assert!(line.starts_with("error:") && line.contains("loopback") && line.contains("0.0.0.0"), "{stderr}");
    // On loopback it starts, and says once what it does.
    let server = Server::start(&workdir(), &[("DEMO_API_VULNERABLE", "true")]);
    let stderr = server.stop();
    assert_eq!(stderr.lines().filter(|l| l.contains("DEMO_API_VULNERABLE=true")).count(), 1, "{stderr}");
}

#[test]
fn dot_env_is_read_from_the_working_directory_only() {
    let parent = workdir();
    std::fs::write(parent.join(".env"), "DEMO_AUTH=planted-by-someone-else\n").unwrap();
    let child = parent.join("course");
    std::fs::create_dir_all(&child).unwrap();
    // The parent's .env would make the server refuse to start (bad DEMO_AUTH): it starts.
    let server = Server::start(&child, &[]);
    let host = format!("127.0.0.1:{}", server.port);
    assert!(
        server
            .raw(&format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"))
            .starts_with("HTTP/1.1 200")
    );
    drop(server);
    // Its own .env is read.
    std::fs::write(child.join(".env"), "DEMO_AUTH=off\n").unwrap();
    let server = Server::start(&child, &[]);
    let response = server.raw(&format!(
        "GET /auth/bypass?token=admin HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
        server.port
    ));
    assert!(response.starts_with("HTTP/1.1 404"), "{response}");
}

#[test]
fn the_demo_routes_are_off_when_listening_on_every_interface() {
    let dir = workdir();
    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_jwt-debugger"))
        .arg("serve")
        .current_dir(&dir)
        .env("LEPTOS_SITE_ADDR", format!("0.0.0.0:{port}"))
        .env("JWT_SECRET_KEY", "server-test-secret-0123456789abcdef0123456789")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(20));
        std::thread::sleep(Duration::from_millis(50));
    }
    let server = Server { child: std::mem::replace(&mut child, Command::new("true").spawn().unwrap()), port };
    let response = server.raw(&format!(
        "GET /auth/bypass?token=admin HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    ));
    assert!(response.starts_with("HTTP/1.1 404"), "{response}");
    let _ = child.wait();
}

#[test]
fn every_variable_is_described_by_serve_help_the_readme_and_env_example() {
    let help = Command::new(env!("CARGO_BIN_EXE_jwt-debugger")).args(["serve", "--help"]).output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let example = std::fs::read_to_string(format!("{root}/.env.example")).unwrap();
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    // Every variable the server's code reads.
    let mut read = Vec::new();
    for file in ["src/server/config.rs", "src/main.rs", "src/server/logging.rs"] {
        let code = std::fs::read_to_string(format!("{root}/{file}")).unwrap();
        for quoted in code.split('"').skip(1).step_by(2) {
            if quoted.len() > 3 && quoted.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
                read.push(quoted.to_owned());
            }
        }
    }
    read.extend(["LEPTOS_SITE_ADDR", "RUST_LOG"].map(String::from));
    assert!(
        read.contains(&"DEMO_AUTH".to_owned()) && read.contains(&"LEPTOS_SITE_ROOT".to_owned()),
        "{read:?}"
    );
    for var in &read {
        assert!(help.contains(var), "serve --help does not describe {var}:\n{help}");
        assert!(example.contains(var), ".env.example does not list {var}");
        assert!(readme.contains(&format!("`{var}`")), "the README does not describe {var}");
    }
    // .env.example, copied as .env, is a valid configuration.
    let dir = workdir();
    std::fs::write(dir.join(".env"), &example).unwrap();
    let mut server = Server::start(&dir, &[]);
    assert!(server.child.try_wait().unwrap().is_none(), "the server with .env.example exited");
    let response = server.raw(&format!(
        "GET /auth/token HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
        server.port
    ));
    assert!(response.starts_with("HTTP/1.1 401"), "{response}");
}
