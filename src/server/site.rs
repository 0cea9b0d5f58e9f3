//! The built site (JS, WASM, CSS, the crypto module and its worker, the favicon, and their
//! precompressed `.br`/`.gz` copies): embedded in the release binary, so it runs from any
//! directory; read from `LEPTOS_SITE_ROOT` instead when that is set (development, tests).
//!
//! Every answer negotiates brotli or gzip from `Accept-Encoding` (with `Vary: Accept-Encoding`),
//! carries its content type and a strong `ETag` (so a reload costs a `304`), and
//! `Cache-Control: no-cache`: no file name carries a content hash, so none may be cached
//! without asking.

use std::borrow::Cow;
use std::path::PathBuf;

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use rust_embed::RustEmbed;

/// The site as `cargo leptos build --release --precompress` left it in `target/site`.
#[derive(RustEmbed)]
#[folder = "target/site"]
#[exclude = "*.d.ts"]
#[exclude = "*.d.ts.*"]
#[allow_missing = true]
struct Embedded;

/// Where the site's files come from.
#[derive(Debug, Clone)]
pub enum Site {
    /// Compiled into the binary.
    Embedded,
    /// A directory (`LEPTOS_SITE_ROOT`).
    Dir(PathBuf),
}

/// One file, read.
struct File {
    bytes: Cow<'static, [u8]>,
    etag: String,
}

impl Site {
    /// `dir` when set, else the embedded copy.
    pub fn new(dir: Option<PathBuf>) -> Self {
        dir.map_or(Site::Embedded, Site::Dir)
    }

    /// Whether the site has its page files (the embedded copy of a binary built without
    /// `cargo leptos build` has none).
    pub fn has_page(&self, output_name: &str) -> bool {
        self.read(&format!("pkg/{output_name}.wasm")).is_some()
    }

    /// The modules the page's JS (`pkg/<output_name>.js`) imports statically (its wasm-bindgen
    /// snippets and the WASM-splitting loader), as URL paths: the page preloads them with its
    /// own module, instead of discovering them only once that one has arrived and been parsed.
    pub fn static_imports(&self, pkg_dir: &str, output_name: &str) -> Vec<String> {
        self.read(&format!("{pkg_dir}/{output_name}.js"))
            .map(|file| relative_imports(&String::from_utf8_lossy(&file.bytes), pkg_dir))
            .unwrap_or_default()
    }

    fn read(&self, path: &str) -> Option<File> {
        match self {
            Site::Embedded => {
                let file = Embedded::get(path)?;
                let etag = hex_etag(&file.metadata.sha256_hash());
                Some(File { bytes: file.data, etag })
            }
            Site::Dir(root) => {
                let bytes = std::fs::read(root.join(path)).ok()?;
                let etag = hex_etag(&sha2_digest(&bytes));
                Some(File { bytes: Cow::Owned(bytes), etag })
            }
        }
    }

    /// The response for a static file at `path` (a URL path), or `None` when there is none.
    pub fn serve(&self, method: &Method, path: &str, headers: &HeaderMap) -> Option<Response> {
        if method != Method::GET && method != Method::HEAD {
            return None;
        }
        let relative = path.strip_prefix('/')?;
        // No directories, no parent references, no hidden files, no encoded copies by name.
        if relative.is_empty()
            || relative.ends_with('/')
            || relative.split('/').any(|part| part.is_empty() || part.starts_with('.'))
            || relative.contains('\\')
        {
            return None;
        }
        let content_type = content_type(relative)?;
        let accepted = accepted_encodings(headers);
        let (file, encoding) = [("br", ".br"), ("gzip", ".gz")]
            .into_iter()
            .filter(|(name, _)| accepted.contains(name))
            .find_map(|(name, suffix)| self.read(&format!("{relative}{suffix}")).map(|f| (f, Some(name))))
            .or_else(|| self.read(relative).map(|f| (f, None)))?;
        let etag = format!("\"{}{}\"", file.etag, encoding.map_or(String::new(), |e| format!("-{e}")));
        let not_modified = headers
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|tag| tag.trim() == etag || tag.trim() == "*"));
        let mut response = if not_modified {
            let mut r = Response::new(Body::empty());
            *r.status_mut() = StatusCode::NOT_MODIFIED;
            r
        } else if method == Method::HEAD {
            Response::new(Body::empty())
        } else {
            Response::new(Body::from(file.bytes))
        };
        let h = response.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        if let Ok(tag) = HeaderValue::from_str(&etag) {
            h.insert(header::ETAG, tag);
        }
        if let Some(encoding) = encoding {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        Some(response)
    }
}

/// The `./…` specifiers of a module's static imports (`from"./x.js"`, minified or not), under
/// `/{pkg_dir}/`, each once, in order. Nothing that climbs out of the directory.
fn relative_imports(js: &str, pkg_dir: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for (at, _) in js.match_indices("from") {
        let rest = js.get(at + 4..).unwrap_or_default().trim_start();
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else { continue };
        let Some(spec) = rest.get(1..).and_then(|r| r.split(quote).next()) else { continue };
        let Some(path) = spec.strip_prefix("./") else { continue };
        if path.is_empty() || path.split('/').any(|p| p.is_empty() || p == "..") {
            continue;
        }
        let url = format!("/{pkg_dir}/{path}");
        if !found.contains(&url) {
            found.push(url);
        }
    }
    found
}

