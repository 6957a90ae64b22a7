package bullion.engine.json;

import bullion.core.BuyInSize;
import bullion.core.Command;
import bullion.core.Event;
import bullion.core.MissingChips;
import bullion.core.Party;
import bullion.core.Rejection;
import bullion.core.group.GroupCommand;
import bullion.core.group.GroupEvent;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.util.List;

/**
 * Teaches Jackson the core's sealed types without the core importing Jackson: each record is registered under
 * its name in {@link StoredNames#CORE_TYPES} as the "type" property. Used for the journal and for messages
 * between nodes alike.
 */
public final class CoreJsonModule extends SimpleModule {

    /**
     * Every sealed type a stored or transmitted value holds: each is written with its "type" property. A value
     * that holds a new sealed type needs it here ({@code StoredNamesTest} finds them all).
     */
    static final List<Class<?>> SEALED_ROOTS = List.of(
            Event.class,
            Command.class,
            Rejection.class,
            BuyInSize.class,
            MissingChips.class,
            Party.class,
            GroupEvent.class,
            GroupCommand.class);

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    private interface TypedByName {}

    public CoreJsonModule() {
        super("bullion-core");
        for (Class<?> root : SEALED_ROOTS) {
            setMixInAnnotation(root, TypedByName.class);
        }
        StoredNames.CORE_TYPES.forEach((type, name) -> registerSubtypes(new NamedType(type, name)));
    }
}
