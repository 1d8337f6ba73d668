/** The Strata engine: plain Java (no Spring, servlet or JDBC framework) so it runs in the server, the CLI and Spark. */
package org.strata.engine;
