//! `explainer serve`: a local preview that rebuilds on every change and reloads the open pages.
//!
//! The site is built into a temporary folder (never into `public/`) with its `base_url`
//! pointing at the preview, and served under the same path it will be published at. A
//! [`Watcher`](watch::Watcher) reports changes, the [`rebuild`] loop rebuilds and the open
//! pages reload through a server-sent event stream; while a build fails, every HTML page
//! carries an overlay listing the errors over the last good build.

mod rebuild;
mod reload;
mod server;
mod site;
mod state;
mod watch;

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::runtime::Runtime;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::{BaseUrl, CONFIG_FILE};
use site::Builder;
use state::SiteState;

/// The port tried first by default.
pub const DEFAULT_PORT: u16 = 1111;

/// How many ports after the requested one are tried when it is taken.
const PORT_ATTEMPTS: u16 = 20;

/// How long stopping may wait for open connections and a running build.
const STOP_GRACE: Duration = Duration::from_secs(5);

/// What to serve, and where.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site root (where `explainer.toml` is).
    pub root: PathBuf,
    /// The address to listen on; loopback unless asked otherwise.
    pub interface: IpAddr,
    /// The port to try first (0: any free port).
    pub port: u16,
    /// Serve under this URL's path instead of the config's `base_url` path.
    pub base_url: Option<String>,
    /// Include drafts.
    pub drafts: bool,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            root: PathBuf::from("."),
            interface: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: DEFAULT_PORT,
            base_url: None,
            drafts: false,
        }
    }
}

/// Why the preview could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The root is not a site.
    #[error("{} has no {CONFIG_FILE}: run `explainer serve` in the site's folder or pass --root", .0.display())]
    NotASite(PathBuf),
    /// `--base-url` does not parse.
    #[error("--base-url: {0}")]
    BaseUrl(#[source] crate::config::BaseUrlError),
    /// No port could be bound.
    #[error("cannot listen on {addr}: {source}; pass another --port (or --interface)")]
    Bind {
        /// The last address tried.
        addr: SocketAddr,
        /// Why.
        source: io::Error,
    },
    /// The sources cannot be watched.
    #[error(
        "cannot watch the site's files for changes: {0}; on Linux, raising fs.inotify.max_user_watches may help"
    )]
    Watch(#[from] notify::Error),
    /// Waiting for Ctrl-C or stopping failed.
    #[error("cannot stop cleanly: {0}")]
    Stop(io::Error),
    /// The temporary folder or the async runtime could not be set up.
    #[error("cannot {what}: {source}")]
    Setup {
        /// What failed.
        what: &'static str,
        /// Why.
        source: io::Error,
    },
}

/// A running preview; stop it with [`Server::shutdown`] or [`Server::run_until_interrupted`].
pub struct Server {
    runtime: Runtime,
    addr: SocketAddr,
    state: Arc<SiteState>,
    stop: oneshot::Sender<()>,
    serving: JoinHandle<io::Result<()>>,
    rebuilding: JoinHandle<()>,
    temporary: tempfile::TempDir,
}

