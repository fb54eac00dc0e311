package org.agora.markdown;

import org.agora.config.BrokenLinks;
import org.agora.diag.Diagnostics;
import org.agora.diag.SourcePosition;

/** A broken link reported at the level the site chose: one place decides, for links, images and refs alike. */
public final class BrokenLinkReport {

    private BrokenLinkReport() {}

    public static void report(String code, BrokenLinks level, Diagnostics diagnostics, SourcePosition at, String message,
                              String hint) {
        if (level == BrokenLinks.WARNING) diagnostics.warning(code, at, message, hint);
        else diagnostics.error(code, at, message, hint);
    }
}
