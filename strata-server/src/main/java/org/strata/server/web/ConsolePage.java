package org.strata.server.web;

/** Marks the controllers that render console pages, so the common page model is added to them only. */
interface ConsolePage {
}
