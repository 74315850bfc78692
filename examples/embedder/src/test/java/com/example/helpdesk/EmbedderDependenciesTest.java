package com.example.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The example stays what the README promises: an embedder adds xtream-doctor-api and nothing else.
 */
class EmbedderDependenciesTest {
  @Test
  void theOnlyDependencyOutsideTestsIsTheApi() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element project =
        f.newDocumentBuilder().parse(Path.of("pom.xml").toFile()).getDocumentElement();
    NodeList deps = project.getElementsByTagName("dependency");
    List<String> compile = new ArrayList<>();
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      String scope = text(d, "scope");
      if (!"test".equals(scope)) {
        compile.add(text(d, "groupId") + ":" + text(d, "artifactId"));
      }
    }
    assertEquals(List.of("dev.xtreamdoctor:xtream-doctor-api"), compile);
  }

  private static String text(Element e, String tag) {
    NodeList n = e.getElementsByTagName(tag);
    return n.getLength() == 0 ? null : n.item(0).getTextContent().strip();
  }
}
