package org.nearmiss.system.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * How the JSON API reads request bodies: a value is taken only as the JSON type the field has, so
 * nothing a client sends is changed into something it did not say. Jackson's defaults round
 * {@code 1.5} to the whole number 1, read {@code "1"} as a number and {@code 1} as text, take
 * {@code "true"} or {@code 1} for true, {@code ""} for no value at all, a missing {@code int} for 0,
 * and skip fields the request does not have (a misspelt {@code "sumbit": true} saved a draft without
 * submitting it). Each of those is refused here instead, and {@link ApiProblems} names the field.
 *
 * <p>Only request bodies are read this strictly; the application's own {@link JsonMapper}, which
 * reads back what it stored itself, keeps the defaults.
 */
@Configuration(proxyBeanMethods = false)
class RequestJson {

    /** After Spring Boot's own customizer (order 0), which puts the default JSON converter in place. */
    @Bean
    @Order(1)
    ServerHttpMessageConvertersCustomizer strictRequestBodies(JsonMapper json) {
        JsonMapper strict = strict(json);
        return converters -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
    }

    static JsonMapper strict(JsonMapper json) {
        return json.rebuild()
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .withCoercionConfigDefaults(coercion -> coercion.setAcceptBlankAsEmpty(false)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Textual,
                        coercion -> coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }
}
