package bullion.engine.json;

import bullion.core.Command;
import bullion.core.Event;
import bullion.core.Rejection;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Teaches Jackson the core's sealed types without the core importing Jackson: each permitted record is
 * registered under its simple name ("BoughtIn", "CashOut", ...) as the "type" property. Those names are a
 * stored format; {@code StoredEventJsonTest} holds golden JSON so that a rename fails the build.
 */
public final class CoreJsonModule extends SimpleModule {

  private static final Class<?>[] SEALED_ROOTS = {Event.class, Command.class, Rejection.class};

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  private interface TypedByName {}

  public CoreJsonModule() {
    super("bullion-core");
    for (Class<?> root : SEALED_ROOTS) {
      setMixInAnnotation(root, TypedByName.class);
      registerRecords(root);
    }
  }

  /** Registers every record under a sealed type, looking through sealed sub-interfaces such as kinds of rejection. */
  private void registerRecords(Class<?> sealed) {
    for (Class<?> subtype : sealed.getPermittedSubclasses()) {
      if (subtype.isSealed()) {
        registerRecords(subtype);
      } else {
        registerSubtypes(new NamedType(subtype, subtype.getSimpleName()));
      }
    }
  }
}
