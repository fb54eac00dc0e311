package org.agora.check;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import org.agora.content.SourceVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How far a translation's source has moved since the version the translation pins: the paragraphs changed,
 * added and removed, and the commits that did it. Only a change of words counts (white space never changes a
 * {@link SourceVersion}); a change is {@link Level#MINOR} when it only fixes typos: every change replaces
 * paragraphs one for one, each by at most {@value #TYPO_EDITS} characters, and touches no digit (a changed
 * figure always matters to a translation).
 * @param level CURRENT, MINOR or OUTDATED
 * @param changes the paragraph diff, empty when the pinned text is unknown
 * @param commits the commits since the pinned version, newest first (empty without git)
 * @param pinnedFound whether the pinned version's text was found in the history, so {@code changes} is the whole diff
 */
public record SourceDrift(Level level, List<ParagraphChange> changes, List<SourceHistory.Commit> commits, boolean pinnedFound) {

    /** Characters a typo fix may change in one paragraph. */
    static final int TYPO_EDITS = 3;

    public enum Level { CURRENT, MINOR, OUTDATED }

    /** @param kind changed, added or removed; {@code before}/{@code after} are null for added/removed */
    public record ParagraphChange(String kind, String before, String after) {}

    public SourceDrift {
        changes = List.copyOf(changes);
        commits = List.copyOf(commits);
    }

    /**
     * The drift of a translation pinned to {@code pin} from a source now at {@code current}.
     * @param versionOfText reads one committed text of the source as a version (title, summary, body)
     */
    public static SourceDrift of(String pin, SourceVersion current, SourceHistory history,
                                 Function<String, Optional<SourceVersion>> versionOfText) {
        if (current.matches(pin)) return new SourceDrift(Level.CURRENT, List.of(), List.of(), true);
        List<SourceHistory.Commit> since = new ArrayList<>();
        for (SourceHistory.Commit commit : history.commits()) {
            Optional<SourceVersion> old = history.textAt(commit).flatMap(versionOfText);
            if (old.isPresent() && old.get().matches(pin)) {
                List<ParagraphChange> changes = diff(old.get().paragraphs(), current.paragraphs());
                return new SourceDrift(typosOnly(changes) ? Level.MINOR : Level.OUTDATED, changes, since, true);
            }
            since.add(commit);
        }
        return new SourceDrift(Level.OUTDATED, List.of(), since, false);
    }

    /** The paragraphs that differ between two versions, in the order of the text. */
    public static List<ParagraphChange> diff(List<String> before, List<String> after) {
        List<ParagraphChange> out = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            List<String> removed = delta.getSource().getLines();
            List<String> added = delta.getTarget().getLines();
            int paired = delta.getType() == DeltaType.CHANGE ? Math.min(removed.size(), added.size()) : 0;
            for (int i = 0; i < paired; i++) out.add(new ParagraphChange("changed", removed.get(i), added.get(i)));
            for (int i = paired; i < removed.size(); i++) out.add(new ParagraphChange("removed", removed.get(i), null));
            for (int i = paired; i < added.size(); i++) out.add(new ParagraphChange("added", null, added.get(i)));
        }
        return out;
    }

    static boolean typosOnly(List<ParagraphChange> changes) {
        if (changes.isEmpty()) return false;
        for (ParagraphChange c : changes) {
            if (!c.kind().equals("changed") || touchesDigits(c.before(), c.after()) || edits(c.before(), c.after()) > TYPO_EDITS) {
                return false;
            }
        }
        return true;
    }

    /** Characters removed plus characters added by the shortest character diff. */
    static int edits(String before, String after) {
        int n = 0;
        for (AbstractDelta<Character> d : DiffUtils.diff(chars(before), chars(after)).getDeltas()) {
            n += Math.max(d.getSource().size(), d.getTarget().size());
        }
        return n;
    }

    private static boolean touchesDigits(String before, String after) {
        return !digits(before).equals(digits(after));
    }

    private static String digits(String s) { return s.replaceAll("\\D+", " ").strip(); }

    private static List<Character> chars(String s) {
        List<Character> out = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); i++) out.add(s.charAt(i));
        return out;
    }

    /** Paragraphs changed, added or removed. */
    public int paragraphsChanged() { return changes.size(); }
}
