package dev.skiff.hub.git;

import java.time.Instant;
import java.util.List;

/**
 * A commit as the commits listing shows it.
 *
 * @param id      40-hex commit id
 * @param title   first line of the message
 * @param message the rest of the message (after the title and blank line), possibly empty
 * @param authors author names (the hub commits with the user name as author)
 * @param date    author date
 */
public record CommitInfo(String id, String title, String message, List<String> authors, Instant date) {
}
