package bullion.engine.json;

import java.io.NotSerializableException;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * Takes the place of Pekko's jackson-json serializer (identifier 31), which wrote every journal row and snapshot
 * before {@link StoredFormatSerializer}. Pekko finds a row's reader by the identifier stored in it, so this keeps
 * those rows readable: their manifests (the Java class names of the day) go through the frozen
 * {@link StoredNames#LEGACY_MANIFESTS} to today's classes and are read strictly as version 1 of their shape.
 * Anything else with identifier 31 is a message from a node of the previous release, and the message
 * serializer reads the same JSON.
 */
public final class LegacyJacksonJsonReader extends SerializerWithStringManifest {

    public static final int IDENTIFIER = 31;
    /** The binding that serializes messages between nodes: Pekko's JSON serializer under a name of our own. */
    static final String MESSAGES = "bullion-messages";

    private final ExtendedActorSystem system;

    public LegacyJacksonJsonReader(ExtendedActorSystem system) {
        this.system = system;
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public String manifest(Object value) {
        return messages().manifest(value);
    }

    @Override
    public byte[] toBinary(Object value) {
        return messages().toBinary(value);
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        String name = StoredNames.LEGACY_MANIFESTS.get(manifest);
        if (name != null) {
            return StoredJson.read(new StoredShapes.Version(name, 1), bytes);
        }
        return messages().fromBinary(bytes, manifest);
    }

    /** Looked up on use: serializers are built while the serialization extension itself is being built. */
    private SerializerWithStringManifest messages() {
        Serialization serialization = SerializationExtension.get(system);
        int id = system.settings().config().getInt("pekko.actor.serialization-identifiers." + MESSAGES);
        Serializer serializer = serialization.serializerByIdentity().apply(id);
        return (SerializerWithStringManifest) serializer;
    }
}
