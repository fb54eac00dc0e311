package org.agora.cli;

import org.agora.site.BuildDate;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/** {@code --build-date}, for the commands that write pages: the day events are upcoming or past against. */
final class BuildDateOption {

    @Option(names = "--build-date", paramLabel = "YYYY-MM-DD", converter = Converter.class,
            description = "the day events count as upcoming or past from (default: the date of SOURCE_DATE_EPOCH when set, else today in UTC)")
    LocalDate date;

    /**
     * The given date, else the environment's default.
     * @throws CommandLine.ParameterException when SOURCE_DATE_EPOCH is malformed (a usage error, exit code 2)
     */
    LocalDate resolve(CommandLine commandLine, Map<String, String> env, Clock clock) {
        if (date != null) return date;
        try {
            return BuildDate.fromEnvironment(env, clock);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage()
                    + "; set it to a number such as 1767225600, unset it, or give --build-date YYYY-MM-DD");
        }
    }

    LocalDate resolve(CommandLine commandLine) {
        return resolve(commandLine, System.getenv(), Clock.systemUTC());
    }

    static final class Converter implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return BuildDate.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
