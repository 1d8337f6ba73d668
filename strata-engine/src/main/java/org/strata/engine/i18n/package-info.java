/**
 * Error texts in the user's language. An error is a {@link org.strata.engine.i18n.Message}: a stable code (a
 * {@link org.strata.engine.i18n.MessageKey}, e.g. {@code rule.error.unknown_feature}) with its arguments; the words
 * live in {@code *.properties} bundles (English by default, Simplified Chinese in {@code _zh_CN}), so the CLI, the
 * server and a Spark job render the same error in whichever language their user reads. Plain Java: no Spring here.
 */
package org.strata.engine.i18n;
