package org.agora.site;

import org.agora.model.EventSchedule;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.render.Paginator;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The later pages of a list whose folder was translated, at their English paths: /fr/themes/x/page/2/ redirects to
 * /fr/thèmes/x/page/2/ as /fr/themes/x/ does to /fr/thèmes/x/, so a bookmark of any page of a list keeps working.
 * A page, file or alias of the site's own at such a path keeps it.
 *
 * @param byOldPath old path of page n → the list and page n's path now
 */
record MovedListPages(Map<String, Target> byOldPath) {

    record Target(Page list, String path) {}

    static MovedListPages of(Library library, EventSchedule schedule) {
        Map<String, List<String>> former = library.formerPaths();
        Map<String, Target> out = new TreeMap<>();
        if (former.isEmpty()) return new MovedListPages(out);
        Set<String> taken = new HashSet<>();
        library.pages().forEach(p -> taken.add(p.outputPath()));
        library.staticFiles().forEach(f -> taken.add(f.outputPath()));
        library.aliases().forEach(a -> taken.add(Page.outputPathOf(a.path())));
        Paginator paginator = new Paginator(library.config().pageSize(), null);
        for (Page list : library.pages()) {
            List<String> olds = former.get(list.path());
            if (olds == null) continue;
            int pages = paginator.count(list, schedule.paginated(list, library.listing(list)).size());
            for (int n = 2; n <= pages; n++) {
                for (String old : olds) {
                    String oldPage = Paginator.pathOf(old, n);
                    if (taken.add(Page.outputPathOf(oldPage))) out.put(oldPage, new Target(list, Paginator.pathOf(list, n)));
                }
            }
        }
        return new MovedListPages(out);
    }
}
