//! Request logs: one line per request with its method, path (never the query string), status
//! and duration — never a token, cookie, header value or key. `RUST_LOG` sets the level (`info`
//! by default).

use std::time::Duration;

use axum::http::{Request, Response};
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::trace::{MakeSpan, OnResponse, TraceLayer};
use tracing::Span;

/// Starts logging to standard error.
pub fn init() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    use std::io::IsTerminal;
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr)
        .try_init();
}

/// The span of a request: its method and path only.
#[derive(Clone, Copy, Debug)]
pub struct RequestSpan;

impl<B> MakeSpan<B> for RequestSpan {
    fn make_span(&mut self, request: &Request<B>) -> Span {
        tracing::info_span!("request", method = %request.method(), path = %request.uri().path())
    }
}

/// The line written when the response is ready.
#[derive(Clone, Copy, Debug)]
pub struct RequestLine;

impl<B> OnResponse<B> for RequestLine {
    fn on_response(self, response: &Response<B>, latency: Duration, _span: &Span) {
        tracing::info!(status = response.status().as_u16(), ms = latency.as_secs_f64() * 1000.0, "served");
    }
}

/// The request-log layer.
pub fn layer() -> TraceLayer<SharedClassifier<ServerErrorsAsFailures>, RequestSpan, (), RequestLine> {
    TraceLayer::new_for_http().make_span_with(RequestSpan).on_request(()).on_response(RequestLine)
}
