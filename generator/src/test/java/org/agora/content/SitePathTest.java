package org.agora.content;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SitePathTest {

    @ParameterizedTest(name = "[{index}] normalize({0}) = {1}")
    @CsvSource(delimiter = '|', nullValues = "EMPTY", value = {
            "/                    | /",
            "/fr/guides/x/        | /fr/guides/x/",
            "/fr/guides/x         | /fr/guides/x",
            "fr/x/                | /fr/x/",
            "/fr//x/              | /fr/x/",
            "/fr/./x/             | /fr/x/",
            "/fr/a/../x/          | /fr/x/",
            "/fr/a/..             | /fr/",
            "/fr/.                | /fr/",
            "/fr/..               | /",
            "/..                  | EMPTY",
            "/../etc/passwd       | EMPTY",
            "/../../etc           | EMPTY",
            "/fr/../../x          | EMPTY",
            "/fr\\..\\x           | EMPTY",
            "https://evil.org/x   | EMPTY",
            "/a/.../b/            | /a/.../b/",
            "/..x/                | /..x/",
    })
    void normalize(String in, String expected) {
        assertEquals(Optional.ofNullable(expected), SitePath.normalize(in));
    }

    @org.junit.jupiter.api.Test
    void emptyAndNulPathsAreRejected() {
        assertEquals(Optional.empty(), SitePath.normalize(""));
        assertEquals(Optional.empty(), SitePath.normalize("/fr/\0/x"));
    }

    @ParameterizedTest(name = "[{index}] resolve({0}, {1}) = {2}")
    @CsvSource(delimiter = '|', nullValues = "EMPTY", value = {
            "fr/guides | x.md            | fr/guides/x.md",
            "fr/guides | ./x.md          | fr/guides/x.md",
            "fr/guides | ../news/y.md    | fr/news/y.md",
            "fr/guides | ../../en/z.md   | en/z.md",
            "fr/guides | ../../../z.md   | EMPTY",
            "fr/guides | /en/a.md        | en/a.md",
            "''        | img.png         | img.png",
            "''        | ../img.png      | EMPTY",
            "fr        | sub/            | fr/sub/",
    })
    void resolve(String dir, String relative, String expected) {
        assertEquals(Optional.ofNullable(expected), SitePath.resolve(dir, relative));
    }
}
