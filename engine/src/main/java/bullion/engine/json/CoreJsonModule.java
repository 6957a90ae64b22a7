package bullion.engine.json;

import bullion.core.Command;
import bullion.core.Event;
import bullion.core.Rejection;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Teaches Jackson the core's sealed types without the core importing Jackson: each record is registered under
 * its name in {@link StoredNames#CORE_TYPES} as the "type" property. Used for the journal and for messages
 * between nodes alike.
 */
public final class CoreJsonModule extends SimpleModule {

  private static final Class<?>[] SEALED_ROOTS = {Event.class, Command.class, Rejection.class};

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
