package dev.ormadvisor.transparency;

/** A fixed log key for the fuzz tests, so that their committed inputs stay signed by it. Test data, no secret. */
public final class FuzzingKey {

    public static final NoteSigner LOG = NoteSigner.fromPkcs8Pem("orm-advisor.fuzz/audit", """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIGonqB0qbTelNhZcvPMt2FdDCw2skQl9RcBda6/jL6Xl
            -----END PRIVATE KEY-----
            """);

    private FuzzingKey() {
    }
}