/// The encodings a client accepts (`br`, `gzip`), ignoring those it gives `q=0`.
fn accepted_encodings(headers: &HeaderMap) -> Vec<&'static str> {
    let mut accepted = Vec::new();
    for value in headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()) {
        for item in value.split(',') {
            let mut parts = item.split(';').map(str::trim);
            let name = parts.next().unwrap_or_default().to_ascii_lowercase();
            let refused = parts.any(|p| p.replace(' ', "") == "q=0" || p.replace(' ', "") == "q=0.0");
            for known in ["br", "gzip"] {
                if name == known && !refused {
                    accepted.push(known);
                }
            }
        }
    }
    accepted
}

/// The content type of the site's files by extension; `None` for any other kind of file.
fn content_type(path: &str) -> Option<&'static str> {
    let extension = path.rsplit_once('.').map(|(_, e)| e)?;
    Some(match extension {
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        _ => return None,
    })
}

fn sha2_digest(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).into()
}

fn hex_etag(hash: &[u8]) -> String {
    hex::encode(hash.get(..16).unwrap_or(hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site directory of the test's own: tests run in parallel, and each removes its directory.
    fn dir_site(test: &str) -> (Site, PathBuf) {
        let root = std::env::temp_dir().join(format!("jwt-debugger-site-{test}-{}", std::process::id()));
        std::fs::create_dir_all(root.join("pkg")).unwrap();
        std::fs::write(root.join("pkg/app.js"), b"console.log(1)").unwrap();
        std::fs::write(root.join("pkg/app.js.br"), b"BROTLI").unwrap();
        std::fs::write(root.join("pkg/app.wasm"), b"\0asm").unwrap();
        std::fs::write(root.join(".env"), b"SECRET=1").unwrap();
        (Site::Dir(root.clone()), root)
    }

    fn get(site: &Site, path: &str, accept: &str, etag: Option<&str>) -> Option<Response> {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(accept).unwrap());
        if let Some(etag) = etag {
            headers.insert(header::IF_NONE_MATCH, HeaderValue::from_str(etag).unwrap());
        }
        site.serve(&Method::GET, path, &headers)
    }

    #[test]
    fn negotiates_encodings_and_revalidates_with_etags() {
        let (site, root) = dir_site("negotiates");
        let br = get(&site, "/pkg/app.js", "gzip, br", None).unwrap();
        assert_eq!(br.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(br.headers()[header::CONTENT_TYPE], "text/javascript; charset=utf-8");
        assert_eq!(br.headers()[header::VARY], "accept-encoding");
        assert_eq!(br.headers()[header::CACHE_CONTROL], "no-cache");
        let plain = get(&site, "/pkg/app.js", "gzip;q=0", None).unwrap();
        assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
        let tag = plain.headers()[header::ETAG].to_str().unwrap().to_owned();
        assert_ne!(tag, br.headers()[header::ETAG].to_str().unwrap());
        let again = get(&site, "/pkg/app.js", "identity", Some(&tag)).unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(
            get(&site, "/pkg/app.wasm", "", None).unwrap().headers()[header::CONTENT_TYPE],
            "application/wasm"
        );
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn serves_nothing_outside_the_site() {
        let (site, root) = dir_site("outside");
        for path in [
            "/.env",
            "/pkg/../.env",
            "/pkg/",
            "/",
            "/pkg//app.js",
            "/pkg/app.js.br/x",
            "/missing.js",
            "/Cargo.toml",
        ] {
            assert!(get(&site, path, "br", None).is_none(), "{path}");
        }
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn finds_the_static_imports_of_a_module() {
        let js = r#"import{a as t}from"./snippets/x-1/src/js/page.js";import*as r from"./snippets/x-1/src/js/page.js";
            import * as s from './__wasm_split.js'; import x from "https://elsewhere/x.js"; import y from "../up.js";
            import z from "./a/../b.js"; const from = 1; let k = from+"./not"; import"./side-effect.js""#;
        assert_eq!(relative_imports(js, "pkg"), ["/pkg/snippets/x-1/src/js/page.js", "/pkg/__wasm_split.js"],);
        let (site, root) = dir_site("imports");
        std::fs::write(root.join("pkg/app.js"), br#"import*as a from"./snippets/s/page.js";"#).unwrap();
        assert_eq!(site.static_imports("pkg", "app"), ["/pkg/snippets/s/page.js"]);
        assert!(site.static_imports("pkg", "missing").is_empty());
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn reads_quality_values() {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("br;q=0, gzip;q=0.5"));
        assert_eq!(accepted_encodings(&headers), ["gzip"]);
    }
}
