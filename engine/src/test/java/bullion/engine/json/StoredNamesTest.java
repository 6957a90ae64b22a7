package bullion.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.core.Entry;
import bullion.core.Milestone;
import bullion.core.Paid;
import bullion.core.PayApp;
import bullion.core.Rejection;
import bullion.core.group.GroupCommand;
import bullion.engine.entity.RecentRequests;
import bullion.engine.entity.StoredEvent;
import bullion.engine.entity.TableState;
import bullion.engine.group.GroupState;
import bullion.engine.group.StoredGroupEvent;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every stored or transmitted type has exactly one name, written in the table, and no two share one; every enum
 * stored by its constants' names has them pinned here.
 */
class StoredNamesTest {

    /**
     * The enums a stored value holds, stored by constant name: renaming or dropping a constant would make every row
     * that holds it unreadable, so each constant is written out here. A new constant needs a line too.
     */
    /**
     * Classes whose stored JSON is another type's, written and read by {@code StoredJson}'s own serializers: the walk
     * goes on through what is stored. {@code RecentRequests} is kept in arrays and stored as its list of {@code Seen}.
     */
    private static final Map<Class<?>, Class<?>> STORED_AS = Map.of(RecentRequests.class, RecentRequests.Seen.class);

    private static final Map<Class<?>, List<String>> STORED_ENUMS = Map.of(
            Paid.class, List.of("CASH", "CREDIT"),
            PayApp.class, List.of("VENMO", "PAYPAL", "CASH_APP", "REVOLUT", "MONZO"),
            Entry.Kind.class, List.of("BUY_IN", "CASH_OUT"),
            Entry.Unit.class, List.of("BUY_INS", "CHIPS"),
            Milestone.Kind.class, List.of("CLOSED", "REOPENED", "PAYMENT_MARKED", "PAYMENT_UNMARKED"));

    @Test
    void everyCoreRecordHasExactlyOneTypeNameUniqueWithinItsRoot() {
        List<Class<?>> all = new ArrayList<>();
        for (Class<?> root : CoreJsonModule.SEALED_ROOTS) {
            List<Class<?>> records = leaves(root);
            assertThat(StoredNames.CORE_TYPES).as(root.getSimpleName()).containsKeys(records.toArray(Class<?>[]::new));
            List<String> names =
                    records.stream().map(StoredNames.CORE_TYPES::get).toList();
            assertThat(new HashSet<>(names))
                    .as("names under " + root.getSimpleName())
                    .hasSameSizeAs(names);
            all.addAll(records);
        }
        assertThat(StoredNames.CORE_TYPES.keySet())
                .as("no name for a type that is gone")
                .containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void everyStoredEventAndTheSnapshotHaveOneManifestAndManifestsAreUnique() {
        List<Class<?>> stored = new ArrayList<>(leaves(StoredEvent.class));
        stored.add(TableState.class);
        stored.addAll(leaves(StoredGroupEvent.class));
        stored.add(GroupState.class);
        assertThat(StoredNames.MANIFESTS.keySet()).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(new HashSet<>(StoredNames.MANIFESTS.values())).hasSameSizeAs(StoredNames.MANIFESTS.values());
        assertThat(StoredNames.MANIFESTS.values()).allMatch(m -> !m.contains(".") && !m.contains("#"));
        StoredNames.MANIFESTS.forEach(
                (type, name) -> assertThat(StoredNames.classOf(name)).contains(type));
        assertThat(StoredNames.classOf("recorded#2")).isEmpty();
    }

    @Test
    void theLegacyManifestsAreFrozenAndLeadToCurrentNames() {
        assertThat(StoredNames.LEGACY_MANIFESTS)
                .isEqualTo(Map.of(
                        "bullion.engine.entity.StoredEvent$TableCreated", "table-created",
                        "bullion.engine.entity.StoredEvent$Recorded", "recorded",
                        "bullion.engine.entity.TableState", "table-state"));
        assertThat(StoredNames.MANIFESTS.values()).containsAll(StoredNames.LEGACY_MANIFESTS.values());
    }

    @Test
    void everySealedTypeAStoredValueOrACommandHoldsIsARootWithNames() {
        Set<Class<?>> sealed = new LinkedHashSet<>();
        for (Class<?> start : List.of(
                StoredEvent.class,
                TableState.class,
                Command.class,
                Rejection.class,
                StoredGroupEvent.class,
                GroupState.class,
                GroupCommand.class)) {
            reachable(start, new HashSet<>(), sealed, new HashSet<>());
        }
        List<Class<?>> notThroughARoot = sealed.stream()
                .filter(type -> CoreJsonModule.SEALED_ROOTS.stream().noneMatch(root -> root.isAssignableFrom(type)))
                .filter(type -> type != StoredEvent.class && type != StoredGroupEvent.class)
                .toList();
        assertThat(notThroughARoot)
                .as("sealed types that CoreJsonModule does not write with a \"type\"")
                .isEmpty();
    }

    @Test
    void everyStoredEnumHasItsConstantNamesPinned() {
        Set<Class<?>> enums = new LinkedHashSet<>();
        for (Class<?> start : List.of(
                StoredEvent.class,
                TableState.class,
                Command.class,
                Rejection.class,
                StoredGroupEvent.class,
                GroupState.class,
                GroupCommand.class)) {
            reachable(start, new HashSet<>(), new HashSet<>(), enums);
        }
        assertThat(enums)
                .as("enums held by a stored value or a command")
                .containsExactlyInAnyOrderElementsOf(STORED_ENUMS.keySet());
        STORED_ENUMS.forEach((type, names) -> assertThat(
                        Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()))
                .as(type.getName())
                .containsExactlyInAnyOrderElementsOf(names));
    }

    /** Walks record components (and their type arguments) and sealed subtypes from {@code type}, collecting kinds. */
    private static void reachable(Type type, Set<Class<?>> seen, Set<Class<?>> sealed, Set<Class<?>> enums) {
        if (type instanceof ParameterizedType parameterized) {
            reachable(parameterized.getRawType(), seen, sealed, enums);
            for (Type argument : parameterized.getActualTypeArguments()) {
                reachable(argument, seen, sealed, enums);
            }
            return;
        }
        if (!(type instanceof Class<?> c) || c.isPrimitive() || c.getName().startsWith("java.") || !seen.add(c)) {
            return;
        }
        if (STORED_AS.containsKey(c)) {
            reachable(STORED_AS.get(c), seen, sealed, enums);
        } else if (c.isEnum()) {
            enums.add(c);
        } else if (c.isSealed()) {
            sealed.add(c);
            for (Class<?> sub : c.getPermittedSubclasses()) {
                reachable(sub, seen, sealed, enums);
            }
        } else if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                reachable(component.getGenericType(), seen, sealed, enums);
            }
        } else {
            throw new AssertionError(
                    c + " is held by a stored value but is neither a record, a sealed type nor an enum");
        }
    }

    /** The records under a sealed type, looking through sealed sub-interfaces such as the kinds of rejection. */
    private static List<Class<?>> leaves(Class<?> sealed) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> sub : sealed.getPermittedSubclasses()) {
            if (sub.isSealed()) {
                out.addAll(leaves(sub));
            } else {
                out.add(sub);
            }
        }
        return out;
    }
}
