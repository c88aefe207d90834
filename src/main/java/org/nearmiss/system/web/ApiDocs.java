package org.nearmiss.system.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the OpenAPI description at {@code /v3/api-docs} says about the API as a whole. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiDocs {

    @Bean
    OpenAPI nearmissApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Nearmiss API")
                        .version("v1")
                        .description("Anonymous filing and status for reporters (no authentication, nothing about the"
                                + " caller is kept); review for staff; the library for readers. Signed-in calls send"
                                + " a personal token made at /account: Authorization: Bearer nm_... Every failure is"
                                + " RFC 9457 problem details.")
                        .license(new License().name("Open source")))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
