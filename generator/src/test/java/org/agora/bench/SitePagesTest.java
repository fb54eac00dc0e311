package org.agora.bench;

import org.agora.testing.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SitePagesTest {

    @Test
    void documentsArePublishedPagesAtTheAddressTheSiteGivesThem(@TempDir Path temp) {
        Path site = TestPaths.fixtureSite("mini", temp.resolve("mini"));
        List<SitePages.Document> documents = SitePages.documents(site);
        // A slug moves the French page; a language suffix puts a file of events/ in French.
        assertTrue(documents.contains(new SitePages.Document(site.resolve("content/fr/guides/facilitation.md").toAbsolutePath().normalize(),
                "fr", "/fr/guides-pratiques/animer-un-atelier/")), documents.toString());
        assertTrue(documents.stream().anyMatch(d -> d.file().endsWith("assemblee.fr.md") && d.language().equals("fr")), documents.toString());
        // Drafts have no page; list pages (_index.md) are not documents.
        assertFalse(documents.stream().anyMatch(d -> d.file().endsWith("draft-idea.md") || d.file().endsWith("_index.md")), documents.toString());

        List<SitePages.Document> order = SitePages.editOrder(documents, 42);
        assertEquals(new HashSet<>(documents), new HashSet<>(order), "every document once");
        assertEquals(documents.size(), order.size());
        assertEquals(List.of("en", "fr"), order.subList(0, 2).stream().map(SitePages.Document::language).toList(),
                "the languages take turns");
        assertEquals(order, SitePages.editOrder(documents.reversed(), 42), "the same order on every run");
    }
}
