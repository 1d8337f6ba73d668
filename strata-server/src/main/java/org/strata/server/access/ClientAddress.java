package org.strata.server.access;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request came from, for the audit log. Behind a proxy the container's forwarded-header support
 * (server.forward-headers-strategy) has already replaced the remote address with the client's, trusting only
 * proxies on internal addresses, so a client cannot forge its address with its own X-Forwarded-For.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        return request == null ? null : request.getRemoteAddr();
    }
}
