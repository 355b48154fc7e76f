package io.inkwell.ratelimit;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents the 429 answer of every limited operation, marked
 * {@code @Extension(name = RateLimitOpenApi.LIMITS, value = "<policy names>")}: one shared
 * {@code TooManyRequests} response, with the Retry-After and RateLimit headers.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class RateLimitOpenApi implements OASFilter {

    /** The operation's extension naming its limits, as RateLimit-Policy does. */
    public static final String LIMITS = "x-rate-limits";
    static final String TOO_MANY_REQUESTS = "TooManyRequests";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getExtensions() != null && operation.getExtensions().containsKey(LIMITS)
                && operation.getResponses() != null) {
            operation.getResponses().addAPIResponse("429",
                    OASFactory.createAPIResponse().ref("#/components/responses/" + TOO_MANY_REQUESTS));
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addResponse(TOO_MANY_REQUESTS, OASFactory.createAPIResponse()
                .description("A rate limit is used up (see RateLimit-Policy); retry after Retry-After seconds")
                .addHeader("Retry-After", header(Schema.SchemaType.INTEGER, "Seconds until the request may succeed"))
                .addHeader("RateLimit-Policy", header(Schema.SchemaType.STRING,
                        "The limits of this endpoint, e.g. \"failed-logins-ip\";q=20;w=900 (draft-ietf-httpapi-ratelimit-headers)"))
                .addHeader("RateLimit", header(Schema.SchemaType.STRING,
                        "What is left of each limit and when its window ends, e.g. \"failed-logins-ip\";r=0;t=840"))
                .content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                        .schema(errorEnvelope()))));
    }

    /** {@code {"errors": {"body": ["too many ..."]}}}. */
    private static Schema errorEnvelope() {
        Schema messages = OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).addProperty("errors",
                OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).additionalPropertiesSchema(messages));
    }

    private static Header header(Schema.SchemaType type, String description) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(type));
    }
}
