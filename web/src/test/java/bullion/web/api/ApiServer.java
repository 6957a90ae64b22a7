package bullion.web.api;

import bullion.web.ServerPerClass;
import org.junit.jupiter.api.BeforeAll;

/** The API tests' fixture: the one server per class and a client for it. */
abstract class ApiServer extends ServerPerClass {

    static ApiClient api;

    @BeforeAll
    static void startClient() {
        api = new ApiClient(server.baseUrl());
    }
}
