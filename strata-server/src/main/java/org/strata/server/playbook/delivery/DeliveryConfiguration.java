package org.strata.server.playbook.delivery;

import java.net.http.HttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

    /** One client for every outgoing call: it pools connections to receivers that get many deliveries. */
    @Bean
    DeliveryHttp deliveryHttp(DeliveryProperties settings) {
        return new DeliveryHttp(HttpClient.newBuilder().connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build(), settings.requestTimeout());
    }
}
