package dev.nativeload.cli;

/**
 * A command line that cannot run as given: an unknown or misspelled option, a missing or surplus
 * argument, a value the option does not take. The command line prints the message and the command's
 * usage to standard error and exits with status 2.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, for the user, naming the option or argument */
    UsageException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, for the user
     * @param cause   the failure that showed it (a value that did not parse)
     */
    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
