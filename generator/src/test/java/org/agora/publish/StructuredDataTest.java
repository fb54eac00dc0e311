package org.agora.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class StructuredDataTest {

    @Test
    void nothingInTheJsonCanEndTheScriptElementYetEveryCharacterSurvives() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String hostile = "</script><!-- <script> & \u2028 \" '";
        ObjectNode node = json.createObjectNode().put("name", hostile);
        String printed = StructuredData.print(node);
        for (String s : new String[] {"<", ">", "&", "\u2028"}) assertFalse(printed.contains(s), printed);
        assertEquals(hostile, json.readTree(printed).get("name").asText());
    }
}
