package org.strata.server.playbook;

/**
 * Which entrants a playbook holds out untreated: a stable pseudo-random bucket 0..99 from (customer, playbook), the
 * same in SQL (so a run of a million entrants is split by one INSERT ... SELECT) and in Java (for reports and tests).
 * Two multiplicative steps modulo different primes mix consecutive ids well; every intermediate product stays far
 * below 2^63, so H2 and PostgreSQL compute exactly the same integers.
 */
public final class Holdout {

    private static final long K1 = 2_654_435_761L;
    private static final long K2 = 40_503L;
    private static final long P1 = 4_294_967_291L;
    private static final long K3 = 48_271L;
    private static final long P2 = 2_147_483_647L;

    private Holdout() {
    }

    /** The bucket of a customer in a playbook: customers with bucket < holdout percent are held out. */
    public static int bucket(long customerId, long playbookId) {
        long first = Math.floorMod(customerId * K1 + playbookId * K2, P1);
        return (int) Math.floorMod(Math.floorMod(first * K3, P2), 100L);
    }

    public static boolean heldOut(long customerId, long playbookId, int percent) {
        return bucket(customerId, playbookId) < percent;
    }

    /** The same bucket as an SQL expression over two BIGINT columns. */
    static String bucketSql(String customerColumn, String playbookColumn) {
        return "MOD(MOD(MOD(" + customerColumn + " * " + K1 + " + " + playbookColumn + " * " + K2 + ", " + P1
                + ") * " + K3 + ", " + P2 + "), 100)";
    }
}
