/**
 * Tiering: schemes and their versions, dry runs, runs (on demand, scheduled, live), current memberships, the
 * ledger of every move, hysteresis and pins, and their REST API. Other modules call {@link
 * org.strata.server.tiering.TieringLiveUpdates#customersChanged} or publish {@link
 * org.strata.server.tiering.CustomerDataChanged} when a customer's orders or events change.
 */
package org.strata.server.tiering;
