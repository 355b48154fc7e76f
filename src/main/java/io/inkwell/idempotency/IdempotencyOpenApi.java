package io.inkwell.idempotency;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/** Documents the optional {@code Idempotency-Key} header on the writes that honour it ({@link Idempotent}). */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdempotencyOpenApi implements OASFilter {

    /** The resources marked {@link Idempotent}, by path. */
    private static final List<String> PATHS = List.of("/api/articles", "/api/profiles/");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (PATHS.stream().anyMatch(path.getKey()::startsWith)) {
                for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                    if (operation.getKey() != PathItem.HttpMethod.GET) {
                        document(operation.getValue());
                    }
                }
            }
        }
    }

    private static void document(Operation operation) {
        operation.addParameter(OASFactory.createParameter()
                .name(IdempotencyInterceptor.HEADER)
                .in(Parameter.In.HEADER)
                .required(false)
                .description("A unique key (up to 255 printable ASCII characters) that makes this write safe to repeat: "
                        + "repeats within 24 h answer the first outcome, with Idempotent-Replayed: true. "
                        + "409 while the first is in progress, 422 when reused for another request")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(257)));
    }
}
