package org.strata.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console speaks Simplified Chinese unless the person chose English; the choice is kept in a cookie (and, once
 * people sign in, on their user record). {@code ?lang=en} or {@code ?lang=zh-CN} on any page switches. An API call
 * without that cookie is answered in its {@code Accept-Language} (error texts, problem details), English when absent.
 */
@Configuration
class LocaleConfiguration implements WebMvcConfigurer {

    static final String COOKIE = "strata-lang";
    static final String PARAMETER = "lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setDefaultLocaleFunction(LocaleConfiguration::withoutCookie);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * A page without the cookie is Chinese; an API call without it is in its Accept-Language, and English when it
     * names none (what API clients have always been answered in). The console's scripts send the page's language.
     */
    private static Locale withoutCookie(HttpServletRequest request) {
        if (!request.getRequestURI().startsWith("/api/")) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null ? request.getLocale() : Locale.ENGLISH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(PARAMETER);
        registry.addInterceptor(change);
    }
}
