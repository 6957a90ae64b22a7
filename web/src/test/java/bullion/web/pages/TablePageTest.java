package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Event;
import bullion.core.EventApplier;
import bullion.core.Table;
import bullion.engine.TableId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the table page carries, as a value. */
class TablePageTest {

    private static final String TOKEN = "s3cretManageToken_0123456789";

    @Test
    void theManagePagesToStringDoesNotContainTheManageToken() {
        TableId id = TableId.random();
        Table table = EventApplier.apply(Optional.empty(), new Event.TableOpened("Friday", "USD", 2000, 100));

        TablePage page = TablePage.manage(id, table, new Links("https://bullion.example", id), TOKEN, RefusedForm.NONE);

        assertThat(page.token()).isEqualTo(TOKEN);
        assertThat(page.manageUrl()).contains(TOKEN);
        assertThat(page.toString()).doesNotContain(TOKEN).contains(id.value()).contains("Friday");
    }
}
