package org.agora.files;

import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The site folder as the only place Agora reads from. Every file the build reads or publishes is found here
 * (or in the theme bundled in Agora's jar), so a symbolic link can never bring the build machine's files
 * into the output: a link is followed only when its real target lies inside the site folder, and not into a
 * hidden folder such as {@code .git}; any other link is an error naming it. The site folder itself may be a
 * link (a checkout mounted elsewhere): what counts is where its files really are.
 */
public final class SiteFolder {

    public static final String CODE_OUTSIDE = "path.outside-site";

    private final Path root;
    private final Path realRoot;

    private SiteFolder(Path root, Path realRoot) {
        this.root = root;
        this.realRoot = realRoot;
    }

    public static SiteFolder of(Path siteDir) {
        Path root = siteDir.toAbsolutePath().normalize();
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            real = root;
        }
        return new SiteFolder(root, real);
    }

    public Path root() { return root; }

    /** A file read from somewhere Agora trusts without looking: the theme inside Agora's own jar. */
    private static boolean bundled(Path p) { return p.getFileSystem() != FileSystems.getDefault(); }

    /**
     * Where {@code path} really is, or empty (after an error naming it) when a link on its way leads out of the
     * site or into a hidden folder of it. A path that does not exist is not checked: reading it fails anyway.
     */
    public Optional<Path> inside(Path path, Diagnostics diagnostics) {
        if (bundled(path)) return Optional.of(path);
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            return Optional.of(path);
        }
        return allowed(path, real, diagnostics) ? Optional.of(real) : Optional.empty();
    }

    /** Whether {@code path} can be read without leaving the site; reports the link that leaves it. */
    public boolean readable(Path path, Diagnostics diagnostics) { return inside(path, diagnostics).isPresent(); }

    private boolean allowed(Path path, Path real, Diagnostics diagnostics) {
        if (!real.startsWith(realRoot)) {
            diagnostics.error(CODE_OUTSIDE, SourcePosition.of(path), "'" + shown(path) + "' is a symbolic link to "
                            + real + ", outside the site folder; it is not read or published",
                    "copy the file into the site instead of linking to it, or remove the link");
            return false;
        }
        Path rel = realRoot.relativize(real);
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                diagnostics.error(CODE_OUTSIDE, SourcePosition.of(path), "'" + shown(path) + "' is a symbolic link into the hidden folder or file '"
                                + rel.toString().replace('\\', '/') + "' of the site; it is not read or published",
                        "hidden files (.git, .env...) are never content: copy what you need out of them, or remove the link");
                return false;
            }
        }
        return true;
    }

    private String shown(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }

    /**
     * The regular files under {@code dir}, sorted, as paths under {@code dir} (a link keeps its own name).
     * Hidden files and folders (.git, .DS_Store), editors' leftovers (#autosave#, backup~) are skipped; links
     * are followed inside the site only, each real folder once, so a link loop ends. Stops with an error after
     * {@code maxFiles} files: a folder of millions of files is a mistake, not a site.
     */
    public List<Path> files(Path dir, int maxFiles, Diagnostics diagnostics) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        Set<Object> seenFolders = new HashSet<>();
        Deque<Path> folders = new ArrayDeque<>();
        if (!bundled(dir) && inside(dir, diagnostics).isEmpty()) return out;
        folders.push(dir);
        while (!folders.isEmpty()) {
            Path folder = folders.pop();
            if (!seenFolders.add(folderKey(folder))) continue;
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> list = Files.newDirectoryStream(folder)) {
                for (Path p : list) entries.add(p);
            } catch (IOException | RuntimeException e) {
                diagnostics.error(SourcePosition.of(folder), "cannot read the folder: " + reason(e),
                        "check that it exists and that you may read it");
                continue;
            }
            entries.sort(null);
            for (int i = entries.size() - 1; i >= 0; i--) {
                Path p = entries.get(i);
                if (hidden(p.getFileName().toString())) continue;
                BasicFileAttributes own;
                try {
                    own = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    continue;
                }
                boolean directory = own.isDirectory();
                boolean file = own.isRegularFile();
                if (own.isSymbolicLink()) {
                    Optional<Path> target = bundled(p) ? Optional.of(p) : inside(p, diagnostics);
                    if (target.isEmpty()) continue;
                    directory = Files.isDirectory(target.get());
                    file = Files.isRegularFile(target.get());
                }
                if (directory) {
                    folders.push(p);
                } else if (file) {
                    if (out.size() >= maxFiles) {
                        diagnostics.error("limit.files", SourcePosition.of(dir), "more than " + maxFiles + " files in "
                                        + shown(dir) + "; the rest are not read",
                                "remove files the site does not publish, or raise limits.files in site-config.yml");
                        out.sort(null);
                        return out;
                    }
                    out.add(p);
                }
                // Sockets, devices and broken links are not content.
            }
        }
        out.sort(null);
        return out;
    }

    /** A folder's identity on disk, so that a link back to a folder already walked is not walked again. */
    private static Object folderKey(Path folder) {
        try {
            Object key = Files.readAttributes(folder, BasicFileAttributes.class).fileKey();
            return key != null ? key : folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }

    /** Editors' and tools' leftovers (.DS_Store, .git, #autosave#, backup~) are not content. */
    public static boolean hidden(String name) {
        return name.startsWith(".") || name.startsWith("#") || name.endsWith("~");
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
