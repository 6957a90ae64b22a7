package bullion.engine.json;

import java.io.NotSerializableException;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * Writes and reads the journal's events and the snapshots (bound in {@code bullion-engine.conf}): strict JSON
 * under the manifests of {@link StoredNames}, never a Java class name.
 */
public final class StoredFormatSerializer extends SerializerWithStringManifest {

    /** Stored in every row beside the manifest, so as much a contract as the names: never change it. */
    public static final int IDENTIFIER = 7301;

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public String manifest(Object value) {
        String name = StoredNames.MANIFESTS.get(value.getClass());
        if (name == null) {
            throw new IllegalArgumentException(value.getClass() + " has no stored name in StoredNames.MANIFESTS");
        }
        return StoredShapes.manifest(name);
    }

    @Override
    public byte[] toBinary(Object value) {
        manifest(value);
        return StoredJson.write(value);
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        StoredShapes.Version version = StoredShapes.parse(manifest);
        if (StoredNames.classOf(version.name()).isEmpty()) {
            throw new NotSerializableException("unknown stored manifest " + manifest);
        }
        return StoredJson.read(version, bytes);
    }
}
