package bullion.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Event;
import bullion.core.EventApplier;
import bullion.core.Table;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The API's views of a table, as values. */
class TableJsonTest {

    private static final String TOKEN = "s3cretManageToken_0123456789";

    @Test
    void aCreatedTablesToStringDoesNotContainTheManageToken() {
        Table table = EventApplier.apply(Optional.empty(), new Event.TableOpened("Friday", "USD", 2000, 100));

        TableJson.CreatedTableView created = TableJson.created("AAAAAAAAAAAAAAAAAAAAAA", table, TOKEN);

        assertThat(created.manageToken()).isEqualTo(TOKEN);
        assertThat(created.manageUrl()).contains(TOKEN);
        assertThat(created.toString()).doesNotContain(TOKEN).contains("AAAAAAAAAAAAAAAAAAAAAA");
    }

    @Test
    void aCreatedTableIsStillWrittenWithItsManageToken() {
        Table table = EventApplier.apply(Optional.empty(), new Event.TableOpened("Friday", "USD", 2000, 100));

        String json = ApiRoutes.write(TableJson.created("AAAAAAAAAAAAAAAAAAAAAA", table, TOKEN));

        assertThat(json).contains("\"manageToken\":\"" + TOKEN + "\"");
    }
}
