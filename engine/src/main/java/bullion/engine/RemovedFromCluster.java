package bullion.engine;

/**
 * This node was downed by the others before it served anything: it can never join again, so start-up stops and the
 * process's supervisor (a restart policy, docs/deploy.md) starts it afresh as a new member, as for a node downed later.
 */
public final class RemovedFromCluster extends IllegalStateException {

    public RemovedFromCluster(String message) {
        super(message);
    }
}
