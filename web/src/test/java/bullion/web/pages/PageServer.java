package bullion.web.pages;

import bullion.web.ServerPerClass;
import org.junit.jupiter.api.BeforeAll;

/** The page tests' fixture: the one server per class and a browser-like client for it. */
abstract class PageServer extends ServerPerClass {

    static Http http;

    @BeforeAll
    static void startClient() {
        http = new Http(server.baseUrl());
    }
}
