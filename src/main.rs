//! The `explainer` command line.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::PossibleValuesParser;
use clap::{Parser, Subcommand};

use explainer::build::{BuildFailure, BuildOptions, build, encoded_images_line};
use explainer::diagnostics::eprint_all;
use explainer::serve::{DEFAULT_PORT, ServeOptions, Server};

/// A build allocates many small values from several threads: mimalloc serves those much
/// faster than the system allocator. It is built without transparent huge pages, whose
/// clearing on first touch costs a build more than they save.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Builds newsroom conflict explainers: an article, background notes, a
/// timeline, casualty figures, a glossary and sources, as a static site.
#[derive(Parser)]
#[command(name = "explainer", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default: public/).
    Build {
        /// The site root, where explainer.toml is.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Write the site here instead of the config's `output_dir`.
        #[arg(long)]
        output_dir: Option<PathBuf>,
        /// Publish under this URL instead of the config's `base_url`.
        #[arg(long)]
        base_url: Option<String>,
        /// Include pages marked `draft = true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Create a new explainer site in DIR, ready to build.
    New {
        /// The folder to create (it must not exist, or be empty).
        dir: PathBuf,
        /// The languages of its editions, the default one first, such as `en,ru`.
        #[arg(long, value_delimiter = ',')]
        languages: Vec<String>,
    },
    /// Print the interface's words in a language, as a table to translate or override.
    Words {
        /// The language, such as `en` or `ru`.
        language: String,
    },
    /// Preview the site locally; pages reload by themselves on every change.
    Serve {
        /// The site root, where explainer.toml is.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The address to listen on; the default is reachable from this machine only.
        #[arg(long, default_value = "127.0.0.1")]
        interface: IpAddr,
        /// The port to listen on; when it is taken, the next free one is used.
        #[arg(long, default_value_t = DEFAULT_PORT)]
        port: u16,
        /// Serve under this URL's path instead of the config's `base_url` path.
        #[arg(long)]
        base_url: Option<String>,
        /// Include pages marked `draft = true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Print the JSON Schema of explainer.toml or of a data file, for editors and checks.
    Schema {
        /// The file: `config` (explainer.toml) or a data file's kind, such as `sources`.
        #[arg(value_parser = PossibleValuesParser::new(explainer::schema::names()))]
        name: String,
        /// The schema of the kind's translations for editions in other languages
        /// (content/data/LANG/NAME.toml) instead.
        #[arg(long)]
        translation: bool,
    },
    /// Check the site for errors without writing anything.
    Check {
        /// The site root, where explainer.toml is.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Include pages marked `draft = true`.
        #[arg(long)]
        drafts: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let options = match cli.command {
        Command::New { dir, languages } => return new_site(&dir, &languages),
        Command::Words { language } => return print_words(&language),
        Command::Schema { name, translation } => return print_schema(&name, translation),
        Command::Serve {
            root,
            interface,
            port,
            base_url,
            drafts,
        } => {
            return serve(ServeOptions {
                root,
                interface,
                port,
                base_url,
                drafts,
            });
        }
        Command::Build {
            root,
            output_dir,
            base_url,
            drafts,
        } => BuildOptions {
            root,
            output_dir,
            base_url,
            drafts,
            ..BuildOptions::default()
        },
        Command::Check { root, drafts } => BuildOptions {
            root,
            drafts,
            check_only: true,
            ..BuildOptions::default()
        },
    };
    match build(&options) {
        Ok(report) => {
            eprint_all(&report.warnings);
            let millis = report.elapsed.as_secs_f64() * 1000.0;
            match report.output {
                Some(output) => {
                    // The last line stays "Built N pages in T ms into FOLDER": tools read it.
                    if let Some(line) = encoded_images_line(report.images_encoded) {
                        println!("{line}");
                    }
                    println!(
                        "Built {} pages in {millis:.0} ms into {}",
                        report.pages,
                        output.display()
                    );
                }
                None => println!(
                    "Checked {} pages in {millis:.0} ms: no errors",
                    report.pages
                ),
            }
            ExitCode::SUCCESS
        }
        Err(BuildFailure { errors, warnings }) => {
            eprint_all(&warnings);
            eprint_all(&errors.0);
            if options.check_only {
                eprintln!("error: {errors} found");
            } else {
                eprintln!("error: {errors}; nothing was written, the previous output is unchanged");
            }
            ExitCode::FAILURE
        }
    }
}

fn new_site(dir: &std::path::Path, languages: &[String]) -> ExitCode {
    match explainer::scaffold::create(dir, languages) {
        Ok(files) => {
            println!(
                "Created a new explainer in {} ({files} files).",
                dir.display()
            );
            println!("Next: cd {} && explainer build", dir.display());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn print_words(language: &str) -> ExitCode {
    match explainer::words::Words::bundled_text(language) {
        Some(table) => {
            print!("{table}");
            ExitCode::SUCCESS
        }
        None => {
            let bundled: Vec<&str> = explainer::words::Words::bundled_languages().collect();
            eprintln!(
                "error: the tool has no words for `{language}`\n  = help: it has {}; `explainer words en` prints the English table to translate",
                bundled.join(", ")
            );
            ExitCode::FAILURE
        }
    }
}

fn print_schema(name: &str, translation: bool) -> ExitCode {
    let found = if translation {
        explainer::schema::find_translation(name)
    } else {
        explainer::schema::find(name)
    };
    match found {
        Some(kind) => {
            print!("{}", kind.json());
            ExitCode::SUCCESS
        }
        // The argument's parser takes only known names; of those, only some are translated.
        None => {
            let translated: Vec<&str> = explainer::schema::translations()
                .iter()
                .map(|kind| kind.name)
                .collect();
            eprintln!(
                "error: `{name}` has no translation files\n  = help: editions translate {}",
                translated.join(", ")
            );
            ExitCode::FAILURE
        }
    }
}

fn serve(options: ServeOptions) -> ExitCode {
    match Server::start(options).and_then(Server::run_until_interrupted) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
