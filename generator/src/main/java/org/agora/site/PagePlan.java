package org.agora.site;

import org.agora.config.LanguageConfig;
import org.agora.content.StaticFile;
import org.agora.model.Alias;
import org.agora.model.EventSchedule;
import org.agora.model.Library;
import org.agora.model.Page;
import org.agora.publish.ICalendar;
import org.agora.publish.Feeds;
import org.agora.render.Assets;
import org.agora.render.Paginator;

import java.util.HashSet;
import java.util.Set;

/** Every file the build will write, known before anything is written, so links can be checked first. */
final class PagePlan {

    static final String REDIRECTS_FILE = "_redirects";
    private final Set<String> outputs = new HashSet<>();

    PagePlan(Library library, Assets assets, EventSchedule schedule) {
        Paginator paginator = new Paginator(library.config().pageSize(), null);
        for (Page p : library.pages()) {
            int pages = paginator.count(p, schedule.paginated(p, library.listing(p)).size());
            for (int n = 1; n <= pages; n++) outputs.add(Page.outputPathOf(Paginator.pathOf(p, n)));
            ICalendar.pathOf(p).ifPresent(ics -> outputs.add(Page.outputPathOf(ics)));
        }
        for (StaticFile f : library.staticFiles()) outputs.add(f.relPath());
        outputs.addAll(assets.files().keySet());
        for (Alias a : library.aliases()) outputs.add(Page.outputPathOf(a.path()));
        outputs.add("index.html");
        outputs.add("404.html");
        for (LanguageConfig l : library.config().languages()) outputs.add(l.code() + "/404.html");
        if (!library.aliases().isEmpty()) outputs.add(REDIRECTS_FILE);
        outputs.addAll(new DiscoveryFiles(library, Feeds.of(library)).outputs());
    }

    Set<String> outputs() { return Set.copyOf(outputs); }
}
