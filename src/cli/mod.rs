//! The command line: `service-camp` opens the app; subcommands run tools.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::app::tour::TourOptions;
use crate::app::{self, AppOptions};
use crate::core::lang::Lang;
use crate::core::{paths, scoring};

mod content;
mod eval;
mod export;
mod push;
mod room;
mod score;
mod validate;

#[derive(Parser, Debug)]
#[command(
    name = "service-camp",
    version,
    about = "Service Camp (服务训练营): customer-service training camps on a projector"
)]
pub struct Cli {
    /// Interface language (default: the last one used, else Chinese).
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,
    /// Open or create this session file.
    #[arg(long, value_name = "PATH")]
    pub session: Option<PathBuf>,
    /// Start in fullscreen (F11 toggles).
    #[arg(long)]
    pub fullscreen: bool,
    /// Open the trainer console in a second window (for the laptop screen beside the projector).
    #[arg(long)]
    pub console_window: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum ValidateContent {
    /// Check quiz files: syntax, translations, ids, models, choices and lengths.
    Quizzes {
        /// Quiz files or folders (default: quizzes/).
        paths: Vec<PathBuf>,
        /// Print one JSON object with every question found (id, kind, model, difficulty,
        /// languages) and every error (file, line, col).
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Walk every screen with demo data and save one PNG per screen.
    Tour {
        /// Folder for the screenshots (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Check scenario files: syntax, translations, ids, tags and dialogue graphs
    /// (`validate quizzes` checks the quiz bank).
    #[command(args_conflicts_with_subcommands = true)]
    Validate {
        #[command(subcommand)]
        content: Option<ValidateContent>,
        /// Scenario files or folders (default: scenarios/).
        paths: Vec<PathBuf>,
        /// Print one JSON object with the scenarios found and every error.
        #[arg(long)]
        json: bool,
    },
    /// Score a role-play transcript (RON) against 7A, the six steps, EOAC and DISC.
    Score {
        /// The transcript file.
        file: PathBuf,
        /// Print one JSON object instead of the readable report.
        #[arg(long)]
        json: bool,
    },
    /// Check the scoring against a folder of labelled transcripts (NAME.ron + NAME.labels.ron,
    /// optional pairs.ron): precision and recall per step and penalty, clean transcripts
    /// penalised, ranked pairs the right way round.
    Eval {
        /// The folder of labelled transcripts.
        dir: PathBuf,
        /// Print one JSON object instead of the table.
        #[arg(long)]
        json: bool,
    },
    /// Export a session for the client: report (Markdown, HTML), CSV, JSON, xAPI statements.
    Export {
        /// The session file (RON).
        #[arg(required_unless_present = "demo", conflicts_with = "demo")]
        session: Option<PathBuf>,
        /// Folder for the exported files (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Formats to write, comma-separated (default: all).
        #[arg(long, value_enum, value_delimiter = ',')]
        format: Vec<crate::core::export::Format>,
        /// Export the built-in demo session (in `--lang`, default Chinese).
        #[arg(long)]
        demo: bool,
    },
    /// Let phones join over the local network with no window: prints the join links and the
    /// room code, saves every change; Ctrl+C stops it.
    Room {
        /// The session file (RON).
        #[arg(required_unless_present = "demo", conflicts_with = "demo")]
        session: Option<PathBuf>,
        /// Serve the built-in demo camp before its vote (in `--lang`), saved nowhere.
        #[arg(long)]
        demo: bool,
        /// The port (default 8390, else any free one; 0 for any free one).
        #[arg(long)]
        port: Option<u16>,
    },
    /// Send (or send again) a session's xAPI statements to the company's LRS; the password comes
    /// from SERVICE_CAMP_LRS_PASSWORD, else a prompt, else the saved settings. Nothing is stored twice.
    Push {
        /// The session file (RON).
        #[arg(required_unless_present = "demo", conflicts_with = "demo")]
        session: Option<PathBuf>,
        /// Send the built-in demo day (in `--lang`).
        #[arg(long)]
        demo: bool,
        /// The LRS's xAPI endpoint (default: the saved one), e.g. https://lrs.example.com/xAPI.
        #[arg(long, value_name = "URL")]
        lrs: Option<String>,
        /// The LRS user (default: the saved one).
        #[arg(long, value_name = "NAME")]
        user: Option<String>,
    },
    /// Show or change the saved LRS connection the app and `push` use (the password masked).
    Lrs {
        /// The LRS's xAPI endpoint, e.g. https://lrs.example.com/xAPI.
        #[arg(long, value_name = "URL")]
        endpoint: Option<String>,
        #[arg(long, value_name = "NAME")]
        user: Option<String>,
        /// Ask for the password (or take SERVICE_CAMP_LRS_PASSWORD).
        #[arg(long)]
        password: bool,
        /// The company's agent home page for people and teams.
        #[arg(long, value_name = "URL")]
        home_page: Option<String>,
        /// Send while the day runs.
        #[arg(long, conflicts_with = "off")]
        on: bool,
        /// Keep statements in the outbox, unsent.
        #[arg(long)]
        off: bool,
    },
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

fn exit_code(code: i32) -> ExitCode {
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

/// Validates scenarios against the tags the installed rubrics define.
fn validate(paths: &[PathBuf], json: bool) -> ExitCode {
    let Some(rubrics) = content::rubrics_or_report(&paths::assets_dir().join("rubrics"), &mut std::io::stderr().lock())
    else {
        return ExitCode::from(2);
    };
    let known_tags = scoring::known_tags(&rubrics);
    exit_code(validate::run_validate(
        paths,
        json,
        &known_tags,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    ))
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang.map(Lang::from);
    match cli.command {
        None => app::run(AppOptions {
            lang,
            session: cli.session,
            fullscreen: cli.fullscreen,
            console_window: cli.console_window,
            tour: None,
        }),
        Some(Command::Tour { out }) => {
            if let Err(e) = std::fs::create_dir_all(&out) {
                eprintln!("{}: cannot create folder: {e}", out.display());
                return ExitCode::from(2);
            }
            let langs = lang.map_or_else(|| Lang::ALL.to_vec(), |l| vec![l]);
            app::run(AppOptions { tour: Some(TourOptions { out, langs }), lang, ..AppOptions::default() })
        }
        Some(Command::Validate { content: Some(ValidateContent::Quizzes { paths, json }), .. }) => exit_code(
            validate::run_validate_quizzes(&paths, json, &mut std::io::stdout().lock(), &mut std::io::stderr().lock()),
        ),
        Some(Command::Validate { content: None, paths, json }) => validate(&paths, json),
        Some(Command::Score { file, json }) => exit_code(score::run_score(
            &file,
            json,
            &paths::assets_dir().join("rubrics"),
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        )),
        Some(Command::Eval { dir, json }) => exit_code(eval::run_eval(
            &dir,
            json,
            &paths::assets_dir().join("rubrics"),
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        )),
        Some(Command::Export { session, out, format, demo }) => exit_code(export::run_export(
            session.as_deref(),
            demo,
            lang,
            &out,
            &format,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        )),
        Some(Command::Push { session, demo, lrs, user }) => exit_code(push::run_push(
            &push::PushRequest { session: session.as_deref(), demo, lang, lrs: lrs.as_deref(), user: user.as_deref() },
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        )),
        Some(Command::Lrs { endpoint, user, password, home_page, on, off }) => exit_code(push::run_lrs_settings(
            &push::LrsChange {
                endpoint: endpoint.as_deref(),
                user: user.as_deref(),
                home_page: home_page.as_deref(),
                enabled: if on {
                    Some(true)
                } else if off {
                    Some(false)
                } else {
                    None
                },
                password,
            },
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        )),
        Some(Command::Room { session, demo, port }) => exit_code(room::run_room(
            session.as_deref(),
            demo,
            lang,
            port,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        )),
    }
}
