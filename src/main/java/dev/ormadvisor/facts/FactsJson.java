package dev.ormadvisor.facts;

import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * How facts are read, wherever they come from (the HTTP API, scenario files, the {@code evaluate} command):
 * refusing anything a lenient mapper would guess at. Facts that are "almost right" ({@code "4"} for a number,
 * {@code "django"} for {@code DJANGO}, a misspelt field) would get a verdict about facts nobody meant, so they are
 * rejected and the author is told which field to fix. {@code null} stays allowed for a field: it means unknown.
 */
public final class FactsJson {

    /** The largest JSON document accepted. */
    public static final int MAX_DOCUMENT_BYTES = 1_048_576;
    public static final int MAX_NESTING_DEPTH = 20;
    public static final int MAX_NUMBER_DIGITS = 20;
    public static final int MAX_STRING_CHARS = 100_000;

    private FactsJson() {
    }

    /** A JSON mapper that reads facts as strictly as the API does. */
    public static JsonMapper strictMapper() {
        return strictBinding(JsonMapper.builder(strictParsing(JsonFactory.builder()).build())).build();
    }

    /** Parser limits, so that absurd nesting or number length is refused before binding starts. */
    public static JsonFactoryBuilder strictParsing(JsonFactoryBuilder factory) {
        return factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_DIGITS)
                .maxStringLength(MAX_STRING_CHARS)
                .maxDocumentLength(MAX_DOCUMENT_BYTES)
                .build());
    }

    /** Binding without guesses: no unknown fields, no coercion between scalar types, no lenient enums. */
    public static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B strictBinding(B mapper) {
        return mapper
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                        DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                        DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS,
                        MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS,
                        MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES,
                        MapperFeature.ACCEPT_CASE_INSENSITIVE_VALUES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL,
                        EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                // A null element would reach Leaning's List.copyOf and fail there as a server error.
                .changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL))
                .withCoercionConfigDefaults(coercion -> coercion
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, coercion -> coercion
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, coercion -> coercion
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, coercion -> coercion
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, coercion -> coercion
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, coercion -> coercion
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
