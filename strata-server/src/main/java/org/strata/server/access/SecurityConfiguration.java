package org.strata.server.access;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what at the HTTP level. The REST API accepts a personal token (Bearer, no session, no CSRF: a
 * browser never adds that header by itself) or the browser's session (then with the CSRF token, see README
 * "Access control"). Pages use the sign-in form. Everything except the sign-in page, static assets and the health
 * probe needs a signed-in person; what each person may then do is each handler's {@link Access} rule.
 */
@Configuration
class SecurityConfiguration {

    /** The content security policy: our own scripts, styles and images only; never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today; the {id} prefix lets a later default (argon2) re-hash on sign-in without a migration
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Only with a web server: the command line's import and quality commands start without one. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain strataSecurity(HttpSecurity http, ApiTokens tokens, UserAccounts users,
                                       SignInAttempts attempts) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        ApiProblemEntryPoint apiEntryPoint = new ApiProblemEntryPoint();
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/assets/**", "/favicon.ico", "/actuator/health",
                                "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(attempts)
                        .failureHandler(attempts)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenFilter::hasBearer))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(apiEntryPoint, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny()))
                .addFilterBefore(new SignInThrottleFilter(attempts), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new ApiTokenFilter(tokens, users, apiEntryPoint),
                        UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }
}