impl Server {
    /// Builds the site, starts serving it and watching its files.
    ///
    /// A failing first build still starts the server: its pages show the errors until fixed.
    pub fn start(options: ServeOptions) -> Result<Server, ServeError> {
        let root = options
            .root
            .canonicalize()
            .map_err(|_| ServeError::NotASite(options.root.clone()))?;
        if !root.join(CONFIG_FILE).is_file() {
            return Err(ServeError::NotASite(options.root));
        }
        let base_path = options
            .base_url
            .as_deref()
            .map(BaseUrl::parse)
            .transpose()
            .map_err(ServeError::BaseUrl)?
            .map(|b| b.path);
        let listener = bind(options.interface, options.port)?;
        let addr = listener.local_addr().map_err(|source| ServeError::Setup {
            what: "read the bound address",
            source,
        })?;
        if !options.interface.is_loopback() {
            eprintln!(
                "warning: listening on {}: other machines on the network can open this preview",
                options.interface
            );
        }
        let temporary = tempfile::Builder::new()
            .prefix("explainer-serve-")
            .tempdir()
            .map_err(|source| ServeError::Setup {
                what: "create the preview's temporary folder (check TMPDIR)",
                source,
            })?;
        let output = temporary.path().join("site");
        let builder = Arc::new(Builder::new(
            root.clone(),
            options.drafts,
            origin(addr),
            base_path,
            output.clone(),
            temporary.path().to_path_buf(),
        ));
        let state = Arc::new(SiteState::new(output));

        // Watch first, so that an edit made during the first build is not missed.
        let (sender, changes) = tokio::sync::mpsc::unbounded_channel();
        let watcher = watch::Watcher::start(&root, sender)?;
        crate::markdown::highlight::keep_highlighted_blocks();
        let started = Instant::now();
        let first = builder.build();
        rebuild::record(&state, &first);
        rebuild::report_first(&first, started);

        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .thread_name("explainer-serve")
            .build()
            .map_err(|source| ServeError::Setup {
                what: "start the server's runtime",
                source,
            })?;
        let listener = {
            let _context = runtime.enter();
            listener
                .set_nonblocking(true)
                .and_then(|()| tokio::net::TcpListener::from_std(listener))
                .map_err(|source| ServeError::Setup {
                    what: "listen for connections",
                    source,
                })?
        };
        let (stop, stopped) = oneshot::channel::<()>();
        let app = server::router(Arc::clone(&state));
        let serving = runtime.spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    let _ = stopped.await;
                })
                .await
        });
        let rebuilding = runtime.spawn(rebuild::run(
            Arc::clone(&state),
            builder,
            watcher,
            changes,
            root.into(),
        ));
        let server = Server {
            runtime,
            addr,
            state,
            stop,
            serving,
            rebuilding,
            temporary,
        };
        println!("Serving {} (Ctrl-C to stop)", server.url());
        Ok(server)
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The URL of the site's home page in the preview.
    pub fn url(&self) -> String {
        format!("{}{}/", origin(self.addr), self.state.status().base_path)
    }

    /// The temporary folder holding the served build.
    pub fn output_dir(&self) -> &Path {
        self.state.output()
    }

    /// Serves until Ctrl-C (or, on Unix, a termination signal), then stops cleanly.
    pub fn run_until_interrupted(self) -> Result<(), ServeError> {
        let interrupted = self.runtime.block_on(interrupted());
        println!("\nStopping the preview");
        let stopped = self.shutdown();
        interrupted.map_err(ServeError::Stop).and(stopped)
    }

    /// Stops serving and watching, and removes the temporary build.
    pub fn shutdown(self) -> Result<(), ServeError> {
        let Server {
            runtime,
            state,
            stop,
            serving,
            rebuilding,
            temporary,
            ..
        } = self;
        state.shut_down();
        let _ = stop.send(());
        rebuilding.abort();
        let served = runtime.block_on(async { tokio::time::timeout(STOP_GRACE, serving).await });
        runtime.shutdown_timeout(STOP_GRACE);
        let removed = temporary.close();
        match served {
            Ok(Ok(Err(error))) => Err(ServeError::Stop(error)),
            _ => removed.map_err(ServeError::Stop),
        }
    }
}

/// Waits for Ctrl-C or, on Unix, SIGTERM.
async fn interrupted() -> io::Result<()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut terminate = signal(SignalKind::terminate())?;
        tokio::select! {
            result = tokio::signal::ctrl_c() => result,
            _ = terminate.recv() => Ok(()),
        }
    }
    #[cfg(not(unix))]
    {
        tokio::signal::ctrl_c().await
    }
}

/// Binds `port`, or the next free one when it is taken (said plainly).
fn bind(interface: IpAddr, port: u16) -> Result<TcpListener, ServeError> {
    let mut candidate = port;
    loop {
        let addr = SocketAddr::new(interface, candidate);
        match TcpListener::bind(addr) {
            Ok(listener) => {
                if candidate != port {
                    println!("Port {port} is taken; using port {candidate} instead");
                }
                return Ok(listener);
            }
            Err(source)
                if source.kind() == io::ErrorKind::AddrInUse
                    && port != 0
                    && candidate - port < PORT_ATTEMPTS
                    && candidate < u16::MAX =>
            {
                candidate += 1;
            }
            Err(source) => return Err(ServeError::Bind { addr, source }),
        }
    }
}

/// `http://host:port` for the bound address; an unspecified address is reached through loopback.
fn origin(addr: SocketAddr) -> String {
    let host = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}", SocketAddr::new(host, addr.port()))
}
