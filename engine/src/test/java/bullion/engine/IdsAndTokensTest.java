package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsAndTokensTest {

    @Test
    void tableIdsCarry128RandomBitsInUrlSafeText() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = TableId.random().value();
            assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }

    @Test
    void theIdShapeIsExactlyTwentyTwoUrlSafeCharacters() {
        java.util.regex.Pattern shape = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{22}");
        String alphabet = "AZaz09_-@[`{/:.+= \u00e9\u0130\u212a\u0000";
        java.util.Random random = new java.util.Random(14);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 20 + random.nextInt(4);
            for (int j = 0; j < length; j++) {
                text.append(
                        random.nextInt(8) == 0
                                ? alphabet.charAt(random.nextInt(alphabet.length()))
                                : alphabet.charAt(random.nextInt(8)));
            }
            String candidate = text.toString();
            assertThat(TableId.parse(candidate).isPresent())
                    .as(candidate)
                    .isEqualTo(shape.matcher(candidate).matches());
            assertThat(GroupId.parse(candidate).isPresent())
                    .as(candidate)
                    .isEqualTo(shape.matcher(candidate).matches());
        }
    }

    @Test
    void anythingThatCannotBeATableIdIsRefusedBeforeReachingATable() {
        assertThat(TableId.parse("../../etc/passwd")).isEmpty();
        assertThat(TableId.parse("short")).isEmpty();
        assertThat(TableId.parse(null)).isEmpty();
        assertThatThrownBy(() -> new TableId("x y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manageTokensCarry256RandomBitsAndOnlyTheirOwnHashMatches() {
        String token = ManageToken.generate();
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        String hash = ManageToken.hash(token);
        assertThat(hash).doesNotContain(token).hasSize(64);
        assertThat(ManageToken.matches(token, hash)).isTrue();
        assertThat(ManageToken.matches(ManageToken.generate(), hash)).isFalse();
        assertThat(ManageToken.matches(null, hash)).isFalse();
    }

    @Test
    void messagesThatCarryATokenNeverPrintIt() {
        String token = ManageToken.generate();
        var change = new bullion.engine.entity.TableMessage.Change(
                new bullion.core.Command.CloseTable(), token, java.util.Optional.of("r1"), null);
        var view = new bullion.engine.entity.TableMessage.View(java.util.Optional.of(token), null);
        assertThat(change.toString()).doesNotContain(token).contains("CloseTable");
        assertThat(view.toString()).doesNotContain(token);
    }
}
