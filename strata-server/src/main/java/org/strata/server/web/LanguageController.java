package org.strata.server.web;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import java.net.URI;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The language switch: the locale interceptor has already stored {@code ?lang=} in the cookie; this sends the person
 * back to the page she came from (only a path on this server, never another site).
 */
@Controller
class LanguageController {

    @Access(Permission.READ)
    @GetMapping("/language")
    String switchLanguage(@RequestParam(name = LocaleConfiguration.PARAMETER) String lang,
                          @RequestHeader(value = "Referer", required = false) String referer) {
        return "redirect:" + localPath(referer);
    }

    static String localPath(String referer) {
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/language")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery().replaceAll("(^|&)lang=[^&]*", "");
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
