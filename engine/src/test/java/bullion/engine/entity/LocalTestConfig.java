package bullion.engine.entity;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;

/** Bullion's Pekko settings on a local (non-cluster) actor system with the in-memory test journal. */
final class LocalTestConfig {

    private LocalTestConfig() {}

    static Config withInMemoryJournal() {
        return ConfigFactory.load(EventSourcedBehaviorTestKit.config()
                .withFallback(ConfigFactory.parseString("pekko.actor.provider = local"))
                .withFallback(ConfigFactory.parseResources("bullion-engine.conf")));
    }
}
