package org.agora.publish;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two rules of RFC 5545 that are easy to get subtly wrong: TEXT escaping and line folding. */
class ICalendarTest {

    @Test
    void textEscapesBackslashSemicolonCommaAndLineBreaks() {
        assertEquals("a\\\\b\\;c\\,d\\ne\\nf\\ng", ICalendar.text("a\\b;c,d\ne\r\nf\rg"));
        assertEquals("colon: and \"quotes\" stay", ICalendar.text("colon: and \"quotes\" stay"));
        assertEquals("tab\tkept, bell dropped", ICalendar.text("tab\tkept\u0007, bell dropped").replace("\\,", ","));
    }

    @Test
    void aLineOf75OctetsStaysWholeAndA76thOctetFoldsIt() {
        String exact = "X".repeat(75);
        assertEquals(exact + "\r\n", line(exact));
        assertEquals("X".repeat(75) + "\r\n Y\r\n", line(exact + "Y"));
    }

    @Test
    void longMultiByteLinesFoldWithinTheLimitWithoutSplittingACharacter() {
        // 2-, 3- and 4-octet characters in turn, so fold points fall at every offset inside a character.
        String value = "DESCRIPTION:" + "é€🎉a".repeat(40);
        String folded = line(value);
        byte[] bytes = folded.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int lines = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                assertTrue(i - start <= 75, "a line of " + (i - start) + " octets");
                assertTrue(lines == 0 || bytes[start] == ' ', "a continuation starts with a space");
                decodeStrictly(bytes, start, i - start);
                start = i + 2;
                lines++;
            }
        }
        assertTrue(lines > 5, "folded into " + lines + " lines");
        assertEquals(value, folded.replace("\r\n ", "").stripTrailing(), "unfolding gives the line back");
    }

    @Test
    void theValidatorUsedByTheSiteTestsRejectsAnEventWithoutItsRequiredProperties() throws Exception {
        // A control for EventsTest: ical4j's validation really checks VEVENT (here: no DTSTAMP, no UID).
        String broken = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\n"
                + "DTSTART:20260101T100000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        Calendar calendar = new CalendarBuilder().build(new StringReader(broken));
        assertTrue(calendar.validate().hasErrors());
    }

    private static String line(String s) {
        StringBuilder out = new StringBuilder();
        ICalendar.line(out, s);
        return out.toString();
    }

    private static void decodeStrictly(byte[] bytes, int offset, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new AssertionError("a line splits a character: " + e);
        }
    }
}
