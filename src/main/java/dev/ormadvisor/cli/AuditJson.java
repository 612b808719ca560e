package dev.ormadvisor.cli;

import dev.ormadvisor.transparency.MerkleHash;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the members of the audit API's JSON (receipts, log listings, proofs), failing with an
 * {@link UnreadableInputException} that names the document and the member.
 */
final class AuditJson {

    private AuditJson() {
    }

    static JsonNode parse(byte[] content, String document) {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(content);
        } catch (JacksonException e) {
            throw new UnreadableInputException(document + " is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableInputException(document + " is not a JSON object");
        }
        return root;
    }

    static String string(JsonNode object, String member, String document) {
        JsonNode value = object.get(member);
        if (value == null || !value.isString()) {
            throw missing(member, "a string", document);
        }
        return value.stringValue();
    }

    /** A non-negative integer: a tree size or a leaf index. */
    static long count(JsonNode object, String member, String document) {
        JsonNode value = object.get(member);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw missing(member, "a whole number, 0 or more", document);
        }
        return value.longValue();
    }

    static byte[] hash(JsonNode object, String member, String document) {
        return hash(string(object, member, document), "'" + member + "' in " + document);
    }

    static List<byte[]> hashes(JsonNode object, String member, String document) {
        JsonNode value = object.get(member);
        if (value == null || !value.isArray()) {
            throw missing(member, "an array of base64 hashes", document);
        }
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String where = "'" + member + "[" + i + "]' in " + document;
            if (!element.isString()) {
                throw new UnreadableInputException(where + " is not a string");
            }
            hashes.add(hash(element.stringValue(), where));
        }
        return hashes;
    }

    static List<JsonNode> objects(JsonNode object, String member, String document) {
        JsonNode value = object.get(member);
        if (value == null || !value.isArray()) {
            throw missing(member, "an array", document);
        }
        List<JsonNode> objects = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                throw new UnreadableInputException("'" + member + "[" + i + "]' in " + document
                        + " is not a JSON object");
            }
            objects.add(value.get(i));
        }
        return objects;
    }

    private static byte[] hash(String base64, String where) {
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new UnreadableInputException(where + " is not base64: " + e.getMessage());
        }
        if (hash.length != MerkleHash.SIZE) {
            throw new UnreadableInputException(where + " is " + hash.length + " bytes, not a " + MerkleHash.SIZE
                    + "-byte SHA-256 hash");
        }
        return hash;
    }

    private static UnreadableInputException missing(String member, String kind, String document) {
        return new UnreadableInputException(document + " has no member '" + member + "' holding " + kind);
    }
}
