/**
 * The web console: server-rendered pages (Thymeleaf) for the dashboard, customers, schemes, imports, runs and data
 * quality, in Chinese (default) or English. Pages read through the other modules' public services and REST APIs;
 * scripts under {@code static/assets} call the JSON APIs and take every visible string from the message bundles.
 */
package org.strata.server.web;
