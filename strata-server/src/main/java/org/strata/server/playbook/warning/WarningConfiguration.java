package org.strata.server.playbook.warning;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(WarningProperties.class)
class WarningConfiguration {
}
