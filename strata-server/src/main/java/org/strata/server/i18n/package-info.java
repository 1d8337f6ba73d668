/**
 * Error texts of the engine and the import in the language of the request: a {@code Message} in a JSON answer is
 * written as its text in the request's locale (the console's chosen language, else {@code Accept-Language}), and
 * problems in lists (rule diagnostics, scheme and YAML problems) carry their stable {@code code} next to the text.
 */
package org.strata.server.i18n;
