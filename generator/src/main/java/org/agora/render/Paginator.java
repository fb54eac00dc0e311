package org.agora.render;

import org.agora.model.Page;
import org.agora.model.PageKind;
import org.agora.model.SiteUrls;

import java.util.ArrayList;
import java.util.List;

/** Splits long lists into pages: the first at the list's own path, then ".../page/2/" and so on. */
public record Paginator(int pageSize, SiteUrls urls) {

    /** One page of a list; {@code pagination} is null when the list fits on one page. */
    public record Slice(String path, List<Page> items, Views.PaginationView pagination) {}

    /** The home page shows recent documents only and is never split. */
    public static boolean paginates(Page page) {
        return page.kind() == PageKind.SECTION || page.kind() == PageKind.TERM || page.kind() == PageKind.LIBRARY;
    }

    public List<Slice> slices(Page page, List<Page> items) {
        if (!paginates(page) || items.size() <= pageSize) {
            return List.of(new Slice(page.path(), items, null));
        }
        int total = (items.size() + pageSize - 1) / pageSize;
        List<Slice> out = new ArrayList<>(total);
        for (int n = 1; n <= total; n++) {
            List<Page> chunk = items.subList((n - 1) * pageSize, Math.min(items.size(), n * pageSize));
            String prev = n == 1 ? null : urls.href(pathOf(page, n - 1));
            String next = n == total ? null : urls.href(pathOf(page, n + 1));
            out.add(new Slice(pathOf(page, n), List.copyOf(chunk), new Views.PaginationView(n, total, prev, next)));
        }
        return out;
    }

    public static String pathOf(Page page, int n) { return pathOf(page.path(), n); }

    /** Page {@code n} of the list at {@code listPath}. */
    public static String pathOf(String listPath, int n) {
        if (n == 1) return listPath;
        // As Hugo: "/posts/page/2/", or with uglyURLs "/posts/page/2.html" for the list "/posts.html".
        String folder = Page.folderOf(listPath);
        return folder + "page/" + n + (listPath.endsWith(".html") ? ".html" : "/");
    }

    public int count(Page page, int items) {
        return !paginates(page) || items <= pageSize ? 1 : (items + pageSize - 1) / pageSize;
    }
}
