fn main() -> std::process::ExitCode {
    service_camp::cli::main()
}
